import io, sys, pickle, traceback, struct
b = io.BytesIO()
pickle.dump({"k": [1, 2.5, "s"]}, b)
b.seek(0)
print(pickle.load(b))
s = io.StringIO()
try:
    1 / 0
except ZeroDivisionError:
    traceback.print_exc(file=s)
print(s.getvalue().splitlines()[-1])
sys.stdout.write("text ")
sys.stdout.buffer.write(b"bytes ")
print("end", flush=True)
bio = io.BytesIO(struct.pack("<IH", 7, 9))
print(struct.unpack("<IH", bio.read(6)))
import configparser
c = configparser.ConfigParser()
c.read_file(io.StringIO("[s]\nk = v\n"))
print(c["s"]["k"])
