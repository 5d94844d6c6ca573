//! **Settings › Mail server** and the JMAP client (SPEC §9): saves the settings (in the META
//! store; passwords in sessionStorage, and in META only when **Remember on this device** is
//! ticked), tests a connection, fetches inbound mail (Email/query + Email/get, then
//! Email/changes polling: the server has no push) into the SAME import path as `.eml` files,
//! and delivers the Outbox (upload + Email/import + EmailSubmission/set) after
//! `domain::mail_server::check_submission`. A failed submission stays in the Outbox with the
//! server's reason until **Retry**.
//!
//! Must not: build or change messages (what leaves is the Outbox item's exact bytes), decide
//! routing or threading (`services::import` and the domain do), or render anything.

use super::import::{import_files, parse_all};
use super::session::now_millis;
use super::{ctx::ToastKind, AppCtx, AppError};
use crate::domain::access::{can, Action, Resource};
use crate::domain::mail_server::{
    check_submission, validate_form, validate_session_url, MailServerField, MailServerForm,
    MailServerSettings, SubmitCheck,
};
use crate::domain::refusal::{Missing, Refusal};
use crate::domain::{MessageId, OutboxItem, OutboxStatus};
use crate::i18n::errors::Translated;
use crate::i18n::{k, web::tf};
use crate::mail::jmap::{self, JmapError, Mailboxes, Session, SubmitOutcome};
use gloo_net::http::Request;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::collections::BTreeMap;

const SETTINGS_KEY: &str = "mail_server.settings";
const PASSWORDS_KEY: &str = "mail_server.passwords";
const SYNC_KEY: &str = "mail_server.sync.";
const SESSION_PASSWORDS: &str = "switchboard.mail-passwords";
const LEADER_KEY: &str = "switchboard.mail-leader";
/// How often inbound mail is polled and the Outbox delivered while the app is open.
const POLL_MS: u32 = 4_000;
/// A tab that stops polling (closed, frozen) hands over to another after this long.
const LEASE_MS: i64 = 12_000;
/// The first sync of an account fetches at most this many of the newest Inbox messages.
const FIRST_SYNC_LIMIT: u32 = 100;

impl From<JmapError> for AppError {
    fn from(e: JmapError) -> Self {
        AppError::Jmap(e)
    }
}

/// A refused **Save**: messages for the fields they belong to, or another failure.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SaveError {
    #[error("Some fields need attention.")]
    Fields(Vec<(MailServerField, String)>),
    #[error("{0}")]
    App(#[from] AppError),
}

impl SaveError {
    /// The message next to `field`, if any.
    pub fn field(&self, field: &MailServerField) -> Option<String> {
        match self {
            SaveError::Fields(list) => list
                .iter()
                .find(|(f, _)| f == field)
                .map(|(_, m)| m.clone()),
            SaveError::App(_) => None,
        }
    }
}

// ---- settings and passwords -----------------------------------------------------------------

