# a module whose body raises is removed from sys.modules; importing again re-executes it
import sys
for attempt in range(2):
    try:
        import _raises_on_import
    except ValueError as e:
        print("attempt", attempt, "ValueError", e, "_raises_on_import" in sys.modules)
def lazy():
    import _helper
    return _helper.VALUE
print("before lazy import")
print(lazy(), lazy())
