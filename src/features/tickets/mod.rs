//! Tickets: the ticket record page with its editable properties and its trash control.

mod ticket_page;
mod ticket_props;
mod ticket_trash;

pub use ticket_page::TicketPage;
pub use ticket_props::TicketNameField;
