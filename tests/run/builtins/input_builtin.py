# input() reads lines from standard input (see input_builtin.stdin)
print(repr(input()))
print(repr(input("prompt> ")))
print(repr(input()))
import sys
print(repr(sys.stdin.readline()))
print(repr(sys.stdin.read()))
try:
    input("last> ")
except EOFError as e:
    print("EOFError", e)
