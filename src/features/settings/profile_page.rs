//! Settings › Profile: the current user's details.

use super::settings_nav::SettingsNav;
use crate::services::use_app;
use leptos::prelude::*;

#[component]
pub fn ProfileSettingsPage() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="sb-settings">
            <SettingsNav />
            <section class="sb-page">
                <h1>"Profile"</h1>
                {move || {
                    app.user()
                        .map(|u| {
                            let team = |id: &crate::domain::TeamId| {
                                app.directory.with(|d| d.teams.iter().find(|t| &t.id == id).map(|t| t.name.clone()).unwrap_or_default())
                            };
                            let primary = u.primary_team.as_ref().map(team).unwrap_or_else(|| "None".into());
                            let additional = if u.additional_teams.is_empty() {
                                "None".to_owned()
                            } else {
                                u.additional_teams.iter().map(team).collect::<Vec<_>>().join(", ")
                            };
                            view! {
                                <dl class="sb-props">
                                    <dt>"Name"</dt>
                                    <dd>{u.full_name()}</dd>
                                    <dt>"Email"</dt>
                                    <dd>{u.email.to_string()}</dd>
                                    <dt>"Role"</dt>
                                    <dd>{u.role.label()}</dd>
                                    <dt>"Seat"</dt>
                                    <dd>{match u.seat { crate::domain::Seat::Paid => "Paid", crate::domain::Seat::Free => "Free" }}</dd>
                                    <dt>"Availability"</dt>
                                    <dd>{match u.availability { crate::domain::Availability::Available => "Available", crate::domain::Availability::Away => "Away" }}</dd>
                                    <dt>"Primary team"</dt>
                                    <dd>{primary}</dd>
                                    <dt>"Additional teams"</dt>
                                    <dd>{additional}</dd>
                                    <dt>"Default From address for the CRM"</dt>
                                    <dd>{u.crm_default_from.map(|a| a.to_string()).unwrap_or_else(|| "Not set".into())}</dd>
                                </dl>
                            }
                        })
                }}
            </section>
        </div>
    }
}
