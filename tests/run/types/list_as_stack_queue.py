# lists used as stacks and queues; pop/insert at both ends
stack = []
for i in range(5):
    stack.append(i)
print(stack, stack.pop(), stack.pop(), stack)
queue = []
for c in "abcd":
    queue.append(c)
print(queue.pop(0), queue.pop(0), queue)
queue.insert(0, "front")
print(queue, queue[-1], queue[0])
matrix = [[0] * 3 for _ in range(3)]
for i in range(3):
    matrix[i][i] = 1
print(matrix, [row[::-1] for row in matrix], list(zip(*matrix)) == [tuple(r) for r in matrix])
flat = [x for row in [[1, 2], [3], []] for x in row]
print(flat, flat * 2, flat[1:] + flat[:1])
