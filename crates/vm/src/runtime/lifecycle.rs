//! Start-up and shutdown (CPython's Python/pylifecycle.c and the running
//! half of Modules/main.c), as phases.
//!
//! Start-up: the runtime (hash secret), core types, the interpreter and its
//! main thread state, builtins and sys (with the standard streams), signal
//! handlers, `site` (unless `-S`; only when the standard library is on the
//! path), then `__main__`.
//!
//! Shutdown ([`Interpreter::finalize`]), in CPython's order: wait for
//! threads, atexit callbacks, "finalizing" set, flush stdout/stderr (a
//! failure gives status 120), signal handlers off, the cycle collector,
//! then the modules are removed from sys.modules and their globals cleared
//! so that `__del__` methods run and see what CPython's would.

use std::cell::Cell;

use super::config::{Config, RunTarget};
use super::errors::{PyErr, PyResult};
use super::interpreter::InterpreterState;
use super::thread::ThreadState;
use crate::object::protocol;
use crate::object::value::Value;
use crate::types::{dict, exceptions as exc, module, none, str as pystr};

/// An initialized interpreter with its main thread attached.
pub struct Interpreter {
    // Boxed: the thread state points at the interpreter, and TLS at the thread state.
    interp: Box<InterpreterState>,
    ts: Box<ThreadState>,
    /// The builtins as start-up left them, restored at shutdown.
    builtins_copy: Option<Value>,
    /// `-i` / PYTHONINSPECT while the program runs: SystemExit is then
    /// printed instead of ending the process (cleared for the REPL).
    inspect: Cell<bool>,
    /// The last code run ended with an uncaught KeyboardInterrupt
    /// (CPython's _Py_UnhandledKeyboardInterrupt): the process then ends
    /// by SIGINT.
    unhandled_keyboard_interrupt: Cell<bool>,
}

/// How the process should end once the interpreter is finalized.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExitStatus {
    /// The exit status.
    pub code: i32,
    /// Die by SIGINT instead (an uncaught KeyboardInterrupt).
    pub by_sigint: bool,
}

/// Whether a chunk of interactive input is a whole statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputState {
    /// Complete: run it.
    Complete,
    /// More lines are needed (an open bracket, a block, a backslash).
    Incomplete,
    /// A syntax error: run it anyway so that the error is reported.
    Invalid,
}

/// One line read for the prompt from a non-terminal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StdinLine {
    /// A line, with its newline if it had one.
    Line(String),
    /// End of input.
    Eof,
    /// Reading failed (the error was printed).
    Failed,
}

/// What the signal handlers did while the prompt waited for input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignalOutcome {
    /// Nothing happened, or a handler ran without raising.
    Nothing,
    /// KeyboardInterrupt: the input typed so far is dropped.
    Interrupted,
    /// SystemExit: end the session with this status.
    Exit(i32),
}

/// The message CPython prints before the prompt of an interactive session.
const BANNER_HINT: &str = "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.";

impl Interpreter {
    /// Initialize the runtime and a main interpreter from `config`.
    pub fn initialize(config: Config, hash_seed_env: Option<String>) -> Result<Interpreter, String> {
        // Phase 1: the process-wide runtime.
        super::init_runtime(hash_seed_env.as_deref())?;
        // Phase 2: core types.
        crate::types::init();
        // Phase 3: interpreter and main thread state.
        let inspect = config.inspect;
        let interp = Box::new(InterpreterState::new(1, config));
        let ts = Box::new(ThreadState::new(&interp));
        ThreadState::swap(&*ts);
        {
            let mut table = interp.interned.borrow_mut();
            crate::types::str::adopt_early_interned(&mut table);
        }
        let mut me = Interpreter {
            interp,
            ts,
            builtins_copy: None,
            inspect: Cell::new(inspect),
            unhandled_keyboard_interrupt: Cell::new(false),
        };
        // Phase 4: builtins, sys and the standard streams, __main__.
        me.init_modules().map_err(|e| format!("Fatal Python error: init failed: {:?}", e))?;
        me.builtins_copy = dict::as_dict(&me.interp.builtins()).map(|d| d.copy()).and_then(|d| Value::new(d).ok());
        // Phase 5: signal handlers (SIGINT -> KeyboardInterrupt, SIGPIPE ignored).
        crate::modules::faulthandler::install_fault_handlers();
        crate::modules::signal::install_default_handlers();
        if me.interp.config.faulthandler {
            crate::modules::faulthandler::enable_at_startup(&me.ts).map_err(|e| format!("Fatal Python error: faulthandler: {:?}", e))?;
        }
        // Warning options are applied by warnings.py (_processoptions) when imported.
        if !me.interp.config.warnoptions.is_empty() {
            me.import_warnings();
        }
        // Phase 6: site.
        me.import_site()?;
        Ok(me)
    }

