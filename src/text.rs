//! Text helpers whose work the browser already knows how to do.
//!
//! Unicode lowercasing in Rust's standard library carries its own case tables (about 18 KB of
//! code and data before compression); the browser has the same tables in its engine. In the
//! browser [`lowercase`] asks JavaScript's `String.prototype.toLowerCase`, on the host (native
//! tests, build tools) the standard library. Both apply Unicode's default case mapping, final
//! sigma included, so a rule tested natively holds in the browser.

/// `s` in lower case (Unicode default case mapping, not locale-tailored).
pub fn lowercase(s: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        if s.is_ascii() {
            return s.to_ascii_lowercase();
        }
        String::from(js_sys::JsString::from(s).to_lower_case())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        s.to_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::lowercase;

    #[test]
    fn lowercase_maps_every_script_the_five_languages_use() {
        for (input, expected) in [
            ("Support", "support"),
            ("ŁÓDŹ Ă Ș Ț", "łódź ă ș ț"),
            ("ÈÉ Ĳ", "èé ĳ"),
            ("ΟΔΟΣ", "\u{3bf}\u{3b4}\u{3bf}\u{3c2}"),
            ("", ""),
        ] {
            assert_eq!(lowercase(input), expected, "{input}");
        }
    }
}
