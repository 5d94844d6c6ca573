//! Remote content in received mail (SPEC §8): whether the rep chose **Always show images from
//! <sender>**, remembered per sender address in the META store (one small record per sender,
//! no schema change). Showing images for one message only is page state, not stored here.
//!
//! Must not decide what a frame may load (that is `ui::sandbox`'s CSP); it only remembers.

use super::{AppCtx, AppError};
use crate::domain::EmailAddress;
use crate::storage::schema::META;
use crate::text::lowercase;

fn key(sender: &EmailAddress) -> String {
    format!("remote_images:{}", lowercase(sender.as_str()))
}

/// True when the rep allowed remote images from `sender` for good.
pub async fn images_allowed_from(app: AppCtx, sender: &EmailAddress) -> Result<bool, AppError> {
    Ok(app
        .db()
        .get_meta::<bool>(&key(sender))
        .await?
        .unwrap_or(false))
}

/// Remembers **Always show images from <sender>**; every open thread re-renders its frames.
pub async fn always_show_images_from(app: AppCtx, sender: EmailAddress) -> Result<(), AppError> {
    let key = key(&sender);
    app.db().set_meta(&key, &true).await?;
    app.changed(META, Some(key));
    Ok(())
}
