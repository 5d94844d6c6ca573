//! **Create ticket** from a conversation (SPEC §6): name prefilled with the subject, pipeline
//! "Support Pipeline", priority, and **Ticket owner** defaulting to the conversation owner.
//! On Professional/Enterprise the toast says the conversation moved to the help desk and links
//! there.

use super::action_dialogs::run;
use super::form_dialog::FormDialog;
use crate::domain::{Conversation, Priority, UserId};
use crate::i18n::errors::Translated;
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::actions::{self, NewTicket};
use crate::services::{tickets, use_app};
use crate::text::lowercase;
use crate::ui::labels;
use leptos::prelude::*;

pub const DEFAULT_PIPELINE: &str = "Support Pipeline";

#[component]
pub fn CreateTicketDialog(open: RwSignal<bool>, conversation: Conversation) -> impl IntoView {
    let app = use_app();
    let users = app.summary.with_untracked(|d| {
        let mut users = d.users.clone();
        users.sort_by_cached_key(|u| lowercase(&u.full_name()));
        users
    });
    let name = RwSignal::new(conversation.subject.clone());
    let pipeline = RwSignal::new(DEFAULT_PIPELINE.to_owned());
    let priority = RwSignal::new(Priority::Medium);
    // Empty: the conversation owner (the default rule), whoever that is at creation time.
    let owner = RwSignal::new(String::new());
    let owner_default = match &conversation.assignee {
        Some(id) => {
            let name = users
                .iter()
                .find(|u| &u.id == id)
                .map(|u| u.full_name())
                .unwrap_or_else(|| id.to_string());
            tf(k::THREAD__OWNER_DEFAULT, &[("name", &name)])
        }
        None => t(k::THREAD__OWNER_NOBODY),
    };
    let id = conversation.id.clone();
    let submit = move |_| {
        let owner = owner.get_untracked();
        let form = NewTicket {
            name: name.get_untracked(),
            pipeline: pipeline.get_untracked(),
            priority: priority.get_untracked(),
            owner: (!owner.is_empty()).then(|| UserId::new(owner)),
        };
        run(app, actions::create_ticket(app, id.clone(), form));
    };
    // What the rules say of the name as typed (empty, a line break, too long), next to it.
    let name_error = Signal::derive(move || {
        name.with(|n| {
            crate::domain::lifecycle::ticket_name(n)
                .err()
                .map(|e| e.translated())
        })
    });
    let name_missing = Signal::derive(move || name_error.with(Option::is_some));
    view! {
        <FormDialog open title=t(k::THREAD__CREATE_TICKET) submit_label=t(k::THREAD__CREATE) on_submit=submit submit_disabled=name_missing>
            <label class="sb-field">
                <span class="sb-field__label">{t(k::COMMON__TICKET_NAME)}</span>
                <input
                    class="sb-input"
                    aria-describedby="sb-create-ticket-name-error"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
                {move || name_error.get().map(|e| view! {
                    <p class="sb-field__error" id="sb-create-ticket-name-error">{e}</p>
                })}
            </label>
            <label class="sb-field">
                <span class="sb-field__label">{t(k::COMMON__PIPELINE)}</span>
                <select class="sb-select" on:change=move |ev| pipeline.set(event_target_value(&ev))>
                    <option value=DEFAULT_PIPELINE>{DEFAULT_PIPELINE}</option>
                </select>
            </label>
            <label class="sb-field">
                <span class="sb-field__label">{t(k::COMMON__PRIORITY)}</span>
                <select
                    class="sb-select"
                    prop:value=move || tickets::priority_key(priority.get())
                    on:change=move |ev| {
                        if let Some(p) = tickets::priority_from_key(&event_target_value(&ev)) {
                            priority.set(p);
                        }
                    }
                >
                    {tickets::PRIORITIES
                        .into_iter()
                        .map(|p| view! { <option value=tickets::priority_key(p)>{labels::priority(p)}</option> })
                        .collect_view()}
                </select>
            </label>
            <label class="sb-field">
                <span class="sb-field__label">{t(k::COMMON__TICKET_OWNER)}</span>

                <select
                    class="sb-select"
                    prop:value=move || owner.get()
                    on:change=move |ev| owner.set(event_target_value(&ev))
                >
                    <option value="">{owner_default}</option>
                    {users
                        .into_iter()
                        .map(|u| view! { <option value=u.id.to_string()>{u.full_name()}</option> })
                        .collect_view()}
                </select>
            </label>
        </FormDialog>
    }
}
