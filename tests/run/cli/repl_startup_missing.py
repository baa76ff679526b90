# Not run itself: a PYTHONSTARTUP that cannot be opened is reported, the prompt goes on
