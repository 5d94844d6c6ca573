//! SPEC §9 "Mail in and out", natively: building sent messages, parsing received ones (the
//! shipped samples included), refusing header injection, routing to an inbox and threading.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::channel;
use proptest::prelude::*;
use switchboard::domain::*;
use switchboard::mail::*;

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/samples");

fn addr(value: &str) -> EmailAddress {
    EmailAddress::parse(value).unwrap()
}

fn mb(name: Option<&str>, address: &str) -> Mailbox {
    Mailbox {
        name: name.map(str::to_owned),
        address: addr(address),
    }
}

fn sample(file: &str) -> Vec<u8> {
    std::fs::read(format!("{SAMPLES}/{file}")).unwrap()
}

fn parsed_sample(file: &str) -> ParsedEmail {
    parse_eml(&sample(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The header section of a built message, as text.
fn header_section(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    text.split("\r\n\r\n").next().unwrap().to_owned()
}

fn base_email() -> OutgoingEmail {
    OutgoingEmail {
        message_id: new_message_id("3f9a1c0e7d2b4a6f", "northwind.example"),
        date: 1_741_082_520_123,
        from: mb(
            Some("Ana Popescu from Northwind Outfitters"),
            "support@northwind.example",
        ),
        to: vec![mb(Some("Maria Jensen"), "maria.jensen@example.com")],
        cc: vec![],
        bcc: vec![],
        subject: "Re: Order #NW-10482 arrived with a torn tent bag".to_owned(),
        text_body: "Hi Maria,\n\nWe can ship a new carry bag today.\n\nAna\n".to_owned(),
        html_body: None,
        in_reply_to: None,
        references: vec![],
        attachments: vec![],
    }
}

fn pdf(name: &str, size: usize) -> OutgoingAttachment {
    OutgoingAttachment {
        file_name: name.to_owned(),
        content_type: "application/pdf".to_owned(),
        bytes: (0..size).map(|i| (i * 7 % 256) as u8).collect(),
    }
}

// ------------------------------------------------------------------------------------------
// Sent mail is a real RFC 5322 message (SPEC §9)
// ------------------------------------------------------------------------------------------

#[test]
fn sent_mail_round_trips_through_the_parser() {
    let with_html = OutgoingEmail {
        html_body: Some("<p>Hi Maria,</p><p>We can ship a new carry bag today.</p>".to_owned()),
        ..base_email()
    };
    let cases: Vec<(&str, OutgoingEmail)> = vec![
        ("plain text only", base_email()),
        ("text and HTML", with_html.clone()),
        (
            "text with attachments",
            OutgoingEmail {
                attachments: vec![
                    pdf("Invoice NW-2025-0381.pdf", 3000),
                    OutgoingAttachment {
                        file_name: "packing list.txt".to_owned(),
                        content_type: "text/plain".to_owned(),
                        bytes: b"1x Ridgeline 2P carry bag\n".to_vec(),
                    },
                ],
                ..base_email()
            },
        ),
        (
            "text, HTML and an attachment",
            OutgoingEmail {
                attachments: vec![pdf("label.pdf", 10)],
                ..with_html.clone()
            },
        ),
        (
            "non-ASCII names, subject, body and file name",
            OutgoingEmail {
                from: mb(
                    Some("Ștefan Rădulescu de la Northwind"),
                    "support@northwind.example",
                ),
                to: vec![mb(Some("Zofia Wiśniewska"), "zofia.wisniewska@example.pl")],
                cc: vec![mb(Some("Łukasz Żółć"), "lukasz@example.pl")],
                subject: "Re: Błędna kwota na fakturze — korekta faktury NW-10511 jest gotowa"
                    .to_owned(),
                text_body: "Dzień dobry,\nkorekta jest w załączniku.\n".to_owned(),
                html_body: Some("<p>Dzień dobry, korekta jest w załączniku.</p>".to_owned()),
                attachments: vec![pdf("korekta-łódź.pdf", 120)],
                ..base_email()
            },
        ),
        (
            "long recipient lists and names that need quoting are folded safely",
            OutgoingEmail {
                from: mb(
                    Some("Northwind Outfitters Customer Support Team (Europe), Returns Desk"),
                    "support@northwind.example",
                ),
                to: (1..=6)
                    .map(|i| {
                        mb(
                            Some(&format!("Customer No. {i}, Jr.")),
                            &format!("c{i}@example.com"),
                        )
                    })
                    .collect(),
                cc: (1..=4)
                    .map(|i| {
                        mb(
                            Some(&format!("Store Manager Number {i}")),
                            &format!("s{i}@example.org"),
                        )
                    })
                    .collect(),
                ..base_email()
            },
        ),
        (
            "reply with threading headers and several recipients",
            OutgoingEmail {
                to: vec![
                    mb(Some("Jensen, Maria"), "maria.jensen@example.com"),
                    mb(None, "orders@example.com"),
                ],
                cc: vec![mb(
                    Some("Lukas \"LB\" Brenner"),
                    "lukas@brenner-alpine.example",
                )],
                in_reply_to: Some("sb.3f9a1c0e7d2b4a6f@northwind.example".to_owned()),
                references: vec![
                    "CAJ7xkQ2r9f0pXnW4yVb8Lm1sT6uHd3eZ5aK0cR7gNq2wF8tYbA@mail.gmail.com".to_owned(),
                    "sb.3f9a1c0e7d2b4a6f@northwind.example".to_owned(),
                ],
                ..base_email()
            },
        ),
    ];
    for (case, email) in cases {
        let built = build_message(&email).unwrap_or_else(|e| panic!("{case}: {e}"));
        let parsed = parse_eml(&built.bytes).unwrap_or_else(|e| panic!("{case}: {e}"));
        assert_eq!(parsed.from, email.from, "{case}: From");
        assert_eq!(parsed.to, email.to, "{case}: To");
        assert_eq!(parsed.cc, email.cc, "{case}: Cc");
        assert_eq!(parsed.subject, email.subject, "{case}: Subject");
        assert_eq!(parsed.date, Some(email.date / 1000 * 1000), "{case}: Date");
        assert_eq!(
            parsed.message_id.as_deref(),
            Some(email.message_id.as_str()),
            "{case}: Message-ID"
        );
        assert_eq!(parsed.in_reply_to, email.in_reply_to, "{case}: In-Reply-To");
        assert_eq!(parsed.references, email.references, "{case}: References");
        assert_eq!(
            parsed.text_body.trim_end(),
            email.text_body.trim_end(),
            "{case}: text"
        );
        assert_eq!(
            parsed.html_body.as_deref().map(str::trim_end),
            email.html_body.as_deref().map(str::trim_end),
            "{case}: HTML"
        );
        let got: Vec<(String, String, u64, Vec<u8>)> = parsed
            .attachments
            .iter()
            .map(|a| {
                (
                    a.file_name.clone(),
                    a.content_type.clone(),
                    a.size,
                    a.bytes.clone(),
                )
            })
            .collect();
        let want: Vec<(String, String, u64, Vec<u8>)> = email
            .attachments
            .iter()
            .map(|a| {
                let size = a.bytes.len() as u64;
                (
                    a.file_name.clone(),
                    a.content_type.clone(),
                    size,
                    a.bytes.clone(),
                )
            })
            .collect();
        assert_eq!(got, want, "{case}: attachments");
        assert_eq!(parsed.raw_size, built.bytes.len() as u64, "{case}: size");
    }
}

#[test]
fn sent_mail_has_message_id_date_from_and_mime_structure() {
    let cases: Vec<(&str, OutgoingEmail, &[&str], &[&str])> = vec![
        (
            "plain text is a single text/plain part",
            base_email(),
            &["Content-Type: text/plain; charset=\"utf-8\""],
            &["multipart/"],
        ),
        (
            "text and HTML are multipart/alternative",
            OutgoingEmail {
                html_body: Some("<p>Hi</p>".to_owned()),
                ..base_email()
            },
            &[
                "Content-Type: multipart/alternative;",
                "Content-Type: text/html",
            ],
            &["multipart/mixed"],
        ),
        (
            "attachments are wrapped in multipart/mixed",
            OutgoingEmail {
                html_body: Some("<p>Hi</p>".to_owned()),
                attachments: vec![pdf("label.pdf", 10)],
                ..base_email()
            },
            &[
                "Content-Type: multipart/mixed;",
                "Content-Type: multipart/alternative;",
                "Content-Disposition: attachment; filename=\"label.pdf\"",
                "Content-Transfer-Encoding: base64",
            ],
            &[],
        ),
    ];
    for (case, email, present, absent) in cases {
        let built = build_message(&email).unwrap();
        let text = String::from_utf8(built.bytes.clone()).unwrap();
        let headers = header_section(&built.bytes);
        for line in [
            "Message-ID: <3f9a1c0e7d2b4a6f@northwind.example>",
            "Date: Tue, 4 Mar 2025 10:02:00 +0000",
            "From: Ana Popescu from Northwind Outfitters <support@northwind.example>",
            "To: Maria Jensen <maria.jensen@example.com>",
            "MIME-Version: 1.0",
        ] {
            assert!(
                headers.contains(line),
                "{case}: missing {line:?} in\n{headers}"
            );
        }
        for needle in present {
            assert!(
                text.contains(needle),
                "{case}: missing {needle:?} in\n{text}"
            );
        }
        for needle in absent {
            assert!(
                !text.contains(needle),
                "{case}: unexpected {needle:?} in\n{text}"
            );
        }
        assert!(
            text.lines().all(|line| line.len() <= 998),
            "{case}: RFC 5322 line limit"
        );
        assert!(
            !text.contains("\r\n\r\n\r\n\r\n"),
            "{case}: stray blank lines"
        );
    }
}

#[test]
fn sent_mail_is_reproducible_because_time_and_ids_are_parameters() {
    let email = OutgoingEmail {
        html_body: Some("<p>Hi</p>".to_owned()),
        attachments: vec![pdf("label.pdf", 10)],
        ..base_email()
    };
    assert_eq!(
        build_message(&email).unwrap(),
        build_message(&email).unwrap()
    );
    let later = OutgoingEmail {
        date: 1_741_168_920_000,
        ..email.clone()
    };
    let later = header_section(&build_message(&later).unwrap().bytes);
    assert!(
        later.contains("Date: Wed, 5 Mar 2025 10:02:00 +0000"),
        "{later}"
    );
}

#[test]
fn dates_are_written_in_rfc_2822_format() {
    let cases = [
        (0, "Thu, 1 Jan 1970 00:00:00 +0000"),
        (951_782_400_000, "Tue, 29 Feb 2000 00:00:00 +0000"),
        (1_741_082_520_999, "Tue, 4 Mar 2025 10:02:00 +0000"),
        (1_767_225_599_000, "Wed, 31 Dec 2025 23:59:59 +0000"),
    ];
    for (millis, want) in cases {
        let email = OutgoingEmail {
            date: millis,
            ..base_email()
        };
        let headers = header_section(&build_message(&email).unwrap().bytes);
        assert!(
            headers.contains(&format!("Date: {want}\r\n")),
            "{millis}: {headers}"
        );
    }
}

#[test]
fn bcc_is_not_a_header_but_an_envelope_recipient() {
    let email = OutgoingEmail {
        cc: vec![mb(None, "orders@example.com")],
        bcc: vec![
            mb(Some("Audit"), "audit@northwind.example"),
            // Listed twice (To and Bcc): delivered once.
            mb(None, "MARIA.JENSEN@example.com"),
        ],
        ..base_email()
    };
    let built = build_message(&email).unwrap();
    let text = String::from_utf8(built.bytes.clone()).unwrap();
    assert!(!text.to_ascii_lowercase().contains("bcc"), "{text}");
    assert!(!text.contains("audit@northwind.example"), "{text}");
    assert_eq!(built.envelope_from, addr("support@northwind.example"));
    assert_eq!(
        built.envelope_to,
        vec![
            addr("maria.jensen@example.com"),
            addr("orders@example.com"),
            addr("audit@northwind.example"),
        ]
    );
    let bcc_only = OutgoingEmail {
        to: vec![],
        bcc: vec![mb(None, "audit@northwind.example")],
        ..base_email()
    };
    let built = build_message(&bcc_only).unwrap();
    assert_eq!(built.envelope_to, vec![addr("audit@northwind.example")]);
}

#[test]
fn non_ascii_names_and_subjects_are_rfc_2047_encoded_when_sent() {
    let cases = [
        ("Ștefan Rădulescu", "Rambursare aprobată"),
        (
            "Zofia Wiśniewska",
            "Błędna kwota na fakturze za zamówienie NW-10511",
        ),
        (
            "Ioana Ștefănescu de la Northwind Outfitters, echipa de suport clienți",
            "Re: Cort returnat — când primesc banii înapoi? Rambursarea a fost procesată azi",
        ),
        ("Łukasz \"Łuki\" Żółć", "Ćwiczenie: ąęśćźżńół"),
    ];
    for (name, subject) in cases {
        let email = OutgoingEmail {
            from: mb(Some(name), "support@northwind.example"),
            to: vec![mb(Some(name), "customer@example.pl")],
            subject: subject.to_owned(),
            ..base_email()
        };
        let built = build_message(&email).unwrap();
        let headers = header_section(&built.bytes);
        assert!(
            headers.is_ascii(),
            "{name}: raw non-ASCII in headers:\n{headers}"
        );
        assert!(
            headers.contains("=?utf-8?"),
            "{name}: no encoded-word:\n{headers}"
        );
        // RFC 2047 §2: an encoded-word is at most 75 characters; §5: never inside quotes.
        for word in headers.split_whitespace().filter(|w| w.contains("=?")) {
            let word = word.trim_end_matches(',');
            assert!(word.len() <= 75, "{name}: encoded-word too long: {word}");
            assert!(
                !word.starts_with('"'),
                "{name}: encoded-word in quotes: {word}"
            );
        }
        let parsed = parse_eml(&built.bytes).unwrap();
        assert_eq!(parsed.from.name.as_deref(), Some(name));
        assert_eq!(parsed.to[0].name.as_deref(), Some(name));
        assert_eq!(parsed.subject, subject);
    }
}

#[test]
fn rfc_2047_encoded_names_and_subjects_are_decoded_when_received() {
    let cases: [(&[u8], &str, &str); 6] = [
        (
            b"From: =?ISO-8859-2?Q?Zofia_Wi=B6niewska?= <z@example.pl>\nSubject: =?ISO-8859-2?Q?B=B3=EAdna_kwota?=\n\nx",
            "Zofia Wiśniewska",
            "Błędna kwota",
        ),
        (
            b"From: =?UTF-8?B?SW9hbmEgyJh0ZWbEg25lc2N1?= <i@example.ro>\nSubject: =?utf-8?q?Mul=C8=9Bumesc?=\n\nx",
            "Ioana Ștefănescu",
            "Mulțumesc",
        ),
        (
            // Two adjacent encoded-words join without the folding whitespace between them.
            b"From: =?UTF-8?Q?=C8=98tefan?=\r\n =?UTF-8?Q?_R=C4=83dulescu?= <s@example.ro>\r\nSubject: =?UTF-8?B?Q29ydCByZXR1cm5hdA==?=\r\n =?UTF-8?B?IOKAlCBjw6JuZA==?=\r\n\r\nx",
            "Ștefan Rădulescu",
            "Cort returnat — când",
        ),
        (
            b"From: =?windows-1250?Q?=A3ukasz_=AF=F3=B3=E6?= <l@example.pl>\nSubject: plain\n\nx",
            "Łukasz Żółć",
            "plain",
        ),
        (
            b"From: \"Jensen, Maria\" <maria.jensen@example.com>\nSubject: Re: Hi\n\nx",
            "Jensen, Maria",
            "Re: Hi",
        ),
        (
            // Outlook repeats the address as the name: no name worth showing.
            b"From: \"maria.jensen@example.com\" <maria.jensen@example.com>\nSubject: x\n\nx",
            "",
            "x",
        ),
    ];
    for (raw, name, subject) in cases {
        let parsed = parse_eml(raw).unwrap();
        assert_eq!(parsed.from.name.as_deref().unwrap_or(""), name);
        assert_eq!(parsed.subject, subject);
    }
}

/// A received subject is kept on one line, and a reply's subject is made from it, so that a
/// TAB or an encoded line break in what a customer sent never makes the reply a refused
/// header (the reply composer has no subject field to mend it in).
#[test]
fn received_subjects_are_one_line_and_replies_to_them_can_be_sent() {
    let received: [(&[u8], &str); 3] = [
        (
            b"From: a@example.com\nSubject: Order\tNW-999 with a tab\n\nx",
            "Order NW-999 with a tab",
        ),
        (
            b"From: a@example.com\nSubject: =?UTF-8?Q?Line_one=0D=0ALine_two?=\n\nx",
            "Line one  Line two",
        ),
        // A TAB that folds a long subject stays the fold's whitespace.
        (
            b"From: a@example.com\nSubject: Order\n\tfolded\n\nx",
            "Order folded",
        ),
    ];
    for (raw, subject) in received {
        assert_eq!(parse_eml(raw).unwrap().subject, subject);
    }
    let replies = [
        ("Parcel", "Re: Parcel"),
        ("re: Parcel", "re: Parcel"),
        ("RE: Parcel", "RE: Parcel"),
        ("  Parcel  ", "Re: Parcel"),
        ("Order\tNW-999", "Re: Order NW-999"),
        ("Line one\r\nLine two", "Re: Line one  Line two"),
        ("Para\u{2029}graph", "Re: Para graph"),
    ];
    for (subject, reply) in replies {
        let made = reply_subject(subject);
        assert_eq!(made, reply, "{subject:?}");
        assert!(
            header_value(&made, 998).is_ok(),
            "{made:?} is a valid header"
        );
    }
}

/// A recipients field splits at commas and semicolons, but not inside a quoted name or an
/// `<address>` ("Doe, Jane" is one name).
#[test]
fn a_recipients_field_splits_between_addresses_only() {
    let cases: [(&str, &[&str]); 7] = [
        ("a@x.example", &["a@x.example"]),
        (
            "a@x.example, b@y.example;c@z.example",
            &["a@x.example", "b@y.example", "c@z.example"],
        ),
        (
            "\"Doe, Jane\" <jane@example.com>, b@y.example",
            &["\"Doe, Jane\" <jane@example.com>", "b@y.example"],
        ),
        (
            "\"A \\\"x, y\\\" B\" <a@x.example>",
            &["\"A \\\"x, y\\\" B\" <a@x.example>"],
        ),
        (
            "Jane Doe <jane@example.com>; ",
            &["Jane Doe <jane@example.com>"],
        ),
        (" , ; ", &[]),
        // An unclosed quote keeps the rest as typed: the address check then says what is wrong.
        (
            "\"Doe, Jane <jane@example.com>",
            &["\"Doe, Jane <jane@example.com>"],
        ),
    ];
    for (typed, parts) in cases {
        assert_eq!(split_recipients(typed), parts, "{typed:?}");
    }
}

// ------------------------------------------------------------------------------------------
// Addresses are checked: no header injection (SPEC §8)
// ------------------------------------------------------------------------------------------

#[test]
fn header_injection_is_refused_in_every_header_field() {
    let evil = [
        "\r\nBcc: victim@example.com",
        "\nX-Evil: 1",
        "\rX",
        "nul\0byte",
        "tab\there",
        "del\u{7f}",
        "next line\u{85}",
        "line\u{2028}separator",
        "para\u{2029}separator",
    ];
    type Inject = fn(&mut OutgoingEmail, &str);
    let fields: [(HeaderField, Inject); 10] = [
        (HeaderField::FromName, |e, v| {
            e.from.name = Some(format!("Ana{v}"))
        }),
        (HeaderField::ToName, |e, v| {
            e.to[0].name = Some(format!("Maria{v}"))
        }),
        (HeaderField::CcName, |e, v| {
            e.cc = vec![mb(Some(&format!("Cc{v}")), "cc@example.com")]
        }),
        (HeaderField::BccName, |e, v| {
            e.bcc = vec![mb(Some(&format!("Bcc{v}")), "bcc@example.com")]
        }),
        (HeaderField::Subject, |e, v| e.subject = format!("Hello{v}")),
        (HeaderField::MessageId, |e, v| {
            e.message_id = format!("abc{v}@northwind.example")
        }),
        (HeaderField::InReplyTo, |e, v| {
            e.in_reply_to = Some(format!("parent{v}@example.com"))
        }),
        (HeaderField::References, |e, v| {
            e.references = vec!["ok@example.com".to_owned(), format!("ref{v}@example.com")]
        }),
        (HeaderField::AttachmentFileName, |e, v| {
            e.attachments = vec![pdf(&format!("invoice{v}.pdf"), 3)]
        }),
        (HeaderField::AttachmentContentType, |e, v| {
            let mut attachment = pdf("invoice.pdf", 3);
            attachment.content_type = format!("application/pdf{v}");
            e.attachments = vec![attachment];
        }),
    ];
    for (field, inject) in fields {
        for value in evil {
            let mut email = base_email();
            inject(&mut email, value);
            assert_eq!(
                build_message(&email),
                Err(BuildError::InvalidHeader {
                    field,
                    reason: ValidationError::ControlCharacter
                }),
                "{field} with {value:?}"
            );
        }
    }
    // Addresses cannot even be made with a line break in them.
    for value in [
        "a\r\n@example.com",
        "a@example.com\r\nBcc: b@example.com",
        "a@exa\0mple.com",
    ] {
        assert_eq!(
            EmailAddress::parse(value),
            Err(ValidationError::ControlCharacter)
        );
    }
}

#[test]
fn invalid_outgoing_messages_are_refused_with_a_clear_error() {
    type Break = fn(&mut OutgoingEmail);
    let cases: [(&str, Break, BuildError); 8] = [
        (
            "no recipient at all",
            |e| e.to.clear(),
            BuildError::NoRecipients,
        ),
        (
            "Message-ID without a domain",
            |e| e.message_id = "3f9a1c0e".to_owned(),
            BuildError::InvalidMessageId {
                field: HeaderField::MessageId,
                value: "3f9a1c0e".to_owned(),
            },
        ),
        (
            "Message-ID with angle brackets",
            |e| e.message_id = "<a@b.example>".to_owned(),
            BuildError::InvalidMessageId {
                field: HeaderField::MessageId,
                value: "<a@b.example>".to_owned(),
            },
        ),
        (
            "In-Reply-To with a space",
            |e| e.in_reply_to = Some("a b@example.com".to_owned()),
            BuildError::InvalidMessageId {
                field: HeaderField::InReplyTo,
                value: "a b@example.com".to_owned(),
            },
        ),
        (
            "empty reference",
            |e| e.references = vec![String::new()],
            BuildError::InvalidMessageId {
                field: HeaderField::References,
                value: String::new(),
            },
        ),
        (
            "attachment type with parameters",
            |e| {
                let mut attachment = pdf("a.pdf", 1);
                attachment.content_type = "application/pdf; name=\"x\"".to_owned();
                e.attachments = vec![attachment];
            },
            BuildError::InvalidContentType("application/pdf; name=\"x\"".to_owned()),
        ),
        (
            "attachment type without subtype",
            |e| {
                let mut attachment = pdf("a.pdf", 1);
                attachment.content_type = "pdf".to_owned();
                e.attachments = vec![attachment];
            },
            BuildError::InvalidContentType("pdf".to_owned()),
        ),
        (
            "attachment without a file name",
            |e| e.attachments = vec![pdf("  ", 1)],
            BuildError::InvalidHeader {
                field: HeaderField::AttachmentFileName,
                reason: ValidationError::Empty,
            },
        ),
    ];
    for (case, breaks, want) in cases {
        let mut email = base_email();
        breaks(&mut email);
        let got = build_message(&email);
        assert_eq!(got, Err(want), "{case}");
        assert!(!got.unwrap_err().to_string().is_empty());
    }
    let too_long = OutgoingEmail {
        subject: "x".repeat(999),
        ..base_email()
    };
    assert_eq!(
        build_message(&too_long).unwrap_err().to_string(),
        "The subject cannot be sent: This value is too long (at most 998 characters)."
    );
}

#[test]
fn message_ids_are_made_from_caller_randomness_and_domain() {
    let cases = [
        (
            "3F9A1C0E7D2B4A6F",
            "northwind.example",
            "3f9a1c0e7d2b4a6f@northwind.example",
        ),
        (
            "00ff",
            " Northwind.Inbox.Example ",
            "00ff@northwind.inbox.example",
        ),
        (
            "de ad\r\nbe<ef>",
            "evil.example>\r\nBcc: x",
            "deadbeef@evil.examplebccx",
        ),
    ];
    for (hex, domain, want) in cases {
        assert_eq!(new_message_id(hex, domain), want);
    }
    // Whatever it is given, the result is a safe header value.
    let id = new_message_id("zz", "");
    assert_eq!(id, "@");
    let email = OutgoingEmail {
        message_id: id,
        ..base_email()
    };
    assert!(matches!(
        build_message(&email),
        Err(BuildError::InvalidMessageId { .. })
    ));
}

fn parent(message_id: Option<&str>, in_reply_to: Option<&str>, references: &[&str]) -> Message {
    Message {
        subject: "x".to_owned(),
        message_id: message_id.map(str::to_owned),
        in_reply_to: in_reply_to.map(str::to_owned),
        references: references.iter().map(|r| r.to_string()).collect(),
        ..Message::new(
            MessageId::new("m-1"),
            Some(ConversationId::new("c-1")),
            Direction::Incoming,
            mb(None, "maria.jensen@example.com"),
            0,
        )
    }
}

#[test]
fn replies_carry_in_reply_to_and_references() {
    let cases: [(&str, Message, Option<&str>, &[&str]); 5] = [
        (
            "first reply to a new message",
            parent(Some("a@x.example"), None, &[]),
            Some("a@x.example"),
            &["a@x.example"],
        ),
        (
            "parent's references then parent's id",
            parent(
                Some("c@x.example"),
                Some("b@x.example"),
                &["a@x.example", "b@x.example"],
            ),
            Some("c@x.example"),
            &["a@x.example", "b@x.example", "c@x.example"],
        ),
        (
            "parent without References but with In-Reply-To starts the chain with it",
            parent(Some("b@x.example"), Some("a@x.example"), &[]),
            Some("b@x.example"),
            &["a@x.example", "b@x.example"],
        ),
        (
            "parent's id is not repeated",
            parent(Some("b@x.example"), None, &["a@x.example", "b@x.example"]),
            Some("b@x.example"),
            &["a@x.example", "b@x.example"],
        ),
        (
            "parent without a Message-ID keeps what it had",
            parent(None, None, &["a@x.example"]),
            None,
            &["a@x.example"],
        ),
    ];
    for (case, parent, in_reply_to, references) in cases {
        let (got_irt, got_refs) = reply_headers(&parent);
        assert_eq!(got_irt.as_deref(), in_reply_to, "{case}");
        assert_eq!(got_refs, references, "{case}");
    }
}

// ------------------------------------------------------------------------------------------
// Received mail is real RFC 5322 / MIME (SPEC §9): the shipped samples
// ------------------------------------------------------------------------------------------

struct Expect {
    file: &'static str,
    from: (&'static str, &'static str),
    subject: &'static str,
    message_id: &'static str,
    in_reply_to: Option<&'static str>,
    references: &'static [&'static str],
    text_contains: &'static [&'static str],
    has_html: bool,
    attachments: &'static [(&'static str, &'static str, u64)],
}

const GMAIL_ID: &str = "CAJ7xkQ2r9f0pXnW4yVb8Lm1sT6uHd3eZ5aK0cR7gNq2wF8tYbA@mail.gmail.com";
const ROMANIAN_ID: &str = "4e2d8a71-0c5b-4f9e-a3d6-81b7c2e4f905@example.ro";

const EXPECTED: &[Expect] = &[
    Expect {
        file: "01-gmail-plain-html.eml",
        from: ("Maria Jensen", "maria.jensen@example.com"),
        subject: "Order #NW-10482 arrived with a torn tent bag",
        message_id: GMAIL_ID,
        in_reply_to: None,
        references: &[],
        text_contains: &["carry bag of the Ridgeline 2P tent\nis torn"],
        has_html: true,
        attachments: &[],
    },
    Expect {
        file: "02-outlook-reply.eml",
        from: ("Maria Jensen", "maria.jensen@example.com"),
        subject: "RE: Order #NW-10482 arrived with a torn tent bag",
        message_id:
            "AM9PR07MB70124C1F3E2A8B6D9E0F1A2BD3C42@AM9PR07MB7012.eurprd07.prod.outlook.example",
        in_reply_to: Some("sb.3f9a1c0e7d2b4a6f@northwind.example"),
        references: &[GMAIL_ID, "sb.3f9a1c0e7d2b4a6f@northwind.example"],
        text_contains: &[
            "Thank you \u{2013} a replacement bag is perfect",
            "Would that work for you, or",
        ],
        has_html: true,
        attachments: &[],
    },
    Expect {
        file: "03-apple-mail-pdf.eml",
        from: ("Lukas Brenner", "lukas@brenner-alpine.example"),
        subject: "Invoice NW-2025-0381 is missing our VAT number",
        message_id: "7C1D9E2F-3A4B-4C5D-8E6F-0A1B2C3D4E5F@brenner-alpine.example",
        in_reply_to: None,
        references: &[],
        text_contains: &["(DE 298 441 106)"],
        has_html: false,
        attachments: &[("Invoice-NW-2025-0381.pdf", "application/pdf", 398)],
    },
    Expect {
        file: "04-thunderbird-iso-8859-2.eml",
        from: ("Zofia Wiśniewska", "zofia.wisniewska@example.pl"),
        subject: "Błędna kwota na fakturze za zamówienie NW-10511",
        message_id: "b3c9f1e2-7a4d-4c8e-9f21-6d0a5e8b7c13@example.pl",
        in_reply_to: None,
        references: &[],
        text_contains: &[
            "Dzień dobry",
            "249,00 zł zamiast 219,00 zł",
            "kurtka Żagiel",
            "Z poważaniem",
        ],
        has_html: false,
        attachments: &[],
    },
    Expect {
        file: "05-thunderbird-romanian.eml",
        from: ("Ioana Ștefănescu", "ioana.stefanescu@example.ro"),
        subject: "Cort returnat — când primesc banii înapoi?",
        message_id: ROMANIAN_ID,
        in_reply_to: None,
        references: &[],
        text_contains: &["Încă nu am primit rambursarea", "Mulțumesc"],
        has_html: false,
        attachments: &[],
    },
    Expect {
        file: "06-thunderbird-followup-photo.eml",
        from: ("Ioana Ștefănescu", "ioana.stefanescu@example.ro"),
        subject: "Re: Cort returnat — când primesc banii înapoi?",
        message_id: "9a71c3d2-5e8f-4b0a-b6c4-2f3e1d9a8b70@example.ro",
        in_reply_to: Some(ROMANIAN_ID),
        references: &[ROMANIAN_ID],
        text_contains: &["Am uitat să atașez dovada de expediere"],
        has_html: false,
        attachments: &[("dovada-expediere.png", "image/png", 70)],
    },
    Expect {
        file: "07-newsletter-html.eml",
        from: ("Trailhead Gear Weekly", "news@trailhead-gear.example"),
        subject: "Spring restock: trekking poles and dry bags ship March 20",
        message_id: "20250310120000.8f3a91.campaign@mailer.trailhead-gear.example",
        in_reply_to: None,
        references: &[],
        text_contains: &[
            "Wholesale prices are locked until April 30.",
            "Open the wholesale catalog",
        ],
        has_html: true,
        attachments: &[],
    },
    Expect {
        file: "08-forwarded-fwd.eml",
        from: ("Daniel Novak", "daniel.novak@example.org"),
        subject: "Fwd: Return request for order NW-10377",
        message_id: "CAF5vN8t2QmR7pLk3HxW9zYc4Jb6dE1gUo0sAi2fKr5TnMw7eVg@mail.gmail.com",
        in_reply_to: None,
        references: &[],
        text_contains: &[
            "---------- Forwarded message ---------\nFrom: Jonas Berg <jonas.berg@example.net>",
        ],
        has_html: true,
        attachments: &[],
    },
    Expect {
        file: "09-partners-disabled-channel.eml",
        from: ("Ingrid Solberg", "ingrid@fjellbutikken.example"),
        subject: "Reseller terms for Fjellbutikken",
        message_id: "20250313124530.71c2e@fjellbutikken.example",
        in_reply_to: None,
        references: &[],
        text_contains: &["Could you send the reseller terms?"],
        has_html: false,
        attachments: &[],
    },
    Expect {
        file: "10-outlook-inline-image.eml",
        from: ("Sanne de Vries", "sanne.devries@fjell-tours.example"),
        subject: "Stove valve leaks at the fuel line (photo inline)",
        message_id:
            "AM9PR07MB7123A4B1C2D3E4F5A6B7C8D9E0F1A@AM9PR07MB7123.eurprd07.prod.outlook.example",
        in_reply_to: None,
        references: &[],
        text_contains: &["The valve of the stove from order NW-10977 leaks"],
        has_html: true,
        attachments: &[
            ("image001.png", "image/png", 99),
            ("packing-slip-NW-10977.txt", "text/plain", 74),
        ],
    },
];

#[test]
fn every_sample_email_parses_with_the_expected_headers() {
    for want in EXPECTED {
        let file = want.file;
        let got = parsed_sample(file);
        assert_eq!(got.from, mb(Some(want.from.0), want.from.1), "{file}");
        assert_eq!(got.subject, want.subject, "{file}");
        assert_eq!(got.message_id.as_deref(), Some(want.message_id), "{file}");
        assert_eq!(got.in_reply_to.as_deref(), want.in_reply_to, "{file}");
        assert_eq!(got.references, want.references, "{file}");
        assert!(got.date.is_some(), "{file}: date");
        for needle in want.text_contains {
            assert!(
                got.text_body.contains(needle),
                "{file}: {needle:?} not in {:?}",
                got.text_body
            );
        }
        assert!(
            !got.text_body.contains('\r'),
            "{file}: text keeps one line ending"
        );
        assert!(!got.text_body.contains("<p"), "{file}: text has no tags");
        assert_eq!(got.html_body.is_some(), want.has_html, "{file}: HTML");
        let attachments: Vec<(&str, &str, u64)> = got
            .attachments
            .iter()
            .map(|a| (a.file_name.as_str(), a.content_type.as_str(), a.size))
            .collect();
        assert_eq!(attachments, want.attachments, "{file}: attachments");
        for attachment in &got.attachments {
            assert_eq!(attachment.bytes.len() as u64, attachment.size, "{file}");
        }
        assert_eq!(got.raw_size, sample(file).len() as u64, "{file}: raw size");
    }
}

#[test]
fn sample_attachments_decode_to_their_real_bytes() {
    let pdf = &parsed_sample("03-apple-mail-pdf.eml").attachments[0].bytes;
    assert!(pdf.starts_with(b"%PDF-1.4\n") && pdf.ends_with(b"%%EOF\n"));
    let png = &parsed_sample("06-thunderbird-followup-photo.eml").attachments[0].bytes;
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.ends_with(b"IEND\xaeB`\x82"));
}

