//! Debugging aid: print the token stream of Python source files.
//!
//! `cargo run -p pyrite-syntax --example tokens -- FILE...` prints, for each
//! file, `F <path>`, then one `T <kind> <line> <col> <end line> <end col>`
//! line per token (byte columns) and, if tokenizing failed, `E <kind>
//! <line> <offset> <end line> <end offset> <message>` and `X <text>` (`X-`
//! when the error has no text; backslashes and newlines escaped), then
//! `U <line> <offset> <end line> <end offset> <message>` for
//! `Tokens::unclosed_bracket`.
//! `--time FILE...` only tokenizes and reports the total time.
//! `--decode FILE` prints the decoded source text.

use std::io::Write;
use std::time::Instant;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--decode") {
        // Print the decoded source (or the error) of one file.
        let raw = std::fs::read(&args[1]).unwrap_or_default();
        match syntax::encoding::decode_source_named(&raw, &args[1]) {
            Ok(text) => print!("{text}"),
            Err(e) => println!("ERROR {}", e.msg),
        }
        return;
    }
    let time_only = args.first().map(String::as_str) == Some("--time");
    if time_only {
        args.remove(0);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut total = std::time::Duration::ZERO;
    let (mut files, mut bytes, mut tokens) = (0usize, 0usize, 0usize);
    for path in &args {
        let Ok(raw) = std::fs::read(path) else {
            eprintln!("cannot read {path}");
            continue;
        };
        let t0 = Instant::now();
        let result = syntax::encoding::decode_source_named(&raw, path).map(|text| {
            // As CPython parses bytes.
            let columns = if syntax::encoding::declares_encoding(&raw) {
                syntax::tokenizer::ErrorColumns::Chars
            } else {
                syntax::tokenizer::ErrorColumns::Bytes
            };
            let toks = syntax::tokenizer::tokenize_with(&text, columns);
            (text, toks)
        });
        total += t0.elapsed();
        files += 1;
        bytes += raw.len();
        if time_only {
            if let Ok((_, t)) = &result {
                tokens += t.tokens.len();
            }
            continue;
        }
        let _ = writeln!(out, "F {path}");
        match result {
            Err(e) => print_error(&mut out, &e),
            Ok((_, toks)) => {
                for t in &toks.tokens {
                    let kind = match t.kind {
                        syntax::token::TokenKind::Keyword(_) => "Name".to_string(),
                        k => format!("{k:?}"),
                    };
                    let _ = writeln!(out, "T {kind} {} {} {} {}", t.start.line, t.start.col, t.end.line, t.end.col);
                }
                if let Some(e) = &toks.error {
                    print_error(&mut out, e);
                }
                if let Some(u) = &toks.unclosed_bracket {
                    let _ = writeln!(out, "U {} {} {} {} {}", u.lineno, u.offset, u.end_lineno, u.end_offset, u.msg);
                }
            }
        }
    }
    if time_only {
        let _ = writeln!(
            out,
            "{files} files, {bytes} bytes, {tokens} tokens in {:.3} s ({:.1} MB/s)",
            total.as_secs_f64(),
            bytes as f64 / total.as_secs_f64() / 1e6
        );
    }
}

fn print_error(out: &mut impl Write, e: &syntax::SyntaxError) {
    let _ = writeln!(
        out,
        "E {} {} {} {} {} {}",
        e.kind.name(),
        e.lineno,
        e.offset,
        e.end_lineno,
        e.end_offset,
        e.msg.replace('\n', "\\n")
    );
    match &e.text {
        Some(t) => {
            let _ = writeln!(out, "X {}", t.replace('\\', "\\\\").replace('\n', "\\n"));
        }
        None => {
            let _ = writeln!(out, "X-");
        }
    }
}
