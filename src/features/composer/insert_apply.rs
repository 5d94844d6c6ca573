//! What happens after a pick in the **Insert** picker: the item is rendered by
//! `domain::template` for the current rep and the email's contact, put at the caret (or at the
//! end) of the body, and handed to the draft session, which saves it like anything typed. A
//! template also fills an empty subject of a new email (a reply keeps its "Re:" subject).
//! Also the composer's typing signal for presence.
//!
//! Must not store anything itself (the draft session does) or decide what a token means.

use super::insert_dom::{in_composer_of, insert_html};
use super::insert_picker::Picked;
use super::session::DraftSession;
use crate::domain::signature::TokenContext;
use crate::domain::template::{insertion, quote_author, quote_block, Insertion};
use crate::domain::{Conversation, ConversationId};
use crate::i18n::{k, web::tf};
use crate::services::{presence, templates};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// "22 Nov 2026, 10:04" in the rep's time zone and language.
pub fn date_text(ms: i64) -> String {
    crate::i18n::web::date_time(ms)
}

/// Reports every key pressed in the reply composer around `editor` to presence (other tabs
/// then show "is typing a reply"). A new email has no conversation and reports nothing.
pub fn report_typing(editor: String, conversation: Signal<Option<Conversation>>) {
    let on_key = window_event_listener(leptos::ev::keydown, move |ev| {
        if let Some(conv) = conversation.with_untracked(|c| c.as_ref().map(|c| c.id.clone())) {
            if in_composer_of(&editor, ev.target()) {
                presence::typed(&conv);
            }
        }
    });
    on_cleanup(move || on_key.remove());
}

/// Renders `picked` and inserts it into the body of `session` (editor element `editor`) at
/// `caret`. `conversation` is the thread of a reply (`None` for a new email).
pub async fn apply_pick(
    session: DraftSession,
    editor: String,
    conversation: Option<ConversationId>,
    picked: Picked,
    caret: Option<JsValue>,
) {
    let app = session.app();
    let is_reply = conversation.is_some();
    let first_to = session.draft.with_untracked(|d| {
        d.to.first()
            .and_then(|to| to.split(',').next())
            .map(str::to_owned)
    });
    // The contact is read at the moment of insertion, so a token names who the email is going
    // to now.
    let context = match templates::insert_context(app, conversation, first_to).await {
        Ok(context) => context,
        Err(err) => return app.toast_error(&err),
    };
    let Some(sender) = app.user() else { return };
    let company = app.summary.with_untracked(|s| s.company.clone());
    let Insertion { subject, html } = match &picked {
        Picked::Item(item) => insertion(
            item,
            &TokenContext {
                sender: &sender,
                contact: context.contact.as_ref(),
                company_name: &company,
            },
        ),
        Picked::Quote(message) => Insertion {
            subject: None,
            // The header is written in the rep's language, like the rest of their reply.
            html: quote_block(
                &tf(
                    k::INSERT__QUOTE_HEADER,
                    &[
                        ("date", &date_text(message.date)),
                        ("name", &quote_author(message)),
                    ],
                ),
                &message.text_body,
            ),
        },
    };
    // Normally the editor is on the page and takes the HTML at the caret. Should it be out of
    // the document at this moment (being re-rendered), the insertion goes to the end of the
    // draft instead, and the editor is told to show the draft again: a pick is never lost.
    let placed = insert_html(&editor, caret.as_ref(), &html);
    let in_editor = placed.is_some();
    session.edit(|d| {
        d.body_html = placed.unwrap_or_else(|| format!("{}{html}", d.body_html));
        if let (false, Some(subject), true) = (is_reply, subject, d.subject.trim().is_empty()) {
            d.subject = subject;
        }
    });
    if !in_editor {
        session.replaced.try_update(|r| *r += 1);
    }
    session.flush();
}
