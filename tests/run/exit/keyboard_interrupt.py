# KeyboardInterrupt uncaught: traceback and status 1
print("interrupting")
raise KeyboardInterrupt
