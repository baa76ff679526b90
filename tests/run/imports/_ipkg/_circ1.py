"""Circular pair whose from-import fails."""
from ._circ2 import TWO
ONE = 1
