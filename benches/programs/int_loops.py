"""Loops over ints: arithmetic, comparisons and branches in nested loops."""


def collatz_steps(limit):
    total = 0
    longest = 0
    for start in range(1, limit):
        n = start
        steps = 0
        while n != 1:
            if n % 2 == 0:
                n //= 2
            else:
                n = 3 * n + 1
            steps += 1
        total += steps
        if steps > longest:
            longest = steps
    return total, longest


print("checksum", *collatz_steps(80000))
