//! The draft session behind one open composer (SPEC §7): the draft lives in memory first (a
//! signal the fields read) and is written in the background — 100 ms after the last change,
//! and during continuous typing at least every 200 ms — and at once on blur, tab hide, page
//! unload, unmount and before Send. Which value each field shows and writes is decided by the
//! domain's `draft_sync::DraftSync` (field-wise: what the rep edited here and has not committed
//! stays as typed, everything else follows storage); writes go through
//! `services::drafts::save` (compare-and-set + the same field-wise merge).
//!
//! Must not decide the From (the resolver does), merge anything itself (the domain does) or
//! talk to IndexedDB directly.

use crate::domain::draft_sync::{Applied, DraftSync, Write};
use crate::domain::{Draft, DraftKey};
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::session::now_millis;
use crate::services::{drafts, AppCtx};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;

/// Debounce of the background write: a pause in typing this long starts the write.
const DEBOUNCE_MS: i64 = 100;
/// Longest wait for a write during continuous typing: a keystroke in a long burst is committed
/// within about this long plus the commit itself, inside SPEC §7's 300 ms (a pure debounce
/// would hold it until the burst ends). The write runs in the background: typing never waits.
const MAX_WAIT_MS: i64 = 200;
/// Pause before the first retry of a write that failed (quota, aborted transaction); it
/// doubles after each further failure up to [`RETRY_MAX_MS`].
const RETRY_MS: u32 = 250;
const RETRY_MAX_MS: u32 = 8000;

/// The pause before retry number `failures` (1 = first retry).
fn retry_delay(failures: u32) -> u32 {
    RETRY_MS
        .saturating_mul(1u32 << failures.saturating_sub(1).min(8))
        .min(RETRY_MAX_MS)
}

/// How long to wait before writing, `now`, when the oldest edit not yet handed to a write was
/// made at `pending_since`: the debounce, cut short so no edit waits more than the max wait.
fn write_delay(pending_since: i64, now: i64) -> u32 {
    (pending_since + MAX_WAIT_MS - now).clamp(0, DEBOUNCE_MS) as u32
}

/// What the composer shows next to **Send**.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing typed yet in this session.
    Idle,
    Saving,
    Saved,
    Failed(String),
}

impl SaveState {
    pub fn text(&self) -> String {
        match self {
            SaveState::Idle => String::new(),
            SaveState::Saving => t(k::COMPOSER__SAVING),
            SaveState::Saved => t(k::COMPOSER__SAVED),
            SaveState::Failed(why) => tf(k::COMPOSER__NOT_SAVED, &[("why", why)]),
        }
    }
}

struct Core {
    sync: DraftSync,
    /// When the oldest edit not yet handed to a write was made (for the max wait).
    pending_since: Option<i64>,
    /// Consecutive failed writes (for the retry backoff); 0 after a success.
    failures: u32,
    /// Sent, discarded (or the composer closed for good): never write again.
    closed: bool,
    timer: Option<Timeout>,
}

/// Copyable handle; every copy is the same session. The core lives in the reactive arena
/// (local storage) of the composer that opened it; work that must outlive the composer (the
/// last write on unmount) takes what it needs out of it first.
#[derive(Clone, Copy)]
pub struct DraftSession {
    core: StoredValue<Core, LocalStorage>,
    app: AppCtx,
    /// The draft on screen (read by the fields).
    pub draft: RwSignal<Draft>,
    pub state: RwSignal<SaveState>,
    /// Bumped when the draft was replaced from storage (restore, other tab), so the rich-text
    /// editor knows to refresh its DOM.
    pub replaced: RwSignal<u64>,
    /// False until the stored draft has been read.
    pub loaded: RwSignal<bool>,
}

impl DraftSession {
    /// Opens the session for `key`, prefilled by `prefill`, and restores the stored draft.
    pub fn open(app: AppCtx, key: DraftKey, prefill: impl FnOnce(&mut Draft)) -> DraftSession {
        let tab = app.tab.get_value();
        let base = Draft::new(key, tab, now_millis());
        let mut initial = base.clone();
        prefill(&mut initial);
        drafts::install_debug_hooks();
        let session = DraftSession {
            core: StoredValue::new_local(Core {
                sync: DraftSync::new(base, initial.clone()),
                pending_since: None,
                failures: 0,
                closed: false,
                timer: None,
            }),
            app,
            draft: RwSignal::new(initial),
            state: RwSignal::new(SaveState::Idle),
            replaced: RwSignal::new(0),
            loaded: RwSignal::new(false),
        };
        leptos::task::spawn_local(async move { session.restore().await });
        session
    }

