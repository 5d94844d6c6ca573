//! The **Reply** composer at the bottom of a thread. It loads the conversation itself (so a
//! refetch of the thread above never remounts it while the rep types) and shows the composer
//! only when the rep may reply (`domain::access::can(.., Action::Reply, ..)`); otherwise the
//! reason. A fresh reply is addressed to the latest received message's Reply-To when that
//! message is the customer's, else to the conversation's contact (`domain::reply_to`).

use super::compose_form::Composer;
use crate::domain::access::{can, Action, Resource};
use crate::domain::from::ComposerKind;
use crate::domain::reply_to::reply_recipients;
use crate::domain::{Area, ConversationId, DraftKey, DraftTarget, ReplyMode};
use crate::i18n::errors::Translated;
use crate::services::{queries, use_app};
use leptos::prelude::*;

#[component]
pub fn ReplyComposer(area: Area, id: ConversationId) -> impl IntoView {
    let app = use_app();
    let thread_id = id.clone();
    // The conversation, its contact and its latest received message only: the thread above
    // reads the messages.
    let thread = LocalResource::new(move || {
        app.data_rev.track();
        queries::reply_records(app, thread_id.clone())
    });
    let conversation =
        Memo::new(move |_| thread.get().and_then(|r| r.ok()).map(|r| r.conversation));
    // A fresh reply's To: the latest received message's Reply-To when it is the customer's,
    // else the contact (`domain::reply_to::reply_recipients`); read once, when it mounts. A
    // memo read untracked below: reading the resource itself there, even untracked, re-ran the
    // composer's mount on every refetch (each data change), which replaced a just-sent reply's
    // fresh composer and took the keyboard focus out of it.
    let prefill_to = Memo::new(move |_| {
        let records = thread.get()?.ok()?;
        let to = app.with_directory_untracked(|d| {
            reply_recipients(
                records.contact.as_ref().map(|c| &c.email),
                records.last_received.as_ref(),
                &d.channels,
            )
        })?;
        let to: Vec<String> = to.iter().map(ToString::to_string).collect();
        (!to.is_empty()).then(|| to.join(", "))
    });
    // None while loading; Some(Err(reason)) when the rep may not reply.
    let decision = Memo::new(move |_| {
        let conv = conversation.get()?;
        let user = app.user()?;
        // None until the whole directory is read (the thread's boundary waits for it).
        app.with_directory(|d| {
            let inbox = d.inboxes.iter().find(|i| i.id == conv.inbox);
            match inbox {
                Some(inbox) => can(
                    &user,
                    Action::Reply,
                    &Resource::Conversation {
                        inbox,
                        conversation: &conv,
                    },
                    &d.workspace,
                )
                .translated()
                .map_or(Ok(()), Err),
                None => Err(crate::i18n::web::t(crate::i18n::k::COMPOSER__NO_INBOX)),
            }
        })
    });
    let kind = move || match area {
        Area::HelpDesk => ComposerKind::HelpDesk,
        Area::Inbox => conversation
            .with_untracked(|c| c.as_ref().map(|c| ComposerKind::Inbox(c.inbox.clone())))
            .unwrap_or(ComposerKind::HelpDesk),
    };
    // A sent reply closes its draft session: a new composer (and draft) replaces it. When the
    // rep was working in the composer (Ctrl+Enter in the body, or Send, which is disabled while
    // sending and so drops the focus), the new composer's body takes the focus: the keyboard
    // stays where the rep was instead of falling back to the top of the page.
    let generation = RwSignal::new(0u32);
    let refocus = StoredValue::new(false);
    let on_sent = Callback::new(move |_| {
        refocus.set_value(focus_in_reply_or_lost());
        generation.update(|g| *g += 1)
    });
    // Discarded: a fresh composer; restored by Undo: remount so it reads the stored draft.
    let on_discarded = Callback::new(move |_| {
        refocus.set_value(false);
        generation.update(|g| *g += 1)
    });
    let on_restored = on_discarded;
    view! {
        {move || {
            generation.track();
            let user = app.user_id.get()?;
            match decision.get()? {
                Err(why) => Some(view! { <p class="sb-composer__denied" role="note">{why}</p> }.into_any()),
                Ok(()) => {
                    let key = DraftKey {
                        user,
                        target: DraftTarget::Conversation(id.clone()),
                        mode: ReplyMode::Reply,
                    };
                    let kind = kind();
                    let prefill = prefill_to.get_untracked();
                    let focus_body = refocus.get_value();
                    refocus.set_value(false);
                    Some(match prefill {
                        Some(to) => view! { <Composer kind key conversation=conversation prefill_to=to on_sent on_discarded on_restored focus_body /> }.into_any(),
                        None => view! { <Composer kind key conversation=conversation on_sent on_discarded on_restored focus_body /> }.into_any(),
                    })
                }
            }
        }}
    }
}

/// Whether the focus is in a reply composer, or nowhere (on the page itself).
fn focus_in_reply_or_lost() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    match document.active_element() {
        None => true,
        Some(el) => {
            document.body().is_some_and(|b| el.is_same_node(Some(&b)))
                || el
                    .closest("[data-composer=\"reply\"]")
                    .ok()
                    .flatten()
                    .is_some()
        }
    }
}
