//! The open conversation: its header, actions, ticket sidebar and messages, oldest first (each
//! message is a `message_item::MessageItem`), followed by the Reply composer.

use super::message_item::MessageItem;
use super::thread_actions::ThreadActions;
use super::ticket_sidebar::TicketSidebar;
use crate::domain::{Area, ConversationId};
use crate::features::composer::ReplyComposer;
use crate::i18n::errors::Translated;
use crate::i18n::{k, web::t as tr};
use crate::services::{queries, use_app};
use crate::ui::{ErrorNote, Loading};
use leptos::prelude::*;

#[component]
pub fn ThreadView(area: Area, id: ConversationId) -> impl IntoView {
    let app = use_app();
    let reply_id = id.clone();
    let thread = LocalResource::new(move || {
        app.data_rev.track();
        let id = id.clone();
        async move { queries::thread(app, id).await }
    });
    // Every committed write re-reads the thread; these memos re-render only what changed:
    // the head (subject, status, actions, sidebar) when the conversation, contact or ticket
    // did, and each message once (keyed by id), so a new message is appended and a change
    // elsewhere in the app repaints nothing here.
    let head = Memo::new(move |_| {
        thread.with(|t| {
            t.as_ref().map(|r| {
                r.as_ref()
                    .map(|t| (t.conversation.clone(), t.contact.clone(), t.ticket.clone()))
                    .map_err(Clone::clone)
            })
        })
    });
    let messages = Memo::new(move |_| {
        thread.with(|t| match t {
            Some(Ok(t)) => t.messages.clone(),
            _ => Vec::new(),
        })
    });
    view! {
        <section class="sb-thread" aria-label=tr(k::THREAD__LABEL)>
            <super::presence_bar::PresenceBar conversation=reply_id.clone() />
            {move || match head.get() {
                None => view! { <Loading label=tr(k::THREAD__OPENING) /> }.into_any(),
                Some(Err(err)) => view! { <ErrorNote message=err.translated() /> }.into_any(),
                Some(Ok((conversation, contact, ticket))) => {
                    let contact_name = contact
                        .as_ref()
                        .map(|c| crate::domain::spoof::visible(&c.display_name()))
                        .unwrap_or_else(|| tr(k::THREAD__UNKNOWN_CONTACT));
                    view! {
                        <header class="sb-thread__head">
                            <h2 class="sb-thread__subject">{conversation.subject.clone()}</h2>
                            <p class="sb-thread__meta">
                                {contact_name}" · "
                                {match conversation.status {
                                    crate::domain::ConversationStatus::Open => tr(k::THREAD__STATUS_OPEN),
                                    crate::domain::ConversationStatus::Closed => tr(k::THREAD__STATUS_CLOSED),
                                }}
                            </p>
                        </header>
                        // Thread actions bar (Close conversation, Reassign, ...) goes here.
                        <ThreadActions conversation=conversation.clone() />
                        // Right sidebar: a second grid column of .sb-thread (see style/app.css).
                        <TicketSidebar conversation ticket contact />
                    }
                        .into_any()
                }
            }}
            <Show when=move || matches!(head.get(), Some(Ok(_)))>
                <div class="sb-thread__messages">
                    <For
                        each=move || messages.get()
                        key=|m| m.id.clone()
                        children=|m| view! { <MessageItem message=m /> }
                    />
                </div>
            </Show>
            // The Reply composer follows (outside the blocks above, so a refetch of the thread
            // never remounts it while the rep types).
            <ReplyComposer area id=reply_id />
        </section>
    }
}
