# A child killed by a signal: returncode is minus the signal number and
# CalledProcessError names the signal (signal.Signals).
import subprocess

r = subprocess.run(["sh", "-c", "kill -TERM $$"])
print(r.returncode)
try:
    subprocess.run(["sh", "-c", "kill -KILL $$"], check=True)
except subprocess.CalledProcessError as e:
    print(e)
    print(e.returncode)
