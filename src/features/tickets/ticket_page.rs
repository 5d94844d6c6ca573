//! `/tickets/<id>`: the full ticket record.

use crate::domain::TicketId;
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
                None => view! { <Loading label="Loading ticket…" /> }.into_any(),
                Some(Err(err)) => view! { <ErrorNote message=err.to_string() /> }.into_any(),
                Some(Ok(r)) => {
                    let owner = r
                        .ticket
                        .owner
                        .as_ref()
                        .and_then(|id| app.directory.with(|d| d.users.iter().find(|u| &u.id == id).map(|u| u.full_name())))
                        .unwrap_or_else(|| "No owner".into());
                    view! {
                        <h1>{r.ticket.name.clone()}</h1>
                        <dl class="sb-props">
                            <dt>"Pipeline"</dt>
                            <dd>{r.ticket.pipeline.clone()}</dd>
                            <dt>"Ticket status"</dt>
                            <dd>{tickets::status_label(r.ticket.status)}</dd>
                            <dt>"Priority"</dt>
                            <dd>{tickets::priority_label(r.ticket.priority)}</dd>
                            <dt>"Ticket owner"</dt>
                            <dd>{owner}</dd>
                        </dl>
                        <h2>"Conversations"</h2>
                        <ul class="sb-plain-list">
                            {r
                                .conversations
                                .into_iter()
                                .map(|c| {
                                    view! {
                                        <li>
                                            <A href=format!("/help-desk/conversations/{}?inbox={}", c.id, c.inbox)>
                                                {c.subject}
                                            </A>
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
