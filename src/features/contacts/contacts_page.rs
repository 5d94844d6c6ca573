//! `/contacts`: every contact with owner, filterable by name or address.

use crate::i18n::errors::Translated;
use crate::i18n::{k, web::t};
use crate::services::{queries, use_app};
use crate::text::lowercase;
use crate::ui::{ErrorNote, Loading};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ContactsPage() -> impl IntoView {
    let app = use_app();
    let filter = RwSignal::new(String::new());
    let contacts = LocalResource::new(move || {
        app.data_rev.track();
        queries::contacts(app)
    });
    let owner_name = move |id: &Option<crate::domain::UserId>| -> String {
        id.as_ref()
            .and_then(|id| {
                app.summary
                    .with(|d| d.users.iter().find(|u| &u.id == id).map(|u| u.full_name()))
            })
            .unwrap_or_else(|| t(k::COMMON__NO_OWNER))
    };
    view! {
        <section class="sb-page">
            <h1>{t(k::CONTACTS__TITLE)}</h1>
            <label class="sb-field">
                <span class="sb-field__label">{t(k::CONTACTS__SEARCH)}</span>
                <input
                    class="sb-input"
                    type="search"
                    prop:value=move || filter.get()
                    on:input=move |ev| filter.set(event_target_value(&ev))
                />
            </label>
            {move || match contacts.get() {
                None => view! { <Loading label=t(k::CONTACTS__LOADING) /> }.into_any(),
                Some(Err(err)) => view! { <ErrorNote message=err.translated() /> }.into_any(),
                Some(Ok(list)) => {
                    let needle = lowercase(&filter.get());
                    let rows = list
                        .into_iter()
                        .filter(|c| {
                            needle.is_empty()
                                || lowercase(&c.display_name()).contains(&needle)
                                || lowercase(c.email.as_str()).contains(&needle)
                        })
                        .map(|c| {
                            let owner = owner_name(&c.owner);
                            let name = c.display_name();
                            let email = c.email.to_string();
                            view! {
                                <tr>
                                    <td>
                                        <A href=format!("/contacts/{}", c.id)>{name}</A>
                                    </td>
                                    <td>{email}</td>
                                    <td>{owner}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <table class="sb-table">
                            <caption class="sb-visually-hidden">{t(k::CONTACTS__TITLE)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t(k::COMMON__NAME)}</th>
                                    <th scope="col">{t(k::COMMON__EMAIL)}</th>
                                    <th scope="col">{t(k::CONTACTS__OWNER)}</th>

                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
