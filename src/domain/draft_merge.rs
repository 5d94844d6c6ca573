//! Merging two versions of one draft (SPEC §7 "two tabs converge; neither silently overwrites
//! the other; a From chosen in one tab is never reverted by a stale write from the other").
//!
//! The rule is **field-wise, by who edited what**: a tab knows exactly which fields the rep
//! changed in it since they were last committed (its [`Edits`]). When its compare-and-set write
//! is refused because another tab stored a newer revision, [`merge_edited`] combines the two:
//! - a field this tab edited keeps this tab's value: it is the newest write of that field (the
//!   other tab's version was committed before this one will be);
//! - a field this tab did not edit takes the stored value, always — a tab's copy of a field it
//!   never touched is at best a stale copy and is never written over the other tab's edit;
//! - attachments merge as a set (by blob key): the stored list, minus what this tab removed
//!   since its base, plus what it added — so two tabs attaching files at once keep both;
//! - the From: a deliberate choice always beats `Automatic` (nothing ever reverts a deliberate
//!   choice to the default); when both tabs chose deliberately since the base, the newer choice
//!   (by `from_chosen_at`, ties to this tab) wins — not by `updated_at`: a write of this very
//!   tab's earlier choice, merged with another tab's typing, carries that typing's newer time.
//!
//! Knowing the edited fields (rather than guessing them from "differs from the base") matters:
//! a tab's copy can differ from its base without the rep having typed anything there (a
//! prefilled recipient, a screen refreshed from an older read), and guessing would then write
//! that stale copy over the other tab's newer text. [`merge`] keeps the guessing form for
//! callers that have no edit record (restoring a discarded draft).
//!
//! Pure: no storage, no clock. It must not decide whether a From is usable (`from.rs` does).

use super::draft::{Draft, DraftAttachment, DraftFrom};

/// Which side a field's value was taken from (for tests and diagnostics).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Local,
    Stored,
}

/// One editable part of a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DraftField {
    To,
    Cc,
    Bcc,
    Subject,
    Body,
    Attachments,
    From,
}

impl DraftField {
    pub const ALL: [DraftField; 7] = [
        DraftField::To,
        DraftField::Cc,
        DraftField::Bcc,
        DraftField::Subject,
        DraftField::Body,
        DraftField::Attachments,
        DraftField::From,
    ];

    fn bit(self) -> u8 {
        1 << (self as u8)
    }

    /// Whether `a` and `b` hold the same value of this field.
    pub fn same(self, a: &Draft, b: &Draft) -> bool {
        match self {
            DraftField::To => a.to == b.to,
            DraftField::Cc => a.cc == b.cc,
            DraftField::Bcc => a.bcc == b.bcc,
            DraftField::Subject => a.subject == b.subject,
            DraftField::Body => a.body_html == b.body_html,
            DraftField::Attachments => a.attachments == b.attachments,
            DraftField::From => a.from == b.from,
        }
    }

    /// Copies this field's value from `from` into `into`.
    pub fn copy(self, into: &mut Draft, from: &Draft) {
        match self {
            DraftField::To => into.to = from.to.clone(),
            DraftField::Cc => into.cc = from.cc.clone(),
            DraftField::Bcc => into.bcc = from.bcc.clone(),
            DraftField::Subject => into.subject = from.subject.clone(),
            DraftField::Body => into.body_html = from.body_html.clone(),
            DraftField::Attachments => into.attachments = from.attachments.clone(),
            DraftField::From => {
                into.from = from.from.clone();
                into.from_chosen_at = from.from_chosen_at;
            }
        }
    }
}

/// The set of fields a tab edited and has not committed yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Edits(u8);

impl Edits {
    pub const NONE: Edits = Edits(0);

    pub fn of(fields: &[DraftField]) -> Edits {
        fields.iter().fold(Edits::NONE, |e, f| e.with(*f))
    }

