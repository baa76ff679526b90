# Standard library modules built on re: string.Template, textwrap, fnmatch
# and json's decoder.
import string, textwrap, fnmatch, json

t = string.Template('$who likes ${what}; $$5')
print(t.substitute(who='tim', what='pie'), t.safe_substitute(who='x'), t.get_identifiers(), t.is_valid())
try:
    string.Template('$1').substitute()
except ValueError as e:
    print(e)
print(textwrap.wrap('The quick brown fox jumps over the lazy dog ' * 3, 30))
print(repr(textwrap.dedent('   a\n     b\n')), textwrap.fill('hello world ' * 5, 20))
print(textwrap.shorten('Hello  world!  How are you?', width=15), textwrap.indent('a\nb', '> '))
print(fnmatch.fnmatch('foo.py', '*.py'), fnmatch.fnmatchcase('A.PY', '*.py'), fnmatch.filter(['a.py', 'b.txt', 'c.py'], '?.py'))
print(fnmatch.translate('*.p[yw]'), fnmatch.translate('[!a-c]?x*'))
print(json.loads('{"a": [1, 2.5e3, "x\\u00e9\\n", true, null], "b": {"c": -0.5}}'))
try:
    json.loads('{"a": }')
except ValueError as e:
    print(type(e).__name__, e)
