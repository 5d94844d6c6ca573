//! Unit enums keep the stored form serde's `rename_all = "snake_case"` gave them (databases and
//! data files written before `domain::stored_name` must read the same), both ways.

use switchboard::domain::model::*;

fn round_trip<T>(all: &[T], expected: &[&str])
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    assert_eq!(all.len(), expected.len());
    for (value, name) in all.iter().zip(expected) {
        let json = serde_json::to_string(value).unwrap();
        assert_eq!(json, format!("\"{name}\""), "{value:?} is stored as {name}");
        let back: T = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, value);
    }
    let err = serde_json::from_str::<T>("\"no_such_name\"").unwrap_err();
    assert!(
        err.to_string().contains("unknown variant `no_such_name`"),
        "{err}"
    );
    assert!(serde_json::from_str::<T>("3").is_err());
}

#[test]
fn every_unit_enum_is_stored_under_its_snake_case_name() {
    use Area::*;
    round_trip(&[Inbox, HelpDesk], &["inbox", "help_desk"]);
    round_trip(
        &[
            Plan::Free,
            Plan::Starter,
            Plan::Professional,
            Plan::Enterprise,
        ],
        &["free", "starter", "professional", "enterprise"],
    );
    round_trip(&[Seat::Paid, Seat::Free], &["paid", "free"]);
    round_trip(
        &[Availability::Available, Availability::Away],
        &["available", "away"],
    );
    round_trip(
        &[Role::SuperAdmin, Role::Admin, Role::User],
        &["super_admin", "admin", "user"],
    );
    round_trip(
        &[FromNameMode::AgentAndCompany, FromNameMode::CompanyName],
        &["agent_and_company", "company_name"],
    );
    round_trip(
        &[
            Priority::Low,
            Priority::Medium,
            Priority::High,
            Priority::Urgent,
        ],
        &["low", "medium", "high", "urgent"],
    );
    round_trip(
        &[ChannelKind::Fallback, ChannelKind::TeamEmail],
        &["fallback", "team_email"],
    );
    round_trip(
        &[ConversationStatus::Open, ConversationStatus::Closed],
        &["open", "closed"],
    );
    round_trip(
        &[Direction::Incoming, Direction::Outgoing, Direction::Comment],
        &["incoming", "outgoing", "comment"],
    );
    round_trip(
        &[
            TicketStatus::New,
            TicketStatus::WaitingOnContact,
            TicketStatus::WaitingOnUs,
            TicketStatus::Closed,
        ],
        &["new", "waiting_on_contact", "waiting_on_us", "closed"],
    );
    round_trip(
        &[
            TemplateKind::Template,
            TemplateKind::Snippet,
            TemplateKind::Document,
            TemplateKind::MeetingLink,
            TemplateKind::KnowledgeBase,
            TemplateKind::Video,
        ],
        &[
            "template",
            "snippet",
            "document",
            "meeting_link",
            "knowledge_base",
            "video",
        ],
    );
}

#[test]
fn the_table_of_every_enum_lists_each_variant_once_in_order() {
    assert_eq!(
        Role::ALL_STORED,
        &[Role::SuperAdmin, Role::Admin, Role::User]
    );
    assert_eq!(TicketStatus::ALL_STORED.len(), 4);
    assert_eq!(TemplateKind::ALL_STORED.len(), 6);
    assert_eq!(TemplateKind::MeetingLink.stored_name(), "meeting_link");
}
