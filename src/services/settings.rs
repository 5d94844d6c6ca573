//! Commands of **Settings › Inboxes** (SPEC §2, §3): rename and create inboxes, connect and
//! switch channels, inbox access, the fallback email (with **Verify address**) and automation.
//!
//! Each command asks `domain::access::can` first, reads the directory fresh from storage (so a
//! change made in another tab is seen), validates through the domain, and only then stores,
//! reloads the directory and announces the change. A refused command writes nothing. It must
//! not decide rules itself (the domain does) nor touch the DOM.

use super::error::FieldErrors;
use super::{session, AppCtx, AppError};
use crate::domain::access::{can, Action, Resource};
use crate::domain::fallback::{self, FallbackField, FallbackForm, VerifyError};
use crate::domain::inbox_setup::{self, AutomationForm, NewIds, SetupErrors, SetupField};
use crate::domain::refusal::{Missing, Refusal};
use crate::domain::*;
use crate::i18n::errors::Translated;
use crate::mail::{build_message, new_message_id, OutgoingEmail};
use crate::storage::Directory;
use leptos::prelude::GetUntracked;

/// Field keys of [`AppError::Fields`] for the settings forms.
pub mod field {
    pub const INBOX_NAME: &str = "inbox_name";
    pub const ACCESS: &str = "access";
    pub const ADDRESS: &str = "address";
    pub const DISPLAY_NAME: &str = "display_name";
    pub const COMPANY_NAME: &str = "company_name";
    pub const CUSTOM_ADDRESS: &str = "custom_address";
    pub const SIGNATURE: &str = "signature";
    pub const CODE: &str = "code";
    pub const ASSIGN_TO: &str = "assign_to";
    pub const PIPELINE: &str = "pipeline";
    pub const STAGE: &str = "stage";
    pub const TICKET_OWNER: &str = "ticket_owner";
    /// Not tied to one field: shown at the top of the form.
    pub const FORM: &str = "form";
}

/// One message of a refused form, by field key.
type FieldMessage = (&'static str, String);

/// Subject of the **Verify address** email.
pub const VERIFICATION_SUBJECT: &str = "Your Switchboard verification code";

fn setup_key(field: SetupField) -> &'static str {
    match field {
        SetupField::InboxName => field::INBOX_NAME,
        SetupField::Access => field::ACCESS,
        SetupField::Address => field::ADDRESS,
        SetupField::DisplayName => field::DISPLAY_NAME,
        SetupField::AssignTo => field::ASSIGN_TO,
        SetupField::Pipeline => field::PIPELINE,
        SetupField::Stage => field::STAGE,
        SetupField::TicketOwner => field::TICKET_OWNER,
        SetupField::Form => field::FORM,
    }
}

fn fallback_key(field: FallbackField) -> &'static str {
    match field {
        FallbackField::CompanyName => field::COMPANY_NAME,
        FallbackField::CustomAddress => field::CUSTOM_ADDRESS,
        FallbackField::SignatureHtml => field::SIGNATURE,
        FallbackField::Form => field::FORM,
    }
}

fn setup_fields(errors: &SetupErrors) -> Vec<FieldMessage> {
    errors
        .iter()
        .map(|(f, e)| (setup_key(f), e.translated()))
        .collect()
}

fn setup_error(errors: SetupErrors) -> AppError {
    AppError::Fields(FieldErrors(setup_fields(&errors)))
}

fn one_field(key: &'static str, error: impl Translated<Text = String>) -> AppError {
    AppError::Fields(FieldErrors(vec![(key, error.translated())]))
}

fn not_built(details: String) -> AppError {
    AppError::Refused(Refusal::EmailNotBuilt { details })
}

/// The acting user, as stored now.
fn actor(app: &AppCtx, dir: &Directory) -> Result<User, AppError> {
    let id = app
        .user_id
        .get_untracked()
        .ok_or(AppError::Refused(Refusal::NoCurrentUser))?;
    dir.users
        .iter()
        .find(|u| u.id == id)
        .cloned()
        .ok_or(AppError::Missing(Missing::CurrentUser))
}

fn allowed(
    user: &User,
    action: Action,
    resource: &Resource<'_>,
    dir: &Directory,
) -> Result<(), AppError> {
    can(user, action, resource, &dir.workspace)
        .into_result()
        .map_err(AppError::Access)
}

