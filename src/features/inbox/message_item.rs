//! One message of a thread: who sent it (with spoofing warnings for received mail, names shown
//! with hidden characters made visible), where they ask to be answered (a Reply-To that is not
//! the From), to whom, when, its body and attachments. HTML bodies render in
//! `message_body::MessageBody`'s sandboxed frame; a message over 100 KB is cut with **View
//! entire message**.

use super::automatic_note::AutomaticNote;
use super::message_body::MessageBody;
use super::sender_flags::SenderFlags;
use crate::domain::reply_to::shown_reply_to;
use crate::domain::spoof::visible;
use crate::domain::{Direction, Mailbox, Message};
use crate::i18n::{
    k,
    web::{date_time, t, tf},
};
use crate::mail::inline::resolve_cids;
use crate::services::{attachments::inline_images, use_app};
use crate::ui::attachments::AttachmentList;
use leptos::prelude::*;

/// SPEC §5: messages over 100 KB are cut.
pub const CUT_BYTES: usize = 100 * 1024;

/// How a mailbox reads in the thread: invisible and direction-control characters are shown as
/// `[U+XXXX]`, so a disguised name cannot reorder or hide what the rep reads.
fn mailbox_text(m: &Mailbox) -> String {
    let text = match &m.name {
        Some(name) if !name.is_empty() => format!("{name} <{}>", m.address),
        _ => m.address.to_string(),
    };
    visible(&text)
}

fn date_text(ms: i64) -> String {
    date_time(ms)
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
pub fn MessageItem(message: Message) -> impl IntoView {
    let kind = match message.direction {
        Direction::Incoming => "sb-msg sb-msg--in",
        Direction::Outgoing => "sb-msg sb-msg--out",
        Direction::Comment => "sb-msg sb-msg--comment",
    };
    let label = match message.direction {
        Direction::Comment => t(k::THREAD__INTERNAL_COMMENT),
        _ => t(k::MESSAGE__EMAIL),
    };
    // Where the sender asks to be answered, when it is not the From again (a web form's
    // customer): said next to the sender, as mail clients do.
    let reply_to = shown_reply_to(&message)
        .iter()
        .map(mailbox_text)
        .collect::<Vec<_>>()
        .join(", ");
    let to = message
        .to
        .iter()
        .map(mailbox_text)
        .collect::<Vec<_>>()
        .join(", ");
    let full_text = message.text_body.clone();
    // The message's own text, not its attachments: a short email with a photo attached is
    // shown whole.
    let too_big = message.text_body.len() > CUT_BYTES
        || message
            .html_body
            .as_ref()
            .is_some_and(|h| h.len() > CUT_BYTES);
    let shows_html = message.html_body.is_some() && !too_big;
    let body = if let (Some(html), false) = (&message.html_body, too_big) {
        let sender = message.from.address.clone();
        let title = tf(
            k::MESSAGE__FRAME,
            &[("sender", &mailbox_text(&message.from))],
        );
        if message.attachments.iter().any(|a| a.inline) {
            // Inline (`cid:`) images are read before the frame is built, so it loads once,
            // with them (the thread's boundary waits for this read).
            let app = use_app();
            let (html, message) = (html.clone(), message.clone());
            let images = LocalResource::new(move || {
                let message = message.clone();
                async move { inline_images(app, &message).await }
            });
            view! {
                {move || images.get().map(|images| view! {
                    <MessageBody html=resolve_cids(&html, &images) sender=sender.clone() title=title.clone() />
                })}
            }
            .into_any()
        } else {
            view! { <MessageBody html=html.clone() sender title /> }.into_any()
        }
    } else {
        let shown = cut(&message.text_body, CUT_BYTES).to_owned();
        view! {
            <div class="sb-msg__text">{shown}</div>
            <Show when=move || too_big>
                {
                    let full_text = full_text.clone();
                    view! {
                        <p class="sb-msg__cut">
                            {t(k::MESSAGE__CUT)}" "
                            <button
                                class="sb-button sb-button--link"
                                on:click=move |_| open_entire(&full_text)
                            >
                                {t(k::MESSAGE__VIEW_ENTIRE)}
                            </button>
                        </p>
                    }
                }
            </Show>
        }
        .into_any()
    };
    view! {
        // Focusable by script only: unfolding a long thread moves focus to the first message
        // it shows.
        <article class=kind tabindex="-1" aria-label=tf(k::MESSAGE__FROM_LABEL, &[("kind", &label), ("sender", &mailbox_text(&message.from))])>
            <header class="sb-msg__head">
                <span class="sb-msg__kind">{label.clone()}</span>
                <strong class="sb-msg__from">{mailbox_text(&message.from)}</strong>
                {(!reply_to.is_empty()).then(|| view! {
                    // Styled as the To line (no CSS of its own: the stylesheet is first-load).
                    <span class="sb-msg__to sb-msg__reply-to">
                        {tf(k::MESSAGE__REPLY_TO, &[("list", &reply_to)])}
                    </span>
                })}
                <span class="sb-msg__to">{tf(k::MESSAGE__TO, &[("list", &to)])}</span>
                <time class="sb-msg__date">{date_text(message.date)}</time>
            </header>
            {message.automatic.clone().map(|automatic| view! { <AutomaticNote automatic /> })}
            {(message.direction == Direction::Incoming)
                .then(|| view! { <SenderFlags sender=message.from.clone() /> })}
            {body}
            <AttachmentList message=message.id.clone() attachments=message.attachments.clone() skip_inline=shows_html />
        </article>
    }
}
