class Weird(Exception):
    def __str__(self):
        raise ValueError("cannot render")
raise Weird("x")
