//! Running source code and reporting uncaught exceptions (CPython's
//! Python/pythonrun.c and the display half of Python/traceback.c).

use std::collections::{HashMap, HashSet};

use crate::object::protocol;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::traceback::PyTraceback;
use crate::types::{dict, exceptions as exc, int, list, none, str as pystr, tuple};

/// Compile source bytes to a code object (`compile()`), raising
/// SyntaxError (and friends) as CPython does.
pub fn compile_source(ts: &ThreadState, source: &[u8], filename: &str, mode: &str, optimize: isize) -> PyResult<Value> {
    let m = match mode {
        "exec" => syntax::Mode::Module,
        "eval" => syntax::Mode::Expression,
        "single" => syntax::Mode::Interactive,
        _ => return Err(PyErr::value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let tree = syntax::parse_bytes(source, filename, m).map_err(syntax_error)?;
    let optimize = if optimize < 0 { ts.interp().config.optimize } else { optimize as u32 };
    let cm = match m {
        syntax::Mode::Module => compiler::Mode::Module,
        syntax::Mode::Expression => compiler::Mode::Expression,
        _ => compiler::Mode::Interactive,
    };
    let (code, warnings) = compiler::compile_with_warnings(&tree, filename, cm, optimize, 0).map_err(|e| match e {
        compiler::CompileError::Syntax(s) => syntax_error(s),
        compiler::CompileError::Recursion => PyErr::recursion_error("maximum recursion depth exceeded during compilation"),
        compiler::CompileError::Runtime(msg) => PyErr::runtime_error(msg),
    })?;
    for w in warnings {
        crate::runtime::warnings::warn_explicit(ts, &exc::SYNTAX_WARNING, &w.message, filename, w.lineno)?;
    }
    crate::types::code::new_code(code)
}

/// The Python exception for a parser/compiler SyntaxError.
pub fn syntax_error(e: syntax::SyntaxError) -> PyErr {
    use syntax::error::SyntaxErrorKind as K;
    let ty: &'static crate::object::typeobj::PyType = match e.kind {
        K::SyntaxError => &exc::SYNTAX_ERROR,
        K::IndentationError => &exc::INDENTATION_ERROR,
        K::TabError => &exc::TAB_ERROR,
        K::MemoryError => return PyErr::no_memory(),
        K::RecursionError => return PyErr::recursion_error(e.msg),
    };
    if !e.located {
        return PyErr::new(ty, e.msg);
    }
    let opt = |n: u32| int::from_i64(n as i64);
    let info = tuple::new_tuple(vec![
        pystr::new_str(&e.filename),
        opt(e.lineno),
        opt(e.offset),
        e.text.as_deref().map(pystr::new_str).unwrap_or_else(none::none),
        opt(e.end_lineno),
        opt(e.end_offset),
    ])
    .unwrap_or_else(|_| none::none());
    PyErr::with_args(ty, vec![pystr::new_str(&e.msg), info])
}

/// The process exit status for an uncaught SystemExit (and prints its
/// message when it is not an int), as CPython's handle_system_exit.
pub fn system_exit_status(ts: &ThreadState, e: &Value) -> i32 {
    let code = e.downcast::<exc::PyBaseException>().and_then(|b| b.field(0)).unwrap_or_else(none::none);
    if none::is_none(&code) {
        return 0;
    }
    if let Some(i) = int::as_int(&code) {
        return match i.to_i64() {
            Some(n) => n as i32,
            None => -1,
        };
    }
    let text = protocol::str_string(ts, &code).unwrap_or_default();
    crate::modules::sys::write_stderr(ts, &format!("{text}\n"));
    1
}

/// Print an uncaught exception through `sys.excepthook` (falling back to
/// the builtin display).
pub fn report_exception(ts: &ThreadState, e: &Value) {
    if let Some(hook) = crate::modules::sys::sys_attr(ts, "excepthook") {
        let tb = exc::traceback_of(e).unwrap_or_else(none::none);
        match protocol::call(ts, &hook, &[e.type_of().to_value(), e.clone(), tb], None) {
            Ok(_) => return,
            Err(err) => {
                crate::modules::sys::write_stderr(ts, "Error in sys.excepthook:\n");
                print_exception(ts, err.value());
                crate::modules::sys::write_stderr(ts, "\nOriginal exception was:\n");
            }
        }
    } else {
        crate::modules::sys::write_stderr(ts, "sys.excepthook is missing\n");
    }
    print_exception(ts, e);
}

/// `sys.excepthook(type, value, tb)` (CPython's PyErr_Display): a
/// traceback given for an exception that has none is attached to it first.
pub fn display_exception(ts: &ThreadState, value: &Value, tb: &Value) {
    if exc::is_exception_instance(value)
        && tb.downcast::<PyTraceback>().is_some()
        && exc::traceback_of(value).is_none()
    {
        exc::set_traceback(value, Some(tb.clone()));
    }
    print_exception(ts, value);
}

/// The lines the default unraisable hook writes after its "Exception
/// ignored in" line: the traceback and "Type: message", no chain or notes
/// (CPython's write_unraisable_exc_file).
pub fn format_unraisable(ts: &ThreadState, e: &Value) -> String {
    let mut ctx = PrintContext::new(ts);
    if exc::traceback_of(e).is_some() {
        ctx.print_traceback(e);
    }
    let ty = e.type_of();
    let mut out = ctx.out;
    match type_text_attr(ts, ty, "__module__") {
        // No dot after "<unknown>" here, unlike the main display.
        None => out.push_str("<unknown>"),
        Some(m) if m == "builtins" || m == "__main__" => {}
        Some(m) => {
            out.push_str(&m);
            out.push('.');
        }
    }
    out.push_str(&type_text_attr(ts, ty, "__qualname__").unwrap_or_else(|| "<unknown>".to_string()));
    out.push_str(": ");
    match protocol::str(ts, e) {
        Ok(s) => out.push_str(&pystr::as_rust_str(&s)),
        Err(_) => out.push_str("<exception str() failed>"),
    }
    out.push('\n');
    out
}

/// CPython's default exception display, written to sys.stderr.
pub fn print_exception(ts: &ThreadState, e: &Value) {
    let text = format_exception(ts, e);
    crate::modules::sys::write_stderr(ts, &text);
    if let Some(err) = crate::modules::sys::get_stream(ts, "stderr") {
        let _ = protocol::call_method(ts, &err, "flush", &[]);
    }
}

/// The text CPython's default display prints for `e`: the chain of causes
/// and contexts, tracebacks, exception groups in their boxes, notes.
pub fn format_exception(ts: &ThreadState, e: &Value) -> String {
    let mut ctx = PrintContext::new(ts);
    ctx.print_recursive(e);
    ctx.out
}

#[derive(Default)]
struct SourceCache {
    files: HashMap<String, Option<Vec<String>>>,
}

impl SourceCache {
    fn line(&mut self, filename: &str, lineno: i32) -> Option<String> {
        // Names like <string> or <stdin> are not files.
        if lineno < 1 || (filename.starts_with('<') && filename.ends_with('>')) {
            return None;
        }
        let lines = self.files.entry(filename.to_string()).or_insert_with(|| {
            let bytes = std::fs::read(filename).ok()?;
            // Decoded as the file declares (PEP 263), as CPython reads it.
            let text = syntax::encoding::decode_source(&bytes)
                .unwrap_or_else(|_| String::from_utf8_lossy(&bytes).into_owned());
            Some(split_universal_lines(&text))
        });
        lines.as_ref()?.get(lineno as usize - 1).cloned()
    }
}

const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;
/// Chains and groups nested deeper than this are not printed (CPython
/// stops at its recursion limit; this keeps the native stack bounded).
const MAX_PRINT_NESTING: usize = 1000;
const CAUSE_MESSAGE: &str = "The above exception was the direct cause of the following exception:\n";
const CONTEXT_MESSAGE: &str = "During handling of the above exception, another exception occurred:\n";

/// The state of one display (CPython's exception_print_context).
struct PrintContext<'a> {
    ts: &'a ThreadState,
    out: String,
    /// Exceptions already shown, so cycles in the chain end.
    seen: HashSet<usize>,
    group_depth: usize,
    /// The closing line of a group box is still owed.
    need_close: bool,
    nesting: usize,
    cache: SourceCache,
}

