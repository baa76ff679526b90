# BaseException subclasses pass through `except Exception`
for exc in [KeyboardInterrupt, SystemExit, GeneratorExit, ValueError]:
    try:
        try:
            raise exc()
        except Exception:
            print(exc.__name__, "caught by except Exception")
    except BaseException as b:
        print(exc.__name__, "reached except BaseException", type(b).__name__)
try:
    raise KeyboardInterrupt("ctrl-c")
except KeyboardInterrupt as k:
    print("KeyboardInterrupt caught", k.args)
try:
    raise BaseExceptionGroup("mixed", [KeyboardInterrupt(), ValueError()])
except* KeyboardInterrupt as g:
    print("except* KeyboardInterrupt", repr(g))
except* ValueError as g:
    print("except* ValueError", repr(g))
