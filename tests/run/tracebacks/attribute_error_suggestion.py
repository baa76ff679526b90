class Point:
    def __init__(self):
        self.horizontal = 1
p = Point()
print(p.horizontl)
