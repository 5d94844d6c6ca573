//! The thread actions bar (SPEC §5): **Close conversation** / **Reopen conversation**,
//! **Reassign**, **Comment**, **Move to inbox**, **Forward**, **Move to trash** (or **Restore**
//! in Trash), **Create ticket**, and a **More** menu with **Close conversation** and **Move to
//! trash** as SPEC §6 names them. Every control asks the access rule; a refused one is
//! disabled and the reason is shown next to the bar (and linked with aria-describedby).

use super::action_dialogs::{run, CommentDialog, ForwardDialog, MoveDialog, ReassignDialog};
use super::create_ticket_dialog::CreateTicketDialog;
use crate::domain::access::Action;
use crate::domain::{Conversation, ConversationStatus};
use crate::i18n::errors::Translated;
use crate::i18n::{
    k,
    web::{t, tf},
    Key,
};
use crate::services::actions;
use crate::services::use_app;
use crate::ui::dialog::MountWhenOpened;
use crate::ui::ConfirmDialog;
use leptos::prelude::*;

const NOTE_ID: &str = "sb-thread-actions-reason";

#[component]
pub fn ThreadActions(conversation: Conversation) -> impl IntoView {
    let app = use_app();
    let conv = StoredValue::new(conversation.clone());
    // The reason (if any) the current user may not do `action` here; follows Switch user.
    let reason = move |action: Action| {
        let user = app.user()?;
        // Not allowed while the whole directory is not read (the thread's boundary waits).
        conv.with_value(|c| {
            app.with_directory(|d| actions::decide(d, &user, action, c).translated())
                .unwrap_or_else(|| Some(t(k::UI__LOADING)))
        })
    };
    let denied = move |action: Action| reason(action).is_some();
    let describedby = move |action: Action| denied(action).then_some(NOTE_ID);
    let first_reason = move || {
        [
            Action::Close,
            Action::Assign,
            Action::Comment,
            Action::Move,
            Action::Trash,
        ]
        .into_iter()
        .find_map(reason)
    };

    let (reassign, comment, move_open, forward, trash, ticket) = (
        RwSignal::new(false),
        RwSignal::new(false),
        RwSignal::new(false),
        RwSignal::new(false),
        RwSignal::new(false),
        RwSignal::new(false),
    );
    let more = RwSignal::new(false);
    let more_keys = crate::ui::menu::MenuKeys::new(more, "sb-more-menu");
    let id = conversation.id.clone();
    let closed = conversation.status == ConversationStatus::Closed;
    let trashed = conversation.trashed_at.is_some();
    let has_ticket = conversation.ticket.is_some();

    let (close_id, trash_id, restore_id) = (id.clone(), id.clone(), id.clone());
    let assign_me_id = id.clone();
    // **Assign to me** is offered unless the conversation is already the current user's.
    let assignee = conversation.assignee.clone();
    let mine = move || {
        app.user_id
            .get()
            .is_some_and(|me| assignee.as_ref() == Some(&me))
    };
    let assign_to_me = move |_| {
        if let Some(me) = app.user_id.get_untracked() {
            run(app, actions::reassign(app, assign_me_id.clone(), Some(me)));
        }
    };
    let close_or_reopen = move |_| {
        let id = close_id.clone();
        more.set(false);
        if closed {
            run(app, actions::reopen_conversation(app, id));
        } else {
            run(app, actions::close_conversation(app, id));
        }
    };
    let close_label = t(if closed {
        k::THREAD__REOPEN
    } else {
        k::THREAD__CLOSE
    });
    let ask_trash = move |_| {
        more.set(false);
        trash.set(true);
    };

    if trashed {
        return view! {
            <div class="sb-actions" role="toolbar" aria-label=t(k::THREAD__ACTIONS)>
                <button
                    class="sb-button"
                    disabled=move || denied(Action::Trash)
                    title=move || reason(Action::Trash)
                    aria-describedby=move || describedby(Action::Trash)
                    on:click=move |_| run(app, actions::restore(app, restore_id.clone()))
                >
                    {t(k::COMMON__RESTORE)}
                </button>
                <p class="sb-note" id=NOTE_ID>
                    {move || reason(Action::Trash).unwrap_or_else(|| t(k::THREAD__IN_TRASH))}
                </p>
            </div>
        }
        .into_any();
    }

    let owner_text = match &conversation.assignee {
        Some(id) => {
            let name = app.summary.with_untracked(|d| {
                d.users
                    .iter()
                    .find(|u| &u.id == id)
                    .map(|u| u.full_name())
                    .unwrap_or_else(|| id.to_string())
            });
            tf(k::THREAD__ASSIGNED_TO, &[("name", &name)])
        }
        None => t(k::THREAD__UNASSIGNED),
    };
    let button = move |action: Action, label: Key, open: RwSignal<bool>| {
        view! {
            <button
                class="sb-button"
                disabled=move || denied(action)
                title=move || reason(action)
                aria-describedby=move || describedby(action)
                on:click=move |_| open.set(true)
            >
                {t(label)}
            </button>
        }
    };
    view! {
        <p class="sb-actions__owner" data-testid="conversation-owner">{owner_text}</p>
        <div class="sb-actions" role="toolbar" aria-label=t(k::THREAD__ACTIONS)>
            <button
                class="sb-button"
                disabled=move || denied(Action::Close)
                title=move || reason(Action::Close)
                aria-describedby=move || describedby(Action::Close)
                on:click=close_or_reopen.clone()
                data-shortcut=(!closed).then_some("close-conversation")
            >
                {close_label}
            </button>
            <Show when=move || !mine()>
                <button
                    class="sb-button"
                    disabled=move || denied(Action::Assign)
                    title=move || reason(Action::Assign)
                    aria-describedby=move || describedby(Action::Assign)
                    data-shortcut="assign-to-me"
                    on:click=assign_to_me.clone()
                >
                    {t(k::THREAD__ASSIGN_TO_ME)}
                </button>
            </Show>
            {button(Action::Assign, k::THREAD__REASSIGN, reassign)}
            {button(Action::Comment, k::THREAD__COMMENT, comment)}
            {button(Action::Move, k::THREAD__MOVE, move_open)}
            {button(Action::Forward, k::THREAD__FORWARD, forward)}
            {button(Action::Trash, k::THREAD__TRASH, trash)}
            {(!has_ticket).then(|| button(Action::Move, k::THREAD__CREATE_TICKET, ticket))}
            <div class="sb-more" on:keydown=move |ev| more_keys.on_keydown(ev)>
                <button
                    node_ref=more_keys.button
                    class="sb-button"
                    aria-haspopup="menu"
                    aria-expanded=move || more.get().to_string()
                    aria-controls="sb-more-menu"
                    on:click=move |_| more_keys.toggle()
                >
                    {t(k::THREAD__MORE)}
                </button>
                <div id="sb-more-menu" class="sb-more__menu" role="menu" aria-label=t(k::THREAD__MORE) hidden=move || !more.get()>
                    {(!closed).then(|| view! {
                        <button
                            role="menuitem"
                            class="sb-more__item"
                            disabled=move || denied(Action::Close)
                            aria-describedby=move || describedby(Action::Close)
                            on:click=close_or_reopen
                        >
                            {t(k::THREAD__CLOSE)}
                        </button>
                    })}
                    <button
                        role="menuitem"
                        class="sb-more__item"
                        disabled=move || denied(Action::Trash)
                        aria-describedby=move || describedby(Action::Trash)
                        on:click=ask_trash
                    >
                        {t(k::THREAD__TRASH)}
                    </button>
                </div>
            </div>
            <Show when=move || first_reason().is_some()>
                <p class="sb-note sb-note--denied" id=NOTE_ID>{first_reason}</p>
            </Show>
        </div>
        // Each dialog is built when first asked for (dialog::MountWhenOpened).
        <MountWhenOpened open=reassign>
            <ReassignDialog open=reassign conversation=conv.get_value() />
        </MountWhenOpened>
        <MountWhenOpened open=comment>
            <CommentDialog open=comment conversation=conv.get_value() />
        </MountWhenOpened>
        <MountWhenOpened open=move_open>
            <MoveDialog open=move_open conversation=conv.get_value() />
        </MountWhenOpened>
        <MountWhenOpened open=forward>
            <ForwardDialog open=forward conversation=conv.get_value() />
        </MountWhenOpened>
        <MountWhenOpened open=ticket>
            <CreateTicketDialog open=ticket conversation=conv.get_value() />
        </MountWhenOpened>
        <MountWhenOpened open=trash>
            <ConfirmDialog
                open=trash
                title=t(k::THREAD__TRASH_TITLE)
                body=t(if has_ticket { k::THREAD__TRASH_BODY_TICKET } else { k::THREAD__TRASH_BODY })
                confirm_label=t(k::THREAD__TRASH)
                on_confirm={
                    let trash_id = trash_id.clone();
                    move |_| run(app, actions::trash_conversation(app, trash_id.clone()))
                }
            />
        </MountWhenOpened>
    }
    .into_any()
}
