//! **Send** (SPEC §4 send-time guard, §5, §7, §9): resolve the From again and compare it with
//! what the composer showed, validate the recipients, build the real RFC 5322 message, and
//! record everything — the outgoing message (always: a CRM email from a personal address is
//! in no conversation, but on its recipients' timelines and in Sent all the same), the
//! conversation, a contact for each unknown recipient (`domain::timeline`), the Outbox item
//! with the exact bytes, and the removal of the draft — in ONE transaction (the message's
//! files are kept just before it). The draft is gone only once the send is recorded; any
//! failure keeps it and says why.
//!
//! Must not deliver mail (the Outbox does), nor pick the From itself (`domain::from` does).

use super::session::{now_millis, random_hex};
use super::{AppCtx, AppError};
use crate::domain::access::{can, Action, Resource};
use crate::domain::body_html::{sanitize_body, sanitize_rich};
use crate::domain::from::{guard_send, ComposerKind, FromContext, ResolvedFrom};
use crate::domain::refusal::{Missing, Refusal};
use crate::domain::signature::{render_signature_for_send, SendSurface, TokenContext};
use crate::domain::timeline::{own_addresses, sent_contacts};
use crate::domain::*;
use crate::i18n::errors::Translated;
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::mail::{
    build_message, html_to_text, new_message_id, reply_headers, reply_subject, OutgoingAttachment,
    OutgoingEmail,
};
use crate::storage::{Directory, WriteBatch};
use leptos::prelude::*;

/// Which recipient field an error belongs to (shown next to that field).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecipientField {
    To,
    Cc,
    Bcc,
}

impl RecipientField {
    /// The composer's order.
    pub const ALL: [RecipientField; 3] =
        [RecipientField::To, RecipientField::Cc, RecipientField::Bcc];

    /// What the rep typed in this field of `draft`.
    pub fn of(self, draft: &Draft) -> &Vec<String> {
        match self {
            RecipientField::To => &draft.to,
            RecipientField::Cc => &draft.cc,
            RecipientField::Bcc => &draft.bcc,
        }
    }

