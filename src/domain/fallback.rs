//! SPEC §3 fallback email settings: the form the **Edit** dialog works on, its validation into
//! a [`FallbackEmail`] (every error belongs to one field so the UI can show it next to that
//! field), the workspace-wide uniqueness of the From name, and the one-time code of
//! **Verify address**.
//!
//! Pure: the caller hands in the inboxes, the workspace and the randomness for codes. This
//! module neither stores anything nor sends the code email; it must not decide which address a
//! rep sends from (that is the From resolver's job).

use super::ids::InboxId;
use super::model::{
    Channel, ChannelKind, FallbackEmail, FallbackFromAddress, FromNameMode, Inbox, Workspace,
};
use super::validate::{required_name, EmailAddress, ValidationError};
use crate::text::lowercase;
use std::fmt;

/// Longest company name accepted: it ends up in a `From:` display name.
pub const COMPANY_NAME_MAX: usize = 100;
/// Longest team signature accepted (HTML source, in characters).
pub const SIGNATURE_MAX: usize = 50_000;
/// Number of digits of a **Verify address** code.
pub const CODE_LEN: usize = 6;

/// SPEC §3 **From address**: which radio button is selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FromAddressMode {
    /// **Use default**
    UseDefault,
    /// **Customize from address**
    Custom,
}

/// What the fallback email **Edit** dialog edits, exactly as typed (not yet validated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FallbackForm {
    /// **Use the fallback email to send messages**
    pub use_for_sending: bool,
    pub from_name_mode: FromNameMode,
    /// **Company name** text field.
    pub company_name: String,
    pub from_address_mode: FromAddressMode,
    /// The custom address text field (kept while **Use default** is selected, ignored then).
    pub custom_address: String,
    /// **Enable team signature**
    pub signature_enabled: bool,
    pub signature_html: String,
    /// **Choose original sender of email forwards**
    pub original_sender_of_forwards: bool,
}

impl FallbackForm {
    /// The form as it opens for a saved fallback email.
    pub fn from_saved(saved: &FallbackEmail) -> Self {
        let (from_address_mode, custom_address) = match &saved.from_address {
            FallbackFromAddress::UseDefault => (FromAddressMode::UseDefault, String::new()),
            FallbackFromAddress::Custom { address, .. } => {
                (FromAddressMode::Custom, address.to_string())
            }
        };
        Self {
            use_for_sending: saved.use_for_sending,
            from_name_mode: saved.from_name_mode.clone(),
            company_name: saved.company_name.clone(),
            from_address_mode,
            custom_address,
            signature_enabled: saved.signature_enabled,
            signature_html: saved.signature_html.clone(),
            original_sender_of_forwards: saved.original_sender_of_forwards,
        }
    }
}

/// One reason the form cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FallbackError {
    #[error("{0}")]
    Invalid(ValidationError),
    #[error(
        "The From name \u{201c}{from_name}\u{201d} is already used by the fallback email of the \
         inbox \u{201c}{inbox}\u{201d}. Choose another company name or From name."
    )]
    DuplicateFromName { from_name: String, inbox: String },
    /// SPEC §2/§3: the custom address is another channel's or another fallback email's.
    #[error("The address {address} is already connected to the inbox \u{201c}{inbox}\u{201d}.")]
    AddressInUse { address: String, inbox: String },
    #[error("This inbox no longer exists. Reload the settings page and try again.")]
    UnknownInbox,
    #[error(
        "The default address cannot be built from the workspace subdomain ({0}). Choose \
         \u{201c}Customize from address\u{201d} instead."
    )]
    DefaultAddress(ValidationError),
}

impl From<ValidationError> for FallbackError {
    fn from(value: ValidationError) -> Self {
        Self::Invalid(value)
    }
}

/// Where a problem is shown in the **Edit** dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FallbackField {
    /// Under **Company name** (also the duplicate From name, which the company name or the
    /// From name choice fixes).
    CompanyName,
    /// Under the custom address field of **Customize from address**.
    CustomAddress,
    /// Under the team signature editor.
    SignatureHtml,
    /// Not tied to a field; at the top of the dialog.
    Form,
}

/// Every problem of a refused save, at most one per field. A refused save changes nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FallbackErrors {
    errors: Vec<(FallbackField, FallbackError)>,
}

impl FallbackErrors {
    /// The problem to show next to `field`, if any.
    pub fn get(&self, field: FallbackField) -> Option<&FallbackError> {
        self.errors
            .iter()
            .find(|(at, _)| *at == field)
            .map(|(_, error)| error)
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (FallbackField, &FallbackError)> {
        self.errors.iter().map(|(field, error)| (*field, error))
    }

    fn set(&mut self, field: FallbackField, error: FallbackError) {
        self.errors.retain(|(at, _)| *at != field);
        self.errors.push((field, error));
    }
}

impl fmt::Display for FallbackErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::domain::validate::write_joined(f, self.iter().map(|(_, error)| error))
    }
}