/// The saved settings, or `None` when no mail server is connected.
pub async fn load_settings(app: AppCtx) -> Result<Option<MailServerSettings>, AppError> {
    Ok(app
        .db()
        .get_meta::<Option<MailServerSettings>>(SETTINGS_KEY)
        .await?
        .flatten())
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn session_passwords() -> BTreeMap<String, String> {
    session_storage()
        .and_then(|s| s.get_item(SESSION_PASSWORDS).ok().flatten())
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// Passwords known to this tab: this session's, over those remembered on the device.
pub async fn passwords(app: AppCtx) -> Result<BTreeMap<String, String>, AppError> {
    let mut all: BTreeMap<String, String> =
        app.db().get_meta(PASSWORDS_KEY).await?.unwrap_or_default();
    all.extend(session_passwords());
    Ok(all)
}

fn may_edit(app: &AppCtx) -> Result<(), AppError> {
    // Refused while the whole directory is not read (the settings page waits for it).
    let (workspace, users) = app
        .with_directory_untracked(|d| (d.workspace.clone(), d.users.clone()))
        .ok_or_else(super::ctx::directory_not_read)?;
    let me = app
        .user_id
        .get_untracked()
        .and_then(|id| users.into_iter().find(|u| u.id == id))
        .ok_or(AppError::Refused(Refusal::NoCurrentUser))?;
    can(
        &me,
        Action::EditInboxSettings,
        &Resource::Workspace,
        &workspace,
    )
    .into_result()
    .map_err(AppError::Access)
}

/// Whether the current user may change the settings (admins only); the reason when not.
pub fn edit_denied(app: &AppCtx) -> Option<String> {
    may_edit(app).err().map(|e| e.translated())
}

/// **Save**: validates the form, stores the settings and the passwords. A refused form
/// changes nothing.
pub async fn save_settings(app: AppCtx, form: MailServerForm) -> Result<(), SaveError> {
    may_edit(&app)?;
    let channels = app
        .with_directory_untracked(|d| d.channels.clone())
        .ok_or_else(super::ctx::directory_not_read)?;
    let valid = validate_form(&form, &channels).map_err(|errors| {
        SaveError::Fields(
            errors
                .into_iter()
                .map(|(f, e)| (f, e.translated()))
                .collect(),
        )
    })?;
    let mut session = session_passwords();
    session.extend(valid.passwords.iter().cloned());
    let remember = valid
        .settings
        .as_ref()
        .is_some_and(|s| s.remember_on_device);
    let mut remembered: BTreeMap<String, String> = if remember {
        app.db()
            .get_meta(PASSWORDS_KEY)
            .await
            .map_err(AppError::from)?
            .unwrap_or_default()
    } else {
        BTreeMap::new()
    };
    if remember {
        remembered.extend(session.clone());
    }
    let db = app.db();
    db.set_meta(SETTINGS_KEY, &valid.settings)
        .await
        .map_err(AppError::from)?;
    // Unticking **Remember on this device** forgets the stored passwords at once.
    db.set_meta(PASSWORDS_KEY, &remembered)
        .await
        .map_err(AppError::from)?;
    if let Some(s) = session_storage() {
        let json = serde_json::to_string(&session).unwrap_or_else(|_| "{}".into());
        let _ = s.set_item(SESSION_PASSWORDS, &json);
    }
    app.changed("meta", Some(SETTINGS_KEY.to_owned()));
    Ok(())
}

// ---- HTTP -----------------------------------------------------------------------------------

/// An authenticated JMAP connection for one account.
#[derive(Clone)]
struct Conn {
    auth: String,
    session: Session,
    account: String,
}

fn absolute(url: &str) -> Result<String, JmapError> {
    if url.starts_with('/') {
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .ok_or_else(|| JmapError::InvalidUrl("this page has no origin".into()))?;
        Ok(format!("{origin}{url}"))
    } else {
        Ok(url.to_owned())
    }
}

/// Every request carries its own `Authorization` header and no browser credentials: with
/// credentials omitted a 401 comes back as an answer instead of the browser's own password
/// prompt (which would also leave the request hanging).
fn get(url: &str, auth: &str) -> gloo_net::http::RequestBuilder {
    Request::get(url)
        .credentials(web_sys::RequestCredentials::Omit)
        .header("Authorization", auth)
}

fn post(url: &str, auth: &str, content_type: &str) -> gloo_net::http::RequestBuilder {
    Request::post(url)
        .credentials(web_sys::RequestCredentials::Omit)
        .header("Authorization", auth)
        .header("Content-Type", content_type)
}

async fn answer(response: gloo_net::http::Response) -> Result<String, JmapError> {
    let status = response.status();
    let body = response
        .text()
        .await
        .map_err(|e| JmapError::Network(e.to_string()))?;
    if (200..300).contains(&status) {
        Ok(body)
    } else {
        Err(JmapError::from_status(status, &body))
    }
}

async fn connect(session_url: &str, login: &str, password: &str) -> Result<Conn, JmapError> {
    let url = absolute(
        &validate_session_url(session_url).map_err(|e| JmapError::InvalidUrl(e.to_string()))?,
    )?;
    let auth = jmap::basic_auth(login, password);
    let response = get(&url, &auth)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|e| JmapError::Network(e.to_string()))?;
    // Relative URLs in the session resolve against where it finally came from (after the
    // /.well-known/jmap redirect).
    let final_url = response.url();
    let body = answer(response).await?;
    let session = jmap::parse_session(
        if final_url.is_empty() {
            &url
        } else {
            &final_url
        },
        &body,
    )?;
    let account = session.require_mail()?.to_owned();
    Ok(Conn {
        auth,
        session,
        account,
    })
}

impl Conn {
    async fn call(&self, body: String) -> Result<jmap::Response, JmapError> {
        let response = post(&self.session.api_url, &self.auth, "application/json")
            .body(body)
            .map_err(|e| JmapError::Network(e.to_string()))?
            .send()
            .await
            .map_err(|e| JmapError::Network(e.to_string()))?;
        jmap::parse_response(&answer(response).await?)
    }

    async fn download(&self, blob_id: &str) -> Result<Vec<u8>, JmapError> {
        let url = self.session.download_url_for(&self.account, blob_id);
        let response = get(&url, &self.auth)
            .send()
            .await
            .map_err(|e| JmapError::Network(e.to_string()))?;
        if !response.ok() {
            return Err(JmapError::from_status(response.status(), ""));
        }
        response
            .binary()
            .await
            .map_err(|e| JmapError::Network(e.to_string()))
    }

    async fn upload(&self, raw: &str) -> Result<String, JmapError> {
        let response = post(
            &self.session.upload_url_for(&self.account),
            &self.auth,
            "message/rfc822",
        )
        .body(raw.to_owned())
        .map_err(|e| JmapError::Network(e.to_string()))?
        .send()
        .await
        .map_err(|e| JmapError::Network(e.to_string()))?;
        jmap::parse_upload(&answer(response).await?)
    }

    async fn mailboxes(&self) -> Result<Mailboxes, JmapError> {
        jmap::parse_mailboxes(&self.call(jmap::mailboxes_request(&self.account)).await?)
    }
}

// ---- Test connection ------------------------------------------------------------------------

/// **Test connection**: one line per distinct account, in plain words (connected with what,
/// or why not).
pub async fn test_connection(app: AppCtx, form: MailServerForm) -> Vec<(String, bool)> {
    let known = passwords(app).await.unwrap_or_default();
    let mut seen: Vec<String> = Vec::new();
    let mut lines = Vec::new();
    for row in &form.rows {
        let login = row.account.trim().to_owned();
        if login.is_empty() || seen.contains(&login) {
            continue;
        }
        seen.push(login.clone());
        let password = if row.password.is_empty() {
            known.get(&login).cloned().unwrap_or_default()
        } else {
            row.password.clone()
        };
        let outcome = async {
            let conn = connect(&form.session_url, &login, &password).await?;
            let boxes = conn.mailboxes().await?;
            Ok::<_, JmapError>((conn, boxes))
        }
        .await;
        lines.push(match outcome {
            Ok((conn, _)) => (
                tf(
                    k::MAILSERVER__CONNECTED,
                    &[
                        ("login", &login),
                        ("account", &conn.account),
                        ("capabilities", &conn.session.capability_summary()),
                    ],
                ),
                true,
            ),
            Err(e) => (format!("{login}: {}", e.translated()), false),
        });
    }
    if lines.is_empty() {
        lines.push((Refusal::NoAccountToTest.translated(), false));
    }
    lines
}

// ---- sync -----------------------------------------------------------------------------------

/// Where inbound polling of one account stands (META, per account).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct SyncState {
    session_url: String,
    account: String,
    inbox: Option<String>,
    drafts: Option<String>,
    sent: Option<String>,
    email_state: Option<String>,
}

