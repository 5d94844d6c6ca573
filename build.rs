//! Link flags for the wasm app binary only: `--emit-relocs` keeps the relocations that
//! `wasm-split-cli` (scripts/post-build.mjs) needs to cut the module into lazily loaded chunks
//! (issue 2, ARCHITECTURE.md "Bundle size"). Set here rather than in RUSTFLAGS so that no
//! dependency is rebuilt for it and the host build and the wasm tests are unaffected.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
