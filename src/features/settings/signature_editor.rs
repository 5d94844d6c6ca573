//! The team signature editor: the shared [`RichEditor`] with **Image**, the **HTML** mode (a
//! textarea labelled "Signature HTML") and **Insert token** (**Full name**, **First name**,
//! **Last name** from `signature::token_list`). It edits one HTML signal; making what enters
//! the live editor inert (and its remote images parked) is the shared editor's job.

use crate::domain::signature::token_list;
use crate::i18n::{k, web::t};
use crate::ui::labels;
use crate::ui::rich_editor::RichEditor;
use leptos::prelude::*;

#[component]
pub fn SignatureEditor(
    html: RwSignal<String>,
    #[prop(into)] described_by: String,
) -> impl IntoView {
    let tokens = token_list()
        .into_iter()
        .map(|(label, token)| (labels::signature_token(token, label), token))
        .collect();
    view! {
        <RichEditor
            html=html
            label=t(k::SIGNATURE__TEAM_SIGNATURE)
            toolbar_label=t(k::SIGNATURE__TOOLBAR)
            menu_id="sb-token-menu"
            tokens=tokens
            described_by=described_by
            with_image=true
            source_label=t(k::SIGNATURE__SOURCE)
        />
    }
}
