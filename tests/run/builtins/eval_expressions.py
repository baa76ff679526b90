# eval of many expression kinds
exprs = ["1 + 2 * 3", "[x * x for x in range(4)]", "{'a': 1}['a']", "(lambda y: y + 1)(1)", "'abc'[::-1]", "2 ** 100",
         "1 if [] else 2", "not 0", "(1, 2) + (3,)", "{1, 2} | {3}", "len('four')", "f'{3 * 3}'", "...", "None", "b'x' * 3",
         "[*range(3), *'ab']", "{**{'a': 1}, 'b': 2}", "0x10 + 0o10 + 0b10", "-5 // 2", "'%s-%s' % ('a', 'b')", "1 < 2 < 3",
         "sum(i for i in range(10))", "max([3, 9, 2])", "(a := 5) + a", "[(yield_ := 1)]"]
for e in exprs:
    print(e, "=>", repr(eval(e)))
