//! Drafts (SPEC §7): read, compare-and-set write with the domain's merge on conflict, and the
//! cross-tab notice. The composer keeps the draft in a local signal and calls [`save`] in the
//! background, so typing never waits for storage.
//!
//! Owns no UI state and no timers (the composer's draft session debounces); merge rules live in
//! `domain::draft_merge`, never here.

use super::{AppCtx, AppError};
use crate::domain::draft_merge::merge;
use crate::domain::{Draft, DraftKey};
use crate::storage::{Change, DraftWriteError, Notifier, StorageError};
use leptos::prelude::*;
use std::cell::Cell;

thread_local! {
    /// This module's own handle on the tab channel: it announces draft writes to the other tabs
    /// without bumping this tab's data revision (which would refetch every list per keystroke).
    static ANNOUNCER: Option<Notifier> = Notifier::new().ok();
    static PERSIST_ASKED: Cell<bool> = const { Cell::new(false) };
}

/// How many times a write is merged and retried when other tabs keep winning the race.
const MAX_ATTEMPTS: usize = 5;

/// The stored draft, if there is one.
pub async fn load(app: AppCtx, key: &DraftKey) -> Result<Option<Draft>, AppError> {
    Ok(app.db().draft(key).await?)
}

/// Writes `local` (edited from `base`, the revision this tab last read or wrote). When another
/// tab stored a newer revision, the two are merged (`domain::draft_merge::merge`) and written
/// on top of it. Returns the draft as stored.
pub async fn save(app: AppCtx, base: &Draft, local: &Draft) -> Result<Draft, AppError> {
    let db = app.db();
    let tab = app.tab.get_value();
    let mut base = base.clone();
    let mut next = local.clone();
    next.last_editor_tab = tab.clone();
    for _ in 0..MAX_ATTEMPTS {
        match db.put_draft(&next, base.revision).await {
            Ok(saved) => {
                announce(app, &saved, base.revision == 0);
                return Ok(saved);
            }
            Err(DraftWriteError::Conflict(stored)) => {
                next = merge(&base, &next, &stored);
                next.last_editor_tab = tab.clone();
                base = stored;
            }
            // The draft was removed meanwhile (sent or discarded in another tab): what the rep
            // is typing here is kept as a new draft rather than lost.
            Err(DraftWriteError::Storage(StorageError::NotFound(_))) => {
                base = Draft::new(next.key.clone(), tab.clone(), next.updated_at);
            }
            Err(DraftWriteError::Storage(err)) => return Err(err.into()),
        }
    }
    Err(AppError::Invalid(
        "This draft keeps changing in another tab, so it could not be saved yet. Your text is \
         kept here and will be saved again in a moment."
            .into(),
    ))
}

/// Tells other tabs that this draft changed. The first write of a draft is also a change of
/// this tab's Drafts list, so it bumps the local revision as well.
fn announce(app: AppCtx, saved: &Draft, created: bool) {
    let key = saved.key.storage_key();
    if created {
        app.changed("drafts", Some(key));
        request_persistence();
        return;
    }
    let change = Change::new("drafts", Some(key), app.tab.get_value());
    ANNOUNCER.with(|n| {
        if let Some(n) = n {
            n.notify(&change);
        }
    });
}

/// Asks the browser once per tab to keep this site's storage under pressure (drafts must
/// survive). The answer changes nothing here: drafts are saved either way.
fn request_persistence() {
    if PERSIST_ASKED.with(|asked| asked.replace(true)) {
        return;
    }
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().storage().persist();
    }
}
