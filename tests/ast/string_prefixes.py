"double"
'single'
"""triple double"""
'''triple single'''
r"raw\n"
R"RAW\n"
u"unicode"
U"UNICODE"
b"bytes"
B"BYTES"
br"raw bytes\n"
rb"raw bytes\n"
Rb"\x"
bR"\x"
BR'x'
rB'x'
"implicit" 'concatenation' """across""" '''kinds'''
b"bytes" b'concat'
u"u" "plain"
("multi"
 "line"
 "concat")
""
b""
r""
"""multi
line
string"""
