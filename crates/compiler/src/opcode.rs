//! The instruction set: CPython 3.11's instructions (names, arguments,
//! inline caches and stack effects as in CPython), with our own numbering.
//!
//! Numbering is chosen for the evaluation loop: every instruction below
//! `HAVE_ARGUMENT` ignores its argument, and each specializable family
//! (PEP 659) is numbered contiguously, the generic instruction first and its
//! adaptive and specialized forms right after it, so `deopt()` is a table
//! load and a family test is a range check. The compiler only emits base
//! instructions; the specialized ones exist for the interpreter to rewrite
//! instructions in place.
//!
//! A code unit is 16 bits: an 8-bit opcode and an 8-bit argument, with
//! `EXTENDED_ARG` prefixes for wider arguments and `CACHE` units after
//! instructions that specialize, exactly as in CPython 3.11, so byte
//! offsets are the ones `dis` shows.

macro_rules! opcodes {
    ($($name:ident = $caches:literal $(=> $base:ident)?),* $(,)?) => {
        /// A real (emitted or specialized) instruction.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Opcode {
            $($name),*
        }

        /// Every opcode, indexed by its number.
        pub const ALL: &[Opcode] = &[$(Opcode::$name),*];

        const NAMES: &[&str] = &[$(stringify!($name)),*];

        const CACHES: &[u8] = &[$($caches),*];

        const DEOPT: &[Opcode] = &[$(opcodes!(@base $name $($base)?)),*];
    };
    (@base $name:ident) => { Opcode::$name };
    (@base $name:ident $base:ident) => { Opcode::$base };
}

