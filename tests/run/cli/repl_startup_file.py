# Not run itself: the prompt (`-i -`) runs PYTHONSTARTUP first, in __main__
