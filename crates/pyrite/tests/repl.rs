//! The interactive prompt on a terminal, driven through a pseudo-terminal:
//! banner, `>>> ` and `... ` prompts, multi-line blocks, `_`, a traceback
//! that does not end the session, Ctrl-C (at the prompt and while code
//! waits) and Ctrl-D. What is expected is what python3's prompt shows.

use std::process::Command;

use rexpect::session::{spawn_command, PtySession};

/// Start `pyrite ARGS` on a pseudo-terminal with a clean environment.
fn start(args: &[&str]) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pyrite"));
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(k);
        }
    }
    cmd.env("PYTHONIOENCODING", "utf-8").env("TERM", "xterm").args(args);
    // A shell may leave SIGINT ignored in background jobs (CI): Ctrl-C must reach pyrite.
    // SAFETY: signal() is async-signal-safe, as pre_exec requires.
    unsafe {
        std::os::unix::process::CommandExt::pre_exec(&mut cmd, || {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            Ok(())
        });
    }
    spawn_command(cmd, Some(10_000)).expect("pyrite starts on a pty")
}

/// The process's exit status (None: killed by a signal or unknown).
fn exit_code(p: &mut PtySession) -> Option<i32> {
    match p.process().wait() {
        Ok(rexpect::process::WaitStatus::Exited(_, code)) => Some(code),
        _ => None,
    }
}

#[test]
fn banner_prompt_and_ctrl_d() {
    let mut p = start(&[]);
    p.exp_string("Python 3.11.7").expect("banner");
    p.exp_string("Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.").expect("hint");
    p.exp_string(">>> ").expect("first prompt");
    p.send_control('d').expect("Ctrl-D");
    p.exp_eof().expect("exits at end of input");
    assert_eq!(exit_code(&mut p), Some(0));
}

#[test]
fn expressions_blocks_underscore_and_tracebacks() {
    let mut p = start(&["-q"]);
    p.exp_string(">>> ").expect("prompt");
    p.send_line("6 * 7").expect("send");
    p.exp_string("42").expect("value shown through displayhook");
    p.exp_string(">>> ").expect("prompt");
    p.send_line("_ + 1").expect("send");
    p.exp_string("43").expect("_ holds the last value");
    p.exp_string(">>> ").expect("prompt");
    p.send_line("for i in range(3):").expect("send");
    p.exp_string("... ").expect("continuation prompt");
    p.send_line("    i * 10").expect("send");
    p.exp_string("... ").expect("block goes on until an empty line");
    p.send_line("").expect("send");
    p.exp_string("0").expect("first value");
    p.exp_string("10").expect("second value");
    p.exp_string("20").expect("third value");
    p.exp_string(">>> ").expect("prompt");
    p.send_line("1/0").expect("send");
    p.exp_string("Traceback (most recent call last):").expect("traceback");
    p.exp_string("File \"<stdin>\", line 1, in <module>").expect("frame");
    p.exp_string("ZeroDivisionError: division by zero").expect("error line");
    p.exp_string(">>> ").expect("the session goes on");
    p.send_line("_").expect("send");
    // The loop displayed 0, 10, 20: `_` is the last; the error left it alone.
    p.exp_string("20").expect("_ unchanged by the error");
    p.exp_string(">>> ").expect("prompt");
    p.send_line("exit()").expect("send");
    p.exp_eof().expect("exit() ends the session");
    assert_eq!(exit_code(&mut p), Some(0));
}

#[test]
fn ctrl_c_cancels_the_input_line() {
    let mut p = start(&["-q"]);
    p.exp_string(">>> ").expect("prompt");
    p.send_line("if True:").expect("send");
    p.exp_string("... ").expect("continuation prompt");
    p.send("    'half typed'").expect("send");
    p.flush().expect("flush");
    p.send_control('c').expect("Ctrl-C");
    p.exp_string("KeyboardInterrupt").expect("reported");
    p.exp_string(">>> ").expect("a fresh prompt, the block dropped");
    p.send_line("'after'").expect("send");
    p.exp_string("'after'").expect("value");
    p.exp_string(">>> ").expect("prompt");
    p.send_line("import sys; sys.exit(5)").expect("send");
    p.exp_eof().expect("SystemExit ends the session");
    assert_eq!(exit_code(&mut p), Some(5));
}

#[test]
fn ctrl_c_interrupts_running_code() {
    let mut p = start(&["-q"]);
    p.exp_string(">>> ").expect("prompt");
    p.send_line("import signal").expect("send");
    p.exp_string(">>> ").expect("prompt");
    p.send_line("signal.pause()").expect("send");
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.send_control('c').expect("Ctrl-C");
    p.exp_string("KeyboardInterrupt").expect("raised in the running code");
    p.exp_string(">>> ").expect("back at the prompt");
    p.send_line("'still here'").expect("send");
    p.exp_string("'still here'").expect("value");
    p.send_control('d').expect("Ctrl-D");
    p.exp_eof().expect("exits");
}

#[test]
fn inspect_after_command() {
    let mut p = start(&["-i", "-c", "x = 21"]);
    p.exp_string(">>> ").expect("prompt after the command, no banner");
    p.send_line("x * 2").expect("send");
    p.exp_string("42").expect("the command's globals");
    p.send_control('d').expect("Ctrl-D");
    p.exp_eof().expect("exits");
    assert_eq!(exit_code(&mut p), Some(0));
}

#[test]
fn interactive_hook_runs_before_the_prompt() {
    // A failing hook is reported and the prompt still starts; SystemExit from it ends the process.
    let mut p = start(&["-i", "-c", "import sys\ndef h():\n    print('hook ran')\n    1/0\nsys.__interactivehook__ = h"]);
    p.exp_string("hook ran").expect("the hook runs");
    p.exp_string("Failed calling sys.__interactivehook__").expect("failure reported");
    p.exp_string("ZeroDivisionError: division by zero").expect("its traceback");
    p.exp_string(">>> ").expect("prompt after the hook");
    p.send_control('d').expect("Ctrl-D");
    p.exp_eof().expect("exits");
    assert_eq!(exit_code(&mut p), Some(0));
    let mut p = start(&["-i", "-c", "import sys\ndef h(): raise SystemExit(3)\nsys.__interactivehook__ = h"]);
    p.exp_eof().expect("SystemExit from the hook ends the process");
    assert_eq!(exit_code(&mut p), Some(3));
}
