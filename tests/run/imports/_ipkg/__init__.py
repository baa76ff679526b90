"""A package the import cases use (not a case)."""
print("  _ipkg init, __name__ =", __name__, "__package__ =", __package__)
PKG_VALUE = "pkg-value"
from . import _leaf
from ._leaf import LEAF as LEAF_ALIAS
__all__ = ["PKG_VALUE", "_leaf", "_lazy"]
