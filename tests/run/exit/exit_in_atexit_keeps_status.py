# SystemExit in an atexit callback does not change the exit status
import atexit
import sys

class Exit:
    def __repr__(self):
        return "Exit()"
    def __call__(self):
        sys.exit(9)

atexit.register(Exit())
sys.exit(2)
