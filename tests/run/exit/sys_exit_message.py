import sys
print("exit with message")
sys.exit("fatal: something went wrong")
