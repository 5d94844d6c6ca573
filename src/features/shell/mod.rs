//! The frame around every page: top navigation, account menu, not-found page.

mod account_menu;
mod not_found;
mod top_bar;

pub use account_menu::AccountMenu;
pub use not_found::NotFound;
pub use top_bar::TopBar;
