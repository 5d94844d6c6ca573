//! The Inbox and Help desk workspaces (SPEC §5): views with counts, the conversation list and
//! the thread. Both workspaces are the same components with a different `Area`.

mod action_dialogs;
mod automatic_note;
mod conversation_list;
mod conversation_row;
mod create_ticket_dialog;
mod form_dialog;
mod import_button;
mod lazy_parts;
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

pub use conversation_row::row_slot;
pub use tickets_list::HelpDeskTicketsPage;

use crate::domain::views::WorkspacePath;
use crate::domain::Area;
use crate::features::shell::NotFound;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use workspace::Workspace;

#[component]
pub fn InboxWorkspacePage() -> impl IntoView {
    workspace_page(Area::Inbox)
}

#[component]
pub fn HelpDeskWorkspacePage() -> impl IntoView {
    workspace_page(Area::HelpDesk)
}

/// The workspace of `area` for its one route (`/inbox/*rest`): the list of a view and the open
/// conversation are the same page, so moving between them changes only what `path` names.
fn workspace_page(area: Area) -> impl IntoView {
    let params = use_params_map();
    let path = Memo::new(move |_| {
        params.with(|p| WorkspacePath::parse(p.get_str("rest").unwrap_or_default()))
    });
    let known = Memo::new(move |_| path.with(|p| *p != WorkspacePath::Unknown));
    move || {
        if known.get() {
            view! { <Workspace area path /> }.into_any()
        } else {
            view! { <NotFound /> }.into_any()
        }
    }
}
