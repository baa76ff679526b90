# In the C locale, UTF-8 mode is on (PEP 540) and stdin/stdout use
# surrogateescape, so undecodable bytes round-trip; stderr keeps
# backslashreplace.
import sys

print(sys.flags.utf8_mode, sys.stdin.errors, sys.stdout.errors, sys.stderr.errors)
print(sys.stdout.encoding, sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
sys.stdout.write(b"caf\xe9\n".decode("utf-8", "surrogateescape"))
