"""A module two levels down."""
from .. import _leaf as parent_leaf
DEEP = "deep in " + parent_leaf.__name__ + " / " + __name__
