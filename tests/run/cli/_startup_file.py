# Run by repl_startup_file.py's prompt through PYTHONSTARTUP.
greeting = "set by the startup file"
print("startup ran", __name__, __file__)
