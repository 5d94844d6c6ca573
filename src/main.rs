//! Mount only: the App lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(switchboard::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Switchboard runs in the browser: see README.md (bash scripts/serve.sh).");
}
