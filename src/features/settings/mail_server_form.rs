//! The **Mail server** form: **JMAP session URL**, per email channel an **Account** and a
//! **Password**, **Remember on this device** (with its warning), **Save** and **Test
//! connection**. Admins edit; everyone else sees the settings read-only with the reason.

use super::field_error::FieldError;
use crate::domain::mail_server::{
    listed_channels, AccountRow, MailServerField, MailServerForm, MailServerSettings,
    DEFAULT_SESSION_URL,
};
use crate::domain::{ChannelId, ChannelKind};
use crate::i18n::errors::Translated;
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::jmap::{self, SaveError};
use crate::services::{ctx::ToastKind, use_app};
use leptos::prelude::*;

#[derive(Clone)]
struct Row {
    channel: ChannelId,
    title: String,
    kind: String,
    account: RwSignal<String>,
    password: RwSignal<String>,
    known: Signal<bool>,
}

#[component]
pub fn MailServerFormView(
    settings: Option<MailServerSettings>,
    known: Vec<String>,
) -> impl IntoView {
    let app = use_app();
    // Reactive: switching user on this page changes who may edit.
    let denied = Memo::new(move |_| {
        app.user_id.track();
        app.directory.track();
        jmap::edit_denied(&app)
    });
    let read_only = move || denied.with(Option::is_some);
    let url = RwSignal::new(
        settings
            .as_ref()
            .map(|s| s.session_url.clone())
            .unwrap_or_else(|| DEFAULT_SESSION_URL.to_owned()),
    );
    let remember = RwSignal::new(settings.as_ref().is_some_and(|s| s.remember_on_device));
    let known = RwSignal::new(known);
    // The whole channels (kind): the settings pages wait for the directory.
    let channels = app
        .with_directory_untracked(|d| d.channels.clone())
        .unwrap_or_default();
    let rows: Vec<Row> = {
        listed_channels(&channels)
            .into_iter()
            .map(|c| {
                let account = RwSignal::new(
                    settings
                        .as_ref()
                        .and_then(|s| s.account_for(&c.id))
                        .unwrap_or("")
                        .to_owned(),
                );
                Row {
                    channel: c.id.clone(),
                    title: format!("{} <{}>", c.display_name, c.address),
                    kind: match c.kind {
                        ChannelKind::TeamEmail => t(k::CHANNELS__TEAM_EMAIL),
                        ChannelKind::Fallback => t(k::CHANNELS__FALLBACK),
                    },
                    account,
                    password: RwSignal::new(String::new()),
                    known: Signal::derive(move || {
                        let a = account.get();
                        known.with(|k| k.iter().any(|x| *x == a.trim()))
                    }),
                }
            })
            .collect()
    };
    let rows = StoredValue::new(rows);
    let form = move || MailServerForm {
        session_url: url.get_untracked(),
        rows: rows.with_value(|rows| {
            rows.iter()
                .map(|r| AccountRow {
                    channel: r.channel.clone(),
                    account: r.account.get_untracked(),
                    password: r.password.get_untracked(),
                    has_saved_password: r.known.get_untracked(),
                })
                .collect()
        }),
        remember_on_device: remember.get_untracked(),
    };
    let error = RwSignal::new(None::<SaveError>);
    let save = Action::new_local(move |f: &MailServerForm| {
        let f = f.clone();
        async move {
            let typed: Vec<String> = f
                .rows
                .iter()
                .filter(|r| !r.password.is_empty())
                .map(|r| r.account.trim().to_owned())
                .collect();
            match jmap::save_settings(app, f).await {
                Ok(()) => {
                    error.set(None);
                    known.update(|k| k.extend(typed));
                    rows.with_value(|rows| rows.iter().for_each(|r| r.password.set(String::new())));
                    app.toast(ToastKind::Info, t(k::MAILSERVER__SAVED));
                    // The first check right away rather than at the next poll.
                    let _ = jmap::check_now(app).await;
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let results = RwSignal::new(Vec::<(String, bool)>::new());
    let test = Action::new_local(move |f: &MailServerForm| {
        let f = f.clone();
        async move { results.set(jmap::test_connection(app, f).await) }
    });
    let field_error = move |f: MailServerField| {
        Signal::derive(move || error.with(|e| e.as_ref().and_then(|e| e.field(&f))))
    };
    let invalid = move |f: MailServerField| {
        let e = field_error(f);
        move || e.with(Option::is_some).then_some("true")
    };
    let other_error = move || match error.get() {
        Some(SaveError::App(e)) => Some(e.translated()),
        _ => None,
    };
    view! {
        <form class="sb-form sb-mail-form" on:submit=move |ev| {
            ev.prevent_default();
            save.dispatch(form());
        }>
            {move || denied.get().map(|why| view! { <p id="mail-denied" class="sb-note--denied">{why}</p> })}
            <label class="sb-field">
                <span class="sb-field__label">{t(k::MAILSERVER__URL)}</span>
                <input class="sb-input" type="text" autocomplete="url" disabled=read_only
                    aria-describedby="mail-url-error mail-url-hint"
                    aria-invalid=invalid(MailServerField::SessionUrl)
                    prop:value=move || url.get() on:input=move |ev| url.set(event_target_value(&ev)) />
            </label>
            <p id="mail-url-hint" class="sb-hint">
                {t(k::MAILSERVER__URL_HINT)}
            </p>
            <p class="sb-hint">
                {t(k::MAILSERVER__ACCOUNTS_HINT)}
            </p>
            <FieldError id="mail-url-error" error=field_error(MailServerField::SessionUrl) />
            {rows.get_value().into_iter().map(|r| {
                let (acc_err, pw_err) = (format!("mail-acc-{}", r.channel), format!("mail-pw-{}", r.channel));
                let (acc_id, pw_id) = (acc_err.clone(), pw_err.clone());
                let (account, password, known) = (r.account, r.password, r.known);
                view! {
                    <fieldset class="sb-mail-form__channel" disabled=read_only>
                        <legend>{tf(k::MAILSERVER__CHANNEL, &[("kind", &r.kind), ("title", &r.title)])}</legend>
                        <label class="sb-field">
                            <span class="sb-field__label">{t(k::MAILSERVER__ACCOUNT)}</span>
                            <input class="sb-input" type="text" autocomplete="username" aria-describedby=acc_err.clone()
                                aria-invalid=invalid(MailServerField::Account(r.channel.clone()))
                                prop:value=move || account.get() on:input=move |ev| account.set(event_target_value(&ev)) />
                        </label>
                        <FieldError id=acc_id error=field_error(MailServerField::Account(r.channel.clone())) />
                        <label class="sb-field">
                            <span class="sb-field__label">{t(k::MAILSERVER__PASSWORD)}</span>
                            <input class="sb-input" type="password" autocomplete="current-password" aria-describedby=pw_err.clone()
                                aria-invalid=invalid(MailServerField::Password(r.channel.clone()))
                                placeholder=move || if known.get() { t(k::MAILSERVER__PASSWORD_SAVED) } else { String::new() }
                                prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev)) />
                        </label>
                        <FieldError id=pw_id error=field_error(MailServerField::Password(r.channel.clone())) />
                    </fieldset>
                }
            }).collect_view()}
            <label class="sb-check">
                <input type="checkbox" disabled=read_only aria-describedby="mail-remember-warning"
                    prop:checked=move || remember.get() on:change=move |ev| remember.set(event_target_checked(&ev)) />
                {t(k::MAILSERVER__REMEMBER)}
            </label>
            <p id="mail-remember-warning" class="sb-hint sb-mail-form__warning">
                {move || if remember.get() {
                    t(k::MAILSERVER__REMEMBER_WARNING)
                } else {
                    t(k::MAILSERVER__REMEMBER_OFF)
                }}
            </p>
            {move || other_error().map(|e| view! { <p class="sb-field__error" role="alert">{e}</p> })}
            <div class="sb-form__actions">
                <button type="submit" class="sb-button sb-button--primary" disabled=move || read_only() || save.pending().get()
                    title=move || denied.get().unwrap_or_default() aria-describedby=move || read_only().then_some("mail-denied")>
                    {t(k::COMMON__SAVE)}
                </button>
                <button type="button" class="sb-button" disabled=move || test.pending().get()
                    on:click=move |_| { test.dispatch(form()); }>
                    {t(k::MAILSERVER__TEST)}
                </button>
            </div>
            <ul class="sb-mail-form__results" aria-label=t(k::MAILSERVER__TEST_RESULTS) aria-live="polite">
                {move || {
                    if test.pending().get() {
                        return view! { <li>{t(k::MAILSERVER__TESTING)}</li> }.into_any();
                    }
                    results.get().into_iter().map(|(line, ok)| view! {
                        <li class=if ok { "sb-mail-form__ok" } else { "sb-mail-form__bad" }>{line}</li>
                    }).collect_view().into_any()
                }}
            </ul>
        </form>
    }
}
