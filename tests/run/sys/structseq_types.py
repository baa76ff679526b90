# sys struct sequences: version_info, flags, float_info, int_info, hash_info, thread_info
import sys
for v in [sys.version_info, sys.flags, sys.float_info, sys.int_info, sys.hash_info, sys.thread_info]:
    t = type(v)
    print(t.__name__, t.__module__, t.n_fields, t.n_sequence_fields, t.n_unnamed_fields, len(v), isinstance(v, tuple))
    print("   ", t.__match_args__[:3], t.__doc__.splitlines()[0])
print(repr(sys.int_info), repr(sys.hash_info))
print(repr(sys.float_info))
print(repr(sys.version_info)[:30], sys.version_info[:2] == (3, 11), sys.version_info.major, sys.version_info[-2])
print(sys.flags.optimize, sys.flags.dev_mode, sys.flags.safe_path, repr(sys.flags)[:40])
print(sys.thread_info.name, sys.thread_info.lock, type(sys.thread_info.version).__name__)
print(type(sys.version_info).major, type(sys.flags).debug.__doc__, type(sys.float_info).max.__doc__)
print(type(sys.int_info)((1, 2, 3, 4)), type(sys.float_info)((0,) * 11).radix)
match sys.version_info:
    case (3, minor, *_):
        print("3.x", minor)
IntInfo = type(sys.int_info)
match sys.int_info:
    case IntInfo(bits_per_digit=b, sizeof_digit=s):
        print("int_info", b, s)
print(sys.version_info > (3, 10), sys.version_info < (4,), max(sys.version_info[:3]) >= 3, list(sys.hash_info)[:3])
for f in [lambda: type(sys.version_info)((1, 2, 3, "final", 0)), lambda: type(sys.flags)(), lambda: type(sys.int_info)((1,)),
          lambda: type(sys.int_info)((1,) * 5), lambda: setattr(sys.version_info, "major", 4), lambda: setattr(sys.flags, "x", 1),
          lambda: delattr(sys.float_info, "max"), lambda: sys.version_info.nope, lambda: type(sys.thread_info)(None)]:
    try:
        print("ok", f())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
