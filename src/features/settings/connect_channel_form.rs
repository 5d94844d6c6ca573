//! **Connect channel** › **Team email**: an address the team owns and its display name,
//! connected through the team's mail account (SPEC §9). Used after **Create new inbox** (with
//! **Connect channel later**) and from the channel list.

use super::field_error::FieldError;
use crate::domain::InboxId;
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::settings::{self, field};
use crate::services::{ctx::ToastKind, use_app, AppError};
use leptos::prelude::*;

#[component]
pub fn ConnectChannelForm(
    inbox: InboxId,
    on_done: Callback<()>,
    /// Show **Connect channel later** instead of **Cancel**.
    #[prop(optional)]
    later: bool,
) -> impl IntoView {
    let app = use_app();
    let address = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let connect = Action::new_local(move |input: &(String, String)| {
        let (address, display_name) = input.clone();
        let inbox = inbox.clone();
        async move {
            match settings::connect_channel(app, inbox, address.clone(), display_name).await {
                Ok(_) => {
                    app.toast(
                        ToastKind::Info,
                        tf(k::CHANNELS__CONNECTED, &[("address", &address.trim())]),
                    );
                    on_done.run(());
                }
                Err(err) => error.set(Some(err)),
            }
        }
    });
    let err_of = move |key: &'static str| {
        Signal::derive(move || error.with(|e| e.as_ref().and_then(|e| e.field(key))))
    };
    let address_error = err_of(field::ADDRESS);
    let name_error = err_of(field::DISPLAY_NAME);
    let other_error = Signal::derive(move || {
        error.with(|e| match e {
            Some(e)
                if e.field(field::ADDRESS).is_none() && e.field(field::DISPLAY_NAME).is_none() =>
            {
                Some(crate::i18n::errors::Translated::translated(e))
            }
            _ => None,
        })
    });
    view! {
        <form
            class="sb-form"
            novalidate=true
            on:submit=move |ev| {
                ev.prevent_default();
                error.set(None);
                connect.dispatch((address.get_untracked(), display_name.get_untracked()));
            }
        >
            <h3>{t(k::CHANNELS__CONNECT)}</h3>
            <fieldset class="sb-fieldset">
                <legend>{t(k::CHANNELS__TEAM_EMAIL)}</legend>
                <p class="sb-hint">{t(k::CHANNELS__TEAM_EMAIL_HINT)}</p>
                <FieldError id="connect-form-error" error=other_error />
                <label class="sb-field">
                    <span class="sb-field__label">{t(k::COMMON__EMAIL_ADDRESS)}</span>
                    <input
                        class="sb-input"
                        inputmode="email"
                        autocomplete="off"
                        aria-describedby="connect-address-error"
                        aria-invalid=move || address_error.with(Option::is_some).to_string()
                        prop:value=move || address.get()
                        on:input=move |ev| address.set(event_target_value(&ev))
                    />
                </label>
                <FieldError id="connect-address-error" error=address_error />
                <label class="sb-field">
                    <span class="sb-field__label">{t(k::COMMON__DISPLAY_NAME)}</span>
                    <input
                        class="sb-input"
                        aria-describedby="connect-name-error"
                        aria-invalid=move || name_error.with(Option::is_some).to_string()
                        prop:value=move || display_name.get()
                        on:input=move |ev| display_name.set(event_target_value(&ev))
                    />
                </label>
                <FieldError id="connect-name-error" error=name_error />
            </fieldset>
            <div class="sb-dialog__actions">
                <button type="button" class="sb-button" on:click=move |_| on_done.run(())>
                    {t(if later { k::CHANNELS__CONNECT_LATER } else { k::COMMON__CANCEL })}
                </button>
                <button type="submit" class="sb-button sb-button--primary" disabled=move || connect.pending().get()>
                    {t(k::CHANNELS__CONNECT)}
                </button>

            </div>
        </form>
    }
}
