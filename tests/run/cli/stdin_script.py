# Not run itself: `-` runs the program read from standard input (stdin_script.stdin).
