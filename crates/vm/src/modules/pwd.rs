//! The `pwd` module: the Unix password database (getpwuid, getpwnam,
//! getpwall), entries as `pwd.struct_passwd`.

use std::ffi::{CStr, CString};

use super::structseq::{self, structseq_type, Spec};
use crate::object::{args, protocol};
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{exceptions as exc, int, list, str as pystr};

structseq_type!(STRUCT_PASSWD_TYPE, "pwd.struct_passwd");

/// `pwd.struct_passwd`.
pub static STRUCT_PASSWD: Spec = Spec {
    ty: &STRUCT_PASSWD_TYPE,
    fields: &[
        ("pw_name", "user name"),
        ("pw_passwd", "password"),
        ("pw_uid", "user id"),
        ("pw_gid", "group id"),
        ("pw_gecos", "real name"),
        ("pw_dir", "home directory"),
        ("pw_shell", "shell program"),
    ],
    n_in_sequence: 7,
    constructible: true,
    doc: "pwd.struct_passwd: Results from getpw*() routines.\n\nThis object may be accessed either as a tuple of\n  (pw_name,pw_passwd,pw_uid,pw_gid,pw_gecos,pw_dir,pw_shell)\nor via the object attributes as named in the above tuple.",
};

fn text(p: *const libc::c_char) -> Value {
    if p.is_null() {
        return pystr::new_str("");
    }
    // SAFETY: a non-NULL field of a passwd entry is a NUL-terminated string.
    let b = unsafe { CStr::from_ptr(p) }.to_bytes();
    super::posix::fs_decode(b)
}

fn entry(pw: &libc::passwd) -> PyResult<Value> {
    structseq::new_value(
        &STRUCT_PASSWD,
        vec![
            text(pw.pw_name),
            text(pw.pw_passwd),
            int::from_i64(pw.pw_uid as i64),
            int::from_i64(pw.pw_gid as i64),
            text(pw.pw_gecos),
            text(pw.pw_dir),
            text(pw.pw_shell),
        ],
    )
}

/// Look an entry up with a reentrant call, growing the buffer on ERANGE.
fn lookup(f: impl Fn(&mut libc::passwd, &mut [u8], &mut *mut libc::passwd) -> libc::c_int) -> PyResult<Option<Value>> {
    let mut buf = vec![0u8; 1024];
    loop {
        // SAFETY: passwd is plain data; the call fills it.
        let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let r = f(&mut pw, &mut buf, &mut result);
        if r == libc::ERANGE && buf.len() < (1 << 24) {
            buf.resize(buf.len() * 2, 0);
            continue;
        }
        if result.is_null() {
            return Ok(None);
        }
        return entry(&pw).map(Some);
    }
}

fn getpwuid(ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = args::exact("pwd.getpwuid", a, k, 1)?;
    if !int::is_int(&a[0]) && a[0].type_of().data.slots.index.get().is_none() {
        return Err(PyErr::type_error(format!("uid should be integer, not {}", protocol::type_name(&a[0]))));
    }
    let i = protocol::index(ts, &a[0])?;
    let not_found = || PyErr::with_args(&exc::KEY_ERROR, vec![pystr::new_str("getpwuid(): uid not found")]);
    // (uid_t)-1 is accepted as CPython's converter does; other values out
    // of range are simply not found.
    let uid = match int::as_int(&i).and_then(|r| r.to_i64()) {
        Some(-1) => libc::uid_t::MAX,
        Some(x) => libc::uid_t::try_from(x).map_err(|_| not_found())?,
        None => return Err(not_found()),
    };
    let found = lookup(|pw, buf, result| {
        // SAFETY: every pointer is valid and `buf` has buf.len() bytes.
        unsafe { libc::getpwuid_r(uid, pw, buf.as_mut_ptr() as *mut libc::c_char, buf.len(), result) }
    })?;
    found.ok_or_else(|| PyErr::with_args(&exc::KEY_ERROR, vec![pystr::new_str(&format!("getpwuid(): uid not found: {uid}"))]))
}

fn getpwnam(ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = args::exact("pwd.getpwnam", a, k, 1)?;
    if pystr::as_pystr(&a[0]).is_none() {
        return Err(PyErr::type_error(format!("getpwnam() argument must be str, not {}", protocol::type_name(&a[0]))));
    }
    let data = crate::types::bytes::encode_str(ts, &a[0], "utf-8", "surrogateescape")?;
    let data = crate::types::bytes::try_bytes_data(&data).unwrap_or_default();
    let name = CString::new(data).map_err(|_| PyErr::value_error("embedded null byte"))?;
    let found = lookup(|pw, buf, result| {
        // SAFETY: `name` is NUL-terminated; the other pointers are valid.
        unsafe { libc::getpwnam_r(name.as_ptr(), pw, buf.as_mut_ptr() as *mut libc::c_char, buf.len(), result) }
    })?;
    let repr = protocol::repr_string(ts, &a[0])?;
    found.ok_or_else(|| PyErr::with_args(&exc::KEY_ERROR, vec![pystr::new_str(&format!("getpwnam(): name not found: {repr}"))]))
}

fn getpwall(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("pwd.getpwall", a, k, 0)?;
    let mut out = Vec::new();
    // SAFETY: the interpreter runs one thread, so the shared iteration
    // state of setpwent/getpwent/endpwent is used by this loop alone; each
    // entry is copied before the next call.
    unsafe {
        libc::setpwent();
        loop {
            let pw = libc::getpwent();
            if pw.is_null() {
                break;
            }
            match entry(&*pw) {
                Ok(v) => out.push(v),
                Err(e) => {
                    libc::endpwent();
                    return Err(e);
                }
            }
        }
        libc::endpwent();
    }
    list::new_list(out)
}

/// Create the `pwd` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(ts, "pwd", &[("getpwuid", getpwuid), ("getpwnam", getpwnam), ("getpwall", getpwall)])?;
    super::set_attr(ts, &d, "struct_passwd", STRUCT_PASSWD_TYPE.to_value())?;
    Ok(m)
}