fn find_inbox<'a>(dir: &'a Directory, id: &InboxId) -> Result<&'a Inbox, AppError> {
    dir.inboxes
        .iter()
        .find(|i| &i.id == id)
        .ok_or(AppError::Missing(Missing::Inbox))
}

/// Loads the directory and checks that the current user may edit `inbox`'s settings.
async fn editable(app: &AppCtx, inbox: &InboxId) -> Result<(Directory, User, Inbox), AppError> {
    let dir = app.db().load_directory().await?;
    let (user, found) = check_edit(app, &dir, inbox)?;
    Ok((dir, user, found))
}

fn check_edit(app: &AppCtx, dir: &Directory, inbox: &InboxId) -> Result<(User, Inbox), AppError> {
    let user = actor(app, dir)?;
    let found = find_inbox(dir, inbox)?.clone();
    allowed(
        &user,
        Action::EditInboxSettings,
        &Resource::Inbox(&found),
        dir,
    )?;
    Ok((user, found))
}

/// After a committed write of directory records.
async fn committed(app: &AppCtx, store: &str, key: String) -> Result<(), AppError> {
    app.reload_directory().await?;
    app.changed(store, Some(key));
    Ok(())
}

fn new_id(prefix: &str) -> String {
    format!("{prefix}-{}", session::random_hex(6))
}

/// **Actions › Rename inbox**.
pub async fn rename_inbox(app: AppCtx, inbox: InboxId, name: String) -> Result<(), AppError> {
    let (dir, _, mut found) = editable(&app, &inbox).await?;
    found.name = inbox_setup::rename_inbox(&inbox, &name, &dir.inboxes).map_err(setup_error)?;
    app.db().put_inbox(&found).await?;
    committed(&app, "inboxes", inbox.0).await
}

/// **Actions › Create new inbox** (Professional and Enterprise): the inbox and its fallback
/// email channel. Returns the new inbox's id.
pub async fn create_inbox(
    app: AppCtx,
    name: String,
    access: InboxAccess,
) -> Result<InboxId, AppError> {
    let dir = app.db().load_directory().await?;
    let user = actor(&app, &dir)?;
    allowed(&user, Action::CreateInbox, &Resource::Workspace, &dir)?;
    let ids = NewIds {
        inbox: InboxId::new(new_id("inbox")),
        fallback_channel: ChannelId::new(new_id("ch")),
    };
    let made = inbox_setup::new_inbox(
        ids,
        &name,
        &access,
        &dir.workspace,
        &dir.inboxes,
        &dir.users,
        &dir.teams,
    )
    .map_err(setup_error)?;
    // Two stores, two transactions (storage has no directory batch yet): the inbox goes first
    // so a failure in between leaves a visible inbox whose channel can be reconnected, never
    // a channel pointing at nothing.
    app.db().put_inbox(&made.inbox).await?;
    app.db().put_channel(&made.fallback_channel).await?;
    let id = made.inbox.id.clone();
    committed(&app, "inboxes", id.0.clone()).await?;
    app.changed("channels", Some(made.fallback_channel.id.0));
    Ok(id)
}

/// **Connect channel** › **Team email** for `inbox`. Returns the new channel's id.
pub async fn connect_channel(
    app: AppCtx,
    inbox: InboxId,
    address: String,
    display_name: String,
) -> Result<ChannelId, AppError> {
    let (dir, _, _) = editable(&app, &inbox).await?;
    let channel = inbox_setup::team_email_channel(
        ChannelId::new(new_id("ch")),
        &inbox,
        &address,
        &display_name,
        &dir.channels,
        &dir.inboxes,
    )
    .map_err(setup_error)?;
    app.db().put_channel(&channel).await?;
    committed(&app, "channels", channel.id.0.clone()).await?;
    Ok(channel.id)
}

/// The **Status** toggle of a channel.
pub async fn set_channel_status(
    app: AppCtx,
    channel: ChannelId,
    enabled: bool,
) -> Result<(), AppError> {
    let dir = app.db().load_directory().await?;
    let mut found = dir
        .channels
        .iter()
        .find(|c| c.id == channel)
        .cloned()
        .ok_or(AppError::Missing(Missing::Channel))?;
    check_edit(&app, &dir, &found.inbox)?;
    found.enabled = enabled;
    app.db().put_channel(&found).await?;
    committed(&app, "channels", channel.0).await
}

