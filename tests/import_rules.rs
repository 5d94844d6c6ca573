//! SPEC §9 **Import email** (with §2 disabled channels, §3 forward rule and automation, §6
//! automatic tickets): one case per rule, against `domain::import` driven the way the shell
//! drives it, with the demo workspace and the sample `.eml` files in `public/samples/`.
#![cfg(not(target_arch = "wasm32"))]

use switchboard::domain::import::{
    contact_mailbox, plan, route, snippet, ImportPlan, ImportRefusal, Landing, NewIds,
    SNIPPET_CHARS,
};
use switchboard::domain::*;
use switchboard::mail::{parse_eml, received_message};

const NOW: Millis = 1_795_176_000_000;

fn demo() -> WorkspaceData {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/demo/workspace.json");
    let raw = std::fs::read_to_string(path).expect("demo workspace is readable");
    serde_json::from_str(&raw).expect("demo workspace deserialises")
}

fn sample(name: &str) -> Vec<u8> {
    let path = format!("{}/public/samples/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// The workspace as the shell sees it, kept in memory: what a sequence of imports writes.
struct Store {
    data: WorkspaceData,
    next: u32,
}

impl Store {
    fn new(data: WorkspaceData) -> Store {
        Store { data, next: 0 }
    }

    /// Does what `services::import` does for one file, then applies the plan.
    fn import(&mut self, bytes: &[u8]) -> Result<ImportPlan, String> {
        let parsed = parse_eml(bytes).map_err(|e| e.to_string())?;
        self.next += 1;
        let n = self.next;
        if let Some(mid) = &parsed.message_id {
            if self
                .data
                .messages
                .iter()
                .any(|m| m.message_id.as_deref() == Some(mid))
            {
                return Err(ImportRefusal::AlreadyImported.to_string());
            }
        }
        let routed = route(
            &parsed.recipients(),
            &self.data.channels,
            &self.data.inboxes,
        )
        .map_err(|e| e.to_string())?;
        let message = received_message(&parsed, MessageId::new(format!("m-new-{n}")), NOW);
        let mailbox = contact_mailbox(routed.inbox, &self.data.channels, &message);
        let contact = mailbox.as_ref().and_then(|mailbox| {
            self.data
                .contacts
                .iter()
                .find(|c| c.email.same_mailbox(&mailbox.address))
                .cloned()
        });
        let known: Vec<(String, Option<ConversationId>)> = self
            .data
            .messages
            .iter()
            .filter_map(|m| Some((m.message_id.clone()?, m.conversation.clone())))
            .collect();
        let (in_reply_to, references) = parsed.thread_ids();
        let thread_id = find_thread(
            in_reply_to.as_deref(),
            &references,
            known.iter().map(|(mid, c)| (mid.as_str(), c.as_ref())),
        );
        let thread =
            thread_id.and_then(|id| self.data.conversations.iter().find(|c| c.id == id).cloned());
        let p = plan(switchboard::domain::import::ImportInput {
            message,
            routed,
            contact_mailbox: mailbox,
            contact,
            thread,
            inboxes: &self.data.inboxes,
            users: &self.data.users,
            plan: self.data.workspace.plan,
            ids: NewIds {
                conversation: ConversationId::new(format!("c-new-{n}")),
                contact: ContactId::new(format!("k-new-{n}")),
                ticket: TicketId::new(format!("t-new-{n}")),
            },
            now: NOW,
        })
        .map_err(|e| e.to_string())?;
        self.apply(&p);
        Ok(p)
    }

    fn apply(&mut self, p: &ImportPlan) {
        let d = &mut self.data;
        d.contacts.extend(p.new_contact.clone());
        d.conversations.retain(|c| c.id != p.conversation.id);
        d.conversations.push(p.conversation.clone());
        d.messages.push(p.message.clone());
        d.tickets.extend(p.ticket.clone());
        if let Some(inbox) = &p.inbox {
            d.inboxes.retain(|i| i.id != inbox.id);
            d.inboxes.push(inbox.clone());
        }
    }

    fn inbox_mut(&mut self, id: &str) -> &mut Inbox {
        self.data
            .inboxes
            .iter_mut()
            .find(|i| i.id.as_str() == id)
            .expect("demo inbox")
    }
}

#[test]
fn routed_to_the_inbox_whose_enabled_channel_is_among_the_recipients() {
    let cases = [
        (
            "01-gmail-plain-html.eml",
            "inbox-support",
            "ch-support-email",
        ),
        ("03-apple-mail-pdf.eml", "inbox-billing", "ch-billing-email"),
        (
            "04-thunderbird-iso-8859-2.eml",
            "inbox-billing",
            "ch-billing-fallback",
        ),
        (
            "05-thunderbird-romanian.eml",
            "inbox-support",
            "ch-support-fallback",
        ),
        (
            "07-newsletter-html.eml",
            "inbox-support",
            "ch-support-email",
        ),
    ];
    for (file, inbox, channel) in cases {
        let mut store = Store::new(demo());
        let p = store
            .import(&sample(file))
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(p.conversation.inbox.as_str(), inbox, "{file}");
        assert_eq!(p.conversation.channel.as_str(), channel, "{file}");
        assert_eq!(p.conversation.area, Area::Inbox, "{file}");
        assert_eq!(p.conversation.status, ConversationStatus::Open, "{file}");
        assert!(p.summary.starts_with("added to "), "{file}: {}", p.summary);
    }
}

#[test]
fn disabled_channel_is_not_shown_and_not_logged() {
    let mut store = Store::new(demo());
    let contacts_before = store.data.contacts.len();
    let err = store
        .import(&sample("09-partners-disabled-channel.eml"))
        .expect_err("a disabled channel refuses the message");
    assert!(err.contains("partners@northwind.example"), "{err}");
    assert!(err.contains("disabled channel"), "{err}");
    assert_eq!(
        store.data.contacts.len(),
        contacts_before,
        "no contact is created"
    );
}

#[test]
fn no_matching_channel_is_refused_with_the_addresses() {
    let refusal = route(
        &[Mailbox {
            name: None,
            address: EmailAddress::parse("someone@elsewhere.example").expect("valid"),
        }],
        &demo().channels,
        &demo().inboxes,
    )
    .expect_err("no channel matches");
    assert!(matches!(refusal, ImportRefusal::NoMatchingChannel(_)));
    assert!(refusal.to_string().contains("someone@elsewhere.example"));
}

#[test]
fn malformed_file_imports_nothing_and_says_why() {
    let mut store = Store::new(demo());
    let before = store.data.messages.len();
    let err = store
        .import(&sample("malformed.eml"))
        .expect_err("not an email");
    assert!(err.contains("not an email"), "{err}");
    assert_eq!(store.data.messages.len(), before);
}

#[test]
fn reply_threads_by_references_onto_the_earlier_message() {
    let mut store = Store::new(demo());
    let first = store
        .import(&sample("01-gmail-plain-html.eml"))
        .expect("01 imports");
    let reply = store
        .import(&sample("02-outlook-reply.eml"))
        .expect("02 imports");
    assert_eq!(
        reply.conversation.id, first.conversation.id,
        "02 joins 01's thread"
    );
    assert_eq!(
        reply.message.conversation,
        Some(first.conversation.id.clone())
    );
    assert_eq!(reply.conversation.message_count, 2);
    assert_eq!(
        reply.landing,
        Landing::Thread {
            reopened: false,
            kept_closed: false
        }
    );
    assert!(
        reply.summary.contains("joined the conversation"),
        "{}",
        reply.summary
    );
    assert!(reply.new_contact.is_none(), "the same customer wrote both");
}

#[test]
fn follow_up_threads_by_in_reply_to() {
    let mut store = Store::new(demo());
    let first = store
        .import(&sample("05-thunderbird-romanian.eml"))
        .expect("05");
    let follow = store
        .import(&sample("06-thunderbird-followup-photo.eml"))
        .expect("06");
    assert_eq!(follow.conversation.id, first.conversation.id);
}

#[test]
fn a_message_already_imported_is_not_imported_twice() {
    let mut store = Store::new(demo());
    store
        .import(&sample("01-gmail-plain-html.eml"))
        .expect("first time");
    let err = store
        .import(&sample("01-gmail-plain-html.eml"))
        .expect_err("second time");
    assert_eq!(err, ImportRefusal::AlreadyImported.to_string());
}

#[test]
fn unknown_sender_becomes_a_contact_and_a_known_one_is_reused() {
    let mut store = Store::new(demo());
    let p = store.import(&sample("03-apple-mail-pdf.eml")).expect("03");
    let created = p.new_contact.expect("an unknown sender becomes a contact");
    assert_eq!(p.conversation.contact, created.id);
    assert_eq!(created.email, p.message.from.address);

    let mut data = demo();
    let known = data.contacts[0].clone();
    data.contacts[0].email = p.message.from.address.clone();
    let mut store = Store::new(data);
    let p = store
        .import(&sample("03-apple-mail-pdf.eml"))
        .expect("03 again");
    assert!(p.new_contact.is_none());
    assert_eq!(p.conversation.contact, known.id);
}

#[test]
fn forward_is_logged_on_the_original_sender_when_the_setting_is_on() {
    let mut store = Store::new(demo());
    let p = store.import(&sample("08-forwarded-fwd.eml")).expect("08");
    let contact = p.new_contact.expect("Jonas is new");
    assert_eq!(contact.email.as_str(), "jonas.berg@example.net");
    assert_eq!(p.message.from.address.as_str(), "daniel.novak@example.org");

    let mut store = Store::new(demo());
    store
        .inbox_mut("inbox-support")
        .fallback
        .original_sender_of_forwards = false;
    let p = store.import(&sample("08-forwarded-fwd.eml")).expect("08");
    let contact = p.new_contact.expect("Daniel is new");
    assert_eq!(contact.email.as_str(), "daniel.novak@example.org");
}

#[test]
fn automation_off_leaves_new_conversations_unassigned_without_ticket() {
    let mut store = Store::new(demo());
    let p = store
        .import(&sample("01-gmail-plain-html.eml"))
        .expect("01");
    assert_eq!(
        p.landing,
        Landing::NewConversation {
            assignee: None,
            ticket: None,
            area: Area::Inbox,
            automation_skipped: false,
        }
    );
    assert!(p.inbox.is_none(), "no cursor moved");
    assert_eq!(p.summary, "added to Support, new conversation");
}

#[test]
fn round_robin_assigns_available_paid_members_and_stores_the_cursor() {
    let mut store = Store::new(demo());
    store.inbox_mut("inbox-billing").automation.auto_assign =
        Some(AssignTo::SpecificUsersAndTeams {
            users: vec![],
            teams: vec![TeamId::new("team-billing")],
        });
    let teams: Vec<String> = store.data.teams.iter().map(|t| t.id.to_string()).collect();
    assert!(teams.contains(&"team-billing".to_owned()), "{teams:?}");
    let first = store.import(&sample("03-apple-mail-pdf.eml")).expect("03");
    let second = store
        .import(&sample("04-thunderbird-iso-8859-2.eml"))
        .expect("04");
    let a = first.conversation.assignee.clone().expect("assigned");
    let b = second.conversation.assignee.clone().expect("assigned");
    assert_ne!(a, b, "round robin moves on");
    assert!(
        first.inbox.is_some() && second.inbox.is_some(),
        "cursor stored"
    );
    assert!(
        first.summary.contains(", assigned to "),
        "{}",
        first.summary
    );
}

#[test]
fn automatic_ticket_on_professional_moves_the_conversation_to_the_help_desk() {
    let mut store = Store::new(demo());
    store.inbox_mut("inbox-support").automation.auto_ticket = Some(TicketDefaults {
        pipeline: "Support Pipeline".into(),
        stage: TicketStatus::New,
        priority: Priority::High,
        owner: TicketOwnerRule::User {
            user: UserId::new("u-giulia"),
        },
    });
    let p = store
        .import(&sample("01-gmail-plain-html.eml"))
        .expect("01");
    let ticket = p.ticket.expect("a ticket is created");
    assert_eq!(ticket.conversations, vec![p.conversation.id.clone()]);
    assert_eq!(ticket.owner, Some(UserId::new("u-giulia")));
    assert_eq!(ticket.priority, Priority::High);
    assert_eq!(p.conversation.ticket, Some(ticket.id));
    assert_eq!(p.conversation.area, Area::HelpDesk);
    assert!(
        p.summary.contains("moved to the help desk"),
        "{}",
        p.summary
    );

    // A later reply joins the thread and creates no second ticket.
    let reply = store.import(&sample("02-outlook-reply.eml")).expect("02");
    assert!(reply.ticket.is_none());
}

#[test]
fn automatic_ticket_on_starter_stays_in_the_inbox() {
    let mut data = demo();
    data.workspace.plan = Plan::Starter;
    let mut store = Store::new(data);
    store.inbox_mut("inbox-support").automation.auto_ticket = Some(TicketDefaults {
        pipeline: "Support Pipeline".into(),
        stage: TicketStatus::New,
        priority: Priority::Low,
        owner: TicketOwnerRule::ConversationOwner,
    });
    let p = store
        .import(&sample("01-gmail-plain-html.eml"))
        .expect("01");
    assert!(p.ticket.is_some());
    assert_eq!(p.conversation.area, Area::Inbox);
}

#[test]
fn customer_reply_reopens_a_closed_conversation_without_ticket() {
    let mut store = Store::new(demo());
    let first = store
        .import(&sample("01-gmail-plain-html.eml"))
        .expect("01");
    let id = first.conversation.id.clone();
    for c in store.data.conversations.iter_mut().filter(|c| c.id == id) {
        c.status = ConversationStatus::Closed;
    }
    let reply = store.import(&sample("02-outlook-reply.eml")).expect("02");
    assert_eq!(reply.conversation.status, ConversationStatus::Open);
    assert_eq!(
        reply.landing,
        Landing::Thread {
            reopened: true,
            kept_closed: false
        }
    );
}

#[test]
fn customer_reply_keeps_a_ticketed_conversation_closed() {
    let mut store = Store::new(demo());
    let first = store
        .import(&sample("01-gmail-plain-html.eml"))
        .expect("01");
    let id = first.conversation.id.clone();
    for c in store.data.conversations.iter_mut().filter(|c| c.id == id) {
        c.status = ConversationStatus::Closed;
        c.ticket = Some(TicketId::new("tk-x"));
    }
    let reply = store.import(&sample("02-outlook-reply.eml")).expect("02");
    assert_eq!(reply.conversation.status, ConversationStatus::Closed);
}

#[test]
fn attachments_are_stored_as_metadata() {
    let mut store = Store::new(demo());
    let p = store.import(&sample("03-apple-mail-pdf.eml")).expect("03");
    assert_eq!(p.message.attachments.len(), 1);
    let a = &p.message.attachments[0];
    assert_eq!(a.content_type, "application/pdf");
    assert_eq!(a.size, 398);
    assert!(a.file_name.ends_with(".pdf"), "{}", a.file_name);
}

#[test]
fn snippet_collapses_whitespace_and_cuts_at_120_characters() {
    assert_eq!(snippet("  Hello\n\n  world\t!  "), "Hello world !");
    let long = "ż".repeat(300);
    let cut = snippet(&long);
    assert_eq!(cut.chars().count(), SNIPPET_CHARS);
    assert!(cut.ends_with('\u{2026}'));
    let exact = "a".repeat(SNIPPET_CHARS);
    assert_eq!(snippet(&exact), exact);
}

// Automatic replies and bounces (`domain::import`'s decisions on `Message::automatic`).

/// A customer's email to Support, or (with `extra` headers and `references`) mail about it.
fn email(from: &str, subject: &str, id: &str, extra: &str, body: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: support@northwind.example\r\nSubject: {subject}\r\n\
         Date: Wed, 18 Nov 2026 10:00:00 +0000\r\nMessage-ID: <{id}>\r\n{extra}\
         Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    )
    .into_bytes()
}

fn customer(store: &mut Store) -> ImportPlan {
    store
        .import(&email(
            "Jane Doe <jane.doe@example.com>",
            "Broken zip",
            "jane-1@example.com",
            "",
            "The zip of my jacket broke.",
        ))
        .expect("the customer's email")
}

fn close(store: &mut Store, id: &ConversationId) {
    for c in store.data.conversations.iter_mut().filter(|c| &c.id == id) {
        c.status = ConversationStatus::Closed;
    }
}

/// The out-of-office reply to the team's answer `answer`, which follows Jane's email.
fn out_of_office(answer: &str, date: &str) -> Vec<u8> {
    format!(
        "From: Jane Doe <jane.doe@example.com>\r\nTo: support@northwind.example\r\n\
         Subject: Automatic reply: Re: Broken zip\r\nDate: {date}\r\n\
         Message-ID: <ooo-1@example.com>\r\nIn-Reply-To: <{answer}>\r\n\
         References: <jane-1@example.com> <{answer}>\r\nAuto-Submitted: auto-replied\r\n\
         Content-Type: text/plain\r\n\r\nI am away until Monday.\r\n"
    )
    .into_bytes()
}

/// A Postfix-style bounce of the message `returned_id`, failed for `failed` (none: no report
/// recipients).
fn bounce(returned_id: &str, failed: Option<&str>) -> Vec<u8> {
    let status = match failed {
        Some(address) => format!(
            "Final-Recipient: rfc822; {address}\r\nAction: failed\r\nStatus: 5.1.1\r\n\
             Diagnostic-Code: smtp; 550 5.1.1 User unknown\r\n"
        ),
        None => String::new(),
    };
    format!(
        "From: MAILER-DAEMON@mx.northwind.example (Mail Delivery System)\r\n\
         To: support@northwind.example\r\nSubject: Undelivered Mail Returned to Sender\r\n\
         Date: Thu, 19 Nov 2026 09:00:00 +0000\r\nMessage-ID: <bounce-{returned_id}>\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\r\n\r\n\
         --r\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n\
         --r\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n\r\n\
         {status}\r\n--r\r\nContent-Type: text/rfc822-headers\r\n\r\n\
         From: support@northwind.example\r\nSubject: Re: Broken zip\r\n\
         Message-ID: <{returned_id}>\r\nIn-Reply-To: <jane-1@example.com>\r\n\r\n--r--\r\n"
    )
    .into_bytes()
}

/// Round-robin assignment to the Support team and automatic tickets, on Support.
fn automation_on(store: &mut Store) {
    let inbox = store.inbox_mut("inbox-support");
    inbox.automation.auto_assign = Some(AssignTo::SpecificUsersAndTeams {
        users: vec![],
        teams: vec![TeamId::new("team-support")],
    });
    inbox.automation.auto_ticket = Some(TicketDefaults {
        pipeline: "Support Pipeline".into(),
        stage: TicketStatus::New,
        priority: Priority::Low,
        owner: TicketOwnerRule::ConversationOwner,
    });
}

#[test]
fn an_automatic_reply_joins_its_thread_without_reopening_it_or_changing_its_preview() {
    let mut store = Store::new(demo());
    let first = customer(&mut store);
    let id = first.conversation.id.clone();
    close(&mut store, &id);
    let ooo = store
        .import(&out_of_office(
            "answer-1@northwind.example",
            "Thu, 19 Nov 2026 08:00:00 +0000",
        ))
        .expect("the out-of-office reply");
    assert_eq!(ooo.message.automatic, Some(Automatic::Reply));
    assert_eq!(ooo.conversation.id, id, "threaded by References");
    assert_eq!(ooo.conversation.status, ConversationStatus::Closed);
    assert_eq!(
        ooo.landing,
        Landing::Thread {
            reopened: false,
            kept_closed: true
        }
    );
    assert_eq!(ooo.conversation.message_count, 2);
    assert_eq!(ooo.conversation.snippet, first.conversation.snippet);
    assert_eq!(
        ooo.conversation.last_activity, first.conversation.last_activity,
        "an automatic reply does not move the conversation up the list"
    );
    assert!(ooo.new_contact.is_none() && ooo.ticket.is_none() && ooo.inbox.is_none());
    assert_eq!(
        ooo.summary,
        "added to Support, joined the conversation \u{201c}Broken zip\u{201d}, automatic reply: \
         not reopened"
    );
}

#[test]
fn an_automatic_reply_to_an_open_conversation_says_what_it_is_and_nothing_more() {
    let mut store = Store::new(demo());
    customer(&mut store);
    let ooo = store
        .import(&out_of_office(
            "answer-1@northwind.example",
            "Thu, 19 Nov 2026 08:00:00 +0000",
        ))
        .expect("the out-of-office reply");
    assert_eq!(ooo.conversation.status, ConversationStatus::Open);
    assert_eq!(
        ooo.landing,
        Landing::Thread {
            reopened: false,
            kept_closed: false
        }
    );
    assert!(
        ooo.summary.ends_with(", automatic reply"),
        "{}",
        ooo.summary
    );
}

#[test]
fn a_bounce_threads_by_the_returned_message_and_makes_no_contact() {
    let mut store = Store::new(demo());
    let first = customer(&mut store);
    let id = first.conversation.id.clone();
    close(&mut store, &id);
    let contacts = store.data.contacts.len();
    let p = store
        .import(&bounce(
            "answer-1@northwind.example",
            Some("jane.doe@example.com"),
        ))
        .expect("the bounce");
    assert_eq!(
        p.conversation.id, id,
        "threaded by the returned message's thread"
    );
    assert_eq!(p.conversation.status, ConversationStatus::Closed);
    assert!(p.new_contact.is_none(), "MAILER-DAEMON is no contact");
    assert_eq!(store.data.contacts.len(), contacts);
    // The rep must learn the answer did not arrive: the conversation moves up its list; the
    // preview stays the customer's words.
    assert_eq!(p.conversation.last_activity, p.message.date);
    assert_eq!(p.conversation.snippet, first.conversation.snippet);
    assert_eq!(
        p.message.automatic,
        Some(Automatic::Bounce {
            failed: vec![FailedRecipient {
                address: "jane.doe@example.com".into(),
                status: Some("5.1.1".into()),
                reason: Some("550 5.1.1 User unknown".into()),
            }]
        })
    );
    assert!(
        p.summary
            .ends_with(", delivery failure report for jane.doe@example.com: not reopened"),
        "{}",
        p.summary
    );
}

#[test]
fn an_automatic_message_leaves_a_ticketed_conversation_and_its_ticket_as_they_are() {
    let mut store = Store::new(demo());
    automation_on(&mut store);
    let first = customer(&mut store);
    let ticket = first.ticket.clone().expect("a ticket");
    let ooo = store
        .import(&out_of_office(
            "answer-1@northwind.example",
            "Thu, 19 Nov 2026 08:00:00 +0000",
        ))
        .expect("the out-of-office reply");
    assert!(ooo.ticket.is_none(), "the ticket is not rewritten");
    assert_eq!(ooo.conversation.ticket, Some(ticket.id));
    assert_eq!(ooo.conversation.assignee, first.conversation.assignee);
}

#[test]
fn automatic_mail_that_starts_a_conversation_runs_no_automation() {
    let mut store = Store::new(demo());
    automation_on(&mut store);
    let cursor = store.inbox_mut("inbox-support").automation.round_robin_next;
    let ooo = store
        .import(&out_of_office(
            "unknown@northwind.example",
            "Thu, 19 Nov 2026 08:00:00 +0000",
        ))
        .expect("the out-of-office reply");
    assert_eq!(ooo.conversation.assignee, None);
    assert!(ooo.ticket.is_none());
    assert!(ooo.inbox.is_none(), "the round-robin cursor did not move");
    assert_eq!(
        store.inbox_mut("inbox-support").automation.round_robin_next,
        cursor
    );
    assert_eq!(
        ooo.landing,
        Landing::NewConversation {
            assignee: None,
            ticket: None,
            area: Area::Inbox,
            automation_skipped: true,
        }
    );
    assert_eq!(
        ooo.summary,
        "added to Support, new conversation, automatic reply: no automatic assignment or ticket"
    );
    // The same inbox still assigns and tickets a customer's email.
    let person = customer(&mut store);
    assert!(person.conversation.assignee.is_some() && person.ticket.is_some());
}

#[test]
fn a_bounce_that_starts_a_conversation_is_logged_on_the_failed_recipient() {
    let cases = [
        // A contact of the demo: the conversation is theirs, nobody is created.
        ("ioana.marin@posta.example", Some("c-001")),
        // Unknown: the team wrote to that address, so it becomes the contact.
        ("olaf.berg@example.no", None),
    ];
    for (address, known) in cases {
        let mut store = Store::new(demo());
        let p = store
            .import(&bounce("sent-elsewhere@northwind.example", Some(address)))
            .expect("the bounce");
        match known {
            Some(contact) => {
                assert_eq!(p.conversation.contact.as_str(), contact);
                assert!(p.new_contact.is_none());
            }
            None => {
                let created = p.new_contact.clone().expect("a contact");
                assert_eq!(created.email.as_str(), address);
                assert_eq!(p.conversation.contact, created.id);
            }
        }
        assert_eq!(p.conversation.assignee, None);
    }
}

#[test]
fn a_bounce_that_names_nobody_and_belongs_to_no_conversation_is_refused() {
    let mut store = Store::new(demo());
    let before = store.data.conversations.len();
    let err = store
        .import(&bounce("sent-elsewhere@northwind.example", None))
        .expect_err("nothing to log it on");
    assert_eq!(err, ImportRefusal::BounceForNobody.to_string());
    assert_eq!(store.data.conversations.len(), before);
    // The same report about a conversation of the workspace joins it.
    customer(&mut store);
    store
        .data
        .messages
        .last_mut()
        .expect("Jane's email")
        .message_id = Some("answer-2@northwind.example".into());
    let p = store
        .import(&bounce("answer-2@northwind.example", None))
        .expect("threaded");
    assert!(
        p.summary.ends_with(", delivery failure report"),
        "{}",
        p.summary
    );
}
