//! Stable timsort with fallible comparisons (CPython's listsort).
