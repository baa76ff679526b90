//! Arbitrary bytes through source decoding, the tokenizer and the parser,
//! then through everything that formats the result. Any panic, stack
//! overflow or hang is a bug: bad input must give a SyntaxError value.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match syntax::parse_bytes(data, "<fuzz>", syntax::Mode::Module) {
        Ok(tree) => {
            let _ = syntax::dump(&tree);
        }
        Err(err) => {
            let _ = err.traceback_text();
            let _ = err.to_string();
        }
    }
});
