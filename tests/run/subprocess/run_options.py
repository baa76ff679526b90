# cwd, env, pass_fds, start_new_session, preexec_fn, umask and timeouts.
import os, subprocess, sys

print(subprocess.check_output(["pwd"], cwd="/").decode())
try:
    subprocess.run(["pwd"], cwd="/nonexistent-dir-xyz")
except FileNotFoundError as e:
    print(type(e).__name__, e)
print(subprocess.check_output(["sh", "-c", "echo $FOO-$BAR"], env={"FOO": "x", "BAR": "y", "PATH": os.environ.get("PATH", "/bin")}))
print(subprocess.check_output("echo $ONLY", shell=True, env={"ONLY": "1"}))
try:
    subprocess.run(["true"], env={"A=B": "1"})
except ValueError as e:
    print(type(e).__name__, e)
r, w = os.pipe()
subprocess.run(["sh", "-c", f"echo via-fd >&{w}"], pass_fds=(w,))
os.close(w)
print(os.read(r, 100))
os.close(r)
r, w = os.pipe()
p = subprocess.run(["sh", "-c", f"echo x >&{w}"], stderr=subprocess.PIPE, close_fds=True)
print(p.returncode != 0)
os.close(r); os.close(w)
out = subprocess.check_output(["sh", "-c", "ps -o sid= -p $$ 2>/dev/null || echo none"], start_new_session=True)
print(out.strip() != str(os.getsid(0)).encode())
print(subprocess.check_output(["sh", "-c", "umask"], umask=0o27))
def pre():
    os.environ["NEVER"] = "x"
    os.write(1, b"preexec ran\n")
print(subprocess.check_output(["echo", "after"], preexec_fn=pre))
def bad():
    raise ValueError("boom")
try:
    subprocess.run(["true"], preexec_fn=bad)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)
try:
    subprocess.run(["sleep", "0.1"], timeout=0.01)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e.cmd, str(e).split(" after ")[0])
p = subprocess.Popen(["sleep", "0.1"], stdout=subprocess.PIPE)
try:
    p.communicate(timeout=0.01)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e.timeout)
p.kill()
print(p.communicate(), p.returncode)
p = subprocess.Popen(["sleep", "0.1"])
p.terminate()
print(p.wait())
print(p.poll())
for env in [{"A\0B": "1"}, {"A": "b\0c"}]:
    try:
        subprocess.run(["true"], env=env)
    except ValueError as e:
        print(type(e).__name__, e)
