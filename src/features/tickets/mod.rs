//! Tickets: the ticket record page with its editable properties.

mod ticket_page;
mod ticket_props;

pub use ticket_page::TicketPage;
