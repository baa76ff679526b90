//! Link the command as a position-dependent executable on Linux, as
//! Debian builds CPython: the loader then has no relocations to apply to
//! the tables of static type objects and method definitions at each
//! start, nor pages of them to copy.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
