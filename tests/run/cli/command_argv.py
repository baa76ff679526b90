# Not run itself: the -c code in command_argv.args runs, with this path as an argument.
