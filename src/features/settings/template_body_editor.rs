//! The rich-text **Body** of a template or snippet: the shared [`RichEditor`] with **Bold**,
//! **Italic**, **Underline**, **Link** and **Insert token** (the template tokens of
//! `signature::template_token_list`: sender, contact and company). Making what enters the live
//! editor inert is the shared editor's job; the save sanitises again (`domain::template`).
//!
//! Edits one HTML signal; stores nothing.

use crate::domain::signature::template_token_list;
use crate::i18n::{k, web::t};
use crate::ui::rich_editor::RichEditor;
use leptos::prelude::*;

#[component]
pub fn TemplateBodyEditor(
    html: RwSignal<String>,
    #[prop(into)] id: String,
    #[prop(into)] described_by: String,
    #[prop(into)] invalid: Signal<bool>,
) -> impl IntoView {
    let tokens = template_token_list()
        .into_iter()
        .map(|(label, token)| (crate::ui::labels::signature_token(token, label), token))
        .collect();
    view! {
        <RichEditor
            html=html
            label=t(k::TEMPLATES__BODY)
            toolbar_label=t(k::TEMPLATES__BODY_FORMATTING)
            menu_id=format!("{id}-tokens")
            tokens=tokens
            described_by=described_by
            id=id
            invalid=invalid
        />
    }
}
