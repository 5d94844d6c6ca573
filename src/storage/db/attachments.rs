//! Attachment blobs (SPEC §5 composer, §7 drafts hold attachments as blobs, §9 received
//! attachments): the bytes live as `Blob`s in the ATTACHMENTS store, the records keep only the
//! metadata. A draft's are under `DraftAttachment::blob_key` (keys of one draft share
//! `DraftKey::blob_prefix`, so its blobs are found with a key range: no index, no schema
//! change); a received or sent message's under `Message::attachment_blob_key`.
//!
//! Must not decide limits or names (`domain::draft` does) nor when blobs may go (the drafts
//! service removes them only after a send is recorded or a discard can no longer be undone).

use super::{Db, StorageError};
use crate::storage::schema::ATTACHMENTS;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use indexed_db_futures::KeyRange;
use wasm_bindgen::{JsCast, JsValue};

/// The key range of every key starting with `prefix`: `prefix` up to `prefix` followed by the
/// highest UTF-16 unit (IndexedDB compares string keys by UTF-16 code units).
fn prefix_range(prefix: &str) -> KeyRange<JsValue> {
    KeyRange::Bound(
        JsValue::from_str(prefix),
        false,
        JsValue::from_str(&format!("{prefix}\u{ffff}")),
        false,
    )
}

impl Db {
    /// Stores `blob` under `key` (one transaction, awaited: `Ok` means durable).
    pub async fn put_blob(&self, key: &str, blob: &web_sys::Blob) -> Result<(), StorageError> {
        self.put_blobs(&[(key.to_owned(), blob.clone())]).await
    }

    /// Stores every `(key, blob)` in one transaction (awaited: `Ok` means all are durable).
    pub async fn put_blobs(&self, blobs: &[(String, web_sys::Blob)]) -> Result<(), StorageError> {
        if blobs.is_empty() {
            return Ok(());
        }
        let tx = self.tx(ATTACHMENTS, TransactionMode::Readwrite).await?;
        let store = tx.object_store(ATTACHMENTS)?;
        for (key, blob) in blobs {
            let _request = store
                .put(JsValue::from(blob.clone()))
                .with_key(key.as_str())
                .primitive()?;
        }
        self.commit(tx).await
    }

    /// The blob stored under `key`, if any.
    pub async fn blob(&self, key: &str) -> Result<Option<web_sys::Blob>, StorageError> {
        let tx = self.tx(ATTACHMENTS, TransactionMode::Readonly).await?;
        let value: Option<JsValue> = tx.object_store(ATTACHMENTS)?.get(key).primitive()?.await?;
        match value {
            None => Ok(None),
            Some(value) => value
                .dyn_into::<web_sys::Blob>()
                .map(Some)
                .map_err(|_| StorageError::Serde(format!("the attachment {key} is not a file"))),
        }
    }

    /// Keys of every blob whose key starts with `prefix`, in key order.
    pub async fn blob_keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        let tx = self.tx(ATTACHMENTS, TransactionMode::Readonly).await?;
        let keys = tx
            .object_store(ATTACHMENTS)?
            .get_all_keys::<JsValue>()
            .with_query::<JsValue, _>(prefix_range(prefix))
            .primitive()?
            .await?;
        let mut out = Vec::new();
        for key in keys {
            if let Some(key) = key?.as_string() {
                out.push(key);
            }
        }
        Ok(out)
    }

    /// Deletes the blobs under `keys` in one transaction (absent keys are no error).
    pub async fn delete_blobs(&self, keys: &[String]) -> Result<(), StorageError> {
        if keys.is_empty() {
            return Ok(());
        }
        let tx = self.tx(ATTACHMENTS, TransactionMode::Readwrite).await?;
        let store = tx.object_store(ATTACHMENTS)?;
        for key in keys {
            let _request = store.delete(key.as_str()).primitive()?;
        }
        self.commit(tx).await
    }
}
