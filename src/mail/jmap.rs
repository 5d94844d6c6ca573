//! JMAP (RFC 8620 core, RFC 8621 mail and submission) as pure data: the session object with
//! its URLs resolved against the session URL, the batched requests Switchboard sends, and the
//! responses parsed into typed results or typed errors a support rep can read.
//!
//! Must not: do any I/O (the shell in `services::jmap` sends the requests and hands the bodies
//! back here), know about Switchboard's storage, or decide whether a message may be sent (the
//! From check lives in `domain::mail_server`).

use serde_json::{json, Map, Value};

pub const CORE: &str = "urn:ietf:params:jmap:core";
pub const MAIL: &str = "urn:ietf:params:jmap:mail";
pub const SUBMISSION: &str = "urn:ietf:params:jmap:submission";

/// The Email properties Switchboard reads: enough to fetch the raw message (`blobId`) and to
/// know where it lives; the message itself goes through the same parser as an `.eml` file.
pub const EMAIL_PROPERTIES: [&str; 6] = [
    "id",
    "blobId",
    "threadId",
    "mailboxIds",
    "messageId",
    "receivedAt",
];

/// Everything that can go wrong talking to a JMAP server, in words a support rep understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JmapError {
    #[error("The mail server did not accept this account and password.")]
    Unauthorized,
    #[error("The mail server refused access to this account (HTTP 403).")]
    Forbidden,
    #[error("Nothing answers at this address: check the JMAP session URL.")]
    NotFound,
    #[error("The mail server answered with an error (HTTP {status}){detail}.")]
    Http { status: u16, detail: String },
    #[error("Could not reach the mail server: {0}")]
    Network(String),
    #[error("The JMAP session URL is not usable: {0}")]
    InvalidUrl(String),
    #[error("The mail server's answer is not JMAP: {0}")]
    NotJmap(String),
    #[error("The mail server does not offer {0}, which Switchboard needs.")]
    MissingCapability(String),
    #[error("The mail server lists no mail account for this login.")]
    NoMailAccount,
    #[error("The mail account has no {0} folder.")]
    MissingMailbox(String),
    #[error("{}", method_error_text(kind, description))]
    Method { kind: String, description: String },
    #[error(
        "The mail server did not send the message: {}",
        method_error_text(kind, description)
    )]
    NotSubmitted { kind: String, description: String },
}

impl JmapError {
    /// The error an HTTP status (other than 2xx) stands for; `body` may carry a JMAP problem
    /// document (RFC 7807) whose detail is worth showing.
    pub fn from_status(status: u16, body: &str) -> JmapError {
        match status {
            401 => JmapError::Unauthorized,
            403 => JmapError::Forbidden,
            404 => JmapError::NotFound,
            _ => {
                let detail = serde_json::from_str::<Value>(body)
                    .ok()
                    .and_then(|v| {
                        let kind = v.get("type")?.as_str()?.rsplit(':').next()?.to_owned();
                        let text = v
                            .get("detail")
                            .or_else(|| v.get("title"))
                            .and_then(Value::as_str)
                            .unwrap_or("");
                        Some(format!(": {kind} {text}").trim_end().to_owned())
                    })
                    .unwrap_or_default();
                JmapError::Http { status, detail }
            }
        }
    }

    /// Whether the state we polled from is too old (the caller starts over with a query).
    pub fn is_cannot_calculate_changes(&self) -> bool {
        matches!(self, JmapError::Method { kind, .. } if kind == "cannotCalculateChanges")
    }
}

