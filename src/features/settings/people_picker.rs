//! Checkbox lists of the workspace's users and teams, used by **Specific users and teams** in
//! **Who has inbox access** and in **Assign to**. It edits the two id lists it is given and
//! validates nothing (the domain does on save).

use crate::domain::{TeamId, UserId};
use crate::i18n::{k, web::t};
use crate::services::use_app;
use crate::text::lowercase;
use leptos::prelude::*;

fn toggle<T: PartialEq + Clone + Send + Sync + 'static>(list: RwSignal<Vec<T>>, id: T, on: bool) {
    list.update(|l| {
        l.retain(|x| *x != id);
        if on {
            l.push(id);
        }
    });
}

#[component]
pub fn PeoplePicker(
    users: RwSignal<Vec<UserId>>,
    teams: RwSignal<Vec<TeamId>>,
    /// Links the lists to the message of a refused save.
    #[prop(into)]
    described_by: String,
) -> impl IntoView {
    let app = use_app();
    let user_rows = move || {
        let mut list = app.summary.with(|d| d.users.clone());
        list.sort_by_cached_key(|u| lowercase(&u.full_name()));
        list.into_iter()
            .map(|u| {
                let id = u.id.clone();
                let checked_id = u.id.clone();
                view! {
                    <li>
                        <label class="sb-check">
                            <input
                                type="checkbox"
                                prop:checked=move || users.with(|l| l.contains(&checked_id))
                                on:change=move |ev| {
                                    toggle(users, id.clone(), event_target_checked(&ev))
                                }
                            />
                            {u.full_name()}
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    let team_rows = move || {
        let mut list = app.summary.with(|d| d.teams.clone());
        list.sort_by_cached_key(|t| lowercase(&t.name));
        list.into_iter()
            .map(|t| {
                let id = t.id.clone();
                let checked_id = t.id.clone();
                view! {
                    <li>
                        <label class="sb-check">
                            <input
                                type="checkbox"
                                prop:checked=move || teams.with(|l| l.contains(&checked_id))
                                on:change=move |ev| {
                                    toggle(teams, id.clone(), event_target_checked(&ev))
                                }
                            />
                            {t.name}
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="sb-picker">
            <fieldset class="sb-picker__group" aria-describedby=described_by.clone()>
                <legend>{t(k::COMMON__USERS)}</legend>
                <ul class="sb-plain-list">{user_rows}</ul>
            </fieldset>
            <fieldset class="sb-picker__group" aria-describedby=described_by>
                <legend>{t(k::COMMON__TEAMS)}</legend>

                <ul class="sb-plain-list">{team_rows}</ul>
            </fieldset>
        </div>
    }
}
