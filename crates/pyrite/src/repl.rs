//! The interactive prompt (CPython's PyRun_InteractiveLoop): `>>> ` and
//! `... ` from sys.ps1/sys.ps2, one statement at a time compiled in
//! "single" mode so expression values go through sys.displayhook (and into
//! `_`), tracebacks printed without leaving the loop.
//!
//! On a terminal (stdin and stdout both ttys) lines come from rustyline,
//! with line editing and history; otherwise (`-i` with piped input) from
//! `sys.stdin.readline()`, the prompts written to stderr as CPython does.

use rustyline::error::ReadlineError;
use vm::runtime::lifecycle::{InputState, Interpreter, SignalOutcome, StdinLine};

/// Run the prompt until end of input or SystemExit; returns the exit status.
pub fn run(interp: &Interpreter) -> i32 {
    interp.begin_interactive();
    let terminal = is_terminal(0) && is_terminal(1);
    if terminal {
        match rustyline::DefaultEditor::with_config(rustyline::Config::builder().auto_add_history(false).build()) {
            Ok(editor) => return run_terminal(interp, editor),
            // No usable terminal after all: read plainly.
            Err(_) => return run_plain(interp),
        }
    }
    run_plain(interp)
}

fn is_terminal(fd: i32) -> bool {
    use std::io::IsTerminal;
    match fd {
        0 => std::io::stdin().is_terminal(),
        _ => std::io::stdout().is_terminal(),
    }
}

/// What one step of the loop decided.
enum Step {
    /// Keep reading.
    Continue,
    /// End the session with this status.
    Exit(i32),
}

/// Add a line to the statement being typed and run the statement when it
/// is whole.
fn feed(interp: &Interpreter, buffer: &mut String, line: &str) -> Step {
    // A signal that arrived while the line was typed (a terminal rustyline
    // cannot put in raw mode delivers Ctrl-C as SIGINT) drops the input.
    match interp.handle_signals() {
        SignalOutcome::Nothing => {}
        SignalOutcome::Interrupted => {
            buffer.clear();
            return Step::Continue;
        }
        SignalOutcome::Exit(status) => return Step::Exit(status),
    }
    buffer.push_str(line);
    if !line.ends_with('\n') {
        buffer.push('\n');
    }
    // Blank lines and comments alone are no statement: the prompt comes back.
    if buffer.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
        buffer.clear();
        return Step::Continue;
    }
    if interp.input_state(buffer) == InputState::Incomplete {
        return Step::Continue;
    }
    let source = std::mem::take(buffer);
    match interp.run_interactive(&source) {
        Some(status) => Step::Exit(status),
        None => Step::Continue,
    }
}

fn run_terminal(interp: &Interpreter, mut editor: rustyline::DefaultEditor) -> i32 {
    let mut buffer = String::new();
    loop {
        let prompt = interp.prompt(!buffer.is_empty());
        match editor.readline(&prompt) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = editor.add_history_entry(line.as_str());
                }
                if let Step::Exit(status) = feed(interp, &mut buffer, &line) {
                    return status;
                }
            }
            Err(ReadlineError::Interrupted) => {
                // Ctrl-C cancels what was typed, as CPython's prompt does.
                buffer.clear();
                interp.write_stderr("KeyboardInterrupt\n");
            }
            Err(ReadlineError::Eof) => {
                println!();
                return 0;
            }
            Err(e) => {
                eprintln!("pyrite: cannot read the terminal: {e}");
                return 1;
            }
        }
    }
}

fn run_plain(interp: &Interpreter) -> i32 {
    let mut buffer = String::new();
    loop {
        let prompt = interp.prompt(!buffer.is_empty());
        let line = match interp.read_stdin_line(&prompt) {
            StdinLine::Line(line) => line,
            StdinLine::Eof => {
                interp.write_stderr("\n");
                return 0;
            }
            StdinLine::Failed => return 1,
        };
        if let Step::Exit(status) = feed(interp, &mut buffer, &line) {
            return status;
        }
    }
}