    async fn restore(&self) {
        let Some(key) = self.core.try_with_value(|c| c.sync.base().key.clone()) else {
            return;
        };
        match drafts::load(self.app, &key).await {
            // Anything typed before the read finished stays; the rest is restored.
            Ok(Some(stored)) => self.apply_stored(stored),
            Ok(None) => {}
            Err(err) => {
                self.state.try_set(SaveState::Failed(
                    crate::i18n::errors::Translated::translated(&err),
                ));
            }
        }
        self.loaded.try_set(true);
    }

    fn apply_stored(&self, stored: Draft) {
        let applied = self.core.try_update_value(|c| {
            if c.closed {
                return Applied::Ignored;
            }
            c.sync.apply_stored(stored)
        });
        if let Some(Applied::Merged { body_changed }) = applied {
            self.publish(body_changed);
        }
    }

    fn publish(&self, replaced: bool) {
        let Some(local) = self.core.try_with_value(|c| c.sync.local().clone()) else {
            return;
        };
        self.draft.try_set(local);
        if replaced {
            self.replaced.try_update(|r| *r += 1);
        }
    }

    /// Applies a change typed by the rep and schedules the write.
    pub fn edit(&self, change: impl FnOnce(&mut Draft)) {
        let now = now_millis();
        let delay = self.core.try_update_value(|c| {
            if c.closed || c.sync.edit(now, change).is_empty() {
                return None;
            }
            let since = *c.pending_since.get_or_insert(now);
            // The write that creates the draft waits for a pause in typing (no max wait): it
            // changes the Drafts count, and the inbox workspace then re-renders the open
            // conversation, remounting this composer (keys typed meanwhile would be lost).
            Some(if c.sync.base().revision == 0 {
                DEBOUNCE_MS as u32
            } else {
                write_delay(since, now)
            })
        });
        let Some(Some(delay)) = delay else {
            return;
        };
        // Until the write lands the rep sees that it is pending, never a stale "Saved".
        self.state.try_set(SaveState::Saving);
        self.publish(false);
        self.schedule(delay);
    }

    fn schedule(&self, ms: u32) {
        let s = *self;
        let timer = Timeout::new(ms, move || s.flush());
        self.core.try_update_value(|c| c.timer = Some(timer));
    }

    /// Starts a write of what is pending (debounce, blur). One write runs at a time; what is
    /// typed meanwhile is written as soon as it ends.
    pub fn flush(&self) {
        let Some(write) = self.begin_write() else {
            return;
        };
        self.state.try_set(SaveState::Saving);
        let s = *self;
        leptos::task::spawn_local(async move {
            let result = drafts::save(s.app, write).await;
            let _ = s.finish_write(result);
        });
    }

    /// Writes everything now because the page may be going away (tab hidden, pagehide,
    /// composer unmounted). What is to be written is taken out of the session synchronously,
    /// so the write completes even when the composer is unmounting; when a write is already in
    /// flight, a second one carrying it and everything since goes out at once rather than
    /// waiting for the first to end (the page may not live that long).
    ///
    /// Everything pending is also kept at once where it survives the page
    /// ([`drafts::rescue`]): the asynchronous write may not land before the page goes.
    pub fn flush_all(&self) {
        let last = self
            .core
            .try_with_value(|c| (!c.closed).then(|| c.sync.final_write()).flatten())
            .flatten();
        if let Some(write) = &last {
            drafts::rescue(write);
        }
        let saving = self.core.try_with_value(|c| c.sync.saving());
        match saving {
            Some(false) => self.flush(),
            Some(true) => {
                if let Some(write) = last {
                    let app = self.app;
                    leptos::task::spawn_local(async move {
                        // Repeats the write in flight when the page lives on: compare-and-set
                        // merges it, and the session writes its own state again anyway.
                        let _ = drafts::save(app, write).await;
                    });
                }
            }
            None => {}
        }
    }

    /// Ties the session to the calling component, as every editor of a draft needs it (the
    /// composers, the internal comment): other tabs' writes of the draft, announced through
    /// `drafts_rev`, are merged in ([`DraftSession::refresh`]); everything pending is written
    /// at once whenever the page may be going away (SPEC §7: on tab hide and page unload) and
    /// when the component is unmounted ([`DraftSession::flush_all`]).
    pub fn attach(&self) {
        let s = *self;
        let app = self.app;
        Effect::new(move |first: Option<()>| {
            app.drafts_rev.track();
            if first.is_some() {
                leptos::task::spawn_local(async move { s.refresh().await });
            }
        });
        let on_hide = window_event_listener(leptos::ev::visibilitychange, move |_| s.flush_all());
        let on_pagehide = window_event_listener(leptos::ev::pagehide, move |_| s.flush_all());
        let stored = StoredValue::new_local(s);
        on_cleanup(move || {
            on_hide.remove();
            on_pagehide.remove();
            stored.try_with_value(|s| s.flush_all());
        });
    }

