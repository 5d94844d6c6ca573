#![cfg(not(target_arch = "wasm32"))]
//! The fuzz smoke run of the test command (issue 8): the same invariants the cargo-fuzz
//! targets in `fuzz/` assert (`fuzz/src/lib.rs`, included here by path), fed with seeded
//! random bytes and with byte-level mutations of the real sample mail in `public/samples/` and
//! the charset fixtures in `tests/fixtures/mail/`.
//!
//! Coverage-guided fuzzing (`bash scripts/fuzz-smoke.sh`, or `cargo fuzz run <target>`) finds
//! more, but needs cargo-fuzz and a separate ~8 min build; this runs in seconds inside
//! `cargo test`, so every change is checked against the invariants.

#[path = "../fuzz/src/lib.rs"]
mod invariants;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

const CASES: u32 = 2_000;

fn run(name: &str, strategy: impl Strategy<Value = Vec<u8>>, check: fn(&[u8])) {
    let config = Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    };
    // A fixed seed: the same inputs on every run, so a failure reproduces.
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]);
    let mut runner = TestRunner::new_with_rng(config, rng);
    runner
        .run(&strategy, |bytes| {
            check(&bytes);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{name}: {e}"));
}

/// The shipped samples and the charset fixtures of the native tests.
fn samples() -> Vec<Vec<u8>> {
    let dirs = [
        concat!(env!("CARGO_MANIFEST_DIR"), "/public/samples"),
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mail"),
    ];
    let mut files: Vec<_> = dirs
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).expect(dir))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read(p).expect("sample"))
        .collect()
}

/// A sample message with a few bytes overwritten, inserted or cut: mail that is almost right,
/// which is where parsers break.
fn mutated_samples() -> impl Strategy<Value = Vec<u8>> {
    let samples = samples();
    (
        0..samples.len(),
        prop::collection::vec((any::<usize>(), any::<u8>(), 0u8..3), 1..12),
    )
        .prop_map(move |(i, edits)| {
            let mut bytes = samples[i].clone();
            for (at, byte, kind) in edits {
                let at = at % (bytes.len() + 1);
                match kind {
                    0 if at < bytes.len() => bytes[at] = byte,
                    1 => bytes.insert(at, byte),
                    _ => bytes.truncate(at.max(1)),
                }
            }
            bytes
        })
}

fn random_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..512)
}

/// Bytes biased towards what the invariants care about: controls, CR/LF, separators, `<>@"`,
/// and multi-byte characters (bidi controls, zero-width, Cyrillic).
fn tricky_text() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::sample::select(vec![
        "a",
        "Z",
        "@",
        "<",
        ">",
        "\"",
        " ",
        "\r",
        "\n",
        "\0",
        "\u{7}",
        "\u{85}",
        "\u{2028}",
        "\u{202E}",
        "\u{200B}",
        "а",
        "ο",
        ".",
        "=?utf-8?b?",
        "?=",
        "{{sender.first_name}}",
        "<script>",
        "javascript:",
        "onerror=",
        "\u{FF}",
        "xn--",
        ",",
        ";",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|parts| parts.concat().into_bytes())
}

#[test]
fn mime_import_survives_random_and_mutated_mail() {
    run(
        "parse_eml random",
        random_bytes(),
        invariants::check_parse_eml,
    );
    run(
        "parse_eml mutated samples",
        mutated_samples(),
        invariants::check_parse_eml,
    );
}

#[test]
fn address_parser_keeps_its_invariants() {
    run("address random", random_bytes(), invariants::check_address);
    run("address tricky", tricky_text(), invariants::check_address);
}

#[test]
fn signature_renderer_output_is_inert() {
    run(
        "signature random",
        random_bytes(),
        invariants::check_signature,
    );
    run(
        "signature tricky",
        tricky_text(),
        invariants::check_signature,
    );
}

#[test]
fn header_builder_never_writes_a_bare_line_break() {
    run(
        "build_message random",
        random_bytes(),
        invariants::check_build_message,
    );
    run(
        "build_message tricky",
        tricky_text(),
        invariants::check_build_message,
    );
}
