//! Search (SPEC §5) over the search-token indexes: which conversations of the filtered open and
//! closed lists have, for every word typed, a search token starting with it (subject, preview,
//! contact name or address — `_t` on conversations — or a message's subject or text —
//! `message_terms`).
//!
//! Reads index keys, and records only when they are few: a word matching thousands of
//! conversations ("customer") is not read in full when another word of the query matches a few
//! ("0042"): each word's keys are first read up to `PROBE` of them; the words read whole give
//! the candidates, and a word cut short is checked on the candidates' own records. The
//! candidates' records also place them in the lists (no list's 10,000 keys are read). Only a
//! query whose every word is cut short reads whole key lists, and its answer is long anyway.
//! Must not decide what matches (`domain::views` tokenises; the order is the lists').

use super::{list_index_name, list_range, text_field, Db, ListQuery, StorageError};
use crate::domain::ConversationId;
use crate::storage::records::area_key;
use crate::storage::records::list_prefix_fields;
use crate::storage::schema::{CONVERSATIONS, F_AREA, F_TERMS, IDX_TERMS, MESSAGE_TERMS};
use indexed_db_futures::future::GetAllPrimitiveRequest;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use indexed_db_futures::KeyRange;
use wasm_bindgen::{JsCast, JsValue};

/// How many keys of one word's index range are read before the word counts as too common to
/// read whole (its matches are then checked on the other words' candidates).
const PROBE: u32 = 300;

/// The two index-key reads of one search token, sent: conversations whose own tokens (subject,
/// preview, contact) have a token starting with it, and messages' terms, keyed
/// `[conversation, message]`; at most `limit` keys each when given.
pub(super) struct TokenKeys {
    by_conversation: GetAllPrimitiveRequest<JsValue>,
    by_message: GetAllPrimitiveRequest<JsValue>,
    limit: Option<u32>,
}

/// The conversation ids a token's reads found, and whether they are all of them.
pub(super) struct TokenHits {
    pub set: js_sys::Set,
    pub whole: bool,
}

impl TokenKeys {
    pub(super) fn request(
        tx: &Transaction<'_>,
        token: &str,
        limit: Option<u32>,
    ) -> Result<Self, StorageError> {
        let keys = |store: &str| {
            let object_store = tx.object_store(store)?;
            let index = object_store.index(IDX_TERMS)?;
            let request = index
                .get_all_keys::<JsValue>()
                .with_query::<JsValue, _>(super::token_range(token));
            match limit {
                Some(limit) => request.with_limit(limit).primitive(),
                None => request.primitive(),
            }
            .map_err(StorageError::from)
        };
        Ok(TokenKeys {
            by_conversation: keys(CONVERSATIONS)?,
            by_message: keys(MESSAGE_TERMS)?,
            limit,
        })
    }

    /// The conversation ids found, as a JavaScript set of strings.
    pub(super) async fn hits(self) -> Result<TokenHits, StorageError> {
        let set = js_sys::Set::new(&JsValue::UNDEFINED);
        let mut read = 0u32;
        for key in self.by_conversation.await? {
            set.add(&key?);
            read += 1;
        }
        let whole_conversations = self.limit.is_none_or(|limit| read < limit);
        read = 0;
        for key in self.by_message.await? {
            // The key is [conversation, message].
            if let Ok(id) = js_sys::Reflect::get_u32(&key?, 0) {
                set.add(&id);
            }
            read += 1;
        }
        let whole = whole_conversations && self.limit.is_none_or(|limit| read < limit);
        Ok(TokenHits { set, whole })
    }
}

/// The values in both sets.
fn intersection(a: &js_sys::Set, b: &js_sys::Set) -> js_sys::Set {
    let (small, large) = if a.size() <= b.size() { (a, b) } else { (b, a) };
    let out = js_sys::Set::new(&JsValue::UNDEFINED);
    small.for_each(&mut |value, _, _| {
        if large.has(&value) {
            out.add(&value);
        }
    });
    out
}

