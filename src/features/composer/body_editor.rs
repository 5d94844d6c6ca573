//! The message body: a contenteditable area labelled **Message** with **Bold**, **Italic**,
//! **Underline**, **Link** (also Ctrl/Cmd+K) and **Image** buttons; links and images are asked
//! for in the shared **Insert link** / **Insert image** dialog (`ui::address_dialog`, web
//! images only). Its HTML goes to the draft on every input, the dialog's changes included; a
//! body restored from storage (or merged from another tab) is sanitised before it is put back
//! into the DOM.
//!
//! Must not store anything itself (the draft session does).

use crate::domain::body_html::sanitize_body;
use crate::domain::editor_address::ImageRule;
use crate::i18n::{k, web::t};
use crate::ui::address_dialog::AddressDialog;
use crate::ui::editor_insert::EditorInsert;
use crate::ui::rich_editor_input::exec;
use leptos::html::Div;
use leptos::prelude::*;

#[component]
pub fn BodyEditor(
    #[prop(into)] id: String,
    /// The body in the draft.
    body: Signal<String>,
    /// Bumped when the body was replaced from storage.
    replaced: Signal<u64>,
    on_input: Callback<String>,
    on_blur: Callback<()>,
    /// Ctrl/Cmd+Enter.
    on_send_keys: Callback<()>,
) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    // Effect: pushes a body that came from storage out to the DOM (never writes a signal).
    Effect::new(move |_| {
        replaced.track();
        let Some(el) = node.get() else { return };
        let wanted = sanitize_body(&body.get_untracked());
        if el.inner_html() != wanted {
            el.set_inner_html(&wanted);
        }
    });
    let read = move || {
        if let Some(el) = node.get_untracked() {
            on_input.run(el.inner_html());
        }
    };
    let command = move |cmd: &'static str| {
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            exec(cmd, "");
            read();
        }
    };
    // Links and images (SPEC §5 "style, link, image") through the shared dialog; what it
    // changes goes to the draft by the same path as typing.
    let insert = EditorInsert::new();
    let open_link = move || {
        if let Some(el) = node.get_untracked() {
            insert.open_link(&el);
        }
    };
    let on_close = Callback::new(move |answer| {
        let Some(el) = node.get_untracked() else {
            return;
        };
        if insert.finish(&el, answer, |html| exec("insertHTML", html)) {
            read();
        }
    });
    let toolbar_label = format!("{id}-toolbar");
    let dialog_id = format!("{id}-insert");
    view! {
        <div class="sb-editor">
            <div class="sb-editor__toolbar" role="toolbar" aria-label=t(k::COMPOSER__FORMATTING) id=toolbar_label>
                // mousedown keeps the selection in the editor while the button is pressed.
                <button type="button" class="sb-button" on:mousedown=|ev| ev.prevent_default() on:click=command("bold")>
                    {t(k::COMPOSER__BOLD)}
                </button>
                <button type="button" class="sb-button" on:mousedown=|ev| ev.prevent_default() on:click=command("italic")>
                    {t(k::COMPOSER__ITALIC)}
                </button>
                <button type="button" class="sb-button" on:mousedown=|ev| ev.prevent_default() on:click=command("underline")>
                    {t(k::COMPOSER__UNDERLINE)}
                </button>
                <button
                    type="button"
                    class="sb-button"
                    aria-haspopup="dialog"
                    aria-keyshortcuts="Control+K Meta+K"
                    on:mousedown=|ev| ev.prevent_default()
                    on:click=move |_| open_link()
                >
                    {t(k::COMPOSER__LINK)}
                </button>
                <button
                    type="button"
                    class="sb-button"
                    aria-haspopup="dialog"
                    on:mousedown=|ev| ev.prevent_default()
                    on:click=move |_| {
                        if let Some(el) = node.get_untracked() {
                            insert.open_image(&el);
                        }
                    }
                >
                    {t(k::COMPOSER__IMAGE)}
                </button>
            </div>
            <div
                node_ref=node
                id=id
                class="sb-editor__body"
                contenteditable="true"
                role="textbox"
                aria-multiline="true"
                aria-label=t(k::COMPOSER__MESSAGE)
                on:input=move |_| read()
                on:blur=move |_| {
                    // A focused editor blurs while it is removed (the composer closing after a
                    // Ctrl+Enter send); its callback is gone by then, so try_run.
                    on_blur.try_run(());
                }
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    let command = ev.ctrl_key() || ev.meta_key();
                    if command && ev.key() == "Enter" {
                        ev.prevent_default();
                        on_send_keys.run(());
                    } else if command && !ev.alt_key() && ev.key().eq_ignore_ascii_case("k") {
                        ev.prevent_default();
                        open_link();
                    }
                }
            ></div>
            <AddressDialog ask=insert.ask id=dialog_id images=ImageRule::Web on_close />
        </div>
    }
}
