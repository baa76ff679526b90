# sys.stdin/stdout text and binary layers: sized reads, .buffer, ordering of text and bytes
import sys
def show(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__, e, [c.__name__ for c in type(e).__mro__[1:3]])
print(sys.stdin.read(3), repr(sys.stdin.readline(4)), repr(sys.stdin.readline()))
print(sys.stdin.buffer.read(2), sys.stdin.buffer.readline(), repr(sys.stdin.buffer))
print(sys.stdin.readlines(1), sys.stdin.readlines())
print(repr(sys.stdin.read()), repr(sys.stdin.readline()), sys.stdin.buffer.read())
b = sys.stdout.buffer
show(lambda: b is sys.stdout.buffer)
show(lambda: (b.mode, b.name, b.closed, b.writable(), b.readable(), sys.stdin.buffer.mode))
show(lambda: b.write("text"))
show(lambda: sys.stdin.buffer.write(b"x"))
show(lambda: sys.stdin.write("x"))
show(lambda: sys.stdout.read())
show(lambda: sys.stdout.readline())
show(lambda: sys.stdin.read("x"))
show(lambda: sys.stdin.read(1, 2))
show(lambda: sys.stdout.write())
show(lambda: sys.stdout.writelines([1]))
show(lambda: (sys.stdout.mode, sys.stdin.mode, sys.stdout.newlines, sys.stderr.line_buffering, sys.stdout.writable()))
sys.stdout.flush()
print("text before bytes")
b.write(b"bytes written to the buffer\n")
sys.stdout.flush()
print("after flush", b.write(bytearray(b"")))
sys.stdout.writelines(["a", "b\n"])
