//! The sync state of one open draft in one tab (SPEC §7): what is on screen, what was last
//! stored, which fields the rep edited and has not committed yet, and the write in flight.
//! The composer's shell drives it (timers, storage, the other tabs' notices); every decision
//! about which value a field shows or writes is taken here, by [`merge_edited`]:
//! - a field the rep edited in this tab and not yet committed always keeps what is on screen
//!   (a re-read from storage never replaces text typed between the read and its arrival);
//! - every other field follows storage, so this tab never writes a stale copy of a field the
//!   other tab edited, and its screen converges on what the other tab wrote;
//! - edits typed while a write is in flight stay pending and are written next; a failed write
//!   puts its edits back, so they are retried and never dropped;
//! - a re-read that arrives while a write is in flight is kept and applied after that write,
//!   when it is still newer.
//!
//! Pure: no storage, no timers, no clock (times are parameters). It must not decide the From
//! (the resolver does) or how often to write (the shell's debounce does).

use super::draft::Draft;
use super::draft_merge::{merge_edited, DraftField, Edits};
use super::model::Millis;

/// A write to make: put `draft` with compare-and-set on `base.revision`; on conflict merge
/// with `merge_edited(&base, &draft, edits, &stored)` and retry on top of `stored`.
/// Serialisable: the last write of a page that goes away is also kept where it survives the
/// page ([`rescued_edits`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Write {
    pub base: Draft,
    pub draft: Draft,
    pub edits: Edits,
}

/// The edits of a write rescued when its page went away (made on the next start) that still
/// apply on top of `stored`: all of them while storage holds nothing edited later than the
/// rescued draft (the write never landed, or it did and repeating it changes nothing); else
/// only the fields `stored` has not changed since the rescued write's base, so a field another
/// tab edited later keeps that later edit, and every other rescued field is still written.
pub fn rescued_edits(write: &Write, stored: Option<&Draft>) -> Edits {
    match stored {
        Some(stored) if stored.updated_at > write.draft.updated_at => {
            write.edits.without(Edits::between(&write.base, stored))
        }
        _ => write.edits,
    }
}

/// What a stored version read from storage did to this tab's copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    /// Not newer than what this tab already had: nothing changed.
    Ignored,
    /// A write is in flight: kept, and applied after the write when still newer.
    Deferred,
    /// Merged in; `body_changed` says whether the message body on screen changed (the rich
    /// text editor must then redraw it).
    Merged { body_changed: bool },
}

#[derive(Debug, Clone)]
struct Flight {
    snapshot: Draft,
    edits: Edits,
}

#[derive(Debug, Clone)]
pub struct DraftSync {
    /// The draft as last read from or written to storage (revision 0: none stored yet).
    base: Draft,
    /// The draft on screen.
    local: Draft,
    /// Fields edited since they were last handed to a write.
    edits: Edits,
    flight: Option<Flight>,
    /// The newest stored version read while a write was in flight.
    newer: Option<Draft>,
}

impl DraftSync {
    /// A new session: `base` is the empty, never-stored draft of the key (revision 0) and
    /// `initial` what the composer shows before anything is read (prefilled recipients).
    pub fn new(base: Draft, initial: Draft) -> DraftSync {
        DraftSync {
            base,
            local: initial,
            edits: Edits::NONE,
            flight: None,
            newer: None,
        }
    }

    /// The draft on screen.
    pub fn local(&self) -> &Draft {
        &self.local
    }

    /// The draft as last known stored.
    pub fn base(&self) -> &Draft {
        &self.base
    }

    /// Fields edited and not yet handed to a write.
    pub fn edits(&self) -> Edits {
        self.edits
    }

    pub fn saving(&self) -> bool {
        self.flight.is_some()
    }

    /// Whether anything typed here is not yet known to be stored.
    pub fn has_pending(&self) -> bool {
        !self.edits.is_empty() || self.flight.is_some()
    }

