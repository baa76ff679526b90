# input() with empty standard input raises EOFError
try:
    input()
except EOFError as e:
    print("EOFError", repr(e))
try:
    input("prompt: ")
except EOFError as e:
    print("EOFError", e)
print("done")
