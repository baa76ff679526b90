# more than 15 sub-exceptions: the box shows 15 and counts the rest
errors = [ValueError(f"bad {i}") for i in range(17)]
raise ExceptionGroup("too many", errors)
