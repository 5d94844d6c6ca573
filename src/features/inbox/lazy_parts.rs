//! The parts of a workspace that its first paint (the list of the current view) does not need,
//! behind Leptos `#[lazy]` boundaries (issue 2: initial load ≤ 250 KB brotli; split by
//! scripts/post-build.mjs): the **Compose** button and its dialog, the **Import .eml** button,
//! the search results (once something is typed), the Sent / Outbox / Drafts lists, and the
//! counts of those three views (they read whole outbox and draft records). The sidebar ones
//! (buttons, counts) are mounted once the first screen is painted, each in its turn
//! ([`AfterPaint`]), the
//! others when first used; a Loading note stands in for a visible part meanwhile.
//!
//! Owns only the loading boundaries; what each part shows is its own file's.

use super::import_button::{ImportButton, ImportResults};
use super::mail_lists::{DraftsList, OutboxList, SentList};
use super::search_results::SearchResults;
use crate::domain::from::ComposerKind;
use crate::domain::views::ListFilters;
use crate::domain::{Area, ConversationId, InboxId, UserId, View};
use crate::features::composer::ComposeLauncher;
use crate::i18n::{k, web::t, Key};
use crate::services::{queries, use_app, AfterPaint, AppCtx, AppError};
use crate::ui::Loading;
use leptos::prelude::*;

fn loading() -> impl IntoView {
    view! { <Loading label=t(k::UI__LOADING) /> }
}

// Split only in the app build (feature `split`, set by index.html): a test binary cannot
// link a lazy function (its import is resolved by scripts/post-build.mjs).
#[cfg_attr(feature = "split", lazy)]
async fn compose_launcher(label: Key, heading: Key, kind: Signal<Option<ComposerKind>>) -> AnyView {
    view! { <ComposeLauncher label heading kind /> }.into_any()
}

/// [`ComposeLauncher`] of the workspace sidebar, loaded after the first paint.
#[component]
pub fn LazyComposeLauncher(
    label: Key,
    heading: Key,
    #[prop(into)] kind: Signal<Option<ComposerKind>>,
) -> impl IntoView {
    after_paint(AfterPaint::Compose, move || {
        view! {
            <Suspense fallback=loading>{Suspend::new(compose_launcher(label, heading, kind))}</Suspense>
        }
    })
}

/// `part` once its turn after the first paint has come ([`AfterPaint`]), a Loading note until
/// then: fetching a part's chunk must not compete with the first rows.
fn after_paint<V: IntoView + 'static>(
    turn: AfterPaint,
    part: impl Fn() -> V + Send + Sync + 'static,
) -> impl IntoView {
    let ready = use_app().turn_signal(turn);
    move || match ready.get() {
        false => loading().into_any(),
        true => part().into_any(),
    }
}

#[cfg_attr(feature = "split", lazy)]
async fn import_button(results: ImportResults, busy: RwSignal<bool>) -> AnyView {
    view! { <ImportButton results busy /> }.into_any()
}

/// [`ImportButton`], loaded after the first paint (the drop zone around the list stays).
#[component]
pub fn LazyImportButton(results: ImportResults, busy: RwSignal<bool>) -> impl IntoView {
    after_paint(AfterPaint::Import, move || {
        view! { <Suspense fallback=loading>{Suspend::new(import_button(results, busy))}</Suspense> }
    })
}

#[cfg_attr(feature = "split", lazy)]
async fn search_results(
    area: Area,
    inbox: InboxId,
    view: View,
    text: Signal<String>,
    selected: Signal<Option<ConversationId>>,
) -> AnyView {
    view! { <SearchResults area inbox view text selected /> }.into_any()
}

/// Fetches the search results' code in its turn after the first paint, so the first search
/// does not wait for it (9 chunks, ~300 ms on the bench machine). Fetched once; a later call
/// finds it loaded. Nothing to fetch in a build without code splitting.
pub fn preload_search(app: AppCtx) {
    leptos::task::spawn_local(async move {
        app.until_turn(AfterPaint::Search).await;
        #[cfg(feature = "split")]
        __preload_search_results().await;
    });
}

/// [`SearchResults`], loaded the first time the rep types a search.
#[component]
pub fn LazySearchResults(
    area: Area,
    inbox: InboxId,
    view: View,
    text: Signal<String>,
    selected: Signal<Option<ConversationId>>,
) -> impl IntoView {
    view! {
        <Suspense fallback=loading>
            {Suspend::new(search_results(area, inbox, view, text, selected))}
        </Suspense>
    }
}

#[cfg_attr(feature = "split", lazy)]
async fn mail_list(view: View, area: Area) -> AnyView {
    match view {
        View::Sent => view! { <SentList area /> }.into_any(),
        View::Outbox => view! { <OutboxList /> }.into_any(),
        _ => view! { <DraftsList area /> }.into_any(),
    }
}

/// The list of **Sent**, **Outbox** or **Drafts** (any other view shows Drafts; the caller
/// uses it for those three only), loaded the first time one of them is opened.
#[component]
pub fn LazyMailList(view: View, area: Area) -> impl IntoView {
    view! { <Suspense fallback=loading>{Suspend::new(mail_list(view, area))}</Suspense> }
}

#[cfg_attr(feature = "split", lazy)]
async fn mail_view_count(app: AppCtx, view: View, me: UserId) -> Result<u32, AppError> {
    queries::mail_view_count(app, view, &me).await
}

/// [`queries::view_count`]; the views that list conversations count by index here (the same
/// query as their list), the others (Sent, Outbox, Drafts) through a lazily loaded chunk, so
/// their record readers are not in the initial load.
pub async fn view_count(
    app: AppCtx,
    view: View,
    area: Area,
    inbox: InboxId,
    me: UserId,
    filters: ListFilters,
) -> Result<u32, AppError> {
    if view.lists_conversations() {
        queries::conversation_view_count(app, view, area, &inbox, &me, &filters).await
    } else {
        // Their chunk is fetched after the first paint; the counts show a moment later.
        app.until_turn(AfterPaint::MailCounts).await;
        mail_view_count(app, view, me).await
    }
}
