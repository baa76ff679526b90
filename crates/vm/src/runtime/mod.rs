//! The runtime model: `Runtime` (process-wide), `InterpreterState`,
//! `ThreadState`, the configuration, and the life cycle that ties them.

pub mod config;
pub mod errors;
pub mod interpreter;
pub mod lifecycle;
pub mod pathconfig;
pub mod pythonrun;
pub mod thread;
pub mod warnings;

use std::sync::OnceLock;

use crate::pyhash::HashSecret;

/// Process-wide state (CPython's _PyRuntimeState).
pub struct Runtime {
    /// The hash key, chosen once per process (PYTHONHASHSEED).
    pub hash_secret: HashSecret,
    /// The hash seed if one was given.
    pub hash_seed: Option<u32>,
}

static RUNTIME: OnceLock<Runtime> = OnceLock::new();

/// Initialize the process-wide runtime (once); later calls return the first.
pub fn init_runtime(hash_seed: Option<&str>) -> Result<&'static Runtime, String> {
    if let Some(r) = RUNTIME.get() {
        return Ok(r);
    }
    let (secret, seed) = HashSecret::from_env(hash_seed)?;
    Ok(RUNTIME.get_or_init(|| Runtime { hash_secret: secret, hash_seed: seed }))
}

/// The process's hash secret.
pub fn hash_secret() -> &'static HashSecret {
    static FALLBACK: OnceLock<HashSecret> = OnceLock::new();
    match RUNTIME.get() {
        Some(r) => &r.hash_secret,
        None => FALLBACK.get_or_init(HashSecret::zero),
    }
}

/// `sys.version`.
pub fn version_string() -> String {
    format!("3.11.7 (pyrite {}) [rustc]", env!("CARGO_PKG_VERSION"))
}
