class Manager:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("exit sees", exc[0].__name__)
        return False
with Manager():
    int("not a number")
