//! The draft session behind one open composer (SPEC §7): the draft lives in memory first (a
//! signal the fields read), and is written in the background — 300 ms after the last change,
//! at once on blur, tab hide, page unload, unmount and before Send. Writes go through
//! `services::drafts::save` (compare-and-set + merge); what the rep typed while a write was in
//! flight is rebased on the stored result with the same merge rule, so nothing is lost.
//!
//! Must not decide the From (the resolver does) or talk to IndexedDB directly.

use crate::domain::draft_merge::{has_unsaved_changes, merge};
use crate::domain::{Draft, DraftKey};
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::session::now_millis;
use crate::services::{drafts, AppCtx};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;

/// Debounce of the background write. SPEC §7 wants it durable within 300 ms of the last
/// keystroke, so the write starts after 100 ms and leaves the rest for the commit itself (the
/// crash test kills the browser 300 ms after the last keystroke).
const DEBOUNCE_MS: u32 = 100;
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
    /// The draft as last read from or written to storage (revision 0: none stored yet).
    base: Draft,
    /// The draft on screen.
    local: Draft,
    /// The prefilled draft the composer opened with (a stored draft replaces it untouched).
    initial: Draft,
    /// The rep changed something: only then is anything written.
    touched: bool,
    saving: bool,
    /// Consecutive failed writes (for the retry backoff); 0 after a success.
    failures: u32,
    /// Sent (or the composer closed for good): never write again.
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
    /// Opens the session for `key`, prefilled with `initial`, and restores the stored draft.
    pub fn open(app: AppCtx, key: DraftKey, prefill: impl FnOnce(&mut Draft)) -> DraftSession {
        let tab = app.tab.get_value();
        let base = Draft::new(key, tab, now_millis());
        let mut initial = base.clone();
        prefill(&mut initial);
        drafts::install_debug_hooks();
        let session = DraftSession {
            core: StoredValue::new_local(Core {
                base,
                local: initial.clone(),
                initial: initial.clone(),
                touched: false,
                saving: false,
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
        let Some(key) = self.core.try_with_value(|c| c.base.key.clone()) else {
            return;
        };
        match drafts::load(self.app, &key).await {
            Ok(Some(stored)) => {
                // Anything typed before the read finished stays; the rest is restored.
                self.core.try_update_value(|c| {
                    c.local = merge(&c.initial, &c.local, &stored);
                    c.base = stored;
                });
                self.publish(true);
            }
            Ok(None) => {}
            Err(err) => {
                self.state.try_set(SaveState::Failed(err.to_string()));
            }
        }
        self.loaded.try_set(true);
    }

    fn publish(&self, replaced: bool) {
        let Some(local) = self.core.try_with_value(|c| c.local.clone()) else {
            return;
        };
        self.draft.try_set(local);
        if replaced {
            self.replaced.try_update(|r| *r += 1);
        }
    }

    /// Applies a change typed by the rep and schedules the write.
    pub fn edit(&self, change: impl FnOnce(&mut Draft)) {
        let applied = self.core.try_update_value(|c| {
            if c.closed {
                return false;
            }
            change(&mut c.local);
            c.local.updated_at = now_millis();
            c.touched = true;
            true
        });
        if applied != Some(true) {
            return;
        }
        // Until the write lands the rep sees that it is pending, never a stale "Saved".
        self.state.try_set(SaveState::Saving);
        self.publish(false);
        self.schedule(DEBOUNCE_MS);
    }

    fn schedule(&self, ms: u32) {
        let s = *self;
        let timer = Timeout::new(ms, move || s.flush());
        self.core.try_update_value(|c| c.timer = Some(timer));
    }

    /// Writes now (blur, tab hide, unload, unmount). What is to be written is taken out of the
    /// session synchronously, so the write completes even when the composer is unmounting.
    pub fn flush(&self) {
        let Some((base, snapshot)) = self.begin_save() else {
            return;
        };
        self.state.try_set(SaveState::Saving);
        let s = *self;
        leptos::task::spawn_local(async move {
            let result = drafts::save(s.app, &base, &snapshot).await;
            let _ = s.finish_save(&snapshot, result);
        });
    }

    /// Marks a write as started and returns (base, snapshot), or `None` when there is nothing
    /// to write (or a write is already running: it loops until everything is stored).
    fn begin_save(&self) -> Option<(Draft, Draft)> {
        self.core
            .try_update_value(|c| {
                c.timer = None;
                if c.saving || c.closed || !c.touched || !has_unsaved_changes(&c.local, &c.base) {
                    return None;
                }
                c.saving = true;
                Some((c.base.clone(), c.local.clone()))
            })
            .flatten()
    }

    /// Takes in a write's result: rebases what was typed meanwhile on the stored draft, or
    /// keeps everything on screen and retries later. Returns whether more is to be written.
    fn finish_save(
        &self,
        snapshot: &Draft,
        result: Result<Draft, crate::services::AppError>,
    ) -> Result<bool, String> {
        let outcome = self.core.try_update_value(|c| {
            c.saving = false;
            c.failures = if result.is_ok() { 0 } else { c.failures + 1 };
            match &result {
                Ok(saved) => {
                    let rebased = merge(snapshot, &c.local, saved);
                    let replaced = rebased.body_html != c.local.body_html;
                    c.local = rebased;
                    c.base = saved.clone();
                    (replaced, has_unsaved_changes(&c.local, &c.base))
                }
                Err(_) => (false, false),
            }
        });
        let failures = self.core.try_with_value(|c| c.failures).unwrap_or(1);
        match result {
            Ok(_) => {
                let (replaced, more) = outcome.unwrap_or((false, false));
                self.publish(replaced);
                self.state.try_set(SaveState::Saved);
                if more {
                    self.flush();
                }
                Ok(more)
            }
            Err(err) => {
                let why = err.to_string();
                self.state.try_set(SaveState::Failed(why.clone()));
                if outcome.is_some() {
                    self.schedule(retry_delay(failures));
                }
                Err(why)
            }
        }
    }

    /// Writes until storage holds what is on screen (before Send); returns the error of a
    /// failed write.
    pub async fn save_now(&self) -> Result<(), String> {
        // A write already running (debounce, blur) finishes first; then ours goes on top.
        for _ in 0..50 {
            if self.core.try_with_value(|c| c.saving) != Some(true) {
                break;
            }
            gloo_timers::future::TimeoutFuture::new(20).await;
        }
        while let Some((base, snapshot)) = self.begin_save() {
            self.state.try_set(SaveState::Saving);
            let result = drafts::save(self.app, &base, &snapshot).await;
            self.finish_save(&snapshot, result)?;
        }
        Ok(())
    }

    /// Re-reads the stored draft after another tab announced a change, and merges it in.
    pub async fn refresh(&self) {
        let Some(Some(key)) = self
            .core
            .try_with_value(|c| (!c.saving && !c.closed).then(|| c.base.key.clone()))
        else {
            return;
        };
        let Ok(Some(stored)) = drafts::load(self.app, &key).await else {
            return;
        };
        let replaced = self.core.try_update_value(|c| {
            if c.saving || c.closed || stored.revision <= c.base.revision {
                return None;
            }
            // Untouched, the screen shows the prefilled draft: the stored one replaces it.
            let base = if c.touched { &c.base } else { &c.initial };
            let merged = merge(base, &c.local, &stored);
            let replaced = merged.body_html != c.local.body_html;
            c.local = merged;
            c.base = stored;
            Some(replaced)
        });
        if let Some(Some(replaced)) = replaced {
            self.publish(replaced);
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
        self.core.try_with_value(|c| c.local.clone())
    }
}
