//! Settings › Inboxes: the **Current view** selector and the chosen inbox's channels and access.

use super::settings_nav::SettingsNav;
use crate::domain::{ChannelKind, InboxAccess};
use crate::services::use_app;
use leptos::prelude::*;

#[component]
pub fn InboxesSettingsPage() -> impl IntoView {
    let app = use_app();
    let chosen = RwSignal::new(None::<String>);
    let inbox = Memo::new(move |_| {
        app.directory.with(|d| {
            let wanted = chosen.get();
            wanted
                .and_then(|w| d.inboxes.iter().find(|i| i.id.as_str() == w).cloned())
                .or_else(|| d.inboxes.first().cloned())
        })
    });
    let team_name = move |id: &crate::domain::TeamId| {
        app.directory.with(|d| {
            d.teams
                .iter()
                .find(|t| &t.id == id)
                .map(|t| t.name.clone())
                .unwrap_or_else(|| id.to_string())
        })
    };
    let user_name = move |id: &crate::domain::UserId| {
        app.directory.with(|d| {
            d.users
                .iter()
                .find(|u| &u.id == id)
                .map(|u| u.full_name())
                .unwrap_or_else(|| id.to_string())
        })
    };
    view! {
        <div class="sb-settings">
            <SettingsNav />
            <section class="sb-page">
                <h1>"Inboxes"</h1>
                <label class="sb-field">
                    <span class="sb-field__label">"Current view"</span>
                    <select
                        class="sb-select"
                        prop:value=move || inbox.get().map(|i| i.id.0).unwrap_or_default()
                        on:change=move |ev| chosen.set(Some(event_target_value(&ev)))
                    >
                        {move || {
                            app.directory
                                .with(|d| d.inboxes.clone())
                                .into_iter()
                                .map(|i| view! { <option value=i.id.0.clone()>{i.name}</option> })
                                .collect_view()
                        }}
                    </select>
                </label>
                {move || {
                    inbox
                        .get()
                        .map(|inbox| {
                            let access = match &inbox.access {
                                InboxAccess::Everyone => "Everyone".to_owned(),
                                InboxAccess::SpecificUsersAndTeams { users, teams } => {
                                    let mut names: Vec<String> = teams.iter().map(team_name).collect();
                                    names.extend(users.iter().map(user_name));
                                    format!("Specific users and teams: {}", names.join(", "))
                                }
                            };
                            let channels = app
                                .directory
                                .with(|d| d.channels.iter().filter(|c| c.inbox == inbox.id).cloned().collect::<Vec<_>>());
                            view! {
                                <h2>{inbox.name.clone()}</h2>
                                <dl class="sb-props">
                                    <dt>"Who has inbox access"</dt>
                                    <dd>{access}</dd>
                                </dl>
                                <table class="sb-table">
                                    <caption>"Channels"</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">"Channel"</th>
                                            <th scope="col">"Address"</th>
                                            <th scope="col">"Status"</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {channels
                                            .into_iter()
                                            .map(|c| {
                                                let kind = match c.kind {
                                                    ChannelKind::Fallback => "Fallback email".to_owned(),
                                                    ChannelKind::TeamEmail => format!("Team email — {}", c.display_name),
                                                };
                                                view! {
                                                    <tr>
                                                        <td>{kind}</td>
                                                        <td>{c.address.to_string()}</td>
                                                        <td>{if c.enabled { "Enabled" } else { "Disabled" }}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            }
                        })
                }}
            </section>
        </div>
    }
}
