"""Half of a circular import pair (imported by cases, not a case)."""
print("  _circ_a starts")
A_EARLY = "a-early"
import _circ_b
A_LATE = "a-late:" + _circ_b.B_VALUE
print("  _circ_a ends")
