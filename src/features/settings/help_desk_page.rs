//! **Settings › Help Desk** (SPEC §4): the connected email addresses and the teams they are the
//! default reply email of. **Edit** opens a dialog with the **Default reply email** toggle and a
//! team picker; before **Save** it says what moves ("Support's default moves from … to …").
//! Admins on Professional/Enterprise only; everyone else sees it read-only with the reason.

use super::settings_nav::SettingsNav;
use crate::domain::helpdesk::{edit_decision, preview_moves, teams_with_default};
use crate::domain::{Channel, ChannelKind};
use crate::i18n::errors::{default_move, Translated};
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::ctx::ToastKind;
use crate::services::{from_settings, use_app};
use leptos::html::Dialog;
use leptos::prelude::*;

#[component]
fn DefaultReplyDialog(channel: RwSignal<Option<Channel>>) -> impl IntoView {
    let node = NodeRef::<Dialog>::new();
    // Effect: opens/closes the DOM dialog as `channel` says (pushes state outward only).
    Effect::new(move |_| {
        let Some(dialog) = node.get() else { return };
        match channel.get() {
            Some(_) if !dialog.open() => {
                let _ = dialog.show_modal();
            }
            None if dialog.open() => dialog.close(),
            _ => {}
        }
    });
    let title = move || {
        channel.with(|c| {
            c.as_ref()
                .map(|c| tf(k::HELPDESK__EDIT_ADDRESS, &[("address", &c.address)]))
                .unwrap_or_default()
        })
    };
    view! {
        <dialog
            node_ref=node
            class="sb-dialog"
            aria-labelledby="dlg-default-reply"
            on:close=move |_| channel.set(None)
        >
            <h2 id="dlg-default-reply" class="sb-dialog__title">{title}</h2>
            // The form is created afresh for each address, so it starts from the stored settings.
            {move || channel.get().map(|c| view! { <DefaultReplyForm channel=c done=channel /> })}
        </dialog>
    }
}

