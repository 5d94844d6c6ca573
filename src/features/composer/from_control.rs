//! The **From** control (SPEC §4): a select of every address the rep may send from, the
//! current From with its reason in words ("Team default — Support", "Address of this thread",
//! "Your choice"), the notice when a thread's From differs from the rep's default, and the
//! resolver's error when nothing may be used. Choosing an option is a deliberate choice; this
//! component never replaces a choice, not even an unusable one (it stays selected and the
//! error explains why sending is blocked).
//!
//! Must not resolve anything itself: it shows what `domain::from` answered.

use crate::domain::from::{FromError, FromOption, ResolvedFrom};
use crate::domain::{DraftFrom, FromChoice, Team};
use crate::i18n::{
    errors::Translated,
    k,
    web::{t, tf},
};
use crate::ui::labels;
use leptos::prelude::*;

/// The `<option>` value of a choice.
pub fn choice_value(choice: &FromChoice) -> String {
    match choice {
        FromChoice::Channel(id) => format!("channel:{id}"),
        FromChoice::Personal(address) => format!("personal:{address}"),
    }
}

#[component]
pub fn FromControl(
    /// Unique prefix for element ids inside this composer.
    #[prop(into)]
    id: String,
    options: Signal<Vec<FromOption>>,
    resolved: Signal<Result<ResolvedFrom, FromError>>,
    current: Signal<DraftFrom>,
    teams: Signal<Vec<Team>>,
    on_choose: Callback<FromChoice>,
    /// Hide the select (collapsed reply composer): the reason, notice and error stay visible.
    #[prop(optional, into)]
    collapsed: Signal<bool>,
) -> impl IntoView {
    let select_id = format!("{id}-from");
    let reason_id = format!("{id}-from-reason");
    let error_id = format!("{id}-from-error");
    let value = move || match current.get() {
        DraftFrom::Deliberate(choice) => choice_value(&choice),
        DraftFrom::Automatic => resolved
            .get()
            .map(|r| choice_value(&r.choice))
            .unwrap_or_default(),
    };
    // The options carry their own selectedness: the select's `value` does not change when a
    // directory change removes the chosen option and adds it back as unusable (or the other
    // way round), so the browser would otherwise show whichever option comes first.
    // A deliberate choice that is no longer selectable stays on screen, marked unavailable.
    let unusable_choice = move || match (current.get(), resolved.get()) {
        (DraftFrom::Deliberate(choice), Err(_)) => {
            let listed = options.with(|o| o.iter().any(|x| x.choice == choice));
            (!listed).then(|| choice_value(&choice))
        }
        _ => None,
    };
    let on_change = move |ev: leptos::ev::Event| {
        let picked = event_target_value(&ev);
        let choice = options.with_untracked(|o| {
            o.iter()
                .find(|x| choice_value(&x.choice) == picked)
                .map(|x| x.choice.clone())
        });
        if let Some(choice) = choice {
            on_choose.run(choice);
        }
    };
    let reason = move || match resolved.get() {
        Ok(r) => teams.with(|teams| labels::from_reason(&r.reason, teams)),
        Err(_) => String::new(),
    };
    let shown = move || resolved.get().map(|r| r.label()).unwrap_or_default();
    view! {
        <div class="sb-from">
            <div class="sb-field sb-from__field" class:sb-from--collapsed=move || collapsed.get()>
                <label class="sb-field__label" for=select_id.clone()>{t(k::COMPOSER__FROM)}</label>
                <select
                    id=select_id.clone()
                    class="sb-select"
                    aria-describedby=format!("{reason_id} {error_id}")
                    on:change=on_change
                    prop:value=value
                >
                    {move || {
                        unusable_choice()
                            .map(|v| {
                                // Named as the dropdown named it ("Name <address>"), never by
                                // its stored value (a channel id).
                                let text = resolved.with(|r| match r {
                                    Err(FromError::ChoiceUnusable { label, .. }) => {
                                        tf(k::COMPOSER__UNUSABLE_CHOICE, &[("address", label)])
                                    }
                                    _ => String::new(),
                                });
                                view! { <option value=v disabled=true prop:selected=true>{text}</option> }
                            })
                    }}
                    {move || {
                        (matches!(current.get(), DraftFrom::Automatic) && resolved.get().is_err())
                            .then(|| view! { <option value="" disabled=true prop:selected=true>{t(k::COMPOSER__CHOOSE_FROM)}</option> })
                    }}
                    {move || {
                        let chosen = untrack(value);
                        options
                            .get()
                            .into_iter()
                            .map(|o| {
                                let v = choice_value(&o.choice);
                                let selected = v == chosen;
                                view! { <option value=v prop:selected=selected>{o.label}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <p id=reason_id class="sb-from__reason">
                <span class="sb-from__current">{shown}</span>
                <span class="sb-from__why">{reason}</span>
            </p>
            {move || {
                resolved
                    .get()
                    .ok()
                    .and_then(|r| labels::from_differs(&r))
                    .map(|text| view! { <p role="status" class="sb-from__notice">{text}</p> })
            }}
            <p id=error_id role="alert" class="sb-field__error">
                {move || resolved.get().err().map(|e| e.translated())}
            </p>
        </div>
    }
}
