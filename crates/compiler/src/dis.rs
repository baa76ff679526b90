//! Disassembly in the layout of CPython 3.11's `dis` module
//! (`python3 -m dis FILE`): line numbers, `>>` jump-target markers, byte
//! offsets, opcode names, arguments and their meaning, the exception
//! table, then each nested code object. Code object addresses are printed
//! as the fixed placeholder `0x0000` so the output is reproducible.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;

use crate::code::{CodeObject, ConstValue};
use crate::opcode::*;

/// One decoded instruction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instruction {
    pub opcode: Opcode,
    /// Byte offset of the instruction (after its EXTENDED_ARG prefixes).
    pub offset: u32,
    /// The full argument (EXTENDED_ARG prefixes applied), if the opcode takes one.
    pub arg: Option<u32>,
}

/// Decode `co_code`, skipping inline caches (EXTENDED_ARG units are kept,
/// as `dis` shows them).
pub fn instructions(code: &[u8]) -> Vec<Instruction> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut ext = 0u32;
    while i + 1 < code.len() {
        let Some(op) = Opcode::from_u8(code[i]) else {
            i += 2;
            continue;
        };
        let raw = code[i + 1] as u32;
        let arg = if op.has_arg() { Some(ext | raw) } else { None };
        ext = if op.deopt() == Opcode::EXTENDED_ARG {
            (ext | raw) << 8
        } else {
            0
        };
        out.push(Instruction {
            opcode: op,
            offset: i as u32,
            arg,
        });
        i += 2 + 2 * op.cache_entries();
    }
    out
}

fn jump_target(ins: &Instruction) -> Option<u32> {
    let arg = ins.arg? as i64;
    let op = ins.opcode;
    if !op.has_jump() {
        return None;
    }
    let signed = if op.is_backward_jump() { -arg } else { arg };
    let target = ins.offset as i64 + 2 + 2 * signed + 2 * op.cache_entries() as i64;
    u32::try_from(target).ok()
}

/// Disassemble one code object (not its nested code objects).
pub fn disassemble(code: &CodeObject, out: &mut String) {
    let mut linestarts: HashMap<u32, u32> = HashMap::new();
    let mut last = None;
    for (start, _end, line) in code.co_lines() {
        if let Some(l) = line {
            if Some(l) != last {
                last = Some(l);
                linestarts.insert(start, l);
            }
        }
    }
    let show_lineno = !linestarts.is_empty();
    let lineno_width = if show_lineno {
        let max = linestarts.values().max().copied().unwrap_or(0);
        if max >= 1000 {
            max.to_string().len()
        } else {
            3
        }
    } else {
        0
    };
    let maxoffset = code.co_code.len().saturating_sub(2);
    let offset_width = if maxoffset >= 10000 {
        maxoffset.to_string().len()
    } else {
        4
    };
    let instrs = instructions(&code.co_code);
    let entries = code.exception_entries();
    let mut labels: BTreeSet<u32> = instrs.iter().filter_map(jump_target).collect();
    for e in &entries {
        labels.insert(e.target * 2);
    }
    let varnames = &code.co_localsplusnames;
    for ins in &instrs {
        let starts_line = linestarts.get(&ins.offset).copied();
        if show_lineno && starts_line.is_some() && ins.offset > 0 {
            out.push('\n');
        }
        let mut fields: Vec<String> = Vec::new();
        if lineno_width > 0 {
            match starts_line {
                Some(l) => fields.push(format!("{l:>lineno_width$}")),
                None => fields.push(" ".repeat(lineno_width)),
            }
        }
        fields.push("   ".into());
        fields.push(if labels.contains(&ins.offset) {
            ">>".into()
        } else {
            "  ".into()
        });
        fields.push(format!("{:>offset_width$}", ins.offset));
        fields.push(format!("{:<20}", ins.opcode.name()));
        if let Some(arg) = ins.arg {
            fields.push(format!("{arg:>5}"));
            let argrepr = argrepr(code, ins, arg, varnames);
            if !argrepr.is_empty() {
                fields.push(format!("({argrepr})"));
            }
        }
        let line = fields.join(" ");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if !entries.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in entries {
            let lasti = if e.lasti { " lasti" } else { "" };
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start * 2,
                e.end * 2 - 2,
                e.target * 2,
                e.depth,
                lasti
            );
        }
    }
}

fn argrepr(code: &CodeObject, ins: &Instruction, arg: u32, varnames: &[String]) -> String {
    let op = ins.opcode.deopt();
    let name = |i: u32| code.co_names.get(i as usize).cloned().unwrap_or_default();
    if op == Opcode::LOAD_CONST {
        return code
            .co_consts
            .get(arg as usize)
            .map(ConstValue::repr)
            .unwrap_or_default();
    }
    if op.has_name() {
        if op == Opcode::LOAD_GLOBAL {
            let n = name(arg >> 1);
            return if arg & 1 != 0 && !n.is_empty() {
                format!("NULL + {n}")
            } else {
                n
            };
        }
        return name(arg);
    }
    if op.has_jump() {
        return jump_target(ins)
            .map(|t| format!("to {t}"))
            .unwrap_or_default();
    }
    if op.has_local() || op.has_free() {
        return varnames.get(arg as usize).cloned().unwrap_or_default();
    }
    match op {
        Opcode::COMPARE_OP => CMP_OPS
            .get(arg as usize)
            .map(|s| s.to_string())
            .unwrap_or_default(),
        Opcode::FORMAT_VALUE => {
            let conv = ["", "str", "repr", "ascii"][(arg & FVC_MASK) as usize];
            if arg & FVS_HAVE_SPEC != 0 {
                if conv.is_empty() {
                    "with format".into()
                } else {
                    format!("{conv}, with format")
                }
            } else {
                conv.into()
            }
        }
        Opcode::MAKE_FUNCTION => {
            let names = ["defaults", "kwdefaults", "annotations", "closure"];
            let parts: Vec<&str> = (0..4)
                .filter(|i| arg & (1 << i) != 0)
                .map(|i| names[i])
                .collect();
            parts.join(", ")
        }
        Opcode::BINARY_OP => NB_OPS
            .get(arg as usize)
            .map(|s| s.to_string())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// Disassemble a code object and, recursively, the code objects among its constants.
pub fn dis(code: &CodeObject) -> String {
    let mut out = String::new();
    dis_recursive(code, &mut out, 0);
    out
}

fn dis_recursive(code: &CodeObject, out: &mut String, depth: u32) {
    disassemble(code, out);
    if depth > 1000 {
        return;
    }
    for c in &code.co_consts {
        if let ConstValue::Code(inner) = c {
            out.push('\n');
            let _ = writeln!(out, "Disassembly of {}:", inner.repr());
            dis_recursive(inner, out, depth + 1);
        }
    }
}

/// Parse and compile a source file and disassemble it, as `python3 -m dis
/// FILE` does; the error is the text to print on failure.
pub fn dis_source(source: &[u8], filename: &str) -> Result<String, String> {
    let tree = syntax::parse_bytes(source, filename, syntax::Mode::Module)
        .map_err(|e| e.traceback_text())?;
    let code = crate::compile(&tree, filename, syntax::Mode::Module, 0).map_err(|e| match e {
        crate::CompileError::Syntax(e) => e.traceback_text(),
        other => format!("{}: {}\n", other.type_name(), other.message()),
    })?;
    Ok(dis(&code))
}
