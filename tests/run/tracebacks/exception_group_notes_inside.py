def failing(i):
    e = ValueError(f"item {i}")
    e.add_note(f"while processing item {i}")
    return e
raise ExceptionGroup("batch failed", [failing(1), failing(2)])
