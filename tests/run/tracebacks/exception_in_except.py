def handler():
    try:
        {}["a"]
    except KeyError:
        [][1]
handler()
