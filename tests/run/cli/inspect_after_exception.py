# -i after an uncaught exception and SystemExit: both printed, the prompt runs
import sys
print("before")
sys.exit(3)
