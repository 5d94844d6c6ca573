//! The `?` cheat sheet: every shortcut with its keys, in a modal dialog that traps and
//! returns focus (native `<dialog>`).

use crate::domain::keyboard::{cheat_sheet, Shortcut};
use crate::i18n::k;
use crate::i18n::web::{t, tf};
use crate::ui::dialog::modal_node;
use crate::ui::labels::view_key;
use leptos::prelude::*;

fn describe(shortcut: Shortcut) -> String {
    let key = match shortcut {
        Shortcut::NextConversation => k::SHORTCUTS__NEXT,
        Shortcut::PreviousConversation => k::SHORTCUTS__PREVIOUS,
        Shortcut::OpenConversation => k::SHORTCUTS__OPEN,
        Shortcut::Reply => k::SHORTCUTS__REPLY,
        Shortcut::Compose => k::SHORTCUTS__COMPOSE,
        Shortcut::CloseConversation => k::SHORTCUTS__CLOSE_CONVERSATION,
        Shortcut::AssignToMe => k::SHORTCUTS__ASSIGN_TO_ME,
        Shortcut::Send => k::SHORTCUTS__SEND,
        Shortcut::ShowHelp => k::SHORTCUTS__HELP,
        Shortcut::GoTo(view) => {
            return tf(k::SHORTCUTS__GO_TO, &[("view", &t(view_key(view)))]);
        }
    };
    t(key)
}

#[component]
pub fn CheatSheet(open: RwSignal<bool>) -> impl IntoView {
    let node = modal_node(open);
    view! {
        <dialog
            node_ref=node
            class="sb-dialog sb-shortcuts"
            aria-labelledby="sb-shortcuts-title"
            on:close=move |_| open.set(false)
        >
            <h2 id="sb-shortcuts-title" class="sb-dialog__title">{t(k::SHORTCUTS__TITLE)}</h2>
            <p>{t(k::SHORTCUTS__INTRO)}</p>
            <dl class="sb-shortcuts__list">
                {cheat_sheet()
                    .into_iter()
                    .map(|(keys, shortcut)| {
                        view! {
                            <dt>
                                {keys
                                    .split(' ')
                                    .map(|k| view! { <kbd>{k.to_string()}</kbd> })
                                    .collect_view()}
                            </dt>
                            <dd>{describe(shortcut)}</dd>
                        }
                    })
                    .collect_view()}
            </dl>
            <div class="sb-dialog__actions">
                <button class="sb-button" on:click=move |_| open.set(false)>
                    {t(k::SHORTCUTS__CLOSE)}
                </button>
            </div>
        </dialog>
    }
}
