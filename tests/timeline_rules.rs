//! SPEC §5 "**Send** records the email on the recipient's contact timeline" and §1/§9 "unknown
//! senders become contacts", for emails with several people on them (`domain::timeline`): one
//! case per rule of whose timeline an email is on (the addresses its record is indexed by),
//! which recipients of a sent email become contacts and which contact a new sent thread
//! belongs to, how a contact's timeline reads are merged, and where a **Sent** row opens (a
//! CRM email from a personal address is in no conversation). The import's side (only the
//! sender becomes a contact) is driven with a real `.eml` through `domain::import`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use switchboard::domain::timeline::{
    address_key, own_addresses, sent_contacts, sent_opens, timeline, timeline_keys, SentContacts,
    SentOpens,
};
use switchboard::domain::*;
use switchboard::mail::{parse_eml, received_message};

const NOW: Millis = 1_795_176_000_000;

fn mailbox(name: Option<&str>, address: &str) -> Mailbox {
    Mailbox {
        name: name.map(str::to_owned),
        address: EmailAddress::parse(address).expect("a valid address"),
    }
}

fn addresses(list: &[&str]) -> Vec<Mailbox> {
    list.iter().map(|a| mailbox(None, a)).collect()
}

fn message(id: &str, conversation: &str, direction: Direction, date: Millis) -> Message {
    let from = mailbox(None, "support@northwind.example");
    Message {
        subject: format!("Message {id}"),
        ..common::message(id, conversation, direction, from, date)
    }
}

fn email(direction: Direction, from: &str, to: &[&str], cc: &[&str], bcc: &[&str]) -> Message {
    Message {
        from: mailbox(None, from),
        to: addresses(to),
        cc: addresses(cc),
        bcc: addresses(bcc),
        ..message("m-1", "conv-1", direction, NOW)
    }
}

fn contact(id: &str, address: &str) -> Contact {
    Contact {
        id: ContactId::new(id),
        email: EmailAddress::parse(address).unwrap(),
        name: None,
        owner: None,
        created_at: 1,
    }
}

fn conversation(id: &str, last_activity: Millis) -> Conversation {
    Conversation {
        id: ConversationId::new(id),
        inbox: InboxId::new("inbox-support"),
        area: Area::Inbox,
        channel: ChannelId::new("ch-support-email"),
        contact: ContactId::new("c-001"),
        subject: format!("Subject of {id}"),
        status: ConversationStatus::Open,
        assignee: None,
        ticket: None,
        created_at: 1,
        last_activity,
        snippet: String::new(),
        message_count: 1,
        trashed_at: None,
    }
}

use common::demo;

/// `sent_contacts` with ids `c-new-1`, `c-new-2`, … and the workspace's own addresses `own`.
fn plan_sent(
    to: &[Mailbox],
    cc: &[Mailbox],
    bcc: &[Mailbox],
    own: &[&str],
    stored: &[Contact],
) -> SentContacts {
    let own: Vec<EmailAddress> = own
        .iter()
        .map(|a| EmailAddress::parse(a).unwrap())
        .collect();
    let own: Vec<&EmailAddress> = own.iter().collect();
    let mut n = 0;
    let new_id = || {
        n += 1;
        ContactId::new(format!("c-new-{n}"))
    };
    sent_contacts([to, cc, bcc], &own, stored, new_id, NOW)
}

fn emails(contacts: &[Contact]) -> Vec<&str> {
    contacts.iter().map(|c| c.email.as_str()).collect()
}

// ---- whose timeline an email is on ---------------------------------------------------------

#[test]
fn a_received_email_is_on_its_senders_and_every_to_and_cc_recipients_timeline() {
    let m = email(
        Direction::Incoming,
        "Ana.Marin@Posta.example",
        &["support@northwind.example", "bogdan@posta.example"],
        &["Cristina.Turcan@mail.example"],
        &[],
    );
    assert_eq!(
        timeline_keys(&m),
        [
            "ana.marin@posta.example",
            "support@northwind.example",
            "bogdan@posta.example",
            "cristina.turcan@mail.example",
        ]
    );
}

#[test]
fn a_sent_email_is_on_every_to_cc_and_bcc_recipients_timeline_and_not_on_its_from() {
    let m = email(
        Direction::Outgoing,
        "support@northwind.example",
        &["erik@mail.example", "ines@mail.example"],
        &["nora@online.example"],
        &["bram@bergsportvisser.example"],
    );
    assert_eq!(
        timeline_keys(&m),
        [
            "erik@mail.example",
            "ines@mail.example",
            "nora@online.example",
            "bram@bergsportvisser.example",
        ]
    );
}

