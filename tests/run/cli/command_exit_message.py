# Not run itself: -c ending with sys.exit('message').
