//! Running source code and reporting uncaught exceptions (CPython's
//! Python/pythonrun.c and the display half of Python/traceback.c).

use std::collections::HashMap;

use crate::object::protocol;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
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
    let optimize = if optimize < 0 { ts.interp().config.optimize as u32 } else { optimize as u32 };
    let cm = match m {
        syntax::Mode::Module => compiler::Mode::Module,
        syntax::Mode::Expression => compiler::Mode::Expression,
        _ => compiler::Mode::Interactive,
    };
    let code = compiler::compile(&tree, filename, cm, optimize).map_err(|e| match e {
        compiler::CompileError::Syntax(s) => syntax_error(s),
        compiler::CompileError::Recursion => PyErr::recursion_error("maximum recursion depth exceeded during compilation"),
        compiler::CompileError::Runtime(msg) => PyErr::runtime_error(msg),
    })?;
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
    }
    print_exception(ts, e);
}

/// CPython's default exception display, written to sys.stderr.
pub fn print_exception(ts: &ThreadState, e: &Value) {
    let mut out = String::new();
    let mut seen = Vec::new();
    let mut cache = SourceCache::default();
    format_chain(ts, e, &mut out, &mut seen, &mut cache);
    crate::modules::sys::write_stderr(ts, &out);
    if let Some(err) = crate::modules::sys::get_stream(ts, "stderr") {
        let _ = protocol::call_method(ts, &err, "flush", &[]);
    }
}

#[derive(Default)]
struct SourceCache {
    files: HashMap<String, Option<Vec<String>>>,
}

impl SourceCache {
    fn line(&mut self, filename: &str, lineno: i32) -> Option<String> {
        if lineno < 1 {
            return None;
        }
        let lines = self.files.entry(filename.to_string()).or_insert_with(|| {
            let bytes = std::fs::read(filename).ok()?;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            Some(text.split_inclusive('\n').map(|l| l.to_string()).collect())
        });
        lines.as_ref()?.get(lineno as usize - 1).cloned()
    }
}

