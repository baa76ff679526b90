# deep nesting raises RecursionError in both directions, moderate nesting works
import json
try:
    json.loads('[' * 5000 + ']' * 5000)
except RecursionError as e:
    print('RecursionError', e)
try:
    json.loads('{"a":' * 5000 + '1' + '}' * 5000)
except RecursionError as e:
    print('RecursionError', e)
x = []
for i in range(5000):
    x = [x]
try:
    json.dumps(x)
except RecursionError as e:
    print('RecursionError', e)
y = {}
for i in range(5000):
    y = {'k': y}
try:
    json.dumps(y)
except RecursionError as e:
    print('RecursionError', e)
class E:
    pass
try:
    json.dumps(E(), default=lambda o: [o] if False else E())
except RecursionError as e:
    print('RecursionError', type(e).__name__)
z = json.loads('[' * 200 + ']' * 200)
n = 0
while z:
    z = z[0]; n += 1
print(n)
print(len(json.dumps(json.loads('[' * 200 + ']' * 200))))
print(json.loads(json.dumps({'a': [[[{'b': [[[]]]}]]]})))
