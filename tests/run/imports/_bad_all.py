"""A module whose __all__ holds a non-string (not a case)."""
__all__ = ["ok", 5]
ok = 1
