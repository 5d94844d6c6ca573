//! The root: boots the store, provides the app context, and routes (SPEC §10 paths). Pages
//! other than the inbox and help desk workspaces are lazy routes (see `lazy_pages`); what the
//! first inbox paint does not need is loaded right after it (see `after_paint`).

use crate::features::after_paint::{self, LazyToasts};
use crate::features::lazy_pages::*;
use crate::features::{inbox, shell, shortcuts};
use crate::i18n::errors::Translated;
use crate::i18n::k;
use crate::i18n::web::{self as i18n, t};
use crate::services::{boot, queries, AfterPaint, AppCtx};
use crate::storage::{EarlyRead, StartPlan};
use crate::ui::{ErrorNote, Loading};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy};
use std::rc::Rc;

#[component]
pub fn App() -> impl IntoView {
    // The language first (English is built in; another is fetched), then the workspace.
    // The first page of the list the URL shows is read before the shell is built (see
    // `queries::first_page`), both from the early script's answers where they serve.
    let booted = LocalResource::new(|| async {
        after_paint::start_language().await;
        let (db, summary, early) = boot::boot().await?;
        let (first_page, plan) = queries::first_page(&db, &summary, early.as_ref()).await;
        let start = Start { plan, early };
        Ok::<_, crate::services::AppError>((db, summary, first_page, Rc::new(start)))
    });
    view! {
        {move || match booted.get() {
            None => view! { <Loading label=t(k::APP__LOADING) /> }.into_any(),
            Some(Ok((db, summary, first_page, start))) => {
                view! { <Ready db summary first_page start /> }.into_any()
            }
            Some(Err(err)) => {
                view! {
                    <main class="sb-boot-error">
                        <h1>{t(k::APP__BOOT_FAILED)}</h1>
                        <ErrorNote message=err.translated() />
                        <button class="sb-button" on:click=move |_| booted.refetch()>
                            {t(k::APP__TRY_AGAIN)}
                        </button>
                    </main>
                }
                    .into_any()
            }
        }}
    }
}

/// What the next start's early script is to read, and what this one's read.
struct Start {
    plan: StartPlan,
    early: Option<EarlyRead>,
}

#[component]
fn Ready(
    db: crate::storage::Db,
    summary: crate::storage::Summary,
    first_page: Option<queries::FirstPage>,
    start: Rc<Start>,
) -> impl IntoView {
    let app = AppCtx::provide(db, summary, first_page);
    // The whole directory (a chunk of its own) is read once the first screen is painted, or
    // sooner if a page needs it (`AppCtx::until_directory`); then the next start's plan is
    // stored (if it changed): a plan not stored only costs the next start its early reads.
    leptos::task::spawn_local(async move {
        app.until_turn(AfterPaint::Directory).await;
        app.until_directory().await;
        if let Err(error) = start.plan.remember(start.early.as_ref()) {
            leptos::logging::warn!("the start-up plan was not stored: {error}");
        }
    });
    // A page without a conversation list (settings, contacts, a ticket) says nothing when it
    // is painted; a second is ample for its first screen.
    set_timeout(
        move || app.mark_painted(),
        std::time::Duration::from_secs(1),
    );
    after_paint::start_mail_poll(app);
    after_paint::show_icon(app);
    after_paint::start_draft_recovery(app);
    // Texts are read when a view is built, so a new language rebuilds the page tree (the
    // language is changed in Settings › Profile, where no unsaved typing can be lost).
    view! {
        {move || {
            i18n::locale();
            view! {
            <Router>
                <shell::TopBar />
                <Show when=move || app.stale.get()>
                    <p class="sb-banner" role="alert">
                        {t(k::APP__STALE)}

                    </p>
                </Show>
                // Focusable from script only: **Skip to content** moves the focus here.
                <main id="main" class="sb-main" tabindex="-1">
                    <Routes fallback=|| view! { <shell::NotFound /> }>
                        <Route path=path!("/") view=inbox::InboxWorkspacePage />
                        // One route per workspace for its list and its open conversation:
                        // opening a conversation keeps the list mounted (WorkspacePath).
                        <Route path=path!("/inbox/*rest") view=inbox::InboxWorkspacePage />
                        <Route path=path!("/help-desk/tickets") view={Lazy::<HelpDeskTicketsRoute>::new()} />
                        <Route path=path!("/help-desk/*rest") view=inbox::HelpDeskWorkspacePage />
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
                <LazyToasts />
                <shortcuts::KeyboardShortcuts />
            </Router>
            }
        }}
    }
}
