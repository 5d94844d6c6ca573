//! **Settings › Mail server** (SPEC §9): the JMAP session URL, which mail account sends and
//! receives for each email channel, and whether passwords are remembered on this device; and
//! the check every Outbox message passes before it is submitted: its `From:` is exactly the
//! From resolved when it was sent, and that address is a verified, enabled address of its
//! channel. A message that fails the check never leaves.
//!
//! Must not: talk to the server (`services::jmap` does), store anything, or hold passwords in
//! the settings record (they travel separately, so they are never persisted by accident).

use super::{Channel, ChannelId, ChannelKind, Inbox, Mailbox, OutboxItem, Workspace};
use serde::{Deserialize, Serialize};

/// The suggested session URL: same origin as the app, through the reverse proxy.
pub const DEFAULT_SESSION_URL: &str = "/.well-known/jmap";

/// Which mail account serves one channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelAccount {
    pub channel: ChannelId,
    /// The login name on the mail server (often the address itself).
    pub account: String,
}

/// The saved settings. Passwords are not here (see the module doc).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailServerSettings {
    /// Absolute `http(s)://` URL, or a path on the app's own origin (`/.well-known/jmap`).
    pub session_url: String,
    pub accounts: Vec<ChannelAccount>,
    /// **Remember on this device**: passwords are stored with the settings in this browser.
    #[serde(default)]
    pub remember_on_device: bool,
}

impl MailServerSettings {
    pub fn account_for(&self, channel: &ChannelId) -> Option<&str> {
        self.accounts
            .iter()
            .find(|a| &a.channel == channel)
            .map(|a| a.account.as_str())
    }

    /// The distinct accounts, each with the channels it serves (one mailbox may serve a team
    /// email channel and the inbox's fallback email).
    pub fn distinct_accounts(&self) -> Vec<(&str, Vec<&ChannelId>)> {
        let mut out: Vec<(&str, Vec<&ChannelId>)> = Vec::new();
        for a in &self.accounts {
            match out.iter_mut().find(|(acc, _)| *acc == a.account) {
                Some((_, channels)) => channels.push(&a.channel),
                None => out.push((&a.account, vec![&a.channel])),
            }
        }
        out
    }
}

/// What the admin typed for one channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountRow {
    pub channel: ChannelId,
    pub account: String,
    pub password: String,
    /// A password for this account is already known (this session or this device): an empty
    /// password field keeps it.
    pub has_saved_password: bool,
}

/// The **Mail server** form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MailServerForm {
    pub session_url: String,
    pub rows: Vec<AccountRow>,
    pub remember_on_device: bool,
}

/// Which field an error belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum MailServerField {
    SessionUrl,
    Account(ChannelId),
    Password(ChannelId),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MailServerError {
    #[error(
        "Enter the JMAP session URL: a path on this site such as /.well-known/jmap, or a full \
         address starting with https:// or http://."
    )]
    SessionUrlShape,
    #[error("The URL cannot contain spaces, line breaks or control characters.")]
    SessionUrlCharacters,
    #[error("Connect at least one channel to a mail account, or clear the URL to disconnect.")]
    NoAccount,
    #[error("An account name cannot contain spaces or control characters.")]
    AccountCharacters,
    #[error("Enter the password of this account.")]
    PasswordMissing,
    #[error("A password is given but no account: enter the account too.")]
    PasswordWithoutAccount,
    #[error("This channel no longer exists.")]
    UnknownChannel,
}

/// The saved result of a valid form: settings (or `None`: disconnect) and the passwords typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidForm {
    pub settings: Option<MailServerSettings>,
    pub passwords: Vec<(String, String)>,
}

fn has_bad_chars(value: &str) -> bool {
    value
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\u{2028}' || c == '\u{2029}')
}

/// Validates the session URL alone (also used by **Test connection**).
pub fn validate_session_url(url: &str) -> Result<String, MailServerError> {
    let url = url.trim();
    if has_bad_chars(url) {
        return Err(MailServerError::SessionUrlCharacters);
    }
    let lower = url.to_ascii_lowercase();
    let host_part = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let ok = match host_part {
        Some(rest) => !rest.is_empty() && !rest.starts_with('/'),
        None => url.starts_with('/') && !url.starts_with("//"),
    };
    if ok {
        Ok(url.to_owned())
    } else {
        Err(MailServerError::SessionUrlShape)
    }
}

