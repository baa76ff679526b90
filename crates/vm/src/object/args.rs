//! Argument parsing for native functions, with CPython's messages.

use super::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::types::{str as pystr, tuple};

/// Positional count of a vectorcall argument array.
pub fn npositional(args: &[Value], kwnames: Option<&Value>) -> usize {
    args.len() - kwnames.map_or(0, |k| tuple::tuple_items(k).len())
}

/// Reject keyword arguments: "f() takes no keyword arguments".
pub fn no_kwargs(fname: &str, kwnames: Option<&Value>) -> PyResult<()> {
    match kwnames {
        Some(k) if !tuple::tuple_items(k).is_empty() => {
            Err(PyErr::type_error(format!("{fname}() takes no keyword arguments")))
        }
        _ => Ok(()),
    }
}

/// Exactly `n` positional arguments, no keywords (METH_O and friends).
pub fn exact<'a>(fname: &str, args: &'a [Value], kwnames: Option<&Value>, n: usize) -> PyResult<&'a [Value]> {
    no_kwargs(fname, kwnames)?;
    if args.len() != n {
        return Err(if n == 1 {
            PyErr::type_error(format!("{fname}() takes exactly one argument ({} given)", args.len()))
        } else if n == 0 {
            PyErr::type_error(format!("{fname}() takes no arguments ({} given)", args.len()))
        } else {
            PyErr::type_error(format!("{fname} expected {n} arguments, got {}", args.len()))
        });
    }
    Ok(args)
}

/// Between `min` and `max` positional arguments, no keywords
/// (`_PyArg_CheckPositional`'s messages).
pub fn positional<'a>(fname: &str, args: &'a [Value], kwnames: Option<&Value>, min: usize, max: usize) -> PyResult<&'a [Value]> {
    no_kwargs(fname, kwnames)?;
    check_count(fname, args.len(), min, max)?;
    Ok(args)
}

fn check_count(fname: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n < min {
        let what = if min == max { "" } else { "at least " };
        return Err(PyErr::type_error(format!(
            "{fname} expected {what}{min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        )));
    }
    if n > max {
        let what = if min == max { "" } else { "at most " };
        return Err(PyErr::type_error(format!(
            "{fname} expected {what}{max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

/// Bind positional and keyword arguments to `names` (Argument Clinic
/// style): the first `posonly` are positional-only, the first `required`
/// must be given, names from `kwonly_from` on are keyword-only.
pub fn bind<const N: usize>(
    fname: &str,
    args: &[Value],
    kwnames: Option<&Value>,
    names: [&str; N],
    posonly: usize,
    required: usize,
    kwonly_from: usize,
) -> PyResult<[Option<Value>; N]> {
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    let npos = npositional(args, kwnames);
    let maxpos = kwonly_from.min(N);
    let nkw = args.len() - npos;
    if args.len() > N {
        // "keyword" when nargs == 0 avoids a misleading message (bpo-31229).
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most {N} {}argument{} ({} given)",
            if npos == 0 { "keyword " } else { "" },
            if N == 1 { "" } else { "s" },
            npos + nkw
        )));
    }
    if npos > maxpos {
        return Err(PyErr::type_error(if maxpos == 0 {
            format!("{fname}() takes no positional arguments")
        } else if required == maxpos {
            format!(
                "{fname}() takes exactly {maxpos} positional argument{} ({npos} given)",
                if maxpos == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{fname}() takes at most {maxpos} positional argument{} ({npos} given)",
                if maxpos == 1 { "" } else { "s" }
            )
        }));
    }
    for (i, a) in args[..npos].iter().enumerate() {
        out[i] = Some(a.clone());
    }
    if let Some(k) = kwnames {
        for (j, name) in tuple::tuple_items(k).iter().enumerate() {
            let name = pystr::as_rust_str(name);
            let value = &args[npos + j];
            match names.iter().position(|n| *n == name) {
                Some(i) if i >= posonly => {
                    if out[i].is_some() {
                        return Err(PyErr::type_error(format!(
                            "argument for {fname}() given by name ('{name}') and position ({})",
                            i + 1
                        )));
                    }
                    out[i] = Some(value.clone());
                }
                _ => {
                    return Err(PyErr::type_error(format!(
                        "'{name}' is an invalid keyword argument for {fname}()"
                    )))
                }
            }
        }
    }
    let minposonly = posonly.min(required);
    if npos < minposonly && out[npos..minposonly].iter().any(Option::is_none) {
        return Err(PyErr::type_error(format!(
            "{fname}() takes {} {minposonly} positional argument{} ({npos} given)",
            if minposonly < maxpos { "at least" } else { "exactly" },
            if minposonly == 1 { "" } else { "s" }
        )));
    }
    for (i, slot) in out.iter().enumerate().take(required) {
        if slot.is_none() {
            return Err(PyErr::type_error(if i < posonly {
                format!("{fname}() missing required argument '{}' (pos {})", names[i], i + 1)
            } else {
                format!("{fname}() missing required argument '{}' (pos {})", names[i], i + 1)
            }));
        }
    }
    Ok(out)
}
