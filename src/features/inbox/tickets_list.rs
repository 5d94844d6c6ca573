//! `/help-desk/tickets`: the help desk's ticket list (SPEC §6), filtered by status, owner and
//! priority. The filters live in the URL query, so a filtered list is bookmarkable.

use crate::domain::UserId;
use crate::i18n::errors::Translated;
use crate::i18n::{
    k,
    web::{t, tn},
};
use crate::services::tickets::{self, TicketFilter};
use crate::services::use_app;
use crate::ui::{labels, ErrorNote, Loading};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn HelpDeskTicketsPage() -> impl IntoView {
    let app = use_app();
    let query = use_query_map();
    let param = move |key: &str| query.with(|q| q.get(key)).unwrap_or_default();
    let filter = Memo::new(move |_| TicketFilter {
        status: tickets::status_from_key(&param("status")),
        owner: match param("owner").as_str() {
            "" => None,
            "none" => Some(None),
            id => Some(Some(UserId::new(id))),
        },
        priority: tickets::priority_from_key(&param("priority")),
    });
    let list = LocalResource::new(move || {
        app.data_rev.track();
        tickets::ticket_list(app, filter.get())
    });
    let navigate = use_navigate();
    let set = move |key: &'static str, value: String| {
        let mut pairs: Vec<(String, String)> = ["status", "owner", "priority"]
            .into_iter()
            .filter(|k| *k != key)
            .map(|k| (k.to_owned(), param(k)))
            .collect();
        pairs.push((key.to_owned(), value));
        let q: Vec<String> = pairs
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        navigate(
            &format!("/help-desk/tickets?{}", q.join("&")),
            Default::default(),
        );
    };
    let users = app.summary.with_untracked(|d| d.users.clone());
    let user_name = move |id: &Option<UserId>| {
        id.as_ref()
            .and_then(|id| {
                app.summary
                    .with(|d| d.users.iter().find(|u| &u.id == id).map(|u| u.full_name()))
            })
            .unwrap_or_else(|| t(k::COMMON__NO_OWNER))
    };
    let (set_status, set_owner, set_priority) = (set.clone(), set.clone(), set);
    view! {
        <section class="sb-page">
            <h1>{t(k::TICKETS__TITLE)}</h1>
            <p><A href="/help-desk">{t(k::TICKETS__BACK)}</A></p>
            <div class="sb-filters">
                <label class="sb-field">
                    <span class="sb-field__label">{t(k::COMMON__STATUS)}</span>
                    <select class="sb-select" prop:value=move || param("status") on:change=move |ev| set_status("status", event_target_value(&ev))>
                        <option value="">{t(k::TICKETS__ANY_STATUS)}</option>
                        {tickets::STATUSES.into_iter().map(|s| view! { <option value=tickets::status_key(s)>{labels::ticket_status(s)}</option> }).collect_view()}
                    </select>
                </label>
                <label class="sb-field">
                    <span class="sb-field__label">{t(k::TICKETS__OWNER)}</span>
                    <select class="sb-select" prop:value=move || param("owner") on:change=move |ev| set_owner("owner", event_target_value(&ev))>
                        <option value="">{t(k::TICKETS__ANY_OWNER)}</option>
                        <option value="none">{t(k::COMMON__NO_OWNER)}</option>
                        {users.into_iter().map(|u| view! { <option value=u.id.to_string()>{u.full_name()}</option> }).collect_view()}
                    </select>
                </label>
                <label class="sb-field">
                    <span class="sb-field__label">{t(k::COMMON__PRIORITY)}</span>
                    <select class="sb-select" prop:value=move || param("priority") on:change=move |ev| set_priority("priority", event_target_value(&ev))>
                        <option value="">{t(k::TICKETS__ANY_PRIORITY)}</option>
                        {tickets::PRIORITIES.into_iter().map(|p| view! { <option value=tickets::priority_key(p)>{labels::priority(p)}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            {move || match list.get() {
                None => view! { <Loading label=t(k::TICKETS__LOADING) /> }.into_any(),
                Some(Err(err)) => view! { <ErrorNote message=err.translated() /> }.into_any(),
                Some(Ok(rows)) => view! {
                    <table class="sb-table">
                        <caption>{tn(k::TICKETS__COUNT, rows.len() as u64, &[])}</caption>
                        <thead>
                            <tr>
                                <th>{t(k::TICKET__CARD)}</th>
                                <th>{t(k::COMMON__TICKET_STATUS)}</th>
                                <th>{t(k::COMMON__PRIORITY)}</th>
                                <th>{t(k::COMMON__TICKET_OWNER)}</th>
                                <th>{t(k::COMMON__CONVERSATIONS)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|t| view! {
                                <tr>
                                    <td><a href=format!("/tickets/{}", t.id) target="_blank" rel="noopener">{t.name.clone()}</a></td>
                                    <td>{labels::ticket_status(t.status)}</td>
                                    <td>{labels::priority(t.priority)}</td>

                                    <td>{user_name(&t.owner)}</td>
                                    <td>{t.conversations.len()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }
                .into_any(),
            }}
        </section>
    }
}
