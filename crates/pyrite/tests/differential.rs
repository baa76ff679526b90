//! Differential tests: every `.py` file under `tests/<suite>/` is run as
//! `pyrite --dump-ast tests/<suite>/case.py` from the repository root, and
//! its exit status, stdout and stderr are compared with `case.expected`,
//! which holds what CPython 3.11 printed for the same command
//! (`scripts/regen-expected` writes those files).
//!
//! Cases under `tests/run/` are whole programs, run as
//! `pyrite tests/run/AREA/case.py` with the oracle's environment (no
//! `PYTHON*` variable but `PYTHONIOENCODING=utf-8` and
//! `PYTHONDONTWRITEBYTECODE=1`) and standard input from `case.stdin` if it
//! exists; files named `_*.py` there are modules that cases import. Their
//! output has the repository's absolute path prefix removed, as the oracle's
//! has (CPython makes the script path absolute). Both interpreters get
//! `-s`; `case.args` (one argument a line, `{case}` for the case's path,
//! which otherwise comes last) replaces the bare path, and `case.env`
//! (`NAME=VALUE` lines) adds environment variables. A case
//! listed in `tests/run/KNOWN_FAILURES` (one path a line, `#` comments) is
//! expected to fail: its failure is counted as a known failure and does not
//! fail the run, but its passing does ("now passes"), so the list stays
//! honest; `scripts/regen-expected --known-failures` rewrites the list.
//!
//! A folder of `tests/` is a suite when it holds at least one `.expected`
//! file. All failures are reported at once, each with a readable diff, and
//! the run ends with `differential: N passed, N failed` (preceded by the
//! count of known failures).
//!
//! Arguments (after `--`) that do not start with `-` are substrings: only
//! cases whose path contains one of them run. `--show-known` prints the
//! diffs of known failures too; `--report-failing` prints a
//! `failing: CASE` line for every case that fails, listed or not.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{Read, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A case that runs longer than this is a hang (the slowest take milliseconds).
const TIMEOUT: Duration = Duration::from_secs(20);
/// Diff lines shown per stream of a failing case.
const MAX_DIFF_LINES: usize = 60;
/// Cases under this folder are programs run without `--dump-ast`.
const PROGRAM_SUITE: &str = "tests/run/";
/// The list of program cases expected to fail, relative to the repository root.
const KNOWN_FAILURES: &str = "tests/run/KNOWN_FAILURES";

