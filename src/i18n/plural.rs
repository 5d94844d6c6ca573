//! CLDR cardinal plural rules for whole numbers in Switchboard's five languages.
//!
//! Counts in the interface are always whole (conversations, tickets, files), so only the
//! integer branches of the rules apply (`i` = the number, `v` = 0). Written out here instead
//! of asking `Intl.PluralRules` so the rules are the same on the host and in the browser and
//! are covered by native tests.

use super::Locale;

/// A CLDR plural category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralCategory {
    One,
    Few,
    Many,
    Other,
}

/// The category of a whole number `n` in `locale`.
pub fn plural_category(locale: Locale, n: u64) -> PluralCategory {
    use PluralCategory::*;
    match locale {
        // one: i = 1 and v = 0
        Locale::En | Locale::Nl => {
            if n == 1 {
                One
            } else {
                Other
            }
        }
        // one: i = 1 and v = 0; many: e = 0 and i != 0 and i % 1000000 = 0 and v = 0
        Locale::It => {
            if n == 1 {
                One
            } else if n != 0 && n.is_multiple_of(1_000_000) {
                Many
            } else {
                Other
            }
        }
        // one: i = 1 and v = 0; few: v != 0 or n = 0 or n != 1 and n % 100 = 1..19
        Locale::Ro => {
            if n == 1 {
                One
            } else if n == 0 || (1..=19).contains(&(n % 100)) {
                Few
            } else {
                Other
            }
        }
        // one: i = 1 and v = 0; few: i % 10 = 2..4 and i % 100 != 12..14;
        // many: i != 1 and i % 10 = 0..1 or i % 10 = 5..9 or i % 100 = 12..14
        Locale::Pl => {
            let (ten, hundred) = (n % 10, n % 100);
            if n == 1 {
                One
            } else if (2..=4).contains(&ten) && !(12..=14).contains(&hundred) {
                Few
            } else {
                Many
            }
        }
    }
}