    fn init_modules(&self) -> PyResult<()> {
        let ts = &*self.ts;
        let modules = dict::new_dict();
        *self.interp.modules.borrow_mut() = Some(modules.clone());
        let builtins = crate::modules::builtins::create(ts)?;
        *self.interp.builtins.borrow_mut() = module::module_dict(&builtins);
        dict::dict_set_item(ts, &modules, pystr::intern("builtins"), builtins)?;
        let sys = crate::modules::sys::create(ts)?;
        *self.interp.sys.borrow_mut() = Some(sys.clone());
        dict::dict_set_item(ts, &modules, pystr::intern("sys"), sys)?;
        crate::import::init_import_system(ts)?;
        self.apply_stdio_encoding()?;
        let main = module::new_module("__main__")?;
        let md = module::module_dict(&main).ok_or_else(|| PyErr::system_error("__main__"))?;
        dict::dict_set_item(ts, &md, pystr::intern("__builtins__"), crate::modules::builtins_module(ts))?;
        dict::dict_set_item(ts, &modules, pystr::intern("__main__"), main)?;
        Ok(())
    }

    /// PYTHONIOENCODING: the streams' encoding and errors handler (stderr
    /// keeps backslashreplace unless errors are given), through `reconfigure`.
    fn apply_stdio_encoding(&self) -> PyResult<()> {
        let config = &self.interp.config;
        if config.stdio_encoding.is_none() && config.stdio_errors.is_none() {
            return Ok(());
        }
        let ts = &*self.ts;
        for name in ["stdin", "stdout", "stderr"] {
            let Some(stream) = crate::modules::sys::get_stream(ts, name) else { continue };
            let Ok(reconfigure) = protocol::getattr_str(ts, &stream, "reconfigure") else { continue };
            let mut args = Vec::new();
            let mut names = Vec::new();
            if let Some(enc) = &config.stdio_encoding {
                // The codec's own name, as CPython's config_get_codec_name gives.
                let canonical = crate::stringlib::codecs::Encoding::lookup(enc).map(|e| e.codec_name().to_string());
                args.push(pystr::new_str(canonical.as_deref().unwrap_or(enc)));
                names.push(pystr::intern("encoding"));
            }
            // stderr keeps backslashreplace whatever PYTHONIOENCODING says.
            if name == "stderr" {
                args.push(pystr::new_str("backslashreplace"));
                names.push(pystr::intern("errors"));
            } else if let Some(err) = &config.stdio_errors {
                args.push(pystr::new_str(err));
                names.push(pystr::intern("errors"));
            } else {
                args.push(pystr::new_str("strict"));
                names.push(pystr::intern("errors"));
            }
            let kwnames = crate::types::tuple::new_tuple(names)?;
            protocol::call(ts, &reconfigure, &args, Some(&kwnames))?;
        }
        Ok(())
    }

    /// `import warnings`, reporting a failure as CPython's init_interp_main does.
    fn import_warnings(&self) {
        let ts = &*self.ts;
        if let Err(e) = crate::import::import_absolute(ts, "warnings") {
            crate::modules::sys::write_stderr(ts, "'import warnings' failed; traceback:\n");
            super::pythonrun::print_exception(ts, e.value());
        }
    }

    /// `import site` unless `-S`, when the standard library is on the path
    /// (without it there is no site.py to run, as for CPython without its
    /// stdlib; pyrite still starts).
    fn import_site(&self) -> Result<(), String> {
        let config = &self.interp.config;
        if config.no_site {
            return Ok(());
        }
        let found = config.module_search_paths.iter().any(|p| std::path::Path::new(p).join("site.py").is_file());
        if !found {
            return Ok(());
        }
        let ts = &*self.ts;
        match crate::import::import_absolute(ts, "site") {
            Ok(_) => Ok(()),
            Err(e) => {
                super::pythonrun::print_exception(ts, e.value());
                Err(String::from("Fatal Python error: init_import_site: Failed to import the site module"))
            }
        }
    }

    /// The main thread's state.
    pub fn thread_state(&self) -> &ThreadState {
        &self.ts
    }

    /// The configuration the interpreter was built from.
    pub fn config(&self) -> &Config {
        &self.interp.config
    }