fn method_error_text(kind: &str, description: &str) -> String {
    let plain = match kind {
        "serverFail" | "serverPartialFail" => "the mail server failed",
        "serverUnavailable" => "the mail server is busy or down, try again later",
        "accountNotFound" => {
            "this account does not exist on the mail server (check the account name; a new \
             account exists once it has signed in once)"
        }
        "accountNotSupportedByMethod" => "this account cannot be used for email",
        "accountReadOnly" => "this account is read-only",
        "forbidden" => "the mail server does not allow this",
        "unknownMethod" => "the mail server does not support this request",
        "invalidArguments" => "the mail server did not understand the request",
        "cannotCalculateChanges" => "the mail server can no longer tell what changed",
        "invalidEmail" => "the mail server considers the message invalid",
        "tooManyRecipients" => "the message has too many recipients for the mail server",
        "noRecipients" => "the message has no recipients",
        "invalidRecipients" => "the mail server refused some recipients",
        "forbiddenMailFrom" => "the mail server does not allow sending from this address",
        "forbiddenFrom" => "the mail server does not allow this From address",
        "forbiddenToSend" => "this account may not send email",
        "tooLarge" => "the message is too large for the mail server",
        "overQuota" => "the mail account is over its quota",
        _ => "the mail server reported an error",
    };
    let mut text = format!("{plain} ({kind}");
    if !description.is_empty() {
        text.push_str(": ");
        text.push_str(description);
    }
    text.push_str(").");
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

// ---- URLs -----------------------------------------------------------------------------------

/// Splits `scheme://authority` from the rest.
fn origin_of(url: &str) -> Option<(&str, &str)> {
    let scheme_end = url.find("://")?;
    let scheme = &url[..scheme_end];
    if scheme.is_empty()
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    {
        return None;
    }
    let after = scheme_end + 3;
    let end = url[after..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| after + i);
    Some((&url[..end], &url[end..]))
}

/// RFC 3986 §5.2.4: removes `.` and `..` segments.
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "." => {
                if i == last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if path.starts_with('/') && !joined.starts_with('/') {
        format!("/{joined}")
    } else {
        joined
    }
}

/// Resolves `reference` against the absolute URL `base` (RFC 3986 §5.2, for the forms JMAP
/// servers use: absolute, scheme-relative, absolute path, relative path, query only).
pub fn resolve_url(base: &str, reference: &str) -> Result<String, JmapError> {
    let (origin, rest) = origin_of(base)
        .ok_or_else(|| JmapError::InvalidUrl(format!("\u{201c}{base}\u{201d} is not absolute")))?;
    if reference
        .chars()
        .any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(JmapError::InvalidUrl(format!(
            "\u{201c}{reference}\u{201d} contains spaces"
        )));
    }
    if origin_of(reference).is_some() {
        return Ok(reference.to_owned());
    }
    if let Some(tail) = reference.strip_prefix("//") {
        let scheme = &origin[..origin.find("://").unwrap_or(0)];
        return Ok(format!("{scheme}://{tail}"));
    }
    let base_path = rest.split(['?', '#']).next().unwrap_or("");
    if reference.is_empty() {
        return Ok(format!("{origin}{base_path}"));
    }
    if reference.starts_with('?') {
        return Ok(format!("{origin}{base_path}{reference}"));
    }
    let (ref_path, ref_tail) = match reference.find(['?', '#']) {
        Some(i) => reference.split_at(i),
        None => (reference, ""),
    };
    let merged = if ref_path.starts_with('/') {
        ref_path.to_owned()
    } else {
        let dir = match base_path.rfind('/') {
            Some(i) => &base_path[..=i],
            None => "/",
        };
        format!("{dir}{ref_path}")
    };
    Ok(format!(
        "{origin}{}{ref_tail}",
        remove_dot_segments(&merged)
    ))
}

/// Percent-encodes a value for a URL template (RFC 6570 simple expansion, keeping `@`, `:` and
/// `/`, which account ids and media types contain and servers expect verbatim).
fn encode_component(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~@:/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Fills `{name}` variables of a session URL template.
pub fn expand_template(template: &str, vars: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in vars {
        out = out.replace(&format!("{{{name}}}"), &encode_component(value));
    }
    out
}

/// The `Authorization` header value for HTTP Basic auth (RFC 7617, UTF-8 credentials).
pub fn basic_auth(login: &str, password: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = format!("{login}:{password}").into_bytes();
    let mut out = String::from("Basic ");
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

// ---- Session --------------------------------------------------------------------------------

/// The parts of the JMAP session object Switchboard uses, URLs already absolute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub username: String,
    pub api_url: String,
    pub download_url: String,
    pub upload_url: String,
    /// Server capabilities (URNs), in the server's order.
    pub capabilities: Vec<String>,
    /// The primary account for mail (falls back to the first account with mail).
    pub mail_account: Option<String>,
    pub state: String,
}

fn str_field<'a>(v: &'a Value, key: &str) -> Result<&'a str, JmapError> {
    v.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| JmapError::NotJmap(format!("the field \u{201c}{key}\u{201d} is missing")))
}