#[component]
fn DefaultReplyForm(channel: Channel, done: RwSignal<Option<Channel>>) -> impl IntoView {
    let app = use_app();
    let current = app
        .with_directory_untracked(|d| teams_with_default(&d.workspace, &channel.id))
        .unwrap_or_default();
    let enabled = RwSignal::new(!current.is_empty());
    let teams = RwSignal::new(current);
    let error = RwSignal::new(None::<String>);
    let channel_id = channel.id.clone();
    let selected = move || {
        if enabled.get() {
            teams.get()
        } else {
            Vec::new()
        }
    };
    let moves = Memo::new(move |_| {
        let chosen = selected();
        app.with_directory(|d| {
            preview_moves(&d.workspace, &channel_id, &chosen, &d.channels)
                .map(|m| {
                    m.iter()
                        .map(|m| default_move(m, &d.teams))
                        .collect::<Vec<_>>()
                })
                .map_err(|e| e.translated())
        })
        .unwrap_or_else(|| Err(t(k::UI__LOADING)))
    });
    let save_id = channel.id.clone();
    let save = Action::new_local(move |_: &()| {
        let id = save_id.clone();
        let chosen = selected();
        async move {
            match from_settings::save_default_reply(app, id, chosen).await {
                Ok(_) => {
                    app.toast(ToastKind::Info, t(k::HELPDESK__SAVED));
                    done.set(None);
                }
                Err(err) => error.set(Some(err.translated())),
            }
        }
    });
    view! {
        <label class="sb-check">
            <input
                type="checkbox"
                role="switch"
                prop:checked=move || enabled.get()
                on:change=move |ev| enabled.set(event_target_checked(&ev))
            />
            {t(k::HELPDESK__DEFAULT_REPLY)}
        </label>
        <fieldset class="sb-fieldset" disabled=move || !enabled.get()>
            <legend>{t(k::COMMON__TEAMS)}</legend>
            {app
                .summary
                .with_untracked(|d| d.teams.clone())
                .into_iter()
                .map(|t| {
                    let id = t.id.clone();
                    let id2 = t.id.clone();
                    view! {
                        <label class="sb-check">
                            <input
                                type="checkbox"
                                prop:checked=move || teams.with(|s| s.contains(&id))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    teams.update(|s| {
                                        s.retain(|x| x != &id2);
                                        if on {
                                            s.push(id2.clone());
                                        }
                                    });
                                }
                            />
                            {t.name}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
        <div role="status" class="sb-moves" aria-label=t(k::HELPDESK__WHAT_CHANGES)>
            {move || match moves.get() {
                Ok(list) if list.is_empty() => view! { <p>{t(k::HELPDESK__NOTHING_CHANGES)}</p> }.into_any(),
                Ok(list) => {
                    view! { <ul>{list.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul> }
                        .into_any()
                }
                Err(why) => view! { <p class="sb-field__error">{why}</p> }.into_any(),
            }}
        </div>
        <p role="alert" class="sb-field__error">{move || error.get()}</p>
        <div class="sb-dialog__actions">
            <button type="button" class="sb-button" on:click=move |_| done.set(None)>{t(k::COMMON__CANCEL)}</button>
            <button
                type="button"
                class="sb-button sb-button--primary"
                disabled=move || save.pending().get() || moves.with(|m| m.is_err())
                on:click=move |_| {
                    save.dispatch(());
                }
            >
                {t(k::COMMON__SAVE)}
            </button>
        </div>
    }
}

#[component]
pub fn HelpDeskSettingsPage() -> impl IntoView {
    let app = use_app();
    let editing = RwSignal::new(None::<Channel>);
    let denied = move || {
        let user = app.user()?;
        // Not allowed while the whole directory is not read (the page waits for it).
        app.with_directory(|d| edit_decision(&d.workspace, &user).translated())
            .unwrap_or_else(|| Some(t(k::UI__LOADING)))
    };
    let rows = move || {
        app.with_directory(|d| {
            d.channels
                .iter()
                .filter(|c| c.kind == ChannelKind::TeamEmail)
                .map(|c| {
                    let teams: Vec<String> = teams_with_default(&d.workspace, &c.id)
                        .iter()
                        .filter_map(|t| d.teams.iter().find(|x| &x.id == t).map(|x| x.name.clone()))
                        .collect();
                    let defaults = if teams.is_empty() {
                        t(k::HELPDESK__NOT_DEFAULT)
                    } else {
                        teams.join(", ")
                    };
                    let label = format!("{} <{}>", c.display_name, c.address);
                    let channel = c.clone();
                    view! {
                        <tr>
                            <td>{label.clone()}</td>
                            <td>{t(if c.enabled { k::COMMON__ENABLED } else { k::COMMON__DISABLED })}</td>
                            <td>{defaults}</td>
                            <td>
                                <button
                                    type="button"
                                    class="sb-button"
                                    aria-label=tf(k::HELPDESK__EDIT_ADDRESS, &[("address", &label)])
                                    aria-describedby="help-desk-readonly"
                                    disabled=move || denied().is_some()
                                    title=move || denied().unwrap_or_default()
                                    on:click=move |_| editing.set(Some(channel.clone()))
                                >
                                    {t(k::COMMON__EDIT)}
                                </button>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="sb-settings">
            <SettingsNav />
            <section class="sb-page">
                <h1>{t(k::HELPDESK__TITLE)}</h1>
                <p class="sb-page__intro">{t(k::HELPDESK__INTRO)}</p>
                <p id="help-desk-readonly" class="sb-notice" role="note">
                    {move || denied().map(|why| tf(k::HELPDESK__READ_ONLY, &[("reason", &why)]))}
                </p>
                <table class="sb-table">
                    <caption>{t(k::HELPDESK__CONNECTED)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(k::COMMON__ADDRESS)}</th>
                            <th scope="col">{t(k::COMMON__STATUS)}</th>
                            <th scope="col">{t(k::HELPDESK__DEFAULT_FOR)}</th>
                            <th scope="col">{t(k::COMMON__ACTIONS)}</th>

                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                <DefaultReplyDialog channel=editing />
            </section>
        </div>
    }
}
