//! An editor's side of the **Insert link** / **Insert image** dialog
//! ([`super::address_dialog`]): what the editor knew when the dialog opened (its selection,
//! the link the caret was in, the selected text) and what it does once the dialog has closed
//! (selection and focus back, then the link or image inserted, changed or removed).
//!
//! Shared by the composer's message body and `RichEditor`; each passes its own way of
//! inserting markup (the rich editor parks remote images first) and then runs its own input
//! path, exactly as for a typed change.

use super::address_dialog::{AddressAsk, Answer};
use super::editor_selection::SavedSelection;
use super::rich_editor_input::exec;
use crate::domain::editor_address::{image_html, link_html};
use leptos::prelude::*;
use web_sys::{HtmlAnchorElement, HtmlElement};

/// What the editor knew when the dialog opened.
#[derive(Clone, Default)]
struct Opened {
    selection: SavedSelection,
    /// The link the caret was in (edited or removed in place).
    link: Option<HtmlAnchorElement>,
    /// The text shown in **Text to display** at first.
    text: String,
}

/// The dialog of one editor and what it opened on.
#[derive(Clone, Copy)]
pub struct EditorInsert {
    pub ask: AddressAsk,
    opened: StoredValue<Opened, LocalStorage>,
}

impl EditorInsert {
    pub fn new() -> Self {
        Self {
            ask: AddressAsk::new(),
            opened: StoredValue::new_local(Opened::default()),
        }
    }

    /// **Link** (or Ctrl/Cmd+K): edits the link the caret is in, else links the selection.
    pub fn open_link(&self, editor: &HtmlElement) {
        let selection = SavedSelection::of(editor);
        let link = selection.link(editor);
        let (address, text) = match &link {
            Some(link) => (
                Some(link.get_attribute("href").unwrap_or_default()),
                link.text_content().unwrap_or_default(),
            ),
            None => (None, selection.text()),
        };
        self.opened.set_value(Opened {
            selection,
            link,
            text: text.clone(),
        });
        self.ask.link(address, text);
    }

    /// **Image**: inserts at the caret.
    pub fn open_image(&self, editor: &HtmlElement) {
        self.opened.set_value(Opened {
            selection: SavedSelection::of(editor),
            ..Opened::default()
        });
        self.ask.image();
    }

    /// After the dialog closed: focus and selection back in `editor`, then `answer` carried
    /// out, markup going in through `insert_html`. True when the content changed (the editor
    /// then runs its input path).
    pub fn finish(
        &self,
        editor: &HtmlElement,
        answer: Option<Answer>,
        insert_html: fn(&str),
    ) -> bool {
        let Opened {
            selection,
            link,
            text,
        } = self.opened.get_value();
        self.opened.set_value(Opened::default());
        // The body may have been replaced meanwhile (another tab's edit merged in).
        let link = link.filter(|link| SavedSelection::holds(editor, link));
        selection.restore(editor);
        let Some(answer) = answer else {
            return false;
        };
        match (answer, link) {
            (Answer::RemoveLink, Some(link)) => {
                SavedSelection::select_contents(editor, &link);
                exec("unlink", "");
            }
            (Answer::RemoveLink, None) => return false,
            (
                Answer::Link {
                    address,
                    text: shown,
                },
                Some(link),
            ) => {
                let _ = link.set_attribute("href", &address);
                if shown != text.trim() {
                    link.set_text_content(Some(&shown));
                }
            }
            // The selection kept its text: link it as it is (formatting and all).
            (
                Answer::Link {
                    address,
                    text: shown,
                },
                None,
            ) if !text.trim().is_empty() && shown == text.trim() => {
                exec("createLink", &address);
            }
            (
                Answer::Link {
                    address,
                    text: shown,
                },
                None,
            ) => insert_html(&link_html(&address, &shown)),
            (Answer::Image { src, alt }, _) => insert_html(&image_html(&src, &alt)),
        }
        true
    }
}

impl Default for EditorInsert {
    fn default() -> Self {
        Self::new()
    }
}
