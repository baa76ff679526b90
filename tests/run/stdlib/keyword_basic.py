import keyword

print(len(keyword.kwlist), keyword.kwlist[:5], keyword.softkwlist)
for w in ["if", "match", "_", "None", "print", "async", "type", ""]:
    print(repr(w), keyword.iskeyword(w), keyword.issoftkeyword(w))
print(sorted(keyword.__all__))
try:
    keyword.iskeyword([])
except TypeError as e:
    print("TypeError", e)