/// Parses a session object fetched from `session_url` (the URL the answer came from, after
/// redirects): relative URLs in it are resolved against that URL.
pub fn parse_session(session_url: &str, body: &str) -> Result<Session, JmapError> {
    let v: Value = serde_json::from_str(body)
        .map_err(|_| JmapError::NotJmap("the session is not JSON".into()))?;
    let capabilities: Vec<String> = v
        .get("capabilities")
        .and_then(Value::as_object)
        .ok_or_else(|| JmapError::NotJmap("the session lists no capabilities".into()))?
        .keys()
        .cloned()
        .collect();
    let primary = v
        .get("primaryAccounts")
        .and_then(|p| p.get(MAIL))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let any_mail_account = v.get("accounts").and_then(Value::as_object).and_then(|a| {
        a.iter()
            .find(|(_, acc)| {
                acc.get("accountCapabilities")
                    .and_then(|c| c.get(MAIL))
                    .is_some()
            })
            .map(|(id, _)| id.clone())
    });
    Ok(Session {
        username: str_field(&v, "username")?.to_owned(),
        api_url: resolve_url(session_url, str_field(&v, "apiUrl")?)?,
        download_url: resolve_url(session_url, str_field(&v, "downloadUrl")?)?,
        upload_url: resolve_url(session_url, str_field(&v, "uploadUrl")?)?,
        capabilities,
        mail_account: primary.or(any_mail_account),
        state: v
            .get("state")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned(),
    })
}

impl Session {
    /// The mail account, once the server offers everything Switchboard needs (core, mail and
    /// submission).
    pub fn require_mail(&self) -> Result<&str, JmapError> {
        for (urn, name) in [
            (CORE, "JMAP"),
            (MAIL, "JMAP Mail"),
            (SUBMISSION, "sending email"),
        ] {
            if !self.capabilities.iter().any(|c| c == urn) {
                return Err(JmapError::MissingCapability(format!("{name} ({urn})")));
            }
        }
        self.mail_account.as_deref().ok_or(JmapError::NoMailAccount)
    }