    /// This field of `draft`, to write.
    pub fn of_mut(self, draft: &mut Draft) -> &mut Vec<String> {
        match self {
            RecipientField::To => &mut draft.to,
            RecipientField::Cc => &mut draft.cc,
            RecipientField::Bcc => &mut draft.bcc,
        }
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SendError {
    /// Every recipient field that is wrong, each with its reason (shown next to each).
    #[error("{}", .0.iter().map(|(_, message)| message.as_str()).collect::<Vec<_>>().join(" "))]
    Recipients(Vec<(RecipientField, String)>),
    #[error("{0}")]
    Failed(#[from] AppError),
}

/// What the composer hands over when the rep presses **Send**.
#[derive(Debug, Clone)]
pub struct SendRequest {
    pub kind: ComposerKind,
    /// The draft as it is on screen (already saved by the composer).
    pub draft: Draft,
    /// The From the control showed.
    pub shown: ResolvedFrom,
    /// The thread replied to, for a reply.
    pub conversation: Option<ConversationId>,
}

/// Where the sent email was recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct Sent {
    pub conversation: Option<Conversation>,
    pub from: Mailbox,
}

/// Splits what the rep typed ("a@x.example, Bo <b@y.example>; c@z.example") into mailboxes.
pub fn parse_recipients(typed: &[String]) -> Result<Vec<Mailbox>, String> {
    let mut out: Vec<Mailbox> = Vec::new();
    for part in typed
        .iter()
        .flat_map(|t| crate::domain::split_recipients(t))
    {
        let (name, address) = match (part.rfind('<'), part.ends_with('>')) {
            (Some(open), true) => {
                let name = part[..open].trim().trim_matches('"').trim();
                (
                    (!name.is_empty()).then(|| name.to_owned()),
                    &part[open + 1..part.len() - 1],
                )
            }
            _ => (None, part),
        };
        let address = EmailAddress::parse(address.trim()).map_err(|e| {
            tf(
                k::RECIPIENT__INVALID,
                &[("part", &part), ("why", &e.translated())],
            )
        })?;
        // The name goes into the To/Cc header: refused here, next to the field, rather than
        // when the message is built (SPEC §8: no CR, LF, NUL, other controls, U+2028/2029).
        if let Some(name) = &name {
            crate::domain::header_value(name, 256).map_err(|e| {
                tf(
                    k::RECIPIENT__BAD_NAME,
                    &[("address", &address), ("why", &e.translated())],
                )
            })?;
        }
        if !out.iter().any(|m| m.address.same_mailbox(&address)) {
            out.push(Mailbox { name, address });
        }
    }
    Ok(out)
}

/// To, Cc and Bcc as typed: all three checked, so the rep sees every wrong field at once.
type Recipients = (Vec<Mailbox>, Vec<Mailbox>, Vec<Mailbox>);

fn all_recipients(draft: &Draft) -> Result<Recipients, SendError> {
    let mut parsed = Vec::with_capacity(3);
    let mut refused = Vec::new();
    for field in RecipientField::ALL {
        match parse_recipients(field.of(draft)) {
            Ok(list) => parsed.push(list),
            Err(message) => refused.push((field, message)),
        }
    }
    if !refused.is_empty() {
        return Err(SendError::Recipients(refused));
    }
    if parsed.iter().all(Vec::is_empty) {
        return Err(SendError::Recipients(vec![(
            RecipientField::To,
            t(k::RECIPIENT__NONE),
        )]));
    }
    let bcc = parsed.pop().unwrap_or_default();
    let cc = parsed.pop().unwrap_or_default();
    let to = parsed.pop().unwrap_or_default();
    Ok((to, cc, bcc))
}

fn snippet(text: &str) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() <= 120 {
        collapsed
    } else {
        let cut: String = collapsed.chars().take(119).collect();
        format!("{cut}\u{2026}")
    }
}

/// Sends the draft: see the module doc. On success the draft no longer exists.
pub async fn send(app: AppCtx, req: SendRequest) -> Result<Sent, SendError> {
    let db = app.db();
    // Settings may have changed in another tab since this one last loaded them: the guard
    // reads them fresh from storage.
    let dir: Directory = db.load_directory().await.map_err(AppError::from)?;
    let me = app
        .user_id
        .get_untracked()
        .and_then(|id| dir.users.iter().find(|u| u.id == id).cloned())
        .ok_or(AppError::Refused(Refusal::NoCurrentUser))?;

    let conversation = match &req.conversation {
        Some(id) => Some(
            db.conversation(id)
                .await
                .map_err(AppError::from)?
                .ok_or(AppError::Missing(Missing::Conversation))?,
        ),
        None => None,
    };
    if let Some(conv) = &conversation {
        // Moved to Trash (maybe in another tab) since the composer opened: nothing is sent
        // into it; the draft stays, and the reason says how to go on.
        if conv.trashed_at.is_some() {
            return Err(AppError::Lifecycle(
                crate::domain::lifecycle::LifecycleError::ConversationTrashed,
            )
            .into());
        }
        let inbox = dir
            .inboxes
            .iter()
            .find(|i| i.id == conv.inbox)
            .ok_or(AppError::Missing(Missing::ConversationInbox))?;
        let decision = can(
            &me,
            Action::Reply,
            &Resource::Conversation {
                inbox,
                conversation: conv,
            },
            &dir.workspace,
        );
        if let crate::domain::access::Decision::Denied(reason) = decision {
            return Err(AppError::Access(reason).into());
        }
    }

    let ctx = FromContext {
        workspace: &dir.workspace,
        user: &me,
        inboxes: &dir.inboxes,
        channels: &dir.channels,
        composer: &req.kind,
        conversation: conversation.as_ref(),
    };
    let from = guard_send(&ctx, &req.draft.from, &req.shown).map_err(AppError::Guard)?;

    let (to, cc, bcc) = all_recipients(&req.draft)?;

    let channel = match &from.choice {
        FromChoice::Channel(id) => dir.channels.iter().find(|c| &c.id == id).cloned(),
        FromChoice::Personal(_) => None,
    };
    let inbox = channel
        .as_ref()
        .and_then(|c| dir.inboxes.iter().find(|i| i.id == c.inbox).cloned());

    // Every recipient but the workspace's own addresses becomes a contact if unknown, created
    // with the send (SPEC §5: the email is on each recipient's timeline); a new thread belongs
    // to the first of them (`domain::timeline::sent_contacts`), a reply stays the thread's.
    let now = now_millis();
    let addresses: Vec<&EmailAddress> = to
        .iter()
        .chain(&cc)
        .chain(&bcc)
        .map(|m| &m.address)
        .collect();
    let stored = db
        .contacts_by_email(&addresses)
        .await
        .map_err(AppError::from)?;
    let mut own = own_addresses(&dir.channels, &dir.users);
    own.push(&from.mailbox.address);
    let new_id = || ContactId::new(format!("c-{}", random_hex(6)));
    let contacts = sent_contacts([&to, &cc, &bcc], &own, &stored, new_id, now);
    let contact = match &conversation {
        Some(conv) => db.contact(&conv.contact).await.map_err(AppError::from)?,
        None => contacts.thread,
    };

    let surface = match req.kind {
        ComposerKind::HelpDesk => SendSurface::HelpDesk,
        ComposerKind::Inbox(_) => SendSurface::Inbox,
        ComposerKind::Crm => SendSurface::Crm,
    };
    let tokens = TokenContext {
        sender: &me,
        contact: contact.as_ref(),
        company_name: &dir.workspace.company,
    };
    let mut html = sanitize_body(&req.draft.body_html);
    if let Some(signature) = render_signature_for_send(surface, inbox.as_ref(), &tokens) {
        html.push_str("<br><div class=\"signature\">");
        html.push_str(&sanitize_rich(&signature));
        html.push_str("</div>");
    }
    let text = html_to_text(&html);

    let (in_reply_to, references, subject) = match &conversation {
        Some(conv) => {
            let messages = db.messages_of(&conv.id).await.map_err(AppError::from)?;
            let parent = messages
                .iter()
                .filter(|m| m.direction != Direction::Comment && m.message_id.is_some())
                .max_by_key(|m| m.date);
            let (irt, refs) = parent.map(reply_headers).unwrap_or_default();
            let subject = if req.draft.subject.trim().is_empty() {
                reply_subject(&conv.subject)
            } else {
                req.draft.subject.trim().to_owned()
            };
            (irt, refs, subject)
        }
        None => (None, Vec::new(), req.draft.subject.trim().to_owned()),
    };

    // Checked as typed, before trimming could silently drop a trailing NEL or U+2028.
    crate::domain::header_value(&req.draft.subject, 998)
        .and_then(|_| crate::domain::header_value(&subject, 998))
        .map_err(|e| AppError::Refused(Refusal::SubjectInvalid(e)))?;
    // The attachments' bytes, read from their blobs: a missing one stops the send (and keeps
    // the draft) rather than sending without it.
    let mut attachments = Vec::with_capacity(req.draft.attachments.len());
    let mut files = Vec::with_capacity(req.draft.attachments.len());
    for a in &req.draft.attachments {
        let (blob, bytes) = super::drafts::attachment_blob(app, a).await?;
        attachments.push(OutgoingAttachment {
            file_name: a.file_name.clone(),
            content_type: a.content_type.clone(),
            bytes,
        });
        files.push(blob);
    }
    let attachment_meta: Vec<AttachmentMeta> = req
        .draft
        .attachments
        .iter()
        .map(|a| AttachmentMeta {
            file_name: a.file_name.clone(),
            content_type: a.content_type.clone(),
            size: a.size,
            content_id: None,
            inline: false,
        })
        .collect();

    let message_id = new_message_id(&random_hex(16), from.mailbox.address.domain());
    let email = OutgoingEmail {
        message_id: message_id.clone(),
        date: now,
        from: from.mailbox.clone(),
        to: to.clone(),
        cc: cc.clone(),
        bcc: bcc.clone(),
        subject: subject.clone(),
        text_body: text.clone(),
        html_body: Some(html.clone()),
        in_reply_to: in_reply_to.clone(),
        references: references.clone(),
        attachments,
    };
    let not_built = |details: String| AppError::Refused(Refusal::EmailNotBuilt { details });
    let built = build_message(&email).map_err(|e| not_built(e.to_string()))?;
    let raw = String::from_utf8(built.bytes).map_err(|e| not_built(e.to_string()))?;

    // A CRM email from a personal address belongs to no inbox, so to no conversation: its
    // message is recorded all the same (SPEC §5: on the recipients' timelines and in Sent).
    let conversation = match (conversation, &channel, &contact) {
        (Some(mut conv), _, _) => {
            conv.last_activity = now;
            conv.snippet = snippet(&text);
            conv.message_count += 1;
            Some(conv)
        }
        (None, Some(channel), Some(contact)) => Some(Conversation {
            id: ConversationId::new(format!("conv-{}", random_hex(6))),
            inbox: channel.inbox.clone(),
            area: if req.kind == ComposerKind::HelpDesk {
                Area::HelpDesk
            } else {
                Area::Inbox
            },
            channel: channel.id.clone(),
            contact: contact.id.clone(),
            subject: subject.clone(),
            status: ConversationStatus::Open,
            assignee: Some(me.id.clone()),
            ticket: None,
            created_at: now,
            last_activity: now,
            snippet: snippet(&text),
            message_count: 1,
            trashed_at: None,
        }),
        _ => None,
    };

    let id = MessageId::new(format!("m-{}", random_hex(8)));
    let mut batch = WriteBatch {
        contacts: contacts.created,
        delete_drafts: vec![req.draft.key.clone()],
        ..WriteBatch::default()
    };
    // The files first, under the message's keys (the draft's own blobs go after the record):
    // a recorded message never names a file that is not stored.
    super::attachments::keep_files(app, &id, files).await?;
    batch.messages.push(Message {
        to,
        cc,
        bcc,
        subject: subject.clone(),
        text_body: text,
        html_body: Some(html),
        attachments: attachment_meta,
        message_id: Some(message_id),
        in_reply_to,
        references,
        size: raw.len() as u64,
        author: Some(me.id.clone()),
        ..Message::new(
            id.clone(),
            conversation.as_ref().map(|c| c.id.clone()),
            Direction::Outgoing,
            from.mailbox.clone(),
            now,
        )
    });
    batch.conversations.extend(conversation.clone());
    batch.outbox.push(OutboxItem {
        id,
        conversation: conversation.as_ref().map(|c| c.id.clone()),
        channel: channel.as_ref().map(|c| c.id.clone()),
        from: from.mailbox.clone(),
        recipients: built.envelope_to,
        subject,
        raw,
        status: OutboxStatus::Queued,
        created_at: now,
    });
    db.write_batch(&batch).await.map_err(AppError::from)?;
    app.changed("conversations", None);
    // Only now that the send is recorded may the draft's blobs go. A failure here leaves
    // unused blobs behind (swept with the next send or discard of this draft), never a loss.
    let _ = super::drafts::sweep_blobs(app, &req.draft.key).await;
    Ok(Sent {
        conversation,
        from: from.mailbox,
    })
}
