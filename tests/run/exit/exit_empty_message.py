# sys.exit("") prints an empty line and exits 1
import sys
sys.exit("")
