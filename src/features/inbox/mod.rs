//! The Inbox and Help desk workspaces (SPEC §5): views with counts, the conversation list and
//! the thread. Both workspaces are the same components with a different `Area`.

mod action_dialogs;
mod conversation_list;
mod conversation_row;
mod create_ticket_dialog;
mod form_dialog;
mod import_button;
mod lazy_thread;
mod list_filters;
mod mail_lists;
mod message_body;
mod message_item;
mod outbox_retry;
mod presence_bar;
mod search_results;
mod sender_flags;
mod thread_actions;
mod thread_view;
mod ticket_card;
mod ticket_sidebar;
mod tickets_list;
mod views_nav;
mod virtual_list;
mod workspace;

pub use tickets_list::HelpDeskTicketsPage;

use crate::domain::{Area, ConversationId};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use workspace::Workspace;

#[component]
pub fn InboxWorkspacePage() -> impl IntoView {
    view! { <Workspace area=Area::Inbox conversation=Signal::derive(|| None) /> }
}

#[component]
pub fn HelpDeskWorkspacePage() -> impl IntoView {
    view! { <Workspace area=Area::HelpDesk conversation=Signal::derive(|| None) /> }
}

fn conversation_param() -> Signal<Option<ConversationId>> {
    let params = use_params_map();
    Signal::derive(move || params.with(|p| p.get("id").map(ConversationId::new)))
}

#[component]
pub fn InboxConversationPage() -> impl IntoView {
    view! { <Workspace area=Area::Inbox conversation=conversation_param() /> }
}

#[component]
pub fn HelpDeskConversationPage() -> impl IntoView {
    view! { <Workspace area=Area::HelpDesk conversation=conversation_param() /> }
}
