//! **Move ticket to trash** on the ticket record page (SPEC §6: deleting a ticket deletes its
//! conversations), behind a confirmation naming how many conversations go with it, and
//! **Restore** once it is in Trash. Both ask the access rule for **Move to trash** on every
//! conversation of the ticket; a refused control is disabled with the reason next to it.
//!
//! Must not: decide which records go to Trash (the lifecycle does, in `services::actions`).

use super::ticket_props::run;
use crate::domain::access::Action;
use crate::domain::{Conversation, Ticket};
use crate::i18n::errors::Translated;
use crate::i18n::{
    k,
    web::{t, tn},
};
use crate::services::{actions, use_app};
use crate::ui::ConfirmDialog;
use leptos::prelude::*;

const NOTE_ID: &str = "sb-ticket-trash-reason";

/// What the confirmation says goes to Trash.
fn confirm_body(conversations: usize) -> String {
    match conversations {
        0 => t(k::TICKET__TRASH_BODY_NONE),
        n => tn(k::TICKET__TRASH_BODY, n as u64, &[]),
    }
}

#[component]
pub fn TicketTrash(ticket: Ticket, conversations: Vec<Conversation>) -> impl IntoView {
    let app = use_app();
    let count = conversations.len();
    let conversations = StoredValue::new(conversations);
    // The first reason the current user may not trash (or restore) one of the conversations;
    // follows Switch user.
    let reason = move || {
        let user = app.user()?;
        conversations.with_value(|cs| {
            // Not allowed while the whole directory is not read (the page waits for it).
            app.with_directory(|d| {
                cs.iter()
                    .find_map(|c| actions::decide(d, &user, Action::Trash, c).translated())
            })
            .unwrap_or_else(|| Some(t(k::UI__LOADING)))
        })
    };
    let denied = move || reason().is_some();
    let describedby = move || denied().then_some(NOTE_ID);
    let id = StoredValue::new(ticket.id.clone());
    let confirm = RwSignal::new(false);

    if ticket.trashed_at.is_some() {
        return view! {
            <div class="sb-ticket-trash">
                <p class="sb-note">{t(k::TICKET__IN_TRASH)}</p>
                <button
                    class="sb-button"
                    disabled=denied
                    title=reason
                    aria-describedby=describedby
                    on:click=move |_| run(app, actions::restore_ticket(app, id.get_value()))
                >
                    {t(k::COMMON__RESTORE)}
                </button>
                <Show when=denied>
                    <p class="sb-note sb-note--denied" id=NOTE_ID>{reason}</p>
                </Show>
            </div>
        }
        .into_any();
    }

    view! {
        <div class="sb-ticket-trash">
            <button
                class="sb-button"
                disabled=denied
                title=reason
                aria-describedby=describedby
                on:click=move |_| confirm.set(true)
            >
                {t(k::TICKET__TRASH)}
            </button>
            <Show when=denied>
                <p class="sb-note sb-note--denied" id=NOTE_ID>{reason}</p>
            </Show>
            <ConfirmDialog
                open=confirm
                title=t(k::TICKET__TRASH_TITLE)
                body=confirm_body(count)
                confirm_label=t(k::TICKET__TRASH)

                on_confirm=move |_| run(app, actions::trash_ticket(app, id.get_value()))
            />
        </div>
    }
    .into_any()
}
