//! The files of received and sent messages (SPEC §5 "attachments too", §9 received
//! attachments): kept as blobs under `Message::attachment_blob_key` when the message is
//! recorded, read back to download one or to show a message's inline (`cid:`) images.
//!
//! Must not decide which parts are inline (`mail::received` does, from the HTML) nor make HTML
//! safe (the thread's cleaner runs on what `inline_images` feeds it).

use super::{AppCtx, AppError};
use crate::domain::refusal::Refusal;
use crate::domain::{attachment_blob_key, Message, MessageId};
use crate::mail::inline::data_url;
use wasm_bindgen_futures::JsFuture;

/// A blob holding `bytes`, typed `content_type` (so a download or an image keeps its type).
pub fn blob_of(bytes: &[u8], content_type: &str) -> Option<web_sys::Blob> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(content_type);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()
}

/// The bytes of `blob`; `name` words the error when the browser cannot read it.
pub async fn blob_bytes(blob: &web_sys::Blob, name: &str) -> Result<Vec<u8>, AppError> {
    let unreadable = || {
        AppError::Refused(Refusal::AttachmentUnreadable {
            name: name.to_owned(),
        })
    };
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|_| unreadable())?;
    let buffer: js_sys::ArrayBuffer =
        wasm_bindgen::JsCast::dyn_into(buffer).map_err(|_| unreadable())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Stores the files of `message` (one blob per attachment, in the message's order) before the
/// message itself is recorded, so a recorded message never names a file that is not there.
pub async fn keep_files(
    app: AppCtx,
    message: &MessageId,
    files: Vec<web_sys::Blob>,
) -> Result<(), AppError> {
    let keyed: Vec<(String, web_sys::Blob)> = files
        .into_iter()
        .enumerate()
        .map(|(index, blob)| (attachment_blob_key(message, index), blob))
        .collect();
    Ok(app.db().put_blobs(&keyed).await?)
}

/// The file of attachment `index` of `message`, to download; `None` when it was never stored
/// here (mail recorded before files were kept, the demo's sample messages).
pub async fn message_file(
    app: AppCtx,
    message: MessageId,
    index: usize,
) -> Result<Option<web_sys::Blob>, AppError> {
    Ok(app.db().blob(&attachment_blob_key(&message, index)).await?)
}

/// The inline images of `message` as (Content-ID, `data:` URL): what its HTML shows in place.
/// An image whose file is missing or unreadable is left out (the frame shows it as absent).
pub async fn inline_images(app: AppCtx, message: &Message) -> Vec<(String, String)> {
    let mut images = Vec::new();
    for (index, a) in message.attachments.iter().enumerate() {
        let Some(id) = a.content_id.as_ref().filter(|_| a.inline) else {
            continue;
        };
        let Ok(Some(blob)) = app.db().blob(&message.attachment_blob_key(index)).await else {
            continue;
        };
        let Ok(bytes) = blob_bytes(&blob, &a.file_name).await else {
            continue;
        };
        if let Some(url) = data_url(&a.content_type, &bytes) {
            images.push((id.clone(), url));
        }
    }
    images
}
