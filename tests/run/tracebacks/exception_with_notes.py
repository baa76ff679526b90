def check(n):
    if n < 0:
        e = ValueError("negative value")
        e.add_note("value was %d" % n)
        e.add_note("second note\nwith two lines")
        raise e
check(-5)
