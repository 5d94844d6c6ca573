//! Async states: a loading line and an error note that keeps the last good data visible.

use leptos::prelude::*;

#[component]
pub fn Loading(#[prop(into)] label: String) -> impl IntoView {
    view! { <p class="sb-loading" role="status">{label}</p> }
}

#[component]
pub fn ErrorNote(#[prop(into)] message: String) -> impl IntoView {
    view! { <p class="sb-error" role="alert">{message}</p> }
}
