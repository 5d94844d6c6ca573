//! The parts of the app shell that the first inbox paint does not need (issue 2: initial load
//! ≤ 250 KB brotli), each behind a Leptos `#[lazy]` boundary so that its code is a wasm chunk
//! fetched once the first screen is painted ([`AppCtx::painted`]) instead of being part of the
//! initial load: the toast region, the account menu (**Switch user**, **Reset demo
//! workspace**), the mail server poll (SPEC §9); and another language's catalogue (English is
//! built in; another language is loaded before the first paint, which needs it).
//!
//! Owns only the loading boundaries; what each part does is its feature's. Must not hold
//! state: every part reads the app context as it would if it were mounted directly.

use crate::features::shell;
use crate::i18n::web::{self as i18n, t};
use crate::i18n::{k, Locale};
use crate::services::{drafts, jmap, use_app, AfterPaint, AppCtx};
use crate::ui::{Loading, Toasts};
use leptos::prelude::*;

// The keyboard layer stays in the initial load: it is small (about 3 KB of code before
// optimisation) and a key pressed as soon as the first rows show must not be lost.

// Split only in the app build (feature `split`, set by index.html): a test binary cannot
// link a lazy function (its import is resolved by scripts/post-build.mjs).
#[cfg_attr(feature = "split", lazy)]
async fn toast_region() -> AnyView {
    view! { <Toasts /> }.into_any()
}

/// The toast region. Toasts raised before its chunk arrives are kept in the app context and
/// shown when it mounts.
#[component]
pub fn LazyToasts() -> impl IntoView {
    let ready = use_app().turn_signal(AfterPaint::Toasts);
    move || {
        ready
            .get()
            .then(|| view! { <Suspense fallback=|| ()>{Suspend::new(toast_region())}</Suspense> })
    }
}

#[cfg_attr(feature = "split", lazy)]
async fn account_menu() -> AnyView {
    view! { <shell::AccountMenu /> }.into_any()
}

/// The account menu of the top bar; a Loading note for the moment its chunk is fetched.
#[component]
pub fn LazyAccountMenu() -> impl IntoView {
    let ready = use_app().turn_signal(AfterPaint::AccountMenu);
    let loading = || view! { <Loading label=t(k::UI__LOADING) /> };
    move || match ready.get() {
        false => loading().into_any(),
        true => view! { <Suspense fallback=loading>{Suspend::new(account_menu())}</Suspense> }
            .into_any(),
    }
}

#[cfg_attr(feature = "split", lazy)]
async fn switch_language(locale: Locale) -> Result<(), String> {
    i18n::set_locale(locale, false)
        .await
        .map_err(|e| e.to_string())
}

/// The language the app starts in. English is compiled in and already current, so only another
/// language loads code (the catalogue parser) and its catalogue.
pub async fn start_language() {
    let locale = i18n::initial_locale();
    if locale == Locale::En {
        return;
    }
    if let Err(err) = switch_language(locale).await {
        leptos::logging::warn!("{err}; Switchboard stays in English");
    }
}

#[cfg_attr(feature = "split", lazy)]
async fn mail_poll(app: AppCtx, owner: Option<Owner>) {
    match owner {
        Some(owner) => owner.with(|| jmap::start(app)),
        None => jmap::start(app),
    }
}

/// Starts the mail server poll ([`jmap::start`]) once its chunk and every text are there (its
/// status and errors word refusals that are not first-paint texts, see `i18n::web`). It runs under the
/// caller's owner, so the mail status it provides is in the same place as if it had been started
/// directly (the mail server settings page reads it from there).
pub fn start_mail_poll(app: AppCtx) {
    let owner = Owner::current();
    leptos::task::spawn_local(async move {
        app.until_turn(AfterPaint::MailPoll).await;
        i18n::until_texts().await;
        mail_poll(app, owner).await
    });
}

/// The page's icon link (index.html), which points at nothing (`data:,`) until the first screen
/// is painted.
const ICON_LINK: &str = "sb-icon";
const ICON: &str = "/favicon.png";

/// Shows the tab's icon once the first screen is painted and the other parts have had their
/// turns. The browser fetches and decodes a page's icon on the page's main thread as soon as
/// the page has loaded, which is while the app's code starts and its first rows are built;
/// the placeholder also keeps the browser from asking for `/favicon.ico` instead.
pub fn show_icon(app: AppCtx) {
    leptos::task::spawn_local(async move {
        app.until_turn(AfterPaint::MailPoll).await;
        let link = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(ICON_LINK));
        if let Some(link) = link {
            let _ = link.set_attribute("href", ICON);
        }
    });
}

#[cfg_attr(feature = "split", lazy)]
async fn recover_drafts(app: AppCtx) {
    drafts::recover_all(app).await
}

/// Makes the draft writes that pages which went away kept in local storage
/// (`drafts::rescue`), once the directory has been read: so a draft whose composer is not
/// opened again is complete in the Drafts view too.
pub fn start_draft_recovery(app: AppCtx) {
    leptos::task::spawn_local(async move {
        app.until_turn(AfterPaint::Directory).await;
        app.until_directory().await;
        recover_drafts(app).await
    });
}
