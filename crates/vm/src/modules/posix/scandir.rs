//! `os.scandir()`: the `ScandirIterator` over a directory stream and the
//! `DirEntry` objects it yields, which remember the entry's type from
//! readdir and cache their stat results.

use std::cell::{Cell, RefCell};
use std::ffi::{CStr, CString};

use crate::object::args;
use crate::object::typeobj::{PyType, TypeObject};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, int, none, str as pystr};

use super::path::{self, PathSpec};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

/// `posix.ScandirIterator`.
pub struct ScandirIterator {
    dir: Cell<*mut libc::DIR>,
    /// The directory as given (encoded), for entry paths; None for an fd.
    base: Option<Vec<u8>>,
    /// The fd given, whose entries are stat'ed relative to it.
    fd: Option<i32>,
    is_bytes: bool,
}

/// `posix.DirEntry`.
pub struct DirEntry {
    name: Value,
    path: Value,
    /// The encoded path used for stat calls (the name alone in fd mode).
    cpath: CString,
    dir_fd: Option<i32>,
    d_type: u8,
    ino: u64,
    stat: RefCell<Option<Value>>,
    lstat: RefCell<Option<Value>>,
}

/// `posix.ScandirIterator`.
pub static SCANDIR_ITERATOR_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<ScandirIterator>("posix.ScandirIterator", &SCANDIR_ITERATOR_TYPE, Some(&crate::types::object::OBJECT_TYPE), 0),
);
/// `posix.DirEntry`.
pub static DIR_ENTRY_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<DirEntry>("posix.DirEntry", &DIR_ENTRY_TYPE, Some(&crate::types::object::OBJECT_TYPE), 0),
);
impl PyPayload for ScandirIterator {
    fn class() -> &'static PyType {
        &SCANDIR_ITERATOR_TYPE
    }
}
impl PyPayload for DirEntry {
    fn class() -> &'static PyType {
        &DIR_ENTRY_TYPE
    }
}

impl ScandirIterator {
    fn close(&self) {
        let d = self.dir.replace(std::ptr::null_mut());
        if !d.is_null() {
            // SAFETY: `d` was open and is closed once (the cell is now NULL).
            unsafe { libc::closedir(d) };
        }
    }
}

impl Drop for ScandirIterator {
    fn drop(&mut self) {
        self.close();
    }
}

/// The static types of scandir.
pub fn types() -> Vec<&'static PyType> {
    vec![&SCANDIR_ITERATOR_TYPE, &DIR_ENTRY_TYPE]
}

/// `os.scandir(path=None)`.
pub(crate) fn p_scandir(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [p] = args::bind("scandir", a, k, ["path"], 0, 0, 1)?;
    let p = path::path_arg(ts, PathSpec::new("scandir").fd().nullable(), p.as_ref())?;
    let dir = match p.fd {
        Some(fd) => super::fs::opendir_fd(fd).map_err(|e| path::os_error(e, Some(&p.object), None))?,
        None => {
            let c = p.c_or_dot();
            // SAFETY: `c` is NUL-terminated.
            let d = unsafe { libc::opendir(c.as_ptr()) };
            if d.is_null() {
                return Err(path::path_error(&p));
            }
            d
        }
    };
    let base = if p.fd.is_some() { None } else { Some(p.bytes()) };
    Value::new(ScandirIterator { dir: Cell::new(dir), base, fd: p.fd, is_bytes: p.is_bytes })
}

fn iterator(v: &Value) -> PyResult<&ScandirIterator> {
    v.downcast::<ScandirIterator>().ok_or_else(|| PyErr::type_error("ScandirIterator expected"))
}

fn entry(v: &Value) -> PyResult<&DirEntry> {
    v.downcast::<DirEntry>().ok_or_else(|| PyErr::type_error("DirEntry expected"))
}

fn join(base: &[u8], name: &[u8]) -> Vec<u8> {
    let mut p = base.to_vec();
    if !p.is_empty() && !p.ends_with(b"/") {
        p.push(b'/');
    }
    p.extend_from_slice(name);
    p
}

