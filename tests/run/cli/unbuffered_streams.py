# -u: stdout and stderr are unbuffered binary streams beneath text layers
# that write through; stdin stays buffered.
import sys

print(sys.stdout.write_through, sys.stderr.write_through, sys.stdin.write_through)
print(type(sys.stdout.buffer).__name__, type(sys.stderr.buffer).__name__, type(sys.stdin.buffer).__name__)
print(sys.stdout.line_buffering, sys.stderr.line_buffering)
sys.stdout.write("no newline, yet written")
sys.stderr.write("err\n")
sys.stdout.write("\n")
