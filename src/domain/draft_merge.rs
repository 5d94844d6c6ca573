//! Merging two versions of one draft (SPEC §7 "two tabs converge; neither silently overwrites
//! the other's From choice").
//!
//! A tab edits a draft starting from the revision it last read or wrote (its *base*). When its
//! compare-and-set write is refused because another tab stored a newer revision, [`merge`]
//! combines the three versions field by field:
//! - a field this tab changed since its base keeps this tab's value (the user is typing here);
//!   a field it did not change takes the stored value (so the other tab's edit is not lost);
//! - attachments merge as a set (by blob key): the stored list, minus what this tab removed
//!   since its base, plus what it added — so two tabs attaching files at once keep both;
//! - the From: a deliberate choice always beats `Automatic` (nothing ever reverts a deliberate
//!   choice to the default); when both sides chose deliberately since the base, the newer
//!   write (by `updated_at`, ties to this tab) wins.
//!
//! The same function rebases a tab's live copy after a save: `merge(snapshot_sent, live, saved)`
//! keeps whatever the user typed while the write was in flight.
//!
//! Pure: no storage, no clock. It must not decide whether a From is usable (`from.rs` does).

use super::draft::{Draft, DraftAttachment, DraftFrom};

/// Which side a field's value was taken from (for tests and diagnostics).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Local,
    Stored,
}

/// The From after a merge. `base` is what the local tab started from.
pub fn merge_from(base: &DraftFrom, local: &Draft, stored: &Draft) -> (DraftFrom, Side) {
    let local_changed = &local.from != base;
    let stored_changed = &stored.from != base;
    let pick = match (&local.from, &stored.from) {
        // A deliberate choice on one side only: it wins whatever the timing, because the
        // other side's `Automatic` is never a choice (it can only be an older state).
        (DraftFrom::Deliberate(_), DraftFrom::Automatic) => Side::Local,
        (DraftFrom::Automatic, DraftFrom::Deliberate(_)) => Side::Stored,
        (DraftFrom::Automatic, DraftFrom::Automatic) => Side::Stored,
        (DraftFrom::Deliberate(_), DraftFrom::Deliberate(_)) => {
            match (local_changed, stored_changed) {
                (true, false) => Side::Local,
                (false, _) => Side::Stored,
                (true, true) if local.updated_at >= stored.updated_at => Side::Local,
                (true, true) => Side::Stored,
            }
        }
    };
    match pick {
        Side::Local => (local.from.clone(), Side::Local),
        Side::Stored => (stored.from.clone(), Side::Stored),
    }
}

fn field<T: Clone + PartialEq>(base: &T, local: &T, stored: &T) -> T {
    if local != base {
        local.clone()
    } else {
        stored.clone()
    }
}

/// Attachments: `stored`, without what `local` removed since `base`, then what `local` added
/// since `base` (in local order), each blob once.
pub fn merge_attachments(
    base: &[DraftAttachment],
    local: &[DraftAttachment],
    stored: &[DraftAttachment],
) -> Vec<DraftAttachment> {
    let has = |list: &[DraftAttachment], a: &DraftAttachment| {
        list.iter().any(|x| x.blob_key == a.blob_key)
    };
    let mut out: Vec<DraftAttachment> = stored
        .iter()
        // Kept unless this tab removed it (it was in the base and is no longer here).
        .filter(|a| !has(base, a) || has(local, a))
        .cloned()
        .collect();
    for a in local {
        if !has(base, a) && !has(&out, a) {
            out.push(a.clone());
        }
    }
    out
}

/// Three-way merge of `local` (edited from `base`) with `stored` (the newer stored revision).
/// The result carries `stored.revision`, so writing it with that expected revision puts it on
/// top of the stored draft; the key and last editor are the local tab's.
pub fn merge(base: &Draft, local: &Draft, stored: &Draft) -> Draft {
    let (from, _) = merge_from(&base.from, local, stored);
    Draft {
        key: local.key.clone(),
        to: field(&base.to, &local.to, &stored.to),
        cc: field(&base.cc, &local.cc, &stored.cc),
        bcc: field(&base.bcc, &local.bcc, &stored.bcc),
        subject: field(&base.subject, &local.subject, &stored.subject),
        body_html: field(&base.body_html, &local.body_html, &stored.body_html),
        attachments: merge_attachments(&base.attachments, &local.attachments, &stored.attachments),
        from,
        revision: stored.revision,
        last_editor_tab: local.last_editor_tab.clone(),
        updated_at: local.updated_at.max(stored.updated_at),
    }
}

/// Whether `local` holds anything not yet in `saved` (ignoring revision bookkeeping).
pub fn has_unsaved_changes(local: &Draft, saved: &Draft) -> bool {
    local.to != saved.to
        || local.cc != saved.cc
        || local.bcc != saved.bcc
        || local.subject != saved.subject
        || local.body_html != saved.body_html
        || local.attachments != saved.attachments
        || local.from != saved.from
}