    /// Standard input is a terminal, or `-i` asked for prompts anyway
    /// (CPython's stdin_is_interactive).
    pub fn stdin_is_interactive(&self) -> bool {
        // SAFETY: isatty has no preconditions.
        self.interp.config.interactive || unsafe { libc::isatty(0) } == 1
    }

    /// Whether `__main__` is the interactive prompt (no program given and
    /// standard input is interactive).
    pub fn repl_is_main(&self) -> bool {
        matches!(self.interp.config.run, RunTarget::Stdin | RunTarget::None) && self.stdin_is_interactive()
    }

    /// Whether the REPL follows the program (`-i`, or PYTHONINSPECT set
    /// by the program itself), as CPython's pymain_repl decides.
    pub fn repl_after_main(&self) -> bool {
        let config = &self.interp.config;
        if !self.inspect.get() && !config.ignore_environment && std::env::var_os("PYTHONINSPECT").is_some_and(|v| !v.is_empty()) {
            self.inspect.set(true);
        }
        let runs_code = matches!(config.run, RunTarget::File(_) | RunTarget::Command(_) | RunTarget::Module(_));
        self.inspect.get() && self.stdin_is_interactive() && runs_code
    }

    /// The banner printed on stderr before the first prompt, unless `-q`
    /// (CPython's pymain_header).
    pub fn banner(&self) -> Option<String> {
        let config = &self.interp.config;
        if config.quiet {
            return None;
        }
        let runs_code = matches!(config.run, RunTarget::File(_) | RunTarget::Command(_) | RunTarget::Module(_));
        if config.verbose == 0 && (runs_code || !self.stdin_is_interactive()) {
            return None;
        }
        let mut text = format!("Python {} on {}\n", super::version_string(), std::env::consts::OS);
        if !config.no_site {
            text.push_str(BANNER_HINT);
            text.push('\n');
        }
        Some(text)
    }

