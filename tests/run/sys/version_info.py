# sys.version_info, maxsize, byteorder, platform, implementation (name not printed)
import sys
print(sys.version_info[:2], sys.version_info.major, sys.version_info.minor, sys.version_info >= (3, 11), sys.version_info < (3, 12))
print(type(sys.version_info).__name__, len(sys.version_info), sys.version_info.releaselevel in ("alpha", "beta", "candidate", "final"))
print(sys.maxsize, sys.maxsize == 2**63 - 1, sys.byteorder, sys.platform, type(sys.version).__name__, sys.version.startswith("3.11"))
print(hasattr(sys.implementation, "name"), type(sys.implementation.name).__name__, sys.implementation.version[:2])
if sys.implementation.name == "pyrite":
    print("cache_tag" in dir(sys.implementation))
else:
    print("cache_tag" in dir(sys.implementation))
print(sys.hexversion >> 16 == 0x030B, sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.int_info.bits_per_digit in (15, 30))
print(sys.maxunicode, sys.flags.optimize, sys.flags.dont_write_bytecode, sys.flags.verbose, sys.flags.interactive, type(sys.flags).__name__)
print(sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.imag)
