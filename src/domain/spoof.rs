//! Sender spoofing flags for the thread view (SPEC §8): a display name that shows another
//! address, letters of different alphabets mixed in one word (Latin "a" next to Cyrillic "а"),
//! text-direction controls and invisible characters, and domains (punycode `xn--` or raw IDN)
//! whose labels mix alphabets. Also a display form of a name with those characters made
//! visible, so what the rep reads is what the name contains.
//!
//! Pure and total: any input gives flags, nothing panics. It only flags; it must not refuse or
//! change a received message (the evidence stays as received).

use super::validate::EmailAddress;
use crate::text::lowercase;

/// One reason to distrust how a sender presents itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpoofFlag {
    /// The display name contains an email address that is not the sender's.
    ImitatesAddress { shown: String },
    /// Zero-width, soft hyphen, filler or tag characters in the name.
    InvisibleCharacters,
    /// Right-to-left / left-to-right overrides, embeddings, isolates or marks in the name.
    BidiControls,
    /// One word of the name mixes alphabets that have look-alike letters.
    MixedScripts,
    /// A label of the sender's address mixes alphabets (`decoded` is the readable domain).
    LookAlikeAddress { decoded: String },
}

impl SpoofFlag {
    /// The warning shown next to the sender.
    pub fn message(&self, address: &EmailAddress) -> String {
        match self {
            SpoofFlag::ImitatesAddress { shown } => format!(
                "Warning: the sender's name imitates another address ({shown}); the real \
                 address is {address}."
            ),
            SpoofFlag::InvisibleCharacters => {
                "Warning: the sender's name contains invisible characters.".into()
            }
            SpoofFlag::BidiControls => "Warning: the sender's name contains text-direction \
                                         controls that can disguise it."
                .into(),
            SpoofFlag::MixedScripts => "Warning: the sender's name mixes alphabets (look-alike \
                                         letters from Latin, Cyrillic or Greek)."
                .into(),
            SpoofFlag::LookAlikeAddress { decoded } => format!(
                "Warning: the sender's address mixes alphabets ({decoded}); it may imitate \
                 another domain."
            ),
        }
    }
}

/// Text-direction controls (Unicode bidi formatting characters and marks).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}'
        | '\u{061C}')
}

/// Characters that render as nothing (or as blank filler) but change what a name is.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{206A}'..='\u{206F}'
        | '\u{FEFF}' | '\u{00AD}' | '\u{034F}' | '\u{180E}' | '\u{115F}' | '\u{1160}'
        | '\u{3164}' | '\u{FFA0}' | '\u{E0000}'..='\u{E007F}')
}

/// Alphabets whose letters are confused with each other; other scripts are never "mixed".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Cherokee,
}

fn script(c: char) -> Option<Script> {
    match c {
        'a'..='z' | 'A'..='Z' => Some(Script::Latin),
        '\u{00C0}'..='\u{024F}' if c != '\u{00D7}' && c != '\u{00F7}' => Some(Script::Latin),
        '\u{1E00}'..='\u{1EFF}' | '\u{2C60}'..='\u{2C7F}' | '\u{A720}'..='\u{A7FF}' => {
            Some(Script::Latin)
        }
        '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => Some(Script::Latin),
        '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}' => Some(Script::Greek),
        '\u{0400}'..='\u{052F}' | '\u{1C80}'..='\u{1C8F}' | '\u{2DE0}'..='\u{2DFF}' => {
            Some(Script::Cyrillic)
        }
        '\u{A640}'..='\u{A69F}' => Some(Script::Cyrillic),
        '\u{0531}'..='\u{058F}' => Some(Script::Armenian),
        '\u{13A0}'..='\u{13FF}' | '\u{AB70}'..='\u{ABBF}' => Some(Script::Cherokee),
        _ => None,
    }
}

/// True when `word` has letters of two or more confusable alphabets.
pub fn mixes_scripts(word: &str) -> bool {
    let mut seen: Option<Script> = None;
    for s in word.chars().filter_map(script) {
        match seen {
            None => seen = Some(s),
            Some(first) if first != s => return true,
            Some(_) => {}
        }
    }
    false
}