    /// Run what the configuration names as `__main__` (not the REPL);
    /// returns the exit status.
    pub fn run_main(&self) -> i32 {
        let ts = &*self.ts;
        match &self.interp.config.run {
            RunTarget::File(path) => self.run_file(path),
            RunTarget::Command(code) => {
                self.set_path0("");
                self.run_source(code.as_bytes(), "<string>", None)
            }
            RunTarget::Module(name) => {
                let program = self.interp.config.orig_argv.first().cloned().unwrap_or_else(|| "pyrite".into());
                match crate::import::run_module_as_main(ts, name, &program, !self.interp.config.safe_path) {
                    Ok(status) => status,
                    Err(e) => self.print_error(e).unwrap_or(1),
                }
            }
            RunTarget::Stdin | RunTarget::None if self.stdin_is_interactive() => 0,
            RunTarget::Stdin => {
                self.set_path0("");
                let mut source = Vec::new();
                if let Err(e) = std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut source) {
                    crate::modules::sys::write_stderr(ts, &format!("pyrite: can't read standard input: {e}\n"));
                    return 1;
                }
                self.run_source(&source, "<stdin>", Some("<stdin>"))
            }
            RunTarget::None => 0,
        }
    }

    fn set_path0(&self, dir: &str) {
        if self.interp.config.safe_path {
            return;
        }
        let ts = &*self.ts;
        if let Some(path) = crate::modules::sys::sys_attr(ts, "path") {
            if let Some(l) = path.downcast::<crate::types::list::PyList>() {
                l.items.borrow_mut().insert(0, pystr::new_str(dir));
            }
        }
    }

    fn run_file(&self, path: &str) -> i32 {
        let ts = &*self.ts;
        let mut source = match std::fs::read(path) {
            Ok(s) => s,
            Err(e) => {
                let errno = e.raw_os_error().unwrap_or(2);
                let msg = std::io::Error::from_raw_os_error(errno).to_string();
                let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
                let exe = self.interp.config.orig_argv.first().cloned().unwrap_or_else(|| "pyrite".into());
                crate::modules::sys::write_stderr(ts, &format!("{exe}: can't open file '{path}': [Errno {errno}] {msg}\n"));
                return 2;
            }
        };
        if self.interp.config.skip_first_line {
            // `-x`: the first line goes but its newline stays, so line numbers are kept.
            let cut = source.iter().position(|&b| b == b'\n').unwrap_or(source.len());
            source.drain(..cut);
        }
        let dir = std::path::Path::new(path).parent().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
        self.set_path0(&dir);
        self.run_source(&source, path, Some(path))
    }

    /// The `__main__` module's dict.
    fn main_dict(&self) -> PyResult<Value> {
        let modules = self.ts.interp().modules();
        let main = dict::dict_get_str(&modules, &pystr::intern("__main__")).ok_or_else(|| PyErr::runtime_error("no __main__"))?;
        module::module_dict(&main).ok_or_else(|| PyErr::runtime_error("no __main__ dict"))
    }

    /// Run a whole program in `__main__` (CPython's PyRun_SimpleFile):
    /// `__file__` is set while it runs; an uncaught exception is printed.
    /// Returns the exit status.
    fn run_source(&self, source: &[u8], filename: &str, file: Option<&str>) -> i32 {
        match self.run_simple_file(source, filename, file) {
            Ok(()) => 0,
            Err(status) => status.unwrap_or(1),
        }
    }

    /// Err(None): an exception was printed; Err(Some(status)): SystemExit.
    fn run_simple_file(&self, source: &[u8], filename: &str, file: Option<&str>) -> Result<(), Option<i32>> {
        let ts = &*self.ts;
        let md = self.main_dict().map_err(|e| self.print_error(e))?;
        let set_file = file.is_some() && dict::dict_get_str(&md, &pystr::intern("__file__")).is_none();
        let result = (|| -> PyResult<()> {
            if let (true, Some(f)) = (set_file, file) {
                dict::dict_set_item(ts, &md, pystr::intern("__file__"), pystr::new_str(f))?;
                dict::dict_set_item(ts, &md, pystr::intern("__cached__"), none::none())?;
            }
            let code = super::pythonrun::compile_source(ts, source, filename, "exec", -1)?;
            self.eval_main(&code, &md)
        })();
        let result = result.map_err(|e| self.print_error(e));
        if set_file {
            let _ = dict::dict_del_item(ts, &md, &pystr::intern("__file__"));
            let _ = dict::dict_del_item(ts, &md, &pystr::intern("__cached__"));
        }
        result
    }

    /// Evaluate code in `__main__`, noting an escaping KeyboardInterrupt
    /// (CPython's run_eval_code_obj).
    fn eval_main(&self, code: &Value, md: &Value) -> PyResult<()> {
        let ts = &*self.ts;
        self.unhandled_keyboard_interrupt.set(false);
        let result = crate::eval::ceval::eval_code(ts, code, md, Some(md)).map(drop);
        // A signal that arrived at the very end is still delivered.
        let result = result.and_then(|()| super::thread::handle_pending_signals(ts));
        if let Err(e) = &result {
            if std::ptr::eq(e.value().type_of(), &exc::KEYBOARD_INTERRUPT) {
                self.unhandled_keyboard_interrupt.set(true);
            }
        }
        result
    }

    /// Print an uncaught exception (CPython's PyErr_Print): SystemExit
    /// ends the program (Some(status)) unless inspecting; anything else is
    /// stored in sys.last_* and shown through sys.excepthook.
    fn print_error(&self, e: PyErr) -> Option<i32> {
        let ts = &*self.ts;
        let v = e.into_value();
        let _ = crate::modules::sys::flush_stdout(ts);
        if v.type_of().is_subtype(&exc::SYSTEM_EXIT) && !self.inspect.get() {
            return Some(super::pythonrun::system_exit_status(ts, &v));
        }
        if let Some(sys) = ts.interp().sys.borrow().clone().and_then(|s| module::module_dict(&s)) {
            let tb = exc::traceback_of(&v).unwrap_or_else(none::none);
            let _ = dict::dict_set_item(ts, &sys, pystr::intern("last_type"), v.type_of().to_value());
            let _ = dict::dict_set_item(ts, &sys, pystr::intern("last_value"), v.clone());
            let _ = dict::dict_set_item(ts, &sys, pystr::intern("last_traceback"), tb);
        }
        super::pythonrun::report_exception(ts, &v);
        None
    }

    /// Enter interactive mode: SystemExit now ends the process.
    pub fn begin_interactive(&self) {
        self.inspect.set(false);
        let ts = &*self.ts;
        if let Some(sys) = ts.interp().sys.borrow().clone().and_then(|s| module::module_dict(&s)) {
            for (name, prompt) in [("ps1", ">>> "), ("ps2", "... ")] {
                if dict::dict_get_str(&sys, &pystr::intern(name)).is_none() {
                    let _ = dict::dict_set_item(ts, &sys, pystr::intern(name), pystr::new_str(prompt));
                }
            }
        }
    }

    /// `str(sys.ps1)` (or ps2 when `continuation`), "" if unset or failing.
    pub fn prompt(&self, continuation: bool) -> String {
        let ts = &*self.ts;
        let name = if continuation { "ps2" } else { "ps1" };
        match crate::modules::sys::sys_attr(ts, name) {
            Some(p) => protocol::str_string(ts, &p).unwrap_or_default(),
            None => String::new(),
        }
    }

    /// PYTHONSTARTUP: run the file in `__main__` before the first prompt;
    /// Some(status) if it raised SystemExit.
    pub fn run_startup_file(&self) -> Option<i32> {
        let path = self.interp.config.startup.clone()?;
        let ts = &*self.ts;
        let source = match std::fs::read(&path) {
            Ok(s) => s,
            Err(e) => {
                let errno = e.raw_os_error().unwrap_or(2);
                let err = crate::modules::io::os_error(errno, Some(&pystr::new_str(&path)));
                crate::modules::sys::write_stderr(ts, "Could not open PYTHONSTARTUP\n");
                return self.print_error(err);
            }
        };
        self.run_simple_file(&source, &path, Some(&path)).err().flatten()
    }

    /// Call `sys.__interactivehook__` (set by `site` to set up readline)
    /// before the first prompt, as CPython's pymain_run_interactive_hook:
    /// a failure is reported and the prompt still starts, unless it is
    /// SystemExit (Some(status): the process ends).
    pub fn run_interactive_hook(&self) -> Option<i32> {
        let ts = &*self.ts;
        let hook = crate::modules::sys::sys_attr(ts, "__interactivehook__")?;
        match protocol::call(ts, &hook, &[], None) {
            Ok(_) => None,
            Err(e) => {
                crate::modules::sys::write_stderr(ts, "Failed calling sys.__interactivehook__\n");
                self.print_error(e)
            }
        }
    }

    /// Whether `source` (the lines typed so far, each ending in "\n") is a
    /// whole interactive statement, as CPython's interactive tokenizer sees
    /// it: a simple statement ends with its line, a compound statement
    /// (or a decorator) at the first empty line.
    pub fn input_state(&self, source: &str) -> InputState {
        input_state(source)
    }

    /// Compile `source` as one interactive statement ("single" mode, file
    /// `<stdin>`) and run it in `__main__`; expression values go through
    /// sys.displayhook. An exception is printed; Some(status) when the
    /// process should end (SystemExit).
    pub fn run_interactive(&self, source: &str) -> Option<i32> {
        let ts = &*self.ts;
        let result = self.main_dict().and_then(|md| {
            let code = super::pythonrun::compile_source(ts, source.as_bytes(), "<stdin>", "single", -1)?;
            self.eval_main(&code, &md)
        });
        match result {
            Ok(()) => {
                let _ = crate::modules::sys::flush_stdout(ts);
                None
            }
            Err(e) => self.print_error(e),
        }
    }

    /// Write text to sys.stderr and flush it.
    pub fn write_stderr(&self, text: &str) {
        let ts = &*self.ts;
        crate::modules::sys::write_stderr(ts, text);
        if let Some(err) = crate::modules::sys::get_stream(ts, "stderr") {
            let _ = protocol::call_method(ts, &err, "flush", &[]);
        }
    }

    /// Write `prompt` to stderr and read one line through
    /// `sys.stdin.readline()` (the prompt's way on a non-terminal). A
    /// reading error is printed and reported as `Failed`.
    pub fn read_stdin_line(&self, prompt: &str) -> StdinLine {
        let ts = &*self.ts;
        self.write_stderr(prompt);
        let Some(stdin) = crate::modules::sys::get_stream(ts, "stdin") else { return StdinLine::Eof };
        match protocol::call_method(ts, &stdin, "readline", &[]).and_then(|l| protocol::str_string(ts, &l)) {
            Ok(line) if line.is_empty() => StdinLine::Eof,
            Ok(line) => StdinLine::Line(line),
            Err(e) => {
                self.print_error(e);
                StdinLine::Failed
            }
        }
    }

    /// Run the Python handlers of signals that arrived while waiting for
    /// input. A KeyboardInterrupt is printed as CPython's prompt does
    /// (Interrupted: the input is dropped); another exception is printed
    /// as uncaught.
    pub fn handle_signals(&self) -> SignalOutcome {
        let ts = &*self.ts;
        match super::thread::handle_pending_signals(ts) {
            Ok(()) => SignalOutcome::Nothing,
            Err(e) if std::ptr::eq(e.value().type_of(), &exc::KEYBOARD_INTERRUPT) => {
                self.write_stderr("\nKeyboardInterrupt\n");
                SignalOutcome::Interrupted
            }
            Err(e) => match self.print_error(e) {
                Some(status) => SignalOutcome::Exit(status),
                None => SignalOutcome::Nothing,
            },
        }
    }

    /// Shut down in CPython's order; returns how the process should end.
    pub fn finalize(self, status: i32) -> ExitStatus {
        let ts = &*self.ts;
        let mut status = status;
        self.wait_for_thread_shutdown();
        crate::modules::atexit::run_exitfuncs(ts);
        // Only now is the interpreter finalizing: atexit callbacks see False.
        self.interp.finalizing.set(true);
        if !self.flush_std_files() {
            status = 120;
        }
        crate::modules::signal::restore_default_handlers();
        collect_cycles_at_shutdown(ts);
        self.finalize_modules();
        // Again: finalizers may have written more.
        if !self.flush_std_files() {
            status = 120;
        }
        crate::modules::io::close_open_files();
        crate::modules::faulthandler::fini();
        let by_sigint = self.unhandled_keyboard_interrupt.get();
        ThreadState::swap(std::ptr::null());
        // Objects may still reference the interpreter; it lives to process exit.
        std::mem::forget(self);
        ExitStatus { code: status, by_sigint }
    }

    /// `threading._shutdown()` if threading was imported (CPython's
    /// wait_for_thread_shutdown): joins the non-daemon threads.
    fn wait_for_thread_shutdown(&self) {
        let ts = &*self.ts;
        let modules = ts.interp().modules();
        let Some(threading) = dict::dict_get_str(&modules, &pystr::intern("threading")) else { return };
        let result = protocol::getattr_str(ts, &threading, "_shutdown").and_then(|f| protocol::call(ts, &f, &[], None));
        if let Err(e) = result {
            write_unraisable(ts, &e, None, Some(&threading));
        }
    }

    /// Flush sys.stdout and sys.stderr; false if either failed. A failing
    /// stdout is reported as unraisable, a failing stderr silently.
    fn flush_std_files(&self) -> bool {
        let ts = &*self.ts;
        let mut ok = true;
        for name in ["stdout", "stderr"] {
            let Some(s) = crate::modules::sys::get_stream(ts, name) else { continue };
            // As CPython's flush_std_files: closed streams are left alone.
            let closed = protocol::getattr_str(ts, &s, "closed").and_then(|c| protocol::is_true(ts, &c)).unwrap_or(false);
            if closed {
                continue;
            }
            if let Err(e) = protocol::call_method(ts, &s, "flush", &[]) {
                ok = false;
                if name == "stdout" {
                    write_unraisable(ts, &e, None, Some(&s));
                }
            }
        }
        ok
    }

    /// Tear down the modules as CPython's finalize_modules does: special
    /// sys attributes set to None and the standard streams restored, every
    /// module removed from sys.modules, builtins restored, then the globals
    /// of modules still alive cleared, the last imported first.
    fn finalize_modules(&self) {
        let ts = &*self.ts;
        let interp = ts.interp();
        // `-v` narrates each step with CPython's messages.
        let verbose = interp.config.verbose > 0;
        let say = |msg: &str| {
            if verbose {
                crate::modules::sys::write_stderr(ts, msg);
            }
        };
        let builtins = interp.builtins();
        say("# clear builtins._\n");
        let _ = dict::dict_set_item(ts, &builtins, pystr::intern("_"), none::none());
        let sys_dict = interp.sys.borrow().clone().and_then(|s| module::module_dict(&s));
        if let Some(sysd) = &sys_dict {
            for name in [
                "path",
                "argv",
                "ps1",
                "ps2",
                "last_type",
                "last_value",
                "last_traceback",
                "path_hooks",
                "path_importer_cache",
                "meta_path",
                "__interactivehook__",
            ] {
                say(&format!("# clear sys.{name}\n"));
                let _ = dict::dict_set_item(ts, sysd, pystr::intern(name), none::none());
            }
            for name in ["stdin", "stdout", "stderr"] {
                say(&format!("# restore sys.{name}\n"));
                let orig = dict::dict_get_str(sysd, &pystr::intern(&format!("__{name}__"))).unwrap_or_else(none::none);
                let _ = dict::dict_set_item(ts, sysd, pystr::intern(name), orig);
            }
        }
        // Remove every module from sys.modules, keeping them in import order.
        let modules = interp.modules();
        let mut order: Vec<(Value, Value)> = Vec::new();
        if let Some(d) = dict::as_dict(&modules) {
            for (name, m) in d.items() {
                if let Some(n) = pystr::try_as_rust_str(&name) {
                    say(&format!("# cleanup[2] removing {n}\n"));
                }
                if module::module_dict(&m).is_some() {
                    order.push((name.clone(), m));
                }
                let _ = dict::dict_set_item(ts, &modules, name, none::none());
            }
            d.clear();
        }
        self.restore_builtins();
        collect_cycles_at_shutdown(ts);
        let builtins_id = builtins.id();
        let sys_id = sys_dict.as_ref().map(|d| d.id());
        let is_core = |d: &Value| d.id() == builtins_id || Some(d.id()) == sys_id;
        // A module nothing else references is garbage: CPython's collector
        // runs its objects' finalizers while its globals are intact (a module
        // dict in a cycle); ours clears such modules' dicts that way first.
        for (_, m) in &order {
            if m.refcount() == 1 {
                if let Some(d) = module::module_dict(m).filter(|d| !is_core(d)) {
                    clear_dead_module_dict(ts, &d);
                }
            }
        }
        // The garbage modules go now (CPython's collector frees them here).
        order.retain(|(_, m)| m.refcount() > 1);
        for (name, m) in order.iter().rev() {
            if let Some(d) = module::module_dict(m).filter(|d| !is_core(d)) {
                if let Some(n) = pystr::try_as_rust_str(name) {
                    say(&format!("# cleanup[3] wiping {n}\n"));
                }
                clear_module_dict(ts, &d);
            }
        }
        drop(order);
        // Cycles that only the module globals kept alive are garbage now.
        collect_cycles_at_shutdown(ts);
    }

    /// Put the builtins back as start-up left them (CPython's finalize_restore_builtins).
    fn restore_builtins(&self) {
        let ts = &*self.ts;
        let (Some(copy), builtins) = (self.builtins_copy.as_ref(), ts.interp().builtins()) else { return };
        let (Some(src), Some(dst)) = (dict::as_dict(copy), dict::as_dict(&builtins)) else { return };
        let old = dst.items();
        dst.clear();
        for (k, v) in src.items() {
            let _ = dict::dict_set_item(ts, &builtins, k, v);
        }
        // Old values are released last, when the builtins are whole again.
        drop(old);
    }
}

