//! Settings › Mail server (SPEC §9). Until a server is connected, sent mail waits in the Outbox.

use super::settings_nav::SettingsNav;
use leptos::prelude::*;

#[component]
pub fn MailServerSettingsPage() -> impl IntoView {
    view! {
        <div class="sb-settings">
            <SettingsNav />
            <section class="sb-page">
                <h1>"Mail server"</h1>
                <p>
                    "No mail server is connected. Messages you send wait in the Outbox as the exact "
                    "email that will be delivered, and can be downloaded as .eml files."
                </p>
                <p>"Connecting a JMAP mail server is not available in this version yet."</p>
            </section>
        </div>
    }
}
