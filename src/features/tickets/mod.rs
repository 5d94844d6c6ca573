//! Tickets: the ticket record page.

mod ticket_page;

pub use ticket_page::TicketPage;
