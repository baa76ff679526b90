# float() text edge cases: underscores, exponents, special values, whitespace and Unicode digits, huge and tiny values
texts = ["1_0", "1__0", "_1", "1_", "1_.5", "1._5", "1.5_", "1e1_0", "1e_10", "1_e10", ".5", "5.", ".", "e5", "1e", "1e+", "1e-5",
         "+.5e-3", "-0", "-0.0", "0e0", "1E400", "-1e400", "1e-400", "4.9e-324", "2.4e-324", "2.5e-324", "1.7976931348623157e308",
         "1.7976931348623159e308", "inf", "+inf", "-INF", "Infinity", "-iNfInItY", "infinit", "nan", "+NaN", "-nan", "nan1", "0x10",
         "\u0661.\u0665", "\uff11\uff0e\uff15", " \t1.5\n ", "\u30001.5\u3000", "1.5\x00", "1,5", "1 5", "١e٣", "0.1e-1_0",
         "123456789012345678901234567890", "0." + "0" * 400 + "1", "1" + "0" * 400, "9" * 20 + ".5e-10"]
for t in texts:
    try:
        print(repr(t[:30]), repr(float(t)))
    except ValueError as e:
        print(repr(t[:30]), "ValueError", str(e)[:60])
