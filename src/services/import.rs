//! **Import email** (SPEC §9): reads dropped or picked `.eml` files, parses them, and for each
//! one asks `domain::import` what it does, looking up the contact and the thread in storage on
//! the way. Each file is written with ONE `Db::write_batch` (the round-robin cursor of the
//! inbox is stored after it), so a file imports completely or not at all, and each gets a line
//! in the summary.
//!
//! Must not: decide routing, threading, the forward rule or the automation (the domain does),
//! or render anything.

use super::attachments::{blob_of, keep_files};
use super::session::{now_millis, random_hex};
use super::{AppCtx, AppError};
use crate::domain::import::{
    contact_mailbox, plan, route, ImportInput, ImportPlan, ImportRefusal, Landing, NewIds,
};
use crate::domain::refusal::Refusal;
use crate::domain::*;
use crate::i18n::errors::Translated;
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::mail::{parse_eml, received_message, ParseError, ParsedEmail};
use crate::storage::WriteBatch;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The outcome of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileResult {
    pub file_name: String,
    pub imported: bool,
    /// "added to Support, new conversation" or "not imported: ..." (in the rep's language).
    pub text: String,
    /// The email was imported before (the mail check skips these quietly).
    pub already_imported: bool,
}

impl FileResult {
    /// "order-question.eml: added to Support, new conversation".
    pub fn line(&self) -> String {
        format!("{}: {}", self.file_name, self.text)
    }
}

/// The files of a picker or a drop. Taken at once: a `FileList` is live, and resetting the
/// picker (so the same files can be picked again) empties it.
pub fn files_of(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// Reads every file, then imports them. A lazily loaded chunk (`#[leptos::lazy]`, issue 2):
/// MIME parsing, threading and routing of received mail are fetched on the first import, not
/// with the initial load.
// Split only in the app build (feature `split`, set by index.html): a test binary cannot
// link a lazy function (its import is resolved by scripts/post-build.mjs).
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn import_file_list(app: AppCtx, files: Vec<web_sys::File>) -> Vec<FileResult> {
    let mut read = Vec::new();
    for file in files {
        read.push((file.name(), read_bytes(&file).await));
    }
    import_files(app, read).await
}

async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| Refusal::FileUnreadable.translated())?;
    let buffer: js_sys::ArrayBuffer = buffer
        .dyn_into()
        .map_err(|_| Refusal::FileUnreadable.translated())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Parses raw messages. A lazily loaded chunk of its own (`#[leptos::lazy]`): MIME parsing
/// with mail-parser's charset tables (Japanese, Chinese, Korean: ~110 KB brotli) is fetched
/// only when mail is first parsed (an import, a mail server round that finds mail or
/// delivers the Outbox), not with the chunks every session loads after the first paint.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn parse_all(raw: Vec<Vec<u8>>) -> Vec<Result<ParsedEmail, ParseError>> {
    raw.iter().map(|bytes| parse_eml(bytes)).collect()
}

/// Imports already-read files. Parsed messages go in date order, so a reply picked together
/// with the message it answers still joins its thread.
pub async fn import_files(
    app: AppCtx,
    files: Vec<(String, Result<Vec<u8>, String>)>,
) -> Vec<FileResult> {
    let mut results = Vec::new();
    let mut parsed: Vec<(String, ParsedEmail)> = Vec::new();
    let refused = |file_name: String, reason: &str| FileResult {
        file_name,
        imported: false,
        text: not_imported(reason),
        already_imported: false,
    };
    let mut names = Vec::new();
    let mut raw = Vec::new();
    for (file_name, bytes) in files {
        match bytes {
            Ok(bytes) => {
                names.push(file_name);
                raw.push(bytes);
            }
            Err(reason) => results.push(refused(file_name, &reason)),
        }
    }
    for (file_name, outcome) in names.into_iter().zip(parse_all(raw).await) {
        match outcome {
            Ok(email) => parsed.push((file_name, email)),
            Err(e) => results.push(refused(file_name, &e.translated())),
        }
    }
    parsed.sort_by_key(|(_, email)| email.date.unwrap_or(i64::MAX));
    let mut any = false;
    for (file_name, email) in parsed {
        let (imported, text, already_imported) = match import_one(&app, &email).await {
            Ok(summary) => (true, summary, false),
            Err(Refused::Import(refusal)) => (
                false,
                not_imported(&refusal.translated()),
                refusal == ImportRefusal::AlreadyImported,
            ),
            Err(Refused::App(err)) => (false, not_imported(&err.translated()), false),
        };
        any |= imported;
        results.push(FileResult {
            file_name,
            imported,
            text,
            already_imported,
        });
    }
    if any {
        app.changed("conversations", None);
    }
    results
}

/// "not imported: {why}" in the rep's language.
fn not_imported(why: &str) -> String {
    tf(k::IMPORT_ERR__NOT_IMPORTED, &[("why", &why)])
}

/// Why one file imported nothing: a rule of the import, or the shell failed.
enum Refused {
    Import(ImportRefusal),
    App(AppError),
}

impl<E: Into<AppError>> From<E> for Refused {
    fn from(e: E) -> Self {
        Refused::App(e.into())
    }
}