// d_ino's type differs between platforms, hence the cast.
#[allow(clippy::unnecessary_cast)]
fn it_next(_ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let it = iterator(v)?;
    loop {
        let dir = it.dir.get();
        if dir.is_null() {
            return Ok(None);
        }
        // SAFETY: errno is thread-local; clearing it tells end from failure.
        unsafe { *libc::__errno_location() = 0 };
        // SAFETY: `dir` is an open stream owned by the iterator.
        let ent = unsafe { libc::readdir(dir) };
        if ent.is_null() {
            let e = path::errno_raw();
            it.close();
            if e != 0 {
                return Err(path::os_error(e, None, None));
            }
            return Ok(None);
        }
        // SAFETY: a non-NULL entry is valid until the next readdir; its
        // name is NUL-terminated and copied out at once.
        let (name, d_type, ino) = unsafe { (CStr::from_ptr((*ent).d_name.as_ptr()).to_bytes().to_vec(), (*ent).d_type, (*ent).d_ino) };
        if name == b"." || name == b".." {
            continue;
        }
        let full = match &it.base {
            Some(b) => join(b, &name),
            None => name.clone(),
        };
        let cpath = CString::new(full.clone()).map_err(|_| PyErr::value_error("embedded null byte"))?;
        let e = DirEntry {
            name: path::name_value(&name, it.is_bytes),
            path: path::name_value(&full, it.is_bytes),
            cpath,
            dir_fd: it.fd,
            d_type,
            ino: ino as u64,
            stat: RefCell::new(None),
            lstat: RefCell::new(None),
        };
        return Ok(Some(Value::new(e)?));
    }
}

fn self_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn it_close(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("ScandirIterator.close", a, k, 0)?;
    iterator(v)?.close();
    Ok(none::none())
}

fn it_exit(_ts: &ThreadState, v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    iterator(v)?.close();
    Ok(none::none())
}

impl DirEntry {
    fn fetch(&self, follow: bool) -> PyResult<Value> {
        let dir_fd = self.dir_fd.unwrap_or(libc::AT_FDCWD);
        match super::stat::fstatat_raw(dir_fd, &self.cpath, follow) {
            Ok(st) => super::stat::stat_value(&st),
            Err(e) => Err(path::os_error(e, Some(&self.path), None)),
        }
    }

    fn get_lstat(&self) -> PyResult<Value> {
        if let Some(v) = self.lstat.borrow().clone() {
            return Ok(v);
        }
        let v = self.fetch(false)?;
        *self.lstat.borrow_mut() = Some(v.clone());
        Ok(v)
    }

    fn get_stat(&self, follow: bool) -> PyResult<Value> {
        if !follow {
            return self.get_lstat();
        }
        if let Some(v) = self.stat.borrow().clone() {
            return Ok(v);
        }
        let v = if self.is_symlink()? { self.fetch(true)? } else { self.get_lstat()? };
        *self.stat.borrow_mut() = Some(v.clone());
        Ok(v)
    }

    fn is_symlink(&self) -> PyResult<bool> {
        if self.d_type != libc::DT_UNKNOWN {
            return Ok(self.d_type == libc::DT_LNK);
        }
        let st = self.get_lstat()?;
        Ok(mode_of(&st) & libc::S_IFMT == libc::S_IFLNK)
    }

    /// Whether the entry is of file type `fmt` (DT_* `dt`), following
    /// symlinks when asked; a vanished entry is of no type.
    fn test_mode(&self, follow: bool, dt: u8, fmt: libc::mode_t) -> PyResult<bool> {
        let need_stat = self.d_type == libc::DT_UNKNOWN || (follow && self.is_symlink()?);
        if need_stat {
            match self.get_stat(follow) {
                Ok(st) => Ok(mode_of(&st) & libc::S_IFMT == fmt),
                Err(e) if e.matches(&crate::types::exceptions::FILE_NOT_FOUND_ERROR) => Ok(false),
                Err(e) => Err(e),
            }
        } else {
            Ok(self.d_type == dt)
        }
    }
}

fn mode_of(st: &Value) -> libc::mode_t {
    crate::modules::structseq::field(st, 0).and_then(|m| int::as_int(&m).and_then(|r| r.to_i64())).unwrap_or(0) as libc::mode_t
}

