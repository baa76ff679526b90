# a traceback through several frames, carets under sub-expressions
def level3(data):
    return data["missing"] + 1
def level2(data):
    value = level3(data) * 2
    return value
def level1():
    return level2({"present": 1})
print("start")
level1()
