//! The create / **Edit** dialog of one template, snippet, document, meeting link, knowledge
//! base article or video. Shows only the fields of its kind; each refusal of
//! `services::templates::save_template` appears next to its field and nothing is saved.

use super::field_error::FieldError;
use super::modal::Modal;
use super::template_body_editor::TemplateBodyEditor;
use crate::domain::template::{TemplateField, TemplateForm};
use crate::domain::{Template, TemplateKind};
use crate::i18n::errors::Translated;
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::{ctx::ToastKind, templates, use_app, AppError};
use crate::ui::labels;
use leptos::prelude::*;

/// A labelled single-line input bound to one form field.
fn text_field(
    id: String,
    label: String,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
    hint: Option<String>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="sb-field">
            <label class="sb-field__label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <span class="sb-note">{h}</span> })}
            <input
                id=id
                class="sb-input"
                aria-describedby=described
                aria-invalid=move || error.with(Option::is_some).to_string()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            <FieldError id=error_id error />
        </div>
    }
}

#[component]
pub fn TemplateDialog(
    open: RwSignal<bool>,
    kind: TemplateKind,
    /// The item being edited; `None` creates a new one.
    editing: RwSignal<Option<Template>>,
) -> impl IntoView {
    let app = use_app();
    let title = Signal::derive(move || match editing.get() {
        Some(item) => tf(k::TEMPLATES__EDIT_NAMED, &[("name", &item.name)]),
        None => t(labels::kind_keys(kind).new),
    });
    let prefix = format!("tpl-{}", kind.id_prefix());
    view! {
        <Modal open id=format!("{prefix}-dialog") title>
            {
                let prefix = prefix.clone();
                let item = editing.get_untracked();
                let start = item.as_ref().map(TemplateForm::from_template).unwrap_or_default();
                let id = item.map(|t| t.id);
                let name = RwSignal::new(start.name);
                let shortcut = RwSignal::new(start.shortcut);
                let subject = RwSignal::new(start.subject);
                let body = RwSignal::new(start.body_html);
                let url = RwSignal::new(start.url);
                let summary = RwSignal::new(start.summary);
                let error = RwSignal::new(None::<AppError>);
                let save = Action::new_local(move |form: &TemplateForm| {
                    let (form, id) = (form.clone(), id.clone());
                    async move {
                        match templates::save_template(app, kind, id, form).await {
                            Ok(saved) => {
                                open.set(false);
                                app.toast(ToastKind::Info, tf(labels::kind_keys(kind).saved, &[("name", &saved.name)]));
                            }
                            Err(err) => error.set(Some(err)),
                        }
                    }
                });
                let field = move |f: TemplateField| Signal::derive(move || error.with(|e| e.as_ref().and_then(|e| e.field(f.key()))));
                let other = Signal::derive(move || error.with(|e| match e {
                    Some(AppError::Fields(_)) | None => None,
                    Some(e) => Some(e.translated()),
                }));
                let body_error_id = format!("{prefix}-body-error");
                let summary_id = format!("{prefix}-summary");
                let summary_error_id = format!("{prefix}-summary-error");
                view! {
                    <form class="sb-form" on:submit=move |ev| {
                        ev.prevent_default();
                        error.set(None);
                        save.dispatch(TemplateForm {
                            name: name.get_untracked(),
                            shortcut: shortcut.get_untracked(),
                            subject: subject.get_untracked(),
                            body_html: body.get_untracked(),
                            url: url.get_untracked(),
                            summary: summary.get_untracked(),
                        });
                    }>
                        <FieldError id=format!("{prefix}-form-error") error=other />
                        {text_field(format!("{prefix}-name"), super::template_section::name_heading(kind), name, field(TemplateField::Name), None)}
                        {(kind == TemplateKind::Snippet).then(|| text_field(format!("{prefix}-shortcut"), t(k::TEMPLATES__SHORTCUT), shortcut, field(TemplateField::Shortcut), Some(t(k::TEMPLATES__SHORTCUT_HINT))))}
                        {(kind == TemplateKind::Template).then(|| text_field(format!("{prefix}-subject"), t(k::TEMPLATES__SUBJECT), subject, field(TemplateField::Subject), Some(t(k::TEMPLATES__SUBJECT_HINT))))}
                        {kind.is_text().then(|| view! {
                            <div class="sb-field">
                                <span class="sb-field__label">{t(k::TEMPLATES__BODY)}</span>
                                <TemplateBodyEditor html=body id=format!("{prefix}-body") described_by=body_error_id.clone() invalid=Signal::derive(move || field(TemplateField::Body).with(Option::is_some)) />
                                <FieldError id=body_error_id.clone() error=field(TemplateField::Body) />
                            </div>
                        })}
                        {(!kind.is_text()).then(|| text_field(format!("{prefix}-url"), t(k::TEMPLATES__WEB_ADDRESS), url, field(TemplateField::Url), Some("https://…".to_owned())))}
                        {(kind == TemplateKind::KnowledgeBase).then(|| view! {
                            <div class="sb-field">
                                <label class="sb-field__label" for=summary_id.clone()>{t(k::TEMPLATES__SUMMARY)}</label>
                                <textarea id=summary_id.clone() class="sb-input" rows="3" aria-describedby=summary_error_id.clone() prop:value=move || summary.get() on:input=move |ev| summary.set(event_target_value(&ev))></textarea>
                                <FieldError id=summary_error_id.clone() error=field(TemplateField::Summary) />
                            </div>
                        })}
                        <div class="sb-dialog__actions">
                            <button type="button" class="sb-button" on:click=move |_| open.set(false)>{t(k::COMMON__CANCEL)}</button>
                            <button type="submit" class="sb-button sb-button--primary" disabled=move || save.pending().get()>{t(k::COMMON__SAVE)}</button>
                        </div>
                    </form>
                }
            }
        </Modal>
    }
}
