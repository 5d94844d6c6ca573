//! The one rich-text editor of user-written HTML (team signatures, template and snippet
//! bodies): a formatting toolbar (**Bold**, **Italic**, **Underline**, **Link** (also
//! Ctrl/Cmd+K), optionally **Image**), an optional **HTML** mode (a source textarea) and
//! **Insert token**, over a contenteditable region. It edits one HTML signal. Links and images
//! are asked for in the shared **Insert link** / **Insert image** dialog
//! (`ui::address_dialog`, signature image rule).
//!
//! The editing region lives in the app's own DOM, so what is put into it is made inert and
//! has its remote images parked first (`ui::sandbox::editable_html`): a saved `onerror` never
//! runs and no image is fetched while an admin edits hostile HTML (the app's CSP allows remote
//! images for the mail frames). What flows back out is `domain::body_html::restore_remote_images`
//! of the region: sanitised, each image with its real address. It stores nothing.

use super::address_dialog::AddressDialog;
use super::editor_insert::EditorInsert;
use super::rich_editor_input::{self as input, exec, insert_html};
use crate::domain::body_html::restore_remote_images;
use crate::domain::editor_address::ImageRule;
use crate::i18n::{k, web::t, Key};
use crate::ui::sandbox::editable_html;
use leptos::html::{Div, Textarea};
use leptos::prelude::*;

