//! `Config`: how an interpreter is set up (CPython's PyConfig), built by the
//! command line from its arguments and the environment, then frozen.

/// What `__main__` runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunTarget {
    /// A script file.
    File(String),
    /// `-c CODE`.
    Command(String),
    /// `-m module`.
    Module(String),
    /// Nothing (embedding).
    None,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// `sys.orig_argv`.
    pub orig_argv: Vec<String>,
    pub run: RunTarget,
    /// Search path entries after the script's directory (PYTHONPATH, our
    /// library folder, the CPython standard library).
    pub module_search_paths: Vec<String>,
    /// `sys.executable`.
    pub executable: String,
    /// `-O` count.
    pub optimize: u32,
    /// PYTHONHASHSEED as given (0 disables randomization); None = random.
    pub hash_seed: Option<u32>,
    pub int_max_str_digits: usize,
    /// `-B` / PYTHONDONTWRITEBYTECODE.
    pub dont_write_bytecode: bool,
    /// `-u`.
    pub unbuffered: bool,
    /// `-E`.
    pub ignore_environment: bool,
    /// `-I`.
    pub isolated: bool,
    /// `-s`.
    pub no_user_site: bool,
    /// `-S`.
    pub no_site: bool,
    /// `-P` / PYTHONSAFEPATH.
    pub safe_path: bool,
    /// `-v` count.
    pub verbose: u32,
    /// `-q`.
    pub quiet: bool,
    /// `-i`.
    pub inspect: bool,
    /// `-W` options.
    pub warnoptions: Vec<String>,
    /// `-X` options.
    pub xoptions: Vec<String>,
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
            warnoptions: Vec::new(),
            xoptions: Vec::new(),
        }
    }
}
