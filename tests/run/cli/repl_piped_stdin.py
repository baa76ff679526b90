# Not run itself: `-i -` reads statements from piped stdin at the prompt
