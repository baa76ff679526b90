"""Second sibling module; imports the first one."""
import _helper
print("other module executing")
doubled = _helper.VALUE * 2