fn main() -> ExitCode {
    if let Err(e) = self_check() {
        println!("differential harness self-check failed: {e}");
        return ExitCode::FAILURE;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let root = root.canonicalize().unwrap_or(root);
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_known = args.iter().any(|a| a == "--show-known");
    let report_failing = args.iter().any(|a| a == "--report-failing");
    let filters: Vec<String> = args.into_iter().filter(|a| !a.starts_with('-')).collect();
    let selected = |c: &str| filters.is_empty() || filters.iter().any(|f| c.contains(f.as_str()));

    let mut cases = Vec::new();
    for suite in suites(&root.join("tests")) {
        collect_cases(&root, &suite, &mut cases);
    }
    cases.retain(|c| selected(c));
    cases.sort();

    let known = match std::fs::read_to_string(root.join(KNOWN_FAILURES)) {
        Ok(text) => parse_known_failures(&text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
        Err(e) => {
            println!("cannot read {KNOWN_FAILURES}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let results = run_all(&root, &cases);
    let mut failures: Vec<(String, String)> = Vec::new();
    let mut known_failures: Vec<(String, String)> = Vec::new();
    // Cases whose output differs, listed or not (for --report-failing).
    let mut failing: Vec<&str> = Vec::new();
    let mut passed = 0;
    for (case, result) in cases.iter().zip(results) {
        let listed = known.contains_key(case.as_str());
        if result.is_err() {
            failing.push(case);
        }
        match result {
            Ok(()) if listed => failures.push((
                case.clone(),
                format!("  now passes: remove it from {KNOWN_FAILURES}\n"),
            )),
            Ok(()) => passed += 1,
            Err(report) if listed => known_failures.push((case.clone(), report)),
            Err(report) => failures.push((case.clone(), report)),
        }
    }
    // An entry naming no case is a typo or a deleted case: the list must not rot.
    for (entry, line) in &known {
        if selected(entry) && !cases.contains(entry) {
            failures.push((
                entry.clone(),
                format!("  {KNOWN_FAILURES}:{line} names no case (no such `.py` file)\n"),
            ));
        }
    }

    let mut out = std::io::stdout().lock();
    if show_known {
        for (case, report) in &known_failures {
            let _ = writeln!(out, "KNOWN FAILURE {case}\n{report}");
        }
    }
    for (case, report) in &failures {
        let _ = writeln!(out, "FAIL {case}\n{report}");
    }
    if report_failing {
        for case in &failing {
            let _ = writeln!(out, "failing: {case}");
        }
    }
    // scripts/test sums lines that end in `N failed`: the known failures go on their own line.
    if !known.is_empty() {
        let _ = writeln!(
            out,
            "differential: {} known failures (listed in {KNOWN_FAILURES}; --show-known to see them)",
            known_failures.len()
        );
    }
    let _ = writeln!(
        out,
        "differential: {passed} passed, {} failed",
        failures.len()
    );
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        let _ = writeln!(out, "(expected outputs come from CPython: scripts/regen-expected; rerun some cases with `cargo test -p pyrite --test differential -- NAME`)");
        ExitCode::FAILURE
    }
}

/// `tests/run/KNOWN_FAILURES` as case path -> line number; `#` starts a comment.
fn parse_known_failures(text: &str) -> BTreeMap<String, usize> {
    let mut known = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let entry = line.split('#').next().unwrap_or("").trim();
        if !entry.is_empty() {
            known.insert(entry.to_string(), i + 1);
        }
    }
    known
}

fn is_program_case(case: &str) -> bool {
    case.starts_with(PROGRAM_SUITE)
}

/// The folders directly under `tests/` that hold `.expected` files.
fn suites(tests: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(tests) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() && contains_expected(&path) {
            found.push(path);
        }
    }
    found
}

fn contains_expected(dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.flatten().any(|e| {
        let p = e.path();
        if p.is_dir() {
            contains_expected(&p)
        } else {
            p.extension().is_some_and(|x| x == "expected")
        }
    })
}

/// Every `.py` file under `dir`, as a `/`-separated path relative to `root`.
fn collect_cases(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_cases(root, &path, out);
        } else if path.extension().is_some_and(|x| x == "py") {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let case = parts.join("/");
            let helper = parts.last().is_some_and(|name| name.starts_with('_'));
            if !(is_program_case(&case) && helper) {
                out.push(case);
            }
        }
    }
}

/// Run the cases on all cores; returns each case's result (Err holds the report), in order.
fn run_all(root: &Path, cases: &[String]) -> Vec<Result<(), String>> {
    let next = AtomicUsize::new(0);
    let results = Mutex::new(vec![Ok(()); cases.len()]);
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(cases.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(case) = cases.get(i) else { break };
                let result = check_case(root, case);
                if let Some(slot) = results.lock().unwrap_or_else(|e| e.into_inner()).get_mut(i) {
                    *slot = result;
                }
            });
        }
    });
    results.into_inner().unwrap_or_else(|e| e.into_inner())
}

