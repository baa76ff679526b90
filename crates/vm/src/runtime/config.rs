//! `Config`: how an interpreter is set up (CPython's PyConfig), built by the
//! command line from its arguments and the environment, then frozen.
//!
//! The command line fills the fields first; [`Config::read_env`] then adds
//! what the `PYTHON*` variables say (unless `-E`/`-I`), and
//! [`Config::finish`] derives the rest and rejects invalid values with the
//! message CPython's fatal error would carry.

/// What `__main__` runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunTarget {
    /// A script file.
    File(String),
    /// `-c CODE`.
    Command(String),
    /// `-m module`.
    Module(String),
    /// Standard input: the REPL on a terminal (or with `-i`), else a script.
    Stdin,
    /// Nothing (embedding).
    None,
}

/// The configuration of one interpreter (CPython's PyConfig).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// `sys.orig_argv`.
    pub orig_argv: Vec<String>,
    /// What `__main__` runs.
    pub run: RunTarget,
    /// Search path entries after the script's directory (PYTHONPATH, our
    /// library folder, the CPython standard library).
    pub module_search_paths: Vec<String>,
    /// `sys.executable`.
    pub executable: String,
    /// `-O` count / PYTHONOPTIMIZE.
    pub optimize: u32,
    /// PYTHONHASHSEED as given (0 disables randomization); None = random.
    pub hash_seed: Option<u32>,
    /// The limit in force at start-up (`-X int_max_str_digits`, PYTHONINTMAXSTRDIGITS, else 4300).
    pub int_max_str_digits: usize,
    /// `sys.flags.int_max_str_digits`: -1 unless set by option or environment.
    pub int_max_str_digits_flag: i64,
    /// `-B` / PYTHONDONTWRITEBYTECODE.
    pub dont_write_bytecode: bool,
    /// `-u` / PYTHONUNBUFFERED.
    pub unbuffered: bool,
    /// `-E` (or `-I`).
    pub ignore_environment: bool,
    /// `-I`.
    pub isolated: bool,
    /// `-s` / PYTHONNOUSERSITE.
    pub no_user_site: bool,
    /// `-S`.
    pub no_site: bool,
    /// `-P` / PYTHONSAFEPATH.
    pub safe_path: bool,
    /// `-v` count / PYTHONVERBOSE.
    pub verbose: u32,
    /// `-q`.
    pub quiet: bool,
    /// `-i` / PYTHONINSPECT: enter the REPL after running the program.
    pub inspect: bool,
    /// `-i` only (`sys.flags.interactive`): prompt even when stdin is not a terminal.
    pub interactive: bool,
    /// `-b` count.
    pub bytes_warning: u32,
    /// `-d` / PYTHONDEBUG (parser debugging: accepted, no effect).
    pub parser_debug: u32,
    /// `-x`: skip the first line of the script.
    pub skip_first_line: bool,
    /// `-X dev` / PYTHONDEVMODE.
    pub dev_mode: bool,
    /// `-X faulthandler` / PYTHONFAULTHANDLER / `-X dev`: faulthandler enabled at start-up.
    pub faulthandler: bool,
    /// `-X utf8` / PYTHONUTF8 / a C or POSIX locale (PEP 540).
    pub utf8_mode: bool,
    /// `-X warn_default_encoding` / PYTHONWARNDEFAULTENCODING.
    pub warn_default_encoding: bool,
    /// `-X importtime` / PYTHONPROFILEIMPORTTIME.
    pub import_time: bool,
    /// `sys.warnoptions` in CPython's order: dev mode, PYTHONWARNINGS, `-W`, `-b`.
    pub warnoptions: Vec<String>,
    /// `-W` options from the command line alone.
    pub cmdline_warnoptions: Vec<String>,
    /// `-X` options.
    pub xoptions: Vec<String>,
    /// PYTHONIOENCODING's encoding part, if any.
    pub stdio_encoding: Option<String>,
    /// PYTHONIOENCODING's errors part, if any.
    pub stdio_errors: Option<String>,
    /// PYTHONSTARTUP: a file run before the first prompt of the REPL.
    pub startup: Option<String>,
    /// `sys.pycache_prefix`: `-X pycache_prefix=PATH`, else PYTHONPYCACHEPREFIX.
    pub pycache_prefix: Option<String>,
    /// PYTHONUTF8 decided `utf8_mode` (the locale rule then does not apply).
    pub utf8_mode_from_env: bool,
    /// The LC_CTYPE locale the environment selects (see `ctype_locale`).
    pub ctype_locale: String,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            argv: vec![String::new()],
            orig_argv: Vec::new(),
            run: RunTarget::None,
            module_search_paths: Vec::new(),
            executable: String::new(),
            optimize: 0,
            hash_seed: None,
            int_max_str_digits: 4300,
            int_max_str_digits_flag: -1,
            dont_write_bytecode: false,
            unbuffered: false,
            ignore_environment: false,
            isolated: false,
            no_user_site: false,
            no_site: false,
            safe_path: false,
            verbose: 0,
            quiet: false,
            inspect: false,
            interactive: false,
            bytes_warning: 0,
            parser_debug: 0,
            skip_first_line: false,
            dev_mode: false,
            faulthandler: false,
            utf8_mode: false,
            warn_default_encoding: false,
            import_time: false,
            warnoptions: Vec::new(),
            cmdline_warnoptions: Vec::new(),
            xoptions: Vec::new(),
            stdio_encoding: None,
            stdio_errors: None,
            startup: None,
            pycache_prefix: None,
            utf8_mode_from_env: false,
            ctype_locale: String::from("C"),
        }
    }
}

