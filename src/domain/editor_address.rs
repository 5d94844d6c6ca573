//! What the rich editors' **Insert link** and **Insert image** dialogs accept (SPEC §3 team
//! signature, §5 composer "style, link, image", §8 bad input): which addresses are refused
//! and why, the text a link shows, and the markup that is inserted. The addresses are the
//! sanitiser's own ([`safe_href`], [`safe_image_src`]), so what the dialog accepts is exactly
//! what survives the next sanitising pass; nothing here can insert what would be dropped.
//!
//! Pure: the dialog (`ui::address_dialog`) asks, words the refusal and inserts.

use super::body_html::{safe_href, safe_image_src};
use super::signature::escape_html;

/// Which images an editor takes by address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageRule {
    /// The message body: web images only (`http://`, `https://`); an inline `data:` image
    /// would make every reply carry it.
    Web,
    /// Signatures and templates: `https://` images or an inline PNG, GIF or JPEG.
    Signature,
}

/// Why an address was refused; the dialog says it next to the field and inserts nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressRefusal {
    /// Nothing was typed (the address is required).
    Missing,
    /// Not an `https://`, `http://` or `mailto:` link, or it holds a quote, `<`, `>` or a
    /// control character.
    NotALink,
    /// Not an image the editor's [`ImageRule`] takes.
    NotAnImage(ImageRule),
}

/// The address a link may point to, trimmed.
pub fn link_address(input: &str) -> Result<String, AddressRefusal> {
    let input = input.trim();
    if input.is_empty() {
        return Err(AddressRefusal::Missing);
    }
    safe_href(input).ok_or(AddressRefusal::NotALink)
}

/// The address an image may be inserted from under `rule`, trimmed.
pub fn image_address(rule: ImageRule, input: &str) -> Result<String, AddressRefusal> {
    let input = input.trim();
    if input.is_empty() {
        return Err(AddressRefusal::Missing);
    }
    let lower = input.to_ascii_lowercase();
    let scheme_ok = match rule {
        ImageRule::Web => lower.starts_with("https://") || lower.starts_with("http://"),
        ImageRule::Signature => lower.starts_with("https://") || lower.starts_with("data:image/"),
    };
    safe_image_src(input)
        .filter(|_| scheme_ok)
        .ok_or(AddressRefusal::NotAnImage(rule))
}

/// The text a link shows: what was typed in **Text to display**, or the address itself
/// when that is blank.
pub fn link_text(typed: &str, address: &str) -> String {
    let typed = typed.trim();
    if typed.is_empty() { address } else { typed }.to_owned()
}

/// A link as inserted at the caret: both parts escaped.
pub fn link_html(address: &str, text: &str) -> String {
    format!(
        "<a href=\"{}\">{}</a>",
        escape_html(address),
        escape_html(text)
    )
}

/// An image as inserted at the caret, with its alternative text when one was given.
pub fn image_html(src: &str, alt: &str) -> String {
    let alt = alt.trim();
    if alt.is_empty() {
        format!("<img src=\"{}\">", escape_html(src))
    } else {
        format!(
            "<img src=\"{}\" alt=\"{}\">",
            escape_html(src),
            escape_html(alt)
        )
    }
}
