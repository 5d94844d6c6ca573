//! Fuzz target: see `switchboard_fuzz::check_address` for the invariants.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| switchboard_fuzz::check_address(data));
