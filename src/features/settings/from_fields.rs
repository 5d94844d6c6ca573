//! **From name** (**Agent and company name** / **Company name**, with the **Company name**
//! field) and **From address** (**Use default** / **Customize from address**, with
//! **Verify address**) of the fallback email **Configuration** tab.

use super::fallback_state::FallbackState;
use super::field_error::FieldError;
use super::verify_address::VerifyAddress;
use crate::domain::{FromNameMode, Inbox};
use crate::i18n::{k, web::t};
use crate::services::settings::field;
use crate::services::use_app;
use leptos::prelude::*;

#[component]
pub fn FromFields(state: FallbackState, inbox: Inbox) -> impl IntoView {
    let app = use_app();
    let default_address = app
        .with_directory_untracked(|d| {
            inbox
                .fallback
                .default_address(&d.workspace)
                .map(|a| a.to_string())
                .unwrap_or_else(|e| crate::i18n::errors::Translated::translated(&e))
        })
        .unwrap_or_else(|| t(k::UI__LOADING));
    let mode = state.from_name_mode;
    let custom = state.custom_address_mode;
    let company_error = state.field_error(field::COMPANY_NAME);
    let address_error = state.field_error(field::CUSTOM_ADDRESS);
    view! {
        <fieldset class="sb-fieldset">
            <legend>{t(k::FALLBACK__FROM_NAME)}</legend>
            <label class="sb-check">
                <input
                    type="radio"
                    name="fb-from-name"
                    prop:checked=move || mode.get() == FromNameMode::AgentAndCompany
                    on:change=move |_| mode.set(FromNameMode::AgentAndCompany)
                />
                {t(k::FALLBACK__AGENT_AND_COMPANY)}
            </label>
            <label class="sb-check">
                <input
                    type="radio"
                    name="fb-from-name"
                    prop:checked=move || mode.get() == FromNameMode::CompanyName
                    on:change=move |_| mode.set(FromNameMode::CompanyName)
                />
                {t(k::FALLBACK__COMPANY_NAME)}
            </label>
            <label class="sb-field">
                <span class="sb-field__label">{t(k::FALLBACK__COMPANY_NAME)}</span>
                <input
                    class="sb-input"
                    aria-describedby="fb-company-error"
                    aria-invalid=move || company_error.with(Option::is_some).to_string()
                    prop:value=move || state.company_name.get()
                    on:input=move |ev| state.company_name.set(event_target_value(&ev))
                />
            </label>
            <FieldError id="fb-company-error" error=company_error />
        </fieldset>
        <fieldset class="sb-fieldset">
            <legend>{t(k::FALLBACK__FROM_ADDRESS)}</legend>
            <label class="sb-check">
                <input
                    type="radio"
                    name="fb-from-address"
                    prop:checked=move || !custom.get()
                    on:change=move |_| custom.set(false)
                />
                {t(k::FALLBACK__USE_DEFAULT)}
                <span class="sb-hint">{format!(" ({default_address})")}</span>
            </label>
            <label class="sb-check">
                <input
                    type="radio"
                    name="fb-from-address"
                    prop:checked=move || custom.get()
                    on:change=move |_| custom.set(true)
                />
                {t(k::FALLBACK__CUSTOMIZE_ADDRESS)}
            </label>
            <Show when=move || custom.get()>
                <label class="sb-field">
                    <span class="sb-field__label">{t(k::FALLBACK__CUSTOM_ADDRESS)}</span>

                    <input
                        class="sb-input"
                        inputmode="email"
                        autocomplete="off"
                        aria-describedby="fb-address-error"
                        aria-invalid=move || address_error.with(Option::is_some).to_string()
                        prop:value=move || state.custom_address.get()
                        on:input=move |ev| state.custom_address.set(event_target_value(&ev))
                    />
                </label>
                <VerifyAddress state inbox=inbox.id.clone() />
            </Show>
            <FieldError id="fb-address-error" error=address_error />
        </fieldset>
    }
}
