raise RuntimeError("first line\nsecond line\n  indented third")
