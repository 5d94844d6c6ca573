//! Commands of **Settings › Templates** (SPEC §5 **Insert** content): create, edit and delete
//! templates, snippets, documents, meeting links, knowledge base articles and videos, and the
//! composer's reads (the thread to quote, the contact whose name tokens render).
//!
//! The rules are `domain::access` (who may manage) and `domain::template` (what a save
//! accepts). Every write re-reads the stored items first, so a save is checked against what
//! other tabs wrote meanwhile; a refused save writes nothing.

use super::error::FieldErrors;
use super::{queries, session, AppCtx, AppError};
use crate::domain::access::{can, Action, Resource};
use crate::domain::refusal::{Missing, Refusal};
use crate::domain::template::{new_template_id, validate_template, TemplateForm};
use crate::domain::*;
use crate::i18n::errors::Translated;
use crate::i18n::{k, web::t};
use crate::storage::Directory;
use leptos::prelude::*;

/// The current user when they may manage templates, else the reason they may not.
fn manager(app: &AppCtx, dir: &Directory) -> Result<User, AppError> {
    let me = app
        .user_id
        .get_untracked()
        .and_then(|id| dir.users.iter().find(|u| u.id == id).cloned())
        .ok_or(AppError::Refused(Refusal::NoCurrentUser))?;
    can(
        &me,
        Action::ManageTemplates,
        &Resource::Workspace,
        &dir.workspace,
    )
    .into_result()
    .map_err(AppError::Access)?;
    Ok(me)
}

/// Why the current user may not manage templates (`None` when they may). Reactive.
pub fn manage_denied(app: AppCtx) -> Option<String> {
    let Some(me) = app.user() else {
        return Some(t(k::ACCOUNT__CHOOSE_USER));
    };
    // Refused while the whole directory is not read (the page waits for it).
    app.with_directory(|d| {
        can(
            &me,
            Action::ManageTemplates,
            &Resource::Workspace,
            &d.workspace,
        )
        .translated()
    })
    .unwrap_or_else(|| Some(t(k::UI__LOADING)))
}

/// Saves a new item of `kind` (`id` is `None`) or the edited item `id`. Field refusals come
/// back as [`AppError::Fields`] keyed by `TemplateField::key`.
pub async fn save_template(
    app: AppCtx,
    kind: TemplateKind,
    id: Option<TemplateId>,
    form: TemplateForm,
) -> Result<Template, AppError> {
    let db = app.db();
    let dir = db.load_directory().await?;
    manager(&app, &dir)?;
    let id = match id {
        Some(id) => {
            if !dir.templates.iter().any(|t| t.id == id && t.kind == kind) {
                return Err(AppError::Missing(Missing::Template));
            }
            id
        }
        None => new_template_id(kind, &session::random_hex(6)),
    };
    let item = validate_template(kind, id, &form, &dir.templates).map_err(|errors| {
        AppError::Fields(FieldErrors(
            errors
                .into_iter()
                .map(|(field, e)| (field.key(), e.translated()))
                .collect(),
        ))
    })?;
    db.put_template(&item).await?;
    app.reload_directory().await?;
    app.changed("templates", Some(item.id.to_string()));
    Ok(item)
}

/// Deletes item `id` (after the rep confirmed).
pub async fn delete_template(app: AppCtx, id: TemplateId) -> Result<(), AppError> {
    let db = app.db();
    let dir = db.load_directory().await?;
    manager(&app, &dir)?;
    db.delete_template(&id).await?;
    app.reload_directory().await?;
    app.changed("templates", Some(id.to_string()));
    Ok(())
}

/// What the composer needs to render tokens and quote: the thread's contact and messages.
#[derive(Debug, Clone, Default)]
pub struct InsertContext {
    pub contact: Option<Contact>,
    pub messages: Vec<Message>,
}

/// The contact tokens stand for: the thread's contact for a reply, else the contact whose
/// address is the first recipient of the draft (a new email may have none yet).
pub async fn insert_context(
    app: AppCtx,
    conversation: Option<ConversationId>,
    first_to: Option<String>,
) -> Result<InsertContext, AppError> {
    if let Some(id) = conversation {
        let thread = queries::thread(app, id, queries::ThreadRead::Whole).await?;
        return Ok(InsertContext {
            contact: thread.contact,
            messages: thread.messages,
        });
    }
    let Some(address) = first_to.and_then(|to| EmailAddress::parse(to.trim()).ok()) else {
        return Ok(InsertContext::default());
    };
    Ok(InsertContext {
        contact: app.db().contact_by_email(&address).await?,
        messages: Vec::new(),
    })
}
