# subprocess.run / check_output / Popen with pipes, errors and return codes.
import subprocess, sys

r = subprocess.run(["echo", "hi"], capture_output=True)
print(r)
print(subprocess.check_output(["sh", "-c", "echo out; echo err >&2"], stderr=subprocess.STDOUT))
print(repr(subprocess.check_output("echo $((1+2))", shell=True, text=True)))
print(subprocess.run("exit 3", shell=True).returncode)
print(subprocess.call(["true"]), subprocess.call(["false"]))
try:
    subprocess.run(["false"], check=True)
except subprocess.CalledProcessError as e:
    print(type(e).__name__, e, e.returncode, e.cmd)
try:
    subprocess.check_output(["sh", "-c", "echo partial; exit 7"])
except subprocess.CalledProcessError as e:
    print(e, e.output)
try:
    subprocess.run(["nonexistent-prog-xyz"])
except FileNotFoundError as e:
    print(type(e).__name__, e, e.errno, e.filename)
try:
    subprocess.run(["/nonexistent/dir/prog"])
except FileNotFoundError as e:
    print(type(e).__name__, e)
try:
    subprocess.run(["/"])
except PermissionError as e:
    print(type(e).__name__, e)
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
print(p.communicate(b"abc\n"), p.returncode)
p = subprocess.Popen(["sh", "-c", "kill -9 $$"])
print(p.wait())
p = subprocess.Popen(["sh", "-c", "read x; echo got $x"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
out, err = p.communicate("line\n")
print(repr(out), err, p.returncode)
r = subprocess.run(["cat"], input="text mode\n", capture_output=True, text=True)
print(repr(r.stdout), repr(r.stderr))
r = subprocess.run(["sh", "-c", "echo e1 >&2"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
print(r.stdout, r.stderr)
with subprocess.Popen(["echo", "ctx"], stdout=subprocess.PIPE) as p:
    print(p.stdout.read())
print(p.returncode)
r = subprocess.run([sys.executable, "-c", "import sys; sys.exit(5)"])
print(r.returncode)
print(subprocess.getoutput("echo go; exit 2"), subprocess.getstatusoutput("echo gs; exit 2"))
# communicate through selectors.SelectSelector (select.select on sets).
import selectors
subprocess._PopenSelector = selectors.SelectSelector
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(p.communicate(b"via select"))
