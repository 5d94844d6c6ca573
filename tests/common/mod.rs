//! Helpers shared by the native test files that read the shipped translation catalogues.

use switchboard::i18n::{Catalog, Locale};

/// The catalogue of `locale` as shipped in `public/locales/`.
pub fn shipped(locale: Locale) -> Catalog {
    let path = format!(
        "{}/public/locales/{}.json",
        env!("CARGO_MANIFEST_DIR"),
        locale.code()
    );
    let json = std::fs::read_to_string(&path).expect("catalogue file");
    Catalog::from_json(locale, &json).expect("catalogue loads")
}
