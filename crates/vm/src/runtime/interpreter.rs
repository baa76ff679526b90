//! `InterpreterState`: everything one interpreter owns (CPython's
//! PyInterpreterState): sys.modules, builtins, the sys module, interned
//! strings, limits, the hash secret.

use std::cell::{Cell, RefCell};

use super::config::Config;
use crate::object::value::Value;

/// One atexit registration: function, arguments (keyword values last), keyword names.
pub type AtexitCallback = (Value, Vec<Value>, Option<Value>);

pub struct InterpreterState {
    pub id: u64,
    pub config: Config,
    /// `sys.modules`.
    pub modules: RefCell<Option<Value>>,
    /// The `builtins` module's dict.
    pub builtins: RefCell<Option<Value>>,
    /// The `sys` module.
    pub sys: RefCell<Option<Value>>,
    /// Interned strings (`sys.intern`, identifiers of code objects).
    pub interned: RefCell<hashbrown::HashMap<String, Value>>,
    /// `sys.getrecursionlimit()`.
    pub recursion_limit: Cell<u32>,
    /// `sys.get_int_max_str_digits()` (0: no limit).
    pub int_max_str_digits: Cell<usize>,
    /// Set once `Py_Finalize` has begun.
    pub finalizing: Cell<bool>,
    /// Functions registered with atexit (run at finalization, last first),
    /// in call form: function, arguments (keyword values last), keyword
    /// names. `unregister` leaves None in the slot, as CPython's list does.
    pub atexit: RefCell<Vec<Option<AtexitCallback>>>,
    /// The codec registry: search functions, lookup cache, error handlers.
    pub codecs: RefCell<crate::modules::_codecs::CodecRegistry>,
}

impl InterpreterState {
    pub fn new(id: u64, config: Config) -> InterpreterState {
        let digits = config.int_max_str_digits;
        InterpreterState {
            id,
            config,
            modules: RefCell::new(None),
            builtins: RefCell::new(None),
            sys: RefCell::new(None),
            // Room for the builtins' names and those of the modules start-up imports.
            interned: RefCell::new(hashbrown::HashMap::with_capacity(4096)),
            recursion_limit: Cell::new(1000),
            int_max_str_digits: Cell::new(digits),
            finalizing: Cell::new(false),
            atexit: RefCell::new(Vec::new()),
            codecs: RefCell::new(Default::default()),
        }
    }

    /// `sys.modules` (a dict).
    pub fn modules(&self) -> Value {
        self.modules.borrow().clone().expect("sys.modules exists after start-up")
    }

    /// The builtins dict.
    pub fn builtins(&self) -> Value {
        self.builtins.borrow().clone().expect("builtins exist after start-up")
    }

    pub fn sys(&self) -> Value {
        self.sys.borrow().clone().expect("sys exists after start-up")
    }
}
