//! `_io.FileIO`: construction from a path or descriptor with FileIO's own
//! mode strings, and the raw-level methods (readall, readinto, truncate).
//! A FileIO object is a view of a descriptor stream core (textio.rs) whose
//! writes go straight to the descriptor.

use crate::object::protocol;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, bytes, int, none, str as pystr};

use super::textio::{self, binary, CoreSpec, FILE_IO_TYPE};

/// Open flags and shape from a FileIO mode ("r", "w", "x", "a", "+", "b").
struct FileMode {
    flags: i32,
    readable: bool,
    writable: bool,
    /// 'r', 'w', 'x' or 'a'.
    base: char,
}

fn parse_file_mode(mode: &str) -> PyResult<FileMode> {
    let bad = || PyErr::value_error("Must have exactly one of create/read/write/append mode and at most one plus");
    let (mut base, mut plus) = (None, false);
    for c in mode.chars() {
        match c {
            'r' | 'w' | 'x' | 'a' => {
                if base.is_some() {
                    return Err(bad());
                }
                base = Some(c);
            }
            '+' => {
                if plus {
                    return Err(bad());
                }
                plus = true;
            }
            'b' => {}
            _ => return Err(PyErr::value_error(format!("invalid mode: {mode}"))),
        }
    }
    let base = base.ok_or_else(bad)?;
    let mut flags = match base {
        'x' => libc::O_CREAT | libc::O_EXCL,
        'w' => libc::O_CREAT | libc::O_TRUNC,
        'a' => libc::O_CREAT | libc::O_APPEND,
        _ => 0,
    };
    let readable = base == 'r' || plus;
    let writable = base != 'r' || plus;
    flags |= match (readable, writable) {
        (true, true) => libc::O_RDWR,
        (true, false) => libc::O_RDONLY,
        _ => libc::O_WRONLY,
    };
    Ok(FileMode { flags: flags | libc::O_CLOEXEC, readable, writable, base })
}

/// `FileIO(file, mode='r', closefd=True, opener=None)`.
fn fileio_new(ts: &ThreadState, cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [file, mode, closefd, opener] = crate::object::args::bind("FileIO", a, k, ["file", "mode", "closefd", "opener"], 0, 1, 4)?;
    let file = file.unwrap_or_else(none::none);
    let mode_s = match &mode {
        None => "r".to_string(),
        Some(m) => pystr::try_as_rust_str(m)
            .map(|t| t.into_owned())
            .ok_or_else(|| PyErr::type_error(format!("FileIO() argument 'mode' must be str, not {}", protocol::type_name(m))))?,
    };
    let closefd = match &closefd {
        Some(c) => protocol::is_true(ts, c)?,
        None => true,
    };
    let m = parse_file_mode(&mode_s)?;
    let (fd, name) = textio::open_fd(ts, &file, m.flags, closefd, opener)?;
    if m.base == 'a' {
        // SAFETY: lseek has no memory effects.
        unsafe { libc::lseek(fd, 0, libc::SEEK_END) };
    }
    let core = textio::new_core(CoreSpec {
        fd,
        name,
        mode: m.base.to_string(),
        encoding: "utf-8".to_string(),
        codec: crate::stringlib::codecs::Encoding::Utf8,
        errors: "strict".to_string(),
        line_buffered: false,
        readable: m.readable,
        writable: m.writable,
        closefd,
        newline: None,
        binary_type: &FILE_IO_TYPE,
        raw: true,
        backend: None,
        backend_raw: false,
        write_through: false,
    })?;
    textio::register_open_file(&core);
    textio::new_view_of(cls, core, None)
}

fn open_raw(v: &Value) -> PyResult<&textio::TextStream> {
    let s = binary(v)?;
    if s.closed.get() {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    Ok(s)
}

/// `FileIO.readall()`: everything up to EOF.
fn m_readall(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("readall", a, k, 0)?;
    let s = open_raw(v)?;
    if !s.readable {
        return Err(super::unsupported(ts, "File not open for reading"));
    }
    s.flush()?;
    while s.fill()? {}
    Ok(bytes::new_bytes(std::mem::take(&mut *s.pending.borrow_mut())))
}

/// `readinto(buffer)` of FileIO and the buffered files.
pub(super) fn m_readinto(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("readinto", a, k, 1)?;
    let n = super::iobase::writable_buffer_len(ts, "readinto", &a[0])?;
    let data = protocol::call_method(ts, v, "read", &[int::from_i64(n as i64)])?;
    let d = bytes::try_bytes_data(&data).unwrap_or_default();
    super::iobase::copy_into(ts, &a[0], &d)?;
    Ok(int::from_i64(d.len() as i64))
}

/// `truncate(size=None)`: the file cut (or extended) to `size` bytes, by default the position.
pub(super) fn m_truncate(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("truncate", a, k, 0, 1)?;
    let s = open_raw(v)?;
    if !s.writable {
        return Err(super::unsupported(ts, if std::ptr::eq(v.type_of(), &FILE_IO_TYPE) { "File not open for writing" } else { "truncate" }));
    }
    let size = match a.first().filter(|x| !none::is_none(x)) {
        Some(x) => int::to_i64_checked(&protocol::index(ts, x)?)?,
        None => int::to_i64_checked(&protocol::call_method(ts, v, "tell", &[])?)?,
    };
    s.flush()?;
    if let Some(b) = s.backend.as_ref() {
        return protocol::call_method(ts, b, "truncate", &[int::from_i64(size)]);
    }
    // SAFETY: ftruncate has no memory effects.
    if unsafe { libc::ftruncate(s.fd, size as libc::off_t) } != 0 {
        return Err(super::os_error(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO), None));
    }
    Ok(int::from_i64(size))
}

fn g_closefd(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(bool_::new_bool(binary(v)?.closefd))
}

/// Fill FileIO's constructor and own methods.
pub fn init() {
    FILE_IO_TYPE.data.slots.new.set(Some(fileio_new));
    crate::types::descr::add_methods(&FILE_IO_TYPE, &[("readall", m_readall), ("readinto", m_readinto), ("truncate", m_truncate)]);
    crate::types::descr::add_getsets(&FILE_IO_TYPE, &[("closefd", g_closefd, None)]);
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected from python3: io.FileIO(p, mode).mode / readable() / writable(), and the ValueErrors of bad modes.
    #[test]
    fn file_modes() {
        for (mode, r, w, base) in [("r", true, false, 'r'), ("w+", true, true, 'w'), ("ab", false, true, 'a'), ("x", false, true, 'x'), ("rb+", true, true, 'r')] {
            let m = parse_file_mode(mode).ok().expect("valid mode");
            assert_eq!((m.readable, m.writable, m.base), (r, w, base), "{mode}");
        }
        for bad in ["rt", "rr", "", "r+w", "b", "w++"] {
            assert!(parse_file_mode(bad).is_err(), "{bad}");
        }
    }
}
