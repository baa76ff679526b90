"""A package with a __main__ (for `pyrite -m`)."""
