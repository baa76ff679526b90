# PYTHONHASHSEED=0 makes str and bytes hashes fixed
import sys
print(sys.flags.hash_randomization)
print(hash('abc'), hash(b'abc'), hash(''), hash('\u20ac'))