    /// Marks a write as started and returns it, or `None` when there is nothing to write (or
    /// a write is already running: it is followed by the next one when it ends).
    fn begin_write(&self) -> Option<Write> {
        self.core
            .try_update_value(|c| {
                c.timer = None;
                if c.closed {
                    return None;
                }
                let write = c.sync.begin_write();
                if write.is_some() {
                    c.pending_since = None;
                }
                write
            })
            .flatten()
    }

    /// Takes in a write's result: rebases what was typed meanwhile on the stored draft, or
    /// puts the edits back and retries later. Returns whether more is to be written.
    fn finish_write(
        &self,
        result: Result<Draft, crate::services::AppError>,
    ) -> Result<bool, String> {
        let ok = result.is_ok();
        let outcome = self.core.try_update_value(|c| {
            c.failures = if ok { 0 } else { c.failures + 1 };
            let body_changed = match &result {
                Ok(saved) => c.sync.write_done(saved.clone()),
                Err(_) => c.sync.write_failed(),
            };
            (body_changed, !c.sync.edits().is_empty(), c.failures)
        });
        let Some((body_changed, more, failures)) = outcome else {
            return result
                .map(|_| false)
                .map_err(|e| crate::i18n::errors::Translated::translated(&e));
        };
        self.publish(body_changed);
        match result {
            Ok(_) => {
                // Edits typed during the write: their own timer writes them, or — when it
                // already fired while the write ran — this write's end does, at once.
                let timer_set = self.core.try_with_value(|c| c.timer.is_some());
                if more && timer_set == Some(false) {
                    self.flush();
                } else if !more {
                    self.state.try_set(SaveState::Saved);
                }
                Ok(more)
            }
            Err(err) => {
                let why = crate::i18n::errors::Translated::translated(&err);
                self.state.try_set(SaveState::Failed(why.clone()));
                self.schedule(retry_delay(failures));
                Err(why)
            }
        }
    }

    /// Writes until storage holds what is on screen (before Send); returns the error of a
    /// failed write.
    pub async fn save_now(&self) -> Result<(), String> {
        // A write already running (debounce, blur) finishes first; then ours goes on top.
        for _ in 0..50 {
            if self.core.try_with_value(|c| c.sync.saving()) != Some(true) {
                break;
            }
            gloo_timers::future::TimeoutFuture::new(20).await;
        }
        while let Some(write) = self.begin_write() {
            self.state.try_set(SaveState::Saving);
            let result = drafts::save(self.app, write).await;
            self.finish_write(result)?;
        }
        Ok(())
    }

    /// Re-reads the stored draft after another tab announced a change, and merges it in
    /// (field-wise: what the rep is editing here stays as typed).
    pub async fn refresh(&self) {
        let Some(Some(key)) = self
            .core
            .try_with_value(|c| (!c.closed).then(|| c.sync.base().key.clone()))
        else {
            return;
        };
        if let Ok(Some(stored)) = drafts::load(self.app, &key).await {
            self.apply_stored(stored);
        }
    }

    /// Adds attachments (already stored as blobs) and writes at once.
    pub fn add_attachments(&self, added: Vec<crate::domain::DraftAttachment>) {
        if added.is_empty() {
            return;
        }
        self.edit(|d| d.attachments.extend(added));
        self.flush();
    }

    /// Removes the attachment with this blob key and writes at once (the blob itself goes when
    /// no stored draft refers to it any more).
    pub fn remove_attachment(&self, blob_key: &str) {
        self.edit(|d| d.attachments.retain(|a| a.blob_key != blob_key));
        self.flush();
    }

    /// **Discard**: stores what is on screen first (so no write in flight can bring the draft
    /// back), closes the session and removes the stored draft. Returns the draft as it was, for
    /// **Undo**.
    pub async fn discard(&self) -> Result<Draft, crate::services::AppError> {
        // A failed write must not stop a discard: what is on screen is what Undo restores.
        let _ = self.save_now().await;
        self.close();
        let draft = self
            .current()
            .ok_or_else(|| crate::services::AppError::Invalid(t(k::COMPOSER__CLOSED)))?;
        drafts::discard(self.app, &draft.key).await?;
        Ok(draft)
    }

    /// After a successful send: the draft is gone from storage and must not be written again.
    pub fn close(&self) {
        self.core.try_update_value(|c| {
            c.closed = true;
            c.timer = None;
        });
    }

    pub fn app(&self) -> AppCtx {
        self.app
    }

    /// The draft as it is on screen right now.
    pub fn current(&self) -> Option<Draft> {
        self.core.try_with_value(|c| c.sync.local().clone())
    }
}
