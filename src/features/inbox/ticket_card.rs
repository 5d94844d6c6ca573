//! The ticket card of the thread sidebar (SPEC §6): the ticket's name and the properties the
//! user chose to see (**Edit the properties shown**, remembered per user), each editable in
//! place: **Ticket status**, priority, **Ticket owner**. **View more** opens the full ticket
//! record in a new tab.

use super::action_dialogs::run;
use crate::domain::{Ticket, UserId};
use crate::i18n::{
    k,
    web::{t, tf, tn},
};
use crate::services::actions;
use crate::services::tickets::{self, CardProp};
use crate::services::use_app;
use crate::text::lowercase;
use crate::ui::labels;
use leptos::prelude::*;

#[component]
pub fn TicketCard(ticket: Ticket) -> impl IntoView {
    let app = use_app();
    let users = app.summary.with_untracked(|d| {
        let mut users = d.users.clone();
        users.sort_by_cached_key(|u| lowercase(&u.full_name()));
        users
    });
    let props = LocalResource::new(move || {
        app.data_rev.track();
        let me = app.user_id.get();
        async move {
            match me {
                Some(me) => tickets::card_props(app, me).await,
                None => Ok(CardProp::DEFAULT.to_vec()),
            }
        }
    });
    let shown = move |p: CardProp| {
        props
            .get()
            .and_then(Result::ok)
            .unwrap_or_else(|| CardProp::DEFAULT.to_vec())
            .contains(&p)
    };
    let toggle = move |p: CardProp, on: bool| {
        let Some(me) = app.user_id.get_untracked() else {
            return;
        };
        let mut list = props
            .get_untracked()
            .and_then(Result::ok)
            .unwrap_or_else(|| CardProp::DEFAULT.to_vec());
        list.retain(|x| *x != p);
        if on {
            list.push(p);
        }
        leptos::task::spawn_local(async move {
            match tickets::save_card_props(app, me, list).await {
                Ok(()) => props.refetch(),
                Err(err) => app.toast_error(&err),
            }
        });
    };
    let choosing = RwSignal::new(false);
    let id = StoredValue::new(ticket.id.clone());
    let href = format!("/tickets/{}", ticket.id);
    let status = ticket.status;
    let priority = ticket.priority;
    let owner = ticket
        .owner
        .as_ref()
        .map(|u| u.to_string())
        .unwrap_or_default();
    let created = crate::services::session::now_millis();
    let created_text = {
        let days = (created - ticket.created_at).max(0) / 86_400_000;
        if days == 0 {
            t(k::TICKET__TODAY)
        } else {
            tn(k::TICKET__DAYS_AGO, days as u64, &[])
        }
    };
    view! {
        <section class="sb-card" aria-label=t(k::TICKET__CARD)>
            <h3 class="sb-card__title">
                <a href=href.clone() target="_blank" rel="noopener">{ticket.name.clone()}</a>
            </h3>
            <crate::features::tickets::TicketNameField ticket=ticket.id.clone() name=ticket.name.clone() />
            <Show when=move || shown(CardProp::Pipeline)>
                <p class="sb-card__prop">{tf(k::TICKET__PIPELINE_VALUE, &[("pipeline", &ticket.pipeline)])}</p>
            </Show>
            <Show when=move || shown(CardProp::Status)>
                <div class="sb-field">
                    <label class="sb-field__label" for="sb-card-status">{t(k::COMMON__TICKET_STATUS)}</label>
                    <select id="sb-card-status" class="sb-select" prop:value=tickets::status_key(status) on:change=move |ev| {
                        if let Some(s) = tickets::status_from_key(&event_target_value(&ev)) {
                            run(app, actions::set_ticket_status(app, id.get_value(), s));
                        }
                    }>
                        {tickets::STATUSES.into_iter().map(|s| view! {
                            <option value=tickets::status_key(s) selected=s == status>{labels::ticket_status(s)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </Show>
            <Show when=move || shown(CardProp::Priority)>
                <div class="sb-field">
                    <label class="sb-field__label" for="sb-card-priority">{t(k::COMMON__PRIORITY)}</label>
                    <select id="sb-card-priority" class="sb-select" prop:value=tickets::priority_key(priority) on:change=move |ev| {
                        if let Some(p) = tickets::priority_from_key(&event_target_value(&ev)) {
                            run(app, actions::set_ticket_priority(app, id.get_value(), p));
                        }
                    }>
                        {tickets::PRIORITIES.into_iter().map(|p| view! {
                            <option value=tickets::priority_key(p) selected=p == priority>{labels::priority(p)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </Show>
            <Show when=move || shown(CardProp::Owner)>
                <div class="sb-field">
                    <label class="sb-field__label" for="sb-card-owner">{t(k::COMMON__TICKET_OWNER)}</label>
                    <select id="sb-card-owner" class="sb-select" prop:value=owner.clone() on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let owner = (!v.is_empty()).then(|| UserId::new(v));
                        run(app, actions::set_ticket_owner(app, id.get_value(), owner));
                    }>
                        <option value="">{t(k::COMMON__NO_OWNER)}</option>
                        {users.iter().map(|u| view! {
                            <option value=u.id.to_string() selected=Some(&u.id) == ticket.owner.as_ref()>{u.full_name()}</option>
                        }).collect_view()}
                    </select>
                </div>
            </Show>
            <Show when=move || shown(CardProp::Created)>
                <p class="sb-card__prop">{tf(k::TICKET__CREATED_VALUE, &[("when", &created_text)])}</p>
            </Show>
            <p class="sb-card__links">
                <a href=href target="_blank" rel="noopener">{t(k::TICKET__VIEW_MORE)}</a>
                <button
                    class="sb-button sb-button--link"
                    aria-expanded=move || choosing.get().to_string()
                    on:click=move |_| choosing.update(|c| *c = !*c)
                >
                    {t(k::TICKET__EDIT_SHOWN)}
                </button>
            </p>
            <Show when=move || choosing.get()>
                <fieldset class="sb-card__choose">
                    <legend>{t(k::TICKET__PROPERTIES_SHOWN)}</legend>
                    {CardProp::ALL.into_iter().map(|p| view! {
                        <label class="sb-check">
                            <input
                                type="checkbox"
                                prop:checked=move || shown(p)
                                on:change=move |ev| toggle(p, event_target_checked(&ev))
                            />
                            {labels::show_card_prop(p)}

                        </label>
                    }).collect_view()}
                </fieldset>
            </Show>
        </section>
    }
}
