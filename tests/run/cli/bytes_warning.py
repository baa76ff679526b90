# -b: BytesWarning where bytes meet str (printed once per place, as the
# "default" filter does); -bb would make them errors.
import sys
import warnings

print(sys.flags.bytes_warning)
print(b'a' == 'a', b'a' != 1, bytearray(b'a') == 'a', 'a' == b'a', b'a' == 1.5, b'a' < b'b')
print('%s' % b'x', str(bytearray(b'z')), format(b'w'), repr(b'r'))
for i in range(2):
    str(b'loop')  # warned the first time only
with warnings.catch_warnings():
    warnings.simplefilter("error", BytesWarning)
    for expr in (lambda: str(b'e'), lambda: b'e' == 'e', lambda: bytearray() != '', lambda: b'' == 0):
        try:
            expr()
        except BytesWarning as e:
            print("BytesWarning:", e)
