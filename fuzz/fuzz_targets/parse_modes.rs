//! Like `parse`, but the first byte chooses the start rule (`exec`, `eval`
//! or `single`), so the expression and interactive entry points are
//! fuzzed too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, source)) = data.split_first() else {
        return;
    };
    let mode = match selector % 3 {
        0 => syntax::Mode::Module,
        1 => syntax::Mode::Expression,
        _ => syntax::Mode::Interactive,
    };
    match syntax::parse_bytes(source, "<fuzz>", mode) {
        Ok(tree) => {
            let _ = syntax::dump(&tree);
        }
        Err(err) => {
            let _ = err.traceback_text();
        }
    }
});