/// `text` with every invisible or direction-control character replaced by a visible `[U+XXXX]`
/// marker, so a rep sees exactly what the name contains.
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_invisible(c) || is_bidi_control(c) {
            out.push_str(&format!("[U+{:04X}]", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Every email-address-shaped run in `name` (letters, digits and `.-_+` around one `@`, with a
/// dot in the domain), invisible characters ignored, lower-cased.
fn addresses_in(name: &str) -> Vec<String> {
    let cleaned: String = name
        .chars()
        .filter(|c| !is_invisible(*c) && !is_bidi_control(*c))
        .collect();
    let is_part = |c: char| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '+' | '@');
    cleaned
        .split(|c: char| !is_part(c))
        .filter_map(|run| {
            let run = run.trim_matches('.');
            let (local, domain) = run.split_once('@')?;
            let domain = domain.trim_end_matches('.');
            let plausible = !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.');
            plausible.then(|| lowercase(&format!("{local}@{domain}")))
        })
        .collect()
}

/// The flags for a sender shown as `name <address>`.
pub fn sender_flags(name: Option<&str>, address: &EmailAddress) -> Vec<SpoofFlag> {
    let mut flags = Vec::new();
    if let Some(name) = name {
        let actual = lowercase(address.as_str());
        if let Some(shown) = addresses_in(name).into_iter().find(|a| *a != actual) {
            flags.push(SpoofFlag::ImitatesAddress { shown });
        }
        if name.chars().any(is_bidi_control) {
            flags.push(SpoofFlag::BidiControls);
        }
        if name.chars().any(is_invisible) {
            flags.push(SpoofFlag::InvisibleCharacters);
        }
        let words = name.split(|c: char| !c.is_alphanumeric() && !is_invisible(c));
        if words
            .map(|w| w.chars().filter(|c| !is_invisible(*c)).collect::<String>())
            .any(|w| mixes_scripts(&w))
        {
            flags.push(SpoofFlag::MixedScripts);
        }
    }
    let decoded = decode_domain(address.domain());
    let local_mixed = address.local_part().split('.').any(mixes_scripts);
    if local_mixed || decoded.split('.').any(mixes_scripts) {
        flags.push(SpoofFlag::LookAlikeAddress {
            decoded: format!("{}@{decoded}", address.local_part()),
        });
    }
    flags
}

/// The domain with every `xn--` label decoded (RFC 3492); labels that do not decode are kept.
pub fn decode_domain(domain: &str) -> String {
    domain
        .split('.')
        .map(|label| {
            label
                .get(..4)
                .filter(|prefix| prefix.eq_ignore_ascii_case("xn--"))
                .and_then(|_| punycode_decode(&label[4..]))
                .unwrap_or_else(|| label.to_owned())
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// RFC 3492 decoding; `None` on any malformed input (overflow, bad digit, bad code point).
fn punycode_decode(input: &str) -> Option<String> {
    const BASE: u32 = 36;
    const T_MIN: u32 = 1;
    const T_MAX: u32 = 26;
    const SKEW: u32 = 38;
    const DAMP: u32 = 700;
    fn adapt(mut delta: u32, points: u32, first: bool) -> u32 {
        delta /= if first { DAMP } else { 2 };
        delta += delta / points;
        let mut k = 0;
        while delta > ((BASE - T_MIN) * T_MAX) / 2 {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        k + (BASE - T_MIN + 1) * delta / (delta + SKEW)
    }
    let (basic, rest) = match input.rfind('-') {
        Some(i) => (&input[..i], &input[i + 1..]),
        None => ("", input),
    };
    if !basic.is_ascii() {
        return None;
    }
    let mut output: Vec<char> = basic.chars().collect();
    let (mut n, mut i, mut bias) = (128u32, 0u32, 72u32);
    let mut digits = rest.bytes().peekable();
    while digits.peek().is_some() {
        let old_i = i;
        let mut w = 1u32;
        let mut k = BASE;
        loop {
            let byte = digits.next()?;
            let digit = match byte {
                b'a'..=b'z' => byte - b'a',
                b'A'..=b'Z' => byte - b'A',
                b'0'..=b'9' => byte - b'0' + 26,
                _ => return None,
            } as u32;
            i = i.checked_add(digit.checked_mul(w)?)?;
            let t = if k <= bias {
                T_MIN
            } else if k >= bias + T_MAX {
                T_MAX
            } else {
                k - bias
            };
            if digit < t {
                break;
            }
            w = w.checked_mul(BASE - t)?;
            k += BASE;
        }
        let len = output.len() as u32 + 1;
        bias = adapt(i - old_i, len, old_i == 0);
        n = n.checked_add(i / len)?;
        i %= len;
        output.insert(i as usize, char::from_u32(n)?);
        i += 1;
    }
    Some(output.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr(s: &str) -> EmailAddress {
        EmailAddress::parse(s).unwrap()
    }

    fn kinds(flags: &[SpoofFlag]) -> Vec<&'static str> {
        flags
            .iter()
            .map(|f| match f {
                SpoofFlag::ImitatesAddress { .. } => "imitates",
                SpoofFlag::InvisibleCharacters => "invisible",
                SpoofFlag::BidiControls => "bidi",
                SpoofFlag::MixedScripts => "mixed",
                SpoofFlag::LookAlikeAddress { .. } => "lookalike",
            })
            .collect()
    }

    #[test]
    fn sender_flags_follow_the_rules() {
        let cases: &[(&str, Option<&str>, &str, &[&str])] = &[
            (
                "plain name is fine",
                Some("Henrik Dahl"),
                "henrik@fjord.example",
                &[],
            ),
            ("no name is fine", None, "henrik@fjord.example", &[]),
            (
                "accents are fine",
                Some("Zoë Ñúñez-Łukasz"),
                "z@x.example",
                &[],
            ),
            (
                "all-Cyrillic is fine",
                Some("Иван Петров"),
                "ivan@x.example",
                &[],
            ),
            ("Greek word is fine", Some("Αλέξανδρος"), "a@x.example", &[]),
            (
                "CJK with Latin is fine",
                Some("山田 Taro"),
                "t@x.example",
                &[],
            ),
            (
                "own address in name is fine",
                Some("Bo <BO@x.example>"),
                "bo@x.example",
                &[],
            ),
            (
                "name imitating another address",
                Some("paypal@paypal.com"),
                "evil@x.example",
                &["imitates"],
            ),
            (
                "address hidden in a longer name",
                Some("Support (service@bank.example)"),
                "evil@x.example",
                &["imitates"],
            ),
            (
                "address with zero-width space inside",
                Some("pay\u{200B}pal@paypal.com"),
                "evil@x.example",
                &["imitates", "invisible"],
            ),
            (
                "right-to-left override",
                Some("Invoice \u{202E}fdp.exe"),
                "a@x.example",
                &["bidi"],
            ),
            (
                "isolate",
                Some("\u{2067}Bank\u{2069}"),
                "a@x.example",
                &["bidi"],
            ),
            (
                "zero-width joiner",
                Some("Pay\u{200D}Pal"),
                "a@x.example",
                &["invisible"],
            ),
            (
                "soft hyphen",
                Some("Pay\u{00AD}Pal"),
                "a@x.example",
                &["invisible"],
            ),
            ("BOM", Some("\u{FEFF}Bank"), "a@x.example", &["invisible"]),
            (
                "word joiner",
                Some("Ba\u{2060}nk"),
                "a@x.example",
                &["invisible"],
            ),
            (
                "Cyrillic а in a Latin word",
                Some("P\u{0430}yPal"),
                "a@x.example",
                &["mixed"],
            ),
            (
                "Greek ο in a Latin word",
                Some("Micr\u{03BF}soft"),
                "a@x.example",
                &["mixed"],
            ),
            (
                "mixed word split by zero-width space still counts",
                Some("P\u{0430}y\u{200B}Pal"),
                "a@x.example",
                &["invisible", "mixed"],
            ),
            (
                "punycode domain mixing Latin and Cyrillic",
                Some("PayPal"),
                "service@xn--pypal-4ve.com",
                &["lookalike"],
            ),
            (
                "all-Cyrillic IDN is fine",
                None,
                "info@xn--80ak6aa92e.com",
                &[],
            ),
            (
                "raw IDN mixing scripts",
                None,
                "a@p\u{0430}ypal.com",
                &["lookalike"],
            ),
            (
                "malformed punycode is kept as is",
                None,
                "a@xn--99999999999.com",
                &[],
            ),
        ];
        for (rule, name, address, expected) in cases {
            let flags = sender_flags(*name, &addr(address));
            assert_eq!(kinds(&flags), *expected, "{rule}");
        }
    }

    #[test]
    fn punycode_decodes_rfc_3492_samples() {
        let cases = [
            ("pypal-4ve", "p\u{0430}ypal"),
            ("80ak6aa92e", "\u{0430}\u{0440}\u{0440}\u{04CF}\u{0435}"),
            ("mnchen-3ya", "münchen"),
            ("bcher-kva", "bücher"),
        ];
        for (encoded, decoded) in cases {
            assert_eq!(
                punycode_decode(encoded).as_deref(),
                Some(decoded),
                "{encoded}"
            );
        }
    }

    #[test]
    fn visible_marks_hidden_characters() {
        assert_eq!(visible("Invoice \u{202E}fdp"), "Invoice [U+202E]fdp");
        assert_eq!(visible("a\u{200B}b"), "a[U+200B]b");
        assert_eq!(visible("Zoë"), "Zoë");
    }

    #[test]
    fn messages_name_the_problem() {
        let a = addr("evil@x.example");
        let m = SpoofFlag::ImitatesAddress {
            shown: "paypal@paypal.com".into(),
        }
        .message(&a);
        assert!(m.contains("imitates another address") && m.contains("evil@x.example"));
        assert!(SpoofFlag::InvisibleCharacters
            .message(&a)
            .contains("invisible characters"));
        assert!(SpoofFlag::MixedScripts
            .message(&a)
            .contains("mixes alphabets"));
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn never_panics(name in "\\PC{0,40}", domain in "[a-z0-9-]{1,20}") {
            let address = EmailAddress::parse(&format!("a@xn--{domain}.example"));
            if let Ok(address) = address {
                let _ = sender_flags(Some(&name), &address);
            }
            let _ = visible(&name);
        }
    }
}
