//! Links GCC's unwinder into the program instead of loading `libgcc_s.so` at every start.
//!
//! On glibc Linux, Rust's standard library links `libgcc_s` for unwinding panics. Loading it
//! costs each process an extra library to map and relocate, and its constructor probes the CPU
//! (slow under virtualisation): about a twentieth of a whole `verify`. The same unwinder as a
//! static archive (`libgcc_eh.a`, what `gcc -static-libgcc` uses) comes first on the link line,
//! so the shared one is left out (`--as-needed`). Panics unwind, run destructors and give
//! backtraces as before.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    let static_crt = var("CARGO_CFG_TARGET_FEATURE")
        .split(',')
        .any(|f| f == "crt-static");
    // A static build links the archive already; other platforms have their own unwinders.
    if var("CARGO_CFG_TARGET_OS") == "linux" && var("CARGO_CFG_TARGET_ENV") == "gnu" && !static_crt
    {
        // `-bundle`: found by the linker (gcc knows its own directory), not copied into the rlib.
        println!("cargo:rustc-link-lib=static:-bundle=gcc_eh");
    }
}