fn format_chain(ts: &ThreadState, e: &Value, out: &mut String, seen: &mut Vec<usize>, cache: &mut SourceCache) {
    seen.push(e.id());
    if let Some(cause) = exc::cause_of(e) {
        if !seen.contains(&cause.id()) {
            format_chain(ts, &cause, out, seen, cache);
            out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
        }
    } else if let Some(ctx) = exc::context_of(e) {
        if !exc::suppress_context(e) && !seen.contains(&ctx.id()) {
            format_chain(ts, &ctx, out, seen, cache);
            out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    if e.type_of().is_subtype(&exc::BASE_EXCEPTION_GROUP_TYPE) {
        format_group(ts, e, out, cache, 0, "");
        return;
    }
    if let Some(tb) = exc::traceback_of(e) {
        out.push_str("Traceback (most recent call last):\n");
        format_tb(&tb, out, cache, "");
    }
    format_exception_only(ts, e, out, "");
}

const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

/// An exception group drawn with its box, as CPython 3.11 does.
fn format_group(ts: &ThreadState, e: &Value, out: &mut String, cache: &mut SourceCache, depth: usize, _unused: &str) {
    let margin = |out: &mut String, first: bool| {
        if depth == 0 {
            out.push_str(if first { "  + " } else { "  | " });
        }
    };
    let _ = margin;
    let mut body = String::new();
    if let Some(tb) = exc::traceback_of(e) {
        body.push_str("Exception Group Traceback (most recent call last):\n");
        format_tb(&tb, &mut body, cache, "");
    }
    format_exception_only(ts, e, &mut body, "");
    let prefix_first = if depth == 0 { "  + " } else { "+ " };
    let prefix = if depth == 0 { "  | " } else { "| " };
    let indent = if depth == 0 { "" } else { "    " };
    let _ = indent;
    for (i, line) in body.lines().enumerate() {
        out.push_str(if i == 0 { prefix_first } else { prefix });
        out.push_str(line);
        out.push('\n');
    }
    let excs = e.downcast::<exc::PyBaseException>().and_then(|b| b.field(1)).map(|t| tuple::tuple_items(&t).to_vec()).unwrap_or_default();
    let n = excs.len();
    let shown = n.min(MAX_GROUP_WIDTH);
    let base = if depth == 0 { "  " } else { "" };
    for (i, sub) in excs.iter().take(shown).enumerate() {
        let label = format!("{}", i + 1);
        if i == 0 {
            out.push_str(&format!("{base}+-+---------------- {label} ----------------\n"));
        } else {
            out.push_str(&format!("{base}  +---------------- {label} ----------------\n"));
        }
        let mut sub_out = String::new();
        if depth + 1 > MAX_GROUP_DEPTH {
            sub_out.push_str(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"));
        } else if sub.type_of().is_subtype(&exc::BASE_EXCEPTION_GROUP_TYPE) {
            let mut seen = vec![sub.id()];
            chain_prefix(ts, sub, &mut sub_out, &mut seen, cache);
            format_group(ts, sub, &mut sub_out, cache, depth + 1, "");
        } else {
            let mut seen = Vec::new();
            format_chain(ts, sub, &mut sub_out, &mut seen, cache);
        }
        for line in sub_out.lines() {
            let line_prefix = if line.starts_with('+') || line.starts_with("  +") { "    " } else { "    | " };
            if line.starts_with('+') || line.starts_with('|') {
                out.push_str(&format!("{base}  {line}\n"));
            } else {
                out.push_str(&format!("{base}{line_prefix}{line}\n"));
            }
        }
        if i + 1 == shown {
            if n > MAX_GROUP_WIDTH {
                out.push_str(&format!("{base}  +---------------- ... ----------------\n"));
                let more = n - MAX_GROUP_WIDTH;
                out.push_str(&format!(
                    "{base}    | and {} more exception{}\n",
                    more,
                    if more == 1 { "" } else { "s" }
                ));
            }
            out.push_str(&format!("{base}  +------------------------------------\n"));
        }
    }
}

/// The causes/contexts printed before a nested group.
fn chain_prefix(ts: &ThreadState, e: &Value, out: &mut String, seen: &mut Vec<usize>, cache: &mut SourceCache) {
    if let Some(cause) = exc::cause_of(e) {
        if !seen.contains(&cause.id()) {
            format_chain(ts, &cause, out, seen, cache);
            out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
        }
    } else if let Some(ctx) = exc::context_of(e) {
        if !exc::suppress_context(e) && !seen.contains(&ctx.id()) {
            format_chain(ts, &ctx, out, seen, cache);
            out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
}

const TB_RECURSIVE_CUTOFF: usize = 3;

fn format_tb(tb: &Value, out: &mut String, cache: &mut SourceCache, margin: &str) {
    let mut cur = Some(tb.clone());
    let mut last: Option<(String, i32, String)> = None;
    let mut count = 0usize;
    while let Some(t) = cur {
        let Some(tbo) = t.downcast::<crate::types::traceback::PyTraceback>() else { break };
        let Some(fo) = tbo.frame.downcast::<crate::types::frame::PyFrameObject>() else { break };
        let Some(code) = fo.code().downcast::<crate::types::code::PyCode>() else { break };
        let filename = code.code.co_filename.clone();
        let name = code.code.co_name.clone();
        let lineno = tbo.lineno;
        let key = (filename.clone(), lineno, name.clone());
        if last.as_ref() == Some(&key) {
            count += 1;
        } else {
            if count > TB_RECURSIVE_CUTOFF {
                push_repeated(out, margin, count - TB_RECURSIVE_CUTOFF);
            }
            last = Some(key);
            count = 1;
        }
        if count <= TB_RECURSIVE_CUTOFF {
            out.push_str(&format!("{margin}  File \"{filename}\", line {lineno}, in {name}\n"));
            if let Some(line) = cache.line(&filename, lineno) {
                display_line(out, margin, &line, &code.code, (tbo.lasti / 2).max(0) as usize);
            }
        }
        cur = tbo.next.borrow().clone();
    }
    if count > TB_RECURSIVE_CUTOFF {
        push_repeated(out, margin, count - TB_RECURSIVE_CUTOFF);
    }
}

fn push_repeated(out: &mut String, margin: &str, n: usize) {
    out.push_str(&format!(
        "{margin}  [Previous line repeated {} more time{}]\n",
        n,
        if n > 1 { "s" } else { "" }
    ));
}

fn byte_to_char_offset(line: &str, byte: usize) -> usize {
    let b = byte.min(line.len());
    String::from_utf8_lossy(&line.as_bytes()[..b]).chars().count()
}

fn is_ws(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\x0c'
}

/// The source line and, when it helps, the caret line under the failing
/// expression (CPython 3.11's tb_displayline).
fn display_line(out: &mut String, margin: &str, raw: &str, code: &compiler::code::CodeObject, index: usize) {
    let line = raw.trim_end_matches(['\n', '\r']);
    let truncation = line.chars().take_while(|c| is_ws(*c)).count();
    let shown: String = line.chars().skip(truncation).collect::<String>();
    let shown = shown.trim_end();
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
        let segment: String = chars[start.min(chars.len())..end.min(chars.len())].iter().collect();
        if let Some((l, r)) = binop_or_subscript_anchors(&segment) {
            anchors = Some((l + start, r + start));
            primary = '~';
            secondary = '^';
        }
    } else {
        // Multi-line: highlight to the last non-blank character of the line.
        end = chars.iter().rposition(|c| !c.is_whitespace()).map_or(0, |i| i + 1);
    }
    let stripped_len = chars.len().saturating_sub(truncation);
    let stripped_len = {
        let trailing = chars.iter().rev().take_while(|c| c.is_whitespace()).count();
        stripped_len.saturating_sub(trailing)
    };
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
        carets.push(c);
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
        ExprKind::Subscript { value: v, slice, .. } => (v.loc.end_col_offset as usize, slice.loc.end_col_offset as usize + 1),
        _ => return None,
    };
    Some((byte_to_char_offset(segment, l), byte_to_char_offset(segment, r)))
}

/// `Type: message` and the notes.
fn format_exception_only(ts: &ThreadState, e: &Value, out: &mut String, margin: &str) {
    let ty = e.type_of();
    if ty.is_subtype(&exc::SYNTAX_ERROR) {
        if let Some(text) = syntax_error_text(ts, e) {
            for line in text.lines() {
                out.push_str(margin);
                out.push_str(line);
                out.push('\n');
            }
            format_notes(ts, e, out, margin);
            return;
        }
    }
    let module = protocol::type_module_name(ty);
    let qual = protocol::type_qualname(ty);
    let name = if module == "builtins" || module == "__main__" { qual } else { format!("{module}.{qual}") };
    let msg = match protocol::str(ts, e) {
        Ok(s) => pystr::as_rust_str(&s).into_owned(),
        Err(_) => "<exception str() failed>".to_string(),
    };
    out.push_str(margin);
    out.push_str(&name);
    if !msg.is_empty() {
        out.push_str(": ");
        out.push_str(&msg);
    }
    out.push('\n');
    format_notes(ts, e, out, margin);
}

fn format_notes(ts: &ThreadState, e: &Value, out: &mut String, margin: &str) {
    let Some(b) = e.downcast::<exc::PyBaseException>() else { return };
    let Some(notes) = dict::dict_get_str(&b.dict(), &pystr::intern("__notes__")) else { return };
    if notes.downcast::<list::PyList>().is_none() && tuple::try_tuple_items(&notes).is_none() {
        let r = protocol::repr_string(ts, &notes).unwrap_or_else(|_| "<__notes__ repr() failed>".into());
        out.push_str(&format!("{margin}{r}\n"));
        return;
    }
    for n in protocol::collect(ts, &notes).unwrap_or_default() {
        let text = if pystr::as_pystr(&n).is_some() {
            pystr::as_rust_str(&n).into_owned()
        } else {
            protocol::str_string(ts, &n).unwrap_or_else(|_| "<note str() failed>".into())
        };
        for line in text.split('\n') {
            out.push_str(margin);
            out.push_str(line);
            out.push('\n');
        }
    }
}

/// A SyntaxError shown with its location, source line and carets.
fn syntax_error_text(ts: &ThreadState, e: &Value) -> Option<String> {
    let b = e.downcast::<exc::PyBaseException>()?;
    let msg = b.field(0).map(|m| protocol::str_string(ts, &m).unwrap_or_default())?;
    let filename = b.field(1).filter(|f| !none::is_none(f)).map(|f| pystr::as_rust_str(&f).into_owned());
    let num = |i: usize| b.field(i).and_then(|v| int::to_isize(&v)).unwrap_or(0).max(0) as u32;
    let kind = if e.type_of().is_subtype(&exc::TAB_ERROR) {
        syntax::error::SyntaxErrorKind::TabError
    } else if e.type_of().is_subtype(&exc::INDENTATION_ERROR) {
        syntax::error::SyntaxErrorKind::IndentationError
    } else {
        syntax::error::SyntaxErrorKind::SyntaxError
    };
    let text = b.field(4).filter(|t| !none::is_none(t)).map(|t| pystr::as_rust_str(&t).into_owned());
    let mut se = syntax::SyntaxError::new(kind, msg);
    se.filename = filename.clone().unwrap_or_else(|| "<string>".into());
    se.lineno = num(2);
    se.offset = num(3);
    se.text = text;
    se.end_lineno = num(5);
    se.end_offset = num(6);
    se.located = filename.is_some();
    let mut s = se.traceback_text();
    let ty = e.type_of();
    if !std::ptr::eq(ty, &exc::SYNTAX_ERROR) && !std::ptr::eq(ty, &exc::INDENTATION_ERROR) && !std::ptr::eq(ty, &exc::TAB_ERROR) {
        // A user subclass: print its own name.
        let name = protocol::type_qualname(ty);
        if let Some(pos) = s.rfind(kind.name()) {
            s.replace_range(pos..pos + kind.name().len(), &name);
        }
    }
    Some(s)
}
