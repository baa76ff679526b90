"""A module inside a namespace package (a directory without __init__.py)."""
NS = "namespace module " + __name__