impl<'a> PrintContext<'a> {
    fn new(ts: &'a ThreadState) -> PrintContext<'a> {
        PrintContext {
        ts,
        out: String::new(),
        seen: HashSet::new(),
        group_depth: 0,
        need_close: false,
        nesting: 0,
        cache: SourceCache::default(),
    }
    }

    fn indent(&self) -> String {
        " ".repeat(2 * self.group_depth)
    }

    fn margin(&self) -> &'static str {
        if self.group_depth > 0 {
            "| "
        } else {
            ""
        }
    }

    /// The indent and margin that start every line inside a group box.
    fn indented_margin(&self) -> String {
        self.indent() + self.margin()
    }

    fn print_recursive(&mut self, e: &Value) {
        if self.nesting >= MAX_PRINT_NESTING {
            return;
        }
        self.nesting += 1;
        if exc::is_exception_instance(e) {
            self.print_cause_and_context(e);
        }
        if e.type_of().is_subtype(&exc::BASE_EXCEPTION_GROUP_TYPE) {
            self.print_group(e);
        } else {
            self.print_one(e);
        }
        self.nesting -= 1;
    }

    fn print_cause_and_context(&mut self, e: &Value) {
        self.seen.insert(e.id());
        if let Some(cause) = exc::cause_of(e) {
            if !self.seen.contains(&cause.id()) {
                self.print_chained(&cause, CAUSE_MESSAGE);
            }
            return;
        }
        if exc::suppress_context(e) {
            return;
        }
        if let Some(ctx) = exc::context_of(e) {
            if !self.seen.contains(&ctx.id()) {
                self.print_chained(&ctx, CONTEXT_MESSAGE);
            }
        }
    }

