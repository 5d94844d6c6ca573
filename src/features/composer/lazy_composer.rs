//! The Compose dialog's composer as a lazily loaded part (issue 2: initial load ≤ 250 KB
//! brotli): the composer, its From control, drafts and sending (MIME building) are a wasm chunk
//! (Leptos `#[lazy]`, split by scripts/post-build.mjs), fetched the first time a Compose dialog
//! opens. Reply composers come with the thread view's chunk.
//!
//! The boundary also waits for the whole directory (`AppCtx::until_directory`): the From
//! control reads it.
//!
//! Owns only the loading boundary; the composer itself is `compose_form`'s.

use super::compose_form::Composer;
use crate::domain::from::ComposerKind;
use crate::domain::DraftKey;
use crate::services::send::Sent;
use crate::ui::Loading;
use leptos::prelude::*;

// Split only in the app build (feature `split`, set by index.html): a test binary cannot
// link a lazy function (its import is resolved by scripts/post-build.mjs).
#[cfg_attr(feature = "split", lazy)]
async fn composer(
    kind: ComposerKind,
    key: DraftKey,
    prefill_to: Option<String>,
    on_sent: Callback<Sent>,
    on_discarded: Callback<()>,
) -> AnyView {
    match prefill_to {
        Some(to) => view! {
            <Composer kind key conversation=Signal::derive(|| None) prefill_to=to on_sent on_discarded />
        }
        .into_any(),
        None => {
            view! { <Composer kind key conversation=Signal::derive(|| None) on_sent on_discarded /> }.into_any()
        }
    }
}

/// A new-email [`Composer`], loaded on first use; "Opening the composer…" until its code is
/// there. A `Transition` (the boundary is for the code only): a resource refetched inside (the
/// Insert picker's list) must not take the open composer out of the document.
#[component]
pub fn LazyComposer(
    kind: ComposerKind,
    key: DraftKey,
    prefill_to: Option<String>,
    on_sent: Callback<Sent>,
    on_discarded: Callback<()>,
) -> impl IntoView {
    let app = crate::services::use_app();
    // A local resource: the wait is a JS promise (not `Send`), and a resource can be awaited
    // inside the `Send` future a boundary takes.
    let directory = LocalResource::new(move || async move { app.until_directory().await });
    view! {
        <Transition fallback=|| view! { <Loading label=crate::i18n::web::t(crate::i18n::k::COMPOSER__OPENING) /> }>
            {Suspend::new(async move {
                directory.await;
                composer(kind, key, prefill_to, on_sent, on_discarded).await
            })}
        </Transition>
    }
}
