//! The bytecode cache: `dir/__pycache__/X.pyrite-311.pyc` beside `dir/X.py`
//! holds the module's compiled code (marshal data) after a 20-byte header:
//! PEP 552's timestamp form (magic number, flags (0), the source's mtime
//! and size, each a little-endian u32, truncated as CPython does), then the
//! CRC-32 of the marshal data. A cache whose header does not match the
//! source is ignored and rewritten.
//!
//! The cache holds code our compiler produced, so a file whose checksum
//! matches is loaded without re-verifying its bytecode (the check that
//! `marshal.loads` makes of foreign data): that check costs more than
//! reading the file, and the checksum catches what can go wrong with the
//! file itself. Whoever can rewrite the cache can rewrite the source too.
//!
//! The magic number is ours (CPython's files are not ours to read): bump
//! `BYTECODE_REVISION` whenever the bytecode changes meaning — opcode
//! numbers or semantics, the compiler's output conventions, or the code
//! object layout in marshal.rs — so every existing cache is recompiled.
//! A unit test pins a fingerprint of the opcode table as a reminder.
//!
//! Nested code objects are written so that their bodies are read on first
//! use (`marshal::dumps_for_cache`): importing a module then decodes only
//! the functions it calls.

use crate::object::protocol;
use crate::object::value::Value;
use crate::runtime::errors::PyResult;
use crate::runtime::thread::ThreadState;
use crate::types::str as pystr;

/// `sys.implementation.cache_tag`: names the cache files.
pub const CACHE_TAG: &str = "pyrite-311";

/// Revision of our bytecode format; see the module documentation.
pub const BYTECODE_REVISION: u16 = 3;

/// Where our magic numbers start: far from CPython's (3xxx), so neither
/// implementation takes the other's files.
const MAGIC_BASE: u16 = 0x5000;

/// Length of the header before the marshal data.
pub const HEADER_LEN: usize = 20;

/// The magic number of our cache files: two bytes of revision, then b"\r\n".
pub fn magic() -> [u8; 4] {
    let m = (MAGIC_BASE + BYTECODE_REVISION).to_le_bytes();
    [m[0], m[1], b'\r', b'\n']
}

/// The cache file of the source at `path`, as importlib's
/// `cache_from_source` finds it now (`sys.pycache_prefix`, `-O` level).
pub fn cache_path(ts: &ThreadState, path: &str) -> String {
    let prefix = crate::modules::sys::sys_attr(ts, "pycache_prefix").and_then(|p| pystr::try_as_rust_str(&p).map(|t| t.to_string()));
    let cwd = || std::env::current_dir().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default();
    cache_from_source(path, ts.interp().config.optimize, prefix.as_deref(), cwd)
}

/// importlib's `cache_from_source`: `dir/__pycache__/X.<tag>[.opt-N].pyc`,
/// or under a `prefix` folder (`sys.pycache_prefix`), by the source's
/// absolute folder (`cwd` makes a relative one absolute).
pub fn cache_from_source(path: &str, optimize: u32, prefix: Option<&str>, cwd: impl Fn() -> String) -> String {
    let (head, tail) = match path.rfind('/') {
        Some(i) => (&path[..i], &path[i + 1..]),
        None => ("", path),
    };
    let stem = match tail.rfind('.') {
        Some(0) | None => tail,
        Some(i) => &tail[..i],
    };
    let opt = if optimize > 0 { format!(".opt-{optimize}") } else { String::new() };
    let name = format!("{stem}.{CACHE_TAG}{opt}.pyc");
    if let Some(prefix) = prefix {
        let head = if head.starts_with('/') {
            head.to_string()
        } else {
            path_join(&[&cwd(), head])
        };
        return path_join(&[prefix, head.trim_start_matches('/'), &name]);
    }
    if head.is_empty() && !path.starts_with('/') {
        format!("__pycache__/{name}")
    } else {
        format!("{head}/__pycache__/{name}")
    }
}

/// importlib's `_path_join`: the non-empty parts, each without trailing
/// slashes, joined by one.
fn path_join(parts: &[&str]) -> String {
    parts.iter().filter(|p| !p.is_empty()).map(|p| p.trim_end_matches('/')).collect::<Vec<_>>().join("/")
}

/// The header for a source of modification time `mtime` and `size` bytes
/// whose compiled form is the marshal data `body`.
pub fn header(mtime: u64, size: u64, body: &[u8]) -> [u8; HEADER_LEN] {
    let mut h = [0u8; HEADER_LEN];
    h[..4].copy_from_slice(&magic());
    h[8..12].copy_from_slice(&(mtime as u32).to_le_bytes());
    h[12..16].copy_from_slice(&(size as u32).to_le_bytes());
    h[16..20].copy_from_slice(&crc32fast::hash(body).to_le_bytes());
    h
}

/// Why a cache file was not used.
#[derive(Debug, PartialEq, Eq)]
pub enum Stale {
    /// Not one of our files (or not of this bytecode revision).
    BadMagic,
    /// Too short, or flags we do not write (hash-based pycs).
    BadHeader,
    /// Written for another version of the source.
    OutOfDate,
    /// The marshal data is not what was written (checksum mismatch).
    Corrupt,
}

