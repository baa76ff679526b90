//! Where things are: the repository's own library folder, the CPython 3.11
//! standard library the interpreter reads (found on the machine, never
//! copied), and the prefix `sys.prefix` reports.

use std::path::{Path, PathBuf};

use super::config::Config;

/// The environment variable naming the standard library folder explicitly.
pub const STDLIB_ENV: &str = "PYRITE_STDLIB";
/// The environment variable naming our own library folder explicitly.
pub const LIB_ENV: &str = "PYRITE_LIB";

/// The version directory name of the standard library we read.
const STDLIB_VERSION_DIR: &str = "python3.11";

/// `sys.prefix`: the directory above the standard library, if known.
pub fn prefix(config: &Config) -> String {
    for p in &config.module_search_paths {
        let path = Path::new(p);
        if is_stdlib_dir(path) {
            if let Some(lib) = path.parent().and_then(|l| l.parent()) {
                return lib.to_string_lossy().into_owned();
            }
        }
    }
    "/usr".to_string()
}

/// Whether `dir` looks like CPython 3.11's standard library (a landmark file).
fn is_stdlib_dir(dir: &Path) -> bool {
    dir.join("os.py").is_file()
}

/// Append our library folder and the standard library to the search path
/// (after PYTHONPATH, which the command line has already added); `getenv`
/// reads the environment (None when -E/-I ignore it).
pub fn complete_search_paths(config: &mut Config, getenv: &dyn Fn(&str) -> Option<String>) {
    if let Some(lib) = find_own_lib(&config.executable, getenv) {
        push_unique(&mut config.module_search_paths, lib);
    }
    if let Some(std) = find_stdlib(getenv) {
        push_unique(&mut config.module_search_paths, std);
    }
}

fn push_unique(paths: &mut Vec<String>, p: PathBuf) {
    let s = p.to_string_lossy().into_owned();
    if !paths.contains(&s) {
        paths.push(s);
    }
}

/// The repository's `lib/` folder (our pure-Python modules): PYRITE_LIB, then
/// `lib/` next to the executable or above it (target/debug/pyrite lives two or
/// three levels below the checkout), then the source tree we were built from.
pub fn find_own_lib(executable: &str, getenv: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let is_lib = |p: &Path| p.join("README.md").is_file();
    if let Some(p) = getenv(LIB_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    if !executable.is_empty() {
        let exe = std::fs::canonicalize(executable).unwrap_or_else(|_| PathBuf::from(executable));
        let mut dir = exe.parent();
        for _ in 0..5 {
            let Some(d) = dir else { break };
            let cand = d.join("lib");
            if is_lib(&cand) {
                return Some(cand);
            }
            dir = d.parent();
        }
    }
    // The checkout this binary was built from (crates/vm/../../lib).
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("..").join("lib");
    if is_lib(&built) {
        return Some(std::fs::canonicalize(&built).unwrap_or(built));
    }
    None
}

/// CPython 3.11's standard library: PYRITE_STDLIB, then the prefix of a
/// `python3.11` found on PATH (symlinks resolved; a pyenv shim leads to the
/// pyenv version it selects), then well-known prefixes.
pub fn find_stdlib(getenv: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    if let Some(p) = getenv(STDLIB_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(path) = getenv("PATH") {
        for dir in path.split(':').filter(|d| !d.is_empty()) {
            let exe = Path::new(dir).join(STDLIB_VERSION_DIR);
            if !exe.exists() {
                continue;
            }
            if Path::new(dir).file_name().is_some_and(|n| n == "shims") {
                if let Some(root) = Path::new(dir).parent() {
                    candidates.extend(pyenv_candidates(root));
                }
            }
            if let Ok(real) = std::fs::canonicalize(&exe) {
                // PREFIX/bin/python3.11 -> PREFIX/lib/python3.11
                if let Some(prefix) = real.parent().and_then(Path::parent) {
                    candidates.push(prefix.join("lib").join(STDLIB_VERSION_DIR));
                }
            }
        }
    }
    candidates.extend(["/usr/local/lib", "/usr/lib", "/opt/homebrew/lib", "/opt/local/lib"].iter().map(|p| Path::new(p).join(STDLIB_VERSION_DIR)));
    candidates.into_iter().find(|c| is_stdlib_dir(c))
}

/// The 3.11 installations of a pyenv root: the globally selected version
/// first, then the others from the newest.
fn pyenv_candidates(root: &Path) -> Vec<PathBuf> {
    let lib = |v: &str| root.join("versions").join(v).join("lib").join(STDLIB_VERSION_DIR);
    let mut out = Vec::new();
    if let Ok(selected) = std::fs::read_to_string(root.join("version")) {
        for v in selected.split_whitespace().filter(|v| v.starts_with("3.11")) {
            out.push(lib(v));
        }
    }
    let mut versions: Vec<(Vec<u32>, String)> = std::fs::read_dir(root.join("versions"))
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|v| v.starts_with("3.11."))
                .map(|v| (v.split('.').map(|p| p.parse().unwrap_or(0)).collect(), v))
                .collect()
        })
        .unwrap_or_default();
    versions.sort();
    out.extend(versions.iter().rev().map(|(_, v)| lib(v)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_override_wins() {
        let env = |k: &str| (k == STDLIB_ENV).then(|| "/nonexistent/std".to_string());
        assert_eq!(find_stdlib(&env), Some(PathBuf::from("/nonexistent/std")));
    }

    #[test]
    fn own_lib_found_from_source_tree() {
        let none = |_: &str| None;
        let lib = find_own_lib("", &none).expect("lib/ of the checkout");
        assert!(lib.join("README.md").is_file());
    }

    #[test]
    fn search_paths_keep_pythonpath_first() {
        let mut c = Config { module_search_paths: vec!["/pp".into()], ..Config::default() };
        let env = |k: &str| match k {
            STDLIB_ENV => Some("/std".to_string()),
            LIB_ENV => Some("/own".to_string()),
            _ => None,
        };
        complete_search_paths(&mut c, &env);
        assert_eq!(c.module_search_paths, vec!["/pp".to_string(), "/own".into(), "/std".into()]);
    }
}
