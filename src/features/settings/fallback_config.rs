//! The **Configuration** tab of the fallback email: **Use the fallback email to send
//! messages**, the From fields, **Forwarding address** with **Copy**, **Enable team
//! signature** with its editor, **Choose original sender of email forwards**, and the
//! designers' **Preview**. It only edits the dialog state.

use super::fallback_preview::FallbackPreview;
use super::fallback_state::FallbackState;
use super::field_error::FieldError;
use super::from_fields::FromFields;
use super::signature_editor::SignatureEditor;
use crate::domain::Inbox;
use crate::i18n::{k, web::t};
use crate::services::settings::field;
use crate::services::{ctx::ToastKind, use_app};
use leptos::prelude::*;

/// Puts `text` on the clipboard and says whether it worked.
async fn copy_text(text: String) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| format!("{e:?}"))
}

#[component]
pub fn FallbackConfig(state: FallbackState, inbox: Inbox) -> impl IntoView {
    let app = use_app();
    let forwarding = app
        .with_directory_untracked(|d| inbox.fallback.forwarding_address(&d.workspace, &inbox.id))
        .unwrap_or_default();
    let copy = Action::new_local(move |text: &String| {
        let text = text.clone();
        async move {
            match copy_text(text).await {
                Ok(()) => app.toast(ToastKind::Info, t(k::FALLBACK__COPIED)),
                Err(_) => app.toast(ToastKind::Error, t(k::FALLBACK__COPY_FAILED)),
            }
        }
    });
    let copied = forwarding.clone();
    view! {
        <label class="sb-check">
            <input
                type="checkbox"
                prop:checked=move || state.use_for_sending.get()
                on:change=move |ev| state.use_for_sending.set(event_target_checked(&ev))
            />
            {t(k::FALLBACK__USE_FOR_SENDING)}
        </label>
        <FromFields state inbox=inbox.clone() />
        <div class="sb-field">
            <label class="sb-field__label" for="fb-forwarding">{t(k::FALLBACK__FORWARDING_ADDRESS)}</label>
            <div class="sb-inline">
                <input id="fb-forwarding" class="sb-input" readonly=true prop:value=forwarding />
                <button type="button" class="sb-button" on:click=move |_| { copy.dispatch(copied.clone()); }>
                    {t(k::FALLBACK__COPY)}
                </button>
            </div>
            <p class="sb-hint">{t(k::FALLBACK__FORWARDING_HINT)}</p>
        </div>
        <label class="sb-check">
            <input
                type="checkbox"
                prop:checked=move || state.signature_enabled.get()
                on:change=move |ev| state.signature_enabled.set(event_target_checked(&ev))
            />
            {t(k::FALLBACK__ENABLE_SIGNATURE)}
        </label>
        <Show when=move || state.signature_enabled.get()>
            <SignatureEditor html=state.signature_html described_by="fb-signature-error" />
        </Show>
        <FieldError id="fb-signature-error" error=state.field_error(field::SIGNATURE) />
        <label class="sb-check">
            <input
                type="checkbox"
                role="switch"
                prop:checked=move || state.original_sender.get()
                on:change=move |ev| state.original_sender.set(event_target_checked(&ev))
            />
            {t(k::FALLBACK__ORIGINAL_SENDER)}

        </label>
        <FallbackPreview state inbox />
    }
}
