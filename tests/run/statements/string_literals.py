# string literal forms and f-strings
print('single', "double", '''triple
line''', r"raw\n", b"bytes", rb"raw\bytes", "implicit" " concat", "\x41\u00e9\N{GREEK SMALL LETTER ALPHA}\U0001F600")
name, width, value = "pi", 10, 3.14159
print(f"{name}={value:.2f}", f"{name!r:>{width}}", f"{{literal}}", f"{value = }", f"{1 + 1 = }", f"{'nested' + f'{1}'}")
print(f"{3:{'>'}{width}}|", f"{[1, 2]}", f"{dict(a=1)['a']}", f"{'a' if True else 'b'}", f"{name.upper()}", f"{width:#x}")
print(f"{value!s:^12}|", f"{'x'!a}", f"{(lambda: 5)()}", f"""{
    value
}""", F"upper F", fR"{name}\t")
print("\a\b\f\v".encode(), "\0\7\77\101", "\
continued")
