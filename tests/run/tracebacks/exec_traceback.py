source = """
def inner():
    return undefined_in_exec
inner()
"""
exec(source)