impl Db {
    /// A search: the ids of the conversations of the lists `lists` (in their order, one list
    /// after the other, each id once) where every token of `tokens` starts a search token of
    /// the conversation (see `conversations_with_token`). See the module comment for how.
    pub async fn search_ids(
        &self,
        tokens: &[String],
        lists: &[ListQuery],
    ) -> Result<Vec<ConversationId>, StorageError> {
        self.search_ids_with_probe(tokens, lists, PROBE).await
    }

    /// [`Db::search_ids`] with another `PROBE` (the browser tests take each path with a few
    /// records).
    #[doc(hidden)]
    pub async fn search_ids_with_probe(
        &self,
        tokens: &[String],
        lists: &[ListQuery],
        probe: u32,
    ) -> Result<Vec<ConversationId>, StorageError> {
        if tokens.is_empty() || lists.is_empty() {
            return Ok(Vec::new());
        }
        let tx = self
            .tx([CONVERSATIONS, MESSAGE_TERMS], TransactionMode::Readonly)
            .await?;
        let probes = tokens
            .iter()
            .map(|token| TokenKeys::request(&tx, token, Some(probe)))
            .collect::<Result<Vec<_>, _>>()?;
        let mut candidates: Option<js_sys::Set> = None;
        let mut unchecked: Vec<&str> = Vec::new();
        for (token, probe) in tokens.iter().zip(probes) {
            let hits = probe.hits().await?;
            if hits.whole {
                candidates = Some(match candidates {
                    None => hits.set,
                    Some(previous) => intersection(&previous, &hits.set),
                });
            } else {
                unchecked.push(token);
            }
        }
        match candidates {
            Some(candidates) => {
                self.check_candidates(&tx, candidates, &unchecked, lists)
                    .await
            }
            None => self.search_whole(&tx, tokens, lists).await,
        }
    }

