# SystemExit(True) is status 1, SystemExit(False) status 0
import sys
print("bool code")
sys.exit(True)
