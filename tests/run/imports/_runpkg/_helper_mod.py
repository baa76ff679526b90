"""A module of _runpkg imported relatively by its __main__."""
VALUE = "relative import from __main__ works"