    /// "mail, submission, vacationresponse, …": the capabilities in short words.
    pub fn capability_summary(&self) -> String {
        self.capabilities
            .iter()
            .map(|c| c.rsplit([':', '/']).next().unwrap_or(c))
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn download_url_for(&self, account: &str, blob_id: &str) -> String {
        expand_template(
            &self.download_url,
            &[
                ("accountId", account),
                ("blobId", blob_id),
                ("name", "message.eml"),
                ("type", "message/rfc822"),
            ],
        )
    }

    pub fn upload_url_for(&self, account: &str) -> String {
        expand_template(&self.upload_url, &[("accountId", account)])
    }
}

// ---- Requests -------------------------------------------------------------------------------

/// One request object with its method calls (sent as one HTTP POST: batched).
fn request(using: &[&str], calls: Vec<Value>) -> String {
    json!({ "using": using, "methodCalls": calls }).to_string()
}

fn result_ref(call_id: &str, name: &str, path: &str) -> Value {
    json!({ "resultOf": call_id, "name": name, "path": path })
}

/// The account's folders with their roles (to find Inbox, Drafts and Sent).
pub fn mailboxes_request(account: &str) -> String {
    request(
        &[CORE, MAIL],
        vec![json!([
            "Mailbox/get",
            { "accountId": account, "properties": ["id", "name", "role"] },
            "mb"
        ])],
    )
}

/// The first sync: the newest `limit` messages of the Inbox, oldest first, and their
/// properties, in one round trip (Email/get takes the query's ids by back-reference).
pub fn inbox_request(account: &str, inbox: &str, limit: u32) -> String {
    request(
        &[CORE, MAIL],
        vec![
            json!([
                "Email/query",
                {
                    "accountId": account,
                    "filter": { "inMailbox": inbox },
                    "sort": [{ "property": "receivedAt", "isAscending": false }],
                    "limit": limit
                },
                "q"
            ]),
            json!([
                "Email/get",
                {
                    "accountId": account,
                    "#ids": result_ref("q", "Email/query", "/ids"),
                    "properties": EMAIL_PROPERTIES
                },
                "g"
            ]),
        ],
    )
}

/// Polling: what changed since `since_state`, with the created messages' properties.
pub fn changes_request(account: &str, since_state: &str, max_changes: u32) -> String {
    request(
        &[CORE, MAIL],
        vec![
            json!([
                "Email/changes",
                { "accountId": account, "sinceState": since_state, "maxChanges": max_changes },
                "c"
            ]),
            json!([
                "Email/get",
                {
                    "accountId": account,
                    "#ids": result_ref("c", "Email/changes", "/created"),
                    "properties": EMAIL_PROPERTIES
                },
                "g"
            ]),
        ],
    )
}

/// The account's sending identities.
pub fn identities_request(account: &str) -> String {
    request(
        &[CORE, MAIL, SUBMISSION],
        vec![json!(["Identity/get", { "accountId": account }, "id"])],
    )
}

/// Where and how one uploaded message is submitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission<'a> {
    pub account: &'a str,
    /// The uploaded message (its exact bytes, so what leaves is what the Outbox shows).
    pub blob_id: &'a str,
    pub identity_id: &'a str,
    pub drafts: &'a str,
    pub sent: &'a str,
    /// SMTP envelope: never derived by the server from headers (Bcc lives only here).
    pub mail_from: &'a str,
    pub rcpt_to: &'a [String],
}

/// Puts the uploaded message into Drafts (Email/import keeps its bytes: Message-ID, From,
/// In-Reply-To stay exactly as built) and submits it with an explicit envelope; on success
/// the server moves it from Drafts to Sent.
pub fn submit_request(s: &Submission) -> String {
    let mut on_success = Map::new();
    on_success.insert(format!("mailboxIds/{}", s.drafts), Value::Null);
    on_success.insert(format!("mailboxIds/{}", s.sent), Value::Bool(true));
    on_success.insert("keywords/$draft".into(), Value::Null);
    let rcpt: Vec<Value> = s
        .rcpt_to
        .iter()
        .map(|r| json!({ "email": r, "parameters": null }))
        .collect();
    request(
        &[CORE, MAIL, SUBMISSION],
        vec![
            json!([
                "Email/import",
                {
                    "accountId": s.account,
                    "emails": { "draft": {
                        "blobId": s.blob_id,
                        "mailboxIds": { s.drafts: true },
                        "keywords": { "$draft": true, "$seen": true }
                    } }
                },
                "i"
            ]),
            json!([
                "EmailSubmission/set",
                {
                    "accountId": s.account,
                    "create": { "send": {
                        "identityId": s.identity_id,
                        "emailId": "#draft",
                        "envelope": {
                            "mailFrom": { "email": s.mail_from, "parameters": null },
                            "rcptTo": rcpt
                        }
                    } },
                    "onSuccessUpdateEmail": { "#send": on_success }
                },
                "s"
            ]),
        ],
    )
}

/// Removes a draft left behind by a failed submission (a retry imports the message again).
pub fn destroy_email_request(account: &str, email_id: &str) -> String {
    request(
        &[CORE, MAIL],
        vec![json!(["Email/set", { "accountId": account, "destroy": [email_id] }, "d"])],
    )
}

// ---- Responses ------------------------------------------------------------------------------

/// A parsed response: the method responses by call id.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    calls: Vec<(String, Value, String)>,
}

