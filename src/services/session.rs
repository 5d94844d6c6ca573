//! Who is using this tab. The current user is remembered per tab (sessionStorage), so two tabs
//! can act as two reps; a new tab starts as the user last chosen in any tab (localStorage).

use crate::domain::entries::UserEntry;
use crate::domain::{Role, UserId};

// Also read by index.html's early script (`src/early_read.js`), to load session storage early.
const TAB_USER_KEY: &str = "switchboard.tab-user";
const LAST_USER_KEY: &str = "switchboard.last-user";
const TAB_ID_KEY: &str = "switchboard.tab-id";

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Loads this tab's session storage and the device's local storage. The first use of each
/// in a page is a synchronous round trip to the browser (0.5–4 ms each, measured at
/// start-up); start-up does it while the database opens, so that the current user's lookup
/// before the first page read (`initial_user`) finds both loaded.
pub fn load_storage() {
    let _ = session().map(|s| s.get_item(TAB_USER_KEY));
    let _ = local().map(|s| s.get_item(LAST_USER_KEY));
}

/// A random id for this tab, stable across reloads of the same tab.
pub fn tab_id() -> String {
    if let Some(id) = session().and_then(|s| s.get_item(TAB_ID_KEY).ok().flatten()) {
        return id;
    }
    let id = format!("tab-{}", random_hex(8));
    if let Some(s) = session() {
        let _ = s.set_item(TAB_ID_KEY, &id);
    }
    id
}

/// Hex string from the browser's crypto RNG (falls back to Math.random if crypto is missing).
pub fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.get_random_values_with_u8_array(&mut buf).is_ok())
        .unwrap_or(false);
    if !filled {
        for b in buf.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

/// The user this tab acts as: the tab's remembered user if it still exists, else the last user
/// chosen in any tab, else the first super admin, else the first user. A tab that had none
/// remembers the one it starts as, so a **Switch user** in another tab later (which changes
/// the device's last user) does not change this tab's user when it reloads (nor whose drafts
/// it opens).
pub fn initial_user(users: &[UserEntry]) -> Option<UserId> {
    let exists = |id: &str| {
        users
            .iter()
            .find(|u| u.id.as_str() == id)
            .map(|u| u.id.clone())
    };
    let tab = session();
    if let Some(id) = tab
        .as_ref()
        .and_then(|s| s.get_item(TAB_USER_KEY).ok().flatten())
        .and_then(|id| exists(&id))
    {
        return Some(id);
    }
    let chosen = local()
        .and_then(|s| s.get_item(LAST_USER_KEY).ok().flatten())
        .and_then(|id| exists(&id))
        .or_else(|| {
            users
                .iter()
                .find(|u| u.role == Role::SuperAdmin)
                .map(|u| u.id.clone())
        })
        .or_else(|| users.first().map(|u| u.id.clone()));
    if let (Some(id), Some(tab)) = (&chosen, &tab) {
        let _ = tab.set_item(TAB_USER_KEY, id.as_str());
    }
    chosen
}

pub fn remember_user(id: &UserId) {
    if let Some(s) = session() {
        let _ = s.set_item(TAB_USER_KEY, id.as_str());
    }
    if let Some(s) = local() {
        let _ = s.set_item(LAST_USER_KEY, id.as_str());
    }
}

pub fn now_millis() -> i64 {
    js_sys::Date::now() as i64
}