impl std::error::Error for FallbackErrors {}

/// Validates the form of inbox `inbox_id` against the saved settings of every inbox and every
/// channel of the workspace and returns the fallback email to store.
///
/// A custom address must belong to nothing else in the workspace: not to any channel (team
/// email or fallback, enabled or not, of any inbox) other than this inbox's own fallback
/// channel, and not to another inbox's fallback email. Otherwise a disabled channel's address,
/// or another inbox's, could be sent from under this inbox's name (SPEC §2).
///
/// The username of the default address is kept from the saved settings (the form does not
/// edit it). A custom address that is the same mailbox as the saved one keeps its verification
/// state; any other address starts unverified with no code, so it is never used to send before
/// **Verify address** succeeds.
pub fn validate_fallback(
    form: &FallbackForm,
    inbox_id: &InboxId,
    all_inboxes: &[Inbox],
    channels: &[Channel],
    workspace: &Workspace,
) -> Result<FallbackEmail, FallbackErrors> {
    let mut errors = FallbackErrors::default();
    let Some(inbox) = all_inboxes.iter().find(|inbox| &inbox.id == inbox_id) else {
        errors.set(FallbackField::Form, FallbackError::UnknownInbox);
        return Err(errors);
    };
    let saved = &inbox.fallback;

    let company_name = match required_name(&form.company_name, COMPANY_NAME_MAX) {
        Ok(name) => match duplicate_of(&form.from_name_mode, &name, inbox_id, all_inboxes) {
            Some(other) => {
                errors.set(
                    FallbackField::CompanyName,
                    FallbackError::DuplicateFromName {
                        from_name: customer_from_name(&form.from_name_mode, &name),
                        inbox: other.name.clone(),
                    },
                );
                None
            }
            None => Some(name),
        },
        Err(error) => {
            errors.set(FallbackField::CompanyName, error.into());
            None
        }
    };

    let from_address = match form.from_address_mode {
        FromAddressMode::UseDefault => match saved.default_address(workspace) {
            Ok(_) => Some(FallbackFromAddress::UseDefault),
            // The default is derived from workspace data the form cannot change; say so rather
            // than save an address that cannot be built.
            Err(error) => {
                errors.set(FallbackField::Form, FallbackError::DefaultAddress(error));
                None
            }
        },
        FromAddressMode::Custom => match EmailAddress::parse(&form.custom_address) {
            Ok(address) => {
                match address_owner(&address, inbox_id, all_inboxes, channels, workspace) {
                    Some(owner) => {
                        errors.set(
                            FallbackField::CustomAddress,
                            FallbackError::AddressInUse {
                                address: address.to_string(),
                                inbox: owner,
                            },
                        );
                        None
                    }
                    None => Some(custom_address_after_edit(&saved.from_address, address)),
                }
            }
            Err(error) => {
                errors.set(FallbackField::CustomAddress, error.into());
                None
            }
        },
    };

    if form.signature_html.chars().count() > SIGNATURE_MAX {
        errors.set(
            FallbackField::SignatureHtml,
            ValidationError::TooLong { max: SIGNATURE_MAX }.into(),
        );
    }

    match (company_name, from_address) {
        (Some(company_name), Some(from_address)) if errors.is_empty() => Ok(FallbackEmail {
            use_for_sending: form.use_for_sending,
            from_name_mode: form.from_name_mode.clone(),
            company_name,
            username: saved.username.clone(),
            from_address,
            signature_enabled: form.signature_enabled,
            signature_html: form.signature_html.clone(),
            original_sender_of_forwards: form.original_sender_of_forwards,
        }),
        _ => Err(errors),
    }
}

/// The From name as a customer would read it, with a placeholder for the agent.
pub fn customer_from_name(mode: &FromNameMode, company_name: &str) -> String {
    match mode {
        FromNameMode::AgentAndCompany => format!("<agent name> from {}", company_name.trim()),
        FromNameMode::CompanyName => company_name.trim().to_owned(),
    }
}

/// What two From names are compared by: the mode (an agent-and-company name never reads the
/// same as a bare company name) and the company name, case- and spacing-insensitive.
fn from_name_key(mode: &FromNameMode, company_name: &str) -> (bool, String) {
    let folded = lowercase(
        &company_name
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    );
    (matches!(mode, FromNameMode::AgentAndCompany), folded)
}

fn duplicate_of<'a>(
    mode: &FromNameMode,
    company_name: &str,
    inbox_id: &InboxId,
    all_inboxes: &'a [Inbox],
) -> Option<&'a Inbox> {
    let key = from_name_key(mode, company_name);
    all_inboxes.iter().find(|other| {
        &other.id != inbox_id
            && from_name_key(&other.fallback.from_name_mode, &other.fallback.company_name) == key
    })
}

