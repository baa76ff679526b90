# __import__(): argument forms and errors
def show(f):
    try:
        r = f()
        print("ok", getattr(r, "__name__", r))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: __import__("sys", level=-1))
show(lambda: __import__("sys", level=1))
show(lambda: __import__("", level=0))
show(lambda: __import__("", level=1))
show(lambda: __import__("sys", {}, {}, ["path"], 0))
show(lambda: __import__("sys", None, None, None, 0))
show(lambda: __import__("sys", fromlist=5))
show(lambda: __import__(name="sys"))
