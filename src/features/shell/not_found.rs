//! Shown for a path that no route matches.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="sb-page">
            <h1>"Page not found"</h1>
            <p>"This address does not lead to a page of Switchboard."</p>
            <A href="/">"Go to the Inbox"</A>
        </section>
    }
}