#[component]
pub fn RichEditor(
    html: RwSignal<String>,
    /// Accessible name of the editing region.
    #[prop(into)]
    label: String,
    /// Accessible name of the formatting toolbar.
    #[prop(into)]
    toolbar_label: String,
    /// Id of the **Insert token** menu, unique in the page.
    #[prop(into)]
    menu_id: String,
    /// The **Insert token** entries: visible label and the token text.
    tokens: Vec<(String, &'static str)>,
    #[prop(into)] described_by: String,
    /// Id of the editing region (for a `<label for>` or an error link).
    #[prop(optional, into)]
    id: Option<String>,
    /// Marks the region invalid (`aria-invalid`) while a validation message is shown.
    #[prop(optional, into)]
    invalid: Option<Signal<bool>>,
    /// Adds the **Image** button.
    #[prop(optional)]
    with_image: bool,
    /// Adds the **HTML** mode: a textarea with this accessible name.
    #[prop(optional, into)]
    source_label: Option<String>,
) -> impl IntoView {
    let html_mode = RwSignal::new(false);
    let menu_open = RwSignal::new(false);
    let editor = NodeRef::<Div>::new();
    let source = NodeRef::<Textarea>::new();
    // The **Insert token** menu's keyboard (focus on open, arrows, Escape closes only the menu,
    // never the dialog around the editor, which would throw away unsaved edits).
    let menu_keys = crate::ui::menu::MenuKeys::new(menu_open, menu_id.clone());
    // Effect: pushes the HTML into the visual editor when it appears (mount, or leaving HTML
    // mode); typing then flows back through `sync`. Writes no signal.
    Effect::new(move |_| {
        if let Some(el) = editor.get() {
            el.set_inner_html(&editable_html(&html.get_untracked()));
        }
    });
    let sync = move || {
        if let Some(el) = editor.get_untracked() {
            html.set(restore_remote_images(&el.inner_html()));
        }
    };
    // Links and images through the shared dialog; a refused address is said in it, next to
    // the field (SPEC §8), and what it changes flows back through `sync` like typing.
    let dialog = EditorInsert::new();
    let dialog_id = format!("{menu_id}-insert");
    let on_close = Callback::new(move |answer| {
        let Some(el) = editor.get_untracked() else {
            return;
        };
        if dialog.finish(&el, answer, insert_html) {
            sync();
        }
    });
    let insert = move |token: &'static str| {
        menu_open.set(false);
        if html_mode.get_untracked() {
            if let Some(area) = source.get_untracked() {
                let _ = area.set_range_text(token);
                html.set(area.value());
            }
        } else if let Some(el) = editor.get_untracked() {
            let _ = el.focus();
            exec("insertText", token);
            sync();
        }
    };
    // Toolbar buttons keep the caret in the editor: a mouse press must not move focus.
    let keep_focus = |ev: leptos::ev::MouseEvent| ev.prevent_default();
    let tool = move |label: Key, run: Callback<()>| {
        view! {
            <button
                type="button"
                class="sb-button sb-tool"
                disabled=move || html_mode.get()
                title=move || html_mode.get().then(|| t(k::SIGNATURE__HTML_MODE_OFF))
                on:mousedown=keep_focus
                on:click=move |_| run.run(())
            >
                {t(label)}
            </button>
        }
    };
    let format = move |command: &'static str| {
        Callback::new(move |()| {
            exec(command, "");
            sync();
        })
    };
    let link = Callback::new(move |()| {
        if let Some(el) = editor.get_untracked() {
            dialog.open_link(&el);
        }
    });
    let image = Callback::new(move |()| {
        if let Some(el) = editor.get_untracked() {
            dialog.open_image(&el);
        }
    });
    let html_toggle = source_label.is_some().then(|| {
        view! {
            <button
                type="button"
                class="sb-button sb-tool"
                aria-pressed=move || html_mode.get().to_string()
                on:click=move |_| html_mode.update(|m| *m = !*m)
            >
                {t(k::SIGNATURE__HTML)}
            </button>
        }
    });
    let region = move || {
        view! {
            <div
                node_ref=editor
                id=id.clone()
                class="sb-sig__editor"
                contenteditable="true"
                role="textbox"
                aria-multiline="true"
                aria-label=label.clone()
                aria-describedby=described_by.clone()
                aria-invalid=move || invalid.map(|i| i.get().to_string())
                on:input=move |_| sync()
                on:paste=move |ev| if input::paste(&ev) { sync() }
                on:drop=move |ev| if input::drop(&ev) { sync() }
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if (ev.ctrl_key() || ev.meta_key()) && !ev.alt_key() && ev.key().eq_ignore_ascii_case("k") {
                        ev.prevent_default();
                        link.run(());
                    }
                }
            ></div>
        }
    };
    view! {
        <div class="sb-sig" on:keydown=move |ev| menu_keys.on_keydown(ev)>
            <div role="toolbar" aria-label=toolbar_label class="sb-sig__toolbar">
                {tool(k::SIGNATURE__BOLD, format("bold"))}
                {tool(k::SIGNATURE__ITALIC, format("italic"))}
                {tool(k::SIGNATURE__UNDERLINE, format("underline"))}
                {tool(k::SIGNATURE__LINK, link)}
                {with_image.then(|| tool(k::SIGNATURE__IMAGE, image))}
                {html_toggle}
                <div class="sb-menu">
                    <button
                        node_ref=menu_keys.button
                        type="button"
                        class="sb-button sb-tool"
                        aria-haspopup="menu"
                        aria-expanded=move || menu_open.get().to_string()
                        aria-controls=menu_id.clone()
                        on:mousedown=keep_focus
                        on:click=move |_| menu_keys.toggle()
                    >
                        {t(k::SIGNATURE__INSERT_TOKEN)}
                    </button>
                    <ul id=menu_id.clone() role="menu" aria-label=t(k::SIGNATURE__INSERT_TOKEN) class="sb-menu__list" hidden=move || !menu_open.get()>
                        {tokens
                            .into_iter()
                            .map(|(label, token)| view! {
                                <li role="none">
                                    <button type="button" role="menuitem" class="sb-menu__item" on:mousedown=keep_focus on:click=move |_| insert(token)>
                                        {label}
                                    </button>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </div>
            </div>
            <Show when=move || html_mode.get() fallback=region>
                <textarea
                    node_ref=source
                    class="sb-input sb-sig__source"
                    aria-label=source_label.clone()
                    rows="6"
                    prop:value=move || html.get()
                    on:input=move |ev| html.set(event_target_value(&ev))
                ></textarea>
            </Show>
            <AddressDialog ask=dialog.ask id=dialog_id images=ImageRule::Signature on_close />
        </div>
    }
}
