# A comment before the module docstring
"""Module docstring."""  # trailing comment

# comment
def f():
    """Function docstring."""
    # comment inside
    return 1  # trailing

class C:
    '''Class docstring.'''

    # comment only line
    x = 1
        # misindented comment is fine
    y = 2
#end
