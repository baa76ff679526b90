# sys.modules is a dict that import consults
import sys
fake = type(sys)("fake_module_for_test")
fake.answer = 42
sys.modules["fake_module_for_test"] = fake
import fake_module_for_test
print(fake_module_for_test.answer, fake_module_for_test is fake)
del sys.modules["fake_module_for_test"]
try:
    import fake_module_for_test as again
except ImportError as e:
    print("ImportError", e)
sys.modules["none_module"] = None
try:
    import none_module
except ImportError as e:
    print(type(e).__name__, e)
print(sys.modules["__main__"].__dict__ is globals())
