//! The root component: providers and routes.

use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    view! { <main><h1>"Switchboard"</h1></main> }
}
