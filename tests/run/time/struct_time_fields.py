# time.struct_time: a tuple subtype with named read-only fields and two
# fields (tm_zone, tm_gmtoff) that are not part of the tuple
import time
st = time.struct_time((2001, 9, 9, 1, 46, 40, 6, 252, 0))
print(st)
print(st.tm_year, st.tm_yday, st[0], st[-1], st[2:4], len(st), st.tm_zone, st.tm_gmtoff)
print(isinstance(st, tuple), st == (2001, 9, 9, 1, 46, 40, 6, 252, 0), hash(st) == hash(tuple(st)))
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.n_unnamed_fields)
print(time.struct_time.__match_args__)
print(time.struct_time.tm_year, type(time.struct_time.tm_year).__name__, time.struct_time.tm_zone.__doc__)
print(time.struct_time.__name__, time.struct_time.__module__, time.struct_time.__qualname__, time.struct_time.__mro__)
full = time.struct_time((1,) * 10, {"tm_zone": "XYZ", "tm_gmtoff": 3600, "ignored": 1})
print(full, full.tm_zone, full.tm_gmtoff)
print(full.__reduce__())
print(time.struct_time("abcdefghi").tm_mon, time.struct_time([0] * 9, {}).tm_zone)
print(st + (1,), st.count(9), st.index(40), list(reversed(st))[:2], sorted(st)[:3])
y, m, *rest = st
print(y, m, rest)
match st:
    case time.struct_time(tm_year=year, tm_mon=month):
        print("matched", year, month)
for bad in [lambda: time.struct_time(), lambda: time.struct_time((1, 2, 3)), lambda: time.struct_time((1,) * 12),
            lambda: time.struct_time(5), lambda: time.struct_time((1,) * 9, 5), lambda: time.struct_time((1,) * 9, dict=None),
            lambda: time.struct_time((1,) * 9, {}, 3), lambda: time.struct_time((1,) * 9, x=1),
            lambda: setattr(st, "tm_year", 1), lambda: delattr(st, "tm_mon"), lambda: setattr(st, "other", 1),
            lambda: st.other, lambda: vars(st), lambda: st.__dict__, lambda: st.__setitem__(0, 1)]:
    try:
        print("ok", bad())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    class Sub(time.struct_time):
        pass
except TypeError as e:
    print("TypeError", e)
