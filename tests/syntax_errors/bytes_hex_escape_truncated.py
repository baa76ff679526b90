b = b'\x'