/// **Access** tab: **Who has inbox access**.
pub async fn set_inbox_access(
    app: AppCtx,
    inbox: InboxId,
    access: InboxAccess,
) -> Result<(), AppError> {
    let (dir, _, mut found) = editable(&app, &inbox).await?;
    found.access =
        inbox_setup::validate_access(&access, &dir.users, &dir.teams).map_err(setup_error)?;
    app.db().put_inbox(&found).await?;
    committed(&app, "inboxes", inbox.0).await
}

/// Validates the fallback form into the inbox to store and its synced fallback channel.
fn plan_fallback(
    dir: &Directory,
    inbox: &Inbox,
    form: &FallbackForm,
) -> Result<(FallbackEmail, Option<Channel>), Vec<FieldMessage>> {
    // The team signature is stored only through the allow-list (SPEC §8), whatever the editor
    // sent; it is sanitised again when an email is sent.
    let form = &FallbackForm {
        signature_html: crate::domain::body_html::sanitize_rich(&form.signature_html),
        ..form.clone()
    };
    let fallback =
        fallback::validate_fallback(form, &inbox.id, &dir.inboxes, &dir.channels, &dir.workspace)
            .map_err(|errors| {
            errors
                .iter()
                .map(|(f, e)| (fallback_key(f), e.translated()))
                .collect::<Vec<_>>()
        })?;
    let channel = match fallback_channel(dir, &inbox.id) {
        Some(channel) => Some(
            inbox_setup::sync_fallback_channel(channel, &fallback, &dir.workspace)
                .map_err(|e| vec![(field::FORM, e.translated())])?,
        ),
        None => None,
    };
    Ok((fallback, channel))
}

fn fallback_channel<'a>(dir: &'a Directory, inbox: &InboxId) -> Option<&'a Channel> {
    dir.channels
        .iter()
        .find(|c| &c.inbox == inbox && c.kind == ChannelKind::Fallback)
}

/// Stores the inbox, then its fallback channel (two stores, two transactions: the inbox's
/// fallback settings are the source of truth the From resolver checks, so storing them first
/// means a failure in between can never let an unverified address send).
async fn store_inbox_and_channel(
    app: &AppCtx,
    inbox: &Inbox,
    channel: Option<&Channel>,
) -> Result<(), AppError> {
    app.db().put_inbox(inbox).await?;
    if let Some(channel) = channel {
        app.db().put_channel(channel).await?;
    }
    committed(app, "inboxes", inbox.id.0.clone()).await?;
    if let Some(channel) = channel {
        app.changed("channels", Some(channel.id.0.clone()));
    }
    Ok(())
}

/// **Fallback email › Edit › Configuration** › **Save**.
pub async fn save_fallback(
    app: AppCtx,
    inbox: InboxId,
    form: FallbackForm,
) -> Result<(), AppError> {
    let (dir, _, mut found) = editable(&app, &inbox).await?;
    let (fallback, channel) =
        plan_fallback(&dir, &found, &form).map_err(|e| AppError::Fields(FieldErrors(e)))?;
    found.fallback = fallback;
    store_inbox_and_channel(&app, &found, channel.as_ref()).await
}

/// **Fallback email › Edit › Automation** › **Save**.
pub async fn save_automation(
    app: AppCtx,
    inbox: InboxId,
    form: AutomationForm,
) -> Result<(), AppError> {
    let (dir, _, mut found) = editable(&app, &inbox).await?;
    found.automation =
        inbox_setup::validate_automation(&form, &found.automation, &dir.users, &dir.teams)
            .map_err(setup_error)?;
    app.db().put_inbox(&found).await?;
    committed(&app, "inboxes", inbox.0).await
}