    fn print_chained(&mut self, e: &Value, message: &str) {
        let need_close = self.need_close;
        self.print_recursive(e);
        self.need_close = need_close;
        let m = self.indented_margin();
        self.out.push_str(&format!("{m}\n{m}{message}{m}\n"));
    }

    /// One exception that is not a group: traceback, `Type: message`, notes.
    fn print_one(&mut self, e: &Value) {
        if !exc::is_exception_instance(e) {
            let text = format!(
                "TypeError: print_exception(): Exception expected for value, {} found\n",
                protocol::type_name(e)
            );
            self.out.push_str(&text);
            return;
        }
        self.print_traceback(e);
        let ts = self.ts;
        let m = self.indented_margin();
        // A SyntaxError shows its location, then its `msg` as the message.
        let syntax = syntax_error_parts(ts, e);
        let message = match &syntax {
            Some((head, msg)) => {
                self.out.push_str(&m);
                self.out.push_str(head);
                Ok(msg.clone())
            }
            None => protocol::str(ts, e),
        };
        self.out.push_str(&m);
        self.out.push_str(&exception_type_name(ts, e.type_of()));
        match message {
            Ok(s) => {
                let s = pystr::as_rust_str(&s).into_owned();
                if !s.is_empty() {
                    self.out.push_str(": ");
                    self.out.push_str(&s);
                }
            }
            Err(_) => self.out.push_str(": <exception str() failed>"),
        }
        if syntax.is_none() {
            if let Some(s) = offer_suggestions(ts, e) {
                self.out.push_str(&format!(". Did you mean: '{s}'?"));
            }
        }
        self.out.push('\n');
        self.print_notes(e);
    }

    fn print_traceback(&mut self, e: &Value) {
        let Some(tb) = exc::traceback_of(e) else { return };
        let limit = match crate::modules::sys::sys_attr(self.ts, "tracebacklimit") {
            Some(l) if int::is_int(&l) => match int::to_isize(&l) {
                Some(n) if n <= 0 => return,
                Some(n) => n as usize,
                // Too large for a machine integer: no limit.
                None if int::as_int(&l).is_some_and(|i| i.to_bigint().sign() == num_bigint::Sign::Minus) => return,
                None => usize::MAX,
            },
            _ => usize::MAX,
        };
        let is_group = e.type_of().is_subtype(&exc::BASE_EXCEPTION_GROUP_TYPE);
        let header = if is_group {
            "Exception Group Traceback (most recent call last):\n"
        } else {
            "Traceback (most recent call last):\n"
        };
        let header_margin = if is_group && self.group_depth == 1 { "+ " } else { self.margin() };
        self.out.push_str(&self.indent());
        self.out.push_str(header_margin);
        self.out.push_str(header);
        let m = self.indented_margin();
        format_tb(&tb, &mut self.out, &mut self.cache, &m, limit);
    }

