import sys
print("running", __name__, __package__, __spec__.name)
print("argv", sys.argv[0].replace("\\", "/").rsplit("/", 2)[-2:], sys.argv[1:])
print("path0 is cwd", sys.path[0] == __file__.rsplit("/", 2)[0])
from . import _helper_mod
print(_helper_mod.VALUE)
