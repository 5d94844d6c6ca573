//! The keyboard of a menu button (WAI-ARIA menu button pattern), one copy for every menu of
//! the app (**Insert**, **Insert token**, **More**, **Actions**): opening the menu puts the
//! focus on its first item; ArrowDown / ArrowUp move between the items (wrapping), Home / End
//! go to the first / last; Escape closes only the menu (it never reaches a dialog around it,
//! whose cancel would throw away what the rep typed there) and gives the focus back to the
//! button. The caller renders the button (with [`MenuKeys::button`] as its `node_ref`) and the
//! list (with the id given here), and puts [`MenuKeys::on_keydown`] on an element that holds
//! both.

use leptos::html::Button;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct MenuKeys {
    pub open: RwSignal<bool>,
    /// The menu button.
    pub button: NodeRef<Button>,
    /// The id of the element holding the items (`role="menuitem"`).
    list: StoredValue<String>,
}

impl MenuKeys {
    pub fn new(open: RwSignal<bool>, list_id: impl Into<String>) -> MenuKeys {
        MenuKeys {
            open,
            button: NodeRef::new(),
            list: StoredValue::new(list_id.into()),
        }
    }

    /// Opens or closes the menu (the button's click); opening focuses the first item once the
    /// menu is shown.
    pub fn toggle(&self) {
        let opening = !self.open.get_untracked();
        self.open.set(opening);
        if opening {
            let keys = *self;
            request_animation_frame(move || keys.focus_item(|_| 0));
        }
    }

    fn items(&self) -> Vec<web_sys::HtmlElement> {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| self.list.with_value(|id| d.get_element_by_id(id)))
            .map_or_else(Vec::new, |list| {
                super::focus::items(&list, "[role=menuitem]")
            })
    }

    /// Focuses the item `pick` chooses from the number of items.
    fn focus_item(&self, pick: impl FnOnce(usize) -> usize) {
        let items = self.items();
        if items.is_empty() {
            return;
        }
        let _ = items[pick(items.len()).min(items.len() - 1)].focus();
    }

    pub fn on_keydown(&self, ev: leptos::ev::KeyboardEvent) {
        if !self.open.get_untracked() {
            return;
        }
        let items = self.items();
        let at = super::focus::focused(&items);
        let target = match (ev.key().as_str(), at) {
            ("Escape", _) => {
                ev.prevent_default();
                ev.stop_propagation();
                self.open.set(false);
                if let Some(button) = self.button.get_untracked() {
                    let _ = button.focus();
                }
                return;
            }
            ("ArrowDown", Some(i)) => (i + 1) % items.len(),
            ("ArrowUp", Some(i)) => (i + items.len() - 1) % items.len(),
            ("ArrowDown" | "Home", _) => 0,
            ("ArrowUp" | "End", _) => items.len().saturating_sub(1),
            _ => return,
        };
        if let Some(item) = items.get(target) {
            ev.prevent_default();
            let _ = item.focus();
        }
    }
}
