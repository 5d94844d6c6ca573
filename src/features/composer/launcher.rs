//! A button that opens a composer in a native modal `<dialog>`: **Compose** in the workspace
//! sidebar (a new email in the help desk or an inbox) and **Send email** on a contact record
//! (the CRM composer). The composer is mounted only while the dialog is open, so reopening it
//! restores the stored draft; closing it writes the draft at once.

use super::lazy_composer::LazyComposer;
use crate::domain::from::ComposerKind;
use crate::domain::{ContactId, DraftKey, DraftTarget, ReplyMode};
use crate::i18n::{k, web::t, Key};
use crate::services::use_app;
use leptos::html::Dialog;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_url};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;

/// The draft target of a new email: one unfinished new email per composer (help desk, each
/// inbox, each contact), so reopening **Compose** brings it back.
pub fn compose_target(kind: &ComposerKind, contact: Option<&ContactId>) -> DraftTarget {
    match (kind, contact) {
        (_, Some(contact)) => DraftTarget::Contact(contact.clone()),
        (ComposerKind::HelpDesk, None) => DraftTarget::NewCompose("help-desk".into()),
        (ComposerKind::Inbox(inbox), None) => DraftTarget::NewCompose(format!("inbox-{inbox}")),
        (ComposerKind::Crm, None) => DraftTarget::NewCompose("crm".into()),
    }
}

/// Where the new-email draft of composer `composer` (a [`compose_target`] id) is opened
/// again: its workspace's Drafts view with `?compose=1`, which opens that **Compose**. A CRM
/// draft without a contact has no such place.
pub fn compose_link(composer: &str) -> Option<String> {
    match composer.strip_prefix("inbox-") {
        Some(inbox) => Some(format!("/inbox/drafts?inbox={inbox}&{OPEN_PARAM}=1")),
        None if composer == "help-desk" => Some(format!("/help-desk/drafts?{OPEN_PARAM}=1")),
        None => None,
    }
}

/// The query parameter that opens the composer: `?compose=1`.
pub const OPEN_PARAM: &str = "compose";

#[component]
pub fn ComposeLauncher(
    /// The button's text: **Compose** or **Send email**.
    label: Key,
    /// The dialog's heading.
    heading: Key,
    #[prop(into)] kind: Signal<Option<ComposerKind>>,
    /// The contact of a CRM composer (its draft target and default recipient).
    #[prop(optional)]
    contact: Option<(ContactId, String)>,
) -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(false);
    let node = NodeRef::<Dialog>::new();
    // Effect: pushes `open` out to the DOM dialog (no signal is written here).
    Effect::new(move |_| {
        let Some(dialog) = node.get() else { return };
        if open.get() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        } else if dialog.open() {
            dialog.close();
        }
    });
    // `?compose=1` (a new-email draft's link in the Drafts view) opens the composer once the
    // button can; the parameter is then taken out of the address, so a reload or Back does
    // not open it again.
    let url = use_url();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let at = url.get();
        if at.search_params().get_str(OPEN_PARAM) != Some("1") || kind.with(|k| k.is_none()) {
            return;
        }
        open.set(true);
        let rest: ParamsMap = at
            .search_params()
            .clone()
            .into_iter()
            .filter(|(key, _)| key != OPEN_PARAM)
            .collect();
        navigate(
            &format!("{}{}", at.path(), rest.to_query_string()),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });
    let heading_id = format!("dlg-{}", label.name().replace(['.', '_'], "-"));
    let on_sent = Callback::new(move |_| open.set(false));
    let on_discarded = Callback::new(move |_| open.set(false));
    view! {
        <button
            type="button"
            class="sb-button sb-button--primary"
            disabled=move || kind.with(|k| k.is_none())
            on:click=move |_| open.set(true)
            data-shortcut="compose"
        >
            {t(label)}
        </button>
        <dialog
            node_ref=node
            class="sb-dialog sb-dialog--composer"
            aria-labelledby=heading_id.clone()
            on:close=move |_| open.set(false)
        >
            <header class="sb-dialog__head">
                <h2 id=heading_id.clone() class="sb-dialog__title">{t(heading)}</h2>
                <button type="button" class="sb-button" on:click=move |_| open.set(false)>
                    {t(k::COMMON__CLOSE)}
                </button>
            </header>
            {move || {
                if !open.get() {
                    return None;
                }
                let kind = kind.get()?;
                let user = app.user_id.get()?;
                let (contact_id, contact_email) = match &contact {
                    Some((id, email)) => (Some(id.clone()), Some(email.clone())),
                    None => (None, None),
                };
                let key = DraftKey {
                    user,
                    target: compose_target(&kind, contact_id.as_ref()),
                    mode: ReplyMode::Compose,
                };
                Some(view! { <LazyComposer kind key prefill_to=contact_email on_sent on_discarded /> })
            }}
        </dialog>
    }
}
