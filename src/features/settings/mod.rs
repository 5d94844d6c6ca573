//! Settings pages (SPEC §2–§4, §9): Inboxes, Help Desk, Profile, Mail server, Templates.

mod help_desk_page;
mod inboxes_page;
mod mail_server_page;
mod profile_page;
mod settings_nav;
mod templates_page;

pub use help_desk_page::HelpDeskSettingsPage;
pub use inboxes_page::InboxesSettingsPage;
pub use mail_server_page::MailServerSettingsPage;
pub use profile_page::ProfileSettingsPage;
pub use templates_page::TemplatesSettingsPage;
