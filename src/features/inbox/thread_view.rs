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
    view! {
        <section class="sb-thread" aria-label=tr(k::THREAD__LABEL)>
            <super::presence_bar::PresenceBar conversation=reply_id.clone() />
            {move || match thread.get() {
                None => view! { <Loading label=tr(k::THREAD__OPENING) /> }.into_any(),
                Some(Err(err)) => view! { <ErrorNote message=err.translated() /> }.into_any(),
                Some(Ok(t)) => {
                    let contact = t
                        .contact
                        .as_ref()
                        .map(|c| crate::domain::spoof::visible(&c.display_name()))
                        .unwrap_or_else(|| tr(k::THREAD__UNKNOWN_CONTACT));
                    view! {
                        <header class="sb-thread__head">
                            <h2 class="sb-thread__subject">{t.conversation.subject.clone()}</h2>
                            <p class="sb-thread__meta">
                                {contact}" · "
                                {match t.conversation.status {
                                    crate::domain::ConversationStatus::Open => tr(k::THREAD__STATUS_OPEN),
                                    crate::domain::ConversationStatus::Closed => tr(k::THREAD__STATUS_CLOSED),
                                }}
                            </p>
                        </header>
                        // Thread actions bar (Close conversation, Reassign, ...) goes here.
                        <ThreadActions conversation=t.conversation.clone() />
                        // Right sidebar: a second grid column of .sb-thread (see style/app.css).
                        <TicketSidebar
                            conversation=t.conversation.clone()
                            ticket=t.ticket.clone()
                            contact=t.contact.clone()
                        />
                        <div class="sb-thread__messages">
                            {t
                                .messages
                                .into_iter()
                                .map(|m| view! { <MessageItem message=m /> })
                                .collect_view()}
                        </div>
                        // The Reply composer follows this block (outside it, so a refetch of
                        // the thread never remounts it while the rep types).
                    }
                        .into_any()
                }
            }}
            <ReplyComposer area id=reply_id />
        </section>
    }
}
