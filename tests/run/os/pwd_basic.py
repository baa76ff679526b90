# The pwd module: password database entries as struct_passwd.
import os, pwd
from _osutil import attempt

root = pwd.getpwuid(0)
print(type(root).__name__, type(root).__module__, len(root), root.pw_name, root.pw_uid, root.pw_gid, root[0] == root.pw_name)
print(root == pwd.getpwnam(root.pw_name), all(isinstance(x, str) for x in (root.pw_dir, root.pw_shell, root.pw_gecos, root.pw_passwd)))
me = pwd.getpwuid(os.getuid())
print(me.pw_uid == os.getuid(), isinstance(me.pw_dir, str))
allp = pwd.getpwall()
print(type(allp).__name__, root in allp, all(type(p) is pwd.struct_passwd for p in allp))
print(pwd.struct_passwd.__match_args__, pwd.struct_passwd.n_fields, pwd.struct_passwd.pw_dir.__doc__)
print(pwd.struct_passwd(("a", "b", 1, 2, "c", "d", "e")))
attempt("getpwuid missing", pwd.getpwuid, 2 ** 31 - 7)
attempt("getpwuid negative", pwd.getpwuid, -5)
attempt("getpwuid huge", pwd.getpwuid, 2 ** 70)
attempt("getpwuid str", pwd.getpwuid, "0")
attempt("getpwnam missing", pwd.getpwnam, "no such user here")
attempt("getpwnam bytes", pwd.getpwnam, b"root")
attempt("getpwnam null", pwd.getpwnam, "a\0b")
attempt("getpwnam no args", pwd.getpwnam)
print(os.path.expanduser("~root") == root.pw_dir)
home = os.environ.pop("HOME", None)
print(os.path.expanduser("~") == pwd.getpwuid(os.getuid()).pw_dir, os.path.expanduser("~/x").endswith("/x"))
if home is not None:
    os.environ["HOME"] = home
print(os.path.expanduser("~no_such_user_here/x"))
