//! **Who has inbox access**: **Everyone** or **Specific users and teams** (with the user and
//! team lists). Used by the **Access** tab and by **Create new inbox**; it only edits signals.

use super::field_error::FieldError;
use super::people_picker::PeoplePicker;
use crate::domain::{InboxAccess, TeamId, UserId};
use crate::i18n::{k, web::t};
use leptos::prelude::*;

/// The picker's state, built from a saved access and turned back into one.
#[derive(Clone, Copy)]
pub struct AccessState {
    pub specific: RwSignal<bool>,
    pub users: RwSignal<Vec<UserId>>,
    pub teams: RwSignal<Vec<TeamId>>,
}

impl AccessState {
    pub fn new(access: &InboxAccess) -> Self {
        let (specific, users, teams) = match access {
            InboxAccess::Everyone => (false, Vec::new(), Vec::new()),
            InboxAccess::SpecificUsersAndTeams { users, teams } => {
                (true, users.clone(), teams.clone())
            }
        };
        Self {
            specific: RwSignal::new(specific),
            users: RwSignal::new(users),
            teams: RwSignal::new(teams),
        }
    }

    pub fn access(&self) -> InboxAccess {
        if self.specific.get_untracked() {
            InboxAccess::SpecificUsersAndTeams {
                users: self.users.get_untracked(),
                teams: self.teams.get_untracked(),
            }
        } else {
            InboxAccess::Everyone
        }
    }
}

#[component]
pub fn AccessPicker(
    state: AccessState,
    /// Unique prefix for the radio group name and ids.
    #[prop(into)]
    id: String,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let name = format!("{id}-access");
    let error_id = format!("{id}-access-error");
    let specific = state.specific;
    let picker_error_id = error_id.clone();
    let fieldset_error_id = error_id.clone();
    view! {
        <fieldset class="sb-fieldset" aria-describedby=fieldset_error_id>
            <legend>{t(k::ACCESS__WHO)}</legend>
            <label class="sb-check">
                <input
                    type="radio"
                    name=name.clone()
                    prop:checked=move || !specific.get()
                    on:change=move |_| specific.set(false)
                />
                {t(k::COMMON__EVERYONE)}
            </label>
            <label class="sb-check">
                <input
                    type="radio"
                    name=name
                    prop:checked=move || specific.get()
                    on:change=move |_| specific.set(true)
                />
                {t(k::COMMON__SPECIFIC_USERS_AND_TEAMS)}

            </label>
            <Show when=move || specific.get()>
                <PeoplePicker users=state.users teams=state.teams described_by=picker_error_id.clone() />
            </Show>
            <FieldError id=error_id error />
        </fieldset>
    }
}
