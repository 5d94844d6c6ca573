//! Presence between this browser's tabs (issue 5 item 7): which reps have a conversation open
//! and who is typing a reply. With no server, tabs talk over a `BroadcastChannel`
//! (`switchboard-presence`): every second the tab forgets silent tabs and tells its
//! listeners, every [`HEARTBEAT_MS`] it announces itself, at once when it opens a conversation,
//! when its rep types (at most once a second) and when it leaves (`pagehide`).
//!
//! Owns only this ephemeral state (nothing is stored: presence is not data). The rules of who
//! counts as viewing or typing are `domain::presence`; components call [`enter`], [`leave`],
//! [`typed`] and read [`viewers`].

use super::session::{now_millis, tab_id};
use crate::domain::presence::{Beat, BeatKind, Roster, Viewer, HEARTBEAT_MS};
use crate::domain::{ConversationId, Millis, UserId};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "switchboard-presence";
/// How often silent tabs are forgotten and typing indicators fade.
const TICK_MS: u32 = 1_000;
/// Keystrokes are announced at most this often.
const TYPING_ANNOUNCE_MS: Millis = 1_000;

type Listener = Rc<dyn Fn()>;

struct Hub {
    channel: BroadcastChannel,
    roster: Roster,
    tab: String,
    user: Option<UserId>,
    conversation: Option<ConversationId>,
    typed_at: Option<Millis>,
    last_beat: Millis,
    last_typing_beat: Millis,
    listeners: Vec<(u64, Listener)>,
    next_listener: u64,
}

thread_local! {
    static HUB: RefCell<Option<Hub>> = const { RefCell::new(None) };
}

impl Hub {
    fn beat(&mut self, kind: BeatKind) {
        let Some(user) = self.user.clone() else {
            return;
        };
        let beat = Beat {
            tab: self.tab.clone(),
            user,
            conversation: self.conversation.clone(),
            typed_at: self.typed_at,
            kind,
        };
        // A Beat is plain strings and numbers: it always serialises. Posting can only fail
        // on a closed channel, and this one stays open for the tab's life.
        if let Ok(json) = serde_json::to_string(&beat) {
            let _ = self.channel.post_message(&json.into());
        }
        self.last_beat = now_millis();
    }
}

/// Runs `f` on the hub, starting it on first use. `None` when the browser has no channel.
fn with_hub<R>(f: impl FnOnce(&mut Hub) -> R) -> Option<R> {
    HUB.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = start();
        }
        slot.as_mut().map(f)
    })
}

/// Calls every listener, outside the hub's borrow (they read [`viewers`]).
fn notify() {
    let listeners: Vec<Listener> = HUB.with(|cell| {
        cell.borrow()
            .as_ref()
            .map(|hub| hub.listeners.iter().map(|(_, l)| l.clone()).collect())
            .unwrap_or_default()
    });
    for listener in listeners {
        listener();
    }
}

fn start() -> Option<Hub> {
    let channel = BroadcastChannel::new(CHANNEL).ok()?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        // A message this version cannot read (another app version) is ignored.
        let Some(beat) = event
            .data()
            .as_string()
            .and_then(|json| serde_json::from_str::<Beat>(&json).ok())
        else {
            return;
        };
        let now = now_millis();
        HUB.with(|cell| {
            if let Some(hub) = cell.borrow_mut().as_mut() {
                if hub.roster.receive(beat, now) {
                    hub.beat(BeatKind::Here);
                }
            }
        });
        notify();
    });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The hub lives as long as the tab, so its callbacks do too.
    on_message.forget();
    gloo_timers::callback::Interval::new(TICK_MS, || {
        let now = now_millis();
        HUB.with(|cell| {
            if let Some(hub) = cell.borrow_mut().as_mut() {
                hub.roster.prune(now);
                if hub.conversation.is_some() && now - hub.last_beat >= HEARTBEAT_MS {
                    hub.beat(BeatKind::Here);
                }
            }
        });
        notify();
    })
    .forget();
    if let Some(window) = web_sys::window() {
        let on_pagehide = Closure::<dyn FnMut()>::new(|| {
            HUB.with(|cell| {
                if let Some(hub) = cell.borrow_mut().as_mut() {
                    hub.beat(BeatKind::Leave);
                }
            });
        });
        let _ = window
            .add_event_listener_with_callback("pagehide", on_pagehide.as_ref().unchecked_ref());
        on_pagehide.forget();
    }
    Some(Hub {
        channel,
        roster: Roster::default(),
        tab: tab_id(),
        user: None,
        conversation: None,
        typed_at: None,
        last_beat: 0,
        last_typing_beat: 0,
        listeners: Vec::new(),
        next_listener: 0,
    })
}

/// This tab's rep (`user`) has `conversation` open: tell the other tabs now.
pub fn enter(user: Option<UserId>, conversation: ConversationId) {
    with_hub(|hub| {
        if hub.conversation.as_ref() != Some(&conversation) {
            hub.typed_at = None;
        }
        hub.user = user;
        hub.conversation = Some(conversation);
        hub.beat(BeatKind::Hello);
    });
}

/// This tab no longer shows `conversation` (a newer one may already be open: then nothing).
pub fn leave(conversation: &ConversationId) {
    with_hub(|hub| {
        if hub.conversation.as_ref() == Some(conversation) {
            hub.beat(BeatKind::Leave);
            hub.conversation = None;
            hub.typed_at = None;
        }
    });
}

/// A key was pressed in the reply composer of `conversation`.
pub fn typed(conversation: &ConversationId) {
    let now = now_millis();
    with_hub(|hub| {
        if hub.conversation.as_ref() != Some(conversation) {
            return;
        }
        hub.typed_at = Some(now);
        if now - hub.last_typing_beat >= TYPING_ANNOUNCE_MS {
            hub.last_typing_beat = now;
            hub.beat(BeatKind::Here);
        }
    });
}

/// The other reps viewing `conversation` now (not this tab, not this tab's rep).
pub fn viewers(conversation: &ConversationId) -> Vec<Viewer> {
    with_hub(|hub| {
        hub.roster
            .viewers(conversation, &hub.tab, hub.user.as_ref(), now_millis())
    })
    .unwrap_or_default()
}

/// Calls `f` whenever presence may have changed (a beat arrived, a second passed). Returns
/// the id to give to [`unsubscribe`].
pub fn subscribe(f: impl Fn() + 'static) -> u64 {
    with_hub(|hub| {
        hub.next_listener += 1;
        hub.listeners.push((hub.next_listener, Rc::new(f)));
        hub.next_listener
    })
    .unwrap_or(0)
}

pub fn unsubscribe(id: u64) {
    with_hub(|hub| hub.listeners.retain(|(x, _)| *x != id));
}
