//! Preferences of this device (not of the user, not synced): whether keyboard shortcuts are on.
//! Kept in `localStorage`; an unavailable storage means the default (on).

const SHORTCUTS_KEY: &str = "switchboard.shortcuts";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether keyboard shortcuts are on for this device (on unless turned off).
pub fn shortcuts_enabled() -> bool {
    storage()
        .and_then(|s| s.get_item(SHORTCUTS_KEY).ok().flatten())
        .is_none_or(|v| v != "off")
}

/// Turns keyboard shortcuts on or off on this device.
pub fn set_shortcuts_enabled(on: bool) {
    if let Some(s) = storage() {
        let _ = s.set_item(SHORTCUTS_KEY, if on { "on" } else { "off" });
    }
}
