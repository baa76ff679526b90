# __del__ at shutdown: objects released after the atexit callbacks, by
# sys.argv being cleared, and the globals of __main__
import atexit
import sys

class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name, LABEL, sys.is_finalizing())

LABEL = "globals intact"
first = Tracked("first global")
_private = Tracked("underscore global")
atexit.register(lambda obj: print("atexit holds", obj.name), Tracked("atexit argument"))
sys.argv.append(Tracked("in sys.argv"))
last = Tracked("last global")
print("end of script")