/// The name of the inbox that already has `address`, if anything other than inbox
/// `inbox_id`'s own fallback email does: a channel (any kind, enabled or not; this inbox's team
/// emails too) or another inbox's fallback email (its custom address, verified or not, or its
/// default one). Mailboxes compare case-insensitively.
fn address_owner(
    address: &EmailAddress,
    inbox_id: &InboxId,
    all_inboxes: &[Inbox],
    channels: &[Channel],
    workspace: &Workspace,
) -> Option<String> {
    let inbox_name = |id: &InboxId| {
        all_inboxes
            .iter()
            .find(|inbox| &inbox.id == id)
            .map_or_else(|| id.to_string(), |inbox| inbox.name.clone())
    };
    let own_fallback =
        |channel: &Channel| &channel.inbox == inbox_id && channel.kind == ChannelKind::Fallback;
    let channel = channels
        .iter()
        .find(|channel| !own_fallback(channel) && channel.address.same_mailbox(address));
    if let Some(channel) = channel {
        return Some(inbox_name(&channel.inbox));
    }
    all_inboxes
        .iter()
        .filter(|other| &other.id != inbox_id)
        .find(|other| {
            let custom = match &other.fallback.from_address {
                FallbackFromAddress::Custom {
                    address: theirs, ..
                } => Some(theirs.clone()),
                FallbackFromAddress::UseDefault => None,
            };
            custom
                .into_iter()
                .chain(other.fallback.default_address(workspace).ok())
                .any(|theirs| theirs.same_mailbox(address))
        })
        .map(|other| other.name.clone())
}

fn custom_address_after_edit(
    saved: &FallbackFromAddress,
    typed: EmailAddress,
) -> FallbackFromAddress {
    match saved {
        FallbackFromAddress::Custom {
            address,
            verified,
            pending_code,
        } if address.same_mailbox(&typed) => FallbackFromAddress::Custom {
            address: typed,
            verified: *verified,
            pending_code: pending_code.clone(),
        },
        _ => FallbackFromAddress::Custom {
            address: typed,
            verified: false,
            pending_code: None,
        },
    }
}

/// Why **Verify address** could not go on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    #[error("The fallback email uses the default address, which needs no verification.")]
    NotCustom,
    #[error("This address is already verified.")]
    AlreadyVerified,
    #[error("No code has been sent yet. Click \u{201c}Verify address\u{201d} to get one.")]
    NoCodePending,
    #[error("The code has {CODE_LEN} digits. Copy it from the email we sent.")]
    CodeShape,
    #[error("That code is not right. Check the latest email we sent to {address}.")]
    WrongCode { address: String },
}

/// A code to deliver to the custom address (by the shell, as an email).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingVerification {
    pub to: EmailAddress,
    pub code: String,
}

/// A 6-digit one-time code from a random number supplied by the caller (the shell draws it
/// from the browser's CSPRNG). The modulo bias of `u32 % 10^6` is below 0.03% per value.
pub fn issue_code(random: u32) -> String {
    format!("{:06}", random % 1_000_000)
}

/// Starts (or restarts, replacing any earlier code) the verification of the custom address.
pub fn start_verification(
    fallback: &mut FallbackEmail,
    random: u32,
) -> Result<PendingVerification, VerifyError> {
    match &mut fallback.from_address {
        FallbackFromAddress::UseDefault => Err(VerifyError::NotCustom),
        FallbackFromAddress::Custom { verified: true, .. } => Err(VerifyError::AlreadyVerified),
        FallbackFromAddress::Custom {
            address,
            pending_code,
            ..
        } => {
            let code = issue_code(random);
            *pending_code = Some(code.clone());
            Ok(PendingVerification {
                to: address.clone(),
                code,
            })
        }
    }
}

/// Checks the code the user typed. Surrounding spaces are ignored; on success the address is
/// verified and the pending code is cleared, on failure nothing changes.
pub fn verify_code(fallback: &mut FallbackEmail, code: &str) -> Result<(), VerifyError> {
    let FallbackFromAddress::Custom {
        address,
        verified,
        pending_code,
    } = &mut fallback.from_address
    else {
        return Err(VerifyError::NotCustom);
    };
    if *verified {
        return Err(VerifyError::AlreadyVerified);
    }
    let Some(expected) = pending_code.as_deref() else {
        return Err(VerifyError::NoCodePending);
    };
    let typed = code.trim();
    if typed.len() != CODE_LEN || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return Err(VerifyError::CodeShape);
    }
    if !same_code(typed, expected) {
        return Err(VerifyError::WrongCode {
            address: address.to_string(),
        });
    }
    *verified = true;
    *pending_code = None;
    Ok(())
}

/// Compares every byte whatever the first difference, so the time taken does not tell how many
/// leading digits were right.
fn same_code(typed: &str, expected: &str) -> bool {
    if typed.len() != expected.len() {
        return false;
    }
    typed
        .bytes()
        .zip(expected.bytes())
        .fold(0u8, |diff, (a, b)| diff | (a ^ b))
        == 0
}