/// What a run printed: exit status (None if killed by a signal), stdout, stderr.
struct Outcome {
    status: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

fn check_case(root: &Path, case: &str) -> Result<(), String> {
    let expected_path = root
        .join(case.strip_suffix(".py").unwrap_or(case))
        .with_extension("expected");
    let expected_text = std::fs::read(&expected_path).map_err(|e| {
        format!(
            "  cannot read {}: {e} (run scripts/regen-expected)\n",
            expected_path.display()
        )
    })?;
    let expected = parse_expected(&expected_text)
        .map_err(|e| format!("  malformed {}: {e}\n", expected_path.display()))?;
    let actual = run_pyrite(root, case)?;

    let mut report = String::new();
    if actual.status != expected.status {
        let shown = match actual.status {
            Some(101) => "101 (pyrite panicked)".to_string(),
            Some(code) if code < 0 => format!("{code} (killed by signal {})", -code),
            Some(code) => code.to_string(),
            None => "none (killed by a signal)".to_string(),
        };
        let _ = writeln!(
            report,
            "  exit status: expected {}, got {shown}",
            fmt_status(expected.status)
        );
    }
    for (name, want, got) in [
        ("stdout", &expected.stdout, &actual.stdout),
        ("stderr", &expected.stderr, &actual.stderr),
    ] {
        if want != got {
            let _ = writeln!(report, "  {name} differs (- expected, + pyrite):");
            report.push_str(&diff_streams(want, got));
        }
    }
    if report.is_empty() {
        Ok(())
    } else {
        Err(report)
    }
}

fn fmt_status(status: Option<i32>) -> String {
    status.map_or_else(|| "none".to_string(), |s| s.to_string())
}

fn run_pyrite(root: &Path, case: &str) -> Result<Outcome, String> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_pyrite"));
    let mut input = None;
    let mut case_args = vec![case.to_string()];
    if is_program_case(case) {
        // The oracle's environment (scripts/pyrite_oracle.py, program_env).
        for (key, _) in std::env::vars_os() {
            if key.to_string_lossy().starts_with("PYTHON") {
                command.env_remove(key);
            }
        }
        command
            .env("PYTHONIOENCODING", "utf-8")
            .env("PYTHONDONTWRITEBYTECODE", "1");
        let stdin_path = root
            .join(case.strip_suffix(".py").unwrap_or(case))
            .with_extension("stdin");
        match std::fs::read(&stdin_path) {
            Ok(data) => input = Some(data),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("  cannot read {}: {e}\n", stdin_path.display())),
        }
        // `-s` as the oracle is run (no user site-packages).
        command.arg("-s");
        case_args = program_args(root, case)?;
        for (key, value) in program_env(root, case)? {
            command.env(key, value);
        }
    } else {
        command.arg("--dump-ast");
    }
    let mut child = command
        .args(&case_args)
        .current_dir(root)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("  cannot start pyrite: {e}\n"))?;
    // Feed standard input from its own thread: a child that does not read
    // it must not block the harness.
    let feeder = match (input, child.stdin.take()) {
        (Some(data), Some(mut pipe)) => Some(std::thread::spawn(move || {
            let _ = pipe.write_all(&data);
        })),
        _ => None,
    };
    // Drain both pipes on their own threads so a chatty child cannot block.
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = pipe.read_to_end(&mut buf);
            buf
        })
    };
    let stdout = child.stdout.take().map(|p| drain(Box::new(p)));
    let stderr = child.stderr.take().map(|p| drain(Box::new(p)));
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "  timed out after {} s (hang?)\n",
                    TIMEOUT.as_secs()
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(e) => return Err(format!("  waiting for pyrite failed: {e}\n")),
        }
    };
    if let Some(feeder) = feeder {
        let _ = feeder.join();
    }
    let join = |h: Option<std::thread::JoinHandle<Vec<u8>>>| {
        h.and_then(|h| h.join().ok()).unwrap_or_default()
    };
    let (mut stdout, mut stderr) = (join(stdout), join(stderr));
    if is_program_case(case) {
        let prefix = format!("{}/", root.display());
        stdout = strip_prefix_everywhere(&stdout, prefix.as_bytes());
        stderr = strip_prefix_everywhere(&stderr, prefix.as_bytes());
    }
    Ok(Outcome {
        status: exit_code(status),
        stdout,
        stderr,
    })
}

/// A side file of a case (`case.args`, `case.env`) as lines; None if absent.
fn side_lines(root: &Path, case: &str, ext: &str) -> Result<Option<Vec<String>>, String> {
    let path = root.join(case.strip_suffix(".py").unwrap_or(case)).with_extension(ext);
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(Some(text.lines().map(str::to_string).collect())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("  cannot read {}: {e}\n", path.display())),
    }
}

/// The interpreter's arguments for a program case: `case.args` holds one
/// argument a line, where a line `{case}` stands for the case's path (put
/// last when no line says where); without the file, just the path.
fn program_args(root: &Path, case: &str) -> Result<Vec<String>, String> {
    let Some(lines) = side_lines(root, case, "args")? else { return Ok(vec![case.to_string()]) };
    let mut args: Vec<String> = lines.iter().map(|l| if l == "{case}" { case.to_string() } else { l.clone() }).collect();
    if !lines.iter().any(|l| l == "{case}") {
        args.push(case.to_string());
    }
    Ok(args)
}

