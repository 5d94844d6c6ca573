//! Settings › Profile › **Language**: the interface language on this device (issue 10).
//! Changing it fetches the language's texts first; if that fails the interface stays as it
//! was and the reason is shown next to the picker.

use crate::i18n::web::{locale, set_locale, t, tf};
use crate::i18n::{k, Locale};
use leptos::prelude::*;

#[component]
pub fn LanguagePicker() -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let change = Action::new_local(move |code: &String| {
        let chosen = Locale::from_code(code).unwrap_or_default();
        async move {
            match set_locale(chosen, true).await {
                Ok(()) => error.set(None),
                Err(e) => error.set(Some(tf(k::PROFILE__LANGUAGE_FAILED, &[("reason", &e)]))),
            }
        }
    });
    view! {
        <div class="sb-field">
            <label class="sb-field__label" for="profile-language">{t(k::PROFILE__LANGUAGE)}</label>
            <select
                id="profile-language"
                class="sb-select"
                aria-describedby="profile-language-help profile-language-error"
                prop:value=move || locale().code()
                disabled=move || change.pending().get()
                on:change=move |ev| {
                    change.dispatch(event_target_value(&ev));
                }
            >
                {Locale::ALL
                    .into_iter()
                    .map(|l| view! { <option value=l.code() lang=l.code()>{l.native_name()}</option> })
                    .collect_view()}
            </select>
            <p id="profile-language-help" class="sb-field__help">{t(k::PROFILE__LANGUAGE_HELP)}</p>
            <p id="profile-language-error" role="alert" class="sb-field__error">
                {move || error.get()}
            </p>
        </div>
    }
}
