//! The open conversation: its header, actions, ticket sidebar and messages, oldest first (each
//! message is a `message_item::MessageItem`; a long thread opens folded, see
//! `views::folded_messages`, and its hidden messages are read only when unfolded), followed by
//! the Reply composer.

use super::message_item::MessageItem;
use super::thread_actions::ThreadActions;
use super::ticket_sidebar::TicketSidebar;
use crate::domain::Message;
use crate::domain::{Area, ConversationId};
use crate::features::composer::ReplyComposer;
use crate::i18n::errors::Translated;
use crate::i18n::{
    k,
    web::{t as tr, tn},
};
use crate::services::{queries, queries::ThreadRead, use_app};
use crate::ui::{ErrorNote, Loading};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// An entry of the thread's message list.
#[derive(Clone)]
enum Shown {
    // Boxed: a message record is ten times the size of the fold's count.
    Message(Box<Message>),
    /// The button standing for this many hidden messages.
    Fold(usize),
}

#[component]
pub fn ThreadView(area: Area, id: ConversationId) -> impl IntoView {
    let app = use_app();
    let reply_id = id.clone();
    // A long thread opens folded (views::folded_messages): the first message, a button for
    // the hidden ones, the newest; the hidden ones are not even read. Unfolded for good once
    // the rep asks (the whole thread is read then).
    let unfolded = RwSignal::new(false);
    let thread = LocalResource::new(move || {
        app.data_rev.track();
        let read = match unfolded.get() {
            true => ThreadRead::Whole,
            false => ThreadRead::Folded,
        };
        let id = id.clone();
        async move { queries::thread(app, id, read).await }
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
    let folded = Memo::new(move |_| {
        thread.with(|t| match t {
            Some(Ok(t)) => t.folded,
            _ => 0,
        })
    });
    // What the thread shows, in order: every message read, with the fold's button after the
    // first one when some are folded away (one keyed list, so a new message is simply
    // appended and unfolding inserts the hidden ones in place).
    let shown = move || {
        let hidden = folded.get();
        messages.with(|all| {
            let mut items = Vec::with_capacity(all.len() + 1);
            for (i, m) in all.iter().enumerate() {
                items.push(Shown::Message(Box::new(m.clone())));
                if i == 0 && hidden > 0 {
                    items.push(Shown::Fold(hidden));
                }
            }
            items
        })
    };
    // The Reply composer is mounted once the thread has been painted (a frame after its head
    // is first shown), then stays: it reads the draft, the templates' context and the From
    // choices, work that delayed the messages when it ran beside the thread's own read.
    let composer_shown = RwSignal::new(false);
    Effect::new(move |_| {
        if !composer_shown.get_untracked() && matches!(head.get(), Some(Ok(_))) {
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        composer_shown.try_set(true);
                    },
                    std::time::Duration::ZERO,
                )
            });
        }
    });
    let list = NodeRef::<leptos::html::Div>::new();
    // **N earlier messages**: reads the whole thread; once it is shown, focus moves to the first
    // message that was hidden (the second one; the button is gone).
    let focus_unfolded = RwSignal::new(false);
    let show_all = move || {
        focus_unfolded.set(true);
        unfolded.set(true);
    };
    Effect::new(move |_| {
        if !focus_unfolded.get() || folded.get() > 0 || messages.with(Vec::len) < 2 {
            return;
        }
        focus_unfolded.set(false);
        request_animation_frame(move || {
            let target = list.get_untracked().and_then(|el| {
                el.query_selector(":scope > article:nth-of-type(2)")
                    .ok()
                    .flatten()
            });
            if let Some(el) = target.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = el.focus();
            }
        });
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
                <div class="sb-thread__messages" node_ref=list>
                    <For
                        each=shown
                        key=|item| match item {
                            Shown::Message(m) => Some(m.id.clone()),
                            Shown::Fold(_) => None,
                        }
                        children=move |item| match item {
                            Shown::Message(message) => view! { <MessageItem message=*message /> }.into_any(),
                            Shown::Fold(hidden) => view! {
                                <button
                                    type="button"
                                    class="sb-button sb-button--link sb-thread__earlier"
                                    on:click=move |_| show_all()
                                >
                                    {tn(k::THREAD__EARLIER, hidden as u64, &[])}
                                </button>
                            }
                            .into_any(),
                        }
                    />
                </div>
            </Show>
            // The Reply composer follows (outside the blocks above, so a refetch of the thread
            // never remounts it while the rep types; `composer_shown` never goes back).
            <Show when=move || composer_shown.get()>
                <ReplyComposer area id=reply_id.clone() />
            </Show>
        </section>
    }
}
