# Standard library modules built on re: string.Template and textwrap.
import string, textwrap

t = string.Template('$who likes ${what}; $$5')
print(t.substitute(who='tim', what='pie'), t.safe_substitute(who='x'), t.get_identifiers(), t.is_valid())
try:
    string.Template('$1').substitute()
except ValueError as e:
    print(e)
print(textwrap.wrap('The quick brown fox jumps over the lazy dog ' * 3, 30))
print(repr(textwrap.dedent('   a\n     b\n')), textwrap.fill('hello world ' * 5, 20))
print(textwrap.shorten('Hello  world!  How are you?', width=15), textwrap.indent('a\nb', '> '))