#[test]
fn an_internal_comment_is_on_no_timeline() {
    let m = email(
        Direction::Comment,
        "giulia.rossi@northwind.example",
        &["erik@mail.example"],
        &["nora@online.example"],
        &[],
    );
    assert!(timeline_keys(&m).is_empty());
}

#[test]
fn an_address_named_twice_in_any_case_is_one_key() {
    let m = email(
        Direction::Incoming,
        "erik@mail.example",
        &["support@northwind.example"],
        &["ERIK@mail.example", "Support@Northwind.example"],
        &[],
    );
    assert_eq!(
        timeline_keys(&m),
        ["erik@mail.example", "support@northwind.example"]
    );
}

#[test]
fn the_key_of_an_address_is_the_contacts_email_key() {
    // Contacts are unique by the same ASCII lower-casing (`EmailAddress::same_mailbox`).
    assert_eq!(
        address_key("Ștefan.R@Outlook.example"),
        "Ștefan.r@outlook.example"
    );
    assert_eq!(address_key("erik@mail.example"), "erik@mail.example");
}

// ---- which recipients of a sent email become contacts --------------------------------------

#[test]
fn every_unknown_to_cc_and_bcc_recipient_becomes_a_contact_with_the_name_typed() {
    let planned = plan_sent(
        &[
            mailbox(Some("Erik Larsen"), "erik@mail.example"),
            mailbox(Some("  "), "ines@mail.example"),
        ],
        &[mailbox(Some("Nora Haugen"), "nora@online.example")],
        &[mailbox(None, "bram@bergsportvisser.example")],
        &["support@northwind.example"],
        &[],
    );
    assert_eq!(
        emails(&planned.created),
        [
            "erik@mail.example",
            "ines@mail.example",
            "nora@online.example",
            "bram@bergsportvisser.example",
        ]
    );
    let names: Vec<Option<&str>> = planned.created.iter().map(|c| c.name.as_deref()).collect();
    assert_eq!(
        names,
        [Some("Erik Larsen"), None, Some("Nora Haugen"), None]
    );
    assert!(planned
        .created
        .iter()
        .all(|c| c.created_at == NOW && c.owner.is_none()));
    let ids: Vec<&str> = planned.created.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["c-new-1", "c-new-2", "c-new-3", "c-new-4"]);
    assert_eq!(planned.thread.as_ref(), planned.created.first());
}

#[test]
fn a_recipient_who_is_already_a_contact_in_any_case_is_not_created_again() {
    let stored = [contact("c-004", "Erik@Mail.example")];
    let planned = plan_sent(
        &addresses(&["erik@mail.example"]),
        &addresses(&["nora@online.example"]),
        &[],
        &[],
        &stored,
    );
    assert_eq!(emails(&planned.created), ["nora@online.example"]);
    assert_eq!(planned.thread, Some(stored[0].clone()));
}

#[test]
fn an_address_in_two_fields_becomes_one_contact() {
    let planned = plan_sent(
        &addresses(&["erik@mail.example"]),
        &addresses(&["ERIK@mail.example", "nora@online.example"]),
        &addresses(&["Nora@Online.example"]),
        &[],
        &[],
    );
    assert_eq!(
        emails(&planned.created),
        ["erik@mail.example", "nora@online.example"]
    );
}

#[test]
fn the_workspaces_own_addresses_never_become_contacts_and_a_new_thread_is_the_first_customers() {
    let planned = plan_sent(
        &addresses(&["billing@northwind.example", "erik@mail.example"]),
        &addresses(&["Giulia.Rossi@northwind.example"]),
        &addresses(&["nora@online.example"]),
        &[
            "billing@northwind.example",
            "giulia.rossi@northwind.example",
        ],
        &[],
    );
    assert_eq!(
        emails(&planned.created),
        ["erik@mail.example", "nora@online.example"]
    );
    assert_eq!(
        planned.thread.map(|c| c.email.to_string()).as_deref(),
        Some("erik@mail.example")
    );
}

#[test]
fn a_new_thread_with_its_first_customer_in_cc_belongs_to_them() {
    let stored = [contact("c-009", "nora@online.example")];
    let planned = plan_sent(
        &addresses(&["support@northwind.example"]),
        &addresses(&["nora@online.example"]),
        &[],
        &["support@northwind.example"],
        &stored,
    );
    assert!(planned.created.is_empty());
    assert_eq!(planned.thread, Some(stored[0].clone()));
}