#[test]
fn html_only_mail_gets_a_text_body_and_keeps_its_raw_html() {
    let newsletter = parsed_sample("07-newsletter-html.eml");
    let html = newsletter.html_body.unwrap();
    // Raw: remote images and the tracking pixel are still there for the sanitiser to handle.
    assert!(html.contains("https://t.trailhead-gear.example/open/8f3a91.gif"));
    assert!(html.contains("<img src=\"https://cdn.trailhead-gear.example/"));
    assert!(!newsletter.text_body.contains('<'));
    assert!(
        !newsletter.text_body.contains("font-family"),
        "style text dropped"
    );
}

#[test]
fn sample_dates_become_unix_millis() {
    let cases = [
        ("01-gmail-plain-html.eml", 1_741_022_052_000),
        ("02-outlook-reply.eml", 1_741_084_913_000),
        ("05-thunderbird-romanian.eml", 1_741_338_344_000),
        ("07-newsletter-html.eml", 1_741_608_000_000),
    ];
    for (file, millis) in cases {
        assert_eq!(parsed_sample(file).date, Some(millis), "{file}");
    }
}

#[test]
fn sample_index_lists_every_sample_file_and_the_readme_describes_it() {
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(format!("{SAMPLES}/index.json")).unwrap()).unwrap();
    let listed: Vec<String> = index["samples"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    let mut on_disk: Vec<String> = std::fs::read_dir(SAMPLES)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".eml"))
        .collect();
    on_disk.sort();
    assert_eq!(listed, on_disk);
    assert_eq!(
        on_disk.len(),
        EXPECTED.len() + 1,
        "every sample has expectations"
    );
    let readme = std::fs::read_to_string(format!("{SAMPLES}/README.md")).unwrap();
    for name in &on_disk {
        assert!(
            readme.contains(name.as_str()),
            "README.md does not describe {name}"
        );
    }
}

