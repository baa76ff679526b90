# failing imports from the script's directory
try:
    import _does_not_exist
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e, e.name)
try:
    from _helper import missing_name
except ImportError as e:
    print("ImportError", str(e).split(" (")[0], e.name)
import _helper
try:
    _helper.fail()
except ValueError as e:
    print("ValueError", e)