#[test]
fn an_email_only_to_the_workspaces_own_addresses_still_belongs_to_its_first_recipient() {
    // A thread needs a contact: the first recipient, found ...
    let stored = [contact("c-billing", "billing@northwind.example")];
    let planned = plan_sent(
        &addresses(&["billing@northwind.example", "partners@northwind.example"]),
        &[],
        &[],
        &["billing@northwind.example", "partners@northwind.example"],
        &stored,
    );
    assert!(planned.created.is_empty());
    assert_eq!(planned.thread, Some(stored[0].clone()));
    // ... or created: the one case an own address becomes a contact.
    let planned = plan_sent(
        &addresses(&["billing@northwind.example", "partners@northwind.example"]),
        &[],
        &[],
        &["billing@northwind.example", "partners@northwind.example"],
        &[],
    );
    assert_eq!(emails(&planned.created), ["billing@northwind.example"]);
    assert_eq!(planned.thread.as_ref(), planned.created.first());
}

#[test]
fn no_recipients_no_contacts() {
    let planned = plan_sent(&[], &[], &[], &[], &[]);
    assert_eq!(
        planned,
        SentContacts {
            thread: None,
            created: Vec::new()
        }
    );
}

#[test]
fn the_workspaces_own_addresses_are_its_channels_and_its_users_emails_and_crm_defaults() {
    let mut data = demo();
    data.users[0].crm_default_from = Some(EmailAddress::parse("maria@crm.example").unwrap());
    let own: Vec<String> = own_addresses(&data.channels, &data.users)
        .into_iter()
        .map(|a| a.to_string())
        .collect();
    for expected in [
        "support@northwind.inbox.example",
        "partners@northwind.example",
        "giulia.rossi@northwind.example",
        "maria@crm.example",
    ] {
        assert!(own.iter().any(|a| a == expected), "{expected} in {own:?}");
    }
    assert!(!own.iter().any(|a| a == "ioana.marin@posta.example"));
}

// ---- received email: only the sender becomes a contact -------------------------------------

#[test]
fn a_received_email_makes_only_its_sender_a_contact_and_is_on_its_cc_contacts_timeline() {
    let data = demo();
    let eml = "From: Henrik Dahl <henrik.dahl@fjordtrail.example>\r\n\
               To: Northwind Support <support@northwind.example>\r\n\
               Cc: Ioana Marin <ioana.marin@posta.example>, Olaf Berg <olaf@fjordtrail.example>\r\n\
               Subject: Zip came off\r\n\
               Message-ID: <zip-1@fjordtrail.example>\r\n\
               Date: Thu, 19 Nov 2026 09:15:00 +0100\r\n\
               MIME-Version: 1.0\r\n\
               Content-Type: text/plain; charset=utf-8\r\n\
               \r\n\
               The zip of my jacket came off.\r\n";
    let parsed = parse_eml(eml.as_bytes()).unwrap();
    let message = received_message(&parsed, MessageId::new("m-new"), NOW);
    let planned = common::plan_new_conversation(&data, message, NOW);
    assert_eq!(
        planned.new_contact.map(|c| c.email.to_string()).as_deref(),
        Some("henrik.dahl@fjordtrail.example")
    );
    // Ioana (a demo contact) and Olaf (not one) are on it: Ioana's timeline shows it.
    assert!(data
        .contacts
        .iter()
        .any(|c| c.email.as_str() == "ioana.marin@posta.example"));
    assert_eq!(
        timeline_keys(&planned.message),
        [
            "henrik.dahl@fjordtrail.example",
            "support@northwind.example",
            "ioana.marin@posta.example",
            "olaf@fjordtrail.example",
        ]
    );
}

// ---- a contact's timeline ------------------------------------------------------------------

#[test]
fn the_timeline_holds_each_email_once_without_comments_newest_first() {
    let reads = [
        // Read by the contact's address ...
        message("m-1", "conv-a", Direction::Incoming, 100),
        message("m-3", "conv-b", Direction::Outgoing, 300),
        // ... and as messages of the contact's own conversation (m-1 again).
        message("m-1", "conv-a", Direction::Incoming, 100),
        message("m-2", "conv-a", Direction::Comment, 200),
        message("m-4", "conv-a", Direction::Outgoing, 400),
        message("m-0", "conv-a", Direction::Outgoing, 400),
    ];
    let merged = timeline(Vec::new(), reads);
    let ids: Vec<&str> = merged.messages.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["m-4", "m-0", "m-3", "m-1"]);
}

#[test]
fn the_timeline_lists_own_and_took_part_conversations_once_latest_activity_first() {
    let merged = timeline(
        [
            conversation("conv-a", 100),
            conversation("conv-c", 300),
            conversation("conv-b", 200),
            conversation("conv-c", 300),
        ],
        Vec::new(),
    );
    let ids: Vec<&str> = merged.conversations.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["conv-c", "conv-b", "conv-a"]);
}

