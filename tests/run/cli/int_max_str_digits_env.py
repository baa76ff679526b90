# PYTHONINTMAXSTRDIGITS sets the limit conversions enforce
import sys
print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
try:
    int('1' * 1001)
except ValueError as e:
    print(type(e).__name__, e)
print(len(str(int('1' * 1000))))
