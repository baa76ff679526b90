this first line is not Python: -x skips it
import sys
print("ran", sys.flags.optimize)
raise ValueError("line numbers count from the second line")
