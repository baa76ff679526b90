# -bb: comparing bytes with str raises BytesWarning.
import sys

print(sys.flags.bytes_warning, b'a' == b'a', b'a' == 1.0)
try:
    b'a' == 'a'
except BytesWarning as e:
    print("caught", e)
print(str(b'uncaught'))