impl SyncState {
    fn mailboxes(&self) -> Option<Mailboxes> {
        Some(Mailboxes {
            inbox: self.inbox.clone()?,
            drafts: self.drafts.clone()?,
            sent: self.sent.clone()?,
        })
    }
}

/// What one round of mail checking did, for the settings page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    pub at: i64,
    pub imported: usize,
    pub delivered: usize,
    pub failed: usize,
    /// Problems in plain words (an account that could not be reached, a message not imported).
    pub problems: Vec<String>,
}

/// The last round, shared with the settings page.
#[derive(Clone, Copy)]
pub struct MailStatus {
    pub last: RwSignal<Option<SyncReport>>,
    pub running: RwSignal<bool>,
}

pub fn use_mail_status() -> Option<MailStatus> {
    use_context::<MailStatus>()
}

thread_local! {
    static RUNNING: Cell<bool> = const { Cell::new(false) };
}

async fn sync_state(app: &AppCtx, login: &str) -> Result<SyncState, AppError> {
    Ok(app
        .db()
        .get_meta(&format!("{SYNC_KEY}{login}"))
        .await?
        .unwrap_or_default())
}

async fn put_sync_state(app: &AppCtx, login: &str, s: &SyncState) -> Result<(), AppError> {
    Ok(app.db().set_meta(&format!("{SYNC_KEY}{login}"), s).await?)
}

