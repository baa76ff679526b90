# Not run itself: -c with a syntax error.
