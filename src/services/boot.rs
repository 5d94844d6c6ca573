//! Opening the database and loading the demo workspace on first start (and on **Reset demo
//! workspace**). The demo data is a file in `public/demo/`, fetched like any other data.

use super::{AppCtx, AppError};
use crate::domain::WorkspaceData;
use crate::storage::{Db, Directory, DB_NAME};

pub const DEMO_URL: &str = "/demo/workspace.json";

/// Opens the store, seeds the demo workspace if the store is empty, and loads the directory.
pub async fn boot() -> Result<(Db, Directory), AppError> {
    let db = Db::open(DB_NAME).await?;
    if !db.is_seeded().await? {
        seed_demo(db.clone()).await?;
    }
    let directory = db.load_directory().await?;
    Ok((db, directory))
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
