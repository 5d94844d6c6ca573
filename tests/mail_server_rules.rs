//! SPEC §9 **Settings › Mail server** and the check before every submission
//! (`domain::mail_server`), on the demo workspace. One case per rule.
#![cfg(not(target_arch = "wasm32"))]

use switchboard::domain::mail_server::*;
use switchboard::domain::*;

fn demo() -> WorkspaceData {
    let path = format!("{}/public/demo/workspace.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("demo file")).expect("demo data")
}

fn ch(id: &str) -> ChannelId {
    ChannelId::new(id)
}

fn row(channel: &str, account: &str, password: &str, saved: bool) -> AccountRow {
    AccountRow {
        channel: ch(channel),
        account: account.into(),
        password: password.into(),
        has_saved_password: saved,
    }
}

fn form(url: &str, rows: Vec<AccountRow>) -> MailServerForm {
    MailServerForm {
        session_url: url.into(),
        rows,
        remember_on_device: false,
    }
}

#[test]
fn the_session_url_is_a_same_origin_path_or_an_http_url() {
    let cases = [
        ("well-known path", "/.well-known/jmap", true),
        (
            "https",
            "https://mail.northwind.example/.well-known/jmap",
            true,
        ),
        ("http with port", "http://127.0.0.1:18480/jmap", true),
        ("trimmed", "  /jmap  ", true),
        ("empty", "", false),
        ("no scheme", "mail.example/jmap", false),
        ("other scheme", "ftp://mail.example/", false),
        ("scheme relative", "//mail.example/jmap", false),
        ("no host", "https:///jmap", false),
        ("space", "/jmap x", false),
        ("line break", "/jmap\r\nX-Evil: 1", false),
    ];
    for (rule, url, ok) in cases {
        assert_eq!(validate_session_url(url).is_ok(), ok, "{rule}");
    }
}

#[test]
fn a_valid_form_keeps_accounts_per_channel_and_passwords_apart() {
    let d = demo();
    let valid = validate_form(
        &MailServerForm {
            remember_on_device: true,
            ..form(
                "/.well-known/jmap",
                vec![
                    row(
                        "ch-support-email",
                        " support@northwind.example ",
                        "pw",
                        false,
                    ),
                    row(
                        "ch-support-fallback",
                        "support@northwind.example",
                        "",
                        false,
                    ),
                    row("ch-billing-email", "", "", false),
                ],
            )
        },
        &d.channels,
    )
    .expect("valid");
    let settings = valid.settings.expect("connected");
    assert!(settings.remember_on_device);
    assert_eq!(
        settings.account_for(&ch("ch-support-email")),
        Some("support@northwind.example")
    );
    assert_eq!(settings.account_for(&ch("ch-billing-email")), None);
    // One mailbox serving two channels: one account, one password.
    assert_eq!(settings.distinct_accounts().len(), 1);
    assert_eq!(
        valid.passwords,
        vec![("support@northwind.example".to_owned(), "pw".to_owned())]
    );
    let json = serde_json::to_string(&settings).expect("json");
    assert!(
        !json.contains("\"pw\""),
        "no password in the settings record: {json}"
    );
}

#[test]
fn an_empty_form_disconnects() {
    let valid =
        validate_form(&form("", vec![row("ch-support-email", "", "", false)]), &[]).expect("valid");
    assert_eq!(valid.settings, None);
}

#[test]
fn a_refused_form_names_each_field() {
    let d = demo();
    let cases: Vec<(&str, MailServerForm, MailServerField, MailServerError)> = vec![
        (
            "bad url",
            form(
                "mail",
                vec![row("ch-support-email", "a@b.example", "pw", false)],
            ),
            MailServerField::SessionUrl,
            MailServerError::SessionUrlShape,
        ),
        (
            "no account at all",
            form("/jmap", vec![row("ch-support-email", "", "", false)]),
            MailServerField::SessionUrl,
            MailServerError::NoAccount,
        ),
        (
            "missing password",
            form(
                "/jmap",
                vec![row("ch-support-email", "a@b.example", "", false)],
            ),
            MailServerField::Password(ch("ch-support-email")),
            MailServerError::PasswordMissing,
        ),
        (
            "password without account",
            form(
                "/jmap",
                vec![
                    row("ch-support-email", "a@b.example", "pw", false),
                    row("ch-billing-email", "", "pw", false),
                ],
            ),
            MailServerField::Account(ch("ch-billing-email")),
            MailServerError::PasswordWithoutAccount,
        ),
        (
            "account with spaces",
            form("/jmap", vec![row("ch-support-email", "a b", "pw", false)]),
            MailServerField::Account(ch("ch-support-email")),
            MailServerError::AccountCharacters,
        ),
        (
            "unknown channel",
            form("/jmap", vec![row("ch-nope", "a@b.example", "pw", false)]),
            MailServerField::Account(ch("ch-nope")),
            MailServerError::UnknownChannel,
        ),
    ];
    for (rule, f, field, error) in cases {
        let errors = validate_form(&f, &d.channels).expect_err(rule);
        assert!(errors.contains(&(field, error)), "{rule}: {errors:?}");
    }
}

#[test]
fn a_known_password_may_be_left_empty() {
    let d = demo();
    let valid = validate_form(
        &form(
            "/jmap",
            vec![row("ch-support-email", "a@b.example", "", true)],
        ),
        &d.channels,
    )
    .expect("valid");
    assert!(valid.passwords.is_empty());
}

#[test]
fn team_email_channels_are_listed_before_fallback_emails() {
    let d = demo();
    let kinds: Vec<ChannelKind> = listed_channels(&d.channels)
        .iter()
        .map(|c| c.kind)
        .collect();
    let first_fallback = kinds
        .iter()
        .position(|k| *k == ChannelKind::Fallback)
        .expect("one");
    assert!(kinds[..first_fallback]
        .iter()
        .all(|k| *k == ChannelKind::TeamEmail));
    assert_eq!(kinds.len(), d.channels.len());
}

// ---- the check before submission ----

fn settings() -> MailServerSettings {
    MailServerSettings {
        session_url: "/.well-known/jmap".into(),
        accounts: vec![
            ChannelAccount {
                channel: ch("ch-support-email"),
                account: "support@northwind.example".into(),
            },
            ChannelAccount {
                channel: ch("ch-support-fallback"),
                account: "support@northwind.example".into(),
            },
        ],
        remember_on_device: false,
    }
}

fn mailbox(name: Option<&str>, address: &str) -> Mailbox {
    Mailbox {
        name: name.map(str::to_owned),
        address: EmailAddress::parse(address).expect("address"),
    }
}

fn item(channel: Option<&str>, from: Mailbox) -> OutboxItem {
    OutboxItem {
        id: MessageId::new("m-1"),
        conversation: None,
        channel: channel.map(ch),
        from,
        recipients: vec![EmailAddress::parse("alex@customer.example").expect("address")],
        subject: "Re: order".into(),
        raw: String::new(),
        status: OutboxStatus::Queued,
        created_at: 0,
    }
}

fn check(
    d: &WorkspaceData,
    item: &OutboxItem,
    header: Option<&Mailbox>,
) -> Result<String, SubmitRefusal> {
    let s = settings();
    check_submission(&SubmitCheck {
        item,
        header_from: header,
        channels: &d.channels,
        inboxes: &d.inboxes,
        workspace: &d.workspace,
        settings: &s,
    })
    .map(str::to_owned)
}

/// (rule, Outbox item, From header on the wire, expected answer)
type Case = (
    &'static str,
    OutboxItem,
    Option<Mailbox>,
    Result<String, SubmitRefusal>,
);

#[test]
fn the_from_on_the_wire_must_be_the_resolved_from_of_a_verified_enabled_channel() {
    let mut d = demo();
    let team = mailbox(Some("Northwind Support"), "support@northwind.example");
    let fallback = mailbox(
        Some("Maria Popescu from Northwind Support"),
        "support@northwind.inbox.example",
    );
    // An unverified custom fallback address (SPEC §3): the default address still sends the
    // verification code, the custom one sends nothing.
    let support_fallback = d
        .channels
        .iter_mut()
        .find(|c| c.id == ch("ch-support-fallback"))
        .expect("channel");
    support_fallback.address = EmailAddress::parse("help@northwind.example").expect("address");
    support_fallback.verified = false;
    let custom = mailbox(Some("Northwind Support"), "help@northwind.example");
    let account = Ok("support@northwind.example".to_owned());

    let cases: Vec<Case> = vec![
        (
            "matching team email From submits through its account",
            item(Some("ch-support-email"), team.clone()),
            Some(team.clone()),
            account.clone(),
        ),
        (
            "the default fallback address is always verified",
            item(Some("ch-support-fallback"), fallback.clone()),
            Some(fallback.clone()),
            account.clone(),
        ),
        (
            "an unverified custom address never sends",
            item(Some("ch-support-fallback"), custom.clone()),
            Some(custom.clone()),
            Err(SubmitRefusal::Unverified("help@northwind.example".into())),
        ),
        (
            "a header address differing from the resolved From is refused",
            item(Some("ch-support-email"), team.clone()),
            Some(mailbox(
                Some("Northwind Support"),
                "billing@northwind.example",
            )),
            Err(SubmitRefusal::FromChanged {
                header: "Northwind Support <billing@northwind.example>".into(),
                expected: "Northwind Support <support@northwind.example>".into(),
            }),
        ),
        (
            "a header display name differing from the resolved From is refused",
            item(Some("ch-support-email"), team.clone()),
            Some(mailbox(Some("Someone Else"), "support@northwind.example")),
            Err(SubmitRefusal::FromChanged {
                header: "Someone Else <support@northwind.example>".into(),
                expected: "Northwind Support <support@northwind.example>".into(),
            }),
        ),
        (
            "a From that is not the channel's address is unverified",
            item(
                Some("ch-support-email"),
                mailbox(None, "other@northwind.example"),
            ),
            Some(mailbox(None, "other@northwind.example")),
            Err(SubmitRefusal::Unverified("other@northwind.example".into())),
        ),
        (
            "no From header",
            item(Some("ch-support-email"), team.clone()),
            None,
            Err(SubmitRefusal::NoFromHeader),
        ),
        (
            "a disabled channel never sends",
            item(
                Some("ch-partners-email"),
                mailbox(Some("Northwind Partners"), "partners@northwind.example"),
            ),
            Some(mailbox(
                Some("Northwind Partners"),
                "partners@northwind.example",
            )),
            Err(SubmitRefusal::ChannelDisabled(
                "partners@northwind.example".into(),
            )),
        ),
        (
            "a channel without an account waits for one",
            item(
                Some("ch-billing-email"),
                mailbox(Some("Northwind Billing"), "billing@northwind.example"),
            ),
            Some(mailbox(
                Some("Northwind Billing"),
                "billing@northwind.example",
            )),
            Err(SubmitRefusal::NoAccount("billing@northwind.example".into())),
        ),
        (
            "a personal address has no channel",
            item(
                None,
                mailbox(Some("Maria"), "maria.popescu@northwind.example"),
            ),
            Some(mailbox(Some("Maria"), "maria.popescu@northwind.example")),
            Err(SubmitRefusal::NoChannel),
        ),
        (
            "a removed channel",
            item(Some("ch-gone"), team.clone()),
            Some(team.clone()),
            Err(SubmitRefusal::ChannelGone),
        ),
    ];
    for (rule, item, header, expected) in cases {
        assert_eq!(check(&d, &item, header.as_ref()), expected, "{rule}");
    }
}