/// The marshal data of a cache file, if its header matches the source.
pub fn check_header(data: &[u8], mtime: u64, size: u64) -> Result<&[u8], Stale> {
    if data.len() < 4 || data[..4] != magic() {
        return Err(Stale::BadMagic);
    }
    if data.len() < HEADER_LEN || data[4..8] != [0, 0, 0, 0] {
        return Err(Stale::BadHeader);
    }
    if data[8..12] != (mtime as u32).to_le_bytes() || data[12..16] != (size as u32).to_le_bytes() {
        return Err(Stale::OutOfDate);
    }
    let body = &data[HEADER_LEN..];
    if data[16..20] != crc32fast::hash(body).to_le_bytes() {
        return Err(Stale::Corrupt);
    }
    Ok(body)
}

fn verbose(ts: &ThreadState, msg: &str) {
    if ts.interp().config.verbose > 0 {
        crate::modules::sys::write_stderr(ts, &format!("# {msg}\n"));
    }
}

fn repr(ts: &ThreadState, s: &str) -> String {
    protocol::repr_string(ts, &pystr::new_str(s)).unwrap_or_else(|_| format!("'{s}'"))
}

/// The code of the source module at `path` (named `name`): from its cache
/// when that is current (the source is then not read), else compiled from
/// what `read` gives, then cached unless sys.dont_write_bytecode. Cache
/// problems are never errors.
pub fn source_code(ts: &ThreadState, name: &str, path: &str, read: impl FnOnce() -> PyResult<Vec<u8>>) -> PyResult<Value> {
    let meta = std::fs::metadata(path).ok();
    let mtime = meta
        .as_ref()
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs());
    let cpath = cache_path(ts, path);
    if let (Some(mtime), Some(meta), Ok(data)) = (mtime, &meta, std::fs::read(&cpath)) {
        match check_header(&data, mtime, meta.len()) {
            Ok(_) => {
                // Unreadable marshal data is a stale cache, compiled over.
                if let Ok(code) = crate::modules::marshal::loads_trusted(ts, std::sync::Arc::new(data), HEADER_LEN) {
                    if code.downcast::<crate::types::code::PyCode>().is_some() {
                        verbose(ts, &format!("{cpath} matches {path}"));
                        verbose(ts, &format!("code object from {}", repr(ts, &cpath)));
                        return Ok(code);
                    }
                }
            }
            Err(Stale::BadMagic) => {
                let got: Vec<u8> = data.iter().take(4).copied().collect();
                let bytes = crate::types::bytes::new_bytes(got);
                let shown = protocol::repr_string(ts, &bytes).unwrap_or_default();
                verbose(ts, &format!("bad magic number in {}: {shown}", repr(ts, name)));
            }
            Err(Stale::BadHeader) => verbose(ts, &format!("invalid flags in {}", repr(ts, name))),
            Err(Stale::OutOfDate) => verbose(ts, &format!("bytecode is stale for {}", repr(ts, name))),
            Err(Stale::Corrupt) => verbose(ts, &format!("bad checksum in {}", repr(ts, &cpath))),
        }
    }
    let source = read()?;
    let size = source.len() as u64;
    let code = crate::runtime::pythonrun::compile_source(ts, &source, path, "exec", -1)?;
    verbose(ts, &format!("code object from {path}"));
    let dont_write = match crate::modules::sys::sys_attr(ts, "dont_write_bytecode") {
        Some(v) => protocol::is_true(ts, &v).unwrap_or(true),
        None => ts.interp().config.dont_write_bytecode,
    };
    if let (false, Some(mtime)) = (dont_write, mtime) {
        if let Ok(body) = crate::modules::marshal::dumps_for_cache(ts, &code) {
            let mut data = Vec::with_capacity(HEADER_LEN + body.len());
            data.extend_from_slice(&header(mtime, size, &body));
            data.extend_from_slice(&body);
            if write_atomically(&cpath, &data).is_ok() {
                verbose(ts, &format!("created {}", repr(ts, &cpath)));
            }
        }
    }
    Ok(code)
}

