//! Initials avatar; the full name is its accessible name.

use leptos::prelude::*;

pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

#[component]
pub fn Avatar(#[prop(into)] name: String, #[prop(optional)] small: bool) -> impl IntoView {
    let class = if small {
        "sb-avatar sb-avatar--small"
    } else {
        "sb-avatar"
    };
    let text = initials(&name);
    view! { <span class=class role="img" aria-label=name.clone() title=name>{text}</span> }
}
