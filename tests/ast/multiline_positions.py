result = function_call(
    argument_one,
    argument_two=[
        1,
        2,
    ],
)
value = (
    first
    + second
    * third
)
text = """
multi
line
"""
x = {
    'a': (lambda y:
          y + 1),
}
if (a and
        b):
    pass
def f(
    a,
    b,
) -> (
    int
):
    pass