fn follow_kw(ts: &ThreadState, fname: &str, a: Args, k: Kw) -> PyResult<bool> {
    let [follow] = args::bind(fname, a, k, ["follow_symlinks"], 0, 0, 0)?;
    path::bool_arg(ts, follow.as_ref(), true)
}

fn e_is_dir(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let follow = follow_kw(ts, "is_dir", a, k)?;
    Ok(bool_::new_bool(entry(v)?.test_mode(follow, libc::DT_DIR, libc::S_IFDIR)?))
}

fn e_is_file(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let follow = follow_kw(ts, "is_file", a, k)?;
    Ok(bool_::new_bool(entry(v)?.test_mode(follow, libc::DT_REG, libc::S_IFREG)?))
}

fn e_is_symlink(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    // A defining-class method: CPython words its count error this way.
    if !a.is_empty() || k.is_some_and(|k| !crate::types::tuple::tuple_items(k).is_empty()) {
        return Err(PyErr::type_error("is_symlink() takes no arguments"));
    }
    Ok(bool_::new_bool(entry(v)?.is_symlink()?))
}

fn e_stat(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let follow = follow_kw(ts, "stat", a, k)?;
    entry(v)?.get_stat(follow)
}

fn e_inode(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("DirEntry.inode", a, k, 0)?;
    Ok(int::from_bigint(num_bigint::BigInt::from(entry(v)?.ino)))
}

fn e_fspath(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("DirEntry.__fspath__", a, k, 0)?;
    Ok(entry(v)?.path.clone())
}

fn e_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let name = crate::object::protocol::repr_string(ts, &entry(v)?.name)?;
    Ok(pystr::new_str(&format!("<DirEntry {name}>")))
}

fn e_name(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(entry(v)?.name.clone())
}

fn e_path(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(entry(v)?.path.clone())
}

fn no_new(_ts: &ThreadState, cls: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    let name = crate::object::protocol::as_pytype(cls).map(|t| t.data.name().to_string()).unwrap_or_default();
    Err(PyErr::type_error(format!("cannot create '{name}' instances")))
}

fn class_getitem(_ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("__class_getitem__", a, k, 1)?;
    crate::types::genericalias::new_generic_alias(cls.clone(), a[0].clone())
}

/// Fill the static types.
pub fn init() {
    use crate::types::descr::{add_getsets, add_methods, add_methods_kind, MethodKind};
    for t in types() {
        t.data.slots.getattro.set(Some(crate::object::protocol::generic_getattr));
    }
    for t in types() {
        t.data.slots.new.set(Some(no_new));
    }
    let s = &SCANDIR_ITERATOR_TYPE.data.slots;
    s.iter.set(Some(self_iter));
    s.iternext.set(Some(it_next));
    add_methods(
        &SCANDIR_ITERATOR_TYPE,
        &[("close", it_close), ("__enter__", |_ts, v, _a, _k| Ok(v.clone())), ("__exit__", it_exit), ("__reduce__", crate::modules::reduce_cannot_pickle)],
    );
    DIR_ENTRY_TYPE.data.slots.repr.set(Some(e_repr));
    add_methods(
        &DIR_ENTRY_TYPE,
        &[
            ("is_dir", e_is_dir),
            ("is_file", e_is_file),
            ("is_symlink", e_is_symlink),
            ("stat", e_stat),
            ("inode", e_inode),
            ("__fspath__", e_fspath),
            ("__reduce__", crate::modules::reduce_cannot_pickle),
        ],
    );
    add_methods_kind(&DIR_ENTRY_TYPE, &[("__class_getitem__", class_getitem)], MethodKind::Class);
    add_getsets(&DIR_ENTRY_TYPE, &[("name", e_name, None), ("path", e_path, None)]);
}

#[cfg(test)]
mod tests {
    use super::join;

    #[test]
    fn entry_paths() {
        // From python3: [e.path for e in os.scandir(d)] for d = 'sub', 'sub/', '/', '.'.
        assert_eq!(join(b"sub", b"b.txt"), b"sub/b.txt".to_vec());
        assert_eq!(join(b"sub/", b"b.txt"), b"sub/b.txt".to_vec());
        assert_eq!(join(b"/", b"etc"), b"/etc".to_vec());
        assert_eq!(join(b".", b"x"), b"./x".to_vec());
    }
}