/// The connection and folders of one account; the folders are remembered per session URL.
async fn open_account(
    app: &AppCtx,
    settings: &MailServerSettings,
    login: &str,
    password: &str,
) -> Result<(Conn, Mailboxes, SyncState), AppError> {
    let conn = connect(&settings.session_url, login, password).await?;
    let mut state = sync_state(app, login).await?;
    if state.session_url != settings.session_url || state.account != conn.account {
        state = SyncState {
            session_url: settings.session_url.clone(),
            account: conn.account.clone(),
            ..SyncState::default()
        };
    }
    let boxes = match state.mailboxes() {
        Some(b) => b,
        None => {
            let b = conn.mailboxes().await?;
            state.inbox = Some(b.inbox.clone());
            state.drafts = Some(b.drafts.clone());
            state.sent = Some(b.sent.clone());
            put_sync_state(app, login, &state).await?;
            b
        }
    };
    Ok((conn, boxes, state))
}

/// Fetches the raw messages and imports them as `.eml` files are.
async fn import_emails(
    app: &AppCtx,
    conn: &Conn,
    emails: Vec<jmap::EmailRef>,
    report: &mut SyncReport,
) -> Result<(), AppError> {
    let mut files = Vec::new();
    for e in emails {
        let bytes = conn.download(&e.blob_id).await?;
        let name = e.message_id.clone().unwrap_or_else(|| e.id.clone());
        files.push((name, Ok(bytes)));
    }
    if files.is_empty() {
        return Ok(());
    }
    // A message seen before (an earlier poll, or an .eml imported by hand) is skipped quietly.
    for result in import_files(*app, files).await {
        if result.imported {
            report.imported += 1;
        } else if !result.already_imported {
            report.problems.push(result.line());
        }
    }
    Ok(())
}

