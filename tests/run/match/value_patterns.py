# dotted names are value patterns; bare names capture; compared with ==
class Status:
    OK = 200
    NOT_FOUND = 404
    class Nested:
        TEAPOT = 418
def status(code):
    match code:
        case Status.OK:
            return "ok"
        case Status.NOT_FOUND:
            return "not found"
        case Status.Nested.TEAPOT:
            return "teapot"
        case 500 | 502 | 503 as server:
            return f"server error {server}"
        case other:
            return f"unknown {other}"
print([status(c) for c in [200, 200.0, 404, 418, 502, 999, True]])
class AlwaysEqual:
    def __eq__(self, other):
        return True
class Holder:
    ANY = AlwaysEqual()
match "anything":
    case Holder.ANY:
        print("value pattern used __eq__")
