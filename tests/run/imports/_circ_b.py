"""Other half of the circular import pair."""
print("  _circ_b starts")
import _circ_a
B_VALUE = "b sees " + _circ_a.A_EARLY + ", late present: " + str(hasattr(_circ_a, "A_LATE"))
print("  _circ_b ends")