/// The smallest limit `-X int_max_str_digits` accepts besides 0.
const INT_MAX_STR_DIGITS_THRESHOLD: i64 = 640;

/// A flag variable as CPython's `_Py_get_env_flag` reads it: an integer
/// level, any other non-empty text counting as 1.
fn env_flag_level(value: &str) -> u32 {
    match value.parse::<i64>() {
        Ok(n) if n >= 0 => n.min(u32::MAX as i64) as u32,
        _ => 1,
    }
}

/// The LC_CTYPE locale the environment names (LC_ALL, LC_CTYPE, LANG, the
/// first set wins), as `setlocale(LC_CTYPE, "")` would select it: "C" when
/// none is named or the named one is not installed.
pub fn ctype_locale(get: &dyn Fn(&str) -> Option<String>) -> String {
    let var = |n: &str| get(n).filter(|v| !v.is_empty());
    let Some(name) = var("LC_ALL").or_else(|| var("LC_CTYPE")).or_else(|| var("LANG")) else { return String::from("C") };
    if name == "C" || name == "POSIX" {
        return name;
    }
    let Ok(cname) = std::ffi::CString::new(name.as_str()) else { return String::from("C") };
    // SAFETY: newlocale reads the NUL-terminated name and returns a new
    // locale object (or null), which is freed at once; the process's
    // locale is not changed.
    let installed = unsafe {
        let loc = libc::newlocale(libc::LC_CTYPE_MASK, cname.as_ptr(), std::ptr::null_mut());
        if !loc.is_null() {
            libc::freelocale(loc);
        }
        !loc.is_null()
    };
    if installed { name } else { String::from("C") }
}

/// Whether the LC_CTYPE locale is C or POSIX, which turns UTF-8 mode on (PEP 540).
pub fn c_locale(get: &dyn Fn(&str) -> Option<String>) -> bool {
    matches!(ctype_locale(get).as_str(), "C" | "POSIX")
}

