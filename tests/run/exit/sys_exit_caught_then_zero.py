# SystemExit(0) and exit code 0
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught", e.code, e.args)
sys.exit(0)
