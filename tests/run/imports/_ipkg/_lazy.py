"""A submodule imported only on demand (by from-import * through __all__)."""
print("  _ipkg._lazy runs")
LAZY = "lazy"
