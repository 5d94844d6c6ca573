//! The **Automation** tab of the fallback email: **Automatically assign conversations** with
//! **Assign to** (**Specific users and teams** or **Contact owner**), and **Automatically
//! create tickets** with **Edit ticket** (pipeline, stage, priority, **Ticket owner**). It
//! edits the dialog state only; routing on arrival applies it elsewhere.

use super::fallback_state::FallbackState;
use super::field_error::FieldError;
use super::people_picker::PeoplePicker;
use crate::domain::inbox_setup::AssignMode;
use crate::domain::{Priority, TicketOwnerRule, TicketStatus, UserId};
use crate::i18n::{k, web::t};
use crate::services::settings::field;
use crate::services::use_app;
use crate::text::lowercase;
use crate::ui::labels;
use leptos::prelude::*;

const STAGES: [TicketStatus; 3] = [
    TicketStatus::New,
    TicketStatus::WaitingOnContact,
    TicketStatus::WaitingOnUs,
];
const PRIORITIES: [Priority; 4] = [
    Priority::Low,
    Priority::Medium,
    Priority::High,
    Priority::Urgent,
];
const CONVERSATION_OWNER: &str = "conversation-owner";

#[component]
pub fn AutomationTab(state: FallbackState) -> impl IntoView {
    let app = use_app();
    let mode = state.assign_mode;
    let edit_ticket = RwSignal::new(false);
    let users = move || {
        let mut list = app.summary.with(|d| d.users.clone());
        list.sort_by_cached_key(|u| lowercase(&u.full_name()));
        list.into_iter()
            .map(|u| view! { <option value=u.id.0.clone()>{u.full_name()}</option> })
            .collect_view()
    };
    view! {
        <label class="sb-check">
            <input
                type="checkbox"
                role="switch"
                prop:checked=move || state.auto_assign.get()
                on:change=move |ev| state.auto_assign.set(event_target_checked(&ev))
            />
            {t(k::AUTOMATION__AUTO_ASSIGN)}
        </label>
        <Show when=move || state.auto_assign.get()>
            <fieldset class="sb-fieldset" aria-describedby="fb-assign-error">
                <legend>{t(k::AUTOMATION__ASSIGN_TO)}</legend>
                <label class="sb-check">
                    <input
                        type="radio"
                        name="fb-assign-to"
                        prop:checked=move || mode.get() == AssignMode::SpecificUsersAndTeams
                        on:change=move |_| mode.set(AssignMode::SpecificUsersAndTeams)
                    />
                    {t(k::COMMON__SPECIFIC_USERS_AND_TEAMS)}
                </label>
                <Show when=move || mode.get() == AssignMode::SpecificUsersAndTeams>
                    <p class="sb-hint">{t(k::AUTOMATION__ROUND_ROBIN)}</p>
                    <PeoplePicker users=state.assign_users teams=state.assign_teams described_by="fb-assign-error" />
                </Show>
                <label class="sb-check">
                    <input
                        type="radio"
                        name="fb-assign-to"
                        prop:checked=move || mode.get() == AssignMode::ContactOwner
                        on:change=move |_| mode.set(AssignMode::ContactOwner)
                    />
                    {t(k::COMMON__CONTACT_OWNER)}
                </label>
            </fieldset>
        </Show>
        <FieldError id="fb-assign-error" error=state.field_error(field::ASSIGN_TO) />
        <label class="sb-check">
            <input
                type="checkbox"
                role="switch"
                prop:checked=move || state.auto_ticket.get()
                on:change=move |ev| state.auto_ticket.set(event_target_checked(&ev))
            />
            {t(k::AUTOMATION__AUTO_TICKET)}
        </label>
        <Show when=move || state.auto_ticket.get()>
            <button
                type="button"
                class="sb-button"
                aria-expanded=move || edit_ticket.get().to_string()
                aria-controls="fb-ticket-props"
                on:click=move |_| edit_ticket.update(|e| *e = !*e)
            >
                {t(k::AUTOMATION__EDIT_TICKET)}
            </button>
        </Show>
        <fieldset id="fb-ticket-props" class="sb-fieldset" hidden=move || !(state.auto_ticket.get() && edit_ticket.get())>
            <legend>{t(k::AUTOMATION__NEW_TICKET)}</legend>
            <label class="sb-field">
                <span class="sb-field__label">{t(k::COMMON__PIPELINE)}</span>
                <input
                    class="sb-input"
                    aria-describedby="fb-pipeline-error"
                    prop:value=move || state.pipeline.get()
                    on:input=move |ev| state.pipeline.set(event_target_value(&ev))
                />
            </label>
            <FieldError id="fb-pipeline-error" error=state.field_error(field::PIPELINE) />
            <label class="sb-field">
                <span class="sb-field__label">{t(k::COMMON__STAGE)}</span>
                <select
                    class="sb-select"
                    aria-describedby="fb-stage-error"
                    prop:value=move || STAGES.iter().position(|s| *s == state.stage.get()).unwrap_or(0).to_string()
                    on:change=move |ev| {
                        if let Some(s) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| STAGES.get(i)) {
                            state.stage.set(*s);
                        }
                    }
                >
                    {STAGES.iter().enumerate().map(|(i, s)| view! { <option value=i.to_string()>{labels::ticket_status(*s)}</option> }).collect_view()}
                </select>
            </label>
            <FieldError id="fb-stage-error" error=state.field_error(field::STAGE) />
            <label class="sb-field">
                <span class="sb-field__label">{t(k::COMMON__PRIORITY)}</span>
                <select
                    class="sb-select"
                    prop:value=move || PRIORITIES.iter().position(|p| *p == state.priority.get()).unwrap_or(0).to_string()
                    on:change=move |ev| {
                        if let Some(p) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| PRIORITIES.get(i)) {
                            state.priority.set(*p);
                        }
                    }
                >
                    {PRIORITIES.iter().enumerate().map(|(i, p)| view! { <option value=i.to_string()>{labels::priority(*p)}</option> }).collect_view()}
                </select>
            </label>
            <label class="sb-field">
                <span class="sb-field__label">{t(k::COMMON__TICKET_OWNER)}</span>
                <select
                    class="sb-select"
                    aria-describedby="fb-owner-error"
                    prop:value=move || match state.owner.get() {
                        TicketOwnerRule::ConversationOwner => CONVERSATION_OWNER.to_owned(),
                        TicketOwnerRule::User { user } => user.0,
                    }
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        state.owner.set(if value == CONVERSATION_OWNER {
                            TicketOwnerRule::ConversationOwner
                        } else {
                            TicketOwnerRule::User { user: UserId::new(value) }
                        });
                    }
                >
                    <option value=CONVERSATION_OWNER>{t(k::COMMON__CONVERSATION_OWNER)}</option>

                    {users}
                </select>
            </label>
            <FieldError id="fb-owner-error" error=state.field_error(field::TICKET_OWNER) />
        </fieldset>
    }
}
