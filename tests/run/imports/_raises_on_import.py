"""A sibling module whose body fails (imported by cases, not a case)."""
print("  partially executed")
raise ValueError("module body failed")
