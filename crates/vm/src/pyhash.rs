//! CPython's hash functions (Python/pyhash.c and the numeric hashes): SipHash-1-3 over str/bytes with a per-process key, int/float/complex/tuple hashes.
