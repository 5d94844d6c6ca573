//! Settings › Profile: the current user's details, their **Default From address for the CRM**
//! (their own email or a help desk address they may send from) and their **Personal signature**
//! (used on CRM email; SPEC §3/§4).

use super::language_picker::LanguagePicker;
use super::settings_nav::SettingsNav;
use super::shortcuts_toggle::ShortcutsToggle;
use crate::domain::{EmailAddress, User};
use crate::i18n::errors::Translated;
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::ctx::ToastKind;
use crate::services::{from_settings, use_app};
use crate::ui::labels;
use leptos::prelude::*;

/// The user's own From settings, created afresh for each user (Switch user).
#[component]
fn CrmFromForm(user: User) -> impl IntoView {
    let app = use_app();
    let choices = app
        .with_directory_untracked(|d| from_settings::crm_from_choices(d, &user))
        .unwrap_or_default();
    // A stored default that can no longer be sent from is shown as such, not as an empty
    // select: the composer blocks on it, so the rep must know to choose again.
    let unusable = app
        .with_directory_untracked(|d| from_settings::crm_default_unusable(d, &user))
        .flatten()
        .map(|(address, why)| {
            let note = tf(
                k::PROFILE__CRM_DEFAULT_UNUSABLE,
                &[("address", &address), ("why", &why.translated())],
            );
            (address, note)
        });
    let unusable_value = unusable.as_ref().map(|(address, _)| address.clone());
    let unusable_note = unusable.as_ref().map(|(_, note)| note.clone());
    let unusable_option = unusable.as_ref().map(|(address, _)| address.clone());
    let from = RwSignal::new(
        user.crm_default_from
            .as_ref()
            .map(|a| a.to_string())
            .unwrap_or_default(),
    );
    let signature = RwSignal::new(user.signature_html.clone());
    let error = RwSignal::new(None::<String>);
    let save = Action::new_local(move |_: &()| {
        let typed = from.get_untracked();
        let html = signature.get_untracked();
        async move {
            let address = if typed.is_empty() {
                None
            } else {
                match EmailAddress::parse(&typed) {
                    Ok(a) => Some(a),
                    Err(e) => {
                        error.set(Some(e.translated()));
                        return;
                    }
                }
            };
            match from_settings::save_profile(app, address, html).await {
                Ok(()) => {
                    error.set(None);
                    app.toast(ToastKind::Info, t(k::PROFILE__SAVED));
                }
                Err(err) => error.set(Some(err.translated())),
            }
        }
    });
    view! {
        <form class="sb-form" on:submit=move |ev| {
            ev.prevent_default();
            save.dispatch(());
        }>
            <label class="sb-field">
                <span class="sb-field__label">{t(k::PROFILE__CRM_FROM)}</span>
                <select
                    class="sb-select"
                    aria-describedby="profile-from-unusable profile-error"
                    aria-invalid=move || unusable_value.as_ref().is_some_and(|v| from.with(|f| f == v)).to_string()
                    prop:value=move || from.get()
                    on:change=move |ev| from.set(event_target_value(&ev))
                >
                    <option value="">{tf(k::PROFILE__NOT_SET, &[("email", &user.email)])}</option>
                    {unusable_option
                        .map(|address| {
                            let text = tf(k::COMPOSER__UNUSABLE_CHOICE, &[("address", &address)]);
                            view! { <option value=address disabled=true>{text}</option> }
                        })}
                    {choices
                        .into_iter()
                        .map(|a| {
                            let v = a.to_string();
                            view! { <option value=v.clone()>{v.clone()}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
            <p id="profile-from-unusable" class="sb-field__error" hidden=unusable.is_none()>
                {unusable_note}
            </p>
            <label class="sb-field">
                <span class="sb-field__label">{t(k::PROFILE__SIGNATURE)}</span>
                <textarea
                    class="sb-textarea"
                    rows="4"
                    prop:value=move || signature.get()
                    on:input=move |ev| signature.set(event_target_value(&ev))
                ></textarea>
            </label>
            <p id="profile-error" role="alert" class="sb-field__error">{move || error.get()}</p>
            <button type="submit" class="sb-button sb-button--primary" disabled=move || save.pending().get()>
                {t(k::COMMON__SAVE)}
            </button>
        </form>
    }
}

#[component]
pub fn ProfileSettingsPage() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="sb-settings">
            <SettingsNav />
            <section class="sb-page">
                <h1>{t(k::PROFILE__TITLE)}</h1>
                <LanguagePicker />
                <ShortcutsToggle />
                {move || {
                    app.user()
                        .map(|u| {
                            let team = |id: &crate::domain::TeamId| {
                                app.summary.with(|d| d.teams.iter().find(|t| &t.id == id).map(|t| t.name.clone()).unwrap_or_default())
                            };
                            let primary = u.primary_team.as_ref().map(team).unwrap_or_else(|| t(k::COMMON__NONE));
                            let additional = if u.additional_teams.is_empty() {
                                t(k::COMMON__NONE)
                            } else {
                                u.additional_teams.iter().map(team).collect::<Vec<_>>().join(", ")
                            };
                            view! {
                                <dl class="sb-props">
                                    <dt>{t(k::COMMON__NAME)}</dt>
                                    <dd>{u.full_name()}</dd>
                                    <dt>{t(k::COMMON__EMAIL)}</dt>
                                    <dd>{u.email.to_string()}</dd>
                                    <dt>{t(k::PROFILE__ROLE)}</dt>
                                    <dd>{labels::role(u.role)}</dd>
                                    <dt>{t(k::PROFILE__SEAT)}</dt>
                                    <dd>{t(match u.seat { crate::domain::Seat::Paid => k::PROFILE__SEAT_PAID, crate::domain::Seat::Free => k::PROFILE__SEAT_FREE })}</dd>
                                    <dt>{t(k::PROFILE__AVAILABILITY)}</dt>
                                    <dd>{t(match u.availability { crate::domain::Availability::Available => k::PROFILE__AVAILABLE, crate::domain::Availability::Away => k::PROFILE__AWAY })}</dd>
                                    <dt>{t(k::PROFILE__PRIMARY_TEAM)}</dt>
                                    <dd>{primary}</dd>
                                    <dt>{t(k::PROFILE__ADDITIONAL_TEAMS)}</dt>

                                    <dd>{additional}</dd>
                                </dl>
                                <CrmFromForm user=u.clone() />
                            }
                        })
                }}
            </section>
        </div>
    }
}
