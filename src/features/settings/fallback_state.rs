//! The edit state of the fallback email **Edit** dialog: one signal per control of both tabs,
//! built from the saved inbox and turned into the domain's `FallbackForm` and
//! `AutomationForm` on **Save**. Holds the last refused save for the field messages.

use crate::domain::fallback::{FallbackForm, FromAddressMode};
use crate::domain::inbox_setup::{AssignMode, AutomationForm};
use crate::domain::{FromNameMode, Inbox, Priority, TeamId, TicketOwnerRule, TicketStatus, UserId};
use crate::services::AppError;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct FallbackState {
    pub use_for_sending: RwSignal<bool>,
    pub from_name_mode: RwSignal<FromNameMode>,
    pub company_name: RwSignal<String>,
    pub custom_address_mode: RwSignal<bool>,
    pub custom_address: RwSignal<String>,
    pub signature_enabled: RwSignal<bool>,
    pub signature_html: RwSignal<String>,
    pub original_sender: RwSignal<bool>,
    pub auto_assign: RwSignal<bool>,
    pub assign_mode: RwSignal<AssignMode>,
    pub assign_users: RwSignal<Vec<UserId>>,
    pub assign_teams: RwSignal<Vec<TeamId>>,
    pub auto_ticket: RwSignal<bool>,
    pub pipeline: RwSignal<String>,
    pub stage: RwSignal<TicketStatus>,
    pub priority: RwSignal<Priority>,
    pub owner: RwSignal<TicketOwnerRule>,
    pub error: RwSignal<Option<AppError>>,
}

impl FallbackState {
    pub fn new(inbox: &Inbox) -> Self {
        let f = FallbackForm::from_saved(&inbox.fallback);
        let a = AutomationForm::from_saved(&inbox.automation);
        Self {
            use_for_sending: RwSignal::new(f.use_for_sending),
            from_name_mode: RwSignal::new(f.from_name_mode),
            company_name: RwSignal::new(f.company_name),
            custom_address_mode: RwSignal::new(f.from_address_mode == FromAddressMode::Custom),
            custom_address: RwSignal::new(f.custom_address),
            signature_enabled: RwSignal::new(f.signature_enabled),
            signature_html: RwSignal::new(f.signature_html),
            original_sender: RwSignal::new(f.original_sender_of_forwards),
            auto_assign: RwSignal::new(a.auto_assign),
            assign_mode: RwSignal::new(a.assign_mode),
            assign_users: RwSignal::new(a.assign_users),
            assign_teams: RwSignal::new(a.assign_teams),
            auto_ticket: RwSignal::new(a.auto_ticket),
            pipeline: RwSignal::new(a.pipeline),
            stage: RwSignal::new(a.stage),
            priority: RwSignal::new(a.priority),
            owner: RwSignal::new(a.owner),
            error: RwSignal::new(None),
        }
    }

    /// The Configuration tab as typed; `clean` makes the signature HTML inert before saving.
    pub fn form(&self, clean: impl Fn(&str) -> String) -> FallbackForm {
        FallbackForm {
            use_for_sending: self.use_for_sending.get_untracked(),
            from_name_mode: self.from_name_mode.get_untracked(),
            company_name: self.company_name.get_untracked(),
            from_address_mode: if self.custom_address_mode.get_untracked() {
                FromAddressMode::Custom
            } else {
                FromAddressMode::UseDefault
            },
            custom_address: self.custom_address.get_untracked(),
            signature_enabled: self.signature_enabled.get_untracked(),
            signature_html: clean(&self.signature_html.get_untracked()),
            original_sender_of_forwards: self.original_sender.get_untracked(),
        }
    }

    pub fn automation(&self) -> AutomationForm {
        AutomationForm {
            auto_assign: self.auto_assign.get_untracked(),
            assign_mode: self.assign_mode.get_untracked(),
            assign_users: self.assign_users.get_untracked(),
            assign_teams: self.assign_teams.get_untracked(),
            auto_ticket: self.auto_ticket.get_untracked(),
            pipeline: self.pipeline.get_untracked(),
            stage: self.stage.get_untracked(),
            priority: self.priority.get_untracked(),
            owner: self.owner.get_untracked(),
        }
    }

    /// The message of the last refused save for field `key`.
    pub fn field_error(&self, key: &'static str) -> Signal<Option<String>> {
        let error = self.error;
        Signal::derive(move || error.with(|e| e.as_ref().and_then(|e| e.field(key))))
    }
}
