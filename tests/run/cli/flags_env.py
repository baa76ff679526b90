# sys.flags, warnoptions and _xoptions from PYTHON* environment variables
import sys
print(sys.flags)
print(sys.warnoptions)
print(sorted(sys._xoptions.items()))
print(sys.get_int_max_str_digits())
print(sys.dont_write_bytecode)
