//! The root: boots the store, provides the app context, and routes (SPEC §10 paths). Pages
//! other than the inbox and help desk workspaces are lazy routes (see `lazy_pages`).

use crate::features::lazy_pages::*;
use crate::features::{inbox, shell};
use crate::services::{boot, AppCtx};
use crate::ui::{ErrorNote, Loading, Toasts};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy};

#[component]
pub fn App() -> impl IntoView {
    let booted = LocalResource::new(boot::boot);
    view! {
        {move || match booted.get() {
            None => view! { <Loading label="Loading your workspace…" /> }.into_any(),
            Some(Ok((db, directory))) => view! { <Ready db directory /> }.into_any(),
            Some(Err(err)) => {
                view! {
                    <main class="sb-boot-error">
                        <h1>"Switchboard could not start"</h1>
                        <ErrorNote message=err.to_string() />
                        <button class="sb-button" on:click=move |_| booted.refetch()>
                            "Try again"
                        </button>
                    </main>
                }
                    .into_any()
            }
        }}
    }
}

#[component]
fn Ready(db: crate::storage::Db, directory: crate::storage::Directory) -> impl IntoView {
    let app = AppCtx::provide(db, directory);
    view! {
        <Router>
            <shell::TopBar />
            <Show when=move || app.stale.get()>
                <p class="sb-banner" role="alert">
                    "Switchboard was updated in another tab. Reload this page to continue."
                </p>
            </Show>
            <main id="main" class="sb-main">
                <Routes fallback=|| view! { <shell::NotFound /> }>
                    <Route path=path!("/") view=inbox::InboxWorkspacePage />
                    <Route path=path!("/inbox") view=inbox::InboxWorkspacePage />
                    <Route path=path!("/inbox/:view") view=inbox::InboxWorkspacePage />
                    <Route path=path!("/inbox/conversations/:id") view=inbox::InboxConversationPage />
                    <Route path=path!("/help-desk") view=inbox::HelpDeskWorkspacePage />
                    <Route path=path!("/help-desk/tickets") view={Lazy::<HelpDeskTicketsRoute>::new()} />
                    <Route path=path!("/help-desk/:view") view=inbox::HelpDeskWorkspacePage />
                    <Route
                        path=path!("/help-desk/conversations/:id")
                        view=inbox::HelpDeskConversationPage
                    />
                    <Route path=path!("/tickets/:id") view={Lazy::<TicketRoute>::new()} />
                    <Route path=path!("/contacts") view={Lazy::<ContactsRoute>::new()} />
                    <Route path=path!("/contacts/:id") view={Lazy::<ContactRoute>::new()} />
                    <Route path=path!("/settings") view={Lazy::<InboxesSettingsRoute>::new()} />
                    <Route path=path!("/settings/inboxes") view={Lazy::<InboxesSettingsRoute>::new()} />
                    <Route path=path!("/settings/help-desk") view={Lazy::<HelpDeskSettingsRoute>::new()} />
                    <Route path=path!("/settings/profile") view={Lazy::<ProfileSettingsRoute>::new()} />
                    <Route
                        path=path!("/settings/mail-server")
                        view={Lazy::<MailServerSettingsRoute>::new()}
                    />
                    <Route path=path!("/settings/templates") view={Lazy::<TemplatesSettingsRoute>::new()} />
                </Routes>
            </main>
            <Toasts />
        </Router>
    }
}
