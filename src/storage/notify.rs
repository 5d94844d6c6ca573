//! Multi-tab notifications over a `BroadcastChannel`: a tab that committed a write says which
//! store and key changed, other tabs re-read from IndexedDB. The message never carries the
//! data itself (IndexedDB stays the source of truth), and this module never touches IndexedDB.

use super::error::StorageError;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

/// The channel every Switchboard tab listens on.
pub const CHANNEL_NAME: &str = "switchboard";

/// "This key of this store changed", sent after the write committed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// Object store name (see `storage::schema`).
    pub store: String,
    /// The changed record's key; `None` when many records changed (e.g. a batch or a reset).
    pub key: Option<String>,
    /// Id of the tab that wrote it, so a tab can recognise its own echoes.
    pub tab: String,
}

impl Change {
    pub fn new(store: impl Into<String>, key: Option<String>, tab: impl Into<String>) -> Self {
        Self {
            store: store.into(),
            key,
            tab: tab.into(),
        }
    }
}

type Listener = Closure<dyn FnMut(MessageEvent)>;

struct Inner {
    channel: BroadcastChannel,
    listeners: RefCell<Vec<Listener>>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        for listener in self.listeners.borrow().iter() {
            let _ = self
                .channel
                .remove_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
        }
        self.channel.close();
    }
}

/// Sends and receives `Change`s. Cheap to clone; the channel closes with the last clone.
#[derive(Clone)]
pub struct Notifier {
    inner: Rc<Inner>,
}

impl Notifier {
    /// Joins the app's channel, `"switchboard"`.
    pub fn new() -> Result<Notifier, StorageError> {
        Self::with_channel(CHANNEL_NAME)
    }

    /// Joins a named channel (tests use their own so they never hear each other).
    pub fn with_channel(name: &str) -> Result<Notifier, StorageError> {
        let channel = BroadcastChannel::new(name).map_err(|e| {
            StorageError::Unavailable(format!("cannot open the tab channel: {e:?}"))
        })?;
        Ok(Notifier {
            inner: Rc::new(Inner {
                channel,
                listeners: RefCell::new(Vec::new()),
            }),
        })
    }

    /// Tells the other tabs (never this `Notifier` itself) that `change` happened.
    pub fn notify(&self, change: &Change) {
        // A Change is three strings: serialising it cannot fail, and posting a string on a
        // channel this Notifier keeps open cannot fail either, so there is no error to report.
        let Ok(json) = serde_json::to_string(change) else {
            return;
        };
        let _ = self.inner.channel.post_message(&json.into());
    }

    /// Calls `f` for every `Change` another tab (or another `Notifier` of this tab) sends.
    pub fn subscribe(&self, f: impl Fn(Change) + 'static) {
        let listener: Listener = Closure::new(move |event: MessageEvent| {
            // A message this version cannot read (from another app version) is skipped: the
            // tab then only misses a refresh hint, never data.
            if let Some(change) = event
                .data()
                .as_string()
                .and_then(|json| serde_json::from_str::<Change>(&json).ok())
            {
                f(change);
            }
        });
        let _ = self
            .inner
            .channel
            .add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
        self.inner.listeners.borrow_mut().push(listener);
    }
}
