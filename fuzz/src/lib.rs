//! Invariants shared by the fuzz targets: each `check_*` panics (a libFuzzer crash) when a
//! rule of SPEC §8 is broken for one input. Kept in a library so the targets stay one line.

use switchboard::domain::body_html::{sanitize_body, sanitize_rich};
use switchboard::domain::signature::{parse, render, TokenContext, TokenScope};
use switchboard::domain::spoof::{sender_flags, visible};
use switchboard::domain::*;
use switchboard::mail::{
    build_message, parse_eml, received_message, OutgoingAttachment, OutgoingEmail,
};

/// Splits fuzz bytes into `n` UTF-8 strings at 0xFF bytes (never valid UTF-8, so a free
/// separator); missing parts are empty.
pub fn fields(data: &[u8], n: usize) -> Vec<String> {
    let mut parts: Vec<String> = data
        .split(|b| *b == 0xFF)
        .take(n)
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect();
    parts.resize(n, String::new());
    parts
}

/// MIME import: never panics; what it returns is safe to store and show.
pub fn check_parse_eml(data: &[u8]) {
    let Ok(parsed) = parse_eml(data) else { return };
    for mailbox in std::iter::once(&parsed.from)
        .chain(&parsed.to)
        .chain(&parsed.cc)
    {
        assert!(!mailbox
            .address
            .as_str()
            .chars()
            .any(is_forbidden_header_char));
        let _ = sender_flags(mailbox.name.as_deref(), &mailbox.address);
    }
    for attachment in &parsed.attachments {
        assert!(
            !attachment.file_name.is_empty(),
            "attachment names are never empty"
        );
        assert!(!attachment.file_name.chars().any(char::is_control));
        assert!(!attachment.file_name.contains('/') && !attachment.file_name.contains('\\'));
    }
    let message = received_message(&parsed, MessageId::new("m"), 0);
    assert_eq!(message.from, parsed.from);
}

/// Address parser: a parsed address is header-safe, has one shape and parses to itself.
pub fn check_address(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = visible(&text);
    let Ok(address) = EmailAddress::parse(&text) else {
        return;
    };
    let s = address.as_str();
    assert!(
        !s.chars()
            .any(|c| is_forbidden_header_char(c) || c.is_whitespace()),
        "{s:?}"
    );
    assert!(!address.local_part().is_empty() && !address.domain().is_empty());
    assert_eq!(
        EmailAddress::parse(s).as_ref(),
        Ok(&address),
        "parsing is stable"
    );
    let _ = sender_flags(Some(&text), &address);
}

fn user(first: &str, last: &str) -> User {
    User {
        id: UserId::new("u"),
        first_name: first.to_owned(),
        last_name: last.to_owned(),
        email: EmailAddress::parse("rep@northwind.example").expect("a valid address"),
        seat: Seat::Paid,
        availability: Availability::Available,
        role: Role::User,
        primary_team: None,
        additional_teams: Vec::new(),
        signature_html: String::new(),
        crm_default_from: None,
    }
}

/// No `<script`, no event handler attribute and no `javascript:` URL can survive. Text may say
/// "javascript:" (it is only text: the sanitiser's text never contains `<`); tags may not.
pub fn assert_inert(html: &str) {
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "script in {html:?}");
    // Inside a tag we write, the only attributes are ours: ` name="`.
    for tag in lower.split('<').skip(1) {
        let inside = tag.split('>').next().unwrap_or("");
        assert!(!inside.contains("javascript:"), "javascript: in {html:?}");
        for attr in inside.split(' ').skip(1) {
            let name = attr.split('=').next().unwrap_or("");
            assert!(!name.starts_with("on"), "event handler in {html:?}");
            assert!(
                [
                    "href", "src", "alt", "width", "height", "color", "size", "face", "colspan",
                    "rowspan", "target", "rel"
                ]
                .contains(&name)
                    || !attr.contains('='),
                "attribute {name:?} in {html:?}"
            );
        }
    }
}

/// Token renderer + sanitiser: never panics, tokens are escaped, the sanitised result is inert
/// and sanitising twice changes nothing.
pub fn check_signature(data: &[u8]) {
    let f = fields(data, 4);
    let sender = user(&f[1], &f[2]);
    let contact = Contact {
        id: ContactId::new("c"),
        email: EmailAddress::parse("erik@mail.example").expect("a valid address"),
        name: Some(f[3].clone()),
        owner: None,
        created_at: 0,
    };
    let context = TokenContext {
        sender: &sender,
        contact: Some(&contact),
        company_name: &f[3],
    };
    for scope in [TokenScope::Signature, TokenScope::Template] {
        let parsed = parse(&f[0], scope);
        let html = render(&parsed, &context);
        for clean in [sanitize_rich(&html), sanitize_body(&html)] {
            assert_inert(&clean);
        }
        let once = sanitize_rich(&html);
        assert_eq!(sanitize_rich(&once), once, "sanitising is idempotent");
    }
    // Values substituted into tokens are escaped: a name made of markup stays text.
    let only_tokens = parse(
        "{{sender.first_name}}{{contact.name}}",
        TokenScope::Template,
    );
    let rendered = render(&only_tokens, &context);
    assert!(
        !rendered.contains('<') && !rendered.contains('"'),
        "{rendered:?}"
    );
}

/// Header builder: every value is refused or written without a bare CR/LF or an extra header.
pub fn check_build_message(data: &[u8]) {
    let f = fields(data, 6);
    let mailbox = |name: &str, address: &str| Mailbox {
        name: (!name.is_empty()).then(|| name.to_owned()),
        address: EmailAddress::parse(address).expect("a valid address"),
    };
    let email = OutgoingEmail {
        message_id: "abc@northwind.example".into(),
        date: 1_700_000_000_000,
        from: mailbox(&f[0], "support@northwind.example"),
        to: vec![mailbox(&f[1], "erik@mail.example")],
        cc: Vec::new(),
        bcc: vec![mailbox("", "hidden@mail.example")],
        subject: f[2].clone(),
        text_body: f[3].clone(),
        html_body: Some(f[4].clone()),
        in_reply_to: None,
        references: Vec::new(),
        attachments: if f[5].is_empty() {
            Vec::new()
        } else {
            vec![OutgoingAttachment {
                file_name: f[5].clone(),
                content_type: "application/pdf".into(),
                bytes: f[3].as_bytes().to_vec(),
            }]
        },
    };
    let Ok(built) = build_message(&email) else {
        return;
    };
    let bytes = built.bytes;
    let end = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a header block");
    let head = &bytes[..end + 2];
    for (i, b) in head.iter().enumerate() {
        match b {
            b'\r' => assert_eq!(head.get(i + 1), Some(&b'\n'), "bare CR in headers"),
            b'\n' => assert!(i > 0 && head[i - 1] == b'\r', "bare LF in headers"),
            _ => {}
        }
    }
    let head = String::from_utf8_lossy(head);
    const KNOWN: &[&str] = &[
        "from",
        "to",
        "subject",
        "message-id",
        "date",
        "mime-version",
        "content-type",
        "content-transfer-encoding",
        "content-disposition",
    ];
    for line in head.split("\r\n").filter(|l| !l.is_empty()) {
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let name = line.split(':').next().unwrap_or("").to_ascii_lowercase();
        assert!(
            KNOWN.contains(&name.as_str()),
            "unexpected header line {line:?}"
        );
    }
    assert!(
        !head.to_ascii_lowercase().contains("\r\nbcc:"),
        "Bcc never becomes a header"
    );
}
