//! Settings › Profile › **Keyboard shortcuts**: on or off on this device (issue 10).

use crate::i18n::k;
use crate::i18n::web::t;
use crate::services::preferences::{set_shortcuts_enabled, shortcuts_enabled};
use leptos::prelude::*;

#[component]
pub fn ShortcutsToggle() -> impl IntoView {
    let on = RwSignal::new(shortcuts_enabled());
    view! {
        <div class="sb-field">
            <label class="sb-check">
                <input
                    type="checkbox"
                    aria-describedby="profile-shortcuts-help"
                    prop:checked=move || on.get()
                    on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        set_shortcuts_enabled(checked);
                        on.set(checked);
                    }
                />
                <span>{t(k::SHORTCUTS__SETTING)}</span>
            </label>
            <p id="profile-shortcuts-help" class="sb-field__help">{t(k::SHORTCUTS__SETTING_HELP)}</p>
        </div>
    }
}
