//! `_random`: the Mersenne Twister generator behind random.Random
//! (CPython's Modules/_randommodule.c). Seeding, state and the produced
//! numbers match CPython's bit for bit, so seeded sequences agree.

use std::cell::{Cell, RefCell};

use crate::object::args;
use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject, TPFLAGS_BASETYPE};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{float, int, int::IntRef, none, str as pystr, tuple};
use num_bigint::{BigInt, Sign};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// MT19937 state.
#[derive(Clone)]
pub struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    /// An all-zero state at index 0 (what an unseeded object holds).
    pub fn zeroed() -> Mt {
        Mt { state: [0; N], index: 0 }
    }

    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// Seed from an array of 32-bit words (init_by_array).
    pub fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mut i = 1usize;
        let mut j = 0usize;
        let len = key.len().max(1);
        for _ in 0..N.max(len) {
            let prev = self.state[i - 1];
            let k = key.get(j).copied().unwrap_or(0);
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525)).wrapping_add(k).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        self.state[0] = 0x8000_0000;
        self.index = N;
    }

    /// The next 32 random bits (genrand_uint32).
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            let mag = |y: u32| if y & 1 != 0 { MATRIX_A } else { 0 };
            for kk in 0..N - M {
                let y = (self.state[kk] & UPPER_MASK) | (self.state[kk + 1] & LOWER_MASK);
                self.state[kk] = self.state[kk + M] ^ (y >> 1) ^ mag(y);
            }
            for kk in N - M..N - 1 {
                let y = (self.state[kk] & UPPER_MASK) | (self.state[kk + 1] & LOWER_MASK);
                self.state[kk] = self.state[kk + M - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (self.state[N - 1] & UPPER_MASK) | (self.state[0] & LOWER_MASK);
            self.state[N - 1] = self.state[M - 1] ^ (y >> 1) ^ mag(y);
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// A float in [0.0, 1.0) with 53 random bits (genrand_res53).
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }
}

/// The 32-bit little-endian words of a non-negative integer (at least one).
fn words_of(n: &BigInt) -> Vec<u32> {
    let mut w = n.to_u32_digits().1;
    if w.is_empty() {
        w.push(0);
    }
    w
}

/// A `_random.Random` object.
pub struct PyRandom {
    mt: RefCell<Mt>,
    /// Set once seeded (an unseeded subclass instance still works, on zeros).
    seeded: Cell<bool>,
}

/// The `_random.Random` type.
pub static RANDOM_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyRandom>("_random.Random", &RANDOM_TYPE, Some(&crate::types::object::OBJECT_TYPE), TPFLAGS_BASETYPE),
);
impl PyPayload for PyRandom {
    fn class() -> &'static PyType {
        &RANDOM_TYPE
    }
}

/// The static types of this module.
pub fn types() -> Vec<&'static PyType> {
    vec![&RANDOM_TYPE]
}

fn this(v: &Value) -> PyResult<&PyRandom> {
    v.downcast::<PyRandom>().ok_or_else(|| PyErr::type_error("descriptor requires a '_random.Random' object"))
}

/// Seed `r` from `arg` (random_seed): None uses the OS's randomness, an
/// int its absolute value, anything else its hash as an unsigned word.
fn seed(ts: &ThreadState, r: &PyRandom, arg: Option<&Value>) -> PyResult<()> {
    let key = match arg.filter(|a| !none::is_none(a)) {
        None => {
            let mut buf = [0u8; N * 4];
            let key: Vec<u32> = match getrandom::fill(&mut buf) {
                Ok(()) => buf.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect(),
                Err(_) => {
                    // CPython falls back to the time and the process id.
                    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
                    vec![t as u32, (t >> 32) as u32, std::process::id()]
                }
            };
            key
        }
        Some(a) => match int::as_int(a) {
            Some(IntRef::Small(i)) => words_of(&BigInt::from(i.unsigned_abs())),
            Some(IntRef::Big(b)) => words_of(&BigInt::from_biguint(Sign::Plus, b.magnitude().clone())),
            None => {
                let h = protocol::hash(ts, a)?;
                words_of(&BigInt::from(h as usize))
            }
        },
    };
    r.mt.borrow_mut().init_by_array(&key);
    r.seeded.set(true);
    Ok(())
}

fn random_new(_ts: &ThreadState, cls: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    Value::new_instance(cls, PyRandom { mt: RefCell::new(Mt::zeroed()), seeded: Cell::new(false) })
}

