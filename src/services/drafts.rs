//! Drafts (SPEC §7): read, compare-and-set write with the domain's merge on conflict, and the
//! cross-tab notice. The composer keeps the draft in a local signal and calls [`save`] in the
//! background, so typing never waits for storage.
//!
//! Also: attachment blobs (stored in the ATTACHMENTS store before the draft refers to them,
//! removed only once no stored draft refers to them), **Discard** with an exact restore for
//! **Undo**, the one-time `navigator.storage.persist()` request, and — in debug builds only —
//! a fault-injection hook that makes the next N draft writes fail (tests, e2e, bench).
//!
//! Owns no UI state and no timers (the composer's draft session debounces and retries); merge
//! rules and attachment limits live in the domain, never here.

use super::session::random_hex;
use super::{AppCtx, AppError};
use crate::domain::draft_merge::{merge_edited, Edits};
use crate::domain::draft_sync::{rescued_edits, Write};
use crate::domain::refusal::{Missing, Refusal};
use crate::domain::{attachment_content_type, check_attachment, Draft, DraftAttachment, DraftKey};
use crate::i18n::errors::Translated;
use crate::storage::{Change, DraftWriteError, Notifier, StorageError};
use leptos::prelude::*;
#[cfg(debug_assertions)]
use std::cell::Cell;
use std::cell::RefCell;
#[cfg(debug_assertions)]
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// This module's own handle on the tab channel: it announces draft writes to the other tabs
    /// without bumping this tab's data revision (which would refetch every list per keystroke).
    static ANNOUNCER: Option<Notifier> = Notifier::new().ok();
    /// The answer to `navigator.storage.persist()`: None until asked (once per tab session),
    /// then Some(None) while pending or unsupported, Some(Some(granted)) once answered.
    static PERSISTED: RefCell<Option<Option<bool>>> = const { RefCell::new(None) };
    /// This page's own id (a reload is a new page): tells its own rescued writes from those of
    /// a page that went away.
    static PAGE: String = random_hex(8);
}

#[cfg(debug_assertions)]
thread_local! {
    /// Debug builds only: how many of the next draft writes fail with an injected error.
    static FAIL_NEXT: Cell<u32> = const { Cell::new(0) };
}

/// Debug builds only (never in the release bundle): the next `n` draft writes fail with a
/// quota error, as if the disk were full, so tests can watch the warning and the retries.
#[cfg(debug_assertions)]
pub fn fail_next_writes(n: u32) {
    FAIL_NEXT.with(|f| f.set(n));
}

#[cfg(debug_assertions)]
fn injected_fault() -> Option<StorageError> {
    FAIL_NEXT.with(|f| {
        let n = f.get();
        (n > 0).then(|| {
            f.set(n - 1);
            StorageError::QuotaExceeded
        })
    })
}

#[cfg(not(debug_assertions))]
fn injected_fault() -> Option<StorageError> {
    None
}

/// Debug builds only: exposes `window.__sbFailDraftWrites(n)` (the hook above) and keeps a log
/// of committed draft writes in `window.__sbDraftCommits` (`{key, at, body}`, `at` in Unix
/// millis) for the e2e tests and `bench/draft-latency.mjs`. Installed once per tab.
#[cfg(debug_assertions)]
pub fn install_debug_hooks() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    thread_local! { static INSTALLED: Cell<bool> = const { Cell::new(false) }; }
    if INSTALLED.with(|i| i.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let hook = Closure::<dyn Fn(JsValue)>::new(|n: JsValue| {
        fail_next_writes(n.as_f64().unwrap_or(0.0).max(0.0) as u32);
    });
    let _ = js_sys::Reflect::set(
        &window,
        &"__sbFailDraftWrites".into(),
        hook.as_ref().unchecked_ref(),
    );
    hook.forget();
    let _ = js_sys::Reflect::set(&window, &"__sbDraftCommits".into(), &js_sys::Array::new());
}

#[cfg(not(debug_assertions))]
pub fn install_debug_hooks() {}

