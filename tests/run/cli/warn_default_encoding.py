# -X warn_default_encoding (PEP 597): text opened without an encoding warns
# from the caller's line; io.text_encoding warns from its caller's caller.
import io
import sys

print(sys.flags.warn_default_encoding)
io.TextIOWrapper(io.BytesIO())
io.TextIOWrapper(io.BytesIO(), encoding="locale")


def helper():
    return io.text_encoding(None)


print(helper(), io.text_encoding("latin-1"), io.text_encoding(None, 1))
open(__file__, "rb").close()
open(__file__, "r", encoding=None).close()
open(__file__, encoding="utf-8").close()
open(__file__, encoding="locale").close()
