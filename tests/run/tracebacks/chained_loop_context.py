def cleanup():
    raise OSError("cleanup failed")
try:
    raise ValueError("main failure")
finally:
    cleanup()
