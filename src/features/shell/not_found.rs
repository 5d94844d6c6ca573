//! Shown for a path that no route matches.

use crate::i18n::{k, web::t};
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="sb-page">
            <h1>{t(k::NOT_FOUND__TITLE)}</h1>
            <p>{t(k::NOT_FOUND__BODY)}</p>
            <a href="/">{t(k::NOT_FOUND__HOME)}</a>

        </section>
    }
}
