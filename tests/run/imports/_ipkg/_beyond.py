"""Tries a relative import beyond the top-level package."""
from ... import nothing
