"""String building: formatting, concatenation, join, split, methods."""


def build(n):
    parts = []
    for i in range(n):
        s = "item-" + str(i)
        s = s.upper() if i % 3 == 0 else s.replace("-", "_")
        parts.append(f"{s}:{i * 7 % 13:03d}")
    text = ",".join(parts)
    fields = text.split(",")
    total = 0
    for f in fields:
        name, _, num = f.partition(":")
        total += int(num) + len(name) + name.count("1")
    acc = ""
    for i in range(n // 10):
        acc += "%d;" % i
    return total, len(text), len(acc), text[:30]


print("checksum", *build(550000))