// ------------------------------------------------------------------------------------------
// Malformed input: a clear per-file error, never a panic
// ------------------------------------------------------------------------------------------

#[test]
fn malformed_input_is_a_clear_error() {
    let cases: Vec<(&str, Vec<u8>, ParseError)> = vec![
        (
            "the shipped malformed sample",
            sample("malformed.eml"),
            ParseError::NotAnEmail,
        ),
        ("empty file", vec![], ParseError::Empty),
        (
            "only whitespace",
            b"  \r\n\n\t ".to_vec(),
            ParseError::Empty,
        ),
        (
            "binary garbage",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00".to_vec(),
            ParseError::Binary,
        ),
        (
            "a zip file",
            b"PK\x03\x04\x14\x00\x00\x00\x08\x00".to_vec(),
            ParseError::Binary,
        ),
        (
            "plain text",
            b"Hello, this is just a note.\n".to_vec(),
            ParseError::NotAnEmail,
        ),
        (
            "text with a colon",
            b"Note: buy milk\n\nthanks".to_vec(),
            ParseError::NotAnEmail,
        ),
        (
            "headers without From",
            b"To: support@northwind.example\nSubject: hi\n\nbody".to_vec(),
            ParseError::MissingFrom,
        ),
        (
            "empty From",
            b"From: <>\nSubject: hi\n\nbody".to_vec(),
            ParseError::MissingFrom,
        ),
        (
            "From without an address",
            b"From: Maria Jensen\nSubject: hi\n\nbody".to_vec(),
            ParseError::InvalidFrom {
                value: "Maria Jensen".to_owned(),
                reason: ValidationError::AddressShape,
            },
        ),
        (
            "From with a dotless domain",
            b"From: Maria <maria@localhost>\n\nbody".to_vec(),
            ParseError::InvalidFrom {
                value: "maria@localhost".to_owned(),
                reason: ValidationError::Domain,
            },
        ),
    ];
    for (case, raw, want) in cases {
        let got = parse_eml(&raw);
        assert_eq!(got, Err(want), "{case}");
        let message = got.unwrap_err().to_string();
        assert!(message.ends_with('.'), "{case}: {message}");
    }
}

