//! The **Actions** menu of Settings › Inboxes: **Rename inbox** and **Create new inbox**
//! (Professional and Enterprise only; on other plans the item is disabled and says why). It
//! opens the dialogs; the dialogs call the services.

use super::create_inbox_dialog::CreateInboxDialog;
use super::rename_dialog::RenameInboxDialog;
use crate::domain::access::{can, Action, Decision, DenyReason, Resource};
use crate::domain::{Inbox, InboxId};
use crate::i18n::errors::Translated;
use crate::i18n::{
    k,
    web::{t, tf},
    Key,
};
use crate::services::use_app;
use leptos::prelude::*;

#[component]
pub fn InboxActions(
    inbox: Memo<Option<Inbox>>,
    denied: Memo<Option<String>>,
    on_select: Callback<InboxId>,
) -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(false);
    let rename_open = RwSignal::new(false);
    let create_open = RwSignal::new(false);
    let create_denied = Memo::new(move |_| {
        let user = app.user()?;
        // Not allowed while the whole directory is not read (the page waits for it).
        let Some(decision) = app.with_directory(|d| {
            can(
                &user,
                Action::CreateInbox,
                &Resource::Workspace,
                &d.workspace,
            )
        }) else {
            return Some(t(k::UI__LOADING));
        };
        match decision {
            Decision::Allowed => None,
            Decision::Denied(DenyReason::PlanTooLow { plan, .. }) => Some(tf(
                k::INBOXES__PLAN_REASON_CURRENT,
                &[("plan", &plan.label())],
            )),
            Decision::Denied(reason) => Some(reason.translated()),
        }
    });
    let rename_denied = Memo::new(move |_| {
        if inbox.with(Option::is_none) {
            return Some(t(k::INBOXES__CHOOSE_FIRST));
        }
        denied.get()
    });
    let item = move |label: Key,
                     reason: Memo<Option<String>>,
                     reason_id: &'static str,
                     dialog: RwSignal<bool>| {
        view! {
            <li role="none">
                <button
                    role="menuitem"
                    class="sb-menu__item"
                    disabled=move || reason.with(Option::is_some)
                    title=move || reason.get().unwrap_or_default()
                    aria-describedby=reason_id
                    on:click=move |_| {
                        open.set(false);
                        dialog.set(true);
                    }
                >
                    {t(label)}
                </button>
                <span id=reason_id class="sb-menu__reason" hidden=move || reason.with(Option::is_none)>
                    {move || reason.get().unwrap_or_default()}
                </span>
            </li>
        }
    };
    let keys = crate::ui::menu::MenuKeys::new(open, "sb-inbox-actions");
    view! {
        <div class="sb-menu" on:keydown=move |ev| keys.on_keydown(ev)>
            <button
                node_ref=keys.button
                class="sb-button"
                aria-haspopup="menu"
                aria-expanded=move || open.get().to_string()
                aria-controls="sb-inbox-actions"
                on:click=move |_| keys.toggle()
            >
                {t(k::COMMON__ACTIONS)}
            </button>
            <ul id="sb-inbox-actions" role="menu" aria-label=t(k::COMMON__ACTIONS) class="sb-menu__list" hidden=move || !open.get()>
                {item(k::INBOXES__RENAME, rename_denied, "sb-rename-reason", rename_open)}
                {item(k::INBOXES__CREATE, create_denied, "sb-create-reason", create_open)}

            </ul>
            {move || inbox.get().map(|i| view! { <RenameInboxDialog open=rename_open inbox=i /> })}
            <CreateInboxDialog open=create_open on_created=on_select />
        </div>
    }
}
