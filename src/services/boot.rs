//! Opening the database and loading the demo workspace on first start (and on **Reset demo
//! workspace**). The demo data is a file in `public/demo/`, fetched like any other data.
//! Start-up reads only the directory's [`Summary`]; the whole [`Directory`] is read by
//! [`load_directory`], a lazily loaded chunk (see `AppCtx::until_directory`), together with
//! the English texts the first screen does not show (`i18n::web::until_texts`).

use super::{AppCtx, AppError};
use crate::domain::WorkspaceData;
use crate::storage::{Db, Directory, EarlyRead, Summary, DB_NAME};

pub const DEMO_URL: &str = "/demo/workspace.json";

/// Opens the store, seeds the demo workspace if the store is empty, and reads what the first
/// inbox paint needs of the directory: from the early script's answers when they are what the
/// app would read (`storage::EarlyRead`), else from the store. The answers come back too, for
/// the first list page ([`super::queries::first_page`]).
pub async fn boot() -> Result<(Db, Summary, Option<EarlyRead>), AppError> {
    // The open request goes out first (the spawned open runs at the first await), then the
    // early script's answers are taken and the storage areas loaded (the first use of each
    // is a synchronous round trip to the browser; the early script, when it ran, has made
    // both already, while the app's code arrived) while the browser opens the database.
    let db = Db::opening(DB_NAME);
    let early = EarlyRead::take().await;
    super::session::load_storage();
    // What the first screen shows is read already: it does not wait for this tab's open.
    // (One that does not decode is read again, as if there were none.)
    if let Some(Ok(summary)) = early.as_ref().and_then(EarlyRead::summary) {
        return Ok((db, summary, early));
    }
    db.connected().await?;
    if let Some(summary) = db.seeded_summary().await? {
        return Ok((db, summary, early));
    }
    seed_demo(db.clone()).await?;
    let summary = db.load_summary().await?;
    Ok((db, summary, early))
}

/// Reads the whole directory and installs every English text with it (issue 2: both are
/// lazily loaded chunks). It returns only once the texts are there, so `AppCtx::directory`
/// being set means every text is present: whatever waits for the directory (settings, a
/// ticket, a contact, the open conversation, the Compose dialog's composer) needs no gate of
/// its own for the texts, and nothing is rebuilt when they arrive.
pub async fn load_directory(db: Db) -> Result<Directory, AppError> {
    let (directory, ()) =
        futures_util::future::join(read_directory(db), crate::i18n::web::until_texts()).await;
    directory
}

/// Reads the whole directory. A lazily loaded chunk (`#[leptos::lazy]`, issue 2): the
/// deserialisers of whole inboxes (fallback email, automation, owner rules), the workspace's
/// default reply addresses and templates are fetched right after the first paint, not in the
/// initial load.
// Split only in the app build (feature `split`), as `seed_demo`.
#[cfg_attr(feature = "split", leptos::lazy)]
async fn read_directory(db: Db) -> Result<Directory, AppError> {
    Ok(db.load_directory().await?)
}

/// Fetches the demo workspace and replaces every record with it, in one transaction. A lazily
/// loaded chunk (`#[leptos::lazy]`, issue 2): parsing the whole workspace file (every record
/// type's deserialiser) and writing every store happen on first start or on reset only, so
/// they are not part of the initial load.
// Split only in the app build (feature `split`, set by index.html): a test binary cannot
// link a lazy function (its import is resolved by scripts/post-build.mjs).
#[cfg_attr(feature = "split", leptos::lazy)]
async fn seed_demo(db: Db) -> Result<(), AppError> {
    let data = fetch_demo().await?;
    db.replace_all(&data).await?;
    Ok(())
}

pub async fn fetch_demo() -> Result<WorkspaceData, AppError> {
    let network = |reason: String| AppError::Network {
        what: "the demo workspace".into(),
        reason,
    };
    let response = gloo_net::http::Request::get(DEMO_URL)
        .send()
        .await
        .map_err(|e| network(e.to_string()))?;
    if !response.ok() {
        return Err(network(format!(
            "the server answered {}",
            response.status()
        )));
    }
    let text = response.text().await.map_err(|e| network(e.to_string()))?;
    serde_json::from_str(&text).map_err(|e| AppError::BadData(e.to_string()))
}

/// **Reset demo workspace**: replaces every record (drafts and outbox included) with the demo
/// data in one transaction; the last good data survives if anything fails.
pub async fn reset_demo(ctx: AppCtx) -> Result<(), AppError> {
    seed_demo(ctx.db()).await?;
    ctx.reload_directory().await?;
    ctx.changed("*", None);
    Ok(())
}