opcodes! {
    // ---- No argument (the argument byte is 0 and ignored). ----
    CACHE = 0,
    POP_TOP = 0,
    PUSH_NULL = 0,
    NOP = 0,
    UNARY_POSITIVE = 0,
    UNARY_NEGATIVE = 0,
    UNARY_NOT = 0,
    UNARY_INVERT = 0,
    BINARY_SUBSCR = 4,
    BINARY_SUBSCR_ADAPTIVE = 4 => BINARY_SUBSCR,
    BINARY_SUBSCR_DICT = 4 => BINARY_SUBSCR,
    BINARY_SUBSCR_GETITEM = 4 => BINARY_SUBSCR,
    BINARY_SUBSCR_LIST_INT = 4 => BINARY_SUBSCR,
    BINARY_SUBSCR_TUPLE_INT = 4 => BINARY_SUBSCR,
    STORE_SUBSCR = 1,
    STORE_SUBSCR_ADAPTIVE = 1 => STORE_SUBSCR,
    STORE_SUBSCR_DICT = 1 => STORE_SUBSCR,
    STORE_SUBSCR_LIST_INT = 1 => STORE_SUBSCR,
    DELETE_SUBSCR = 0,
    GET_LEN = 0,
    MATCH_MAPPING = 0,
    MATCH_SEQUENCE = 0,
    MATCH_KEYS = 0,
    PUSH_EXC_INFO = 0,
    CHECK_EXC_MATCH = 0,
    CHECK_EG_MATCH = 0,
    WITH_EXCEPT_START = 0,
    GET_AITER = 0,
    GET_ANEXT = 0,
    BEFORE_ASYNC_WITH = 0,
    BEFORE_WITH = 0,
    END_ASYNC_FOR = 0,
    GET_ITER = 0,
    GET_YIELD_FROM_ITER = 0,
    PRINT_EXPR = 0,
    LOAD_BUILD_CLASS = 0,
    LOAD_ASSERTION_ERROR = 0,
    RETURN_GENERATOR = 0,
    LIST_TO_TUPLE = 0,
    RETURN_VALUE = 0,
    IMPORT_STAR = 0,
    SETUP_ANNOTATIONS = 0,
    YIELD_VALUE = 0,
    ASYNC_GEN_WRAP = 0,
    PREP_RERAISE_STAR = 0,
    POP_EXCEPT = 0,
    // ---- With an argument: HAVE_ARGUMENT and above. ----
    STORE_NAME = 0,
    DELETE_NAME = 0,
    UNPACK_SEQUENCE = 1,
    UNPACK_SEQUENCE_ADAPTIVE = 1 => UNPACK_SEQUENCE,
    UNPACK_SEQUENCE_LIST = 1 => UNPACK_SEQUENCE,
    UNPACK_SEQUENCE_TUPLE = 1 => UNPACK_SEQUENCE,
    UNPACK_SEQUENCE_TWO_TUPLE = 1 => UNPACK_SEQUENCE,
    FOR_ITER = 0,
    FOR_ITER_LIST = 0 => FOR_ITER,
    FOR_ITER_RANGE = 0 => FOR_ITER,
    UNPACK_EX = 0,
    STORE_ATTR = 4,
    STORE_ATTR_ADAPTIVE = 4 => STORE_ATTR,
    STORE_ATTR_INSTANCE_VALUE = 4 => STORE_ATTR,
    STORE_ATTR_SLOT = 4 => STORE_ATTR,
    STORE_ATTR_WITH_HINT = 4 => STORE_ATTR,
    DELETE_ATTR = 0,
    STORE_GLOBAL = 0,
    DELETE_GLOBAL = 0,
    SWAP = 0,
    LOAD_CONST = 0,
    LOAD_CONST__LOAD_FAST = 0 => LOAD_CONST,
    LOAD_NAME = 0,
    BUILD_TUPLE = 0,
    BUILD_LIST = 0,
    BUILD_SET = 0,
    BUILD_MAP = 0,
    LOAD_ATTR = 4,
    LOAD_ATTR_ADAPTIVE = 4 => LOAD_ATTR,
    LOAD_ATTR_INSTANCE_VALUE = 4 => LOAD_ATTR,
    LOAD_ATTR_MODULE = 4 => LOAD_ATTR,
    LOAD_ATTR_SLOT = 4 => LOAD_ATTR,
    LOAD_ATTR_WITH_HINT = 4 => LOAD_ATTR,
    COMPARE_OP = 2,
    COMPARE_OP_ADAPTIVE = 2 => COMPARE_OP,
    COMPARE_OP_FLOAT_JUMP = 2 => COMPARE_OP,
    COMPARE_OP_INT_JUMP = 2 => COMPARE_OP,
    COMPARE_OP_STR_JUMP = 2 => COMPARE_OP,
    IMPORT_NAME = 0,
    IMPORT_FROM = 0,
    JUMP_FORWARD = 0,
    JUMP_IF_FALSE_OR_POP = 0,
    JUMP_IF_TRUE_OR_POP = 0,
    POP_JUMP_FORWARD_IF_FALSE = 0,
    POP_JUMP_FORWARD_IF_TRUE = 0,
    LOAD_GLOBAL = 5,
    LOAD_GLOBAL_ADAPTIVE = 5 => LOAD_GLOBAL,
    LOAD_GLOBAL_BUILTIN = 5 => LOAD_GLOBAL,
    LOAD_GLOBAL_MODULE = 5 => LOAD_GLOBAL,
    IS_OP = 0,
    CONTAINS_OP = 0,
    RERAISE = 0,
    COPY = 0,
    BINARY_OP = 1,
    BINARY_OP_ADAPTIVE = 1 => BINARY_OP,
    BINARY_OP_ADD_FLOAT = 1 => BINARY_OP,
    BINARY_OP_ADD_INT = 1 => BINARY_OP,
    BINARY_OP_ADD_UNICODE = 1 => BINARY_OP,
    BINARY_OP_INPLACE_ADD_UNICODE = 1 => BINARY_OP,
    BINARY_OP_MULTIPLY_FLOAT = 1 => BINARY_OP,
    BINARY_OP_MULTIPLY_INT = 1 => BINARY_OP,
    BINARY_OP_SUBTRACT_FLOAT = 1 => BINARY_OP,
    BINARY_OP_SUBTRACT_INT = 1 => BINARY_OP,
    SEND = 0,
    LOAD_FAST = 0,
    LOAD_FAST__LOAD_CONST = 0 => LOAD_FAST,
    LOAD_FAST__LOAD_FAST = 0 => LOAD_FAST,
    STORE_FAST = 0,
    STORE_FAST__LOAD_FAST = 0 => STORE_FAST,
    STORE_FAST__STORE_FAST = 0 => STORE_FAST,
    DELETE_FAST = 0,
    POP_JUMP_FORWARD_IF_NOT_NONE = 0,
    POP_JUMP_FORWARD_IF_NONE = 0,
    RAISE_VARARGS = 0,
    GET_AWAITABLE = 0,
    MAKE_FUNCTION = 0,
    BUILD_SLICE = 0,
    JUMP_BACKWARD_NO_INTERRUPT = 0,
    MAKE_CELL = 0,
    LOAD_CLOSURE = 0,
    LOAD_DEREF = 0,
    STORE_DEREF = 0,
    DELETE_DEREF = 0,
    JUMP_BACKWARD = 0,
    JUMP_BACKWARD_QUICK = 0 => JUMP_BACKWARD,
    CALL_FUNCTION_EX = 0,
    EXTENDED_ARG = 0,
    EXTENDED_ARG_QUICK = 0 => EXTENDED_ARG,
    LIST_APPEND = 0,
    SET_ADD = 0,
    MAP_ADD = 0,
    LOAD_CLASSDEREF = 0,
    COPY_FREE_VARS = 0,
    RESUME = 0,
    RESUME_QUICK = 0 => RESUME,
    MATCH_CLASS = 0,
    FORMAT_VALUE = 0,
    BUILD_CONST_KEY_MAP = 0,
    BUILD_STRING = 0,
    LOAD_METHOD = 10,
    LOAD_METHOD_ADAPTIVE = 10 => LOAD_METHOD,
    LOAD_METHOD_CLASS = 10 => LOAD_METHOD,
    LOAD_METHOD_MODULE = 10 => LOAD_METHOD,
    LOAD_METHOD_NO_DICT = 10 => LOAD_METHOD,
    LOAD_METHOD_WITH_DICT = 10 => LOAD_METHOD,
    LOAD_METHOD_WITH_VALUES = 10 => LOAD_METHOD,
    LIST_EXTEND = 0,
    SET_UPDATE = 0,
    DICT_MERGE = 0,
    DICT_UPDATE = 0,
    PRECALL = 1,
    PRECALL_ADAPTIVE = 1 => PRECALL,
    PRECALL_BOUND_METHOD = 1 => PRECALL,
    PRECALL_BUILTIN_CLASS = 1 => PRECALL,
    PRECALL_BUILTIN_FAST_WITH_KEYWORDS = 1 => PRECALL,
    PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS = 1 => PRECALL,
    PRECALL_NO_KW_BUILTIN_FAST = 1 => PRECALL,
    PRECALL_NO_KW_BUILTIN_O = 1 => PRECALL,
    PRECALL_NO_KW_ISINSTANCE = 1 => PRECALL,
    PRECALL_NO_KW_LEN = 1 => PRECALL,
    PRECALL_NO_KW_LIST_APPEND = 1 => PRECALL,
    PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST = 1 => PRECALL,
    PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS = 1 => PRECALL,
    PRECALL_NO_KW_METHOD_DESCRIPTOR_O = 1 => PRECALL,
    PRECALL_NO_KW_STR_1 = 1 => PRECALL,
    PRECALL_NO_KW_TUPLE_1 = 1 => PRECALL,
    PRECALL_NO_KW_TYPE_1 = 1 => PRECALL,
    PRECALL_PYFUNC = 1 => PRECALL,
    CALL = 4,
    CALL_ADAPTIVE = 4 => CALL,
    CALL_PY_EXACT_ARGS = 4 => CALL,
    CALL_PY_WITH_DEFAULTS = 4 => CALL,
    KW_NAMES = 0,
    POP_JUMP_BACKWARD_IF_NOT_NONE = 0,
    POP_JUMP_BACKWARD_IF_NONE = 0,
    POP_JUMP_BACKWARD_IF_FALSE = 0,
    POP_JUMP_BACKWARD_IF_TRUE = 0,
}

