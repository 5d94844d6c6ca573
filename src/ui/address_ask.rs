//! The state of the **Insert link** / **Insert image** dialog
//! ([`super::address_dialog::AddressDialog`]): what it asks for, its two fields, the refusal
//! shown and the answer it closes with. An editor opens it through [`AddressAsk`].

use crate::domain::editor_address::AddressRefusal;
use leptos::prelude::*;

/// What the dialog asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Asking {
    Link,
    EditLink,
    Image,
}

/// What the dialog answered; its address was accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Link { address: String, text: String },
    Image { src: String, alt: String },
    RemoveLink,
}

/// The dialog's state: the editor opens it with [`AddressAsk::link`] or
/// [`AddressAsk::image`] and hands it to [`super::address_dialog::AddressDialog`].
#[derive(Clone, Copy)]
pub struct AddressAsk {
    pub(super) open: RwSignal<bool>,
    pub(super) asking: RwSignal<Asking>,
    pub(super) address: RwSignal<String>,
    pub(super) text: RwSignal<String>,
    pub(super) refusal: RwSignal<Option<AddressRefusal>>,
    pub(super) answer: StoredValue<Option<Answer>>,
}

impl AddressAsk {
    pub fn new() -> Self {
        Self {
            open: RwSignal::new(false),
            asking: RwSignal::new(Asking::Link),
            address: RwSignal::new(String::new()),
            text: RwSignal::new(String::new()),
            refusal: RwSignal::new(None),
            answer: StoredValue::new(None),
        }
    }

    /// Opens **Insert link** with the selected text, or **Edit link** (with **Remove link**)
    /// when `existing` is the address of the link the caret is in.
    pub fn link(&self, existing: Option<String>, text: String) {
        let asking = if existing.is_some() {
            Asking::EditLink
        } else {
            Asking::Link
        };
        self.show(asking, existing.unwrap_or_default(), text);
    }

    /// Opens **Insert image**.
    pub fn image(&self) {
        self.show(Asking::Image, String::new(), String::new());
    }

    fn show(&self, asking: Asking, address: String, text: String) {
        self.asking.set(asking);
        self.address.set(address);
        self.text.set(text);
        self.refusal.set(None);
        self.answer.set_value(None);
        self.open.set(true);
    }
}

impl Default for AddressAsk {
    fn default() -> Self {
        Self::new()
    }
}
