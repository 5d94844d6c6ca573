//! A parsed received email as the `Message` record Switchboard stores (SPEC §9 Import email):
//! bodies, addresses (Reply-To's too), ids and attachment metadata (the bytes are stored
//! apart, under `Message::attachment_blob_key`, by the import service). A file is `inline`
//! when the HTML shows it in place (`mail::inline`).
//!
//! Pure field mapping: it must not route, thread or decide anything (see `domain::import`).

use super::inline::{references_cid, shows_inline};
use super::parse::ParsedEmail;
use crate::domain::{AttachmentMeta, Direction, Message, MessageId, Millis};

/// The incoming message record for `parsed`, in no conversation yet (the import plan puts it
/// in one); a message without a valid `Date:` is dated `now`, when it was received.
pub fn received_message(parsed: &ParsedEmail, id: MessageId, now: Millis) -> Message {
    Message {
        id,
        conversation: None,
        direction: Direction::Incoming,
        from: parsed.from.clone(),
        reply_to: parsed.reply_to.clone(),
        to: parsed.to.clone(),
        cc: parsed.cc.clone(),
        bcc: Vec::new(),
        subject: parsed.subject.clone(),
        date: parsed.date.unwrap_or(now),
        text_body: parsed.text_body.clone(),
        html_body: parsed.html_body.clone(),
        attachments: parsed
            .attachments
            .iter()
            .map(|a| AttachmentMeta {
                file_name: a.file_name.clone(),
                content_type: a.content_type.clone(),
                size: a.size,
                content_id: a.content_id.clone(),
                // Shown in place only when the frame can draw it; otherwise it is listed, so
                // no file the HTML names but cannot show is hidden from the rep.
                inline: match (&a.content_id, &parsed.html_body) {
                    (Some(id), Some(html)) => {
                        shows_inline(&a.content_type) && references_cid(html, id)
                    }
                    _ => false,
                },
            })
            .collect(),
        message_id: parsed.message_id.clone(),
        in_reply_to: parsed.in_reply_to.clone(),
        references: parsed.references.clone(),
        size: parsed.raw_size,
        author: None,
        automatic: parsed.automatic.clone(),
    }
}