/// Validates the whole form. Every error is reported at once, next to its field; a refused
/// form changes nothing.
pub fn validate_form(
    form: &MailServerForm,
    channels: &[Channel],
) -> Result<ValidForm, Vec<(MailServerField, MailServerError)>> {
    let mut errors = Vec::new();
    let typed_anything = !form.session_url.trim().is_empty()
        || form
            .rows
            .iter()
            .any(|r| !r.account.trim().is_empty() || !r.password.is_empty());
    if !typed_anything {
        return Ok(ValidForm {
            settings: None,
            passwords: Vec::new(),
        });
    }
    let url = validate_session_url(&form.session_url)
        .map_err(|e| errors.push((MailServerField::SessionUrl, e)))
        .ok();
    let mut accounts = Vec::new();
    let mut passwords: Vec<(String, String)> = Vec::new();
    for row in &form.rows {
        let account = row.account.trim();
        if !channels.iter().any(|c| c.id == row.channel) {
            errors.push((
                MailServerField::Account(row.channel.clone()),
                MailServerError::UnknownChannel,
            ));
            continue;
        }
        if account.is_empty() {
            if !row.password.is_empty() {
                errors.push((
                    MailServerField::Account(row.channel.clone()),
                    MailServerError::PasswordWithoutAccount,
                ));
            }
            continue;
        }
        if has_bad_chars(account) {
            errors.push((
                MailServerField::Account(row.channel.clone()),
                MailServerError::AccountCharacters,
            ));
            continue;
        }
        let known_elsewhere = passwords.iter().any(|(a, _)| a == account);
        if row.password.is_empty() && !row.has_saved_password && !known_elsewhere {
            errors.push((
                MailServerField::Password(row.channel.clone()),
                MailServerError::PasswordMissing,
            ));
        }
        if !row.password.is_empty() && !known_elsewhere {
            passwords.push((account.to_owned(), row.password.clone()));
        }
        accounts.push(ChannelAccount {
            channel: row.channel.clone(),
            account: account.to_owned(),
        });
    }
    if accounts.is_empty() && errors.is_empty() {
        errors.push((MailServerField::SessionUrl, MailServerError::NoAccount));
    }
    match (url, errors.is_empty()) {
        (Some(session_url), true) => Ok(ValidForm {
            settings: Some(MailServerSettings {
                session_url,
                accounts,
                remember_on_device: form.remember_on_device,
            }),
            passwords,
        }),
        _ => Err(errors),
    }
}

/// The channels the page lists: team email channels first (the ones the issue is about),
/// then fallback emails (which may send through a mailbox too).
pub fn listed_channels(channels: &[Channel]) -> Vec<&Channel> {
    let mut out: Vec<&Channel> = channels
        .iter()
        .filter(|c| c.kind == ChannelKind::TeamEmail)
        .collect();
    out.extend(channels.iter().filter(|c| c.kind == ChannelKind::Fallback));
    out
}

// ---- The check before submission ------------------------------------------------------------

/// Why an Outbox message is not submitted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SubmitRefusal {
    #[error(
        "It is sent from a personal address, and no mail account is connected for personal \
         addresses."
    )]
    NoChannel,
    #[error("Its channel no longer exists.")]
    ChannelGone,
    #[error("Its channel ({0}) is disabled.")]
    ChannelDisabled(String),
    #[error("No mail account is connected for {0} (Settings › Mail server).")]
    NoAccount(String),
    #[error("Its From header cannot be read, so it is not sent.")]
    NoFromHeader,
    #[error(
        "Its From header ({header}) is not the From chosen when it was sent ({expected}), so \
         it is not sent."
    )]
    FromChanged { header: String, expected: String },
    #[error("{0} is not a verified address of its channel, so nothing is sent from it.")]
    Unverified(String),
}

fn label(m: &Mailbox) -> String {
    match m.name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) => format!("{name} <{}>", m.address),
        None => m.address.to_string(),
    }
}

fn same_name(a: &Mailbox, b: &Mailbox) -> bool {
    let norm = |m: &Mailbox| {
        m.name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
    };
    norm(a) == norm(b)
}

/// The addresses a channel may send from: its own address once verified, and for a fallback
/// email also the inbox's default address, which is Switchboard's own and needs no
/// verification (SPEC §3: **Verify address** codes are sent from it).
pub fn verified_addresses(
    channel: &Channel,
    inbox: Option<&Inbox>,
    workspace: &Workspace,
) -> Vec<super::EmailAddress> {
    let mut out = Vec::new();
    if channel.verified {
        out.push(channel.address.clone());
    }
    if channel.kind == ChannelKind::Fallback {
        if let Some(default) = inbox.and_then(|i| i.fallback.default_address(workspace).ok()) {
            out.push(default);
        }
    }
    out
}

/// What is known about one Outbox message when it is about to be submitted.
#[derive(Debug, Clone, Copy)]
pub struct SubmitCheck<'a> {
    pub item: &'a OutboxItem,
    /// The `From:` parsed from the exact bytes that will be submitted.
    pub header_from: Option<&'a Mailbox>,
    pub channels: &'a [Channel],
    pub inboxes: &'a [Inbox],
    pub workspace: &'a Workspace,
    pub settings: &'a MailServerSettings,
}

/// The check before every submission; on success, the account that submits the message.
pub fn check_submission<'a>(c: &SubmitCheck<'a>) -> Result<&'a str, SubmitRefusal> {
    let channel_id = c.item.channel.as_ref().ok_or(SubmitRefusal::NoChannel)?;
    let channel = c
        .channels
        .iter()
        .find(|ch| &ch.id == channel_id)
        .ok_or(SubmitRefusal::ChannelGone)?;
    if !channel.enabled {
        return Err(SubmitRefusal::ChannelDisabled(channel.address.to_string()));
    }
    let header = c.header_from.ok_or(SubmitRefusal::NoFromHeader)?;
    let expected = &c.item.from;
    if !header.address.same_mailbox(&expected.address) || !same_name(header, expected) {
        return Err(SubmitRefusal::FromChanged {
            header: label(header),
            expected: label(expected),
        });
    }
    let inbox = c.inboxes.iter().find(|i| i.id == channel.inbox);
    if !verified_addresses(channel, inbox, c.workspace)
        .iter()
        .any(|a| a.same_mailbox(&expected.address))
    {
        return Err(SubmitRefusal::Unverified(expected.address.to_string()));
    }
    c.settings
        .account_for(channel_id)
        .ok_or_else(|| SubmitRefusal::NoAccount(channel.address.to_string()))
}