/// Write `data` to `path` through a temporary file renamed over it, so a
/// reader never sees a partial file; missing folders (`__pycache__`, or
/// those under `sys.pycache_prefix`) are created.
pub fn write_atomically(path: &str, data: &[u8]) -> std::io::Result<()> {
    let p = std::path::Path::new(path);
    if let Some(dir) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.is_dir() {
            // Another process may create them at the same moment (which
            // create_dir_all does not mind).
            std::fs::create_dir_all(dir)?;
        }
    }
    let tmp = format!("{path}.{}.tmp", std::process::id());
    let result = std::fs::write(&tmp, data).and_then(|_| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_paths_match_importlib() {
        // importlib.util.cache_from_source with cache_tag 'pyrite-311'.
        assert_eq!(cache_from_source("/a/b/mod.py", 0, None, String::new), "/a/b/__pycache__/mod.pyrite-311.pyc");
        assert_eq!(cache_from_source("pkg/__init__.py", 0, None, String::new), "pkg/__pycache__/__init__.pyrite-311.pyc");
        assert_eq!(cache_from_source("mod.py", 0, None, String::new), "__pycache__/mod.pyrite-311.pyc");
        assert_eq!(cache_from_source("/x/mod.py", 2, None, String::new), "/x/__pycache__/mod.pyrite-311.opt-2.pyc");
        assert_eq!(cache_from_source("/x/a.b.py", 0, None, String::new), "/x/__pycache__/a.b.pyrite-311.pyc");
        assert_eq!(cache_from_source("/x/.hidden", 0, None, String::new), "/x/__pycache__/.hidden.pyrite-311.pyc");
        // Under sys.pycache_prefix: by the source's absolute folder
        // (python3 -X pycache_prefix=rel run in /tmp, cache tag changed).
        let cwd = || String::from("/tmp");
        assert_eq!(cache_from_source("a/b.py", 0, Some("rel"), cwd), "rel/tmp/a/b.pyrite-311.pyc");
        assert_eq!(cache_from_source("/x/y/b.py", 0, Some("rel"), cwd), "rel/x/y/b.pyrite-311.pyc");
        assert_eq!(cache_from_source("b.py", 0, Some("rel/"), cwd), "rel/tmp/b.pyrite-311.pyc");
        assert_eq!(cache_from_source("/x/b.py", 1, Some("/"), cwd), "/x/b.pyrite-311.opt-1.pyc");
        assert_eq!(cache_from_source("/x/b.py", 0, Some("/c/"), cwd), "/c/x/b.pyrite-311.pyc");
    }

    #[test]
    fn header_validation() {
        let h = header(0x1_2345_6789, 77, b"N");
        assert_eq!(&h[..4], &magic());
        assert_eq!(&h[2..4], b"\r\n");
        assert_eq!(&h[4..8], &[0, 0, 0, 0]);
        // The mtime is truncated to 32 bits, as CPython's _pack_uint32.
        assert_eq!(&h[8..12], &0x2345_6789u32.to_le_bytes());
        // zlib.crc32(b"N") in CPython.
        assert_eq!(&h[16..20], &1130791706u32.to_le_bytes());
        let mut file = h.to_vec();
        file.extend_from_slice(b"N");
        assert_eq!(check_header(&file, 0x1_2345_6789, 77), Ok(&b"N"[..]));
        assert_eq!(check_header(&file, 0x2345_6789, 77), Ok(&b"N"[..]));
        assert_eq!(check_header(&file, 0x2345_6788, 77), Err(Stale::OutOfDate));
        assert_eq!(check_header(&file, 0x2345_6789, 78), Err(Stale::OutOfDate));
        let mut flags = file.clone();
        flags[4] = 1;
        assert_eq!(check_header(&flags, 0x2345_6789, 77), Err(Stale::BadHeader));
        let mut cpython = file.clone();
        cpython[..4].copy_from_slice(&[0xa7, 0x0d, b'\r', b'\n']); // CPython 3.11's magic
        assert_eq!(check_header(&cpython, 0x2345_6789, 77), Err(Stale::BadMagic));
        assert_eq!(check_header(&file[..10], 0x2345_6789, 77), Err(Stale::BadHeader));
        assert_eq!(check_header(b"", 0, 0), Err(Stale::BadMagic));
        // A changed byte of the marshal data, or a truncated file, is caught.
        let mut flipped = file.clone();
        flipped[HEADER_LEN] = b'M';
        assert_eq!(check_header(&flipped, 0x2345_6789, 77), Err(Stale::Corrupt));
        assert_eq!(check_header(&file[..HEADER_LEN], 0x2345_6789, 77), Err(Stale::Corrupt));
    }

    /// Changing the instruction set without bumping BYTECODE_REVISION would
    /// let caches of the old bytecode run: this fingerprint of the opcode
    /// table (names, numbers, cache entries) fails the test first. When it
    /// does, bump BYTECODE_REVISION and update both numbers below.
    #[test]
    fn opcode_table_fingerprint() {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for op in compiler::opcode::ALL {
            for b in op.name().bytes().chain([*op as u8, op.cache_entries() as u8]) {
                h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
            }
        }
        assert_eq!((BYTECODE_REVISION, h), (3, FINGERPRINT), "opcode table changed: bump BYTECODE_REVISION");
    }

    const FINGERPRINT: u64 = 14358414234758609717;

    #[test]
    fn atomic_write_creates_the_cache_directory() {
        let root = std::env::temp_dir().join(format!("pyrite-pyc-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).expect("temp dir");
        let path = cache_from_source(&root.join("m.py").to_string_lossy(), 0, None, String::new);
        write_atomically(&path, b"abc").expect("written");
        assert_eq!(std::fs::read(&path).expect("read back"), b"abc");
        // No temporary file is left behind.
        let left: Vec<_> = std::fs::read_dir(root.join("__pycache__")).expect("dir").collect();
        assert_eq!(left.len(), 1);
        let _ = std::fs::remove_dir_all(&root);
    }
}
