# sys.stdout / sys.stderr / sys.stdin objects
import sys
sys.stdout.write("written directly\n")
n = sys.stdout.write("counted\n")
print(n)
sys.stderr.write("to stderr\n")
sys.stdout.flush()
print(sys.stdout.encoding, sys.stderr.encoding, sys.stdin.readable(), sys.stdout.writable(), sys.stdout is sys.__stdout__)
print(sys.stdin.read(), sys.stdin.readline() == "", sys.stdout.isatty(), sys.stderr.errors, sys.stdout.errors)
class Capture:
    def __init__(self):
        self.data = []
    def write(self, s):
        self.data.append(s)
        return len(s)
    def flush(self):
        pass
old = sys.stdout
sys.stdout = Capture()
print("captured", 1)
cap, sys.stdout = sys.stdout, old
print(cap.data)
print("stderr line", file=sys.stderr)
print("back to normal")
sys.stdout.writelines(["a\n", "b\n"])
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError", e)