/// Extra environment variables of a program case: `case.env`, one
/// `NAME=VALUE` a line.
fn program_env(root: &Path, case: &str) -> Result<Vec<(String, String)>, String> {
    let Some(lines) = side_lines(root, case, "env")? else { return Ok(Vec::new()) };
    let mut vars = Vec::new();
    for line in lines.iter().filter(|l| !l.is_empty()) {
        let (k, v) = line.split_once('=').ok_or_else(|| format!("  {case}: `.env` line without `=`: {line:?}\n"))?;
        vars.push((k.to_string(), v.to_string()));
    }
    Ok(vars)
}

/// The exit status as Python's subprocess reports it: a death by signal N is -N.
fn exit_code(status: std::process::ExitStatus) -> Option<i32> {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        status.code().or_else(|| status.signal().map(|s| -s))
    }
    #[cfg(not(unix))]
    {
        status.code()
    }
}

/// `data` with every occurrence of `prefix` removed. CPython 3.11 makes a
/// script's path absolute (`__file__`, tracebacks): the oracle shows paths
/// under the repository relative to its root, and so does this harness, so
/// that expected outputs do not depend on where the clone lives.
fn strip_prefix_everywhere(data: &[u8], prefix: &[u8]) -> Vec<u8> {
    if prefix.is_empty() {
        return data.to_vec();
    }
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        if data[i..].starts_with(prefix) {
            i += prefix.len();
        } else {
            out.push(data[i]);
            i += 1;
        }
    }
    out
}

/// Reads the format written by scripts/regen-expected:
///
/// ```text
/// status: N
/// --- stdout
/// <bytes>
/// --- stderr
/// <bytes>
/// ```
///
/// A header ending in ` (no newline at end)` means the stream's last
/// newline was added by the file format and is not part of the output.
fn parse_expected(text: &[u8]) -> Result<Outcome, String> {
    const NO_EOL: &[u8] = b" (no newline at end)";
    let status_end = text
        .iter()
        .position(|&b| b == b'\n')
        .ok_or("no status line")?;
    let status_line =
        std::str::from_utf8(&text[..status_end]).map_err(|_| "status line is not UTF-8")?;
    let status = status_line
        .strip_prefix("status: ")
        .and_then(|s| s.parse::<i32>().ok())
        .ok_or_else(|| format!("bad status line {status_line:?}"))?;
    let rest = &text[status_end + 1..];
    let rest = rest
        .strip_prefix(b"--- stdout".as_slice())
        .ok_or("no `--- stdout` header")?;
    // The stderr header is the first line starting with `--- stderr`.
    let stderr_at = find_line_start(rest, b"--- stderr").ok_or("no `--- stderr` header")?;
    let (stdout_part, stderr_part) = rest.split_at(stderr_at);
    let stderr_part = &stderr_part[b"--- stderr".len()..];
    let section = |part: &[u8]| -> Result<Vec<u8>, String> {
        let (no_eol, part) = match part.strip_prefix(NO_EOL) {
            Some(p) => (true, p),
            None => (false, part),
        };
        let mut data = part
            .strip_prefix(b"\n".as_slice())
            .ok_or("header not followed by a newline")?
            .to_vec();
        if no_eol && data.pop() != Some(b'\n') {
            return Err("stream marked `no newline at end` lacks the added newline".into());
        }
        Ok(data)
    };
    Ok(Outcome {
        status: Some(status),
        stdout: section(stdout_part)?,
        stderr: section(stderr_part)?,
    })
}

/// Offset of the first line of `text` (after the first one) that starts with `prefix`.
fn find_line_start(text: &[u8], prefix: &[u8]) -> Option<usize> {
    (0..text.len()).find(|&i| i > 0 && text[i - 1] == b'\n' && text[i..].starts_with(prefix))
}

