class Parser:
    def parse(self, text):
        def convert(token):
            return int(token)
        return [convert(t) for t in text.split()]
p = Parser()
print(p.parse("1 2 3"))
p.parse("4 five 6")
