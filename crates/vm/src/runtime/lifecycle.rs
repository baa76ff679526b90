//! Start-up and shutdown (CPython's Python/pylifecycle.c), as phases:
//! runtime, core types, interpreter and thread state, builtins and sys,
//! then `__main__`; at exit, atexit callbacks, stream flushing, teardown.

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
}

impl Interpreter {
    /// Initialize the runtime and a main interpreter from `config`.
    pub fn initialize(config: Config, hash_seed_env: Option<String>) -> Result<Interpreter, String> {
        super::init_runtime(hash_seed_env.as_deref())?;
        crate::types::init();
        let interp = Box::new(InterpreterState::new(1, config));
        let ts = Box::new(ThreadState::new(&interp));
        ThreadState::swap(&*ts);
        {
            let mut table = interp.interned.borrow_mut();
            crate::types::str::adopt_early_interned(&mut table);
        }
        let me = Interpreter { interp, ts };
        me.init_modules().map_err(|e| format!("Fatal Python error: init failed: {:?}", e))?;
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
        let main = module::new_module("__main__")?;
        let md = module::module_dict(&main).ok_or_else(|| PyErr::system_error("__main__"))?;
        dict::dict_set_item(ts, &md, pystr::intern("__builtins__"), crate::modules::builtins_module(ts))?;
        dict::dict_set_item(ts, &modules, pystr::intern("__main__"), main)?;
        Ok(())
    }

    pub fn thread_state(&self) -> &ThreadState {
        &self.ts
    }

    /// Run what the configuration names as `__main__`; returns the exit status.
    pub fn run_main(&self) -> i32 {
        let ts = &*self.ts;
        let status = match &self.interp.config.run {
            RunTarget::File(path) => self.run_file(path),
            RunTarget::Command(code) => {
                self.set_path0("");
                self.run_source(code.as_bytes(), "<string>", None)
            }
            RunTarget::Module(name) => {
                let program = self.interp.config.orig_argv.first().cloned().unwrap_or_else(|| "pyrite".into());
                match crate::import::run_module_as_main(ts, name, &program, !self.interp.config.safe_path) {
                    Ok(status) => status,
                    Err(e) => self.handle_uncaught(e),
                }
            }
            RunTarget::None => 0,
        };
        status
    }

    fn set_path0(&self, dir: &str) {
        let ts = &*self.ts;
        if let Some(path) = crate::modules::sys::sys_attr(ts, "path") {
            if let Some(l) = path.downcast::<crate::types::list::PyList>() {
                l.items.borrow_mut().insert(0, pystr::new_str(dir));
            }
        }
    }

    fn run_file(&self, path: &str) -> i32 {
        let ts = &*self.ts;
        let source = match std::fs::read(path) {
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
        let dir = std::path::Path::new(path).parent().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
        if !self.interp.config.safe_path {
            self.set_path0(&dir);
        }
        self.run_source(&source, path, Some(path))
    }

    fn run_source(&self, source: &[u8], filename: &str, file: Option<&str>) -> i32 {
        let ts = &*self.ts;
        let result = (|| -> PyResult<()> {
            let modules = ts.interp().modules();
            let main = dict::dict_get_str(&modules, &pystr::intern("__main__")).ok_or_else(|| PyErr::runtime_error("no __main__"))?;
            let md = module::module_dict(&main).ok_or_else(|| PyErr::runtime_error("no __main__ dict"))?;
            if let Some(f) = file {
                dict::dict_set_item(ts, &md, pystr::intern("__file__"), pystr::new_str(f))?;
                dict::dict_set_item(ts, &md, pystr::intern("__cached__"), none::none())?;
            }
            let code = super::pythonrun::compile_source(ts, source, filename, "exec", -1)?;
            crate::eval::ceval::eval_code(ts, &code, &md, Some(&md))?;
            Ok(())
        })();
        match result {
            Ok(()) => 0,
            Err(e) => self.handle_uncaught(e),
        }
    }

    fn handle_uncaught(&self, e: PyErr) -> i32 {
        let ts = &*self.ts;
        let v = e.into_value();
        if v.type_of().is_subtype(&exc::SYSTEM_EXIT) {
            let _ = crate::modules::sys::flush_stdout(ts);
            return super::pythonrun::system_exit_status(ts, &v);
        }
        let _ = crate::modules::sys::flush_stdout(ts);
        super::pythonrun::report_exception(ts, &v);
        1
    }

    /// Shut down: atexit callbacks, flush the streams. Returns the status
    /// adjusted for a failed flush (120, as CPython).
    pub fn finalize(self, status: i32) -> i32 {
        let ts = &*self.ts;
        self.interp.finalizing.set(true);
        let callbacks: Vec<_> = self.interp.atexit.borrow_mut().drain(..).collect();
        for (f, args, kw) in callbacks.into_iter().rev() {
            if let Err(e) = protocol::call(ts, &f, &args, kw.as_ref()) {
                write_unraisable(ts, &e, Some("Exception ignored in atexit callback"), Some(&f));
            }
        }
        crate::modules::io::close_open_files();
        let mut status = status;
        for name in ["stdout", "stderr"] {
            if let Some(s) = crate::modules::sys::get_stream(ts, name) {
                // As CPython's flush_std_files: closed streams are left alone.
                let closed = protocol::getattr_str(ts, &s, "closed").and_then(|c| protocol::is_true(ts, &c)).unwrap_or(false);
                if !closed && protocol::call_method(ts, &s, "flush", &[]).is_err() && name == "stdout" && status == 0 {
                    status = 120;
                }
            }
        }
        ThreadState::swap(std::ptr::null());
        // Objects may still reference the interpreter; it lives to process exit.
        std::mem::forget(self);
        status
    }
}

/// Report an exception that cannot be raised (from `__del__`, callbacks):
/// "Exception ignored in: <obj>" and the traceback, on stderr.
pub fn write_unraisable(ts: &ThreadState, e: &PyErr, what: Option<&str>, obj: Option<&Value>) {
    let mut head = what.unwrap_or("Exception ignored in").to_string();
    if let Some(o) = obj {
        let r = protocol::repr_string(ts, o).unwrap_or_else(|_| "<object repr() failed>".into());
        head.push_str(": ");
        head.push_str(&r);
    }
    crate::modules::sys::write_stderr(ts, &format!("{head}\n{}", super::pythonrun::format_unraisable(ts, e.value())));
}
