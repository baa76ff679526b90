# sys.flags fields that do not depend on how the interpreter was started, and float/int info
import sys
f = sys.flags
print(f.debug, f.inspect, f.interactive, f.optimize, f.dont_write_bytecode, f.verbose, f.bytes_warning, f.quiet, f.isolated)
print(f.dev_mode, f.utf8_mode in (0, 1), f.safe_path, f.int_max_str_digits in (-1, 4300))
print(sys.float_info.mant_dig, sys.float_info.max_exp, sys.float_info.min_exp, sys.float_info.radix, sys.float_info.min)
print(sys.int_info.sizeof_digit in (2, 4), sys.maxsize.bit_length(), sys.maxunicode == 0x10FFFF)