async fn import_one(app: &AppCtx, email: &ParsedEmail) -> Result<String, Refused> {
    let db = app.db();
    if let Some(mid) = &email.message_id {
        if db.message_by_message_id(mid).await?.is_some() {
            return Err(Refused::Import(ImportRefusal::AlreadyImported));
        }
    }
    let dir = app.full_directory().await?;
    let routed =
        route(&email.recipients(), &dir.channels, &dir.inboxes).map_err(Refused::Import)?;
    let now = now_millis();
    let message = received_message(email, MessageId::new(format!("msg-{}", random_hex(8))), now);
    let mailbox = contact_mailbox(routed.inbox, &dir.channels, &message);
    let contact = match &mailbox {
        Some(mailbox) => db.contact_by_email(&mailbox.address).await?,
        None => None,
    };

    // A bounce threads by the message it returns too (`ParsedEmail::thread_ids`).
    let (in_reply_to, references) = email.thread_ids();
    let mut known: Vec<(String, Option<ConversationId>)> = Vec::new();
    for id in in_reply_to.iter().chain(references.iter()) {
        if known.iter().any(|(k, _)| k == id) {
            continue;
        }
        if let Some(stored) = db.message_by_message_id(id).await? {
            known.push((id.clone(), stored.conversation));
        }
    }
    let thread_id = find_thread(
        in_reply_to.as_deref(),
        &references,
        known.iter().map(|(id, c)| (id.as_str(), c.as_ref())),
    );
    let thread = match thread_id {
        Some(id) => db.conversation(&id).await?,
        None => None,
    };

    let plan = plan(ImportInput {
        message,
        routed,
        contact_mailbox: mailbox,
        contact,
        thread,
        inboxes: &dir.inboxes,
        users: &dir.users,
        plan: dir.workspace.plan,
        ids: NewIds {
            conversation: ConversationId::new(format!("conv-{}", random_hex(6))),
            contact: ContactId::new(format!("k-{}", random_hex(6))),
            ticket: TicketId::new(format!("tk-{}", random_hex(6))),
        },
        now,
    })
    .map_err(Refused::Import)?;
    // Worded before the records move into the batch.
    let line = summary(&plan, &dir);
    // The files first: a recorded message never names a file that is not stored.
    let mut files = Vec::with_capacity(email.attachments.len());
    for a in &email.attachments {
        files.push(blob_of(&a.bytes, &a.content_type).ok_or_else(|| {
            AppError::Refused(Refusal::AttachmentUnreadable {
                name: a.file_name.clone(),
            })
        })?);
    }
    keep_files(*app, &plan.message.id, files).await?;
    db.write_batch(&WriteBatch {
        contacts: plan.new_contact.into_iter().collect(),
        conversations: vec![plan.conversation],
        messages: vec![plan.message],
        tickets: plan.ticket.into_iter().collect(),
        ..WriteBatch::default()
    })
    .await?;
    if let Some(inbox) = &plan.inbox {
        db.put_inbox(inbox).await?;
        app.reload_directory().await?;
        app.changed("inboxes", Some(inbox.id.to_string()));
    }
    Ok(line)
}

/// The plan's summary line in the rep's language ("added to Support, new conversation, assigned
/// to Ana Popescu"), from what the domain decided (`landing`), not from its English `summary`.
fn summary(plan: &ImportPlan, dir: &crate::storage::Directory) -> String {
    let conversation = &plan.conversation;
    let inbox = dir
        .inboxes
        .iter()
        .find(|i| i.id == conversation.inbox)
        .map_or(conversation.inbox.as_str(), |i| i.name.as_str());
    let mut text = String::new();
    match &plan.landing {
        Landing::Thread {
            reopened,
            kept_closed,
        } => {
            text.push_str(&tf(
                k::IMPORT__ADDED_JOINED,
                &[("inbox", &inbox), ("subject", &conversation.subject)],
            ));
            if *reopened {
                text.push_str(&t(k::IMPORT__PART_REOPENED));
            }
            text.push_str(&automatic_part(plan.message.automatic.as_ref()));
            if *kept_closed {
                text.push_str(&t(k::IMPORT__PART_NOT_REOPENED));
            }
            if conversation.trashed_at.is_some() {
                text.push_str(&t(k::IMPORT__PART_IN_TRASH));
            }
        }
        Landing::NewConversation {
            assignee,
            ticket,
            area,
            automation_skipped,
        } => {
            text.push_str(&tf(k::IMPORT__ADDED_NEW, &[("inbox", &inbox)]));
            if let Some(user) = assignee
                .as_ref()
                .and_then(|id| dir.users.iter().find(|u| &u.id == id))
            {
                let name = user.full_name();
                text.push_str(&tf(k::IMPORT__PART_ASSIGNED, &[("name", &name)]));
            }
            text.push_str(&automatic_part(plan.message.automatic.as_ref()));
            if *automation_skipped {
                text.push_str(&t(k::IMPORT__PART_NO_AUTOMATION));
            }
            match (ticket, &plan.ticket_refused) {
                (Some(_), _) if *area == Area::HelpDesk => {
                    text.push_str(&t(k::IMPORT__PART_TICKET_MOVED))
                }
                (Some(_), _) => text.push_str(&t(k::IMPORT__PART_TICKET)),
                (None, Some(why)) => text.push_str(&tf(
                    k::IMPORT__PART_NO_TICKET,
                    &[("why", &why.translated())],
                )),
                (None, None) => {}
            }
        }
    }
    text
}

/// ", automatic reply", ", delivery failure report for jane@example.com" in the rep's language.
fn automatic_part(automatic: Option<&Automatic>) -> String {
    match automatic {
        None => String::new(),
        Some(Automatic::Reply) => t(k::IMPORT__PART_AUTO_REPLY),
        Some(Automatic::Bounce { failed }) if failed.is_empty() => t(k::IMPORT__PART_BOUNCE),
        Some(Automatic::Bounce { failed }) => {
            let list = failed
                .iter()
                .map(|r| r.address.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            tf(k::IMPORT__PART_BOUNCE_FOR, &[("list", &list)])
        }
    }
}
