//! The dialogs behind the thread actions that need a choice: **Reassign** (to "Unassigned" or
//! any member of the inbox, free seats included), **Comment** (an internal note), **Move to
//! inbox** and **Forward** (to another team's inbox). Each calls one `services::actions`
//! function and reports the outcome as a toast (with **Undo** where it applies).

use super::form_dialog::FormDialog;
use crate::domain::{Conversation, DraftKey, DraftTarget, InboxId, ReplyMode, TeamId, UserId};
use crate::features::composer::DraftSession;
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::actions::{self, report};
use crate::services::{access, drafts, use_app, AppCtx, AppError};
use leptos::prelude::*;

/// Runs an action in the background and reports its outcome.
pub fn run(
    app: AppCtx,
    fut: impl std::future::Future<Output = Result<actions::Done, AppError>> + 'static,
) {
    leptos::task::spawn_local(async move { report(app, fut.await) });
}

#[component]
pub fn ReassignDialog(open: RwSignal<bool>, conversation: Conversation) -> impl IntoView {
    let app = use_app();
    let users = app
        .with_directory_untracked(|d| actions::assignable_users(d, &conversation.inbox))
        .unwrap_or_default();
    let current = conversation
        .assignee
        .as_ref()
        .map(|u| u.to_string())
        .unwrap_or_default();
    let choice = RwSignal::new(current);
    let id = conversation.id.clone();
    let submit = move |_| {
        let value = choice.get_untracked();
        let user = (!value.is_empty()).then(|| UserId::new(value));
        run(app, actions::reassign(app, id.clone(), user));
    };
    view! {
        <FormDialog open title=t(k::THREAD__REASSIGN) submit_label=t(k::COMMON__SAVE) on_submit=submit>
            <label class="sb-field">
                <span class="sb-field__label">{t(k::AUTOMATION__ASSIGN_TO)}</span>
                <select
                    class="sb-select"
                    prop:value=move || choice.get()
                    on:change=move |ev| choice.set(event_target_value(&ev))
                >
                    <option value="">{t(k::THREAD__UNASSIGNED)}</option>
                    {users
                        .into_iter()
                        .map(|u| {
                            let label = match u.seat {
                                crate::domain::Seat::Free => tf(k::THREAD__FREE_SEAT, &[("name", &u.full_name())]),
                                crate::domain::Seat::Paid => u.full_name(),
                            };
                            view! { <option value=u.id.to_string()>{label}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
        </FormDialog>
    }
}

/// **Comment**: the note is a draft of its own (SPEC §7: per conversation and reply mode; the
/// text is kept in the draft's body), opened when the dialog is first opened and kept while
/// the conversation is shown, so a note typed and cancelled, or cut short by a reload, is
/// there when the dialog opens again. Adding it removes the draft once the comment is
/// recorded; a refused comment keeps it.
#[component]
pub fn CommentDialog(open: RwSignal<bool>, conversation: Conversation) -> impl IntoView {
    let app = use_app();
    let session = RwSignal::new(None::<DraftSession>);
    // A new draft session after each comment added (the last one is closed).
    let added = RwSignal::new(0u32);
    let started = Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || open.get());
    let text = move || {
        session
            .get()
            .and_then(|s| s.draft.try_with(|d| d.body_html.clone()))
            .unwrap_or_default()
    };
    let id = conversation.id.clone();
    let submit = move |_| {
        let Some(s) = session.get_untracked() else {
            return;
        };
        let id = id.clone();
        run(app, async move {
            // Stored first, as before a Send: a comment refused below keeps its draft.
            s.save_now().await.map_err(AppError::Invalid)?;
            let body = s.current().map(|d| d.body_html).unwrap_or_default();
            let done = actions::comment(app, id, body).await?;
            s.close();
            if let Some(draft) = s.current() {
                drafts::discard(app, &draft.key).await?;
            }
            added.update(|n| *n += 1);
            Ok(done)
        });
    };
    let key = move || {
        app.user_id.get_untracked().map(|user| DraftKey {
            user,
            target: DraftTarget::Conversation(conversation.id.clone()),
            mode: ReplyMode::Comment,
        })
    };
    view! {
        <FormDialog
            open
            title=t(k::THREAD__COMMENT)
            submit_label=t(k::THREAD__ADD_COMMENT)
            on_submit=submit
            submit_disabled=Signal::derive(move || text().trim().is_empty())
        >
            <label class="sb-field">
                <span class="sb-field__label">{t(k::THREAD__INTERNAL_COMMENT)}</span>
                {move || {
                    added.track();
                    let key = started.get().then(&key).flatten()?;
                    Some(view! { <CommentField key session /> })
                }}
            </label>
            <p class="sb-note">{t(k::THREAD__COMMENT_NOTE)}</p>
        </FormDialog>
    }
}

/// The note's text field, over its draft session.
#[component]
fn CommentField(key: DraftKey, session: RwSignal<Option<DraftSession>>) -> impl IntoView {
    let app = use_app();
    let s = DraftSession::open(app, key, |_| {});
    s.attach();
    session.set(Some(s));
    view! {
        <textarea
            class="sb-textarea"
            rows="4"
            prop:value=move || s.draft.with(|d| d.body_html.clone())
            on:input=move |ev| {
                let value = event_target_value(&ev);
                s.edit(|d| d.body_html = value);
            }
        ></textarea>
    }
}

#[component]
pub fn MoveDialog(open: RwSignal<bool>, conversation: Conversation) -> impl IntoView {
    let app = use_app();
    let others = app
        .with_directory_untracked(|d| {
            app.user_id
                .get_untracked()
                .and_then(|me| d.users.iter().find(|u| u.id == me).cloned())
                .map(|me| access::visible_inboxes(d, &me))
                .unwrap_or_default()
                .into_iter()
                .filter(|i| i.id != conversation.inbox)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let choice = RwSignal::new(others.first().map(|i| i.id.to_string()).unwrap_or_default());
    let empty = others.is_empty();
    let id = conversation.id.clone();
    let submit = move |_| {
        let inbox = InboxId::new(choice.get_untracked());
        run(app, actions::move_to_inbox(app, id.clone(), inbox));
    };
    view! {
        <FormDialog
            open
            title=t(k::THREAD__MOVE)
            submit_label=t(k::THREAD__MOVE_SUBMIT)
            on_submit=submit
            submit_disabled=Signal::derive(move || empty)
        >
            <label class="sb-field">
                <span class="sb-field__label">{t(k::THREAD__INBOX)}</span>
                <select
                    class="sb-select"
                    prop:value=move || choice.get()
                    on:change=move |ev| choice.set(event_target_value(&ev))
                >
                    {others
                        .into_iter()
                        .map(|i| view! { <option value=i.id.to_string()>{i.name}</option> })
                        .collect_view()}
                </select>
            </label>
            {empty.then(|| view! { <p class="sb-note">{t(k::THREAD__NO_OTHER_INBOX)}</p> })}
        </FormDialog>
    }
}

#[component]
pub fn ForwardDialog(open: RwSignal<bool>, conversation: Conversation) -> impl IntoView {
    let app = use_app();
    // Teams whose inbox is another one than this conversation's; the others are listed with
    // the reason, so nobody wonders where their team went.
    let teams = app
        .with_directory_untracked(|d| {
            d.teams
                .iter()
                .map(|t| {
                    let inbox =
                        actions::team_inbox(d, &t.id).map(|i| (i.id.clone(), i.name.clone()));
                    (t.clone(), inbox)
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let first = teams
        .iter()
        .find(|(_, inbox)| {
            inbox
                .as_ref()
                .is_some_and(|(id, _)| *id != conversation.inbox)
        })
        .map(|(t, _)| t.id.to_string())
        .unwrap_or_default();
    let choice = RwSignal::new(first);
    let id = conversation.id.clone();
    let here = conversation.inbox.clone();
    let submit = move |_| {
        let team = TeamId::new(choice.get_untracked());
        run(app, actions::forward_to_team(app, id.clone(), team));
    };
    view! {
        <FormDialog
            open
            title=t(k::THREAD__FORWARD)
            submit_label=t(k::THREAD__FORWARD)
            on_submit=submit
            submit_disabled=Signal::derive(move || choice.with(String::is_empty))
        >
            <label class="sb-field">
                <span class="sb-field__label">{t(k::THREAD__TEAM)}</span>
                <select
                    class="sb-select"
                    prop:value=move || choice.get()
                    on:change=move |ev| choice.set(event_target_value(&ev))
                >
                    {teams
                        .into_iter()
                        .map(|(t, inbox)| {
                            let team = &t.name;
                            let (usable, label) = match inbox {
                                Some((inbox, _)) if inbox == here => {
                                    (false, tf(k::THREAD__ALREADY_THIS_INBOX, &[("team", team)]))
                                }
                                Some((_, name)) => (true, format!("{team} → {name}")),
                                None => (false, tf(k::THREAD__NO_INBOX, &[("team", team)])),
                            };
                            view! {
                                <option value=t.id.to_string() disabled=!usable>
                                    {label}
                                </option>
                            }

                        })
                        .collect_view()}
                </select>
            </label>
        </FormDialog>
    }
}
