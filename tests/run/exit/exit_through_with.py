# sys.exit inside nested functions and a with block
import sys
class CM:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit sees", t.__name__, v.code)
def inner():
    with CM():
        sys.exit(4)
inner()
