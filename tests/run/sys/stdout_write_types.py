# writing to sys.stdout and sys.stderr interleaves per stream; print returns None
import sys
r = print("first")
print(r)
print(sys.stdout.write("abc"), sys.stdout.write("\n"))
print(sys.stderr.write("err line\n"))
sys.stdout.write("é中\U0001f600\n")
print("\udcff".encode("utf-8", "surrogateescape"))
sys.stdout.flush()
print(sys.stdout.name if hasattr(sys.stdout, "name") else "<stdout>", sys.stderr.name if hasattr(sys.stderr, "name") else "<stderr>")
