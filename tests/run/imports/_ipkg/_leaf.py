"""A module of _ipkg."""
print("  _ipkg._leaf runs, __name__ =", __name__, "__package__ =", __package__)
LEAF = "leaf"