/// A line diff of two streams. A one-line `ast.dump` is first broken into
/// one field per line so that the diff points at the differing node.
fn diff_streams(want: &[u8], got: &[u8]) -> String {
    let want = String::from_utf8_lossy(want);
    let got = String::from_utf8_lossy(got);
    let mut out = String::new();
    if got.is_empty() {
        let first = want.lines().next().unwrap_or("");
        let first: String = first.chars().take(100).collect();
        let _ = writeln!(
            out,
            "    pyrite printed nothing; expected {} bytes starting: {first}",
            want.len()
        );
        return out;
    }
    let split = |text: &str| {
        if is_dump(text) {
            pretty_dump(text)
        } else {
            text.lines().map(str::to_string).collect()
        }
    };
    let (a, b) = (split(&want), split(&got));
    let ops = diff_lines(&a, &b);
    let mut shown = 0;
    // Show changed lines with up to 3 lines of context around them.
    let changed: Vec<usize> = ops
        .iter()
        .enumerate()
        .filter(|(_, (tag, _))| *tag != ' ')
        .map(|(i, _)| i)
        .collect();
    let mut last_printed: Option<usize> = None;
    for (i, (tag, line)) in ops.iter().enumerate() {
        let near = changed.iter().any(|&c| c.abs_diff(i) <= 3);
        if !near {
            continue;
        }
        if last_printed.is_some_and(|p| p + 1 != i) {
            out.push_str("    ...\n");
        }
        if shown == MAX_DIFF_LINES {
            out.push_str("    ... (diff truncated)\n");
            break;
        }
        let _ = writeln!(out, "    {tag}{line}");
        shown += 1;
        last_printed = Some(i);
    }
    if !want.is_empty() && want.ends_with('\n') != got.ends_with('\n') {
        let _ = writeln!(out, "    (one side lacks the final newline)");
    }
    out
}

fn is_dump(text: &str) -> bool {
    let t = text.trim_end();
    !t.contains('\n') && t.starts_with(|c: char| c.is_ascii_uppercase()) && t.ends_with(')')
}

