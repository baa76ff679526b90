class Base:
    def load(self, key):
        return self.store[key]
class Child(Base):
    def __init__(self):
        self.store = {}
    def load(self, key):
        return super().load(key.lower())
Child().load("KEY")