    /// Every token common: every key of every token and of every list is read (each list's
    /// order comes from its index), intersected as JavaScript values, so only the ids found
    /// are turned into strings.
    async fn search_whole(
        &self,
        tx: &Transaction<'_>,
        tokens: &[String],
        lists: &[ListQuery],
    ) -> Result<Vec<ConversationId>, StorageError> {
        let token_requests = tokens
            .iter()
            .map(|token| TokenKeys::request(tx, token, None))
            .collect::<Result<Vec<_>, _>>()?;
        let object_store = tx.object_store(CONVERSATIONS)?;
        let list_requests = lists
            .iter()
            .map(|q| {
                let (lower, upper) = list_range(q, None);
                object_store
                    .index(list_index_name(q.plan.index))?
                    .get_all_keys::<JsValue>()
                    .with_query::<JsValue, _>(KeyRange::Bound(lower, false, upper, false))
                    .primitive()
                    .map_err(StorageError::from)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut hits: Option<js_sys::Set> = None;
        for request in token_requests {
            let found = request.hits().await?.set;
            hits = Some(match hits {
                None => found,
                Some(previous) => intersection(&previous, &found),
            });
        }
        let hits = hits.unwrap_or_else(|| js_sys::Set::new(&JsValue::UNDEFINED));
        let mut out = Vec::new();
        for request in list_requests {
            // Ascending by [.., last_activity] then id: reversed, the list's own order.
            let keys: Vec<JsValue> = request.await?.filter_map(Result::ok).collect();
            if hits.size() == 0 {
                continue;
            }
            out.extend(
                keys.into_iter()
                    .rev()
                    .filter(|key| hits.has(key))
                    .filter_map(|key| key.as_string())
                    .map(ConversationId::new),
            );
        }
        Ok(out)
    }

    /// Some token's matches were read whole (`candidates`): each candidate's record is read,
    /// must have a token starting with each of `unchecked` (in its own tokens or, read only
    /// then, its messages' terms) and lie in one of `lists`; ordered as the lists are.
    async fn check_candidates(
        &self,
        tx: &Transaction<'_>,
        candidates: js_sys::Set,
        unchecked: &[&str],
        lists: &[ListQuery],
    ) -> Result<Vec<ConversationId>, StorageError> {
        let conversations = tx.object_store(CONVERSATIONS)?;
        let mut requests = Vec::new();
        let mut failed: Option<StorageError> = None;
        candidates.for_each(&mut |id, _, _| {
            if failed.is_none() {
                match conversations.get::<JsValue, _, _>(id).primitive() {
                    Ok(request) => requests.push(request),
                    Err(error) => failed = Some(error.into()),
                }
            }
        });
        if let Some(error) = failed {
            return Err(error);
        }
        // (list, last_activity, id, record) of the candidates in a list.
        let mut placed: Vec<(usize, f64, String, JsValue)> = Vec::new();
        for request in requests {
            let Some(record) = request.await? else {
                continue;
            };
            if let Some((list, last_activity)) = place(&record, lists) {
                placed.push((list, last_activity, text_field(&record, "id"), record));
            }
        }
        // The words a record's own tokens do not start: its messages' terms are read.
        let missing = |record: &JsValue| -> Vec<String> {
            let own = string_array(record, F_TERMS);
            unchecked
                .iter()
                .filter(|token| !own.iter().any(|t| t.starts_with(**token)))
                .map(|token| token.to_string())
                .collect()
        };
        let terms = tx.object_store(MESSAGE_TERMS)?;
        let mut kept = Vec::with_capacity(placed.len());
        let mut pending = Vec::new();
        for (list, last_activity, id, record) in placed {
            let missing = missing(&record);
            if missing.is_empty() {
                kept.push((list, last_activity, id));
            } else {
                let range = KeyRange::Bound(
                    super::key(&[id.as_str().into()]),
                    false,
                    super::key(&[id.as_str().into(), js_sys::Array::new().into()]),
                    false,
                );
                let request = terms
                    .get_all::<JsValue>()
                    .with_query::<JsValue, _>(range)
                    .primitive()?;
                pending.push((list, last_activity, id, missing, request));
            }
        }
        for (list, last_activity, id, missing, request) in pending {
            let mut tokens: Vec<String> = Vec::new();
            for record in request.await? {
                tokens.extend(string_array(&record?, F_TERMS));
            }
            if missing
                .iter()
                .all(|word| tokens.iter().any(|t| t.starts_with(word.as_str())))
            {
                kept.push((list, last_activity, id));
            }
        }
        // Each list's order: newest first, then the larger id first (its index, reversed).
        kept.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then(b.1.total_cmp(&a.1))
                .then_with(|| b.2.cmp(&a.2))
        });
        Ok(kept
            .into_iter()
            .map(|(_, _, id)| ConversationId::new(id))
            .collect())
    }
}

/// The first of `lists` the stored conversation `record` is in, with its `last_activity`: its
/// area, inbox and the fields of the list's index prefix equal the list's, and its last
/// activity lies within the list's dates (the same test as the list's key range).
fn place(record: &JsValue, lists: &[ListQuery]) -> Option<(usize, f64)> {
    let last_activity = js_sys::Reflect::get(record, &JsValue::from_str("last_activity"))
        .ok()?
        .as_f64()?;
    lists
        .iter()
        .position(|q| {
            text_field(record, F_AREA) == area_key(q.area)
                && text_field(record, "inbox") == q.inbox.as_str()
                && list_prefix_fields(q.plan.index)
                    .iter()
                    .zip(&q.plan.prefix)
                    .all(|(field, value)| text_field(record, field) == *value)
                && q.plan.from.is_none_or(|from| last_activity >= from as f64)
                && q.plan.to.is_none_or(|to| last_activity <= to as f64)
        })
        .map(|list| (list, last_activity))
}

/// The strings of the array field `field` of a stored record (none when missing).
fn string_array(record: &JsValue, field: &str) -> Vec<String> {
    js_sys::Reflect::get(record, &JsValue::from_str(field))
        .ok()
        .filter(js_sys::Array::is_array)
        .map(|v| {
            v.unchecked_into::<js_sys::Array>()
                .iter()
                .filter_map(|t| t.as_string())
                .collect()
        })
        .unwrap_or_default()
}