impl Config {
    /// The error handler of stdin and stdout unless PYTHONIOENCODING names
    /// one (CPython's config_get_stdio_errors): surrogateescape in UTF-8
    /// mode and in the C and POSIX locales and the UTF-8 ones that replace
    /// them (PEP 538), else strict.
    pub fn default_stdio_errors(&self) -> &'static str {
        if self.utf8_mode || matches!(self.ctype_locale.as_str(), "C" | "POSIX" | "C.UTF-8" | "C.utf8" | "UTF-8") {
            "surrogateescape"
        } else {
            "strict"
        }
    }

    /// The value of `-X name` (the last one wins): `Some(None)` for a bare `-X name`.
    pub fn xoption(&self, name: &str) -> Option<Option<&str>> {
        self.xoptions.iter().rev().find_map(|o| match o.split_once('=') {
            Some((k, v)) if k == name => Some(Some(v)),
            None if o == name => Some(None),
            _ => None,
        })
    }

    /// Add what the environment says, through `get` (a variable's value,
    /// None when unset). Nothing is read under `-E`/`-I`, as CPython. Empty
    /// values count as unset. Returns CPython's fatal-error text for an
    /// invalid value.
    pub fn read_env(&mut self, get: &dyn Fn(&str) -> Option<String>) -> Result<(), String> {
        if self.ignore_environment {
            return Ok(());
        }
        let var = |name: &str| get(name).filter(|v| !v.is_empty());
        if let Some(v) = var("PYTHONPATH") {
            self.module_search_paths.extend(v.split(':').filter(|p| !p.is_empty()).map(str::to_string));
        }
        if let Some(v) = var("PYTHONOPTIMIZE") {
            self.optimize = self.optimize.max(env_flag_level(&v));
        }
        if let Some(v) = var("PYTHONVERBOSE") {
            self.verbose = self.verbose.max(env_flag_level(&v));
        }
        if let Some(v) = var("PYTHONDEBUG") {
            self.parser_debug = self.parser_debug.max(env_flag_level(&v));
        }
        let on = |name: &str| var(name).is_some();
        self.unbuffered |= on("PYTHONUNBUFFERED");
        self.dont_write_bytecode |= on("PYTHONDONTWRITEBYTECODE");
        self.safe_path |= on("PYTHONSAFEPATH");
        self.no_user_site |= on("PYTHONNOUSERSITE");
        self.inspect |= on("PYTHONINSPECT");
        self.dev_mode |= on("PYTHONDEVMODE");
        self.faulthandler |= on("PYTHONFAULTHANDLER");
        self.warn_default_encoding |= on("PYTHONWARNDEFAULTENCODING");
        self.import_time |= on("PYTHONPROFILEIMPORTTIME");
        if let Some(v) = var("PYTHONHASHSEED") {
            if v != "random" {
                match v.parse::<u32>() {
                    Ok(n) => self.hash_seed = Some(n),
                    Err(_) => {
                        return Err(String::from(
                            "config_init_hash_seed: PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]",
                        ))
                    }
                }
            }
        }
        if let Some(v) = var("PYTHONIOENCODING") {
            let (enc, errors) = match v.split_once(':') {
                Some((e, r)) => (e.to_string(), Some(r.to_string())),
                None => (v.clone(), None),
            };
            self.stdio_encoding = Some(enc).filter(|e| !e.is_empty());
            self.stdio_errors = errors.filter(|e| !e.is_empty());
        }
        if let Some(v) = var("PYTHONSTARTUP") {
            self.startup = Some(v);
        }
        self.pycache_prefix = var("PYTHONPYCACHEPREFIX");
        if self.xoption("utf8").is_none() {
            match var("PYTHONUTF8").as_deref() {
                Some("1") => (self.utf8_mode, self.utf8_mode_from_env) = (true, true),
                Some("0") => (self.utf8_mode, self.utf8_mode_from_env) = (false, true),
                Some(_) => return Err(String::from("preconfig_init_utf8_mode: invalid PYTHONUTF8 environment variable value")),
                None => {}
            }
        }
        if self.xoption("int_max_str_digits").is_none() {
            if let Some(v) = var("PYTHONINTMAXSTRDIGITS") {
                self.set_int_max_str_digits(&v, "PYTHONINTMAXSTRDIGITS")?;
            }
        }
        if let Some(v) = var("PYTHONWARNINGS") {
            self.warnoptions.extend(v.split(',').filter(|w| !w.is_empty()).map(str::to_string));
        }
        Ok(())
    }

    fn set_int_max_str_digits(&mut self, text: &str, source: &str) -> Result<(), String> {
        match text.parse::<i64>() {
            Ok(n) if n == 0 || (INT_MAX_STR_DIGITS_THRESHOLD..=i32::MAX as i64).contains(&n) => {
                self.int_max_str_digits = n as usize;
                self.int_max_str_digits_flag = n;
                Ok(())
            }
            _ => Err(format!(
                "config_init_int_max_str_digits: {source}: invalid limit; must be >= {INT_MAX_STR_DIGITS_THRESHOLD} or 0 for unlimited."
            )),
        }
    }

    /// Derive what the `-X` options and earlier steps imply and freeze the
    /// warning options in CPython's order. `c_locale` says whether LC_CTYPE
    /// is the C or POSIX locale (which turns UTF-8 mode on by default).
    pub fn finish(&mut self, c_locale: bool) -> Result<(), String> {
        match self.xoption("utf8") {
            Some(None) | Some(Some("1")) => self.utf8_mode = true,
            Some(Some("0")) => self.utf8_mode = false,
            Some(Some(_)) => return Err(String::from("preconfig_init_utf8_mode: invalid -X utf8 option value")),
            None if c_locale && !self.utf8_mode_from_env => self.utf8_mode = true,
            None => {}
        }
        if let Some(v) = self.xoption("int_max_str_digits") {
            let v = v.unwrap_or("").to_string();
            self.set_int_max_str_digits(&v, "-X int_max_str_digits")?;
        }
        self.dev_mode |= self.xoption("dev").is_some();
        self.faulthandler |= self.dev_mode || self.xoption("faulthandler").is_some();
        self.warn_default_encoding |= self.xoption("warn_default_encoding").is_some();
        self.import_time |= self.xoption("importtime").is_some();
        // `-X pycache_prefix` with no (or an empty) value cancels the variable.
        if let Some(v) = self.xoption("pycache_prefix") {
            self.pycache_prefix = v.filter(|p| !p.is_empty()).map(str::to_string);
        }
        let mut warn: Vec<String> = Vec::new();
        // An option already present is not added again (CPython's config_add_warnoption).
        let mut add = |w: String| {
            if !warn.contains(&w) {
                warn.push(w);
            }
        };
        if self.dev_mode {
            add(String::from("default"));
        }
        for w in std::mem::take(&mut self.warnoptions).into_iter().chain(self.cmdline_warnoptions.iter().cloned()) {
            add(w);
        }
        match self.bytes_warning {
            0 => {}
            1 => add(String::from("default::BytesWarning")),
            _ => add(String::from("error::BytesWarning")),
        }
        self.warnoptions = warn;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    }

    #[test]
    fn env_flags_take_the_larger_level() {
        // python3: PYTHONOPTIMIZE=3 python3 -O -> 3; PYTHONOPTIMIZE=x -> 1; PYTHONVERBOSE=2 -> 2.
        let mut c = Config { optimize: 1, ..Config::default() };
        c.read_env(&env_of(&[("PYTHONOPTIMIZE", "3"), ("PYTHONVERBOSE", "2")])).unwrap();
        assert_eq!((c.optimize, c.verbose), (3, 2));
        let mut c = Config::default();
        c.read_env(&env_of(&[("PYTHONOPTIMIZE", "x"), ("PYTHONUNBUFFERED", "")])).unwrap();
        assert_eq!(c.optimize, 1);
        assert!(!c.unbuffered, "an empty value is unset");
    }

    #[test]
    fn ignore_environment_reads_nothing() {
        let mut c = Config { ignore_environment: true, ..Config::default() };
        c.read_env(&env_of(&[("PYTHONOPTIMIZE", "2"), ("PYTHONINSPECT", "1")])).unwrap();
        assert_eq!((c.optimize, c.inspect), (0, false));
    }

    #[test]
    fn warnoptions_order_matches_cpython() {
        // python3 -X dev -W error -b with PYTHONWARNINGS=ignore,default:x
        let mut c = Config { cmdline_warnoptions: vec!["error".into()], bytes_warning: 1, ..Config::default() };
        c.xoptions.push("dev".into());
        c.read_env(&env_of(&[("PYTHONWARNINGS", "ignore,default:x")])).unwrap();
        c.finish(false).unwrap();
        assert_eq!(c.warnoptions, ["default", "ignore", "default:x", "error", "default::BytesWarning"]);
        assert!(c.dev_mode);
        // Duplicates are dropped: PYTHONWARNINGS=default,x,default python3 -W default -W a -W a
        let mut c = Config { cmdline_warnoptions: vec!["default".into(), "a".into(), "a".into()], ..Config::default() };
        c.read_env(&env_of(&[("PYTHONWARNINGS", "default,x,default")])).unwrap();
        c.finish(false).unwrap();
        assert_eq!(c.warnoptions, ["default", "x", "a"]);
    }

    #[test]
    fn invalid_values_are_fatal_errors() {
        let mut c = Config::default();
        let e = c.read_env(&env_of(&[("PYTHONHASHSEED", "abc")])).unwrap_err();
        assert!(e.starts_with("config_init_hash_seed: PYTHONHASHSEED must be"), "{e}");
        let mut c = Config { xoptions: vec!["int_max_str_digits=1".into()], ..Config::default() };
        assert_eq!(
            c.finish(false).unwrap_err(),
            "config_init_int_max_str_digits: -X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited."
        );
        let mut c = Config { xoptions: vec!["utf8=2".into()], ..Config::default() };
        assert!(c.finish(false).is_err());
    }

    #[test]
    fn int_max_str_digits_sets_limit_and_flag() {
        let mut c = Config { xoptions: vec!["int_max_str_digits=0".into()], ..Config::default() };
        c.finish(false).unwrap();
        assert_eq!((c.int_max_str_digits, c.int_max_str_digits_flag), (0, 0));
        let mut c = Config::default();
        c.read_env(&env_of(&[("PYTHONINTMAXSTRDIGITS", "5000")])).unwrap();
        c.finish(false).unwrap();
        assert_eq!((c.int_max_str_digits, c.int_max_str_digits_flag), (5000, 5000));
    }

    #[test]
    fn ioencoding_splits_encoding_and_errors() {
        let mut c = Config::default();
        c.read_env(&env_of(&[("PYTHONIOENCODING", ":replace")])).unwrap();
        assert_eq!((c.stdio_encoding.as_deref(), c.stdio_errors.as_deref()), (None, Some("replace")));
        c.read_env(&env_of(&[("PYTHONIOENCODING", "latin-1")])).unwrap();
        assert_eq!((c.stdio_encoding.as_deref(), c.stdio_errors.as_deref()), (Some("latin-1"), None));
    }

    #[test]
    fn utf8_mode_follows_x_option_then_locale() {
        let mut c = Config { xoptions: vec!["utf8=0".into()], ..Config::default() };
        c.finish(true).unwrap();
        assert!(!c.utf8_mode);
        let mut c = Config::default();
        c.finish(true).unwrap();
        assert!(c.utf8_mode);
        let mut c = Config::default();
        c.finish(false).unwrap();
        assert!(!c.utf8_mode);
    }
}