#[cfg(debug_assertions)]
fn log_commit(saved: &Draft) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(log) = js_sys::Reflect::get(&window, &"__sbDraftCommits".into()) else {
        return;
    };
    if let Some(log) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Array>(&log) {
        let entry = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&entry, &"key".into(), &saved.key.storage_key().into());
        let _ = js_sys::Reflect::set(&entry, &"at".into(), &js_sys::Date::now().into());
        let _ = js_sys::Reflect::set(&entry, &"body".into(), &saved.body_html.as_str().into());
        log.push(&entry);
    }
}

#[cfg(not(debug_assertions))]
fn log_commit(_saved: &Draft) {}

/// How many times a write is merged and retried when other tabs keep winning the race.
const MAX_ATTEMPTS: usize = 5;

/// The stored draft, if there is one; a write of it rescued when a page went away is made
/// first ([`recover`]).
pub async fn load(app: AppCtx, key: &DraftKey) -> Result<Option<Draft>, AppError> {
    if let Some(rescued) = take_rescued(&rescue_key(key)) {
        recover(app, rescued).await;
    }
    Ok(app.db().draft(key).await?)
}

/// Makes one write of the composer's draft session: puts `write.draft` with compare-and-set on
/// the revision of `write.base` (the version this tab last read or wrote). When another tab
/// stored a newer revision, the two are merged field by field
/// (`domain::draft_merge::merge_edited`: the fields this tab edited keep its values, every
/// other field keeps the stored one) and written on top of it. Returns the draft as stored.
pub async fn save(app: AppCtx, write: Write) -> Result<Draft, AppError> {
    let db = app.db();
    let tab = app.tab.get_value();
    let Write {
        mut base,
        draft: mut next,
        edits,
    } = write;
    next.last_editor_tab = tab.clone();
    for _ in 0..MAX_ATTEMPTS {
        if let Some(fault) = injected_fault() {
            return Err(fault.into());
        }
        match db.put_draft(&next, base.revision).await {
            Ok(saved) => {
                log_commit(&saved);
                settle_rescue(&saved);
                announce(app, &saved, base.revision == 0);
                return Ok(saved);
            }
            Err(DraftWriteError::Conflict(stored)) => {
                next = merge_edited(&base, &next, edits, &stored);
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
    Err(AppError::Refused(Refusal::DraftKeepsChanging))
}

// ---- writes rescued when the page goes away -------------------------------------------------

/// A draft write kept in the device's local storage, under [`RESCUE_PREFIX`] and the draft's
/// key, by the page that made it.
#[derive(serde::Serialize, serde::Deserialize)]
struct Rescued {
    page: String,
    write: Write,
}

const RESCUE_PREFIX: &str = "switchboard.draft-rescue.";

fn rescue_key(key: &DraftKey) -> String {
    format!("{RESCUE_PREFIX}{}", key.storage_key())
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Keeps `write` (everything typed and not yet known to be stored) where it survives the page,
/// synchronously: called when the page may be going away (reload, navigation, tab hidden,
/// composer closed). An IndexedDB write started then is asynchronous and is lost with the page
/// when the page goes first (a reload right after typing lost the last words). The next start
/// makes the write ([`recover_all`], [`load`]); a write of this page that lands first removes
/// it ([`settle_rescue`]). Without local storage (or room in it) nothing is kept, as before.
pub fn rescue(write: &Write) {
    let rescued = PAGE.with(|page| Rescued {
        page: page.clone(),
        write: write.clone(),
    });
    if let (Some(storage), Ok(text)) = (local_storage(), serde_json::to_string(&rescued)) {
        let _ = storage.set_item(&rescue_key(&write.draft.key), &text);
    }
}

/// Removes the write rescued under `item` and returns it, unless this page rescued it (its
/// own writes are still on their way).
fn take_rescued(item: &str) -> Option<Write> {
    let storage = local_storage()?;
    let text = storage.get_item(item).ok()??;
    let rescued = serde_json::from_str::<Rescued>(&text);
    if let Ok(rescued) = &rescued {
        if PAGE.with(|page| *page == rescued.page) {
            return None;
        }
    }
    let _ = storage.remove_item(item);
    // One that does not read (written by another version) is dropped, not retried forever.
    rescued.ok().map(|r| r.write)
}

/// A write of this page landed: its rescued copy is no longer needed once it holds everything
/// the copy held.
fn settle_rescue(saved: &Draft) {
    let Some(storage) = local_storage() else {
        return;
    };
    let item = rescue_key(&saved.key);
    let Ok(Some(text)) = storage.get_item(&item) else {
        return;
    };
    let Ok(rescued) = serde_json::from_str::<Rescued>(&text) else {
        return;
    };
    if PAGE.with(|page| *page == rescued.page) && rescued.write.draft.updated_at <= saved.updated_at
    {
        let _ = storage.remove_item(&item);
    }
}

/// Makes a write rescued when its page went away, on top of what is stored now (the fields
/// another tab edited later keep that edit: `draft_sync::rescued_edits`). A write that fails is
/// kept for the next try.
async fn recover(app: AppCtx, write: Write) {
    let key = write.draft.key.clone();
    let stored = match app.db().draft(&key).await {
        Ok(stored) => stored,
        Err(error) => {
            leptos::logging::warn!("a rescued draft was not written: {error}");
            return rescue(&write);
        }
    };
    let edits = rescued_edits(&write, stored.as_ref());
    if edits.is_empty() {
        return;
    }
    match save(
        app,
        Write {
            edits,
            ..write.clone()
        },
    )
    .await
    {
        Ok(_) => app.changed("drafts", Some(key.storage_key())),
        Err(error) => {
            leptos::logging::warn!("a rescued draft was not written: {error}");
            rescue(&write);
        }
    }
}

/// Makes every write rescued by pages that went away (run once the first screen is painted,
/// so that drafts whose composer is not opened again are complete too).
pub async fn recover_all(app: AppCtx) {
    let Some(storage) = local_storage() else {
        return;
    };
    let items: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|item| item.starts_with(RESCUE_PREFIX))
        .collect();
    for item in items {
        if let Some(write) = take_rescued(&item) {
            recover(app, write).await;
        }
    }
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

/// Asks the browser once per tab session to keep this site's storage under pressure (drafts
/// must survive). The answer is remembered ([`persistence_granted`]) and changes nothing else:
/// drafts are saved either way. A browser without `navigator.storage.persist` is no error.
fn request_persistence() {
    if PERSISTED.with(|p| p.borrow().is_some()) {
        return;
    }
    PERSISTED.with(|p| *p.borrow_mut() = Some(None));
    let Some(window) = web_sys::window() else {
        return;
    };
    // Looked up dynamically: calling a missing method through web-sys would throw.
    let storage = js_sys::Reflect::get(&window.navigator(), &"storage".into())
        .ok()
        .filter(|s| s.is_object());
    let Some(storage) = storage else {
        return;
    };
    let persist = js_sys::Reflect::get(&storage, &"persist".into())
        .ok()
        .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok());
    let Some(persist) = persist else {
        return;
    };
    let Ok(promise) = persist.call0(&storage) else {
        return;
    };
    let Ok(promise) = wasm_bindgen::JsCast::dyn_into::<js_sys::Promise>(promise) else {
        return;
    };
    leptos::task::spawn_local(async move {
        if let Ok(answer) = JsFuture::from(promise).await {
            PERSISTED.with(|p| *p.borrow_mut() = Some(answer.as_bool()));
        }
    });
}

/// Whether the browser agreed to keep this site's storage: None until it answered (or when
/// it cannot be asked).
pub fn persistence_granted() -> Option<bool> {
    PERSISTED.with(|p| p.borrow().flatten())
}

// ---- attachments ----------------------------------------------------------------------------

/// Attaches `files` to the draft `key`, which already carries `existing`: each file is checked
/// against the domain's limits and name rules on its own, its bytes are stored as a blob, and
/// its metadata returned. A refused or unstorable file is left out with a message; it changes
/// nothing. The caller adds the returned metadata to the draft.
pub async fn attach_files(
    app: AppCtx,
    key: &DraftKey,
    existing: &[DraftAttachment],
    files: Vec<web_sys::File>,
) -> (Vec<DraftAttachment>, Vec<String>) {
    let db = app.db();
    let mut all: Vec<DraftAttachment> = existing.to_vec();
    let mut added = Vec::new();
    let mut refused = Vec::new();
    for file in files {
        let size = file.size().max(0.0) as u64;
        let name = match check_attachment(&all, &file.name(), size) {
            Ok(name) => name,
            Err(why) => {
                refused.push(why.translated());
                continue;
            }
        };
        let blob_key = key.blob_key(&random_hex(8));
        if let Err(err) = db.put_blob(&blob_key, &file).await {
            let details = AppError::from(err).translated();
            refused.push(Refusal::AttachmentNotStored { name, details }.translated());
            continue;
        }
        let attachment = DraftAttachment {
            blob_key,
            file_name: name,
            content_type: attachment_content_type(&file.type_()),
            size,
        };
        all.push(attachment.clone());
        added.push(attachment);
    }
    (added, refused)
}

/// The blob of a draft attachment and its bytes (the send builds the message from the bytes
/// and keeps the blob as the sent message's attachment).
pub async fn attachment_blob(
    app: AppCtx,
    a: &DraftAttachment,
) -> Result<(web_sys::Blob, Vec<u8>), AppError> {
    let blob = app.db().blob(&a.blob_key).await?.ok_or_else(|| {
        AppError::Missing(Missing::Attachment {
            name: a.file_name.clone(),
        })
    })?;
    let bytes = super::attachments::blob_bytes(&blob, &a.file_name).await?;
    Ok((blob, bytes))
}

/// Removes the blobs of draft `key` that no stored draft refers to any more (after a send is
/// recorded, after a discard can no longer be undone, after an attachment was removed).
pub async fn sweep_blobs(app: AppCtx, key: &DraftKey) -> Result<(), AppError> {
    let db = app.db();
    let keys = db.blob_keys_with_prefix(&key.blob_prefix()).await?;
    if keys.is_empty() {
        return Ok(());
    }
    let kept: Vec<String> = db
        .draft(key)
        .await?
        .map(|d| d.attachments.into_iter().map(|a| a.blob_key).collect())
        .unwrap_or_default();
    let orphans: Vec<String> = keys.into_iter().filter(|k| !kept.contains(k)).collect();
    db.delete_blobs(&orphans).await?;
    Ok(())
}

// ---- discard and undo -----------------------------------------------------------------------

/// Removes the draft record (its blobs stay until [`sweep_blobs`], so **Undo** can restore it
/// whole). Other tabs re-read and see it gone.
pub async fn discard(app: AppCtx, key: &DraftKey) -> Result<(), AppError> {
    app.db().delete_draft(key).await?;
    app.changed("drafts", Some(key.storage_key()));
    Ok(())
}

/// Puts a discarded draft back as it was (recipients, body, attachments, From and its
/// deliberate flag). When a new draft was started for the same key meanwhile, the two are
/// merged so neither is lost. Returns the draft as stored.
pub async fn restore(app: AppCtx, draft: &Draft) -> Result<Draft, AppError> {
    let empty = Draft::new(draft.key.clone(), app.tab.get_value(), draft.updated_at);
    // Everything the discarded draft held counts as this tab's edit: it wins over a draft
    // started meanwhile, field by field, and the rest of that draft is kept.
    let write = Write {
        edits: Edits::between(&empty, draft),
        base: empty,
        draft: draft.clone(),
    };
    let saved = save(app, write).await?;
    app.changed("drafts", Some(draft.key.storage_key()));
    Ok(saved)
}
