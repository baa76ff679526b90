"""Other half: asks for a name _circ1 has not defined yet."""
from ._circ1 import ONE
TWO = 2
