# -W error::SyntaxWarning: the compiler's warnings become errors.
import sys
print(sys.warnoptions)
for src in ["x = 1 is 1", "y = 2"]:
    try:
        compile(src, "<test>", "exec")
        print("compiled", src)
    except SyntaxError as e:
        print(type(e).__name__, e)
    except SyntaxWarning as e:
        print(type(e).__name__, e)
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    compile("x is 'a'", "<rec>", "exec")
print([(x.category.__name__, str(x.message), x.filename, x.lineno) for x in w])
