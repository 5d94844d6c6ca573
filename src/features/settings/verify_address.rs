//! **Verify address** for a custom fallback From address: sends a one-time code (a real
//! message in the Outbox) and checks the code typed. Only the *saved* custom address can be
//! verified, so a changed address is saved first; an unverified address never sends.

use super::fallback_state::FallbackState;
use super::field_error::FieldError;
use crate::domain::{EmailAddress, FallbackFromAddress, InboxId};
use crate::i18n::errors::Translated;
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::settings::{self, field};
use crate::services::{ctx::ToastKind, use_app, AppError};
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Stage {
    /// The typed address is not the saved one.
    SaveFirst,
    Verified,
    NoCode,
    CodeSent(String),
}

#[component]
pub fn VerifyAddress(state: FallbackState, inbox: InboxId) -> impl IntoView {
    let app = use_app();
    let saved_inbox = inbox.clone();
    let stage = Memo::new(move |_| {
        let saved = app
            .with_directory(|d| {
                d.inboxes
                    .iter()
                    .find(|i| i.id == saved_inbox)
                    .map(|i| i.fallback.from_address.clone())
            })
            .flatten();
        let typed = EmailAddress::parse(&state.custom_address.get());
        match (saved, typed) {
            (
                Some(FallbackFromAddress::Custom {
                    address,
                    verified,
                    pending_code,
                }),
                Ok(typed),
            ) if address.same_mailbox(&typed) => match (verified, pending_code) {
                (true, _) => Stage::Verified,
                (false, Some(_)) => Stage::CodeSent(address.to_string()),
                (false, None) => Stage::NoCode,
            },
            _ => Stage::SaveFirst,
        }
    });
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let send_inbox = inbox.clone();
    let send = Action::new_local(move |_: &()| {
        let inbox = send_inbox.clone();
        async move {
            match settings::start_verification(app, inbox).await {
                Ok(to) => app.toast(
                    ToastKind::Info,
                    tf(k::VERIFY__CODE_SENT_TOAST, &[("to", &to)]),
                ),
                Err(err) => error.set(Some(err)),
            }
        }
    });
    let verify = Action::new_local(move |typed: &String| {
        let (inbox, typed) = (inbox.clone(), typed.clone());
        async move {
            match settings::verify_address(app, inbox, typed).await {
                Ok(()) => app.toast(ToastKind::Info, t(k::VERIFY__VERIFIED_TOAST)),
                Err(err) => error.set(Some(err)),
            }
        }
    });
    let code_error = Signal::derive(move || {
        error.with(|e| {
            e.as_ref()
                .map(|e| e.field(field::CODE).unwrap_or_else(|| e.translated()))
        })
    });
    let save_first = move || stage.get() == Stage::SaveFirst;
    view! {
        <div class="sb-verify">
            {move || match stage.get() {
                Stage::Verified => view! { <p class="sb-verify__ok">{t(k::VERIFY__VERIFIED)}</p> }.into_any(),
                Stage::SaveFirst => view! {
                    <p id="fb-verify-reason" class="sb-hint">{t(k::VERIFY__SAVE_FIRST_HINT)}</p>
                }.into_any(),
                Stage::NoCode => view! {
                    <p class="sb-hint">{t(k::VERIFY__NO_CODE)}</p>
                }.into_any(),
                Stage::CodeSent(to) => view! {
                    <p class="sb-hint">{tf(k::VERIFY__CODE_SENT, &[("to", &to)])}</p>
                    <label class="sb-field">
                        <span class="sb-field__label">{t(k::VERIFY__CODE)}</span>
                        <input
                            class="sb-input"
                            inputmode="numeric"
                            autocomplete="one-time-code"
                            aria-describedby="fb-code-error"
                            prop:value=move || code.get()
                            on:input=move |ev| code.set(event_target_value(&ev))
                        />
                    </label>
                    <button
                        type="button"
                        class="sb-button"
                        disabled=move || verify.pending().get()
                        on:click=move |_| {
                            error.set(None);
                            verify.dispatch(code.get_untracked());
                        }
                    >
                        {t(k::VERIFY__VERIFY)}
                    </button>
                }.into_any(),
            }}
            <Show when=move || stage.get() != Stage::Verified>
                <button
                    type="button"
                    class="sb-button"
                    disabled=move || save_first() || send.pending().get()
                    title=move || if save_first() { t(k::VERIFY__SAVE_FIRST) } else { String::new() }
                    aria-describedby="fb-verify-reason"
                    on:click=move |_| {
                        error.set(None);
                        send.dispatch(());
                    }
                >
                    {t(k::VERIFY__VERIFY_ADDRESS)}

                </button>
            </Show>
            <FieldError id="fb-code-error" error=code_error />
        </div>
    }
}