/// Opcodes at or above this number use their argument.
pub const HAVE_ARGUMENT: u8 = Opcode::STORE_NAME as u8;

// The binary operators of BINARY_OP's argument (CPython's NB_* numbering).
pub const NB_ADD: u32 = 0;
pub const NB_AND: u32 = 1;
pub const NB_FLOOR_DIVIDE: u32 = 2;
pub const NB_LSHIFT: u32 = 3;
pub const NB_MATRIX_MULTIPLY: u32 = 4;
pub const NB_MULTIPLY: u32 = 5;
pub const NB_REMAINDER: u32 = 6;
pub const NB_OR: u32 = 7;
pub const NB_POWER: u32 = 8;
pub const NB_RSHIFT: u32 = 9;
pub const NB_SUBTRACT: u32 = 10;
pub const NB_TRUE_DIVIDE: u32 = 11;
pub const NB_XOR: u32 = 12;
/// Add to an NB_* operator for its in-place form (`+=`).
pub const NB_INPLACE: u32 = 13;

/// Symbols of BINARY_OP's arguments, as `dis` prints them.
pub const NB_OPS: [&str; 26] = [
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=", "<<=",
    "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
];

/// COMPARE_OP's argument: `<`, `<=`, `==`, `!=`, `>`, `>=` (CPython's Py_LT...).
pub const CMP_OPS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

