//! The editable properties of a ticket on its record page (SPEC §6): name, **Ticket status**
//! (Closed closes all its conversations), priority and **Ticket owner**. Each change is one
//! `services::actions` command, reported as a toast.

use crate::domain::{Ticket, UserId};
use crate::i18n::errors::Translated;
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::actions::{self, report, Done};
use crate::services::{tickets, use_app, AppCtx, AppError};
use crate::text::lowercase;
use crate::ui::labels;
use leptos::prelude::*;

pub(super) fn run(
    app: AppCtx,
    fut: impl std::future::Future<Output = Result<Done, AppError>> + 'static,
) {
    leptos::task::spawn_local(async move { report(app, fut.await) });
}

/// **Ticket name**, saved when changed (Enter, or leaving the field). A name the rules refuse
/// (empty, a line break, too long: `domain::lifecycle::ticket_name`) is said next to the field,
/// stays as typed for the rep to correct, and nothing is saved. Also the ticket card's.
#[component]
pub fn TicketNameField(ticket: crate::domain::TicketId, name: String) -> impl IntoView {
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let id = StoredValue::new(ticket);
    let error_id = format!("sb-ticket-name-error-{}", id.with_value(|t| t.to_string()));
    let described = error_id.clone();
    view! {
        <label class="sb-field">
            <span class="sb-field__label">{t(k::COMMON__TICKET_NAME)}</span>
            <input
                class="sb-input"
                prop:value=name
                aria-invalid=move || error.with(|e| e.is_some().then_some("true"))
                aria-describedby=move || error.with(|e| e.is_some().then(|| described.clone()))
                on:change=move |ev| {
                    let typed = event_target_value(&ev);
                    match crate::domain::lifecycle::ticket_name(&typed) {
                        Err(why) => error.set(Some(why.translated())),
                        Ok(_) => {
                            error.set(None);
                            run(app, actions::set_ticket_name(app, id.get_value(), typed));
                        }
                    }
                }
            />
            {move || error.get().map(|e| view! { <p class="sb-field__error" id=error_id.clone()>{e}</p> })}
        </label>
    }
}

#[component]
pub fn TicketProps(ticket: Ticket) -> impl IntoView {
    let app = use_app();
    let users = app.summary.with_untracked(|d| {
        let mut users = d.users.clone();
        users.sort_by_cached_key(|u| lowercase(&u.full_name()));
        users
    });
    let id = StoredValue::new(ticket.id.clone());
    let (status, priority) = (ticket.status, ticket.priority);
    let owner = ticket.owner.clone();
    view! {
        <div class="sb-ticket-props">
            <TicketNameField ticket=ticket.id.clone() name=ticket.name.clone() />
            <p class="sb-card__prop">{tf(k::TICKET__PIPELINE_VALUE, &[("pipeline", &ticket.pipeline)])}</p>
            <label class="sb-field">
                <span class="sb-field__label">{t(k::COMMON__TICKET_STATUS)}</span>
                <select class="sb-select" on:change=move |ev| {
                    if let Some(s) = tickets::status_from_key(&event_target_value(&ev)) {
                        run(app, actions::set_ticket_status(app, id.get_value(), s));
                    }
                }>
                    {tickets::STATUSES.into_iter().map(|s| view! {
                        <option value=tickets::status_key(s) selected=s == status>{labels::ticket_status(s)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="sb-field">
                <span class="sb-field__label">{t(k::COMMON__PRIORITY)}</span>
                <select class="sb-select" on:change=move |ev| {
                    if let Some(p) = tickets::priority_from_key(&event_target_value(&ev)) {
                        run(app, actions::set_ticket_priority(app, id.get_value(), p));
                    }
                }>
                    {tickets::PRIORITIES.into_iter().map(|p| view! {
                        <option value=tickets::priority_key(p) selected=p == priority>{labels::priority(p)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="sb-field">
                <span class="sb-field__label">{t(k::COMMON__TICKET_OWNER)}</span>
                <select class="sb-select" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    run(app, actions::set_ticket_owner(app, id.get_value(), (!v.is_empty()).then(|| UserId::new(v))));
                }>
                    <option value="" selected=owner.is_none()>{t(k::COMMON__NO_OWNER)}</option>

                    {users.into_iter().map(|u| {
                        let selected = owner.as_ref() == Some(&u.id);
                        view! { <option value=u.id.to_string() selected=selected>{u.full_name()}</option> }
                    }).collect_view()}
                </select>
            </label>
        </div>
    }
}
