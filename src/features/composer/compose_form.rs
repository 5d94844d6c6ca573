//! The composer (SPEC §4, §5, §7): **Compose** (new email), **Reply** (bottom of a thread, with
//! **Show recipients**) and the CRM composer (contact record). It holds the draft session,
//! asks `domain::from` for the From and the selectable addresses, and sends through
//! `services::send` (which resolves the From again and records everything at once).

use super::attachments::{files_of, Attachments};
use super::body_editor::BodyEditor;
use super::discard::DiscardButton;
use super::from_control::FromControl;
use super::recipient_field::RecipientField;
use super::session::{DraftSession, SaveState};
use crate::domain::from::{
    mailbox_label, resolve_from, selectable_froms, ComposerKind, FromContext, FromError,
    ResolvedFrom,
};
use crate::domain::{
    header_value, Conversation, ConversationId, DraftFrom, DraftKey, FromChoice, ValidationError,
};
use crate::i18n::{
    errors::Translated,
    k,
    web::{t, tf},
};
use crate::services::ctx::ToastKind;
use crate::services::send::{self, RecipientField as Field, SendError, SendRequest, Sent};
use crate::services::{drafts, queries, use_app, AppError};
use leptos::prelude::*;

/// The longest subject a header line takes (RFC 5322's 998 characters, as `services::send`).
const MAX_SUBJECT: usize = 998;

fn joined(list: &[String]) -> String {
    list.join(", ")
}

fn typed(text: String) -> Vec<String> {
    if text.trim().is_empty() {
        Vec::new()
    } else {
        vec![text]
    }
}

/// Saves the draft (a failed send must keep its latest text), then sends it.
async fn send_draft(
    s: DraftSession,
    kind: ComposerKind,
    shown: Result<ResolvedFrom, FromError>,
    conversation: Option<ConversationId>,
) -> Result<Sent, SendError> {
    let shown = shown.map_err(|e| SendError::Failed(AppError::From(e)))?;
    s.save_now()
        .await
        .map_err(|why| SendError::Failed(AppError::Invalid(why)))?;
    let draft = s
        .current()
        .ok_or_else(|| SendError::Failed(AppError::Invalid(t(k::COMPOSER__CLOSED))))?;
    let req = SendRequest {
        kind,
        draft,
        shown,
        conversation,
    };
    send::send(s.app(), req).await
}

/// Why `subject` cannot go into a `Subject:` header (`domain::header_value`: line breaks,
/// Unicode separators, control characters, length), in the rep's language; `None` when it can.
fn subject_refusal(subject: &str) -> Option<String> {
    match header_value(subject, MAX_SUBJECT) {
        Ok(_) => None,
        Err(ValidationError::ControlCharacter) => Some(t(k::COMPOSE_CHECK__SUBJECT_CONTROL)),
        Err(ValidationError::TooLong { max }) => {
            Some(tf(k::COMPOSE_CHECK__SUBJECT_TOO_LONG, &[("max", &max)]))
        }
        Err(other) => Some(other.to_string()),
    }
}

/// Every recipient field whose text holds a line break, Unicode separator or control
/// character anywhere, even at an end where splitting the list would trim it away unnoticed
/// (NEL, U+2028): the rep learns the value was wrong instead of it being dropped.
fn recipient_refusals(d: &crate::domain::Draft) -> Vec<Field> {
    Field::ALL
        .into_iter()
        .filter(|field| {
            field
                .of(d)
                .iter()
                .any(|t| header_value(t, usize::MAX).is_err())
        })
        .collect()
}