#[test]
fn damaged_but_real_mail_still_imports() {
    let cases: [(&str, &[u8]); 4] = [
        (
            "multipart whose closing boundary was cut off",
            b"From: a@example.com\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain\n\nhello\n--b1\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0",
        ),
        (
            "invalid date",
            b"From: a@example.com\nDate: yesterday at noon\nSubject: hi\n\nhello",
        ),
        (
            "undisclosed recipients and a broken Cc",
            b"From: a@example.com\nTo: undisclosed-recipients:;\nCc: not-an-address, <b@example.com>\n\nhello",
        ),
        (
            "unknown charset",
            b"From: a@example.com\nContent-Type: text/plain; charset=x-klingon\n\nhello",
        ),
    ];
    for (case, raw) in cases {
        let got = parse_eml(raw).unwrap_or_else(|e| panic!("{case}: {e}"));
        assert_eq!(got.from.address, addr("a@example.com"), "{case}");
        assert!(got.text_body.contains("hello"), "{case}");
    }
    let no_date = parse_eml(cases[1].1).unwrap();
    assert_eq!(no_date.date, None);
    let broken = parse_eml(cases[2].1).unwrap();
    assert!(broken.to.is_empty());
    assert_eq!(broken.cc, vec![mb(None, "b@example.com")]);
    assert_eq!(broken.ignored_addresses, vec!["not-an-address".to_owned()]);
}

#[test]
fn attachment_file_names_are_reduced_to_a_safe_bare_name() {
    let raw = b"From: a@example.com\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nhi\n--b\nContent-Type: application/pdf; name=\"../../etc/passwd\"\nContent-Disposition: attachment; filename=\"../../etc/passwd\"\n\nx\n--b\nContent-Type: application/octet-stream\nContent-Disposition: attachment\n\ny\n--b\nContent-Type: text/plain\nContent-Disposition: attachment; filename=\"C:\\\\Users\\\\ana\\\\notes.txt\"\n\nz\n--b--\n";
    let names: Vec<String> = parse_eml(raw)
        .unwrap()
        .attachments
        .into_iter()
        .map(|a| a.file_name)
        .collect();
    assert_eq!(names, ["passwd", "attachment-2.bin", "notes.txt"]);
}

