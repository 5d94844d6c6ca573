//! Settings pages (SPEC §2–§4, §9): Inboxes, Help Desk, Profile, Mail server, Templates.

mod access_picker;
mod access_tab;
mod automation_tab;
mod channels_table;
mod connect_channel_form;
mod create_inbox_dialog;
mod fallback_config;
mod fallback_dialog;
mod fallback_preview;
mod fallback_state;
mod field_error;
mod from_fields;
mod help_desk_page;
mod inbox_actions;
mod inboxes_page;
mod language_picker;
mod mail_server_form;
mod mail_server_page;
mod mail_server_status;
mod modal;
mod people_picker;
mod profile_page;
mod rename_dialog;
mod settings_nav;
mod shortcuts_toggle;
mod signature_editor;
mod template_body_editor;
mod template_dialog;
mod template_section;
mod templates_page;
mod verify_address;

pub use help_desk_page::HelpDeskSettingsPage;
pub use inboxes_page::InboxesSettingsPage;
pub use mail_server_page::MailServerSettingsPage;
pub use profile_page::ProfileSettingsPage;
pub use templates_page::TemplatesSettingsPage;
