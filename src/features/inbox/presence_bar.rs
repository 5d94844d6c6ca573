//! The other reps on this conversation (issue 5 item 7): one avatar per rep viewing it in
//! another tab of this browser, named "<Full name> is viewing" or "<Full name> is typing a
//! reply", in a polite live region so a screen reader hears who arrives and who types.
//!
//! Announces this tab's presence through `services::presence` while mounted; never talks to
//! the channel itself and stores nothing.

use crate::domain::ConversationId;
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::{presence, use_app};
use crate::ui::Avatar;
use leptos::prelude::*;

#[component]
pub fn PresenceBar(conversation: ConversationId) -> impl IntoView {
    let app = use_app();
    // Bumped by the presence service whenever a beat arrives or a second passes.
    let version = RwSignal::new(0u64);
    let listener = presence::subscribe(move || {
        version.try_update(|v| *v += 1);
    });
    // Effect: announces this tab (as its current rep) to the other tabs; writes no signal.
    let here = conversation.clone();
    Effect::new(move |_| presence::enter(app.user_id.get(), here.clone()));
    let gone = conversation.clone();
    on_cleanup(move || {
        presence::unsubscribe(listener);
        presence::leave(&gone);
    });
    let viewers = Memo::new(move |_| {
        version.track();
        app.user_id.track();
        let list = presence::viewers(&conversation);
        app.summary.with(|d| {
            list.into_iter()
                .map(|viewer| {
                    let name = d
                        .users
                        .iter()
                        .find(|u| u.id == viewer.user)
                        .map(|u| u.full_name())
                        .unwrap_or_else(|| viewer.user.to_string());
                    (name, viewer.typing)
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="sb-presence" role="status" aria-live="polite" aria-label=t(k::PRESENCE__LABEL)>
            <For
                each=move || viewers.get()
                key=|(name, typing)| (name.clone(), *typing)
                children=|(name, typing)| {
                    view! {
                        <span class="sb-presence__rep" class:sb-presence__rep--typing=typing>
                            <Avatar name=if typing {
                                tf(k::PRESENCE__TYPING_REPLY, &[("name", &name)])
                            } else {
                                tf(k::PRESENCE__VIEWING, &[("name", &name)])
                            } small=true />
                            {typing.then(|| view! { <span class="sb-presence__typing" aria-hidden="true">{t(k::PRESENCE__TYPING)}</span> })}
                        </span>
                    }
                }
            />
        </div>
    }
}
