//! Contacts: the list and a contact record with its email timeline and conversations.

mod contact_page;
mod contacts_page;

pub use contact_page::ContactPage;
pub use contacts_page::ContactsPage;