#[component]
pub fn Composer(
    kind: ComposerKind,
    key: DraftKey,
    /// The thread replied to (Reply); `None` for a new email.
    #[prop(into)]
    conversation: Signal<Option<Conversation>>,
    /// Recipients for a fresh draft (a reply's contact, the CRM contact).
    #[prop(optional)]
    prefill_to: Option<String>,
    #[prop(optional, into)] on_sent: Option<Callback<Sent>>,
    /// After **Discard** (the composer's session is closed; remount or close it).
    #[prop(optional, into)]
    on_discarded: Option<Callback<()>>,
    /// After **Undo** of a discard restored the draft.
    #[prop(optional, into)]
    on_restored: Option<Callback<()>>,
    /// Put the focus in the message body once mounted (the fresh reply composer that replaces
    /// a sent one, when the rep was working in the composer).
    #[prop(optional)]
    focus_body: bool,
) -> impl IntoView {
    let app = use_app();
    let is_reply = conversation.get_untracked().is_some();
    let id: String = key
        .storage_key()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let session = DraftSession::open(app, key, |d| {
        if let Some(to) = prefill_to {
            d.to = vec![to];
        }
    });
    let draft = session.draft;
    let save_state = session.state;
    let replaced = session.replaced;
    let kind_for_memo = kind.clone();
    let resolved = Memo::new(move |_| {
        let user = app.user();
        let from = draft.with(|d| d.from.clone());
        let conv = conversation.get();
        // `None` (the whole directory not read yet) blocks like a missing user: never shown,
        // composers mount only once it is read (their lazy boundaries wait for it).
        app.directory.with(|dir| match (&user, dir) {
            (Some(user), Some(dir)) => resolve_from(
                &FromContext {
                    workspace: &dir.workspace,
                    user,
                    inboxes: &dir.inboxes,
                    channels: &dir.channels,
                    composer: &kind_for_memo,
                    conversation: conv.as_ref(),
                },
                &from,
            ),
            _ => Err(FromError::NoPrimaryTeam),
        })
    });
    let kind_for_options = kind.clone();
    let options = Memo::new(move |_| {
        let user = app.user();
        let conv = conversation.get();
        app.directory.with(|dir| match (&user, dir) {
            (Some(user), Some(dir)) => selectable_froms(&FromContext {
                workspace: &dir.workspace,
                user,
                inboxes: &dir.inboxes,
                channels: &dir.channels,
                composer: &kind_for_options,
                conversation: conv.as_ref(),
            }),
            _ => Vec::new(),
        })
    });
    let teams = Memo::new(move |_| app.summary.with(|d| d.teams.clone()));
    // Suggestions for the address being typed in To, Cc or Bcc (read as the rep types, from
    // the search index; nothing is read before a recipient is typed).
    let typing = RwSignal::new(String::new());
    let contacts = LocalResource::new(move || queries::contact_suggestions(app, typing.get()));

    // Other tabs' writes merged in; written at once when the page may go away (SPEC §7).
    session.attach();

    let expanded = RwSignal::new(!is_reply);
    let errors = RwSignal::new(Vec::<(Field, String)>::new());
    let send_error = RwSignal::new(None::<String>);
    let field_error = move |f: Field| {
        Signal::derive(move || {
            errors.with(|e| e.iter().find(|(x, _)| *x == f).map(|(_, m)| m.clone()))
        })
    };
    // A recipients message says what was wrong when Send was pressed: once the rep changes the
    // recipients it may no longer hold, so it goes (the next Send checks again).
    Effect::new(move |before: Option<[Vec<String>; 3]>| {
        let now = draft.with(|d| Field::ALL.map(|f| f.of(d).clone()));
        if before.is_some_and(|b| b != now) && errors.with_untracked(|e| !e.is_empty()) {
            errors.set(Vec::new());
        }
        now
    });

    let s = session;
    let kind_for_send = kind.clone();
    let sending = Action::new_local(move |_: &()| {
        let kind = kind_for_send.clone();
        let shown = resolved.get_untracked();
        let conv = conversation.get_untracked().map(|c| c.id);
        async move {
            let result = send_draft(s, kind, shown, conv).await;
            // The result is shown here, where the send finished: no effect re-reads it.
            match result {
                Ok(sent) => {
                    s.close();
                    errors.try_set(Vec::new());
                    send_error.try_set(None);
                    app.toast(
                        ToastKind::Info,
                        tf(
                            k::COMPOSER__SENT_FROM,
                            &[("from", &mailbox_label(&sent.from))],
                        ),
                    );
                    // The composer may be gone by now (the thread re-rendered while sending).
                    if let Some(cb) = on_sent {
                        cb.try_run(sent);
                    }
                }
                Err(SendError::Recipients(refused)) => {
                    expanded.try_set(true);
                    errors.try_set(refused);
                }
                Err(SendError::Failed(err)) => {
                    send_error.try_set(Some(tf(
                        k::COMPOSER__NOT_SENT,
                        &[("why", &err.translated())],
                    )));
                    app.toast_error(&err);
                }
            }
        }
    });
    let blocked = move || resolved.with(|r| r.is_err()) || sending.pending().get();
    // The subject of a new email is checked here, before anything is sent, so the reason
    // stands next to the Subject field (a reply keeps the thread's subject and has none).
    let subject_error = RwSignal::new(None::<String>);
    let do_send = move || {
        if !blocked() {
            errors.set(Vec::new());
            send_error.set(None);
            let refused = if is_reply {
                None
            } else {
                draft.with_untracked(|d| subject_refusal(&d.subject))
            };
            let recipients = draft.with_untracked(recipient_refusals);
            let refused_now = refused.is_some() || !recipients.is_empty();
            subject_error.set(refused);
            if !recipients.is_empty() {
                expanded.set(true);
                errors.set(
                    recipients
                        .into_iter()
                        .map(|field| (field, t(k::COMPOSE_CHECK__RECIPIENT_CONTROL)))
                        .collect(),
                );
            }
            if !refused_now {
                sending.dispatch(());
            }
        }
    };

    // Attachments: stored as blobs first (typing goes on meanwhile), then added to the draft.
    let attach_error = RwSignal::new(None::<String>);
    let attach_busy = RwSignal::new(false);
    let s = session;
    let on_files = Callback::new(move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        let Some(current) = s.current() else { return };
        attach_busy.set(true);
        leptos::task::spawn_local(async move {
            let (added, refused) =
                drafts::attach_files(app, &current.key, &current.attachments, files).await;
            s.add_attachments(added);
            attach_error.try_set((!refused.is_empty()).then(|| refused.join(" ")));
            attach_busy.try_set(false);
        });
    });
    let s = session;
    let on_remove = Callback::new(move |blob_key: String| {
        attach_error.set(None);
        s.remove_attachment(&blob_key);
    });
    let drag_over = RwSignal::new(false);
    let s = session;
    let discard = move || async move { s.discard().await };
    let after_discard = move || {
        if let Some(cb) = on_discarded {
            cb.try_run(());
        }
    };

    if focus_body {
        let body = format!("{id}-body");
        // After the first render, when the body is in the document.
        Effect::new(move |_| {
            let body = body.clone();
            request_animation_frame(move || {
                let el = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(&body))
                    .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
                if let Some(el) = el {
                    let _ = el.focus();
                }
            });
        });
    }

    let flush = move |s: DraftSession| Callback::new(move |_: ()| s.flush());
    let list_id = format!("{id}-contacts");
    // Each recipient field's input is `<composer id>-to`, `-cc`, `-bcc`.
    let field_base = id.clone();
    let (body_id, from_error_id) = (format!("{id}-body"), format!("{id}-from-error"));
    let title = if is_reply {
        t(k::COMPOSER__REPLY)
    } else {
        t(k::LIST__NEW_EMAIL)
    };
    view! {
        <section
            class="sb-composer"
            class:sb-composer--drop=move || drag_over.get()
            aria-label=title
            data-shortcut-scope="composer"
            data-composer=if is_reply { "reply" } else { "new" }
            on:dragover=move |ev: web_sys::DragEvent| {
                // Only files are taken here; the inbox's .eml drop zone must not see them.
                ev.prevent_default();
                ev.stop_propagation();
                drag_over.set(true);
            }
            on:dragleave=move |_| drag_over.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                ev.stop_propagation();
                drag_over.set(false);
                if let Some(list) = ev.data_transfer().and_then(|d| d.files()) {
                    on_files.run(files_of(&list));
                }
            }
        >
            <datalist id=list_id.clone()>
                {move || {
                    contacts
                        .get()
                        .and_then(|r| r.ok())
                        .unwrap_or_default()
                        .into_iter()
                        .map(|c| view! { <option value=c.email.to_string()>{c.display_name()}</option> })
                        .collect_view()
                }}
            </datalist>
            {is_reply
                .then(|| {
                    view! {
                        <div class="sb-composer__summary">
                            <span>{move || tf(k::COMPOSER__TO_SUMMARY, &[("list", &draft.with(|d| joined(&d.to)))])}</span>
                            <button
                                type="button"
                                class="sb-button sb-button--link"
                                aria-expanded=move || expanded.get().to_string()
                                on:click=move |_| expanded.update(|e| *e = !*e)
                            >
                                {move || if expanded.get() { t(k::COMPOSER__HIDE_RECIPIENTS) } else { t(k::COMPOSER__SHOW_RECIPIENTS) }}
                            </button>
                        </div>
                    }
                })}
            <Show when=move || expanded.get()>
                {Field::ALL
                    .into_iter()
                    .map(|field| {
                        let (suffix, label) = match field {
                            Field::To => ("to", k::COMPOSER__TO),
                            Field::Cc => ("cc", k::COMPOSER__CC),
                            Field::Bcc => ("bcc", k::COMPOSER__BCC),
                        };
                        let s = session;
                        view! {
                            <RecipientField
                                id=format!("{field_base}-{suffix}")
                                label=t(label)
                                list=list_id.clone()
                                value=Signal::derive(move || draft.with(|d| joined(field.of(d))))
                                error=field_error(field)
                                on_input=Callback::new(move |v: String| {
                                    typing.set(v.clone());
                                    s.edit(|d| *field.of_mut(d) = typed(v));
                                })
                                on_blur=flush(session)
                            />
                        }
                    })
                    .collect_view()}
            </Show>
            <FromControl
                id=id.clone()
                options=options.into()
                resolved=resolved.into()
                current=Signal::derive(move || draft.with(|d| d.from.clone()))
                teams=teams.into()
                collapsed=Signal::derive(move || !expanded.get())
                on_choose=Callback::new({
                    let s = session;
                    move |choice: FromChoice| {
                        s.edit(|d| d.from = DraftFrom::Deliberate(choice));
                        // A From choice is written at once, not after the debounce.
                        s.flush();
                    }
                })
            />
            {(!is_reply)
                .then(|| {
                    let subject_id = format!("{id}-subject");
                    let subject_error_id = format!("{id}-subject-error");
                    view! {
                        <div class="sb-field sb-composer__field">
                            <label class="sb-field__label" for=subject_id.clone()>{t(k::COMPOSER__SUBJECT)}</label>
                            <input
                                id=subject_id
                                class="sb-input"
                                type="text"
                                aria-invalid=move || subject_error.with(Option::is_some).to_string()
                                aria-describedby=subject_error_id.clone()
                                prop:value=move || draft.with(|d| d.subject.clone())
                                on:input={ let s = session; move |ev| { let v = event_target_value(&ev); subject_error.set(None); s.edit(|d| d.subject = v) } }
                                on:blur={ let s = session; move |_| s.flush() }
                            />
                            <p id=subject_error_id class="sb-field__error">{move || subject_error.get()}</p>
                        </div>
                    }
                })}
            <BodyEditor
                id=body_id
                body=Signal::derive(move || draft.with(|d| d.body_html.clone()))
                replaced=replaced.into()
                on_input=Callback::new({ let s = session; move |html: String| s.edit(|d| d.body_html = html) })
                on_blur=flush(session)
                on_send_keys=Callback::new(move |_| do_send())
            />
            // After the body in the tab order (formatting toolbar, body, Insert, attachments,
            // Send): Tab out of the body lands on a button, where shortcuts work again.
            <super::insert_menu::InsertMenu session conversation editor=format!("{id}-body") />
            <Attachments
                id=id.clone()
                attachments=Signal::derive(move || draft.with(|d| d.attachments.clone()))
                error=attach_error
                busy=attach_busy
                on_files
                on_remove
            />
            <footer class="sb-composer__footer">
                <p
                    role="status"
                    class="sb-composer__state"
                    class:sb-composer__state--failed=move || save_state.with(|s| matches!(s, SaveState::Failed(_)))
                >
                    {move || save_state.get().text()}
                </p>
                <DiscardButton
                    app
                    what=t(k::COMPOSER__THIS_DRAFT)
                    discard=move || { let f = discard; async move { let r = f().await; if r.is_ok() { after_discard(); } r } }
                    on_restored=on_restored.unwrap_or_else(|| Callback::new(|_| {}))
                />
                <p role="alert" class="sb-field__error">{move || send_error.get()}</p>
                <button
                    type="button"
                    class="sb-button sb-button--primary"
                    disabled=blocked
                    aria-describedby=from_error_id
                    title=move || resolved.get().err().map(|e| e.translated()).unwrap_or_default()
                    on:click=move |_| do_send()
                    data-shortcut="send"
                >
                    {move || if sending.pending().get() { t(k::COMPOSER__SENDING) } else { t(k::COMPOSER__SEND) }}
                </button>
            </footer>
        </section>
    }
}