/// The **Save** of the whole **Edit** dialog: both tabs are validated before anything is
/// stored, and both land in one write of the inbox.
pub async fn save_fallback_and_automation(
    app: AppCtx,
    inbox: InboxId,
    form: FallbackForm,
    automation: AutomationForm,
) -> Result<(), AppError> {
    let (dir, _, mut found) = editable(&app, &inbox).await?;
    let planned = plan_fallback(&dir, &found, &form);
    let automation =
        inbox_setup::validate_automation(&automation, &found.automation, &dir.users, &dir.teams);
    match (planned, automation) {
        (Ok((fallback, channel)), Ok(automation)) => {
            found.fallback = fallback;
            found.automation = automation;
            store_inbox_and_channel(&app, &found, channel.as_ref()).await
        }
        (planned, automation) => {
            let mut fields = planned.err().unwrap_or_default();
            if let Err(errors) = automation {
                fields.extend(setup_fields(&errors));
            }
            Err(AppError::Fields(FieldErrors(fields)))
        }
    }
}

/// **Verify address**: issues a one-time code for the saved custom address and puts the code
/// email into the Outbox, From the inbox's default fallback address. Returns the address the
/// code was sent to.
pub async fn start_verification(app: AppCtx, inbox: InboxId) -> Result<EmailAddress, AppError> {
    let (dir, _, mut found) = editable(&app, &inbox).await?;
    let random =
        u32::from_str_radix(&session::random_hex(4), 16).map_err(|e| not_built(e.to_string()))?;
    let pending = fallback::start_verification(&mut found.fallback, random)
        .map_err(|e| one_field(field::CODE, e))?;
    let from_address = found
        .fallback
        .default_address(&dir.workspace)
        .map_err(|e| one_field(field::FORM, e))?;
    let from = Mailbox {
        name: Some(found.fallback.company_name.clone()),
        address: from_address.clone(),
    };
    let to = Mailbox {
        name: None,
        address: pending.to.clone(),
    };
    let now = session::now_millis();
    let email = OutgoingEmail {
        message_id: new_message_id(&session::random_hex(16), from_address.domain()),
        date: now,
        from: from.clone(),
        to: vec![to],
        cc: Vec::new(),
        bcc: Vec::new(),
        subject: VERIFICATION_SUBJECT.to_owned(),
        text_body: format!(
            "Your verification code is {code}.\r\n\r\nEnter it in Switchboard under Settings > \
             Inboxes > {inbox} > Fallback email > Edit to start sending from {address}.\r\n\r\n\
             If you did not ask for this, ignore this email.\r\n",
            code = pending.code,
            inbox = found.name,
            address = pending.to,
        ),
        html_body: None,
        in_reply_to: None,
        references: Vec::new(),
        attachments: Vec::new(),
    };
    let built = build_message(&email).map_err(|e| not_built(e.to_string()))?;
    let raw = String::from_utf8(built.bytes).map_err(|e| not_built(e.to_string()))?;
    let item = OutboxItem {
        id: MessageId::new(new_id("msg-verify")),
        conversation: None,
        channel: fallback_channel(&dir, &inbox).map(|c| c.id.clone()),
        from,
        recipients: built.envelope_to,
        subject: VERIFICATION_SUBJECT.to_owned(),
        raw,
        status: OutboxStatus::Queued,
        created_at: now,
    };
    // The code is stored before the email is queued: if queuing fails the user asks again and
    // gets a new code, rather than holding an email whose code was never stored.
    app.db().put_inbox(&found).await?;
    app.db().put_outbox(&item).await?;
    committed(&app, "inboxes", inbox.0).await?;
    app.changed("outbox", Some(item.id.0));
    Ok(pending.to)
}

/// **Verify**: checks the code typed; on success the custom address (and the fallback
/// channel) become verified. A wrong code changes nothing.
pub async fn verify_address(app: AppCtx, inbox: InboxId, code: String) -> Result<(), AppError> {
    let (dir, _, mut found) = editable(&app, &inbox).await?;
    fallback::verify_code(&mut found.fallback, &code)
        .map_err(|e: VerifyError| one_field(field::CODE, e))?;
    let channel = match fallback_channel(&dir, &inbox) {
        Some(channel) => Some(
            inbox_setup::sync_fallback_channel(channel, &found.fallback, &dir.workspace)
                .map_err(|e| one_field(field::FORM, e))?,
        ),
        None => None,
    };
    store_inbox_and_channel(&app, &found, channel.as_ref()).await
}