/// A full collection during shutdown (CPython's _PyGC_CollectNoFail), so
/// that finalizers of garbage cycles run while modules are still intact.
fn collect_cycles_at_shutdown(_ts: &ThreadState) {
    crate::gc::collect(2);
}

/// CPython's _PyModule_ClearDict: names starting with one underscore are
/// set to None first, then every other name but `__builtins__`.
fn clear_module_dict(ts: &ThreadState, d: &Value) {
    let Some(pd) = dict::as_dict(d) else { return };
    let is_str = |k: &Value| pystr::as_pystr(k).is_some();
    for pass in 0..2 {
        for (k, v) in pd.items() {
            if none::is_none(&v) || !is_str(&k) {
                continue;
            }
            let name = pystr::as_rust_str(&k);
            let underscore = name.starts_with('_') && !name.starts_with("__");
            let clear = if pass == 0 { underscore } else { name != "__builtins__" };
            if clear {
                drop(v);
                if dict::dict_set_item(ts, d, k, none::none()).is_err() {
                    continue;
                }
            }
        }
    }
}

/// The globals of a module that is garbage: objects with a `__del__` that
/// only this dict references are released first, in definition order
/// (finalizers run before anything is broken, as the collector's do), then
/// the rest as CPython's module clearing does.
fn clear_dead_module_dict(ts: &ThreadState, d: &Value) {
    let Some(pd) = dict::as_dict(d) else { return };
    for (k, v) in pd.items() {
        // Two references: the dict's and `v` here.
        let finalizable = v.refcount() == 2 && v.type_of().data.lookup_str("__del__").is_some();
        drop(v);
        if finalizable {
            let _ = dict::dict_set_item(ts, d, k, none::none());
        }
    }
    clear_module_dict(ts, d);
}