/// Parses a JMAP response body (HTTP 200).
pub fn parse_response(body: &str) -> Result<Response, JmapError> {
    let v: Value = serde_json::from_str(body)
        .map_err(|_| JmapError::NotJmap("the response is not JSON".into()))?;
    let list = v
        .get("methodResponses")
        .and_then(Value::as_array)
        .ok_or_else(|| JmapError::NotJmap("no methodResponses".into()))?;
    let mut calls = Vec::new();
    for item in list {
        match item.as_array().map(Vec::as_slice) {
            Some([Value::String(name), args, Value::String(id)]) => {
                calls.push((name.clone(), args.clone(), id.clone()))
            }
            _ => return Err(JmapError::NotJmap("a method response is malformed".into())),
        }
    }
    Ok(Response { calls })
}

impl Response {
    /// The arguments of the first response to `call_id` named `name`; a method-level `error`
    /// in its place becomes [`JmapError::Method`].
    pub fn get(&self, call_id: &str, name: &str) -> Result<&Value, JmapError> {
        let (found, args, _) = self
            .calls
            .iter()
            .find(|(_, _, id)| id == call_id)
            .ok_or_else(|| JmapError::NotJmap(format!("no answer to {name}")))?;
        if found == "error" {
            return Err(JmapError::Method {
                kind: args
                    .get("type")
                    .and_then(Value::as_str)
                    .unwrap_or("unknown")
                    .to_owned(),
                description: args
                    .get("description")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_owned(),
            });
        }
        if found != name {
            return Err(JmapError::NotJmap(format!(
                "{found} answered instead of {name}"
            )));
        }
        Ok(args)
    }
}

/// The special folders of an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mailboxes {
    pub inbox: String,
    pub drafts: String,
    pub sent: String,
}

pub fn parse_mailboxes(resp: &Response) -> Result<Mailboxes, JmapError> {
    let list = resp
        .get("mb", "Mailbox/get")?
        .get("list")
        .and_then(Value::as_array)
        .ok_or_else(|| JmapError::NotJmap("Mailbox/get without a list".into()))?;
    let by_role = |role: &str| {
        list.iter()
            .find(|m| m.get("role").and_then(Value::as_str) == Some(role))
            .and_then(|m| m.get("id").and_then(Value::as_str))
            .map(str::to_owned)
            .ok_or_else(|| JmapError::MissingMailbox(role.into()))
    };
    Ok(Mailboxes {
        inbox: by_role("inbox")?,
        drafts: by_role("drafts")?,
        sent: by_role("sent")?,
    })
}

/// One message on the server, as Switchboard needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailRef {
    pub id: String,
    pub blob_id: String,
    pub thread_id: String,
    pub mailbox_ids: Vec<String>,
    pub message_id: Option<String>,
    pub received_at: String,
}

impl EmailRef {
    pub fn is_in(&self, mailbox: &str) -> bool {
        self.mailbox_ids.iter().any(|m| m == mailbox)
    }
}

/// Messages and the Email state they were read at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailBatch {
    pub state: String,
    pub emails: Vec<EmailRef>,
}

fn parse_email_get(args: &Value) -> Result<EmailBatch, JmapError> {
    let list = args
        .get("list")
        .and_then(Value::as_array)
        .ok_or_else(|| JmapError::NotJmap("Email/get without a list".into()))?;
    let mut emails = Vec::new();
    for e in list {
        let text = |k: &str| e.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
        emails.push(EmailRef {
            id: str_field(e, "id")?.to_owned(),
            blob_id: str_field(e, "blobId")?.to_owned(),
            thread_id: text("threadId"),
            mailbox_ids: e
                .get("mailboxIds")
                .and_then(Value::as_object)
                .map(|m| {
                    m.iter()
                        .filter(|(_, v)| v.as_bool() == Some(true))
                        .map(|(k, _)| k.clone())
                        .collect()
                })
                .unwrap_or_default(),
            message_id: e
                .get("messageId")
                .and_then(Value::as_array)
                .and_then(|ids| ids.first())
                .and_then(Value::as_str)
                .map(str::to_owned),
            received_at: text("receivedAt"),
        });
    }
    // Oldest first, so a reply fetched together with the message it answers joins its thread.
    emails.sort_by(|a, b| a.received_at.cmp(&b.received_at));
    Ok(EmailBatch {
        state: str_field(args, "state")?.to_owned(),
        emails,
    })
}