    /// Every field where `local` differs from `base` (for callers without an edit record).
    pub fn between(base: &Draft, local: &Draft) -> Edits {
        DraftField::ALL
            .iter()
            .filter(|f| !f.same(base, local))
            .fold(Edits::NONE, |e, f| e.with(*f))
    }

    pub fn with(self, field: DraftField) -> Edits {
        Edits(self.0 | field.bit())
    }

    pub fn union(self, other: Edits) -> Edits {
        Edits(self.0 | other.0)
    }

    /// These fields but those of `other`.
    pub fn without(self, other: Edits) -> Edits {
        Edits(self.0 & !other.0)
    }

    pub fn contains(self, field: DraftField) -> bool {
        self.0 & field.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn fields(self) -> impl Iterator<Item = DraftField> {
        DraftField::ALL
            .into_iter()
            .filter(move |f| self.contains(*f))
    }
}

/// The From after a merge. `base` is what the local tab started from; `edited` says whether
/// the rep chose a From in this tab since.
pub fn merge_from_edited(
    base: &DraftFrom,
    local: &Draft,
    edited: bool,
    stored: &Draft,
) -> (DraftFrom, Side) {
    let stored_changed = &stored.from != base;
    let pick = match (&local.from, &stored.from) {
        // A deliberate choice on one side only: it wins whatever the timing, because the
        // other side's `Automatic` is never a choice (it can only be an older state).
        (DraftFrom::Deliberate(_), DraftFrom::Automatic) => Side::Local,
        (DraftFrom::Automatic, DraftFrom::Deliberate(_)) => Side::Stored,
        (DraftFrom::Automatic, DraftFrom::Automatic) => Side::Stored,
        (DraftFrom::Deliberate(_), DraftFrom::Deliberate(_)) => match (edited, stored_changed) {
            (true, false) => Side::Local,
            (false, _) => Side::Stored,
            (true, true) if local.from_chosen_at >= stored.from_chosen_at => Side::Local,
            (true, true) => Side::Stored,
        },
    };
    match pick {
        Side::Local => (local.from.clone(), Side::Local),
        Side::Stored => (stored.from.clone(), Side::Stored),
    }
}

/// The From after a merge, guessing "chosen here" from `local.from != base`.
pub fn merge_from(base: &DraftFrom, local: &Draft, stored: &Draft) -> (DraftFrom, Side) {
    merge_from_edited(base, local, &local.from != base, stored)
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

/// Field-wise merge of `local` (whose fields in `edits` the rep changed since `base`) with
/// `stored` (a newer stored revision). The result carries `stored.revision`, so writing it
/// with that expected revision puts it on top of the stored draft; the key and last editor
/// are the local tab's.
pub fn merge_edited(base: &Draft, local: &Draft, edits: Edits, stored: &Draft) -> Draft {
    let mut out = stored.clone();
    for field in edits.fields() {
        match field {
            DraftField::Attachments => {
                out.attachments =
                    merge_attachments(&base.attachments, &local.attachments, &stored.attachments)
            }
            DraftField::From => {}
            _ => field.copy(&mut out, local),
        }
    }
    let from_side =
        merge_from_edited(&base.from, local, edits.contains(DraftField::From), stored).1;
    let from_source = match from_side {
        Side::Local => local,
        Side::Stored => stored,
    };
    DraftField::From.copy(&mut out, from_source);
    out.key = local.key.clone();
    out.revision = stored.revision;
    out.last_editor_tab = local.last_editor_tab.clone();
    out.updated_at = local.updated_at.max(stored.updated_at);
    out
}

/// Three-way merge of `local` (edited from `base`) with `stored`, for callers without an edit
/// record: a field counts as edited here when it differs from `base`.
pub fn merge(base: &Draft, local: &Draft, stored: &Draft) -> Draft {
    merge_edited(base, local, Edits::between(base, local), stored)
}

/// Whether `local` holds anything not yet in `saved` (ignoring revision bookkeeping).
pub fn has_unsaved_changes(local: &Draft, saved: &Draft) -> bool {
    !Edits::between(saved, local).is_empty()
}