/// Report an exception that cannot be raised (from `__del__`, callbacks):
/// "Exception ignored in: <obj>" and the traceback, on stderr.
pub fn write_unraisable(ts: &ThreadState, e: &PyErr, what: Option<&str>, obj: Option<&Value>) {
    // As CPython's _PyErr_WriteUnraisableMsg: through sys.unraisablehook
    // (missing, None or itself failing: the default report).
    let hook = crate::modules::sys::sys_attr(ts, "unraisablehook").filter(|h| !none::is_none(h));
    let Some(hook) = hook else { return print_unraisable(ts, e, what, obj) };
    let value = e.value().clone();
    let err_msg = what.filter(|w| *w != "Exception ignored in").map_or_else(none::none, pystr::new_str);
    let fields = vec![
        value.type_of().to_value(),
        value.clone(),
        crate::types::exceptions::traceback_of(&value)
            .or_else(|| crate::eval::ceval::traceback_of_current_frame(ts))
            .unwrap_or_else(none::none),
        err_msg,
        obj.cloned().unwrap_or_else(none::none),
    ];
    let called = crate::modules::structseq::new_value(&crate::modules::sys::UNRAISABLE_HOOK_ARGS, fields)
        .and_then(|args| protocol::call(ts, &hook, &[args], None));
    if let Err(failed) = called {
        print_unraisable(ts, &failed, Some("Exception ignored in sys.unraisablehook"), Some(&hook));
    }
}