    /// The rep changed the draft on screen: every field `change` altered becomes an edit of
    /// this tab. Returns the fields it changed (none when the value was already there).
    pub fn edit(&mut self, now: Millis, change: impl FnOnce(&mut Draft)) -> Edits {
        let before = self.local.clone();
        change(&mut self.local);
        let changed = Edits::between(&before, &self.local);
        if !changed.is_empty() {
            self.local.updated_at = now;
            if changed.contains(DraftField::From) {
                self.local.from_chosen_at = now;
            }
            self.edits = self.edits.union(changed);
        }
        changed
    }

    /// Starts a write of the pending edits, or `None` when there is nothing to write or a
    /// write is already in flight (it is followed by the next one when it ends).
    pub fn begin_write(&mut self) -> Option<Write> {
        if self.flight.is_some() || self.edits.is_empty() {
            return None;
        }
        let edits = std::mem::take(&mut self.edits);
        self.flight = Some(Flight {
            snapshot: self.local.clone(),
            edits,
        });
        Some(Write {
            base: self.base.clone(),
            draft: self.local.clone(),
            edits,
        })
    }

    /// The last write before the page goes away (pagehide, hidden tab, composer unmounted):
    /// everything pending — the write in flight included, since the page may not live to see
    /// it end — on top of the last stored version. It changes no state: if the page lives on,
    /// the edits are written again (a harmless repeat, merged by compare-and-set).
    pub fn final_write(&self) -> Option<Write> {
        let edits = self
            .flight
            .as_ref()
            .map_or(self.edits, |f| f.edits.union(self.edits));
        if edits.is_empty() {
            return None;
        }
        let mut base = self.base.clone();
        if let Some(flight) = &self.flight {
            // The write in flight may have stored attachments removed since: they count as
            // removed here too (whether or not that write lands), without making anything
            // added here look as if it had been stored already.
            let removed_since = flight
                .snapshot
                .attachments
                .iter()
                .filter(|a| {
                    !self
                        .local
                        .attachments
                        .iter()
                        .any(|l| l.blob_key == a.blob_key)
                })
                .filter(|a| !base.attachments.iter().any(|b| b.blob_key == a.blob_key))
                .cloned()
                .collect::<Vec<_>>();
            base.attachments.extend(removed_since);
        }
        Some(Write {
            base,
            draft: self.local.clone(),
            edits,
        })
    }

    /// The write in flight was stored as `saved`. Fields edited meanwhile stay as typed; the
    /// others show what was stored (the other tab's edits merged in by the write). Returns
    /// whether the body on screen changed.
    pub fn write_done(&mut self, saved: Draft) -> bool {
        let snapshot = self
            .flight
            .take()
            .map_or_else(|| self.local.clone(), |f| f.snapshot);
        let body_before = self.local.body_html.clone();
        if saved.revision > self.base.revision {
            self.local = merge_edited(&snapshot, &self.local, self.edits, &saved);
            self.base = saved;
        }
        let deferred = self.apply_deferred();
        deferred || self.local.body_html != body_before
    }

    /// The write in flight failed (nothing was stored): its edits are pending again.
    pub fn write_failed(&mut self) -> bool {
        if let Some(flight) = self.flight.take() {
            self.edits = self.edits.union(flight.edits);
        }
        self.apply_deferred()
    }

    fn apply_deferred(&mut self) -> bool {
        match self.newer.take().map(|newer| self.apply_stored(newer)) {
            Some(Applied::Merged { body_changed }) => body_changed,
            _ => false,
        }
    }

    /// A version read from storage (the first read when the composer opens, or a re-read
    /// after another tab's notice). Fields edited here and not committed keep what is on
    /// screen; the others take the stored value.
    pub fn apply_stored(&mut self, stored: Draft) -> Applied {
        if stored.revision <= self.base.revision {
            return Applied::Ignored;
        }
        if self.flight.is_some() {
            if self
                .newer
                .as_ref()
                .is_none_or(|n| n.revision < stored.revision)
            {
                self.newer = Some(stored);
            }
            return Applied::Deferred;
        }
        let body_before = self.local.body_html.clone();
        self.local = merge_edited(&self.base, &self.local, self.edits, &stored);
        self.base = stored;
        Applied::Merged {
            body_changed: self.local.body_html != body_before,
        }
    }
}