    /// The `__notes__` lines (CPython's print_exception_notes).
    fn print_notes(&mut self, e: &Value) {
        let ts = self.ts;
        let Ok(Some(notes)) = protocol::lookup_attr(ts, e, &pystr::intern("__notes__")) else { return };
        let m = self.indented_margin();
        let is_sequence = pystr::as_pystr(&notes).is_none()
            && notes.type_of().data.slots.subscript.get().is_some()
            && dict::as_dict(&notes).is_none();
        if !is_sequence {
            // Printed without a newline, as CPython does.
            let r = protocol::repr_string(ts, &notes).unwrap_or_else(|_| "<__notes__ repr() failed>".into());
            self.out.push_str(&m);
            self.out.push_str(&r);
            return;
        }
        let Ok(items) = protocol::collect(ts, &notes) else { return };
        for note in items {
            match protocol::str(ts, &note) {
                Ok(s) => {
                    let text = pystr::as_rust_str(&s).into_owned();
                    for line in split_lines_keepends(&text) {
                        self.out.push_str(&m);
                        self.out.push_str(line);
                    }
                }
                Err(_) => self.out.push_str("<note str() failed>"),
            }
            self.out.push('\n');
        }
    }

    /// An exception group and its sub-exceptions, boxed.
    fn print_group(&mut self, e: &Value) {
        if self.group_depth > MAX_GROUP_DEPTH {
            let m = self.indented_margin();
            self.out.push_str(&format!("{m}... (max_group_depth is {MAX_GROUP_DEPTH})\n"));
            return;
        }
        if self.group_depth == 0 {
            self.group_depth += 1;
        }
        self.print_one(e);
        let excs = e
            .downcast::<exc::PyBaseException>()
            .and_then(|b| b.field(1))
            .map(|t| tuple::tuple_items(&t).to_vec())
            .unwrap_or_default();
        let num = excs.len();
        let n = if num <= MAX_GROUP_WIDTH { num } else { MAX_GROUP_WIDTH + 1 };
        self.need_close = false;
        #[allow(clippy::needless_range_loop)] // the index past the shown ones is the "..." entry
        for i in 0..n {
            let last = i == n - 1;
            if last {
                // A nested group may draw the closing line itself.
                self.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated { "...".to_string() } else { (i + 1).to_string() };
            let corner = if i == 0 { "+-" } else { "  " };
            let line = format!("{}{corner}+---------------- {title} ----------------\n", self.indent());
            self.out.push_str(&line);
            self.group_depth += 1;
            if truncated {
                let remaining = num - MAX_GROUP_WIDTH;
                let m = self.indented_margin();
                let plural = if remaining > 1 { "s" } else { "" };
                self.out.push_str(&format!("{m}and {remaining} more exception{plural}\n"));
            } else {
                self.print_recursive(&excs[i]);
            }
            if last && self.need_close {
                let line = format!("{}+------------------------------------\n", self.indent());
                self.out.push_str(&line);
                self.need_close = false;
            }
            self.group_depth -= 1;
        }
        if self.group_depth == 1 {
            self.group_depth = 0;
        }
    }
}

/// A type's attribute when it is a string (`__module__`, `__qualname__`).
fn type_text_attr(ts: &ThreadState, ty: &crate::object::typeobj::PyType, name: &str) -> Option<String> {
    let v = protocol::getattr_str(ts, &ty.to_value(), name).ok()?;
    pystr::as_pystr(&v)?;
    Some(pystr::as_rust_str(&v).into_owned())
}

/// `module.qualname` of an exception type, the module left out for
/// builtins and __main__, "<unknown>" for what is not a string.
fn exception_type_name(ts: &ThreadState, ty: &crate::object::typeobj::PyType) -> String {
    let qual = type_text_attr(ts, ty, "__qualname__").unwrap_or_else(|| "<unknown>".to_string());
    match type_text_attr(ts, ty, "__module__") {
        None => format!("<unknown>.{qual}"),
        Some(m) if m == "builtins" || m == "__main__" => qual,
        Some(m) => format!("{m}.{qual}"),
    }
}

/// The lines of a source file read with universal newlines ("\n", "\r\n"
/// or "\r" end a line), without their line ends.
fn split_universal_lines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    let mut it = text.chars().peekable();
    while let Some(c) = it.next() {
        match c {
            '\n' => lines.push(std::mem::take(&mut cur)),
            '\r' => {
                if it.peek() == Some(&'\n') {
                    it.next();
                }
                lines.push(std::mem::take(&mut cur));
            }
            _ => cur.push(c),
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// `str.splitlines(keepends=True)`.
fn split_lines_keepends(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let is_break = matches!(
            c,
            '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}'
        );
        if !is_break {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(j, '\n')) = chars.peek() {
                end = j + 1;
                chars.next();
            }
        }
        lines.push(&text[start..end]);
        start = end;
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}

const TB_RECURSIVE_CUTOFF: usize = 3;

/// The entries of a traceback (the last `limit` of them), each line
/// prefixed by `margin`; runs of the same line are folded.
fn format_tb(tb: &Value, out: &mut String, cache: &mut SourceCache, margin: &str, limit: usize) {
    let next_of = |t: &Value| t.downcast::<PyTraceback>().and_then(|t| t.next.borrow().clone());
    let mut depth = 0usize;
    let mut cur = Some(tb.clone());
    while let Some(t) = cur {
        depth += 1;
        cur = next_of(&t);
    }
    let mut cur = Some(tb.clone());
    while depth > limit {
        depth -= 1;
        cur = cur.and_then(|t| next_of(&t));
    }
    let mut last: Option<(String, i32, String)> = None;
    let mut count = 0usize;
    while let Some(t) = cur {
        let Some(tbo) = t.downcast::<PyTraceback>() else { break };
        let Some(fo) = tbo.frame.downcast::<crate::types::frame::PyFrameObject>() else { break };
        let Some(code) = fo.code().downcast::<crate::types::code::PyCode>() else { break };
        let filename = code.code.co_filename.clone();
        let name = code.code.co_name.clone();
        let lineno = tbo.lineno;
        let key = (filename.clone(), lineno, name.clone());
        if last.as_ref() != Some(&key) {
            if count > TB_RECURSIVE_CUTOFF {
                push_repeated(out, count - TB_RECURSIVE_CUTOFF);
            }
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count <= TB_RECURSIVE_CUTOFF {
            out.push_str(&format!("{margin}  File \"{filename}\", line {lineno}, in {name}\n"));
            if let Some(line) = cache.line(&filename, lineno) {
                display_line(out, margin, &line, &code.code, (tbo.lasti / 2).max(0) as usize);
            }
        }
        cur = tbo.next.borrow().clone();
    }
    if count > TB_RECURSIVE_CUTOFF {
        push_repeated(out, count - TB_RECURSIVE_CUTOFF);
    }
}

/// CPython writes this line without the group margin.
fn push_repeated(out: &mut String, n: usize) {
    out.push_str(&format!("  [Previous line repeated {} more time{}]\n", n, if n > 1 { "s" } else { "" }));
}

fn byte_to_char_offset(line: &str, byte: usize) -> usize {
    let b = byte.min(line.len());
    String::from_utf8_lossy(&line.as_bytes()[..b]).chars().count()
}

/// Columns a character takes on a terminal: East Asian wide and
/// fullwidth characters take two.
fn display_width(c: char) -> usize {
    match crate::stringlib::unicode::east_asian_width(c as u32) {
        "W" | "F" => 2,
        _ => 1,
    }
}

fn is_ws(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\x0c'
}

/// The source line and, when it helps, the caret line under the failing
/// expression (CPython 3.11's tb_displayline).
fn display_line(out: &mut String, margin: &str, raw: &str, code: &compiler::code::CodeObject, index: usize) {
    // The line keeps its trailing blanks, as CPython shows it.
    let line = raw;
    let truncation = line.chars().take_while(|c| is_ws(*c)).count();
    let shown: String = line.chars().skip(truncation).collect::<String>();
    out.push_str(&format!("{margin}    {shown}\n"));
    let loc = code.location_of(index);
    if loc.lineno < 0 || loc.end_lineno < 0 || loc.col < 0 || loc.end_col < 0 {
        return;
    }
    let start = byte_to_char_offset(line, loc.col as usize);
    let mut end = byte_to_char_offset(line, loc.end_col as usize);
    let chars: Vec<char> = line.chars().collect();
    let mut anchors: Option<(usize, usize)> = None;
    let (mut primary, mut secondary) = ('^', '^');
    if loc.lineno == loc.end_lineno {
        let lo = start.min(chars.len());
        let segment: String = chars[lo..end.min(chars.len()).max(lo)].iter().collect();
        if let Some((l, r)) = binop_or_subscript_anchors(&segment) {
            anchors = Some((l + start, r + start));
            primary = '~';
            secondary = '^';
        }
    } else {
        // Multi-line: highlight to the last non-blank character of the
        // line. CPython scans the UTF-8 bytes from the character count.
        let bytes = line.as_bytes();
        end = (0..chars.len().min(bytes.len()))
            .rev()
            .find(|&i| !matches!(bytes[i], b' ' | b'\t' | b'\x0c'))
            .map_or(0, |i| i + 1);
    }
    let stripped_len = chars.len().saturating_sub(truncation);
    if end.saturating_sub(start) == stripped_len && anchors.is_none() {
        return;
    }
    let mut carets = String::new();
    let mut offset = truncation;
    while offset < end {
        offset += 1;
        let c = if offset <= start {
            ' '
        } else if let Some((l, r)) = anchors {
            if l < offset && offset <= r {
                secondary
            } else {
                primary
            }
        } else {
            primary
        };
        // Wide characters take two columns: so do their marks.
        let width = chars.get(offset - 1).map_or(1, |ch| display_width(*ch));
        for _ in 0..width {
            carets.push(c);
        }
    }
    out.push_str(&format!("{margin}    {carets}\n"));
}

/// Anchors inside a one-line segment: the operator of a binary operation
/// or the brackets of a subscript (CPython's extract_anchors_from_expr).
fn binop_or_subscript_anchors(segment: &str) -> Option<(usize, usize)> {
    use syntax::ast::{ExprKind, Mod, StmtKind};
    let tree = syntax::parse_str(segment, "<string>", syntax::Mode::Module).ok()?;
    let Mod::Module { body, .. } = tree else { return None };
    if body.len() != 1 {
        return None;
    }
    let StmtKind::Expr { value } = &body[0].kind else { return None };
    let bytes = segment.as_bytes();
    let (l, r) = match &value.kind {
        ExprKind::BinOp { left, right, .. } => {
            let mut found = None;
            let from = left.loc.end_col_offset as usize;
            let to = right.loc.col_offset as usize;
            let mut i = from;
            while i < to.min(bytes.len()) {
                let c = bytes[i];
                if c == b' ' || c == b'\t' || c == b'\x0c' || c == b'(' || c == b')' || c == b'\\' || c == b'\n' {
                    i += 1;
                    continue;
                }
                let mut r = i + 1;
                if r < to && !(bytes[r] == b' ' || bytes[r] == b'\t' || bytes[r] == b'\x0c') {
                    r += 1;
                }
                found = Some((i, r));
                break;
            }
            found?
        }
        ExprKind::Subscript { value: v, slice, .. } => {
            // From the end of the value to its '[', and from the end of the
            // slice through its ']'.
            let mut l = v.loc.end_col_offset as usize;
            let mut r = slice.loc.end_col_offset as usize + 1;
            while l < bytes.len() && bytes[l] != b'[' {
                l += 1;
            }
            while r < bytes.len() && bytes[r] != b']' {
                r += 1;
            }
            if r < bytes.len() {
                r += 1;
            }
            (l, r)
        }
        _ => return None,
    };
    Some((byte_to_char_offset(segment, l), byte_to_char_offset(segment, r)))
}

/// For a SyntaxError whose location can be read: the location lines (the
/// first to be prefixed by the group margin, the source and caret lines
/// not, as in CPython) and the `msg` shown as its message.
fn syntax_error_parts(ts: &ThreadState, e: &Value) -> Option<(String, Value)> {
    if !e.type_of().is_subtype(&exc::SYNTAX_ERROR) {
        return None;
    }
    let b = e.downcast::<exc::PyBaseException>()?;
    let msg = b.field(0)?;
    let lineno = b.field(2).filter(int::is_int).and_then(|v| int::to_isize(&v))?;
    let filename = match b.field(1) {
        None => "<string>".to_string(),
        Some(f) if none::is_none(&f) => "<string>".to_string(),
        Some(f) => protocol::str_string(ts, &f).ok()?,
    };
    let num = |i: usize| -> Option<u32> {
        match b.field(i) {
            None => Some(0),
            Some(v) if none::is_none(&v) => Some(0),
            Some(v) => int::to_isize(&v).map(|n| n.clamp(0, u32::MAX as isize) as u32),
        }
    };
    let text = match b.field(4) {
        None => None,
        Some(t) if none::is_none(&t) => None,
        Some(t) if pystr::as_pystr(&t).is_some() => Some(pystr::as_rust_str(&t).into_owned()),
        Some(_) => return None,
    };
    let kind = if e.type_of().is_subtype(&exc::TAB_ERROR) {
        syntax::error::SyntaxErrorKind::TabError
    } else if e.type_of().is_subtype(&exc::INDENTATION_ERROR) {
        syntax::error::SyntaxErrorKind::IndentationError
    } else {
        syntax::error::SyntaxErrorKind::SyntaxError
    };
    let mut se = syntax::SyntaxError::new(kind, String::new());
    se.filename = filename;
    se.lineno = lineno.clamp(0, u32::MAX as isize) as u32;
    se.offset = num(3)?;
    se.text = text;
    // Only SyntaxError itself underlines a range; subclasses get one caret.
    if std::ptr::eq(e.type_of(), &exc::SYNTAX_ERROR) {
        se.end_lineno = num(5)?;
        se.end_offset = num(6)?;
    }
    se.located = true;
    let full = se.traceback_text();
    // Drop the final "Kind" line: the caller writes the message line.
    let body = full.strip_suffix('\n').unwrap_or(&full);
    let head = match body.rfind('\n') {
        Some(i) => body[..=i].to_string(),
        None => String::new(),
    };
    let msg = protocol::str(ts, &msg).ok()?;
    Some((head, msg))
}

// --- "Did you mean" suggestions (CPython's Python/suggestions.c) ------------

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// The close name to suggest for an AttributeError or NameError (exactly
/// those types, not subclasses), as CPython 3.11's display does.
fn offer_suggestions(ts: &ThreadState, e: &Value) -> Option<String> {
    let ty = e.type_of();
    let b = e.downcast::<exc::PyBaseException>()?;
    let name = b.field(0).filter(|n| std::ptr::eq(n.type_of(), &pystr::STR_TYPE))?;
    let name = pystr::as_rust_str(&name).into_owned();
    if std::ptr::eq(ty, &exc::ATTRIBUTE_ERROR) {
        let obj = b.field(1)?;
        let names = object_dir(ts, &obj).ok()?;
        return calculate_suggestions(&names, &name);
    }
    if !std::ptr::eq(ty, &exc::NAME_ERROR) {
        return None;
    }
    // The innermost frame of the traceback is where the name was looked up.
    let mut tb = exc::traceback_of(e)?;
    while let Some(next) = tb.downcast::<PyTraceback>().and_then(|t| t.next.borrow().clone()) {
        tb = next;
    }
    let frame = tb.downcast::<PyTraceback>()?.frame.clone();
    let fo = frame.downcast::<crate::types::frame::PyFrameObject>()?;
    let code = fo.code().downcast::<crate::types::code::PyCode>()?;
    let varnames: Vec<Value> = code.code.co_varnames().iter().map(|n| pystr::new_str(n)).collect();
    if let Some(s) = calculate_suggestions(&varnames, &name) {
        return Some(s);
    }
    let globals = protocol::collect(ts, fo.globals()).ok()?;
    if let Some(s) = calculate_suggestions(&globals, &name) {
        return Some(s);
    }
    let builtins = protocol::getattr_str(ts, &frame, "f_builtins").ok()?;
    let builtins = protocol::collect(ts, &builtins).ok()?;
    calculate_suggestions(&builtins, &name)
}

/// `dir(obj)`: `type(obj).__dir__(obj)`, sorted.
fn object_dir(ts: &ThreadState, obj: &Value) -> PyResult<Vec<Value>> {
    let d = obj
        .type_of()
        .data
        .lookup_str("__dir__")
        .ok_or_else(|| PyErr::type_error("object does not provide __dir__"))?;
    let bound = protocol::bind_descriptor(ts, &d, obj)?;
    let r = protocol::call(ts, &bound, &[], None)?;
    let mut names = protocol::collect(ts, &r)?;
    list::sort_values(ts, &mut names, None, false)?;
    Ok(names)
}

/// The candidate nearest to `name`, if near enough; none at all when the
/// list is long or holds a non-string.
fn calculate_suggestions(candidates: &[Value], name: &str) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut texts = Vec::with_capacity(candidates.len());
    for c in candidates {
        pystr::as_pystr(c)?;
        texts.push(pystr::as_rust_str(c).into_owned());
    }
    suggest_among(texts.iter().map(|s| s.as_str()), name).map(str::to_string)
}

fn suggest_among<'a>(candidates: impl Iterator<Item = &'a str>, name: &str) -> Option<&'a str> {
    let mut best: Option<(&str, usize)> = None;
    for item in candidates {
        if item == name {
            continue;
        }
        // No more than a third of the characters involved may change.
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            // Only a strictly better match replaces the current one.
            if d == 0 {
                continue;
            }
            max_distance = max_distance.min(d - 1);
        }
        let distance = levenshtein_distance(name.as_bytes(), item.as_bytes(), max_distance);
        if distance > max_distance {
            continue;
        }
        if best.is_none_or(|(_, d)| distance < d) {
            best = Some((item, distance));
        }
    }
    best.map(|(s, _)| s)
}