/// The default sys.unraisablehook's report on stderr.
pub fn print_unraisable(ts: &ThreadState, e: &PyErr, what: Option<&str>, obj: Option<&Value>) {
    let mut head = what.unwrap_or("Exception ignored in").to_string();
    if let Some(o) = obj {
        let r = protocol::repr_string(ts, o).unwrap_or_else(|_| "<object repr() failed>".into());
        head.push_str(": ");
        head.push_str(&r);
    }
    crate::modules::sys::write_stderr(ts, &format!("{head}\n{}", super::pythonrun::format_unraisable(ts, e.value())));
}

/// See [`Interpreter::input_state`].
pub fn input_state(source: &str) -> InputState {
    let lines: Vec<&str> = source.lines().collect();
    let Some(first) = lines.iter().find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#')) else {
        return InputState::Complete;
    };
    let last_blank = lines.last().is_some_and(|l| l.trim().is_empty());
    let block = starts_compound_statement(first);
    match syntax::parse_str(source, "<stdin>", syntax::Mode::Interactive) {
        Ok(_) if block && !last_blank => InputState::Incomplete,
        Ok(_) => InputState::Complete,
        Err(e) if is_incomplete_error(&e, source) => {
            if last_blank && block && !e.msg.contains("never closed") && !e.msg.starts_with("unterminated triple") {
                InputState::Invalid
            } else {
                InputState::Incomplete
            }
        }
        Err(_) if block && !last_blank => InputState::Incomplete,
        Err(_) => InputState::Invalid,
    }
}

