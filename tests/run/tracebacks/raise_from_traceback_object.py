def first():
    raise KeyError("original")
def second():
    try:
        first()
    except KeyError as e:
        raise TypeError("wrapped") from e
def third():
    second()
third()