// FORMAT_VALUE's argument: conversion in the low two bits, bit 2 = has a spec.
pub const FVC_MASK: u32 = 0x3;
pub const FVC_NONE: u32 = 0x0;
pub const FVC_STR: u32 = 0x1;
pub const FVC_REPR: u32 = 0x2;
pub const FVC_ASCII: u32 = 0x3;
pub const FVS_MASK: u32 = 0x4;
pub const FVS_HAVE_SPEC: u32 = 0x4;

// MAKE_FUNCTION's argument bits.
pub const MF_DEFAULTS: u32 = 0x01;
pub const MF_KWDEFAULTS: u32 = 0x02;
pub const MF_ANNOTATIONS: u32 = 0x04;
pub const MF_CLOSURE: u32 = 0x08;

// RESUME's argument: where the frame is resumed from.
pub const RESUME_AT_FUNC_START: u32 = 0;
pub const RESUME_AFTER_YIELD: u32 = 1;
pub const RESUME_AFTER_YIELD_FROM: u32 = 2;
pub const RESUME_AFTER_AWAIT: u32 = 3;

impl Opcode {
    pub fn from_u8(byte: u8) -> Option<Opcode> {
        ALL.get(byte as usize).copied()
    }

    pub fn name(self) -> &'static str {
        NAMES[self as usize]
    }

    pub fn from_name(name: &str) -> Option<Opcode> {
        NAMES.iter().position(|n| *n == name).map(|i| ALL[i])
    }

    /// Number of inline cache code units that follow the instruction.
    pub fn cache_entries(self) -> usize {
        CACHES[self as usize] as usize
    }

    /// The generic instruction of this instruction's family (itself for
    /// generic instructions).
    pub fn deopt(self) -> Opcode {
        DEOPT[self as usize]
    }

    /// Whether this is a specialized or adaptive form of another instruction.
    pub fn is_specialized(self) -> bool {
        self.deopt() != self
    }

    pub fn has_arg(self) -> bool {
        self as u8 >= HAVE_ARGUMENT
    }

    /// Relative jumps (all jumps are relative in 3.11): the argument counts
    /// code units from the end of the instruction and its caches.
    pub fn has_jump(self) -> bool {
        self.is_forward_jump() || self.is_backward_jump()
    }

    pub fn is_forward_jump(self) -> bool {
        use Opcode::*;
        matches!(
            self.deopt(),
            FOR_ITER
                | JUMP_FORWARD
                | JUMP_IF_FALSE_OR_POP
                | JUMP_IF_TRUE_OR_POP
                | POP_JUMP_FORWARD_IF_FALSE
                | POP_JUMP_FORWARD_IF_TRUE
                | SEND
                | POP_JUMP_FORWARD_IF_NOT_NONE
                | POP_JUMP_FORWARD_IF_NONE
        )
    }

    pub fn is_backward_jump(self) -> bool {
        use Opcode::*;
        matches!(
            self.deopt(),
            JUMP_BACKWARD_NO_INTERRUPT
                | JUMP_BACKWARD
                | POP_JUMP_BACKWARD_IF_NOT_NONE
                | POP_JUMP_BACKWARD_IF_NONE
                | POP_JUMP_BACKWARD_IF_FALSE
                | POP_JUMP_BACKWARD_IF_TRUE
        )
    }

    /// Unconditional jumps: control never falls through.
    pub fn is_unconditional_jump(self) -> bool {
        use Opcode::*;
        matches!(
            self.deopt(),
            JUMP_FORWARD | JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT
        )
    }

    /// Instructions after which control never falls through to the next one.
    pub fn is_scope_exit(self) -> bool {
        use Opcode::*;
        matches!(self.deopt(), RETURN_VALUE | RAISE_VARARGS | RERAISE)
    }

    /// The argument indexes co_consts.
    pub fn has_const(self) -> bool {
        matches!(self.deopt(), Opcode::LOAD_CONST | Opcode::KW_NAMES)
    }

    /// The argument indexes co_names (LOAD_GLOBAL's shifted by one bit).
    pub fn has_name(self) -> bool {
        use Opcode::*;
        matches!(
            self.deopt(),
            STORE_NAME
                | DELETE_NAME
                | STORE_ATTR
                | DELETE_ATTR
                | STORE_GLOBAL
                | DELETE_GLOBAL
                | LOAD_NAME
                | LOAD_ATTR
                | IMPORT_NAME
                | IMPORT_FROM
                | LOAD_GLOBAL
                | LOAD_METHOD
        )
    }

    /// The argument indexes the fast locals (co_varnames).
    pub fn has_local(self) -> bool {
        matches!(
            self.deopt(),
            Opcode::LOAD_FAST | Opcode::STORE_FAST | Opcode::DELETE_FAST
        )
    }

    /// The argument indexes the cell and free variables (locals plus cells
    /// plus free variables, "localsplus" as in 3.11).
    pub fn has_free(self) -> bool {
        use Opcode::*;
        matches!(
            self.deopt(),
            MAKE_CELL | LOAD_CLOSURE | LOAD_DEREF | STORE_DEREF | DELETE_DEREF | LOAD_CLASSDEREF
        )
    }

    pub fn has_compare(self) -> bool {
        self.deopt() == Opcode::COMPARE_OP
    }

    /// Net change of the stack depth when the instruction runs with `oparg`;
    /// `jump` selects the effect when a branch is taken.
    pub fn stack_effect(self, oparg: u32, jump: bool) -> i32 {
        use Opcode::*;
        let oparg_i = oparg as i32;
        match self.deopt() {
            CACHE
            | NOP
            | EXTENDED_ARG
            | RESUME
            | UNARY_POSITIVE
            | UNARY_NEGATIVE
            | UNARY_NOT
            | UNARY_INVERT
            | GET_ITER
            | GET_YIELD_FROM_ITER
            | SETUP_ANNOTATIONS
            | YIELD_VALUE
            | ASYNC_GEN_WRAP
            | DELETE_NAME
            | DELETE_GLOBAL
            | LOAD_ATTR
            | CHECK_EXC_MATCH
            | CHECK_EG_MATCH
            | DELETE_FAST
            | KW_NAMES
            | MAKE_CELL
            | COPY_FREE_VARS
            | DELETE_DEREF
            | GET_AWAITABLE
            | GET_AITER
            | LIST_TO_TUPLE
            | SWAP
            | JUMP_FORWARD
            | JUMP_BACKWARD
            | JUMP_BACKWARD_NO_INTERRUPT => 0,
            POP_TOP
            | LIST_APPEND
            | SET_ADD
            | BINARY_SUBSCR
            | PRINT_EXPR
            | RETURN_VALUE
            | IMPORT_STAR
            | POP_EXCEPT
            | STORE_NAME
            | DELETE_ATTR
            | STORE_GLOBAL
            | COMPARE_OP
            | IS_OP
            | CONTAINS_OP
            | IMPORT_NAME
            | PREP_RERAISE_STAR
            | RERAISE
            | STORE_FAST
            | STORE_DEREF
            | LIST_EXTEND
            | SET_UPDATE
            | DICT_MERGE
            | DICT_UPDATE
            | BINARY_OP
            | POP_JUMP_FORWARD_IF_FALSE
            | POP_JUMP_FORWARD_IF_TRUE
            | POP_JUMP_FORWARD_IF_NOT_NONE
            | POP_JUMP_FORWARD_IF_NONE
            | POP_JUMP_BACKWARD_IF_NOT_NONE
            | POP_JUMP_BACKWARD_IF_NONE
            | POP_JUMP_BACKWARD_IF_FALSE
            | POP_JUMP_BACKWARD_IF_TRUE => -1,
            PUSH_NULL | LOAD_BUILD_CLASS | LOAD_CONST | LOAD_NAME | IMPORT_FROM | PUSH_EXC_INFO
            | WITH_EXCEPT_START | LOAD_FAST | LOAD_CLOSURE | LOAD_DEREF | LOAD_CLASSDEREF
            | BEFORE_ASYNC_WITH | BEFORE_WITH | GET_ANEXT | LOAD_METHOD | LOAD_ASSERTION_ERROR
            | GET_LEN | MATCH_MAPPING | MATCH_SEQUENCE | MATCH_KEYS | COPY => 1,
            // The value sent by the first resumption, which the POP_TOP after it drops.
            RETURN_GENERATOR => 1,
            MAP_ADD | DELETE_SUBSCR | STORE_ATTR | END_ASYNC_FOR | MATCH_CLASS => -2,
            STORE_SUBSCR => -3,
            UNPACK_SEQUENCE => oparg_i - 1,
            UNPACK_EX => (oparg_i & 0xFF) + (oparg_i >> 8),
            FOR_ITER => {
                if jump {
                    -1
                } else {
                    1
                }
            }
            SEND => {
                if jump {
                    -1
                } else {
                    0
                }
            }
            BUILD_TUPLE | BUILD_LIST | BUILD_SET | BUILD_STRING => 1 - oparg_i,
            BUILD_MAP => 1 - 2 * oparg_i,
            BUILD_CONST_KEY_MAP => -oparg_i,
            JUMP_IF_TRUE_OR_POP | JUMP_IF_FALSE_OR_POP => {
                if jump {
                    0
                } else {
                    -1
                }
            }
            LOAD_GLOBAL => (oparg_i & 1) + 1,
            RAISE_VARARGS => -oparg_i,
            PRECALL => -oparg_i,
            CALL => -1,
            CALL_FUNCTION_EX => -2 - (oparg_i & 1),
            MAKE_FUNCTION => -((oparg & 0xF).count_ones() as i32),
            BUILD_SLICE => {
                if oparg == 3 {
                    -2
                } else {
                    -1
                }
            }
            FORMAT_VALUE => {
                if oparg & FVS_MASK == FVS_HAVE_SPEC {
                    -1
                } else {
                    0
                }
            }
            // Every family member deopts to a generic instruction above.
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_is_dense_and_named() {
        assert!(ALL.len() <= 256);
        for (i, op) in ALL.iter().enumerate() {
            assert_eq!(*op as usize, i);
            assert_eq!(Opcode::from_name(op.name()), Some(*op));
        }
        assert_eq!(Opcode::from_u8(ALL.len() as u8), None);
    }

    #[test]
    fn families_are_contiguous_and_share_caches() {
        for op in ALL {
            let base = op.deopt();
            assert_eq!(base.deopt(), base, "{}", op.name());
            assert_eq!(op.cache_entries(), base.cache_entries(), "{}", op.name());
            assert_eq!(op.has_arg(), base.has_arg(), "{}", op.name());
            // Every member lies between its base and the next generic op.
            for between in &ALL[base as usize..*op as usize] {
                assert_eq!(between.deopt(), base);
            }
        }
    }

    #[test]
    fn cpython_cache_counts() {
        use Opcode::*;
        let expect = [
            (LOAD_GLOBAL, 5),
            (LOAD_ATTR, 4),
            (LOAD_METHOD, 10),
            (STORE_ATTR, 4),
            (BINARY_SUBSCR, 4),
            (STORE_SUBSCR, 1),
            (UNPACK_SEQUENCE, 1),
            (COMPARE_OP, 2),
            (BINARY_OP, 1),
            (PRECALL, 1),
            (CALL, 4),
            (LOAD_FAST, 0),
        ];
        for (op, n) in expect {
            assert_eq!(op.cache_entries(), n, "{}", op.name());
        }
    }

    #[test]
    fn classification() {
        use Opcode::*;
        assert!(!POP_EXCEPT.has_arg());
        assert!(STORE_NAME.has_arg());
        assert!(BINARY_OP_ADD_INT.has_arg());
        assert!(!BINARY_SUBSCR_DICT.has_arg());
        assert!(JUMP_BACKWARD.is_backward_jump() && !JUMP_BACKWARD.is_forward_jump());
        assert!(FOR_ITER_RANGE.is_forward_jump());
        assert!(LOAD_GLOBAL_MODULE.has_name());
        assert!(KW_NAMES.has_const());
        assert!(LOAD_CLASSDEREF.has_free());
        assert_eq!(
            PRECALL.stack_effect(2, false) + CALL.stack_effect(2, false),
            -3
        );
        assert_eq!(MAKE_FUNCTION.stack_effect(0b1011, false), -3);
        assert_eq!(UNPACK_EX.stack_effect(1 | (2 << 8), false), 3);
        assert_eq!(FOR_ITER.stack_effect(0, true), -1);
        assert_eq!(LOAD_GLOBAL.stack_effect(1, false), 2);
    }
}
