//! The designers' **Preview** of the fallback email: From name, From address and the team
//! signature as the customer will see them, **Preview as** any user (tokens render for that
//! user), at a **Mobile** or **Desktop** width, in **Light** or **Dark**. The signature is
//! rendered only inside an `<iframe sandbox="">` with a CSP that blocks every script and every
//! load; its remote images show a placeholder until the designer presses **Show images**.

use super::fallback_state::FallbackState;
use crate::domain::signature::{render, Signature, TokenContext};
use crate::domain::{EmailAddress, FallbackEmail, FallbackFromAddress, Inbox, User, UserId};
use crate::i18n::{k, web::t};
use crate::services::use_app;
use crate::text::lowercase;
use crate::ui::sandbox::{preview_document, sanitize_html};
use leptos::prelude::*;

const LIGHT: &str = "<style>body{margin:8px;font:14px/1.4 system-ui,sans-serif;\
                     background:#ffffff;color:#1b2430}a{color:#0b5cad}</style>";
const DARK: &str = "<style>body{margin:8px;font:14px/1.4 system-ui,sans-serif;\
                    background:#1d232b;color:#e7ecf2}a{color:#6fb1ff}</style>";

#[component]
pub fn FallbackPreview(state: FallbackState, inbox: Inbox) -> impl IntoView {
    let app = use_app();
    let preview_as = RwSignal::new(app.user_id.get_untracked());
    let mobile = RwSignal::new(false);
    let dark = RwSignal::new(false);
    let show_images = RwSignal::new(false);
    let user = Memo::new(move |_| {
        let id = preview_as.get();
        // The whole user (email, signature): this page waits for the directory.
        app.with_directory(|d| {
            id.and_then(|id| d.users.iter().find(|u| u.id == id).cloned())
                .or_else(|| d.users.first().cloned())
        })
        .flatten()
    });
    // The fallback email as the form currently describes it.
    let draft = move || FallbackEmail {
        use_for_sending: state.use_for_sending.get(),
        from_name_mode: state.from_name_mode.get(),
        company_name: state.company_name.get(),
        username: inbox.fallback.username.clone(),
        from_address: if state.custom_address_mode.get() {
            match EmailAddress::parse(&state.custom_address.get()) {
                Ok(address) => FallbackFromAddress::Custom {
                    address,
                    verified: false,
                    pending_code: None,
                },
                Err(_) => FallbackFromAddress::UseDefault,
            }
        } else {
            FallbackFromAddress::UseDefault
        },
        signature_enabled: state.signature_enabled.get(),
        signature_html: state.signature_html.get(),
        original_sender_of_forwards: state.original_sender.get(),
    };
    let draft = Memo::new(move |_| draft());
    let from_name = move || draft.with(|f| f.from_name(user.get().as_ref()));
    let from_address = move || {
        if state.custom_address_mode.get()
            && EmailAddress::parse(&state.custom_address.get()).is_err()
        {
            return t(k::PREVIEW__INVALID_ADDRESS);
        }
        app.with_directory(|d| match draft.with(|f| f.sending_address(&d.workspace)) {
            Ok((address, _)) => address.to_string(),
            Err(e) => crate::i18n::errors::Translated::translated(&e),
        })
        .unwrap_or_else(|| t(k::UI__LOADING))
    };
    let srcdoc = move || {
        let body = draft.with(|f| {
            if !f.signature_enabled || f.signature_html.trim().is_empty() {
                // The catalogue is ours, but the text still goes into HTML: escape it.
                return format!(
                    "<p><em>{}</em></p>",
                    escape_text(&t(k::PREVIEW__NO_SIGNATURE))
                );
            }
            let company = app.summary.with(|s| s.company.clone());
            match user.get() {
                Some(sender) => {
                    let context = TokenContext {
                        sender: &sender,
                        contact: None,
                        company_name: &company,
                    };
                    sanitize_html(&render(&Signature::parse(&f.signature_html), &context))
                }
                None => sanitize_html(&f.signature_html),
            }
        });
        let head = if dark.get() { DARK } else { LIGHT };
        preview_document(&body, head, show_images.get())
    };
    let users = move || {
        let mut list: Vec<User> = app.with_directory(|d| d.users.clone()).unwrap_or_default();
        list.sort_by_cached_key(|u| lowercase(&u.full_name()));
        list.into_iter()
            .map(|u| view! { <option value=u.id.0.clone()>{u.full_name()}</option> })
            .collect_view()
    };
    let pressed = |on: bool| on.to_string();
    view! {
        <section class="sb-preview" aria-labelledby="fb-preview-title">
            <h3 id="fb-preview-title">{t(k::PREVIEW__TITLE)}</h3>
            <div class="sb-preview__controls">
                <label class="sb-field">
                    <span class="sb-field__label">{t(k::PREVIEW__AS)}</span>
                    <select
                        class="sb-select"
                        prop:value=move || preview_as.get().map(|u| u.0).unwrap_or_default()
                        on:change=move |ev| preview_as.set(Some(UserId::new(event_target_value(&ev))))
                    >
                        {users}
                    </select>
                </label>
                <div role="group" aria-label=t(k::PREVIEW__WIDTH) class="sb-inline">
                    <button type="button" class="sb-button" aria-pressed=move || pressed(mobile.get()) on:click=move |_| mobile.set(true)>{t(k::PREVIEW__MOBILE)}</button>
                    <button type="button" class="sb-button" aria-pressed=move || pressed(!mobile.get()) on:click=move |_| mobile.set(false)>{t(k::PREVIEW__DESKTOP)}</button>
                </div>
                <div role="group" aria-label=t(k::PREVIEW__THEME) class="sb-inline">
                    <button type="button" class="sb-button" aria-pressed=move || pressed(!dark.get()) on:click=move |_| dark.set(false)>{t(k::PREVIEW__LIGHT)}</button>
                    <button type="button" class="sb-button" aria-pressed=move || pressed(dark.get()) on:click=move |_| dark.set(true)>{t(k::PREVIEW__DARK)}</button>
                </div>
                <button type="button" class="sb-button" aria-pressed=move || pressed(show_images.get()) on:click=move |_| show_images.update(|s| *s = !*s)>{t(k::PREVIEW__SHOW_IMAGES)}</button>
            </div>
            <div
                class="sb-preview__mail"
                class:sb-preview--mobile=move || mobile.get()
                class:sb-preview--dark=move || dark.get()
                data-testid="fallback-preview"
            >
                <p hidden=move || state.use_for_sending.get() class="sb-hint">
                    {t(k::PREVIEW__NOT_SENDING)}
                </p>
                <dl class="sb-props">
                    <dt>{t(k::FALLBACK__FROM_NAME)}</dt>
                    <dd class="sb-preview__from-name">{from_name}</dd>
                    <dt>{t(k::FALLBACK__FROM_ADDRESS)}</dt>
                    <dd class="sb-preview__from-address">{from_address}</dd>
                </dl>
                <iframe
                    class="sb-preview__frame"
                    title=t(k::PREVIEW__FRAME)

                    sandbox=""
                    referrerpolicy="no-referrer"
                    srcdoc=srcdoc
                ></iframe>
            </div>
        </section>
    }
}

/// `text` with the characters HTML treats specially written as entities.
fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
