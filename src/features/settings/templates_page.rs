//! Settings › Templates: the workspace's templates and snippets.

use super::settings_nav::SettingsNav;
use crate::services::use_app;
use leptos::prelude::*;

#[component]
pub fn TemplatesSettingsPage() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="sb-settings">
            <SettingsNav />
            <section class="sb-page">
                <h1>"Templates"</h1>
                <table class="sb-table">
                    <caption>"Templates and snippets"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Kind"</th>
                            <th scope="col">"Subject"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            app.directory
                                .with(|d| d.templates.clone())
                                .into_iter()
                                .map(|t| {
                                    view! {
                                        <tr>
                                            <td>{t.name}</td>
                                            <td>{t.kind.label()}</td>
                                            <td>{t.subject.unwrap_or_default()}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </section>
        </div>
    }
}