/// Inbound mail of one account: the first time the newest Inbox messages, then what changed.
async fn fetch_inbound(
    app: &AppCtx,
    conn: &Conn,
    boxes: &Mailboxes,
    mut state: SyncState,
    login: &str,
    report: &mut SyncReport,
) -> Result<(), AppError> {
    loop {
        let Some(since) = state.email_state.clone() else {
            let resp = conn
                .call(jmap::inbox_request(
                    &conn.account,
                    &boxes.inbox,
                    FIRST_SYNC_LIMIT,
                ))
                .await?;
            let batch = jmap::parse_inbox(&resp)?;
            import_emails(app, conn, batch.emails, report).await?;
            state.email_state = Some(batch.state);
            put_sync_state(app, login, &state).await?;
            return Ok(());
        };
        let resp = conn
            .call(jmap::changes_request(&conn.account, &since, 200))
            .await?;
        let changes = match jmap::parse_changes(&resp) {
            Ok(c) => c,
            Err(e) if e.is_cannot_calculate_changes() => {
                // Too far behind: start over from the Inbox (the import skips known messages).
                state.email_state = None;
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        let inbound = changes
            .created
            .into_iter()
            .filter(|e| e.is_in(&boxes.inbox))
            .collect();
        import_emails(app, conn, inbound, report).await?;
        state.email_state = Some(changes.new_state);
        put_sync_state(app, login, &state).await?;
        if !changes.has_more {
            return Ok(());
        }
    }
}

/// Records an item's new status. A failed write is the caller's to report: the item is still
/// `Queued` in storage.
async fn set_status(
    app: &AppCtx,
    mut item: OutboxItem,
    status: OutboxStatus,
) -> Result<(), AppError> {
    item.status = status;
    app.db().put_outbox(&item).await?;
    app.changed("outbox", Some(item.id.0.clone()));
    Ok(())
}

thread_local! {
    /// Items the server accepted whose `Delivered` status could not be written (a storage
    /// error): still `Queued` in storage, so without this the next round would send them again.
    /// Each round tries the write again instead of submitting.
    static DELIVERED_UNRECORDED: std::cell::RefCell<BTreeMap<String, i64>> =
        const { std::cell::RefCell::new(BTreeMap::new()) };
}

/// Submits one checked Outbox item through `login`'s account.
async fn submit(
    app: &AppCtx,
    settings: &MailServerSettings,
    login: &str,
    password: &str,
    item: &OutboxItem,
) -> Result<(), JmapError> {
    let (conn, boxes, _) = open_account(app, settings, login, password)
        .await
        .map_err(|e| JmapError::Network(e.to_string()))?;
    let identity = jmap::parse_identity(
        &conn.call(jmap::identities_request(&conn.account)).await?,
        item.from.address.as_str(),
    )?;
    let blob = conn.upload(&item.raw).await?;
    let rcpt: Vec<String> = item.recipients.iter().map(|a| a.to_string()).collect();
    let resp = conn
        .call(jmap::submit_request(&jmap::Submission {
            account: &conn.account,
            blob_id: &blob,
            identity_id: &identity,
            drafts: &boxes.drafts,
            sent: &boxes.sent,
            mail_from: item.from.address.as_str(),
            rcpt_to: &rcpt,
        }))
        .await
        .map_err(|e| match e {
            // The request left but no answer came back: the server may have sent it.
            JmapError::Network(why) => JmapError::Network(format!(
                "{why}. The connection broke while the message was being submitted, so it may \
                 have been sent: check the Sent folder of {login} before you retry"
            )),
            other => other,
        })?;
    match jmap::parse_submit(&resp) {
        SubmitOutcome::Sent { .. } => Ok(()),
        SubmitOutcome::Failed { draft, error } => {
            // The draft it left behind would pile up with every retry.
            if let Some(draft) = draft {
                let _ = conn
                    .call(jmap::destroy_email_request(&conn.account, &draft))
                    .await;
            }
            Err(error)
        }
    }
}

/// Delivers every queued Outbox item (see the module doc).
async fn deliver_outbox(
    app: &AppCtx,
    settings: &MailServerSettings,
    known: &BTreeMap<String, String>,
    report: &mut SyncReport,
) -> Result<(), AppError> {
    let db = app.db();
    let dir = db.load_directory().await?;
    for item in db.outbox().await? {
        if item.status != OutboxStatus::Queued {
            continue;
        }
        let unrecorded = DELIVERED_UNRECORDED.with(|d| d.borrow().get(&item.id.0).copied());
        if let Some(at) = unrecorded {
            let id = item.id.0.clone();
            match set_status(app, item, OutboxStatus::Delivered { at }).await {
                Ok(()) => DELIVERED_UNRECORDED.with(|d| d.borrow_mut().remove(&id)),
                Err(e) => {
                    report.problems.push(e.translated());
                    None
                }
            };
            continue;
        }
        let parsed = parse_all(vec![item.raw.as_bytes().to_vec()])
            .await
            .pop()
            .and_then(Result::ok);
        let checked = check_submission(&SubmitCheck {
            item: &item,
            header_from: parsed.as_ref().map(|p| &p.from),
            channels: &dir.channels,
            inboxes: &dir.inboxes,
            workspace: &dir.workspace,
            settings,
        });
        // The reason is stored with the item, worded in the language of the rep whose tab
        // delivered it.
        let outcome = match checked {
            Err(refusal) => Err(refusal.translated()),
            Ok(login) => match known.get(login) {
                None => Err(tf(k::MAILSERVER__NO_PASSWORD, &[("login", &login)])),
                Some(password) => submit(app, settings, login, password, &item)
                    .await
                    .map_err(|e| e.translated()),
            },
        };
        let id = item.id.0.clone();
        let recorded = match outcome {
            Ok(()) => {
                report.delivered += 1;
                let at = now_millis();
                let written = set_status(app, item, OutboxStatus::Delivered { at }).await;
                if written.is_err() {
                    DELIVERED_UNRECORDED.with(|d| d.borrow_mut().insert(id, at));
                }
                written
            }
            Err(reason) => {
                report.failed += 1;
                set_status(app, item, OutboxStatus::Failed { reason }).await
            }
        };
        // The Outbox shows the item as waiting: say why, and stop this round (the storage
        // that refused this write would likely refuse the next).
        if let Err(e) = recorded {
            report.problems.push(e.translated());
            break;
        }
    }
    Ok(())
}

/// One round: inbound for every account with a password here, then the Outbox.
async fn run_once(app: AppCtx) -> Result<SyncReport, AppError> {
    let mut report = SyncReport {
        at: now_millis(),
        ..SyncReport::default()
    };
    let Some(settings) = load_settings(app).await? else {
        return Ok(report);
    };
    let known = passwords(app).await?;
    for (login, _) in settings.distinct_accounts() {
        let Some(password) = known.get(login) else {
            report
                .problems
                .push(tf(k::MAILSERVER__NO_PASSWORD, &[("login", &login)]));
            continue;
        };
        let outcome = async {
            let (conn, boxes, state) = open_account(&app, &settings, login, password).await?;
            fetch_inbound(&app, &conn, &boxes, state, login, &mut report).await
        }
        .await;
        if let Err(e) = outcome {
            report.problems.push(format!("{login}: {}", e.translated()));
        }
    }
    deliver_outbox(&app, &settings, &known, &mut report).await?;
    Ok(report)
}

/// Runs one round unless one is already running in this tab.
/// One round of fetching and delivering, in a lazily loaded chunk (issue 2): the JMAP client,
/// the MIME parser and the import path load only once a mail server is configured.
// Split only in the app build (feature `split`, set by index.html): a test binary cannot
// link a lazy function (its import is resolved by scripts/post-build.mjs).
#[cfg_attr(feature = "split", leptos::lazy)]
async fn run_once_lazily(app: AppCtx) -> Result<SyncReport, AppError> {
    run_once(app).await
}

async fn guarded_round(app: AppCtx) -> Option<Result<SyncReport, AppError>> {
    if RUNNING.with(|r| r.replace(true)) {
        return None;
    }
    let status = use_mail_status_of(app);
    if let Some(s) = status {
        s.running.set(true);
    }
    let result = run_once_lazily(app).await;
    RUNNING.with(|r| r.set(false));
    if let Some(s) = status {
        s.running.set(false);
        if let Ok(report) = &result {
            s.last.set(Some(report.clone()));
        }
    }
    Some(result)
}

thread_local! {
    static STATUS: Cell<Option<MailStatus>> = const { Cell::new(None) };
}

fn use_mail_status_of(_app: AppCtx) -> Option<MailStatus> {
    STATUS.with(Cell::get)
}

/// **Check mail now**.
pub async fn check_now(app: AppCtx) -> Result<SyncReport, AppError> {
    match guarded_round(app).await {
        Some(result) => result,
        None => Err(AppError::Refused(Refusal::MailCheckBusy)),
    }
}

/// **Retry** on a failed Outbox item: queues it again and delivers at once.
pub async fn retry(app: AppCtx, id: MessageId) -> Result<(), AppError> {
    let db = app.db();
    let mut item = db
        .outbox()
        .await?
        .into_iter()
        .find(|i| i.id == id)
        .ok_or(AppError::Missing(Missing::OutboxMessage))?;
    item.status = OutboxStatus::Queued;
    db.put_outbox(&item).await?;
    app.changed("outbox", Some(id.0.clone()));
    if load_settings(app).await?.is_some() {
        if let Some(Err(e)) = guarded_round(app).await {
            return Err(e);
        }
    }
    Ok(())
}

/// Only one tab polls at a time (a lease in localStorage), and only one that knows a password:
/// two tabs delivering the same Outbox would send every message twice.
fn hold_lease(app: &AppCtx) -> bool {
    let Some(storage) = local_storage() else {
        return true;
    };
    let me = app.tab.get_value();
    let now = now_millis();
    let current = storage
        .get_item(LEADER_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    let (holder, until) = current.split_once('|').unwrap_or(("", "0"));
    let free = holder == me || until.parse::<i64>().unwrap_or(0) < now;
    if free {
        let _ = storage.set_item(LEADER_KEY, &format!("{me}|{}", now + LEASE_MS));
    }
    free
}

/// Starts polling while the app is open (called once, where the app context is provided).
pub fn start(app: AppCtx) {
    let status = MailStatus {
        last: RwSignal::new(None),
        running: RwSignal::new(false),
    };
    STATUS.with(|s| s.set(Some(status)));
    provide_context(status);
    leptos::task::spawn_local(async move {
        loop {
            // The context is gone (the app unmounted): stop.
            if app.data_rev.try_get_untracked().is_none() {
                return;
            }
            let configured = matches!(load_settings(app).await, Ok(Some(_)));
            let has_password = !session_passwords().is_empty()
                || matches!(passwords(app).await, Ok(p) if !p.is_empty());
            if configured && has_password && hold_lease(&app) {
                if let Some(Err(e)) = guarded_round(app).await {
                    let why = e.translated();
                    app.toast(
                        ToastKind::Error,
                        tf(k::MAILSERVER__CHECK_FAILED, &[("why", &why)]),
                    );
                }
            }
            gloo_timers::future::TimeoutFuture::new(POLL_MS).await;
        }
    });
}
