//! The open conversation: its messages, oldest first. HTML bodies render in a sandboxed frame
//! (no scripts, no remote content); a message over 100 KB is cut with **View entire message**.

use super::thread_actions::ThreadActions;
use super::ticket_sidebar::TicketSidebar;
use crate::domain::{Area, ConversationId, Direction, Mailbox, Message};
use crate::features::composer::ReplyComposer;
use crate::services::{queries, use_app};
use crate::ui::sandbox::sandboxed_document;
use crate::ui::{ErrorNote, Loading};
use leptos::prelude::*;

/// SPEC §5: messages over 100 KB are cut.
pub const CUT_BYTES: usize = 100 * 1024;

fn mailbox_text(m: &Mailbox) -> String {
    match &m.name {
        Some(name) if !name.is_empty() => format!("{name} <{}>", m.address),
        _ => m.address.to_string(),
    }
}

fn date_text(ms: i64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    String::from(d.to_locale_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED))
}

/// Cuts `text` to at most `max` bytes on a character boundary.
fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Opens the full plain text of a message in a new tab (as text/plain: nothing in it can run).
fn open_entire(text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/plain;charset=utf-8");
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        if let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) {
            if let Some(w) = web_sys::window() {
                let _ = w.open_with_url_and_target(&url, "_blank");
            }
        }
    }
}

#[component]
fn MessageItem(message: Message) -> impl IntoView {
    let kind = match message.direction {
        Direction::Incoming => "sb-msg sb-msg--in",
        Direction::Outgoing => "sb-msg sb-msg--out",
        Direction::Comment => "sb-msg sb-msg--comment",
    };
    let label = match message.direction {
        Direction::Comment => "Internal comment",
        _ => "Email",
    };
    let to = message
        .to
        .iter()
        .map(mailbox_text)
        .collect::<Vec<_>>()
        .join(", ");
    let full_text = message.text_body.clone();
    let too_big = message.size as usize > CUT_BYTES || message.text_body.len() > CUT_BYTES;
    let body = if let (Some(html), false) = (&message.html_body, too_big) {
        view! {
            <iframe
                class="sb-msg__frame"
                title=format!("Message from {}", mailbox_text(&message.from))
                sandbox=""
                referrerpolicy="no-referrer"
                srcdoc=sandboxed_document(html, "")
            ></iframe>
        }
        .into_any()
    } else {
        let shown = cut(&message.text_body, CUT_BYTES).to_owned();
        view! {
            <div class="sb-msg__text">{shown}</div>
            <Show when=move || too_big>
                {
                    let full_text = full_text.clone();
                    view! {
                        <p class="sb-msg__cut">
                            "This message is over 100 KB and has been cut. "
                            <button
                                class="sb-button sb-button--link"
                                on:click=move |_| open_entire(&full_text)
                            >
                                "View entire message"
                            </button>
                        </p>
                    }
                }
            </Show>
        }
        .into_any()
    };
    view! {
        <article class=kind aria-label=format!("{label} from {}", mailbox_text(&message.from))>
            <header class="sb-msg__head">
                <span class="sb-msg__kind">{label}</span>
                <strong class="sb-msg__from">{mailbox_text(&message.from)}</strong>
                <span class="sb-msg__to">"To: "{to}</span>
                <time class="sb-msg__date">{date_text(message.date)}</time>
            </header>
            {body}
            {(!message.attachments.is_empty())
                .then(|| {
                    view! {
                        <ul class="sb-msg__attachments" aria-label="Attachments">
                            {message
                                .attachments
                                .iter()
                                .map(|a| view! { <li>{format!("{} ({} KB)", a.file_name, a.size.div_ceil(1024))}</li> })
                                .collect_view()}
                        </ul>
                    }
                })}
        </article>
    }
}

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
        <section class="sb-thread" aria-label="Conversation">
            <super::presence_bar::PresenceBar conversation=reply_id.clone() />
            {move || match thread.get() {
                None => view! { <Loading label="Opening conversation…" /> }.into_any(),
                Some(Err(err)) => view! { <ErrorNote message=err.to_string() /> }.into_any(),
                Some(Ok(t)) => {
                    let contact = t
                        .contact
                        .as_ref()
                        .map(|c| c.display_name())
                        .unwrap_or_else(|| "Unknown contact".into());
                    view! {
                        <header class="sb-thread__head">
                            <h2 class="sb-thread__subject">{t.conversation.subject.clone()}</h2>
                            <p class="sb-thread__meta">
                                {contact}" · "
                                {match t.conversation.status {
                                    crate::domain::ConversationStatus::Open => "Open",
                                    crate::domain::ConversationStatus::Closed => "Closed",
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
