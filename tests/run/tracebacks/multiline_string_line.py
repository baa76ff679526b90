def build(parts):
    return "-".join(parts)
text = build(["a",
              "b",
              3])
