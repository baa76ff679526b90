//! Where things are: the standard library the interpreter reads and the
//! prefix `sys.prefix` reports.

use super::config::Config;

/// `sys.prefix`: the directory above the standard library, if known.
pub fn prefix(config: &Config) -> String {
    for p in &config.module_search_paths {
        let path = std::path::Path::new(p);
        if path.join("os.py").is_file() {
            if let Some(lib) = path.parent().and_then(|l| l.parent()) {
                return lib.to_string_lossy().into_owned();
            }
        }
    }
    "/usr".to_string()
}
