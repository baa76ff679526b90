//! The Pyrite runtime, laid out as CPython's:
//!
//! - `runtime/`: Runtime, InterpreterState, ThreadState, configuration, life cycle;
//! - `object/`: the object header, `Value`, reference counts, type objects and slots;
//! - `types/`: one file per builtin type;
//! - `eval/`: frames, the evaluation loop, calls, unwinding, generators;
//! - `modules/`: native modules (builtins, sys, time, ...);
//! - `format/`: the format-spec mini-language (CPython's formatter_unicode.c);
//! - `numeric/`: number algorithms independent of objects (int facade, float
//!   parsing, rounding and repr: CPython's longobject.c arithmetic, pystrtod.c);
//! - `stringlib/`: the PEP 393 string buffer, its algorithms, Unicode tables and codecs;
//! - `pyhash`: CPython's hash functions (SipHash-1-3 for str/bytes, numeric hashes).

pub mod eval;
pub mod format;
pub mod gc;
pub mod import;
pub mod modules;
pub mod numeric;
pub mod object;
pub mod pyhash;
pub mod runtime;
pub mod stringlib;
pub mod types;
