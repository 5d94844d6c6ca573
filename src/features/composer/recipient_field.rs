//! One recipient field (**To**, **Cc** or **Bcc**): a text input whose accessible name is the
//! field's label, with contact suggestions (a shared `<datalist>`) and its send-time error
//! shown next to it.

use leptos::prelude::*;

#[component]
pub fn RecipientField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: Signal<String>,
    error: Signal<Option<String>>,
    on_input: Callback<String>,
    on_blur: Callback<()>,
    /// Id of the contacts `<datalist>` to suggest from.
    #[prop(into)]
    list: String,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    view! {
        <div class="sb-field sb-composer__field">
            <label class="sb-field__label" for=id.clone()>{label}</label>
            <input
                id=id.clone()
                class="sb-input"
                type="text"
                autocomplete="off"
                list=list
                placeholder=crate::i18n::web::t(crate::i18n::k::COMPOSER__RECIPIENT_PLACEHOLDER)
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=error_id.clone()
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                on:blur=move |_| {
                    on_blur.try_run(());
                }
            />
            <p id=error_id class="sb-field__error">{move || error.get()}</p>
        </div>
    }
}