/// Lines tagged `' '` (both), `'-'` (only in `a`) or `'+'` (only in `b`):
/// common prefix and suffix trimmed, then a longest common subsequence of
/// the middle when it is small enough, else the whole middle as changed.
fn diff_lines(a: &[String], b: &[String]) -> Vec<(char, String)> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut ops: Vec<(char, String)> = a[..prefix].iter().map(|l| (' ', l.clone())).collect();
    if ma.len() * mb.len() <= 4_000_000 {
        // lcs[i][j]: length of the LCS of ma[i..] and mb[j..].
        let w = mb.len() + 1;
        let mut lcs = vec![0u32; (ma.len() + 1) * w];
        for i in (0..ma.len()).rev() {
            for j in (0..mb.len()).rev() {
                lcs[i * w + j] = if ma[i] == mb[j] {
                    lcs[(i + 1) * w + j + 1] + 1
                } else {
                    lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < ma.len() || j < mb.len() {
            if i < ma.len() && j < mb.len() && ma[i] == mb[j] {
                ops.push((' ', ma[i].clone()));
                i += 1;
                j += 1;
            } else if i < ma.len() && (j == mb.len() || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])
            {
                ops.push(('-', ma[i].clone()));
                i += 1;
            } else {
                ops.push(('+', mb[j].clone()));
                j += 1;
            }
        }
    } else {
        ops.extend(ma.iter().map(|l| ('-', l.clone())));
        ops.extend(mb.iter().map(|l| ('+', l.clone())));
    }
    ops.extend(a[a.len() - suffix..].iter().map(|l| (' ', l.clone())));
    ops
}

/// Breaks a one-line `ast.dump` into indented lines: a node or list that
/// holds no other non-empty node or list stays on one line, others get
/// one field per line. String literals are kept whole.
fn pretty_dump(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.trim_end().chars().collect();
    // First pass: matching closes, and which groups have groups inside.
    let mut close = vec![usize::MAX; chars.len()];
    let mut nested = vec![false; chars.len()];
    let mut stack: Vec<usize> = Vec::new();
    let mut quote = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match quote {
            Some(q) => {
                if c == '\\' {
                    i += 1;
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '\'' || c == '"' => quote = Some(c),
            None if (c == '(' || c == '[') && matches!(chars.get(i + 1), Some(')' | ']')) => i += 1,
            None if c == '(' || c == '[' => {
                if let Some(&outer) = stack.last() {
                    nested[outer] = true;
                }
                stack.push(i);
            }
            None if c == ')' || c == ']' => {
                if let Some(open) = stack.pop() {
                    close[open] = i;
                }
            }
            None => {}
        }
        i += 1;
    }
    let mut lines = Vec::new();
    let mut depth = 0usize;
    let mut cur = String::new();
    let mut quote = None;
    let mut i = 0;
    let push = |lines: &mut Vec<String>, depth: usize, s: &str| {
        lines.push(format!("{}{s}", "  ".repeat(depth)))
    };
    while i < chars.len() {
        let c = chars[i];
        if let Some(q) = quote {
            cur.push(c);
            if c == '\\' {
                if let Some(&n) = chars.get(i + 1) {
                    cur.push(n);
                    i += 1;
                }
            } else if c == q {
                quote = None;
            }
        } else if c == '\'' || c == '"' {
            quote = Some(c);
            cur.push(c);
        } else if (c == '(' || c == '[') && matches!(chars.get(i + 1), Some(')' | ']')) {
            cur.push(c);
            cur.push(chars[i + 1]);
            i += 1;
        } else if (c == '(' || c == '[') && close[i] != usize::MAX && !nested[i] {
            cur.extend(&chars[i..=close[i]]);
            i = close[i];
        } else if c == '(' || c == '[' {
            cur.push(c);
            push(&mut lines, depth, &cur);
            cur.clear();
            depth += 1;
        } else if c == ')' || c == ']' {
            if !cur.is_empty() {
                push(&mut lines, depth, &cur);
            }
            depth = depth.saturating_sub(1);
            cur = c.to_string();
        } else if c == ',' {
            cur.push(',');
            push(&mut lines, depth, &cur);
            cur.clear();
            if chars.get(i + 1) == Some(&' ') {
                i += 1;
            }
        } else {
            cur.push(c);
        }
        i += 1;
    }
    if !cur.is_empty() {
        push(&mut lines, depth, &cur);
    }
    lines
}

/// Checks of the harness itself, run before the cases: a broken harness
/// must not make every case pass, nor fail for the wrong reason.
fn self_check() -> Result<(), String> {
    let parsed = parse_expected(b"status: 1\n--- stdout\n--- stderr (no newline at end)\nboom\n")?;
    if parsed.status != Some(1) || !parsed.stdout.is_empty() || parsed.stderr != b"boom" {
        return Err("parse_expected misreads a stream without final newline".into());
    }
    let parsed = parse_expected(b"status: 0\n--- stdout\nModule(body=[])\n--- stderr\n")?;
    if parsed.stdout != b"Module(body=[])\n" || !parsed.stderr.is_empty() {
        return Err("parse_expected misreads a plain stdout".into());
    }
    if parse_expected(b"status: x\n--- stdout\n--- stderr\n").is_ok() {
        return Err("parse_expected accepts a bad status".into());
    }
    let lines = pretty_dump(
        "Module(body=[Expr(value=Constant(value='a, (b', lineno=1), lineno=1)], type_ignores=[])",
    );
    let want = [
        "Module(",
        "  body=[",
        "    Expr(",
        "      value=Constant(value='a, (b', lineno=1),",
        "      lineno=1",
        "    )",
        "  ],",
        "  type_ignores=[]",
        ")",
    ];
    if lines != want {
        return Err(format!("pretty_dump gives {lines:?}"));
    }
    let a: Vec<String> = ["x", "y", "z"].map(String::from).to_vec();
    let b: Vec<String> = ["x", "q", "z"].map(String::from).to_vec();
    let tags: String = diff_lines(&a, &b).iter().map(|(t, _)| *t).collect();
    if tags != " -+ " {
        return Err(format!("diff_lines gives {tags:?}"));
    }
    let known = parse_known_failures("# header\n\ntests/run/a/b.py  # why\n  tests/run/c.py\n");
    if known.get("tests/run/a/b.py") != Some(&3)
        || known.get("tests/run/c.py") != Some(&4)
        || known.len() != 2
    {
        return Err(format!("parse_known_failures gives {known:?}"));
    }
    if strip_prefix_everywhere(b"File \"/r/tests/a.py\" /r/x /rx", b"/r/")
        != b"File \"tests/a.py\" x /rx"
    {
        return Err("strip_prefix_everywhere is wrong".into());
    }
    if !is_program_case("tests/run/types/int.py") || is_program_case("tests/ast/run.py") {
        return Err("is_program_case misclassifies".into());
    }
    Ok(())
}
