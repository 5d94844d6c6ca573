//! The message of a refused save shown next to its field (`sb-field__error`, referenced by the
//! field's `aria-describedby`). Always rendered, so the reference never dangles; empty when
//! there is nothing to say.

use leptos::prelude::*;

#[component]
pub fn FieldError(
    #[prop(into)] id: String,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <p id=id class="sb-field__error" role="alert" hidden=move || error.with(Option::is_none)>
            {move || error.get().unwrap_or_default()}
        </p>
    }
}