#[test]
fn delivered_to_and_x_original_to_are_read_and_come_first_for_routing() {
    let raw = b"Delivered-To: support@northwind.example\nX-Original-To: <Billing@Northwind.Example>\nFrom: a@example.com\nTo: List <list@example.org>\nCc: b@example.com\n\nhi";
    let parsed = parse_eml(raw).unwrap();
    assert_eq!(
        parsed.delivered_to,
        vec![
            addr("support@northwind.example"),
            addr("Billing@northwind.example")
        ]
    );
    let order: Vec<String> = parsed
        .recipients()
        .iter()
        .map(|m| m.address.to_string())
        .collect();
    assert_eq!(
        order,
        [
            "support@northwind.example",
            "Billing@northwind.example",
            "list@example.org",
            "b@example.com"
        ]
    );
}

proptest! {
    // Few cases: each builds or parses a whole message in an unoptimised test binary, and the
    // native suite must stay at a few seconds.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn parsing_never_panics_on_arbitrary_bytes(raw in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = parse_eml(&raw);
    }

    #[test]
    fn parsing_never_panics_on_mail_shaped_garbage(
        from in "[ -~]{0,40}",
        subject in "[ -~ąęśŁȘț€\t]{0,60}",
        ctype in "[a-z/;= \"-]{0,40}",
        body in "[ -~ąęśŁȘț€\n]{0,200}",
    ) {
        let raw = format!("From: {from}\r\nSubject: {subject}\r\nContent-Type: {ctype}\r\n\r\n{body}");
        if let Ok(parsed) = parse_eml(raw.as_bytes()) {
            prop_assert!(!parsed.subject.contains(['\r', '\n']));
        }
    }

    #[test]
    fn html_to_text_never_panics_and_never_leaves_a_tag(
        html in "[a-zA-Z<>/&#;!\\- =\"'x0-9ąŁ€\n]{0,300}",
    ) {
        let text = html_to_text(&html);
        // Without entities nothing can produce a `<`, so any `<` left would be a raw tag.
        if !html.contains('&') {
            prop_assert!(!text.contains('<'), "{:?} -> {:?}", html, text);
        }
    }

    #[test]
    fn any_valid_outgoing_text_round_trips(
        name in "[a-zA-Z0-9 .,'ąęśćźżńółŁŻȘșȚțăîâäöüßéçñ€—-]{1,40}",
        subject in "[a-zA-Z0-9 .,:?!'ąęśćźżńółŁŻȘșȚțăîâäöüßéçñ€—-]{0,120}",
        body in "[a-zA-Z0-9 .,:?!'ąęśćźżńółŁŻȘșȚțăîâäöüßéçñ€—\n-]{0,300}",
    ) {
        let email = OutgoingEmail {
            from: mb(Some(&name), "support@northwind.example"),
            subject: subject.clone(),
            text_body: body.clone(),
            ..base_email()
        };
        let built = build_message(&email).unwrap();
        prop_assert!(header_section(&built.bytes).is_ascii());
        let parsed = parse_eml(&built.bytes).unwrap();
        let want_name = name.trim();
        prop_assert_eq!(parsed.from.name.as_deref().unwrap_or(""), want_name);
        prop_assert_eq!(parsed.subject, subject.trim());
        prop_assert_eq!(parsed.text_body.trim_end(), body.trim_end());
    }
}

// ------------------------------------------------------------------------------------------
// Received text decodes as mail clients decode it (SPEC §9: charsets, encoded headers)
// ------------------------------------------------------------------------------------------

/// A received message from a fixed sender: `head` is header lines, each ending in CRLF.
fn eml(head: &[u8], body: &[u8]) -> Vec<u8> {
    [
        b"From: customer@example.jp\r\n".as_slice(),
        head,
        b"\r\n",
        body,
    ]
    .concat()
}

/// A single text/plain part declared as `charset` (`None`: no charset parameter).
fn text_part(charset: Option<&str>, body: &[u8]) -> ParsedEmail {
    let content_type = match charset {
        Some(charset) => format!("Content-Type: text/plain; charset={charset}\r\n"),
        None => "Content-Type: text/plain\r\n".to_owned(),
    };
    let head = format!("Subject: x\r\n{content_type}Content-Transfer-Encoding: 8bit\r\n");
    parse_eml(&eml(head.as_bytes(), body)).unwrap_or_else(|e| panic!("{charset:?}: {e}"))
}

/// Text parts in the legacy charsets customers still send decode to their text: the CJK and
/// other multi-byte ones through mail-parser's `full_encoding` (encoding_rs), the single-byte
/// ones (KOI8-R, windows-125x) as they always did.
#[test]
fn text_parts_in_legacy_charsets_decode_to_their_text() {
    let cases: [(&str, &[u8], &str); 13] = [
        (
            "ISO-2022-JP",
            b"\x1b$BCmJ8$7$?7$$,$^$@FO$-$^$;$s!#\x1b(B",
            "注文した靴がまだ届きません。",
        ),
        (
            "Shift_JIS",
            b"\x83T\x83C\x83Y\x8c\xf0\x8a\xb7\x82\xf0\x82\xa8\x8a\xe8\x82\xa2\x82\xc5\x82\xab\x82\xdc\x82\xb7\x82\xa9\x81B",
            "サイズ交換をお願いできますか。",
        ),
        (
            "EUC-JP",
            b"\xca\xd6\xc9\xca\xa4\xce\xbc\xea\xc2\xb3\xa4\xad\xa4\xf2\xb6\xb5\xa4\xa8\xa4\xc6\xa4\xaf\xa4\xc0\xa4\xb5\xa4\xa4\xa1\xa3",
            "返品の手続きを教えてください。",
        ),
        ("EUC-KR", b"\xc8\xaf\xba\xd2\xc0\xba \xbe\xf0\xc1\xa6 \xb5\xc7\xb3\xaa\xbf\xe4?", "환불은 언제 되나요?"),
        (
            "ks_c_5601-1987",
            b"\xb9\xe8\xbc\xdb \xc1\xd6\xbc\xd2\xb8\xa6 \xb9\xd9\xb2\xd9\xb0\xed \xbd\xcd\xbe\xee\xbf\xe4.",
            "배송 주소를 바꾸고 싶어요.",
        ),
        ("GB2312", b"\xb7\xa2\xc6\xb1\xc9\xcf\xb5\xc4\xb5\xd8\xd6\xb7\xd0\xb4\xb4\xed\xc1\xcb\xa1\xa3", "发票上的地址写错了。"),
        ("GBK", b"\xc7\xeb\xbe\xa1\xbf\xec\xbb\xd8\xb8\xb4\xa3\xac\xd0\xbb\xd0\xbb\xa1\xa3", "请尽快回复，谢谢。"),
        ("Big5", b"\xbd\xd0\xb0\xdd\xa5]\xbbq\xb1H\xa5X\xa4F\xb6\xdc\xa1H", "請問包裹寄出了嗎？"),
        ("KOI8-R", b"\xe7\xc4\xc5 \xcd\xcf\xca \xda\xc1\xcb\xc1\xda?", "Где мой заказ?"),
        (
            "windows-1251",
            b"\xd1\xef\xe0\xf1\xe8\xe1\xee \xe7\xe0 \xe1\xfb\xf1\xf2\xf0\xfb\xe9 \xee\xf2\xe2\xe5\xf2.",
            "Спасибо за быстрый ответ.",
        ),
        ("windows-1253", b"\xc5\xf5\xf7\xe1\xf1\xe9\xf3\xf4\xfe \xf0\xef\xeb\xfd", "Ευχαριστώ πολύ"),
        (
            "windows-1250",
            b"Dobr\xfd den, kde je m\xf9j bal\xedk?",
            "Dobrý den, kde je můj balík?",
        ),
        ("windows-874", b"\xa2\xcd\xba\xa4\xd8\xb3\xc1\xd2\xa1\xa4\xc3\xd1\xba", "ขอบคุณมากครับ"),
    ];
    for (charset, body, text) in cases {
        assert_eq!(text_part(Some(charset), body).text_body, text, "{charset}");
    }
}

/// RFC 2047 encoded-words in those charsets, in display names and subjects.
#[test]
fn encoded_subjects_and_names_in_legacy_charsets_decode() {
    let cases: [(&str, &[u8], &str, &str); 7] = [
        (
            "ISO-2022-JP, B",
            b"From: =?ISO-2022-JP?B?GyRCOzNFRBsoQiAbJEIyVjtSGyhC?= <hanako@example.jp>\r\nSubject: =?ISO-2022-JP?B?GyRCNyQkTiU1JSQlOiRLJEQkJCRGGyhC?=\r\n",
            "山田 花子",
            "靴のサイズについて",
        ),
        (
            "Shift_JIS, B",
            b"From: =?Shift_JIS?B?jbKToSCMkg==?= <ken@example.jp>\r\nSubject: =?shift_jis?B?ldSVaYLJgsKCooLE?=\r\n",
            "佐藤 健",
            "返品について",
        ),
        (
            "EUC-KR, Q",
            b"From: =?EUC-KR?Q?=B1=E8=B9=CE=C1=F6?= <minji@example.kr>\r\nSubject: =?euc-kr?Q?=C1=D6=B9=AE_=C3=EB=BC=D2_=BF=E4=C3=BB?=\r\n",
            "김민지",
            "주문 취소 요청",
        ),
        (
            "GB2312, B",
            b"From: =?GB2312?B?zfXQocP3?= <xiaoming@example.cn>\r\nSubject: =?gb2312?B?t6LGsc7KzOI=?=\r\n",
            "王小明",
            "发票问题",
        ),
        (
            "Big5, B",
            b"From: =?Big5?B?s6+kaqTl?= <taiman@example.tw>\r\nSubject: =?big5?B?pV27caxkuN8=?=\r\n",
            "陳大文",
            "包裹查詢",
        ),
        (
            "KOI8-R, Q",
            b"From: =?KOI8-R?Q?=E9=D7=C1=CE_=F0=C5=D4=D2=CF=D7?= <ivan@example.ru>\r\nSubject: =?koi8-r?Q?=F7=CF=D0=D2=CF=D3_=D0=CF_=DA=C1=CB=C1=DA=D5?=\r\n",
            "Иван Петров",
            "Вопрос по заказу",
        ),
        (
            // A long subject folded into two words, each starting and ending in ASCII.
            "ISO-2022-JP in two words",
            b"From: a@example.jp\r\nSubject: =?ISO-2022-JP?B?GyRCJUYlcyVIJE47WUNsJCwbKEI=?=\r\n =?ISO-2022-JP?B?GyRCQF4kbCRGJCQkXiQ3JD8bKEI=?=\r\n",
            "",
            "テントの支柱が折れていました",
        ),
    ];
    for (case, head, name, subject) in cases {
        let parsed = parse_eml(&[head, b"\r\nx".as_slice()].concat()).unwrap();
        assert_eq!(parsed.from.name.as_deref().unwrap_or(""), name, "{case}");
        assert_eq!(parsed.subject, subject, "{case}");
    }
}

