//! Settings › Help Desk: the connected email addresses and the teams they are the default
//! reply email of.

use super::settings_nav::SettingsNav;
use crate::domain::ChannelKind;
use crate::services::use_app;
use leptos::prelude::*;

#[component]
pub fn HelpDeskSettingsPage() -> impl IntoView {
    let app = use_app();
    let rows = move || {
        app.directory.with(|d| {
            d.channels
                .iter()
                .filter(|c| c.kind == ChannelKind::TeamEmail)
                .map(|c| {
                    let teams: Vec<String> = d
                        .workspace
                        .team_default_reply
                        .iter()
                        .filter(|(_, ch)| **ch == c.id)
                        .filter_map(|(t, _)| {
                            d.teams.iter().find(|x| &x.id == t).map(|x| x.name.clone())
                        })
                        .collect();
                    let defaults = if teams.is_empty() {
                        "Not a default".to_owned()
                    } else {
                        teams.join(", ")
                    };
                    view! {
                        <tr>
                            <td>{format!("{} <{}>", c.display_name, c.address)}</td>
                            <td>{if c.enabled { "Enabled" } else { "Disabled" }}</td>
                            <td>{defaults}</td>
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
                <h1>"Help Desk"</h1>
                <table class="sb-table">
                    <caption>"Connected email addresses"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Address"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"Default reply email for"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </section>
        </div>
    }
}
