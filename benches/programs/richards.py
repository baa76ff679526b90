"""Mixed: a small stack-machine interpreter running a bytecode program
(loops, dispatch on opcodes, lists as stacks, dict environments)."""

PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, JUMP_IF_ZERO, JUMP, PRINT_ACC, HALT, LT = range(12)


def compile_program():
    # acc = 0; i = 0; while i < N: acc = (acc + i * i) % 1000003; i = i + 1
    return [
        (PUSH, 0), (STORE, "acc"),
        (PUSH, 0), (STORE, "i"),
        # loop start (4)
        (LOAD, "i"), (LOAD, "n"), (LT, None), (JUMP_IF_ZERO, 23),
        (LOAD, "acc"), (LOAD, "i"), (LOAD, "i"), (MUL, None), (ADD, None),
        (PUSH, 1000003), (MOD, None), (STORE, "acc"),
        (LOAD, "i"), (PUSH, 1), (ADD, None), (STORE, "i"),
        (JUMP, 4), (HALT, None), (HALT, None),
        # end (23)
        (PRINT_ACC, None), (HALT, None),
    ]


def run(code, env):
    stack = []
    pc = 0
    out = []
    steps = 0
    while True:
        op, arg = code[pc]
        pc += 1
        steps += 1
        if op == PUSH:
            stack.append(arg)
        elif op == LOAD:
            stack.append(env[arg])
        elif op == STORE:
            env[arg] = stack.pop()
        elif op == ADD:
            b = stack.pop()
            stack.append(stack.pop() + b)
        elif op == SUB:
            b = stack.pop()
            stack.append(stack.pop() - b)
        elif op == MUL:
            b = stack.pop()
            stack.append(stack.pop() * b)
        elif op == MOD:
            b = stack.pop()
            stack.append(stack.pop() % b)
        elif op == LT:
            b = stack.pop()
            stack.append(1 if stack.pop() < b else 0)
        elif op == JUMP_IF_ZERO:
            if stack.pop() == 0:
                pc = arg
        elif op == JUMP:
            pc = arg
        elif op == PRINT_ACC:
            out.append(env["acc"])
        elif op == HALT:
            return out, steps


print("checksum", *run(compile_program(), {"n": 220000}))
