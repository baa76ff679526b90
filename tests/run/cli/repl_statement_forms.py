# Not run itself: statement forms at the prompt (decorators, blank lines in a
# block, match, backslash continuation, comment-only and blank input)
