//! `Reply-To` on received mail (`domain::reply_to`, with SPEC §3's forward rule in
//! `domain::import::contact_mailbox` and SPEC §9 Import email): whom a received message is
//! logged on, the contact an unknown Reply-To becomes, whom the reply composer answers, what the
//! thread shows next to the sender, and whose timeline the message is on. One case per rule;
//! received messages are real `.eml` text parsed as **Import email** parses it, against the
//! demo workspace's channels (`support@northwind.example` …, `partners@` disabled).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use switchboard::domain::import::contact_mailbox;
use switchboard::domain::reply_to::{reply_recipients, sender_contact, shown_reply_to};
use switchboard::domain::timeline::timeline_keys;
use switchboard::domain::*;
use switchboard::mail::{parse_eml, received_message};

const NOW: Millis = 1_795_176_000_000;

use common::demo;

/// A received email to Support from `from`, with `reply_to` as its Reply-To header (`None`:
/// no header), `subject` and a plain-text `body`, as the import records it.
fn received(from: &str, reply_to: Option<&str>, subject: &str, body: &str) -> Message {
    let reply_to = reply_to.map_or(String::new(), |r| format!("Reply-To: {r}\r\n"));
    let eml = format!(
        "From: {from}\r\n{reply_to}To: support@northwind.example\r\nSubject: {subject}\r\n\
         Date: Tue, 25 Mar 2025 21:47:05 +0000\r\nMessage-ID: <t-1@example.com>\r\n\
         MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    );
    let parsed = parse_eml(eml.as_bytes()).unwrap_or_else(|e| panic!("{eml}: {e}"));
    received_message(&parsed, MessageId::new("m-1"), NOW)
}

fn mailbox(name: Option<&str>, address: &str) -> Mailbox {
    Mailbox {
        name: name.map(str::to_owned),
        address: EmailAddress::parse(address).expect("a valid address"),
    }
}

const FORM: &str = "\"Northwind Outfitters Website\" <noreply@northwind-outfitters.example>";

const FORWARD_BODY: &str = "FYI, see below.\r\n\r\n\
    ---------- Forwarded message ---------\r\n\
    From: Lukas Brenner <lukas@brenner-alpine.example>\r\n\
    Date: Mon, 24 Mar 2025 at 09:12\r\n\
    Subject: Broken buckle\r\n\
    To: <sales@northwind.example>\r\n\r\n\
    The buckle of my pack broke.";

// ---- whom a received message is logged on ---------------------------------------------------

#[test]
fn a_received_message_is_logged_on_its_one_reply_to_address_else_its_from() {
    struct Case {
        rule: &'static str,
        from: &'static str,
        reply_to: Option<&'static str>,
        subject: &'static str,
        body: &'static str,
        forward_rule: bool,
        logged_on: (Option<&'static str>, &'static str),
    }
    let case = |rule, from, reply_to, logged_on| Case {
        rule,
        from,
        reply_to,
        subject: "Contact form: tent pole",
        body: "Hello",
        forward_rule: true,
        logged_on,
    };
    let cases = [
        case(
            "no Reply-To: the From, as before",
            "Ana Pop <ana@client.example>",
            None,
            (Some("Ana Pop"), "ana@client.example"),
        ),
        case(
            "a web form's Reply-To: the customer, with the Reply-To's name",
            FORM,
            Some("\"Ana Pop\" <ana@client.example>"),
            (Some("Ana Pop"), "ana@client.example"),
        ),
        case(
            "a Reply-To without a name: no name, never the form's",
            FORM,
            Some("ana@client.example"),
            (None, "ana@client.example"),
        ),
        case(
            "an encoded Reply-To name is decoded",
            FORM,
            Some("=?UTF-8?Q?=C8=98tefan_Rusu?= <stefan.rusu@example.ro>"),
            (Some("\u{218}tefan Rusu"), "stefan.rusu@example.ro"),
        ),
        case(
            "a raw UTF-8 Reply-To name (a form mailer's) is read as mail clients read it",
            FORM,
            Some("\u{218}tefan Rusu <stefan.rusu@example.ro>"),
            (Some("\u{218}tefan Rusu"), "stefan.rusu@example.ro"),
        ),
        case(
            "several Reply-To addresses: the From (none is more the customer)",
            FORM,
            Some("Ana Pop <ana@client.example>, Ion Pop <ion@client.example>"),
            (
                Some("Northwind Outfitters Website"),
                "noreply@northwind-outfitters.example",
            ),
        ),
        case(
            "the same address twice is one address",
            FORM,
            Some("Ana Pop <ana@client.example>, ANA@client.example"),
            (Some("Ana Pop"), "ana@client.example"),
        ),
        case(
            "a Reply-To equal to the From (any case): the From with its name",
            "Elif Demir <elif.demir@example.com>",
            Some("Elif.Demir@Example.com"),
            (Some("Elif Demir"), "elif.demir@example.com"),
        ),
        case(
            "a Reply-To that is our own channel address: the From",
            "Ana Pop <ana@client.example>",
            Some("Northwind Support <support@northwind.example>"),
            (Some("Ana Pop"), "ana@client.example"),
        ),
        case(
            "our own disabled channel's address is ours too",
            "Ana Pop <ana@client.example>",
            Some("partners@northwind.example"),
            (Some("Ana Pop"), "ana@client.example"),
        ),
        case(
            "our own address beside one customer's: the customer",
            FORM,
            Some("support@northwind.example, Ana Pop <ana@client.example>"),
            (Some("Ana Pop"), "ana@client.example"),
        ),
        case(
            "an invalid Reply-To address: the From",
            "Ana Pop <ana@client.example>",
            Some("Ana at home <ana(at)home>"),
            (Some("Ana Pop"), "ana@client.example"),
        ),
        case(
            "an empty Reply-To: the From",
            "Ana Pop <ana@client.example>",
            Some(""),
            (Some("Ana Pop"), "ana@client.example"),
        ),
        Case {
            forward_rule: true,
            subject: "Fwd: Broken buckle",
            body: FORWARD_BODY,
            ..case(
                "a forward with a Reply-To, forward rule on: the original sender wins",
                "Giulia Rossi <giulia.rossi@northwind.example>",
                Some("Giulia <giulia.home@mail.example>"),
                (Some("Lukas Brenner"), "lukas@brenner-alpine.example"),
            )
        },
        Case {
            forward_rule: false,
            subject: "Fwd: Broken buckle",
            body: FORWARD_BODY,
            ..case(
                "a forward with a Reply-To, forward rule off: the Reply-To",
                "Giulia Rossi <giulia.rossi@northwind.example>",
                Some("Giulia <giulia.home@mail.example>"),
                (Some("Giulia"), "giulia.home@mail.example"),
            )
        },
        Case {
            forward_rule: true,
            subject: "Fwd: Broken buckle",
            body: "No forwarded block here.",
            ..case(
                "a forward whose original sender is not found: the Reply-To",
                "Giulia Rossi <giulia.rossi@northwind.example>",
                Some("Giulia <giulia.home@mail.example>"),
                (Some("Giulia"), "giulia.home@mail.example"),
            )
        },
    ];
    let data = demo();
    let mut failures = Vec::new();
    for c in cases {
        let message = received(c.from, c.reply_to, c.subject, c.body);
        let mut inbox = data.inboxes[0].clone();
        inbox.fallback.original_sender_of_forwards = c.forward_rule;
        let got = contact_mailbox(&inbox, &data.channels, &message);
        let want = Some(mailbox(c.logged_on.0, c.logged_on.1));
        if got != want {
            failures.push(format!("{}: {got:?}, expected {want:?}", c.rule));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn an_invalid_reply_to_entry_is_left_out_and_reported() {
    let eml =
        "From: Ana Pop <ana@client.example>\r\nReply-To: ana(at)home, Ion <ion@client.example>\r\n\
               To: support@northwind.example\r\nSubject: S\r\n\r\nHello\r\n";
    let parsed = parse_eml(eml.as_bytes()).expect("imports");
    assert_eq!(
        parsed.reply_to,
        [mailbox(Some("Ion"), "ion@client.example")]
    );
    assert!(
        parsed.ignored_addresses.iter().any(|a| a.contains("ana")),
        "{:?}",
        parsed.ignored_addresses
    );
    // What is left is one address: the message is logged on it.
    let message = received_message(&parsed, MessageId::new("m"), NOW);
    assert_eq!(
        sender_contact(&message, &demo().channels).address.as_str(),
        "ion@client.example"
    );
}

#[test]
fn an_unknown_reply_to_becomes_the_contact_of_the_new_conversation() {
    let data = demo();
    let message = received(FORM, Some("\"Ana Pop\" <ana@client.example>"), "Tent", "Hi");
    let planned = common::plan_new_conversation(&data, message, NOW);
    let contact = planned.new_contact.expect("a new contact");
    assert_eq!(contact.email.as_str(), "ana@client.example");
    assert_eq!(contact.name.as_deref(), Some("Ana Pop"));
    assert_eq!(planned.conversation.contact, contact.id);
    // The message keeps both: the form's From and the customer's Reply-To.
    assert_eq!(
        planned.message.from.address.as_str(),
        "noreply@northwind-outfitters.example"
    );
    assert_eq!(
        planned.message.reply_to,
        [mailbox(Some("Ana Pop"), "ana@client.example")]
    );
}

// ---- whom the reply composer answers -------------------------------------------------------

#[test]
fn a_reply_goes_to_the_last_customer_messages_reply_to() {
    let channels = demo().channels;
    let from_form = mailbox(None, "noreply@forms.example");
    let incoming = |from: &Mailbox, reply_to: &[&str]| Message {
        reply_to: reply_to.iter().map(|a| mailbox(None, a)).collect(),
        ..common::message("m", "conv", Direction::Incoming, from.clone(), NOW)
    };
    let ana = "ana@client.example";
    // (rule, the contact's address, the latest received message, the reply's To)
    type Case<'a> = (&'a str, Option<&'a str>, Option<Message>, Vec<&'a str>);
    let cases: Vec<Case> = vec![
        (
            "no received message: the contact",
            Some(ana),
            None,
            vec![ana],
        ),
        (
            "no Reply-To (or a record stored before it was kept): the contact",
            Some(ana),
            Some(incoming(&mailbox(None, ana), &[])),
            vec![ana],
        ),
        (
            "the contact's Reply-To: it",
            Some(ana),
            Some(incoming(&from_form, &[ana])),
            vec![ana],
        ),
        (
            "the contact's Reply-To in another case: it, as written",
            Some("Ana@Client.example"),
            Some(incoming(&from_form, &[ana])),
            vec![ana],
        ),
        (
            "several Reply-To on a message logged on its From: all of them",
            Some("noreply@forms.example"),
            Some(incoming(&from_form, &[ana, "ion@client.example"])),
            vec![ana, "ion@client.example"],
        ),
        (
            "a Reply-To equal to the From: it",
            Some(ana),
            Some(incoming(&mailbox(None, ana), &[ana])),
            vec![ana],
        ),
        (
            "a person's other address: the Reply-To",
            Some("ana@work.example"),
            Some(incoming(
                &mailbox(None, "ana@work.example"),
                &["ana@home.example"],
            )),
            vec!["ana@home.example"],
        ),
        (
            "our own channel address in Reply-To is never answered",
            Some(ana),
            Some(incoming(
                &mailbox(None, ana),
                &["support@northwind.example"],
            )),
            vec![ana],
        ),
        (
            "our own address beside the customer's: the customer's",
            Some(ana),
            Some(incoming(&from_form, &["billing@northwind.example", ana])),
            vec![ana],
        ),
        (
            "a forward logged on its original sender: the contact (forward rule wins)",
            Some("lukas@brenner-alpine.example"),
            Some(incoming(
                &mailbox(None, "giulia.rossi@northwind.example"),
                &["giulia.home@mail.example"],
            )),
            vec!["lukas@brenner-alpine.example"],
        ),
        (
            "someone else's message in the thread: the contact",
            Some(ana),
            Some(incoming(
                &mailbox(None, "bob@client.example"),
                &["bob@home.example"],
            )),
            vec![ana],
        ),
        (
            "a sent message is no customer message: the contact",
            Some(ana),
            Some(Message {
                direction: Direction::Outgoing,
                ..incoming(&mailbox(None, ana), &["other@client.example"])
            }),
            vec![ana],
        ),
        (
            "no contact: the Reply-To",
            None,
            Some(incoming(&from_form, &[ana])),
            vec![ana],
        ),
    ];
    let mut failures = Vec::new();
    for (rule, contact, last, want) in cases {
        let contact = contact.map(|c| EmailAddress::parse(c).unwrap());
        let got = reply_recipients(contact.as_ref(), last.as_ref(), &channels);
        let got: Vec<&str> = got.iter().map(EmailAddress::as_str).collect();
        if got != want {
            failures.push(format!("{rule}: {got:?}, expected {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---- what the thread shows -----------------------------------------------------------------

#[test]
fn the_thread_shows_a_reply_to_that_differs_from_the_from() {
    let form = mailbox(Some("Website"), "noreply@forms.example");
    let with = |direction, from: &Mailbox, reply_to: Vec<Mailbox>| Message {
        reply_to,
        ..common::message("m", "conv", direction, from.clone(), NOW)
    };
    let ana = mailbox(Some("Ana Pop"), "ana@client.example");
    let ion = mailbox(None, "ion@client.example");
    let cases = [
        (
            "a form's customer",
            with(Direction::Incoming, &form, vec![ana.clone()]),
            vec![ana.clone()],
        ),
        (
            "every Reply-To when there are several",
            with(Direction::Incoming, &form, vec![ana.clone(), ion.clone()]),
            vec![ana.clone(), ion.clone()],
        ),
        (
            "none when it only repeats the From",
            with(
                Direction::Incoming,
                &ana,
                vec![mailbox(None, "ANA@client.example")],
            ),
            vec![],
        ),
        (
            "our own address is shown (it says why the reply goes to the From)",
            with(
                Direction::Incoming,
                &ana,
                vec![mailbox(None, "support@northwind.example")],
            ),
            vec![mailbox(None, "support@northwind.example")],
        ),
        (
            "none without a Reply-To",
            with(Direction::Incoming, &ana, vec![]),
            vec![],
        ),
        (
            "none on sent mail",
            with(Direction::Outgoing, &form, vec![ana.clone()]),
            vec![],
        ),
    ];
    for (rule, message, want) in cases {
        assert_eq!(shown_reply_to(&message), want.as_slice(), "{rule}");
    }
}

// ---- whose timeline it is on, and the stored record ----------------------------------------

#[test]
fn a_received_message_is_on_its_reply_to_addresses_timelines() {
    let message = received(
        FORM,
        Some("Ana Pop <Ana@Client.example>, support@northwind.example"),
        "Tent",
        "Hi",
    );
    assert_eq!(
        timeline_keys(&message),
        [
            "noreply@northwind-outfitters.example",
            "ana@client.example",
            "support@northwind.example",
        ]
    );
}

#[test]
fn a_record_without_reply_to_reads_and_an_empty_one_is_not_written() {
    let message = received("Ana Pop <ana@client.example>", None, "S", "Hi");
    let json = serde_json::to_value(&message).unwrap();
    assert!(json.get("reply_to").is_none(), "{json}");
    let old: Message = serde_json::from_value(json).expect("an older record reads");
    assert!(old.reply_to.is_empty());

    let form = received(FORM, Some("Ana Pop <ana@client.example>"), "S", "Hi");
    let json = serde_json::to_value(&form).unwrap();
    assert_eq!(json["reply_to"][0]["address"], "ana@client.example");
    let back: Message = serde_json::from_value(json).unwrap();
    assert_eq!(back, form);
}