/// The answer to [`inbox_request`].
pub fn parse_inbox(resp: &Response) -> Result<EmailBatch, JmapError> {
    resp.get("q", "Email/query")?;
    parse_email_get(resp.get("g", "Email/get")?)
}

/// The answer to [`changes_request`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changes {
    pub new_state: String,
    pub has_more: bool,
    pub created: Vec<EmailRef>,
}

pub fn parse_changes(resp: &Response) -> Result<Changes, JmapError> {
    let changes = resp.get("c", "Email/changes")?;
    let created = parse_email_get(resp.get("g", "Email/get")?)?.emails;
    Ok(Changes {
        new_state: str_field(changes, "newState")?.to_owned(),
        has_more: changes
            .get("hasMoreChanges")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        created,
    })
}

/// The identity to submit with: the one whose address is `address`, else the first.
pub fn parse_identity(resp: &Response, address: &str) -> Result<String, JmapError> {
    let list = resp
        .get("id", "Identity/get")?
        .get("list")
        .and_then(Value::as_array)
        .ok_or_else(|| JmapError::NotJmap("Identity/get without a list".into()))?;
    let id_of = |i: &Value| i.get("id").and_then(Value::as_str).map(str::to_owned);
    list.iter()
        .find(|i| {
            i.get("email")
                .and_then(Value::as_str)
                .is_some_and(|e| e.eq_ignore_ascii_case(address))
        })
        .and_then(id_of)
        .or_else(|| list.first().and_then(id_of))
        .ok_or_else(|| JmapError::NotJmap("the account has no sending identity".into()))
}

/// The blob id of an upload (the body of the upload POST).
pub fn parse_upload(body: &str) -> Result<String, JmapError> {
    let v: Value = serde_json::from_str(body)
        .map_err(|_| JmapError::NotJmap("the upload answer is not JSON".into()))?;
    Ok(str_field(&v, "blobId")?.to_owned())
}

/// What a submission did: on failure the draft it left in Drafts (to clean up) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubmitOutcome {
    Sent {
        email_id: String,
    },
    Failed {
        draft: Option<String>,
        error: JmapError,
    },
}

pub fn parse_submit(resp: &Response) -> SubmitOutcome {
    let not_created = |args: &Value, key: &str| -> Option<JmapError> {
        let e = args.get("notCreated")?.get(key)?;
        Some(JmapError::NotSubmitted {
            kind: e
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or("unknown")
                .to_owned(),
            description: e
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned(),
        })
    };
    let import = match resp.get("i", "Email/import") {
        Ok(args) => args,
        Err(error) => return SubmitOutcome::Failed { draft: None, error },
    };
    if let Some(error) = not_created(import, "draft") {
        return SubmitOutcome::Failed { draft: None, error };
    }
    let Some(email_id) = import
        .get("created")
        .and_then(|c| c.get("draft"))
        .and_then(|d| d.get("id"))
        .and_then(Value::as_str)
        .map(str::to_owned)
    else {
        return SubmitOutcome::Failed {
            draft: None,
            error: JmapError::NotJmap("Email/import created nothing".into()),
        };
    };
    let submission = match resp.get("s", "EmailSubmission/set") {
        Ok(args) => args,
        Err(error) => {
            return SubmitOutcome::Failed {
                draft: Some(email_id),
                error,
            }
        }
    };
    if let Some(error) = not_created(submission, "send") {
        return SubmitOutcome::Failed {
            draft: Some(email_id),
            error,
        };
    }
    match submission.get("created").and_then(|c| c.get("send")) {
        Some(_) => SubmitOutcome::Sent { email_id },
        None => SubmitOutcome::Failed {
            draft: Some(email_id),
            error: JmapError::NotJmap("EmailSubmission/set created nothing".into()),
        },
    }
}
