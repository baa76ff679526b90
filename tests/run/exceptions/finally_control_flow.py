# return/break/continue interacting with finally
def ret_in_finally():
    try:
        return "try"
    finally:
        return "finally"
print(ret_in_finally())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(swallow())
def order():
    log = []
    try:
        log.append(1)
        return log
    finally:
        log.append(2)
print(order())
def loop_break():
    out = []
    for i in range(5):
        try:
            if i == 2:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_break())
def loop_continue():
    out = []
    for i in range(3):
        try:
            continue
        finally:
            out.append(i)
    return out
print(loop_continue())
def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return "exception discarded at %d" % i
print(break_in_finally())
def continue_in_finally():
    n = 0
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            n += 1
            continue
    return n
print(continue_in_finally())
def nested_finally():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(nested_finally())
def while_finally():
    i = 0
    while True:
        try:
            i += 1
            if i > 3:
                return i
        finally:
            print("iteration", i)
print(while_finally())