// ---- a CRM email from a personal address (no conversation) ----------------------------------

/// A CRM email Maria sent from her personal address: in no conversation.
fn crm_email(to: &[&str], cc: &[&str], bcc: &[&str]) -> Message {
    Message {
        conversation: None,
        ..email(
            Direction::Outgoing,
            "maria.popescu@northwind.example",
            to,
            cc,
            bcc,
        )
    }
}

#[test]
fn a_crm_email_in_no_conversation_is_on_its_recipients_timelines_like_any_sent_email() {
    let m = crm_email(
        &["ioana.marin@posta.example"],
        &["Olaf@Fjordtrail.example"],
        &[],
    );
    assert_eq!(
        timeline_keys(&m),
        ["ioana.marin@posta.example", "olaf@fjordtrail.example"]
    );
    let merged = timeline(Vec::new(), [m.clone()]);
    assert_eq!(merged.messages, [m]);
    assert!(merged.conversations.is_empty());
}

#[test]
fn a_sent_row_opens_its_conversation_or_a_crm_emails_first_recipient_contact() {
    let ioana = contact("c-001", "ioana.marin@posta.example");
    let olaf = contact("c-002", "olaf@fjordtrail.example");
    let sven = contact("c-003", "sven.ek@mail.example");
    let contacts = [sven.clone(), olaf.clone(), ioana.clone()];
    let cases: Vec<(&str, Message, &[Contact], SentOpens)> = vec![
        (
            "an email of a conversation opens the conversation",
            email(
                Direction::Outgoing,
                "support@northwind.example",
                &["ioana.marin@posta.example"],
                &[],
                &[],
            ),
            &contacts,
            SentOpens::Conversation(ConversationId::new("conv-1")),
        ),
        (
            "a CRM email opens its To's contact page",
            crm_email(&["ioana.marin@posta.example"], &[], &[]),
            &contacts,
            SentOpens::Contact(ioana.id.clone()),
        ),
        (
            "the first To that is a contact, in header order",
            crm_email(
                &["olaf@fjordtrail.example", "ioana.marin@posta.example"],
                &[],
                &[],
            ),
            &contacts,
            SentOpens::Contact(olaf.id.clone()),
        ),
        (
            "a To that is not a contact is passed over",
            crm_email(
                &[
                    "giulia.rossi@northwind.example",
                    "ioana.marin@posta.example",
                ],
                &[],
                &[],
            ),
            &contacts,
            SentOpens::Contact(ioana.id.clone()),
        ),
        (
            "To before Cc before Bcc",
            crm_email(
                &["nobody@mail.example"],
                &["sven.ek@mail.example"],
                &["olaf@fjordtrail.example"],
            ),
            &contacts,
            SentOpens::Contact(sven.id.clone()),
        ),
        (
            "only a Bcc is a contact",
            crm_email(&["nobody@mail.example"], &[], &["olaf@fjordtrail.example"]),
            &contacts,
            SentOpens::Contact(olaf.id.clone()),
        ),
        (
            "addresses match in any case",
            crm_email(&["Ioana.Marin@POSTA.example"], &[], &[]),
            &contacts,
            SentOpens::Contact(ioana.id.clone()),
        ),
        (
            "no recipient is a contact: nothing to open",
            crm_email(&["nobody@mail.example"], &[], &[]),
            &contacts,
            SentOpens::Nowhere,
        ),
        (
            "no contacts read: nothing to open",
            crm_email(&["ioana.marin@posta.example"], &[], &[]),
            &[],
            SentOpens::Nowhere,
        ),
    ];
    for (case, message, contacts, want) in cases {
        assert_eq!(sent_opens(&message, contacts), want, "{case}");
    }
}

#[test]
fn a_message_in_no_conversation_is_stored_without_the_field_and_older_records_read_unchanged() {
    let crm = crm_email(&["ioana.marin@posta.example"], &[], &[]);
    let stored = serde_json::to_value(&crm).unwrap();
    assert!(
        stored.get("conversation").is_none(),
        "no `conversation` field, so the [conversation, date] index leaves the record out: {stored}"
    );
    let read: Message = serde_json::from_value(stored).unwrap();
    assert_eq!(read.conversation, None);

    // A record written before messages could be in no conversation, as stored.
    let threaded = email(
        Direction::Outgoing,
        "support@northwind.example",
        &["a@b.example"],
        &[],
        &[],
    );
    let stored = serde_json::to_value(&threaded).unwrap();
    assert_eq!(stored["conversation"], "conv-1");
    let read: Message = serde_json::from_value(stored).unwrap();
    assert_eq!(read.conversation, Some(ConversationId::new("conv-1")));
}