/// 8-bit text with no charset is UTF-8 when it is valid UTF-8, else windows-1252 (what mail
/// clients do, and WHATWG for Latin-1); never U+FFFD.
#[test]
fn undeclared_8bit_text_is_utf8_when_valid_else_windows_1252() {
    let latin1 = b"Bonjour, la r\xe9servation co\xfbte 25 \x80, merci d\x92avance.";
    let text = "Bonjour, la réservation coûte 25 €, merci d’avance.";
    let cases: [(&str, Vec<u8>, &str); 7] = [
        (
            "Latin-1 text/plain",
            eml(b"Content-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n", latin1),
            text,
        ),
        (
            "UTF-8 text/plain",
            eml(b"Content-Type: text/plain\r\n", text.as_bytes()),
            text,
        ),
        (
            "no Content-Type at all",
            eml(b"Subject: Gr\xfc\xdfe\r\n", b"Gr\xfc\xdfe aus M\xfcnchen"),
            "Grüße aus München",
        ),
        (
            "quoted-printable",
            eml(
                b"Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n",
                b"Caf=E9 cr=E8me =80 4",
            ),
            "Café crème € 4",
        ),
        (
            "base64",
            eml(
                b"Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n",
                b"Q2Fm6SBjcuhtZSCAIDQ=",
            ),
            "Café crème € 4",
        ),
        (
            "7-bit ISO-2022-JP without a label",
            eml(b"Content-Type: text/plain\r\n", b"\x1b$BL@F|$^$G$KJV;v$r$/$@$5$$!#\x1b(B"),
            "明日までに返事をください。",
        ),
        (
            "a part of a multipart",
            eml(
                b"Content-Type: multipart/mixed; boundary=\"p\"\r\n",
                b"--p\r\nContent-Type: text/plain\r\n\r\nNa\xefve question: o\xf9 est ma commande\xa0?\r\n--p--\r\n",
            ),
            "Naïve question: où est ma commande\u{a0}?",
        ),
    ];
    for (case, raw, text) in cases {
        let parsed = parse_eml(&raw).unwrap_or_else(|e| panic!("{case}: {e}"));
        assert_eq!(parsed.text_body.trim_end(), text, "{case}");
    }
    let html = parse_eml(&eml(
        b"Content-Type: text/html\r\n",
        b"<p>Ol\xe1, obrigado pela aten\xe7\xe3o!</p>",
    ))
    .unwrap();
    assert_eq!(
        html.html_body.as_deref(),
        Some("<p>Olá, obrigado pela atenção!</p>")
    );
    assert_eq!(html.text_body.trim_end(), "Olá, obrigado pela atenção!");
}

/// A charset that is misspelt, mislabelled, unknown or one mail-parser cannot decode still
/// gives the text: best effort, nothing lost.
#[test]
fn declared_but_wrong_charsets_degrade_gracefully() {
    let cases: [(&str, &[u8], &str); 18] = [
        ("utf8", "Zürich".as_bytes(), "Zürich"),
        ("UTF-8", b"Z\xfcrich", "Zürich"),
        // Valid UTF-8 stays UTF-8; only the bytes that are not become windows-1252.
        (
            "utf-8",
            b"Gr\xc3\xbc\xc3\x9fe \xe2\x80\x94 caf\xe9 \x93ok\x94",
            "Grüße — café “ok”",
        ),
        ("latin1", b"\x80 10, d\xe9j\xe0", "€ 10, déjà"),
        ("cp1252", b"\x93quoted\x94 \x85", "“quoted” …"),
        ("windows1252", b"\x80 12", "€ 12"),
        ("us-ascii", "naïve €".as_bytes(), "naïve €"),
        ("us-ascii", b"na\xefve \x80", "naïve €"),
        ("x-unknown", "Ωmega".as_bytes(), "Ωmega"),
        ("x-unknown", b"\xa3 20", "£ 20"),
        ("\"\"", b"\xa3 30", "£ 30"),
        (
            "cp932",
            b"\x94\xad\x91\x97\x82\xcd\x82\xa2\x82\xc2\x82\xc5\x82\xb7\x82\xa9\x81H",
            "発送はいつですか？",
        ),
        (
            "iso-2022-jp-2",
            b"\x1b$B@A5a=q$rAw$C$F$/$@$5$$!#\x1b(B",
            "請求書を送ってください。",
        ),
        (
            "ISO-2022-KR",
            b"\x1b$)C\x0eH/:R@:\x0f \x0e>pA&\x0f \x0e5G3*?d\x0f?",
            "환불은 언제 되나요?",
        ),
        (
            "HZ-GB-2312",
            b"~{7\"F1IO5D5XV7P44mAK!#~}",
            "发票上的地址写错了。",
        ),
        // No decoder knows it: the ASCII in it stays readable.
        (
            "ISO-2022-CN",
            b"Order 42: \x1b$)A\x0e:C\x0f.",
            "Order 42: \u{1b}$)A\u{e}:C\u{f}.",
        ),
        // A byte order mark outranks the label.
        ("windows-1252", b"\xef\xbb\xbfJ\xc3\xbcrgen", "Jürgen"),
        ("utf-16", b"\xff\xfeH\x00\xe9\x00l\x00l\x00o\x00", "Héllo"),
    ];
    for (charset, body, text) in cases {
        assert_eq!(text_part(Some(charset), body).text_body, text, "{charset}");
    }
    // An HTML part without a MIME charset: the one its <meta> names.
    let html = parse_eml(&eml(
        b"Content-Type: text/html\r\n",
        b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head><body>\x8d\xdd\x8c\xc9\x82\xcd\x82\xa0\x82\xe8\x82\xdc\x82\xb7\x82\xa9\x81H</body></html>",
    ))
    .unwrap();
    assert!(
        html.html_body
            .unwrap()
            .contains("<body>在庫はありますか？</body>"),
        "meta charset"
    );
}

/// mail-parser files a multipart without a boundary (or whose boundary never occurs) as an
/// attachment; a mail client shows its body as text, so the rep sees what was written.
#[test]
fn a_multipart_without_a_usable_boundary_shows_its_body_as_text() {
    let cases: [(&str, Vec<u8>); 3] = [
        (
            "no boundary parameter",
            eml(
                b"Content-Type: multipart/mixed\r\n",
                b"Hello, the tent pole snapped on the first night.\r\n",
            ),
        ),
        (
            "a boundary that never occurs",
            eml(
                b"Content-Type: multipart/alternative; boundary=\"gone\"\r\n",
                b"Hello, the tent pole snapped on the first night.\r\n",
            ),
        ),
        (
            "a nested part without a boundary",
            eml(
                b"Content-Type: multipart/mixed; boundary=\"outer\"\r\n",
                b"--outer\r\nContent-Type: multipart/alternative\r\n\r\nHello, the tent pole snapped on the first night.\r\n--outer--\r\n",
            ),
        ),
    ];
    for (case, raw) in cases {
        let parsed = parse_eml(&raw).unwrap_or_else(|e| panic!("{case}: {e}"));
        assert!(
            parsed.text_body.contains("the tent pole snapped"),
            "{case}: {:?}",
            parsed.text_body
        );
        assert_eq!(parsed.attachments, vec![], "{case}");
    }
    // Its charset parameter, when it has one, and the undeclared rule otherwise.
    let latin1 = parse_eml(&eml(
        b"Content-Type: multipart/mixed\r\n",
        b"Le piquet est cass\xe9.",
    ))
    .unwrap();
    assert_eq!(latin1.text_body, "Le piquet est cassé.");
}

/// Raw 8-bit bytes in the Subject or a display name (no encoded-word) are read as the
/// charset the message declares for its text, else UTF-8 when valid, else windows-1252.
#[test]
fn raw_8bit_subjects_and_names_are_read_as_the_message_charset() {
    let cases: [(&str, &[u8], &str, &str); 6] = [
        (
            "Latin-1, no charset anywhere",
            b"From: Fran\xe7ois Dupr\xe9 <francois@example.fr>\r\nSubject: R\xe9clamation: colis ab\xeem\xe9\r\n\r\nx",
            "François Dupré",
            "Réclamation: colis abîmé",
        ),
        (
            "a quoted name with a comma",
            b"From: \"Dupr\xe9, Fran\xe7ois\" <francois@example.fr>\r\nSubject: x\r\n\r\nx",
            "Dupré, François",
            "x",
        ),
        (
            "the body's Shift_JIS",
            b"From: \x97\xe9\x96\xd8 \x88\xea\x98Y <ichiro@example.jp>\r\nSubject: \x97\xcc\x8e\xfb\x8f\x91\x82\xcc\x8d\xc4\x94\xad\x8ds\r\nContent-Type: text/plain; charset=Shift_JIS\r\n\r\nx",
            "鈴木 一郎",
            "領収書の再発行",
        ),
        (
            "a text part's KOI8-R",
            b"From: a@example.ru\r\nSubject: \xf7\xcf\xda\xd7\xd2\xc1\xd4 \xd4\xcf\xd7\xc1\xd2\xc1\r\nContent-Type: multipart/mixed; boundary=\"k\"\r\n\r\n--k\r\nContent-Type: text/plain; charset=koi8-r\r\n\r\nx\r\n--k--\r\n",
            "",
            "Возврат товара",
        ),
        (
            "raw UTF-8 (RFC 6532) stays UTF-8",
            "From: Søren Ågård <soren@example.dk>\r\nSubject: Bestilling på vej?\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\nx".as_bytes(),
            "Søren Ågård",
            "Bestilling på vej?",
        ),
        (
            "raw ISO-2022-JP, no encoded-word",
            b"From: \x1b$B9b66\x1b(B \x1b$BH~:i\x1b(B <misaki@example.jp>\r\nSubject: \x1b$B;j5^!'CmJ8$NJQ99\x1b(B\r\n\r\nx",
            "高橋 美咲",
            "至急：注文の変更",
        ),
    ];
    for (case, raw, name, subject) in cases {
        let parsed = parse_eml(raw).unwrap_or_else(|e| panic!("{case}: {e}"));
        assert_eq!(parsed.from.name.as_deref().unwrap_or(""), name, "{case}");
        assert_eq!(parsed.subject, subject, "{case}");
    }
}

