"""Sibling module with __all__ (imported by cases, not a case)."""
__all__ = ["public", "also"]
public = "public value"
also = "also exported"
not_exported = "hidden from star import"
_private = "private"
