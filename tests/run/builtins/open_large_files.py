# open(): files larger than one buffer, read in lines, chunks and sized reads
path = "/tmp/pyrite_big_case.tmp"
with open(path, "w") as f:
    for i in range(5000):
        f.write("line %d é\r\n" % i)
with open(path) as f:
    lines = f.readlines()
print(len(lines), lines[0], lines[-1], sum(len(l) for l in lines))
with open(path, newline="") as f:
    n = 0
    for line in f:
        n += line.endswith("\r\n")
print(n)
with open(path, "rb") as f:
    total = 0
    while True:
        chunk = f.read(1000)
        if not chunk:
            break
        total += len(chunk)
print(total)
with open(path) as f:
    s = f.read(10000)
    t = f.read()
print(len(s), len(t), s[:12], f.closed)
with open(path, "a") as f:
    f.write("x" * 20000)
with open(path, "rb") as f:
    f.seek(-5, 2)
    print(f.read(), f.tell())
open(path, "w").close()
