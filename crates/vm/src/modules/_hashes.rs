//! The built-in hash modules hashlib falls back to without OpenSSL:
//! `_md5`, `_sha1`, `_sha256`, `_sha512`, `_sha3` and `_blake2` (CPython's
//! Modules/md5module.c, sha1module.c, sha256module.c, sha512module.c,
//! _sha3/, _blake2/), computed with the RustCrypto digests (BLAKE2 is
//! written here, for its tree-hashing parameters).
//!
//! Each Python type has its own payload type (so `type(h)` is exact);
//! all share one state enum and generic methods.

use std::cell::RefCell;

use sha3::digest::{ExtendableOutput, Update as XofUpdate, XofReader};
use sha2::Digest;

use crate::object::args;
use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bytes, int, int::IntRef, none, str as pystr};
use num_traits::ToPrimitive;

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

/// BLAKE2's message schedule.
const SIGMA: [[usize; 16]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
    [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
    [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
    [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
    [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
    [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
    [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
    [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
    [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

/// The BLAKE2 parameter block fields CPython exposes.
pub struct Blake2Config {
    pub digest_size: usize,
    pub key: Vec<u8>,
    pub salt: Vec<u8>,
    pub person: Vec<u8>,
    pub fanout: u8,
    pub depth: u8,
    pub leaf_size: u32,
    pub node_offset: u64,
    pub node_depth: u8,
    pub inner_size: u8,
    pub last_node: bool,
}

// BLAKE2b and BLAKE2s are written here rather than taken from the
// blake2 crate, whose cores fix the tree-hashing parameters (fanout,
// depth, leaf size, node offset and depth, inner size, last node) that
// CPython's constructors accept.
macro_rules! blake2_impl {
    ($name:ident, $word:ty, $bytes:expr, $rounds:expr, [$r1:expr, $r2:expr, $r3:expr, $r4:expr], $iv:expr, $param:ident) => {
        /// A BLAKE2 state: chain value, byte counter and the pending block
        /// (kept until more data shows it is not the last one).
        #[derive(Clone)]
        pub struct $name {
            h: [$word; 8],
            t: u128,
            buf: Vec<u8>,
            last_node: bool,
            size: usize,
        }

        impl $name {
            const BLOCK: usize = 16 * $bytes;

            /// A state for the configuration (sizes already validated).
            pub fn new(c: &Blake2Config) -> $name {
                let p = $param(c);
                let mut h = $iv;
                for (i, w) in h.iter_mut().enumerate() {
                    let mut b = [0u8; $bytes];
                    b.copy_from_slice(&p[i * $bytes..(i + 1) * $bytes]);
                    *w ^= <$word>::from_le_bytes(b);
                }
                let mut st = $name { h, t: 0, buf: Vec::with_capacity(Self::BLOCK), last_node: c.last_node, size: c.digest_size };
                if !c.key.is_empty() {
                    let mut block = vec![0u8; Self::BLOCK];
                    block[..c.key.len()].copy_from_slice(&c.key);
                    st.update(&block);
                }
                st
            }

            fn compress(&mut self, block: &[u8], last: bool) {
                let mut m = [0 as $word; 16];
                for (i, w) in m.iter_mut().enumerate() {
                    let mut b = [0u8; $bytes];
                    b.copy_from_slice(&block[i * $bytes..(i + 1) * $bytes]);
                    *w = <$word>::from_le_bytes(b);
                }
                let mut v = [0 as $word; 16];
                v[..8].copy_from_slice(&self.h);
                v[8..].copy_from_slice(&$iv);
                v[12] ^= self.t as $word;
                v[13] ^= (self.t >> (8 * $bytes)) as $word;
                if last {
                    v[14] = !v[14];
                    if self.last_node {
                        v[15] = !v[15];
                    }
                }
                fn g(v: &mut [$word; 16], a: usize, b: usize, c: usize, d: usize, x: $word, y: $word) {
                    v[a] = v[a].wrapping_add(v[b]).wrapping_add(x);
                    v[d] = (v[d] ^ v[a]).rotate_right($r1);
                    v[c] = v[c].wrapping_add(v[d]);
                    v[b] = (v[b] ^ v[c]).rotate_right($r2);
                    v[a] = v[a].wrapping_add(v[b]).wrapping_add(y);
                    v[d] = (v[d] ^ v[a]).rotate_right($r3);
                    v[c] = v[c].wrapping_add(v[d]);
                    v[b] = (v[b] ^ v[c]).rotate_right($r4);
                }
                for r in 0..$rounds {
                    let s = &SIGMA[r % 10];
                    g(&mut v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
                    g(&mut v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
                    g(&mut v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
                    g(&mut v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
                    g(&mut v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
                    g(&mut v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
                    g(&mut v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
                    g(&mut v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
                }
                for i in 0..8 {
                    self.h[i] ^= v[i] ^ v[i + 8];
                }
            }

            /// Feed `data`.
            pub fn update(&mut self, mut data: &[u8]) {
                while !data.is_empty() {
                    if self.buf.len() == Self::BLOCK {
                        let block = std::mem::take(&mut self.buf);
                        self.t += Self::BLOCK as u128;
                        self.compress(&block, false);
                        self.buf = block;
                        self.buf.clear();
                    }
                    let n = (Self::BLOCK - self.buf.len()).min(data.len());
                    self.buf.extend_from_slice(&data[..n]);
                    data = &data[n..];
                }
            }

            /// The digest of the data so far.
            pub fn digest(&self) -> Vec<u8> {
                let mut st = self.clone();
                st.t += st.buf.len() as u128;
                let mut block = std::mem::take(&mut st.buf);
                block.resize(Self::BLOCK, 0);
                st.compress(&block, true);
                let out: Vec<u8> = st.h.iter().flat_map(|w| w.to_le_bytes()).collect();
                out[..st.size].to_vec()
            }
        }
    };
}

/// The 64-byte parameter block of BLAKE2b.
fn blake2b_param(c: &Blake2Config) -> [u8; 64] {
    let mut p = [0u8; 64];
    p[0] = c.digest_size as u8;
    p[1] = c.key.len() as u8;
    p[2] = c.fanout;
    p[3] = c.depth;
    p[4..8].copy_from_slice(&c.leaf_size.to_le_bytes());
    p[8..16].copy_from_slice(&c.node_offset.to_le_bytes());
    p[16] = c.node_depth;
    p[17] = c.inner_size;
    p[32..32 + c.salt.len()].copy_from_slice(&c.salt);
    p[48..48 + c.person.len()].copy_from_slice(&c.person);
    p
}

/// The 32-byte parameter block of BLAKE2s (a 48-bit node offset).
fn blake2s_param(c: &Blake2Config) -> [u8; 32] {
    let mut p = [0u8; 32];
    p[0] = c.digest_size as u8;
    p[1] = c.key.len() as u8;
    p[2] = c.fanout;
    p[3] = c.depth;
    p[4..8].copy_from_slice(&c.leaf_size.to_le_bytes());
    p[8..14].copy_from_slice(&c.node_offset.to_le_bytes()[..6]);
    p[14] = c.node_depth;
    p[15] = c.inner_size;
    p[16..16 + c.salt.len()].copy_from_slice(&c.salt);
    p[24..24 + c.person.len()].copy_from_slice(&c.person);
    p
}

blake2_impl!(
    Blake2bState,
    u64,
    8,
    12,
    [32, 24, 16, 63],
    [
        0x6a09e667f3bcc908u64,
        0xbb67ae8584caa73b,
        0x3c6ef372fe94f82b,
        0xa54ff53a5f1d36f1,
        0x510e527fade682d1,
        0x9b05688c2b3e6c1f,
        0x1f83d9abfb41bd6b,
        0x5be0cd19137e2179
    ],
    blake2b_param
);
blake2_impl!(
    Blake2sState,
    u32,
    4,
    10,
    [16, 12, 8, 7],
    [0x6a09e667u32, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19],
    blake2s_param
);

/// The running state of any of the hash objects.
#[derive(Clone)]
pub enum HashState {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(Blake2bState),
    Blake2s(Blake2sState),
}

impl HashState {
    /// Feed `data`.
    pub fn update(&mut self, data: &[u8]) {
        match self {
            HashState::Md5(h) => Digest::update(h, data),
            HashState::Sha1(h) => Digest::update(h, data),
            HashState::Sha224(h) => Digest::update(h, data),
            HashState::Sha256(h) => Digest::update(h, data),
            HashState::Sha384(h) => Digest::update(h, data),
            HashState::Sha512(h) => Digest::update(h, data),
            HashState::Sha3_224(h) => Digest::update(h, data),
            HashState::Sha3_256(h) => Digest::update(h, data),
            HashState::Sha3_384(h) => Digest::update(h, data),
            HashState::Sha3_512(h) => Digest::update(h, data),
            HashState::Shake128(h) => XofUpdate::update(h, data),
            HashState::Shake256(h) => XofUpdate::update(h, data),
            HashState::Blake2b(h) => h.update(data),
            HashState::Blake2s(h) => h.update(data),
        }
    }

    /// The digest of the data so far (`len` bytes for the shakes).
    pub fn digest(&self, len: usize) -> Vec<u8> {
        fn xof<X: ExtendableOutput + Clone>(h: &X, len: usize) -> Vec<u8> {
            let mut out = vec![0u8; len];
            h.clone().finalize_xof().read(&mut out);
            out
        }
        match self {
            HashState::Md5(h) => h.clone().finalize().to_vec(),
            HashState::Sha1(h) => h.clone().finalize().to_vec(),
            HashState::Sha224(h) => h.clone().finalize().to_vec(),
            HashState::Sha256(h) => h.clone().finalize().to_vec(),
            HashState::Sha384(h) => h.clone().finalize().to_vec(),
            HashState::Sha512(h) => h.clone().finalize().to_vec(),
            HashState::Sha3_224(h) => h.clone().finalize().to_vec(),
            HashState::Sha3_256(h) => h.clone().finalize().to_vec(),
            HashState::Sha3_384(h) => h.clone().finalize().to_vec(),
            HashState::Sha3_512(h) => h.clone().finalize().to_vec(),
            HashState::Shake128(h) => xof(h, len),
            HashState::Shake256(h) => xof(h, len),
            HashState::Blake2b(h) => h.digest(),
            HashState::Blake2s(h) => h.digest(),
        }
    }

    /// The algorithm's name, digest size and block size in bytes.
    pub fn info(&self) -> (&'static str, usize, usize) {
        match self {
            HashState::Md5(_) => ("md5", 16, 64),
            HashState::Sha1(_) => ("sha1", 20, 64),
            HashState::Sha224(_) => ("sha224", 28, 64),
            HashState::Sha256(_) => ("sha256", 32, 64),
            HashState::Sha384(_) => ("sha384", 48, 128),
            HashState::Sha512(_) => ("sha512", 64, 128),
            HashState::Sha3_224(_) => ("sha3_224", 28, 144),
            HashState::Sha3_256(_) => ("sha3_256", 32, 136),
            HashState::Sha3_384(_) => ("sha3_384", 48, 104),
            HashState::Sha3_512(_) => ("sha3_512", 64, 72),
            HashState::Shake128(_) => ("shake_128", 0, 168),
            HashState::Shake256(_) => ("shake_256", 0, 136),
            HashState::Blake2b(h) => ("blake2b", h.size, 128),
            HashState::Blake2s(h) => ("blake2s", h.size, 64),
        }
    }

    fn is_shake(&self) -> bool {
        matches!(self, HashState::Shake128(_) | HashState::Shake256(_))
    }

    fn is_sha3(&self) -> bool {
        matches!(self, HashState::Sha3_224(_) | HashState::Sha3_256(_) | HashState::Sha3_384(_) | HashState::Sha3_512(_)) || self.is_shake()
    }
}

/// A payload holding a hash state.
trait HashPayload: PyPayload + Sized {
    fn wrap(s: HashState) -> Self;
    fn cell(&self) -> &RefCell<Box<HashState>>;
}

macro_rules! hash_type {
    ($payload:ident, $st:ident, $name:literal) => {
        #[doc = concat!("A `", $name, "` hash object.")]
        // Boxed: some digest states are 16-byte aligned, objects are 8.
        pub struct $payload(RefCell<Box<HashState>>);
        #[doc = concat!("The `", $name, "` type.")]
        pub static $st: PyType = PyObject::new_static(
            &crate::types::typeobject::TYPE_TYPE,
            TypeObject::builtin::<$payload>($name, &$st, Some(&crate::types::object::OBJECT_TYPE), 0),
        );
        impl PyPayload for $payload {
            fn class() -> &'static PyType {
                &$st
            }
        }
        impl HashPayload for $payload {
            fn wrap(s: HashState) -> Self {
                $payload(RefCell::new(Box::new(s)))
            }
            fn cell(&self) -> &RefCell<Box<HashState>> {
                &self.0
            }
        }
    };
}

hash_type!(Md5Obj, MD5_TYPE, "_md5.md5");
hash_type!(Sha1Obj, SHA1_TYPE, "_sha1.sha1");
hash_type!(Sha224Obj, SHA224_TYPE, "_sha256.sha224");
hash_type!(Sha256Obj, SHA256_TYPE, "_sha256.sha256");
hash_type!(Sha384Obj, SHA384_TYPE, "_sha512.sha384");
hash_type!(Sha512Obj, SHA512_TYPE, "_sha512.sha512");
hash_type!(Sha3_224Obj, SHA3_224_TYPE, "_sha3.sha3_224");
hash_type!(Sha3_256Obj, SHA3_256_TYPE, "_sha3.sha3_256");
hash_type!(Sha3_384Obj, SHA3_384_TYPE, "_sha3.sha3_384");
hash_type!(Sha3_512Obj, SHA3_512_TYPE, "_sha3.sha3_512");
hash_type!(Shake128Obj, SHAKE128_TYPE, "_sha3.shake_128");
hash_type!(Shake256Obj, SHAKE256_TYPE, "_sha3.shake_256");
hash_type!(Blake2bObj, BLAKE2B_TYPE, "_blake2.blake2b");
hash_type!(Blake2sObj, BLAKE2S_TYPE, "_blake2.blake2s");

/// The static types of these modules.
pub fn types() -> Vec<&'static PyType> {
    vec![
        &MD5_TYPE,
        &SHA1_TYPE,
        &SHA224_TYPE,
        &SHA256_TYPE,
        &SHA384_TYPE,
        &SHA512_TYPE,
        &SHA3_224_TYPE,
        &SHA3_256_TYPE,
        &SHA3_384_TYPE,
        &SHA3_512_TYPE,
        &SHAKE128_TYPE,
        &SHAKE256_TYPE,
        &BLAKE2B_TYPE,
        &BLAKE2S_TYPE,
    ]
}

/// The bytes of data to hash (GET_BUFFER_VIEW_OR_ERROUT's messages).
fn data_arg<'a>(ts: &ThreadState, v: &'a Value) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    if pystr::as_pystr(v).is_some() {
        return Err(PyErr::type_error("Strings must be encoded before hashing"));
    }
    super::_struct::simple_buffer(ts, v)?.ok_or_else(|| PyErr::type_error("object supporting the buffer API required"))
}

fn state<T: HashPayload>(v: &Value) -> PyResult<&RefCell<Box<HashState>>> {
    v.downcast::<T>().map(|p| p.cell()).ok_or_else(|| PyErr::type_error(format!("descriptor requires a '{}' object", T::class().name())))
}

fn short_name<T: HashPayload>() -> String {
    let n = T::class().name();
    n.rsplit('.').next().unwrap_or(&n).to_string()
}

fn h_update<T: HashPayload>(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact(&format!("{}.update", short_name::<T>()), a, k, 1)?;
    let data = data_arg(ts, &a[0])?;
    state::<T>(v)?.borrow_mut().update(&data);
    Ok(none::none())
}

/// The requested length of a shake digest.
fn shake_length(ts: &ThreadState, v: &Value) -> PyResult<usize> {
    let i = int::as_int(v).ok_or_else(|| PyErr::type_error("an integer is required"))?;
    let _ = ts;
    let n = match i {
        IntRef::Small(n) => n,
        IntRef::Big(b) => {
            if b.sign() == num_bigint::Sign::Minus {
                return Err(PyErr::value_error("value must be positive"));
            }
            b.to_i64().ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C unsigned long"))?
        }
    };
    if n < 0 {
        return Err(PyErr::value_error("value must be positive"));
    }
    if n >= 1 << 29 {
        return Err(PyErr::value_error("length is too large"));
    }
    Ok(n as usize)
}

fn digest_of<T: HashPayload>(ts: &ThreadState, v: &Value, a: Args, k: Kw, method: &str) -> PyResult<Vec<u8>> {
    let st = state::<T>(v)?;
    let fname = format!("{}.{method}", short_name::<T>());
    if st.borrow().is_shake() {
        args::no_kwargs(&fname, k)?;
        let a = args::exact(&fname, a, k, 1)?;
        let n = shake_length(ts, &a[0])?;
        return Ok(st.borrow().digest(n));
    }
    args::exact(&fname, a, k, 0)?;
    Ok(st.borrow().digest(0))
}

fn h_digest<T: HashPayload>(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    Ok(bytes::new_bytes(digest_of::<T>(ts, v, a, k, "digest")?))
}

fn h_hexdigest<T: HashPayload>(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let d = digest_of::<T>(ts, v, a, k, "hexdigest")?;
    let hex: String = d.iter().map(|b| format!("{b:02x}")).collect();
    Ok(pystr::new_str(&hex))
}

fn h_copy<T: HashPayload>(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let st = state::<T>(v)?;
    let modern = {
        let s = st.borrow();
        s.is_sha3() || matches!(**s, HashState::Blake2b(_) | HashState::Blake2s(_))
    };
    if modern {
        args::exact(&format!("{}.copy", short_name::<T>()), a, k, 0)?;
    } else if !a.is_empty() {
        // The defining-class methods of md5/sha1/sha2 say just "copy()".
        return Err(PyErr::type_error("copy() takes no arguments"));
    }
    let copy = HashState::clone(&st.borrow());
    Value::new_instance(&v.type_of().to_value(), T::wrap(copy))
}

fn g_name<T: HashPayload>(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str(state::<T>(v)?.borrow().info().0))
}
fn g_digest_size<T: HashPayload>(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(int::from_usize(state::<T>(v)?.borrow().info().1))
}
fn g_block_size<T: HashPayload>(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(int::from_usize(state::<T>(v)?.borrow().info().2))
}

/// SHA-3 internals shown by CPython's objects: (capacity bits, rate bits, suffix).
fn sha3_params(s: &HashState) -> (usize, usize, u8) {
    let rate = s.info().2 * 8;
    (1600 - rate, rate, if s.is_shake() { 0x1f } else { 0x06 })
}
fn g_capacity<T: HashPayload>(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(int::from_usize(sha3_params(&state::<T>(v)?.borrow()).0))
}
fn g_rate<T: HashPayload>(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(int::from_usize(sha3_params(&state::<T>(v)?.borrow()).1))
}
fn g_suffix<T: HashPayload>(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(bytes::new_bytes(vec![sha3_params(&state::<T>(v)?.borrow()).2]))
}

fn no_new(_ts: &ThreadState, cls: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    let name = protocol::as_pytype(cls).map(|t| t.name()).unwrap_or_default();
    Err(PyErr::type_error(format!("cannot create '{name}' instances")))
}

fn setup<T: HashPayload>(ty: &'static PyType, sha3: bool) {
    use crate::types::descr::{add_getsets, add_methods};
    ty.data.slots.getattro.set(Some(protocol::generic_getattr));
    ty.data.slots.new.set(Some(no_new));
    add_methods(
        ty,
        &[
            ("update", h_update::<T>),
            ("digest", h_digest::<T>),
            ("hexdigest", h_hexdigest::<T>),
            ("copy", h_copy::<T>),
            ("__reduce__", super::reduce_cannot_pickle),
        ],
    );
    add_getsets(ty, &[("name", g_name::<T>, None), ("digest_size", g_digest_size::<T>, None), ("block_size", g_block_size::<T>, None)]);
    if sha3 {
        add_getsets(ty, &[("_capacity_bits", g_capacity::<T>, None), ("_rate_bits", g_rate::<T>, None), ("_suffix", g_suffix::<T>, None)]);
    }
}

/// Fill the static types' slots and methods.
pub fn init() {
    setup::<Md5Obj>(&MD5_TYPE, false);
    setup::<Sha1Obj>(&SHA1_TYPE, false);
    setup::<Sha224Obj>(&SHA224_TYPE, false);
    setup::<Sha256Obj>(&SHA256_TYPE, false);
    setup::<Sha384Obj>(&SHA384_TYPE, false);
    setup::<Sha512Obj>(&SHA512_TYPE, false);
    setup::<Sha3_224Obj>(&SHA3_224_TYPE, true);
    setup::<Sha3_256Obj>(&SHA3_256_TYPE, true);
    setup::<Sha3_384Obj>(&SHA3_384_TYPE, true);
    setup::<Sha3_512Obj>(&SHA3_512_TYPE, true);
    setup::<Shake128Obj>(&SHAKE128_TYPE, true);
    setup::<Shake256Obj>(&SHAKE256_TYPE, true);
    setup::<Blake2bObj>(&BLAKE2B_TYPE, false);
    setup::<Blake2sObj>(&BLAKE2S_TYPE, false);
    // The SHA-3 and BLAKE2 types are constructors themselves.
    SHA3_224_TYPE.data.slots.new.set(Some(sha3_new::<Sha3_224Obj>));
    SHA3_256_TYPE.data.slots.new.set(Some(sha3_new::<Sha3_256Obj>));
    SHA3_384_TYPE.data.slots.new.set(Some(sha3_new::<Sha3_384Obj>));
    SHA3_512_TYPE.data.slots.new.set(Some(sha3_new::<Sha3_512Obj>));
    SHAKE128_TYPE.data.slots.new.set(Some(sha3_new::<Shake128Obj>));
    SHAKE256_TYPE.data.slots.new.set(Some(sha3_new::<Shake256Obj>));
    BLAKE2B_TYPE.data.slots.new.set(Some(blake2b_new));
    BLAKE2S_TYPE.data.slots.new.set(Some(blake2s_new));
    for (ty, bytes) in [(&SHA3_224_TYPE, 28), (&SHA3_256_TYPE, 32), (&SHA3_384_TYPE, 48), (&SHA3_512_TYPE, 64)] {
        let name = ty.name();
        let short = name.trim_start_matches("_sha3.");
        let doc = format!("{short}([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a hashbit length of {bytes} bytes.");
        crate::types::dict::dict_set_str(&ty.data.dict(), "__doc__", pystr::new_str(&doc));
    }
    for (ty, name) in [(&SHAKE128_TYPE, "shake_128"), (&SHAKE256_TYPE, "shake_256")] {
        let doc = format!("{name}([data], *, usedforsecurity=True) -> SHAKE object\n\nReturn a new SHAKE hash object.");
        crate::types::dict::dict_set_str(&ty.data.dict(), "__doc__", pystr::new_str(&doc));
    }
    crate::types::dict::dict_set_str(&BLAKE2B_TYPE.data.dict(), "__doc__", pystr::new_str("Return a new BLAKE2b hash object."));
    crate::types::dict::dict_set_str(&BLAKE2S_TYPE.data.dict(), "__doc__", pystr::new_str("Return a new BLAKE2s hash object."));
    for (ty, salt, person, key, digest) in [(&BLAKE2B_TYPE, 16, 16, 64, 64), (&BLAKE2S_TYPE, 8, 8, 32, 32)] {
        let d = ty.data.dict();
        for (name, v) in [("SALT_SIZE", salt), ("PERSON_SIZE", person), ("MAX_KEY_SIZE", key), ("MAX_DIGEST_SIZE", digest)] {
            crate::types::dict::dict_set_str(&d, name, int::from_i64(v));
        }
    }
}

/// A new hash object of type `T` fed with the optional initial data.
fn new_hash<T: HashPayload>(ts: &ThreadState, cls: &Value, mut s: HashState, data: Option<Value>) -> PyResult<Value> {
    if let Some(d) = data {
        s.update(&data_arg(ts, &d)?);
    }
    Value::new_instance(cls, T::wrap(s))
}

/// The constructor functions of _md5, _sha1, _sha256 and _sha512:
/// `f(string=b'', *, usedforsecurity=True)`.
fn classic<T: HashPayload>(ts: &ThreadState, fname: &str, ty: &'static PyType, s: HashState, a: Args, k: Kw) -> PyResult<Value> {
    let [string, _usedforsecurity] = args::bind(fname, a, k, ["string", "usedforsecurity"], 0, 0, 1)?;
    new_hash::<T>(ts, &ty.to_value(), s, string)
}

fn f_md5(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    classic::<Md5Obj>(ts, "md5", &MD5_TYPE, HashState::Md5(Default::default()), a, k)
}
fn f_sha1(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    classic::<Sha1Obj>(ts, "sha1", &SHA1_TYPE, HashState::Sha1(Default::default()), a, k)
}
fn f_sha224(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    classic::<Sha224Obj>(ts, "sha224", &SHA224_TYPE, HashState::Sha224(Default::default()), a, k)
}
fn f_sha256(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    classic::<Sha256Obj>(ts, "sha256", &SHA256_TYPE, HashState::Sha256(Default::default()), a, k)
}
fn f_sha384(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    classic::<Sha384Obj>(ts, "sha384", &SHA384_TYPE, HashState::Sha384(Default::default()), a, k)
}
fn f_sha512(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    classic::<Sha512Obj>(ts, "sha512", &SHA512_TYPE, HashState::Sha512(Default::default()), a, k)
}

fn sha3_initial(ty: &PyType) -> HashState {
    let n = ty.name();
    match n.as_str() {
        "_sha3.sha3_224" => HashState::Sha3_224(Default::default()),
        "_sha3.sha3_256" => HashState::Sha3_256(Default::default()),
        "_sha3.sha3_384" => HashState::Sha3_384(Default::default()),
        "_sha3.sha3_512" => HashState::Sha3_512(Default::default()),
        "_sha3.shake_128" => HashState::Shake128(Default::default()),
        _ => HashState::Shake256(Default::default()),
    }
}

/// `sha3_*(data=b'', /, *, usedforsecurity=True)` (CPython names every
/// SHA-3 constructor "sha3_224" in its argument errors).
fn sha3_new<T: HashPayload>(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [data, _usedforsecurity] = args::bind("sha3_224", a, k, ["", "usedforsecurity"], 1, 0, 1)?;
    new_hash::<T>(ts, cls, sha3_initial(T::class()), data)
}


fn buffer_param(v: &Option<Value>) -> PyResult<Vec<u8>> {
    match v {
        None => Ok(Vec::new()),
        Some(v) => bytes::buffer_data(v).map(|c| c.into_owned()).ok_or_else(|| {
            PyErr::type_error(format!("a bytes-like object is required, not '{}'", protocol::type_name(v)))
        }),
    }
}

/// An unsigned parameter (`_PyLong_UnsignedLong(Long)_Converter`).
fn unsigned_param(ts: &ThreadState, v: &Option<Value>) -> PyResult<u64> {
    let Some(i) = v else { return Ok(0) };
    let _ = ts;
    // PyLong_AsUnsignedLong(Long): an int, without __index__.
    if !int::is_int(i) {
        return Err(PyErr::type_error("an integer is required"));
    }
    if int::is_negative(i) {
        return Err(PyErr::value_error("value must be positive"));
    }
    match int::as_int(i) {
        Some(IntRef::Small(n)) => Ok(n as u64),
        Some(IntRef::Big(b)) => b.to_u64().ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C unsigned long")),
        None => Ok(0),
    }
}

fn int_param(ts: &ThreadState, v: &Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => Ok(int::c_int_arg(ts, v)? as i64),
    }
}

/// Parse and check BLAKE2 arguments in CPython's order (`big`: blake2b).
fn blake2_params(ts: &ThreadState, fname: &str, big: bool, a: Args, k: Kw) -> PyResult<(Option<Value>, Blake2Config)> {
    let names = [
        "", "digest_size", "key", "salt", "person", "fanout", "depth", "leaf_size", "node_offset", "node_depth", "inner_size", "last_node", "usedforsecurity",
    ];
    let [data, digest_size, key, salt, person, fanout, depth, leaf_size, node_offset, node_depth, inner_size, last_node, _usedforsecurity] =
        args::bind(fname, a, k, names, 1, 0, 1)?;
    let (max_digest, max_salt, max_key) = if big { (64, 16, 64) } else { (32, 8, 32) };
    let digest_size = int_param(ts, &digest_size, max_digest)?;
    if !(1..=max_digest).contains(&digest_size) {
        return Err(PyErr::value_error(format!("digest_size must be between 1 and {max_digest} bytes")));
    }
    let key = buffer_param(&key)?;
    let salt = buffer_param(&salt)?;
    let person = buffer_param(&person)?;
    if salt.len() > max_salt as usize {
        return Err(PyErr::value_error(format!("maximum salt length is {max_salt} bytes")));
    }
    if person.len() > max_salt as usize {
        return Err(PyErr::value_error(format!("maximum person length is {max_salt} bytes")));
    }
    let fanout = int_param(ts, &fanout, 1)?;
    if !(0..=255).contains(&fanout) {
        return Err(PyErr::value_error("fanout must be between 0 and 255"));
    }
    let depth = int_param(ts, &depth, 1)?;
    if !(1..=255).contains(&depth) {
        return Err(PyErr::value_error("depth must be between 1 and 255"));
    }
    let leaf_size = unsigned_param(ts, &leaf_size)?;
    if leaf_size > u32::MAX as u64 {
        return Err(PyErr::overflow_error("leaf_size is too large"));
    }
    let node_offset = unsigned_param(ts, &node_offset)?;
    if !big && node_offset > (1u64 << 48) - 1 {
        return Err(PyErr::overflow_error("node_offset is too large"));
    }
    let node_depth = int_param(ts, &node_depth, 0)?;
    if !(0..=255).contains(&node_depth) {
        return Err(PyErr::value_error("node_depth must be between 0 and 255"));
    }
    let inner_size = int_param(ts, &inner_size, 0)?;
    if !(0..=max_digest).contains(&inner_size) {
        return Err(PyErr::value_error(format!("inner_size must be between 0 and is {max_digest}")));
    }
    if key.len() > max_key as usize {
        return Err(PyErr::value_error(format!("maximum key length is {max_key} bytes")));
    }
    let last_node = match &last_node {
        Some(v) => protocol::is_true(ts, v)?,
        None => false,
    };
    let config = Blake2Config {
        digest_size: digest_size as usize,
        key,
        salt,
        person,
        fanout: fanout as u8,
        depth: depth as u8,
        leaf_size: leaf_size as u32,
        node_offset,
        node_depth: node_depth as u8,
        inner_size: inner_size as u8,
        last_node,
    };
    Ok((data, config))
}

fn blake2b_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let (data, c) = blake2_params(ts, "blake2b", true, a, k)?;
    new_hash::<Blake2bObj>(ts, cls, HashState::Blake2b(Blake2bState::new(&c)), data)
}

fn blake2s_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let (data, c) = blake2_params(ts, "blake2s", false, a, k)?;
    new_hash::<Blake2sObj>(ts, cls, HashState::Blake2s(Blake2sState::new(&c)), data)
}

/// Create the `_md5` module.
pub fn create_md5(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(ts, "_md5", &[("md5", f_md5)])?;
    super::set_attr(ts, &d, "MD5Type", MD5_TYPE.to_value())?;
    Ok(m)
}

/// Create the `_sha1` module.
pub fn create_sha1(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(ts, "_sha1", &[("sha1", f_sha1)])?;
    super::set_attr(ts, &d, "SHA1Type", SHA1_TYPE.to_value())?;
    Ok(m)
}

/// Create the `_sha256` module.
pub fn create_sha256(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(ts, "_sha256", &[("sha224", f_sha224), ("sha256", f_sha256)])?;
    super::set_attr(ts, &d, "SHA224Type", SHA224_TYPE.to_value())?;
    super::set_attr(ts, &d, "SHA256Type", SHA256_TYPE.to_value())?;
    Ok(m)
}

/// Create the `_sha512` module (CPython 3.11 exports only the sha512
/// type, under the name SHA384Type).
pub fn create_sha512(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(ts, "_sha512", &[("sha384", f_sha384), ("sha512", f_sha512)])?;
    super::set_attr(ts, &d, "SHA384Type", SHA512_TYPE.to_value())?;
    Ok(m)
}

/// Create the `_sha3` module.
pub fn create_sha3(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(ts, "_sha3", &[])?;
    for t in [&SHA3_224_TYPE, &SHA3_256_TYPE, &SHA3_384_TYPE, &SHA3_512_TYPE, &SHAKE128_TYPE, &SHAKE256_TYPE] {
        let name = t.name();
        super::set_attr(ts, &d, name.trim_start_matches("_sha3."), t.to_value())?;
    }
    super::set_attr(ts, &d, "implementation", pystr::new_str("tiny_sha3"))?;
    super::set_attr(ts, &d, "keccakopt", int::from_i64(0))?;
    Ok(m)
}

/// Create the `_blake2` module.
pub fn create_blake2(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(ts, "_blake2", &[])?;
    super::set_attr(ts, &d, "blake2b", BLAKE2B_TYPE.to_value())?;
    super::set_attr(ts, &d, "blake2s", BLAKE2S_TYPE.to_value())?;
    for (name, v) in [
        ("BLAKE2B_MAX_DIGEST_SIZE", 64),
        ("BLAKE2B_MAX_KEY_SIZE", 64),
        ("BLAKE2B_PERSON_SIZE", 16),
        ("BLAKE2B_SALT_SIZE", 16),
        ("BLAKE2S_MAX_DIGEST_SIZE", 32),
        ("BLAKE2S_MAX_KEY_SIZE", 32),
        ("BLAKE2S_PERSON_SIZE", 8),
        ("BLAKE2S_SALT_SIZE", 8),
    ] {
        super::set_attr(ts, &d, name, int::from_i64(v))?;
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(d: &[u8]) -> String {
        d.iter().map(|b| format!("{b:02x}")).collect()
    }

    // Expected digests from python3's hashlib.
    #[test]
    fn digests() {
        let mut s = HashState::Sha256(Default::default());
        s.update(b"abc");
        assert_eq!(hex(&s.digest(0)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        let mut s = HashState::Md5(Default::default());
        s.update(b"abc");
        assert_eq!(hex(&s.digest(0)), "900150983cd24fb0d6963f7d28e17f72");
        let mut s = HashState::Shake128(Default::default());
        s.update(b"abc");
        assert_eq!(hex(&s.digest(5)), "5881092dd8");
    }

    // python3: blake2b(b'abc', key=b'k', salt=b's', person=b'p', digest_size=20).hexdigest()
    #[test]
    fn blake2_keyed() {
        let c = Blake2Config {
            digest_size: 20,
            key: b"k".to_vec(),
            salt: b"s".to_vec(),
            person: b"p".to_vec(),
            fanout: 1,
            depth: 1,
            leaf_size: 0,
            node_offset: 0,
            node_depth: 0,
            inner_size: 0,
            last_node: false,
        };
        let mut s = HashState::Blake2b(Blake2bState::new(&c));
        s.update(b"abc");
        assert_eq!(hex(&s.digest(0)), "0c694d1f89100a1db6ed58b7322cc3f244ac769a");
    }
}