fn random_init(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<()> {
    args::no_kwargs("Random", k)?;
    if a.len() > 1 {
        return Err(PyErr::type_error("Random() requires 0 or 1 argument"));
    }
    seed(ts, this(v)?, a.first())
}

fn m_seed(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::positional("seed", a, k, 0, 1)?;
    seed(ts, this(v)?, a.first())?;
    Ok(none::none())
}

fn m_random(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("Random.random", a, k, 0)?;
    Ok(float::new_float(this(v)?.mt.borrow_mut().random()))
}

fn m_getrandbits(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("Random.getrandbits", a, k, 1)?;
    let bits = int::c_int_arg(ts, &a[0])?;
    if bits < 0 {
        return Err(PyErr::value_error("number of bits must be non-negative"));
    }
    let r = this(v)?;
    let mut mt = r.mt.borrow_mut();
    if bits <= 32 {
        if bits == 0 {
            return Ok(int::from_i64(0));
        }
        return Ok(int::from_i64((mt.next_u32() >> (32 - bits)) as i64));
    }
    // Fill 32-bit words from the least significant end; the last word
    // keeps only its top bits, as CPython does.
    let nwords = (bits as usize - 1) / 32 + 1;
    let mut words = Vec::new();
    words.try_reserve_exact(nwords).map_err(|_| PyErr::no_memory())?;
    let mut left = bits as usize;
    for _ in 0..nwords {
        let mut w = mt.next_u32();
        if left < 32 {
            w >>= 32 - left;
        }
        words.push(w);
        left = left.saturating_sub(32);
    }
    Ok(int::from_bigint(BigInt::from_slice(Sign::Plus, &words)))
}

fn m_getstate(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("Random.getstate", a, k, 0)?;
    let mt = this(v)?.mt.borrow().clone();
    let mut items: Vec<Value> = mt.state.iter().map(|w| int::from_i64(*w as i64)).collect();
    items.push(int::from_usize(mt.index));
    tuple::new_tuple(items)
}

fn m_setstate(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("Random.setstate", a, k, 1)?;
    let items = tuple::try_tuple_items(&a[0]).ok_or_else(|| PyErr::type_error("state vector must be a tuple"))?;
    if items.len() != N + 1 {
        return Err(PyErr::value_error("state vector is the wrong size"));
    }
    let mut state = [0u32; N];
    for (slot, item) in state.iter_mut().zip(items) {
        // PyLong_AsUnsignedLong, then truncated to 32 bits.
        let i = int::as_int(item).ok_or_else(|| PyErr::type_error("an integer is required"))?;
        let b = i.to_bigint();
        if b.sign() == Sign::Minus {
            return Err(PyErr::overflow_error("can't convert negative value to unsigned int"));
        }
        let d = b.to_u64_digits().1;
        if d.len() > 1 {
            return Err(PyErr::overflow_error("Python int too large to convert to C unsigned long"));
        }
        *slot = d.first().copied().unwrap_or(0) as u32;
    }
    let idx = protocol::index(ts, &items[N])?;
    let idx = int::to_i64_checked(&idx)?;
    if idx < 0 || idx > N as i64 {
        return Err(PyErr::value_error("invalid state"));
    }
    let r = this(v)?;
    let mut mt = r.mt.borrow_mut();
    mt.state = state;
    mt.index = idx as usize;
    Ok(none::none())
}

/// Fill the static type's slots and methods.
pub fn init() {
    use crate::types::descr::add_methods;
    RANDOM_TYPE.data.slots.new.set(Some(random_new));
    RANDOM_TYPE.data.slots.init.set(Some(random_init));
    RANDOM_TYPE.data.slots.getattro.set(Some(protocol::generic_getattr));
    crate::types::dict::dict_set_str(&RANDOM_TYPE.data.dict(), "__doc__", pystr::new_str("Random() -> create a random number generator with its own internal state."));
    add_methods(
        &RANDOM_TYPE,
        &[
            ("random", m_random),
            ("seed", m_seed),
            ("getstate", m_getstate),
            ("setstate", m_setstate),
            ("getrandbits", m_getrandbits),
            ("__reduce__", super::reduce_cannot_pickle),
        ],
    );
}

/// Create the `_random` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(ts, "_random", &[])?;
    super::set_attr(ts, &d, "__doc__", pystr::new_str("Module implements the Mersenne Twister random number generator."))?;
    super::set_attr(ts, &d, "Random", RANDOM_TYPE.to_value())?;
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from python3: _random.Random(5).random(),
    // Random(0).random(), Random(5).getrandbits(32) after the first draw.
    #[test]
    fn seeded_sequences() {
        let mut mt = Mt::zeroed();
        mt.init_by_array(&[5]);
        assert_eq!(mt.random(), 0.6229016948897019);
        let mut mt = Mt::zeroed();
        mt.init_by_array(&[0]);
        assert_eq!(mt.random(), 0.8444218515250481);
        let mut mt = Mt::zeroed();
        mt.init_by_array(&words_of(&(BigInt::from(1) << 100)));
        assert_eq!(mt.random(), 0.7586581712996778);
    }

    #[test]
    fn zero_state_draws_zero() {
        let mut mt = Mt::zeroed();
        assert_eq!(mt.random(), 0.0);
    }
}
