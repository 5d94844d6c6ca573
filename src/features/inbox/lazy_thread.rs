//! The open conversation as a lazily loaded part (issue 2: initial load ≤ 250 KB brotli): the
//! thread view, its actions, dialogs, ticket sidebar and reply composer are a wasm chunk of
//! their own (Leptos `#[lazy]`, split by scripts/post-build.mjs), fetched the first time a
//! conversation is opened. The workspace list around it is in the initial load.
//!
//! The boundary also waits for the whole directory (`AppCtx::until_directory`): the thread's
//! actions, access decisions and reply From read it.
//!
//! Owns only the loading boundary; what a thread shows is `thread_view`'s.

use super::thread_view::ThreadView;
use crate::domain::{Area, ConversationId};
use crate::services::{AfterPaint, AppCtx};
use crate::ui::Loading;
use leptos::prelude::*;

// Split only in the app build (feature `split`, set by index.html): a test binary cannot
// link a lazy function (its import is resolved by scripts/post-build.mjs).
#[cfg_attr(feature = "split", lazy)]
async fn thread_view(area: Area, id: ConversationId) -> AnyView {
    view! { <ThreadView area id /> }.into_any()
}

/// Fetches the open conversation's code in its turn after the first paint (right after the
/// directory's), so the first conversation a rep opens does not wait for it (about a second
/// on the bench machine, the first open of a session). Fetched once; a later call finds it loaded. Nothing
/// to fetch in a build without code splitting.
pub fn preload_thread(app: AppCtx) {
    leptos::task::spawn_local(async move {
        app.until_turn(AfterPaint::Thread).await;
        #[cfg(feature = "split")]
        __preload_thread_view().await;
    });
}

/// [`ThreadView`], loaded on first use; "Opening conversation…" until its code is there.
///
/// A `Transition`, not a `Suspense`: the boundary is for the code only. Under a `Suspense`
/// every refetch of a resource read inside (the thread and the reply composer refetch on each
/// data revision, i.e. on every draft save) showed the fallback again and took the whole
/// thread, reply composer included, out of the document until the read finished: an Insert
/// landing in that window found no editor, and a shortcut found no button.
#[component]
pub fn LazyThreadView(area: Area, id: ConversationId) -> impl IntoView {
    let app = crate::services::use_app();
    // A local resource: the wait is a JS promise (not `Send`), and a resource can be awaited
    // inside the `Send` future a boundary takes.
    let directory = LocalResource::new(move || async move { app.until_directory().await });
    view! {
        <Transition fallback=|| view! { <Loading label=crate::i18n::web::t(crate::i18n::k::THREAD__OPENING) /> }>
            {Suspend::new(async move {
                directory.await;
                thread_view(area, id.clone()).await
            })}
        </Transition>
    }
}