/// Whether a statement's first line begins a compound statement (or a
/// decorator), which the prompt ends only at an empty line.
fn starts_compound_statement(line: &str) -> bool {
    let code = line.trim_start();
    if code.starts_with('@') {
        return true;
    }
    let word: String = code.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    match word.as_str() {
        "if" | "for" | "while" | "def" | "class" | "with" | "try" | "async" => true,
        // Soft keyword: `match x:` opens a block, `match = 1` does not.
        "match" => code.split('#').next().unwrap_or("").trim_end().ends_with(':'),
        _ => false,
    }
}

/// Errors that mean "the input stops too early" rather than "it is wrong".
fn is_incomplete_error(e: &syntax::SyntaxError, source: &str) -> bool {
    let msg = e.msg.as_str();
    if msg.contains("was never closed") || msg.starts_with("unterminated triple-quoted string") || msg == "unexpected EOF while parsing" {
        return true;
    }
    // "expected an indented block" at the end of the input.
    let nlines = source.lines().count() as u32;
    msg.starts_with("expected an indented block") && e.lineno >= nlines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interactive_input_states() {
        // What CPython's prompt does: `...` continues, `>>>` runs.
        assert_eq!(input_state("x = 1\n"), InputState::Complete);
        assert_eq!(input_state("\n"), InputState::Complete);
        assert_eq!(input_state("(1,\n"), InputState::Incomplete);
        assert_eq!(input_state("(1,\n2)\n"), InputState::Complete);
        assert_eq!(input_state("if x:\n"), InputState::Incomplete);
        assert_eq!(input_state("if x:\n  pass\n"), InputState::Incomplete);
        assert_eq!(input_state("if x:\n  pass\n\n"), InputState::Complete);
        assert_eq!(input_state("if x: pass\n"), InputState::Incomplete);
        assert_eq!(input_state("if x: pass\n\n"), InputState::Complete);
        assert_eq!(input_state("@dec\n"), InputState::Incomplete);
        assert_eq!(input_state("x = \\\n"), InputState::Incomplete);
        assert_eq!(input_state("'''abc\n"), InputState::Incomplete);
        assert_eq!(input_state("1 +\n"), InputState::Invalid);
        assert_eq!(input_state("print(1))\n"), InputState::Invalid);
        assert_eq!(input_state("def f():\n\n"), InputState::Invalid);
        assert_eq!(input_state("for i in range(3):\n    i * 10\n\n"), InputState::Complete);
        assert_eq!(input_state("for i in range(3):\n    i * 10\n"), InputState::Incomplete);
    }
}
