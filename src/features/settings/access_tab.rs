//! The **Access** tab: **Who has inbox access** (**Everyone** or **Specific users and teams**)
//! and **Save**. Users without access stop seeing the inbox (the workspaces list only
//! `services::access::visible_inboxes`).

use super::access_picker::{AccessPicker, AccessState};
use super::field_error::FieldError;
use crate::domain::{InboxAccess, InboxId};
use crate::i18n::errors::Translated;
use crate::i18n::{k, web::t};
use crate::services::settings::{self, field};
use crate::services::{ctx::ToastKind, use_app, AppError};
use leptos::prelude::*;

#[component]
pub fn AccessTab(inbox: InboxId, denied: Memo<Option<String>>) -> impl IntoView {
    let app = use_app();
    let saved = app
        .with_directory_untracked(|d| {
            d.inboxes
                .iter()
                .find(|i| i.id == inbox)
                .map(|i| i.access.clone())
        })
        .flatten()
        .unwrap_or(InboxAccess::Everyone);
    let state = AccessState::new(&saved);
    let error = RwSignal::new(None::<AppError>);
    let save = Action::new_local(move |access: &InboxAccess| {
        let (inbox, access) = (inbox.clone(), access.clone());
        async move {
            match settings::set_inbox_access(app, inbox, access).await {
                Ok(()) => app.toast(ToastKind::Info, t(k::ACCESS__SAVED)),
                Err(err) => error.set(Some(err)),
            }
        }
    });
    let access_error =
        Signal::derive(move || error.with(|e| e.as_ref().and_then(|e| e.field(field::ACCESS))));
    let other_error = Signal::derive(move || {
        error.with(|e| match e {
            Some(e) if e.field(field::ACCESS).is_none() => Some(e.translated()),
            _ => None,
        })
    });
    view! {
        <form
            class="sb-form"
            on:submit=move |ev| {
                ev.prevent_default();
                error.set(None);
                save.dispatch(state.access());
            }
        >
            <FieldError id="access-form-error" error=other_error />
            <AccessPicker state id="access-tab" error=access_error />
            <button
                type="submit"
                class="sb-button sb-button--primary"
                disabled=move || denied.with(Option::is_some) || save.pending().get()
                title=move || denied.get().unwrap_or_default()
            >
                {t(k::COMMON__SAVE)}

            </button>
        </form>
    }
}
