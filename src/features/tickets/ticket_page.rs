//! `/tickets/<id>`: the full ticket record, with its properties editable (SPEC §6) and its
//! conversations, and **Move ticket to trash** / **Restore**.

use super::ticket_props::TicketProps;
use super::ticket_trash::TicketTrash;
use crate::domain::Area;
use crate::domain::TicketId;
use crate::i18n::errors::Translated;
use crate::i18n::{k, web::t};
use crate::services::{tickets, use_app};
use crate::ui::{ErrorNote, Loading};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn TicketPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let ticket = LocalResource::new(move || {
        app.data_rev.track();
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        tickets::ticket_record(app, TicketId::new(id))
    });
    view! {
        <section class="sb-page">
            {move || match ticket.get() {
                None => view! { <Loading label=t(k::TICKET__LOADING) /> }.into_any(),
                Some(Err(err)) => view! { <ErrorNote message=err.translated() /> }.into_any(),
                Some(Ok(r)) => {
                    view! {
                        <h1>{r.ticket.name.clone()}</h1>
                        <TicketTrash ticket=r.ticket.clone() conversations=r.conversations.clone() />
                        <TicketProps ticket=r.ticket.clone() />
                        <h2>{t(k::COMMON__CONVERSATIONS)}</h2>
                        <ul class="sb-plain-list">
                            {r
                                .conversations
                                .into_iter()
                                .map(|c| {
                                    view! {
                                        <li>
                                            <A href=format!(
                                                "{}/conversations/{}?inbox={}",
                                                if c.area == Area::HelpDesk { "/help-desk" } else { "/inbox" },
                                                c.id,
                                                c.inbox,
                                            )>{c.subject}</A>
                                            {format!(" — {}", t(match (c.trashed_at, c.status) {
                                                (Some(_), _) => k::TICKET__CONV_IN_TRASH,
                                                (None, crate::domain::ConversationStatus::Open) => k::TICKET__CONV_OPEN,
                                                (None, crate::domain::ConversationStatus::Closed) => k::TICKET__CONV_CLOSED,
                                            }))}

                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
