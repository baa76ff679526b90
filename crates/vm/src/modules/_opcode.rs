//! The `_opcode` module: `stack_effect` for `opcode.stack_effect` and `dis`
//! (CPython's Modules/_opcode.c), over our instruction set.

use compiler::opcode::Opcode;

use crate::object::{args, protocol};
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{int, none};

/// A C int argument, with CPython's conversion errors.
fn c_int(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    let i = protocol::index(ts, v)?;
    int::as_int(&i)
        .and_then(|r| r.to_i64())
        .filter(|x| i32::try_from(*x).is_ok())
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C int"))
}

/// `stack_effect(opcode, oparg=None, /, *, jump=None)`: the change of the
/// stack depth; with `jump` None, the larger of the jumping and the
/// falling-through effect.
fn stack_effect(ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [opcode, oparg, jump] = args::bind("stack_effect", a, k, ["opcode", "oparg", "jump"], 2, 1, 2)?;
    let opcode = c_int(ts, &opcode.unwrap_or_else(none::none))?;
    let oparg = oparg.filter(|x| !none::is_none(x));
    let op = u8::try_from(opcode).ok().and_then(Opcode::from_u8).filter(|o| !o.is_specialized());
    // As CPython, by the number alone: whether the opcode exists comes after.
    let takes_arg = opcode >= compiler::opcode::HAVE_ARGUMENT as i64;
    let oparg = match (oparg, takes_arg) {
        (Some(x), true) => c_int(ts, &x)?,
        (None, true) => return Err(PyErr::value_error("stack_effect: opcode requires oparg but oparg was not specified")),
        (Some(_), false) => return Err(PyErr::value_error("stack_effect: opcode does not permit oparg but oparg was specified")),
        (None, false) => 0,
    };
    let jump = match jump.filter(|j| !none::is_none(j)) {
        Some(j) => Some(protocol::is_true(ts, &j)?),
        None => None,
    };
    let (Some(op), Ok(oparg)) = (op, u32::try_from(oparg)) else {
        return Err(PyErr::value_error("invalid opcode or oparg"));
    };
    let effect = match jump {
        Some(j) => op.stack_effect(oparg, j),
        None => op.stack_effect(oparg, true).max(op.stack_effect(oparg, false)),
    };
    Ok(int::from_i64(effect as i64))
}

pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, _d) = super::new_native_module(ts, "_opcode", &[("stack_effect", stack_effect)])?;
    Ok(m)
}
