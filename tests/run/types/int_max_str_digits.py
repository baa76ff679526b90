# the limit on int <-> str conversion of huge decimal numbers
import sys
print(sys.get_int_max_str_digits())
print(sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
big = 10 ** 5000
try:
    s = str(big)
except ValueError as e:
    print("ValueError", e)
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError", e)
print(len(hex(big)), int("1" * 4300) % 97)
sys.set_int_max_str_digits(6000)
print(sys.get_int_max_str_digits(), len(str(big)))
sys.set_int_max_str_digits(0)
print(sys.get_int_max_str_digits(), len(str(10 ** 20000)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print("ValueError", e)
sys.set_int_max_str_digits(640)
try:
    print(str(10 ** 700))
except ValueError as e:
    print("ValueError", e)
print(len(repr(10 ** 639)))
try:
    int("9" * 641)
except ValueError as e:
    print("ValueError", e)
print(int("9" * 641, 16) % 1000)
