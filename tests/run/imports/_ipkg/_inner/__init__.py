"""A subpackage using relative imports of its parent."""
from .. import PKG_VALUE
from .._leaf import LEAF
from ._deep import DEEP
INNER = (PKG_VALUE, LEAF, DEEP)
