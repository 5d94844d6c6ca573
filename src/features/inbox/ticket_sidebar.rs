//! The thread's right sidebar (SPEC §6): the ticket card (or **Add to existing ticket** when
//! the conversation has none), the contact card, and the contact's past conversations.

use super::action_dialogs::run;
use super::ticket_card::TicketCard;
use super::workspace::base_path;
use crate::domain::{Contact, Conversation, Ticket, TicketId};
use crate::i18n::errors::Translated;
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::{actions, tickets, use_app};
use crate::ui::ErrorNote;
use leptos::prelude::*;
use leptos_router::components::A;

/// Its reads (the ticket card's fields, open tickets, past conversations) have boundaries of
/// their own: the thread's boundary shows the messages as soon as the thread is read, and the
/// sidebar fills in when its reads are done (the card column is there from the start).
#[component]
pub fn TicketSidebar(
    conversation: Conversation,
    ticket: Option<Ticket>,
    contact: Option<Contact>,
) -> impl IntoView {
    let app = use_app();
    let conv = conversation.clone();
    let data = LocalResource::new(move || {
        app.data_rev.track();
        tickets::sidebar(app, conv.clone())
    });
    let choice = RwSignal::new(String::new());
    let id = conversation.id.clone();
    let add = move |_| {
        let target = choice.get_untracked();
        if target.is_empty() {
            app.toast(
                crate::services::ctx::ToastKind::Error,
                t(k::TICKET__CHOOSE_FIRST),
            );
            return;
        }
        run(
            app,
            actions::add_to_ticket(app, id.clone(), TicketId::new(target)),
        );
    };
    let trashed = conversation.trashed_at.is_some();
    let ticket_part = match ticket {
        Some(t) => view! { <Transition fallback=|| ()><TicketCard ticket=t /></Transition> }.into_any(),
        None if trashed => ().into_any(),
        None => view! {
            <section class="sb-card" aria-label=t(k::TICKET__ADD_EXISTING)>
                <label class="sb-field">
                    <span class="sb-field__label">{t(k::TICKET__EXISTING)}</span>
                    <select class="sb-select" prop:value=move || choice.get() on:change=move |ev| choice.set(event_target_value(&ev))>
                        <option value="">{t(k::TICKET__CHOOSE)}</option>
                        <Transition fallback=|| ()>
                            {move || data.get().and_then(Result::ok).map(|d| d.open_tickets.into_iter().map(|t| view! {
                                <option value=t.id.to_string()>{t.name}</option>
                            }).collect_view())}
                        </Transition>
                    </select>
                </label>
                <button class="sb-button" on:click=add>{t(k::TICKET__ADD_EXISTING)}</button>
            </section>
        }
        .into_any(),
    };
    let contact_part = contact.map(|c| {
        let owner = c.owner.as_ref().and_then(|o| {
            app.summary
                .with_untracked(|d| d.users.iter().find(|u| &u.id == o).map(|u| u.full_name()))
        });
        let (href, name, email) = (
            format!("/contacts/{}", c.id),
            c.display_name(),
            c.email.to_string(),
        );
        view! {
            <section class="sb-card" aria-label=t(k::TICKET__CONTACT)>
                <h3 class="sb-card__title">
                    <A href=href>{name}</A>
                </h3>
                <p class="sb-card__prop">{email}</p>
                <p class="sb-card__prop">
                    {match owner {
                        Some(name) => tf(k::TICKET__CONTACT_OWNER_VALUE, &[("name", &name)]),
                        None => t(k::TICKET__CONTACT_OWNER_NONE),
                    }}

                </p>
            </section>
        }
    });
    view! {
        <aside class="sb-sidebar" aria-label=t(k::TICKET__SIDEBAR)>
            {ticket_part}
            {contact_part}
            <section class="sb-card" aria-label=t(k::TICKET__PAST_CONVERSATIONS)>
                <h3 class="sb-card__title">{t(k::TICKET__PAST_CONVERSATIONS)}</h3>
                <Transition fallback=|| ()>
                {move || match data.get() {
                    None => ().into_any(),
                    Some(Err(err)) => view! { <ErrorNote message=err.translated() /> }.into_any(),
                    Some(Ok(d)) if d.past_conversations.is_empty() => {
                        view! { <p class="sb-card__prop">{t(k::TICKET__NO_OTHER_CONVERSATIONS)}</p> }.into_any()

                    }
                    Some(Ok(d)) => view! {
                        <ul class="sb-plain-list">
                            {d.past_conversations.into_iter().map(|c| view! {
                                <li>
                                    <A href=format!("{}/conversations/{}?inbox={}", base_path(c.area), c.id, c.inbox)>
                                        {c.subject}
                                    </A>
                                </li>
                            }).collect_view()}
                        </ul>
                    }
                    .into_any(),
                }}
                </Transition>
            </section>
        </aside>
    }
}