/// Encoded-words as real mailers write them: a character split between two words, a charset
/// label that is wrong, misspelt or one mail-parser maps to a lone U+FFFD.
#[test]
fn encoded_words_survive_split_characters_and_wrong_labels() {
    let cases: [(&str, &[u8], &str); 9] = [
        (
            "UTF-8 split inside ü",
            b"=?UTF-8?B?TcM=?= =?UTF-8?B?vGxsZXI=?=",
            "Müller",
        ),
        (
            "Shift_JIS split inside a double-byte character",
            b"=?Shift_JIS?Q?=95=D4=95?= =?Shift_JIS?Q?i?=",
            "返品",
        ),
        (
            "Latin-1 labelled UTF-8",
            b"=?utf-8?Q?Caf=E9_cr=E8me?=",
            "Café crème",
        ),
        (
            "an unknown label, Latin-1",
            b"=?x-unknown?Q?Caf=E9?=",
            "Café",
        ),
        (
            "an unknown label, UTF-8",
            b"=?unknown-8bit?Q?Caf=C3=A9?=",
            "Café",
        ),
        (
            "US-ASCII holding UTF-8",
            b"=?us-ascii?Q?Caf=C3=A9?=",
            "Café",
        ),
        (
            "a Microsoft code page name",
            b"=?cp932?B?jKmQz4Lggug=?=",
            "見積もり",
        ),
        (
            "ISO-2022-KR",
            b"=?ISO-2022-KR?B?GyQpQw5BVjkuDyAOSC5ATg8=?=",
            "주문 확인",
        ),
        (
            "HZ",
            b"=?HZ-GB-2312?Q?=7E=7B6=295=25H7HO=7E=7D?=",
            "订单确认",
        ),
    ];
    for (case, subject, want) in cases {
        let raw = [
            b"From: a@example.com\r\nSubject: ".as_slice(),
            subject,
            b"\r\n\r\nx",
        ]
        .concat();
        let parsed = parse_eml(&raw).unwrap_or_else(|e| panic!("{case}: {e}"));
        assert_eq!(parsed.subject, want, "{case}");
    }
    // A decoded name is rewritten as a name: its comma does not split the address list.
    let raw = b"From: a@example.com\r\nTo: =?x-unknown?Q?M=FCller=2C_J=FCrgen?= <j@example.de>, support@northwind.example\r\n\r\nx";
    let parsed = parse_eml(raw).unwrap();
    assert_eq!(
        parsed.to,
        vec![
            mb(Some("Müller, Jürgen"), "j@example.de"),
            mb(None, "support@northwind.example")
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Undeclared or declared-UTF-8 text never turns a byte into U+FFFD: each is UTF-8 or
    /// windows-1252 (less the five bytes windows-1252 leaves undefined, and ESC, which would
    /// make ASCII read as ISO-2022-JP).
    #[test]
    fn undeclared_and_utf8_text_never_becomes_replacement_characters(
        body in proptest::collection::vec(
            any::<u8>().prop_filter("defined in windows-1252, not ESC", |b| {
                ![0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x1b].contains(b)
            }),
            1..300,
        ),
        charset in prop::sample::select(vec![None, Some("utf-8"), Some("x-unknown")]),
    ) {
        let text = text_part(charset, &body).text_body;
        prop_assert!(!text.contains('\u{fffd}'), "{:?} -> {:?}", body, text);
    }
}

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mail");

fn fixture(file: &str) -> ParsedEmail {
    let raw = std::fs::read(format!("{FIXTURES}/{file}")).unwrap();
    parse_eml(&raw).unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[test]
fn a_japanese_customers_iso_2022_jp_message_reads_as_written() {
    let parsed = fixture("iso-2022-jp-customer.eml");
    assert_eq!(parsed.from, mb(Some("田中 結衣"), "yui.tanaka@example.jp"));
    assert_eq!(
        parsed.subject,
        "【注文番号 NW-20931】テントがまだ届いていません"
    );
    assert_eq!(
        parsed.to,
        vec![mb(Some("Northwind Support"), "support@northwind.example")]
    );
    for line in [
        "サポートご担当者様",
        "3月10日に注文したテント（注文番号 NW-20931）がまだ届いておりません。",
        "到着日の目安を教えていただけると助かります。",
        "田中 結衣",
    ] {
        assert!(parsed.text_body.contains(line), "{line}");
    }
    let html = parsed.html_body.unwrap();
    assert!(html.contains("<p>ノースウィンド・アウトフィッターズ<br>サポートご担当者様</p>"));
    assert!(parsed.attachments.is_empty());
}

#[test]
fn an_undeclared_windows_1252_message_reads_as_written() {
    let parsed = fixture("windows-1252-undeclared-8bit.eml");
    assert_eq!(
        parsed.from,
        mb(Some("Mélanie Lefèvre"), "melanie.lefevre@example.fr")
    );
    assert_eq!(
        parsed.subject,
        "Sac de couchage reçu déchiré – remboursement ?"
    );
    for line in [
        "J’ai reçu hier le sac de couchage « Glacier -10 » (commande NW-20877),",
        "mais la fermeture éclair est déchirée sur toute la longueur.",
        "les 89,90 € ou m’envoyer",
        "Mélanie Lefèvre",
    ] {
        assert!(parsed.text_body.contains(line), "{line}");
    }
    assert!(!parsed.text_body.contains('\u{fffd}'));
}

// ------------------------------------------------------------------------------------------
// Import routes to the inbox whose ENABLED channel is a recipient (SPEC §2, §9)
// ------------------------------------------------------------------------------------------

fn demo_channels() -> Vec<Channel> {
    vec![
        channel(
            "ch-support",
            "in-support",
            ChannelKind::TeamEmail,
            "support@northwind.example",
            true,
        ),
        channel(
            "ch-billing",
            "in-billing",
            ChannelKind::TeamEmail,
            "billing@northwind.example",
            true,
        ),
        channel(
            "ch-partners",
            "in-support",
            ChannelKind::TeamEmail,
            "partners@northwind.example",
            false,
        ),
        channel(
            "fb-support",
            "in-support",
            ChannelKind::Fallback,
            "support@northwind.inbox.example",
            true,
        ),
        channel(
            "fb-billing",
            "in-billing",
            ChannelKind::Fallback,
            "billing@northwind.inbox.example",
            true,
        ),
    ]
}

fn routed(channel: &str, inbox: &str) -> RouteOutcome {
    RouteOutcome::Routed {
        channel: ChannelId::new(channel),
        inbox: InboxId::new(inbox),
    }
}

#[test]
fn import_routes_to_the_inbox_whose_enabled_channel_is_a_recipient() {
    let channels = demo_channels();
    let cases: Vec<(&str, Vec<Mailbox>, RouteOutcome)> = vec![
        (
            "To a team email channel",
            vec![mb(None, "support@northwind.example")],
            routed("ch-support", "in-support"),
        ),
        (
            "Cc to another inbox's channel",
            vec![
                mb(None, "someone@example.com"),
                mb(None, "billing@northwind.example"),
            ],
            routed("ch-billing", "in-billing"),
        ),
        (
            "fallback address",
            vec![mb(None, "billing@northwind.inbox.example")],
            routed("fb-billing", "in-billing"),
        ),
        (
            "address case does not matter",
            vec![mb(Some("Support"), "SUPPORT@northwind.example")],
            routed("ch-support", "in-support"),
        ),
        (
            "first matching recipient wins",
            vec![
                mb(None, "billing@northwind.example"),
                mb(None, "support@northwind.example"),
            ],
            routed("ch-billing", "in-billing"),
        ),
        (
            "disabled channel only: neither shown nor logged",
            vec![mb(None, "partners@northwind.example")],
            RouteOutcome::DisabledChannel {
                channel: ChannelId::new("ch-partners"),
                inbox: InboxId::new("in-support"),
            },
        ),
        (
            "disabled and enabled channel: it arrived on the enabled one",
            vec![
                mb(None, "partners@northwind.example"),
                mb(None, "support@northwind.example"),
            ],
            routed("ch-support", "in-support"),
        ),
        (
            "no channel among the recipients",
            vec![
                mb(None, "maria.jensen@example.com"),
                mb(None, "Maria.Jensen@example.com"),
                mb(None, "orders@example.com"),
            ],
            RouteOutcome::NoMatchingChannel {
                addresses: vec![addr("maria.jensen@example.com"), addr("orders@example.com")],
            },
        ),
        (
            "no recipients at all",
            vec![],
            RouteOutcome::NoMatchingChannel { addresses: vec![] },
        ),
    ];
    for (case, recipients, want) in cases {
        let got = route_to_channel(&recipients, &channels);
        assert_eq!(got, want, "{case}");
        assert_eq!(
            got.refusal().is_none(),
            matches!(want, RouteOutcome::Routed { .. }),
            "{case}"
        );
    }
    let refusal = route_to_channel(&[mb(None, "orders@example.com")], &channels).refusal();
    assert_eq!(
        refusal.as_deref(),
        Some("None of the recipients (orders@example.com) is a channel address of this workspace.")
    );
}

#[test]
fn sample_emails_route_to_the_demo_inboxes() {
    let channels = demo_channels();
    let cases = [
        (
            "01-gmail-plain-html.eml",
            routed("ch-support", "in-support"),
        ),
        ("02-outlook-reply.eml", routed("ch-support", "in-support")),
        ("03-apple-mail-pdf.eml", routed("ch-billing", "in-billing")),
        (
            "04-thunderbird-iso-8859-2.eml",
            routed("fb-billing", "in-billing"),
        ),
        (
            "05-thunderbird-romanian.eml",
            routed("fb-support", "in-support"),
        ),
        // The newsletter's To is a list; Delivered-To names our mailbox.
        ("07-newsletter-html.eml", routed("ch-support", "in-support")),
        ("08-forwarded-fwd.eml", routed("ch-support", "in-support")),
        (
            "09-partners-disabled-channel.eml",
            RouteOutcome::DisabledChannel {
                channel: ChannelId::new("ch-partners"),
                inbox: InboxId::new("in-support"),
            },
        ),
    ];
    for (file, want) in cases {
        let parsed = parsed_sample(file);
        assert_eq!(
            route_to_channel(&parsed.recipients(), &channels),
            want,
            "{file}"
        );
    }
}

// ------------------------------------------------------------------------------------------
// Import threads by In-Reply-To / References (SPEC §9)
// ------------------------------------------------------------------------------------------

#[test]
fn import_threads_by_in_reply_to_then_references() {
    let c1 = ConversationId::new("c-1");
    let c2 = ConversationId::new("c-2");
    // A CRM email sent from a personal address is stored in no conversation.
    let existing = [
        ("a@x.example", Some(&c1)),
        ("b@x.example", Some(&c1)),
        ("z@y.example", Some(&c2)),
        ("crm@northwind.example", None),
    ];
    let refs = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    type Case<'a> = (
        &'a str,
        Option<&'a str>,
        Vec<String>,
        Option<&'a ConversationId>,
    );
    let cases: Vec<Case> = vec![
        (
            "In-Reply-To names a stored message",
            Some("b@x.example"),
            vec![],
            Some(&c1),
        ),
        (
            "References name a stored message",
            None,
            refs(&["q@q.example", "z@y.example"]),
            Some(&c2),
        ),
        (
            "In-Reply-To wins over References",
            Some("z@y.example"),
            refs(&["a@x.example"]),
            Some(&c2),
        ),
        (
            "unknown parent falls back to the newest known reference",
            Some("never-seen@x.example"),
            refs(&["z@y.example", "a@x.example", "never-seen@x.example"]),
            Some(&c1),
        ),
        (
            "angle brackets are tolerated",
            Some("<a@x.example>"),
            vec![],
            Some(&c1),
        ),
        ("ids compare exactly", Some("A@X.EXAMPLE"), vec![], None),
        (
            "nothing known: a new conversation",
            Some("n@n.example"),
            refs(&["m@n.example"]),
            None,
        ),
        ("no threading headers", None, vec![], None),
        ("empty ids never match", Some(""), refs(&["<>"]), None),
        (
            "a reply to a CRM email in no conversation starts a new one",
            Some("crm@northwind.example"),
            refs(&["crm@northwind.example"]),
            None,
        ),
        (
            "a reply to a CRM email joins the older thread its References name",
            Some("crm@northwind.example"),
            refs(&["a@x.example", "crm@northwind.example"]),
            Some(&c1),
        ),
        (
            "a CRM email among the References is passed over for an older known one",
            None,
            refs(&["z@y.example", "crm@northwind.example"]),
            Some(&c2),
        ),
    ];
    for (case, in_reply_to, references, want) in cases {
        let got = find_thread(
            in_reply_to,
            &references,
            existing.iter().map(|(id, c)| (*id, *c)),
        );
        assert_eq!(got.as_ref(), want, "{case}");
    }
}

#[test]
fn sample_replies_thread_onto_their_sample_parents() {
    let c_gmail = ConversationId::new("c-gmail");
    let c_romanian = ConversationId::new("c-romanian");
    let gmail = parsed_sample("01-gmail-plain-html.eml").message_id.unwrap();
    let romanian = parsed_sample("05-thunderbird-romanian.eml")
        .message_id
        .unwrap();
    let existing = [
        (gmail.as_str(), Some(&c_gmail)),
        (romanian.as_str(), Some(&c_romanian)),
    ];
    let cases = [
        // Its In-Reply-To is our own sent reply (not imported here); References reach 01.
        ("02-outlook-reply.eml", Some(&c_gmail)),
        ("06-thunderbird-followup-photo.eml", Some(&c_romanian)),
        ("03-apple-mail-pdf.eml", None),
    ];
    for (file, want) in cases {
        let parsed = parsed_sample(file);
        let got = find_thread(
            parsed.in_reply_to.as_deref(),
            &parsed.references,
            existing.iter().copied(),
        );
        assert_eq!(got.as_ref(), want, "{file}");
    }
}

#[test]
fn text_derived_from_html_keeps_words_and_line_breaks_only() {
    let cases = [
        ("<p>Hello</p><p>World</p>", "Hello\nWorld\n"),
        ("<div>Line one<br>Line two</div>", "Line one\nLine two\n"),
        ("<P>Upper</P><BR/>case", "Upper\ncase\n"),
        (
            "Fish &amp; chips &lt;3 &quot;ok&quot; caf&#233; &#x20AC;5 AT&T",
            "Fish & chips <3 \"ok\" café €5 AT&T\n",
        ),
        (
            "<head><title>Newsletter</title><style>p{color:red}</style></head><p>Body</p>",
            "Body\n",
        ),
        (
            "<script>alert('x')</script><SCRIPT>y()</SCRIPT>Safe",
            "Safe\n",
        ),
        ("<!-- hidden --><p>Shown</p><!-- unterminated", "Shown\n"),
        (
            "<img src=\"https://t.example/p.gif\" width=\"1\" height=\"1\">Hi",
            "Hi\n",
        ),
        (
            "<table><tr><td>Qty</td><td>2</td></tr><tr><td>Price</td><td>9</td></tr></table>",
            "Qty 2\nPrice 9\n",
        ),
        ("  lots   of\n\n  space  ", "lots of space\n"),
        ("<p>a</p><p></p><p></p><p>b</p>", "a\nb\n"),
        ("broken <b tag", "broken\n"),
        ("", ""),
    ];
    for (html, want) in cases {
        assert_eq!(html_to_text(html), want, "{html:?}");
    }
}

// ------------------------------------------------------------------------------------------
// Composer attachments become MIME parts (SPEC §5 composer, §9)
// ------------------------------------------------------------------------------------------

#[test]
fn composer_attachments_are_base64_parts_with_rfc_2231_file_names() {
    let long_ascii = format!("{}.pdf", "quarterly-statement-".repeat(6));
    let cases: Vec<(&str, OutgoingAttachment, Vec<&str>)> = vec![
        (
            "a short ASCII name is a quoted parameter",
            pdf("label.pdf", 10),
            vec![
                "Content-Type: application/pdf; name=\"label.pdf\"",
                "Content-Disposition: attachment; filename=\"label.pdf\"",
            ],
        ),
        (
            "a text file is base64 too (its bytes are kept exactly)",
            OutgoingAttachment {
                file_name: "notes.txt".into(),
                content_type: "text/plain".into(),
                bytes: b"line one\nline two without CR\r\nend".to_vec(),
            },
            vec!["Content-Type: text/plain; name=\"notes.txt\""],
        ),
        (
            "a non-ASCII name is RFC 2231 UTF-8",
            pdf("Zażółć gęślą jaźń — faktura.pdf", 40),
            vec!["filename*0*=utf-8''Za%C5%BC%C3%B3%C5%82%C4%87"],
        ),
        (
            "a long name is split in sections that fold",
            pdf(&long_ascii, 40),
            vec!["filename*0*=utf-8''quarterly-statement-", "filename*1*="],
        ),
        (
            "quotes and semicolons are percent-encoded, never quoted",
            pdf("a \"quoted\"; name.pdf", 5),
            vec!["filename*0*=utf-8''a%20%22quoted%22%3B%20name.pdf"],
        ),
        (
            "an emoji name decodes whole",
            OutgoingAttachment {
                file_name: "📎 plan 日本語.png".into(),
                content_type: "IMAGE/PNG".into(),
                bytes: vec![0x89, b'P', b'N', b'G', 0, 1, 2, 255],
            },
            vec!["Content-Type: image/png; name*0*=utf-8''%F0%9F%93%8E"],
        ),
    ];
    for (case, attachment, needles) in cases {
        let email = OutgoingEmail {
            html_body: Some("<p>See attached.</p>".into()),
            attachments: vec![attachment.clone()],
            ..base_email()
        };
        let built = build_message(&email).unwrap_or_else(|e| panic!("{case}: {e}"));
        let raw = String::from_utf8(built.bytes.clone()).expect("the message is ASCII");
        assert!(raw.is_ascii(), "{case}: every byte is 7-bit");
        assert!(
            raw.lines().all(|l| l.len() <= 998),
            "{case}: no line longer than RFC 5322 allows"
        );
        for needle in needles {
            // Folding may put a section on the next line: compare unfolded headers.
            let unfolded = raw.replace("\r\n\t", "");
            assert!(unfolded.contains(needle), "{case}: {needle} in\n{raw}");
        }
        let part_headers = raw
            .split("Content-Disposition: attachment")
            .nth(1)
            .expect("an attachment part");
        assert!(
            part_headers.contains("Content-Transfer-Encoding: base64"),
            "{case}: base64"
        );
        let parsed = parse_eml(&built.bytes).unwrap_or_else(|e| panic!("{case}: {e}"));
        assert_eq!(parsed.attachments.len(), 1, "{case}");
        let got = &parsed.attachments[0];
        assert_eq!(got.file_name, attachment.file_name, "{case}: name");
        assert_eq!(
            got.content_type,
            attachment.content_type.to_ascii_lowercase(),
            "{case}: type"
        );
        assert_eq!(got.bytes, attachment.bytes, "{case}: bytes");
        assert_eq!(
            parsed.html_body.as_deref().map(str::trim_end),
            Some("<p>See attached.</p>")
        );
    }
}

#[test]
fn several_attachments_keep_their_order_and_bytes() {
    let files: Vec<OutgoingAttachment> = (0..4)
        .map(|i| pdf(&format!("part {i} — ü.pdf"), 1000 * i + 1))
        .collect();
    let email = OutgoingEmail {
        attachments: files.clone(),
        ..base_email()
    };
    let built = build_message(&email).unwrap();
    let parsed = parse_eml(&built.bytes).unwrap();
    let got: Vec<(&str, &[u8])> = parsed
        .attachments
        .iter()
        .map(|a| (a.file_name.as_str(), a.bytes.as_slice()))
        .collect();
    let want: Vec<(&str, &[u8])> = files
        .iter()
        .map(|a| (a.file_name.as_str(), a.bytes.as_slice()))
        .collect();
    assert_eq!(got, want);
}