/// The cost of replacing byte `a` by `b`: free when equal, cheap when
/// they differ only in ASCII case.
fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// Weighted Levenshtein distance over UTF-8 bytes; any value above
/// `max_cost` means "too far".
fn levenshtein_distance<'a>(mut a: &'a [u8], mut b: &'a [u8], max_cost: usize) -> usize {
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the distance matrix, updated in place.
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = row[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggest<'a>(cands: &[&'a str], name: &str) -> Option<&'a str> {
        suggest_among(cands.iter().copied(), name)
    }

    #[test]
    fn suggestions_match_cpython() {
        // Expected values from python3.11's AttributeError hints (sys.__excepthook__).
        assert_eq!(suggest(&["sorted", "sum", "set"], "sortd"), Some("sorted"));
        assert_eq!(suggest(&["counter_value", "print"], "counter_valu"), Some("counter_value"));
        assert_eq!(suggest(&["horizontal", "vertical"], "horizontl"), Some("horizontal"));
        assert_eq!(suggest(&["abc"], "xyz"), None);
        assert_eq!(suggest(&["Foo"], "foo"), Some("Foo"));
        assert_eq!(suggest(&["ab", "ba"], "aa"), Some("ab"));
        assert_eq!(suggest(&["x"], "y"), None);
        assert_eq!(suggest(&["blech", "blah"], "bluch"), Some("blech"));
        let long_a = "a".repeat(45) + "b";
        let long_b = "c".repeat(45) + "b";
        assert_eq!(suggest(&[long_b.as_str()], &long_a), None);
        let a41 = "a".repeat(41);
        let a40b = "a".repeat(40) + "b";
        assert_eq!(suggest(&[a41.as_str()], &a40b), Some(a41.as_str()));
        assert_eq!(suggest(&["xyzw"], "xy"), None);
        assert_eq!(suggest(&["abcdef"], "abcdfe"), Some("abcdef"));
    }

    #[test]
    fn levenshtein_costs() {
        assert_eq!(levenshtein_distance(b"abc", b"abc", 10), 0);
        assert_eq!(levenshtein_distance(b"abc", b"Abc", 10), 1);
        assert_eq!(levenshtein_distance(b"abc", b"abd", 10), 2);
        assert_eq!(levenshtein_distance(b"abc", b"ab", 10), 2);
        assert_eq!(levenshtein_distance(b"kitten", b"sitting", 100), 6);
        assert_eq!(levenshtein_distance(b"kitten", b"sitting", 3), 4);
    }

    #[test]
    fn splitlines_keeps_ends() {
        assert_eq!(split_lines_keepends("a\nb"), vec!["a\n", "b"]);
        assert_eq!(split_lines_keepends("c\n"), vec!["c\n"]);
        assert_eq!(split_lines_keepends(""), Vec::<&str>::new());
        assert_eq!(split_lines_keepends("x\r\ny\rz"), vec!["x\r\n", "y\r", "z"]);
        assert_eq!(split_universal_lines("a\r\nb\rc\n\nd"), vec!["a", "b", "c", "", "d"]);
    }
}
