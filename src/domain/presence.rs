//! Presence between the tabs of one browser (SPEC §5 / issue 5 item 7: "reps viewing the same
//! conversation in other tabs appear as avatars; a typing indicator shows while one writes a
//! reply"). Each tab announces a [`Beat`] every [`HEARTBEAT_MS`]; a [`Roster`] keeps the last
//! beat of every other tab and answers who is viewing or typing in a conversation.
//!
//! Pure: the clock is a parameter, and sending or receiving beats is the shell's job
//! (`services::presence`). This module must not know about channels, timers or the DOM.

use super::ids::{ConversationId, UserId};
use super::model::Millis;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How often a tab says it is still there.
pub const HEARTBEAT_MS: Millis = 3_000;
/// A tab not heard from for this long is gone (closed without saying so, or frozen).
pub const EXPIRY_MS: Millis = 10_000;
/// A keystroke in the reply composer counts as typing for this long.
pub const TYPING_MS: Millis = 4_000;

/// What one tab tells the others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Beat {
    pub tab: String,
    pub user: UserId,
    /// The conversation open in that tab, if any.
    pub conversation: Option<ConversationId>,
    /// When that tab's rep last pressed a key in the reply composer of `conversation`.
    pub typed_at: Option<Millis>,
    pub kind: BeatKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BeatKind {
    /// "I am here" (first beat of a tab: others answer at once instead of at their next beat).
    Hello,
    Here,
    /// The tab is closing or leaving the conversation for good.
    Leave,
}

/// One rep seen in a conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Viewer {
    pub user: UserId,
    pub typing: bool,
}

/// The other tabs' last beats, with when each arrived.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roster {
    tabs: BTreeMap<String, (Beat, Millis)>,
}

impl Roster {
    /// Takes in a beat received at `now`. Returns whether the sender wants an answer now.
    pub fn receive(&mut self, beat: Beat, now: Millis) -> bool {
        match beat.kind {
            BeatKind::Leave => {
                self.tabs.remove(&beat.tab);
                false
            }
            BeatKind::Hello | BeatKind::Here => {
                let hello = beat.kind == BeatKind::Hello;
                self.tabs.insert(beat.tab.clone(), (beat, now));
                hello
            }
        }
    }

    /// Forgets tabs not heard from for [`EXPIRY_MS`].
    pub fn prune(&mut self, now: Millis) {
        self.tabs.retain(|_, (_, seen)| now - *seen <= EXPIRY_MS);
    }

    /// The reps other than `me` (and other than tab `my_tab`) viewing `conversation` at `now`,
    /// one entry per rep (typing if any of their tabs is), sorted by user id.
    pub fn viewers(
        &self,
        conversation: &ConversationId,
        my_tab: &str,
        me: Option<&UserId>,
        now: Millis,
    ) -> Vec<Viewer> {
        let mut by_user: BTreeMap<UserId, bool> = BTreeMap::new();
        for (tab, (beat, seen)) in &self.tabs {
            let fresh = now - *seen <= EXPIRY_MS;
            let here = beat.conversation.as_ref() == Some(conversation);
            if !fresh || !here || tab == my_tab || me == Some(&beat.user) {
                continue;
            }
            let typing = beat.typed_at.is_some_and(|at| now - at <= TYPING_MS);
            *by_user.entry(beat.user.clone()).or_default() |= typing;
        }
        by_user
            .into_iter()
            .map(|(user, typing)| Viewer { user, typing })
            .collect()
    }
}

/// The accessible name of a viewer's avatar.
pub fn viewer_label(full_name: &str, typing: bool) -> String {
    if typing {
        format!("{full_name} is typing a reply")
    } else {
        format!("{full_name} is viewing")
    }
}
