//! Number algorithms that do not touch objects: the int facade over num-bigint, float parsing, repr, rounding and hex.
