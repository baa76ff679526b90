s = bu'x'
