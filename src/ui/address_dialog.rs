//! The **Insert link** / **Insert image** dialog of the rich editors (the composer's message
//! body and [`super::rich_editor::RichEditor`] for signatures and templates), in place of the
//! browser's unstyled, untranslated, page-blocking `window.prompt`.
//!
//! A native modal `<dialog>` (`ui::dialog::modal_node`): focus stays inside, Escape cancels.
//! **Link address** (required) and **Text to display**, or **Image address** and
//! **Alternative text**; Enter (or Ctrl/Cmd+Enter) in a field submits. A refused address
//! (`domain::editor_address`) is said under the field and keeps the dialog open; an accepted
//! one closes it, and the editor hears the [`Answer`] from `on_close` once the dialog is
//! gone, so it can put its focus and selection back (`ui::editor_selection`) and insert.
//!
//! It inserts nothing itself and knows no editor.

pub use super::address_ask::{AddressAsk, Answer};

use super::address_ask::Asking;
use crate::domain::editor_address::{
    image_address, link_address, link_text, AddressRefusal, ImageRule,
};
use crate::i18n::{k, web::t};
use crate::ui::dialog::{modal_node, MountWhenOpened};
use leptos::html::Input;
use leptos::prelude::*;

/// The refusal as said under the address field.
fn refusal_text(refusal: AddressRefusal) -> String {
    t(match refusal {
        AddressRefusal::Missing => k::EDITOR__ADDRESS_MISSING,
        AddressRefusal::NotALink => k::EDITOR__LINK_INVALID,
        AddressRefusal::NotAnImage(ImageRule::Web) => k::COMPOSER__IMAGE_REFUSED,
        AddressRefusal::NotAnImage(ImageRule::Signature) => k::SIGNATURE__IMAGE_INVALID,
    })
}

/// The dialog; builds nothing until first asked. `id` prefixes its element ids (unique in
/// the page); `on_close` hears the answer, `None` for **Cancel** or Escape.
#[component]
pub fn AddressDialog(
    ask: AddressAsk,
    #[prop(into)] id: String,
    images: ImageRule,
    on_close: Callback<Option<Answer>>,
) -> impl IntoView {
    view! {
        <MountWhenOpened open=ask.open>
            {form(ask, &id, images, on_close)}
        </MountWhenOpened>
    }
}

/// The dialog element, built on first open.
fn form(
    ask: AddressAsk,
    id: &str,
    images: ImageRule,
    on_close: Callback<Option<Answer>>,
) -> impl IntoView {
    let node = modal_node(ask.open);
    let address_input = NodeRef::<Input>::new();
    let [title_id, address_id, error_id, text_id] =
        ["title", "address", "address-error", "text"].map(|part| format!("{id}-{part}"));
    let labelled_by = title_id.clone();
    let asking = move || ask.asking.get();
    let close = move |answer: Option<Answer>| {
        ask.answer.set_value(answer);
        // Closed here, not through `open`: the `close` event below then reports the answer
        // after the browser has put its focus back, so the editor's own focus wins.
        if let Some(dialog) = node.get_untracked() {
            dialog.close();
        }
    };
    let submit = move || {
        let (address, text) = (ask.address.get_untracked(), ask.text.get_untracked());
        let answer = match ask.asking.get_untracked() {
            Asking::Image => image_address(images, &address).map(|src| Answer::Image {
                src,
                alt: text.trim().to_owned(),
            }),
            Asking::Link | Asking::EditLink => link_address(&address).map(|address| Answer::Link {
                text: link_text(&text, &address),
                address,
            }),
        };
        match answer {
            Ok(answer) => {
                ask.refusal.set(None);
                close(Some(answer));
            }
            Err(refusal) => {
                ask.refusal.set(Some(refusal));
                if let Some(input) = address_input.get_untracked() {
                    let _ = input.focus();
                }
            }
        }
    };
    let title = move || {
        t(match asking() {
            Asking::Link => k::EDITOR__INSERT_LINK,
            Asking::EditLink => k::EDITOR__EDIT_LINK,
            Asking::Image => k::EDITOR__INSERT_IMAGE,
        })
    };
    let confirm = move || {
        t(match asking() {
            Asking::Link => k::EDITOR__INSERT_LINK,
            Asking::EditLink => k::EDITOR__SAVE_LINK,
            Asking::Image => k::EDITOR__INSERT_IMAGE,
        })
    };
    let is_image = move || asking() == Asking::Image;
    view! {
        <dialog
            node_ref=node
            class="sb-dialog sb-address-dialog"
            aria-labelledby=labelled_by
            on:close=move |_| {
                ask.open.set(false);
                on_close.run(ask.answer.try_update_value(Option::take).flatten());
            }
            // A listener on the dialog itself (events are not delegated), so it runs before the
            // window's shortcut layer: Ctrl/Cmd+Enter here submits this dialog, never the
            // message around it (the layer skips a prevented key).
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
                    ev.prevent_default();
                    submit();
                }
            }
        >
            <form novalidate on:submit=move |ev| {
                ev.prevent_default();
                submit();
            }>
                <h2 id=title_id class="sb-dialog__title">{title}</h2>
                <div class="sb-field">
                    <label class="sb-field__label" for=address_id.clone()>
                        {move || t(if is_image() { k::EDITOR__IMAGE_ADDRESS } else { k::EDITOR__LINK_ADDRESS })}
                    </label>
                    <input
                        node_ref=address_input
                        id=address_id
                        class="sb-input"
                        type="url"
                        autofocus
                        placeholder="https://"
                        aria-required="true"
                        aria-invalid=move || ask.refusal.with(Option::is_some).to_string()
                        aria-describedby=error_id.clone()
                        prop:value=move || ask.address.get()
                        on:input=move |ev| ask.address.set(event_target_value(&ev))
                    />
                    <p id=error_id class="sb-field__error" role="alert">
                        {move || ask.refusal.get().map(refusal_text)}
                    </p>
                </div>
                <div class="sb-field">
                    <label class="sb-field__label" for=text_id.clone()>
                        {move || t(if is_image() { k::EDITOR__IMAGE_ALT } else { k::EDITOR__LINK_TEXT })}
                    </label>
                    <input
                        id=text_id
                        class="sb-input"
                        type="text"
                        prop:value=move || ask.text.get()
                        on:input=move |ev| ask.text.set(event_target_value(&ev))
                    />
                </div>
                <div class="sb-dialog__actions">
                    {move || (asking() == Asking::EditLink).then(|| view! {
                        <button type="button" class="sb-button" on:click=move |_| close(Some(Answer::RemoveLink))>
                            {t(k::EDITOR__REMOVE_LINK)}
                        </button>
                    })}
                    <button type="button" class="sb-button" on:click=move |_| close(None)>
                        {t(k::COMMON__CANCEL)}
                    </button>
                    <button type="submit" class="sb-button sb-button--primary">{confirm}</button>
                </div>
            </form>
        </dialog>
    }
}
