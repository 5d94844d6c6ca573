//! SPEC §3 rules of the fallback email settings and automation: From name uniqueness, address
//! validation and verification codes, signature tokens, original sender of forwards, and the
//! assignment and ticket plan of an arriving conversation. One test per rule, table-driven.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::channel;
use proptest::prelude::*;
use switchboard::domain::fallback::{
    issue_code, start_verification, validate_fallback, verify_code, FallbackError, FallbackErrors,
    FallbackField, FallbackForm, FromAddressMode, VerifyError,
};
use switchboard::domain::forward::{is_forward_subject, log_on, original_sender};
use switchboard::domain::routing::{on_arrival, AssignReason, Ineligible, TicketPlan};
use switchboard::domain::signature::{
    parse, render, render_signature_for_send, signature_for_send, token_list, Segment, SendSurface,
    Signature, SignatureSource, Token, TokenContext, TokenScope, TokenWarning,
};
use switchboard::domain::*;

// ---------------------------------------------------------------- fixtures

fn addr(text: &str) -> EmailAddress {
    EmailAddress::parse(text).unwrap()
}

fn user(id: &str, first: &str, last: &str) -> User {
    User {
        id: UserId::new(id),
        first_name: first.to_owned(),
        last_name: last.to_owned(),
        email: addr(&format!("{id}@acme.example")),
        seat: Seat::Paid,
        availability: Availability::Available,
        role: Role::User,
        primary_team: None,
        additional_teams: Vec::new(),
        signature_html: String::new(),
        crm_default_from: None,
    }
}

fn workspace(plan: Plan) -> Workspace {
    Workspace {
        company: "Acme".to_owned(),
        subdomain: "acme".to_owned(),
        plan,
        team_default_reply: Default::default(),
    }
}

fn fallback(mode: FromNameMode, company: &str, username: &str) -> FallbackEmail {
    FallbackEmail {
        use_for_sending: true,
        from_name_mode: mode,
        company_name: company.to_owned(),
        username: username.to_owned(),
        from_address: FallbackFromAddress::UseDefault,
        signature_enabled: false,
        signature_html: String::new(),
        original_sender_of_forwards: true,
    }
}

fn inbox(id: &str, name: &str, fallback: FallbackEmail) -> Inbox {
    Inbox {
        id: InboxId::new(id),
        name: name.to_owned(),
        access: InboxAccess::Everyone,
        fallback,
        automation: Automation {
            auto_assign: None,
            auto_ticket: None,
            round_robin_next: 0,
        },
    }
}

/// Support: "Acme" (company name); Billing: "<agent> from Globex"; Sales: the one being edited.
fn three_inboxes() -> Vec<Inbox> {
    vec![
        inbox(
            "i-support",
            "Support",
            fallback(FromNameMode::CompanyName, "Acme", "support"),
        ),
        inbox(
            "i-billing",
            "Billing",
            fallback(FromNameMode::AgentAndCompany, "Globex", "billing"),
        ),
        inbox(
            "i-sales",
            "Sales",
            fallback(FromNameMode::CompanyName, "Acme Sales", "sales"),
        ),
    ]
}

/// The channels of [`three_inboxes`]: each inbox's fallback (at its default address), Support's
/// team email care@ and its disabled partners@, and Sales' own team email deals@.
fn three_channels() -> Vec<Channel> {
    use ChannelKind::*;
    vec![
        channel(
            "ch-fb-support",
            "i-support",
            Fallback,
            "support@acme.inbox.example",
            true,
        ),
        channel(
            "ch-fb-billing",
            "i-billing",
            Fallback,
            "billing@acme.inbox.example",
            true,
        ),
        channel(
            "ch-fb-sales",
            "i-sales",
            Fallback,
            "sales@acme.inbox.example",
            true,
        ),
        channel("ch-care", "i-support", TeamEmail, "care@acme.example", true),
        channel(
            "ch-partners",
            "i-support",
            TeamEmail,
            "partners@acme.example",
            false,
        ),
        channel("ch-deals", "i-sales", TeamEmail, "deals@acme.example", true),
    ]
}

fn sales_form(mode: FromNameMode, company: &str) -> FallbackForm {
    let mut form = FallbackForm::from_saved(&three_inboxes()[2].fallback);
    form.from_name_mode = mode;
    form.company_name = company.to_owned();
    form
}

fn save_sales(form: &FallbackForm, inboxes: &[Inbox]) -> Result<FallbackEmail, FallbackErrors> {
    validate_fallback(
        form,
        &InboxId::new("i-sales"),
        inboxes,
        &three_channels(),
        &workspace(Plan::Professional),
    )
}

// ---------------------------------------------------------------- §3 From name

#[test]
fn from_name_must_be_unique_across_fallback_emails() {
    use FromNameMode::*;
    let cases = [
        (CompanyName, "Acme", Some("Support")),
        (CompanyName, "  ACME ", Some("Support")),
        (CompanyName, "acme", Some("Support")),
        // Agent-and-company reads "Ana from Acme", never just "Acme".
        (AgentAndCompany, "Acme", None),
        (AgentAndCompany, "GLOBEX", Some("Billing")),
        (AgentAndCompany, "Globex  ", Some("Billing")),
        (CompanyName, "Globex", None),
        (CompanyName, "Acme Sales", None),
        (CompanyName, "Acme   Sales", None),
        (CompanyName, "Acme Support", None),
    ];
    let inboxes = three_inboxes();
    for (mode, company, clash) in cases {
        let result = save_sales(&sales_form(mode.clone(), company), &inboxes);
        match (clash, result) {
            (None, Ok(saved)) => {
                assert_eq!(saved.company_name, company.trim(), "{mode:?} {company:?}");
                assert_eq!(saved.from_name_mode, mode);
            }
            (Some(inbox), Err(errors)) => match errors.get(FallbackField::CompanyName) {
                Some(FallbackError::DuplicateFromName { inbox: named, .. }) => {
                    assert_eq!(named, &inbox, "{mode:?} {company:?}")
                }
                other => panic!("{mode:?} {company:?}: expected a duplicate, got {other:?}"),
            },
            (clash, result) => panic!("{mode:?} {company:?}: expected {clash:?}, got {result:?}"),
        }
    }
}

#[test]
fn saving_unchanged_settings_does_not_clash_with_itself() {
    let inboxes = three_inboxes();
    for inbox in &inboxes {
        let form = FallbackForm::from_saved(&inbox.fallback);
        let saved = validate_fallback(
            &form,
            &inbox.id,
            &inboxes,
            &three_channels(),
            &workspace(Plan::Starter),
        );
        assert_eq!(saved.as_ref(), Ok(&inbox.fallback), "{}", inbox.name);
    }
}

#[test]
fn refused_duplicate_names_the_inbox_that_uses_it() {
    let errors = save_sales(
        &sales_form(FromNameMode::CompanyName, "acme"),
        &three_inboxes(),
    )
    .unwrap_err();
    let message = errors.get(FallbackField::CompanyName).unwrap().to_string();
    assert!(message.contains("\u{201c}Support\u{201d}"), "{message}");
    assert!(message.contains("\u{201c}acme\u{201d}"), "{message}");
    assert_eq!(errors.get(FallbackField::CustomAddress), None);
    assert_eq!(errors.get(FallbackField::Form), None);
    assert_eq!(errors.to_string(), message);

    let errors = save_sales(
        &sales_form(FromNameMode::AgentAndCompany, "Globex"),
        &three_inboxes(),
    )
    .unwrap_err();
    let message = errors.to_string();
    assert!(message.contains("<agent name> from Globex"), "{message}");
    assert!(message.contains("\u{201c}Billing\u{201d}"), "{message}");
}

#[test]
fn company_name_is_required_and_header_safe() {
    let cases: [(&str, Result<&str, ValidationError>); 6] = [
        ("", Err(ValidationError::Empty)),
        ("   ", Err(ValidationError::Empty)),
        (
            "Acme\r\nBcc: x@y.example",
            Err(ValidationError::ControlCharacter),
        ),
        ("Acme\u{2028}Ltd", Err(ValidationError::ControlCharacter)),
        (&"A".repeat(101), Err(ValidationError::TooLong { max: 100 })),
        ("  Initech  ", Ok("Initech")),
    ];
    for (typed, expected) in cases {
        let result = save_sales(
            &sales_form(FromNameMode::CompanyName, typed),
            &three_inboxes(),
        );
        match expected {
            Ok(name) => assert_eq!(result.unwrap().company_name, name),
            Err(error) => assert_eq!(
                result.unwrap_err().get(FallbackField::CompanyName),
                Some(&FallbackError::Invalid(error)),
                "{typed:?}"
            ),
        }
    }
}

// ---------------------------------------------------------------- §3 From address

#[test]
fn custom_address_is_validated_and_refuses_header_injection() {
    let cases = [
        (
            "a@b.example\r\nBcc: x@y.example",
            Err(ValidationError::ControlCharacter),
        ),
        (
            "help@acme.example\nX: y",
            Err(ValidationError::ControlCharacter),
        ),
        ("help desk@acme.example", Err(ValidationError::Whitespace)),
        ("helpdesk", Err(ValidationError::AddressShape)),
        ("help@localhost", Err(ValidationError::Domain)),
        ("", Err(ValidationError::Empty)),
        (" help@Acme.Example ", Ok("help@acme.example")),
    ];
    for (typed, expected) in cases {
        let mut form = sales_form(FromNameMode::CompanyName, "Acme Sales");
        form.from_address_mode = FromAddressMode::Custom;
        form.custom_address = typed.to_owned();
        let result = save_sales(&form, &three_inboxes());
        match expected {
            Ok(address) => assert_eq!(
                result.unwrap().from_address,
                FallbackFromAddress::Custom {
                    address: addr(address),
                    verified: false,
                    pending_code: None,
                },
                "{typed:?}"
            ),
            Err(error) => {
                let errors = result.unwrap_err();
                assert_eq!(
                    errors.get(FallbackField::CustomAddress),
                    Some(&FallbackError::Invalid(error)),
                    "{typed:?}"
                );
                assert_eq!(errors.get(FallbackField::CompanyName), None);
            }
        }
    }
}

#[test]
fn custom_address_must_not_be_another_channels_or_fallback_emails() {
    // (typed, the inbox that has it already): SPEC §2 "a disabled channel cannot be chosen as
    // a From address" holds only if no fallback email can take a channel's address.
    let cases = [
        // Another inbox's team email, enabled or disabled, in any case.
        ("care@acme.example", Some("Support")),
        ("partners@acme.example", Some("Support")),
        ("PARTNERS@Acme.Example", Some("Support")),
        // Sales' own team email: still another channel than its fallback.
        ("deals@acme.example", Some("Sales")),
        // Another inbox's fallback address (its channel, and its default address).
        ("billing@acme.inbox.example", Some("Billing")),
        ("support@ACME.inbox.example", Some("Support")),
        // Its own fallback address, and an address nobody has.
        ("sales@acme.inbox.example", None),
        ("help@acme.example", None),
    ];
    for (typed, taken_by) in cases {
        let mut form = sales_form(FromNameMode::CompanyName, "Acme Sales");
        form.from_address_mode = FromAddressMode::Custom;
        form.custom_address = typed.to_owned();
        let result = save_sales(&form, &three_inboxes());
        match (taken_by, result) {
            (None, Ok(saved)) => assert!(
                matches!(
                    saved.from_address,
                    FallbackFromAddress::Custom {
                        verified: false,
                        ..
                    }
                ),
                "{typed}"
            ),
            (Some(inbox), Err(errors)) => {
                assert_eq!(
                    errors.get(FallbackField::CustomAddress),
                    Some(&FallbackError::AddressInUse {
                        address: addr(typed).to_string(),
                        inbox: inbox.to_owned(),
                    }),
                    "{typed}"
                );
                assert_eq!(errors.get(FallbackField::CompanyName), None, "{typed}");
            }
            (taken_by, result) => panic!("{typed}: expected {taken_by:?}, got {result:?}"),
        }
    }
}

#[test]
fn custom_address_of_another_fallback_email_is_refused_even_unverified() {
    let mut inboxes = three_inboxes();
    inboxes[1].fallback.from_address = FallbackFromAddress::Custom {
        address: addr("accounts@acme.example"),
        verified: false,
        pending_code: None,
    };
    let mut form = sales_form(FromNameMode::CompanyName, "Acme Sales");
    form.from_address_mode = FromAddressMode::Custom;
    form.custom_address = "Accounts@acme.example".to_owned();
    let errors = save_sales(&form, &inboxes).unwrap_err();
    let message = errors
        .get(FallbackField::CustomAddress)
        .unwrap()
        .to_string();
    assert!(message.contains("\u{201c}Billing\u{201d}"), "{message}");
    assert!(message.contains("Accounts@acme.example"), "{message}");
}

#[test]
fn custom_address_text_is_ignored_while_use_default_is_chosen() {
    let mut form = sales_form(FromNameMode::CompanyName, "Acme Sales");
    form.from_address_mode = FromAddressMode::UseDefault;
    form.custom_address = "not an address\r\n".to_owned();
    let saved = save_sales(&form, &three_inboxes()).unwrap();
    assert_eq!(saved.from_address, FallbackFromAddress::UseDefault);
}

#[test]
fn every_field_error_is_reported_at_once() {
    let mut form = sales_form(FromNameMode::CompanyName, "");
    form.from_address_mode = FromAddressMode::Custom;
    form.custom_address = "nobody".to_owned();
    form.signature_html = "x".repeat(50_001);
    let errors = save_sales(&form, &three_inboxes()).unwrap_err();
    assert_eq!(
        errors.get(FallbackField::CompanyName),
        Some(&FallbackError::Invalid(ValidationError::Empty))
    );
    assert_eq!(
        errors.get(FallbackField::CustomAddress),
        Some(&FallbackError::Invalid(ValidationError::AddressShape))
    );
    assert_eq!(
        errors.get(FallbackField::SignatureHtml),
        Some(&FallbackError::Invalid(ValidationError::TooLong {
            max: 50_000
        }))
    );
}

#[test]
fn editing_an_unknown_inbox_is_refused() {
    let form = sales_form(FromNameMode::CompanyName, "Acme Sales");
    let errors = validate_fallback(
        &form,
        &InboxId::new("i-gone"),
        &three_inboxes(),
        &three_channels(),
        &workspace(Plan::Free),
    )
    .unwrap_err();
    assert_eq!(
        errors.get(FallbackField::Form),
        Some(&FallbackError::UnknownInbox)
    );
}

#[test]
fn changing_a_custom_address_resets_it_to_unverified_without_code() {
    let saved_verified = FallbackFromAddress::Custom {
        address: addr("help@acme.example"),
        verified: true,
        pending_code: None,
    };
    let saved_pending = FallbackFromAddress::Custom {
        address: addr("help@acme.example"),
        verified: false,
        pending_code: Some("123456".to_owned()),
    };
    let cases = [
        (&saved_verified, "help@acme.example", true, None),
        (&saved_verified, "help@ACME.example", true, None),
        (&saved_verified, "support@acme.example", false, None),
        (&saved_pending, "help@acme.example", false, Some("123456")),
        (&saved_pending, "sales@acme.example", false, None),
        (
            &FallbackFromAddress::UseDefault,
            "help@acme.example",
            false,
            None,
        ),
    ];
    for (saved, typed, verified, code) in cases {
        let mut inboxes = three_inboxes();
        inboxes[2].fallback.from_address = saved.clone();
        let mut form = FallbackForm::from_saved(&inboxes[2].fallback);
        form.from_address_mode = FromAddressMode::Custom;
        form.custom_address = typed.to_owned();
        let result = save_sales(&form, &inboxes).unwrap().from_address;
        assert_eq!(
            result,
            FallbackFromAddress::Custom {
                address: addr(typed),
                verified,
                pending_code: code.map(str::to_owned),
            },
            "{saved:?} -> {typed}"
        );
    }
}

#[test]
fn unverified_custom_address_is_never_used_to_send() {
    let mut form = sales_form(FromNameMode::CompanyName, "Acme Sales");
    form.from_address_mode = FromAddressMode::Custom;
    form.custom_address = "hello@acme.example".to_owned();
    let mut saved = save_sales(&form, &three_inboxes()).unwrap();
    let ws = workspace(Plan::Professional);
    assert_eq!(
        saved.sending_address(&ws).unwrap(),
        (addr("hello@acme.example"), false)
    );
    let pending = start_verification(&mut saved, 314_159).unwrap();
    verify_code(&mut saved, &pending.code).unwrap();
    assert_eq!(
        saved.sending_address(&ws).unwrap(),
        (addr("hello@acme.example"), true)
    );
}

// ---------------------------------------------------------------- §3 Verify address

#[test]
fn verification_code_has_six_digits_from_the_random_number() {
    let cases = [
        (0, "000000"),
        (123, "000123"),
        (999_999, "999999"),
        (1_000_000, "000000"),
        (1_042_317, "042317"),
        (u32::MAX, "967295"),
    ];
    for (random, code) in cases {
        assert_eq!(issue_code(random), code, "{random}");
    }
}

#[test]
fn verify_address_accepts_only_the_pending_code() {
    let pending = |code: Option<&str>, verified: bool| {
        let mut fallback = fallback(FromNameMode::CompanyName, "Acme", "support");
        fallback.from_address = FallbackFromAddress::Custom {
            address: addr("help@acme.example"),
            verified,
            pending_code: code.map(str::to_owned),
        };
        fallback
    };
    let wrong = VerifyError::WrongCode {
        address: "help@acme.example".to_owned(),
    };
    let cases = [
        (pending(Some("042317"), false), "042317", Ok(())),
        (pending(Some("042317"), false), " 042317\n", Ok(())),
        (pending(Some("042317"), false), "042318", Err(wrong.clone())),
        (pending(Some("042317"), false), "142317", Err(wrong)),
        (
            pending(Some("042317"), false),
            "42317",
            Err(VerifyError::CodeShape),
        ),
        (
            pending(Some("042317"), false),
            "0423170",
            Err(VerifyError::CodeShape),
        ),
        (
            pending(Some("042317"), false),
            "04231x",
            Err(VerifyError::CodeShape),
        ),
        (
            pending(Some("042317"), false),
            "",
            Err(VerifyError::CodeShape),
        ),
        (
            pending(None, false),
            "042317",
            Err(VerifyError::NoCodePending),
        ),
        (
            pending(None, true),
            "042317",
            Err(VerifyError::AlreadyVerified),
        ),
        (
            fallback(FromNameMode::CompanyName, "Acme", "support"),
            "042317",
            Err(VerifyError::NotCustom),
        ),
    ];
    for (mut fallback, typed, expected) in cases {
        let before = fallback.clone();
        let result = verify_code(&mut fallback, typed);
        assert_eq!(
            result, expected,
            "{typed:?} against {:?}",
            before.from_address
        );
        if result.is_ok() {
            assert_eq!(
                fallback.from_address,
                FallbackFromAddress::Custom {
                    address: addr("help@acme.example"),
                    verified: true,
                    pending_code: None,
                }
            );
        } else {
            assert_eq!(fallback, before, "a failed attempt changes nothing");
        }
    }
}

#[test]
fn verify_address_sends_a_new_code_to_the_custom_address() {
    let mut fallback = fallback(FromNameMode::CompanyName, "Acme", "support");
    assert_eq!(
        start_verification(&mut fallback, 1),
        Err(VerifyError::NotCustom)
    );
    fallback.from_address = FallbackFromAddress::Custom {
        address: addr("help@acme.example"),
        verified: false,
        pending_code: Some("111111".to_owned()),
    };
    let sent = start_verification(&mut fallback, 2_000_777).unwrap();
    assert_eq!(sent.to, addr("help@acme.example"));
    assert_eq!(sent.code, "000777");
    // The resent code replaces the old one.
    assert_eq!(
        verify_code(&mut fallback, "111111"),
        Err(VerifyError::WrongCode {
            address: "help@acme.example".to_owned()
        })
    );
    assert_eq!(verify_code(&mut fallback, "000777"), Ok(()));
    assert_eq!(
        start_verification(&mut fallback, 3),
        Err(VerifyError::AlreadyVerified)
    );
}

// ---------------------------------------------------------------- §3 team signature tokens

fn context<'a>(sender: &'a User, contact: Option<&'a Contact>) -> TokenContext<'a> {
    TokenContext {
        sender,
        contact,
        company_name: "Acme",
    }
}

#[test]
fn signature_tokens_resolve_to_the_sending_user() {
    let signature = Signature::parse(
        "<p>{{sender.full_name}}<br>{{sender.first_name}} / {{sender.last_name}}</p>",
    );
    assert!(signature.warnings.is_empty());
    let cases = [
        (user("u-ana", "Ana", "Pop"), "<p>Ana Pop<br>Ana / Pop</p>"),
        (user("u-bo", "Bo", "Berg"), "<p>Bo Berg<br>Bo / Berg</p>"),
        (user("u-cy", "Cy", ""), "<p>Cy<br>Cy / </p>"),
    ];
    for (sender, expected) in cases {
        assert_eq!(render(&signature, &context(&sender, None)), expected);
    }
}

#[test]
fn token_values_are_html_escaped() {
    let signature = Signature::parse("<a title=\"{{sender.full_name}}\">{{sender.first_name}}</a>");
    let sender = user("u-x", "<script>alert(1)</script>", "O'Brien & \"Sons\"");
    let html = render(&signature, &context(&sender, None));
    assert_eq!(
        html,
        "<a title=\"&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien &amp; &quot;Sons&quot;\">\
         &lt;script&gt;alert(1)&lt;/script&gt;</a>"
    );
}

#[test]
fn unknown_and_unclosed_tokens_warn_and_stay_literal() {
    let ana = user("u-ana", "Ana", "Pop");
    let cases: [(&str, &str, Vec<TokenWarning>); 7] = [
        (
            "Hi {{sender.nickname}}",
            "Hi {{sender.nickname}}",
            vec![TokenWarning::Unknown {
                text: "{{sender.nickname}}".to_owned(),
            }],
        ),
        (
            "{{sender.first_name",
            "{{sender.first_name",
            vec![TokenWarning::Unterminated {
                near: "{{sender.first_name".to_owned(),
            }],
        ),
        (
            "{{ {{sender.first_name}}",
            "{{ Ana",
            vec![TokenWarning::Unterminated {
                near: "{{ {{sender.first_name}}".to_owned(),
            }],
        ),
        (
            "{{contact.name}}",
            "{{contact.name}}",
            vec![TokenWarning::TemplateOnly {
                text: "{{contact.name}}".to_owned(),
            }],
        ),
        ("{{ sender.first_name }}", "Ana", vec![]),
        ("{{{sender.first_name}}}", "{Ana}", vec![]),
        ("no tokens } { at all", "no tokens } { at all", vec![]),
    ];
    for (text, expected, warnings) in cases {
        let parsed = Signature::parse(text);
        assert_eq!(parsed.warnings, warnings, "{text:?}");
        assert_eq!(render(&parsed, &context(&ana, None)), expected, "{text:?}");
    }
    let message = TokenWarning::Unknown {
        text: "{{x}}".to_owned(),
    }
    .to_string();
    assert_eq!(
        message,
        "Unknown token \u{201c}{{x}}\u{201d}: it will be sent as written."
    );
}

#[test]
fn signature_is_parsed_once_into_segments() {
    let parsed = Signature::parse("Thanks,<br>{{sender.first_name}} at Acme");
    assert_eq!(
        parsed.segments,
        vec![
            Segment::Text("Thanks,<br>".to_owned()),
            Segment::Token(Token::SenderFirstName),
            Segment::Text(" at Acme".to_owned()),
        ]
    );
}

#[test]
fn insert_token_menu_offers_full_first_and_last_name() {
    assert_eq!(
        token_list(),
        vec![
            ("Full name", "{{sender.full_name}}"),
            ("First name", "{{sender.first_name}}"),
            ("Last name", "{{sender.last_name}}"),
        ]
    );
}

#[test]
fn template_tokens_resolve_contact_and_company() {
    let ana = user("u-ana", "Ana", "Pop");
    let maria = Contact {
        id: ContactId::new("c-maria"),
        email: addr("maria@client.example"),
        name: Some("  Maria Ionescu ".to_owned()),
        owner: None,
        created_at: 0,
    };
    let nameless = Contact {
        name: None,
        ..maria.clone()
    };
    let text = "Hi {{contact.first_name}} ({{contact.name}}, {{contact.email}}) from \
                {{sender.first_name}} at {{company.name}}";
    let parsed = parse(text, TokenScope::Template);
    assert!(parsed.warnings.is_empty());
    let cases = [
        (
            Some(&maria),
            "Hi Maria (Maria Ionescu, maria@client.example) from Ana at Acme",
        ),
        (
            Some(&nameless),
            "Hi  (, maria@client.example) from Ana at Acme",
        ),
        (None, "Hi  (, ) from Ana at Acme"),
    ];
    for (contact, expected) in cases {
        assert_eq!(render(&parsed, &context(&ana, contact)), expected);
    }
}

#[test]
fn team_signature_only_on_inbox_and_help_desk_email_never_crm() {
    let mut sender = user("u-ana", "Ana", "Pop");
    sender.signature_html = "Ana personally".to_owned();
    let mut team_on = inbox(
        "i-support",
        "Support",
        fallback(FromNameMode::CompanyName, "Acme", "support"),
    );
    team_on.fallback.signature_enabled = true;
    team_on.fallback.signature_html = "{{sender.first_name}} for Support".to_owned();
    let mut team_off = team_on.clone();
    team_off.fallback.signature_enabled = false;

    let team = SignatureSource::Team {
        html: "{{sender.first_name}} for Support",
    };
    let personal = SignatureSource::Personal {
        html: "Ana personally",
    };
    let cases = [
        (SendSurface::Inbox, Some(&team_on), Some(team)),
        (SendSurface::HelpDesk, Some(&team_on), Some(team)),
        (SendSurface::Crm, Some(&team_on), Some(personal)),
        (SendSurface::Crm, None, Some(personal)),
        (SendSurface::Inbox, Some(&team_off), Some(personal)),
        (SendSurface::Inbox, None, Some(personal)),
    ];
    for (surface, inbox, expected) in cases {
        assert_eq!(
            signature_for_send(surface, inbox, &sender),
            expected,
            "{surface:?}"
        );
    }

    let mut silent = sender.clone();
    silent.signature_html = "  ".to_owned();
    assert_eq!(
        signature_for_send(SendSurface::Crm, Some(&team_on), &silent),
        None
    );
    assert_eq!(
        render_signature_for_send(
            SendSurface::HelpDesk,
            Some(&team_on),
            &context(&sender, None)
        ),
        Some("Ana for Support".to_owned())
    );
}

proptest! {
    #[test]
    fn token_parse_and_render_never_panic(text in any::<String>(), name in any::<String>()) {
        let sender = user("u-p", &name, &name);
        for scope in [TokenScope::Signature, TokenScope::Template] {
            let parsed = parse(&text, scope);
            let html = render(&parsed, &context(&sender, None));
            if !text.contains("{{") {
                prop_assert_eq!(&html, &text);
                prop_assert!(parsed.warnings.is_empty());
            }
        }
    }

    #[test]
    fn token_values_never_emit_raw_markup(
        pieces in prop::collection::vec(
            prop_oneof![
                "[^<]{0,12}",
                Just("{{sender.full_name}}".to_owned()),
                Just("{{sender.first_name}}".to_owned()),
                Just("{{contact.name}}".to_owned()),
                Just("{{".to_owned()),
                Just("}}".to_owned()),
                Just("{".to_owned()),
            ],
            0..16,
        ),
        first in prop_oneof![Just("<script>alert(1)</script>".to_owned()), any::<String>()],
        last in any::<String>(),
    ) {
        let text: String = pieces.concat();
        let sender = user("u-p", &first, &last);
        let contact = Contact {
            id: ContactId::new("c-p"),
            email: addr("p@client.example"),
            name: Some(format!("<script src=x>{last}")),
            owner: None,
            created_at: 0,
        };
        for scope in [TokenScope::Signature, TokenScope::Template] {
            let html = render(&parse(&text, scope), &context(&sender, Some(&contact)));
            prop_assert!(!html.contains('<'), "{:?} rendered {:?}", text, html);
        }
    }
}

// ---------------------------------------------------------------- §3 forwards

fn mailbox(name: Option<&str>, address: &str) -> Mailbox {
    Mailbox {
        name: name.map(str::to_owned),
        address: addr(address),
    }
}

#[test]
fn forward_subject_starts_with_fw_or_fwd_in_any_case() {
    let cases = [
        ("FW: Invoice 42", true),
        ("Fw:Invoice 42", true),
        ("fw: invoice", true),
        ("FWD: Invoice 42", true),
        ("Fwd: Invoice 42", true),
        ("fWd:Invoice", true),
        ("  Fwd: leading spaces", true),
        ("\tFW: tab", true),
        ("Re: Fwd: Invoice", false),
        ("Forward: Invoice", false),
        ("FW Invoice", false),
        ("Fwd", false),
        ("", false),
        ("Invoice FW: 42", false),
    ];
    for (subject, expected) in cases {
        assert_eq!(is_forward_subject(subject), expected, "{subject:?}");
    }
}

const GMAIL: &str = "Can you take this one?\n\n---------- Forwarded message ---------\n\
From: Maria Ionescu <maria@client.example>\nDate: Mon, 3 Jun 2024 at 10:15\n\
Subject: Invoice 42\nTo: <ana@acme.example>\n\n\nHello, my invoice is wrong.\n";

const GMAIL_BOLD: &str = "FYI\n\n---------- Forwarded message ---------\n\
*From:* Maria Ionescu <maria@client.example>\n*Date:* Mon, 3 Jun 2024\n\n\nHello\n";

const OUTLOOK_ORIGINAL: &str = "Please handle.\n\n-----Original Message-----\n\
From: Jan Kowalski [mailto:jan@client.example]\nSent: Monday, June 3, 2024 10:15 AM\n\
To: Support <support@acme.example>\nSubject: Broken login\n\nI cannot log in.\n";

const OUTLOOK_RULE: &str = "See below\r\n\r\n________________________________\r\n\
From: Jan Kowalski <jan@client.example>\r\nSent: Monday, June 3, 2024 10:15\r\n\
To: Ana Pop <ana@acme.example>\r\nSubject: Broken login\r\n\r\nI cannot log in.\r\n";

const APPLE: &str = "\n\nBegin forwarded message:\n\n\
From: \"Lotte de Vries\" <lotte@client.example>\nSubject: Order 7\n\
Date: 3 June 2024 at 10:15:00 CEST\nTo: ana@acme.example\n\nWhere is my order?\n";

const THUNDERBIRD: &str = "\n\n-------- Forwarded Message --------\n\
Subject: \tOrder 7\nDate: \tMon, 3 Jun 2024 10:15:00 +0200\n\
From: \tLotte de Vries <lotte@client.example>\nTo: \tana@acme.example\n\nWhere is my order?\n";

const QUOTED: &str = "Forwarding again\n\n> ---------- Forwarded message ---------\n\
> From: Maria Ionescu <maria@client.example>\n> Date: Mon, 3 Jun 2024\n>\n> Hello\n";

const DEEP_QUOTED: &str = ">> -----Original Message-----\n>>From: jan@client.example\n\
>>Sent: Monday\n";

const GERMAN: &str = "---------- Weitergeleitete Nachricht ---------\n\
Von: Jürgen Müller <juergen@client.example>\nDatum: Mo., 3. Juni 2024 um 10:15\n\
Betreff: Rechnung\nAn: <ana@acme.example>\n\nHallo\n";

const FRENCH_OUTLOOK: &str = "________________________________\n\
De : Élodie Martin <elodie@client.example>\nEnvoyé : lundi 3 juin 2024 10:15\n\
À : Support <support@acme.example>\nObjet : Facture\n\nBonjour\n";

const POLISH: &str = "---------- Wiadomość przekazana dalej ---------\n\
Od: Jan Kowalski <jan@client.example>\nDate: pon., 3 cze 2024\nTemat: Faktura\n\nDzień dobry\n";

const ITALIAN: &str = "---------- Messaggio inoltrato ---------\n\
Da: Giulia Rossi <giulia@client.example>\nDate: lun 3 giu 2024\nOggetto: Fattura\n\nCiao\n";

const DUTCH: &str = "-----Oorspronkelijk bericht-----\n\
Van: Lotte de Vries <lotte@client.example>\nVerzonden: maandag 3 juni 2024 10:15\n\
Aan: support@acme.example\nOnderwerp: Bestelling\n\nHallo\n";

const WRAPPED: &str = "---------- Forwarded message ---------\n\
From: Maria Ionescu of Very Long Company Name Limited\n<maria@client.example>\n\
Date: Mon, 3 Jun 2024\n\nHello\n";

const MAILTO_DOUBLED: &str = "-----Original Message-----\n\
From: Maria Ionescu <maria@client.example<mailto:maria@client.example>>\nSent: Monday\n\nHi\n";

const NO_SEPARATOR: &str = "Please look at this.\n\nFrom: Jan Kowalski <jan@client.example>\n\
Sent: Monday, June 3, 2024 10:15 AM\nTo: ana@acme.example\n\nI cannot log in.\n";

#[test]
fn original_sender_is_read_from_each_client_forward_format() {
    let maria = mailbox(Some("Maria Ionescu"), "maria@client.example");
    let jan = mailbox(Some("Jan Kowalski"), "jan@client.example");
    let lotte = mailbox(Some("Lotte de Vries"), "lotte@client.example");
    let cases = [
        ("Gmail", GMAIL, maria.clone()),
        ("Gmail bold labels", GMAIL_BOLD, maria.clone()),
        ("Outlook original message", OUTLOOK_ORIGINAL, jan.clone()),
        ("Outlook rule, CRLF", OUTLOOK_RULE, jan.clone()),
        ("Apple Mail", APPLE, lotte.clone()),
        ("Thunderbird", THUNDERBIRD, lotte.clone()),
        ("quoted with >", QUOTED, maria.clone()),
        (
            "deeply quoted, bare address",
            DEEP_QUOTED,
            mailbox(None, "jan@client.example"),
        ),
        (
            "German Von:",
            GERMAN,
            mailbox(Some("Jürgen Müller"), "juergen@client.example"),
        ),
        (
            "French De :",
            FRENCH_OUTLOOK,
            mailbox(Some("Élodie Martin"), "elodie@client.example"),
        ),
        ("Polish Od:", POLISH, jan.clone()),
        (
            "Italian Da:",
            ITALIAN,
            mailbox(Some("Giulia Rossi"), "giulia@client.example"),
        ),
        ("Dutch Van:", DUTCH, lotte),
        (
            "wrapped From line",
            WRAPPED,
            mailbox(
                Some("Maria Ionescu of Very Long Company Name Limited"),
                "maria@client.example",
            ),
        ),
        ("Outlook doubled mailto", MAILTO_DOUBLED, maria),
        ("header block without separator", NO_SEPARATOR, jan),
    ];
    for (client, body, expected) in cases {
        assert_eq!(
            original_sender("Fwd: Invoice 42", body),
            Some(expected),
            "{client}"
        );
    }
}

#[test]
fn no_original_sender_without_a_forward_subject_or_a_usable_block() {
    let cases = [
        ("Re: Invoice 42", GMAIL),
        ("Invoice 42", OUTLOOK_ORIGINAL),
        ("Fwd: Invoice 42", "Hi, please call me back.\nThanks, Ana"),
        ("Fwd: Invoice 42", ""),
        (
            "FW: broken",
            "-----Original Message-----\nFrom: Jan Kowalski\nSent: Monday\n\nHi",
        ),
        (
            "FW: injection",
            "-----Original Message-----\nFrom: jan@client.example\u{0}x\nSent: Monday\n",
        ),
        // A lone "From:" in prose is not a header block.
        (
            "Fwd: note",
            "From: the desk of Ana\n\nNothing forwarded here.",
        ),
    ];
    for (subject, body) in cases {
        assert_eq!(original_sender(subject, body), None, "{subject:?} {body:?}");
    }
}

#[test]
fn forwards_are_logged_on_the_original_sender_unless_switched_off() {
    let rep = mailbox(Some("Ana Pop"), "ana@acme.example");
    let maria = mailbox(Some("Maria Ionescu"), "maria@client.example");
    let cases = [
        (true, "Fwd: Invoice 42", GMAIL, &maria),
        (false, "Fwd: Invoice 42", GMAIL, &rep),
        (true, "Invoice 42", GMAIL, &rep),
        (true, "Fwd: Invoice 42", "nothing forwarded", &rep),
    ];
    for (setting_on, subject, body, expected) in cases {
        assert_eq!(
            &log_on(setting_on, &rep, subject, body),
            expected,
            "{setting_on} {subject}"
        );
    }
}

// ---------------------------------------------------------------- §3 automation

fn member(id: &str, seat: Seat, availability: Availability, primary: Option<&str>) -> User {
    User {
        seat,
        availability,
        primary_team: primary.map(TeamId::new),
        ..user(id, id, "Member")
    }
}

fn team_users() -> Vec<User> {
    use Availability::*;
    let mut bo = member("u-bo", Seat::Paid, Available, Some("t-sales"));
    bo.additional_teams = vec![TeamId::new("t-support")];
    vec![
        member("u-cy", Seat::Paid, Available, Some("t-support")),
        member("u-ana", Seat::Paid, Available, Some("t-support")),
        bo,
        member("u-dan", Seat::Paid, Away, Some("t-support")),
        member("u-eva", Seat::Free, Available, Some("t-support")),
        member("u-fay", Seat::Paid, Available, Some("t-sales")),
    ]
}

fn contact(owner: Option<&str>) -> Contact {
    Contact {
        id: ContactId::new("c-1"),
        email: addr("maria@client.example"),
        name: Some("Maria".to_owned()),
        owner: owner.map(UserId::new),
        created_at: 0,
    }
}

fn automated(assign: Option<AssignTo>, ticket: Option<TicketDefaults>) -> Inbox {
    let mut inbox = inbox(
        "i-support",
        "Support",
        fallback(FromNameMode::CompanyName, "Acme", "support"),
    );
    inbox.automation.auto_assign = assign;
    inbox.automation.auto_ticket = ticket;
    inbox
}

fn support_team() -> AssignTo {
    AssignTo::SpecificUsersAndTeams {
        users: vec![UserId::new("u-ana")],
        teams: vec![TeamId::new("t-support")],
    }
}

/// Assignees of `arrivals` conversations in a row, carrying the cursor like the service does.
fn rotation(inbox: &mut Inbox, users: &[User], arrivals: usize) -> Vec<Option<String>> {
    (0..arrivals)
        .map(|_| {
            let plan = on_arrival(inbox, &contact(None), users);
            inbox.automation.round_robin_next = plan.next_round_robin;
            plan.assignee.map(|id| id.0)
        })
        .collect()
}

fn ids(names: &[&str]) -> Vec<Option<String>> {
    names.iter().map(|n| Some((*n).to_owned())).collect()
}

#[test]
fn automatic_assignment_off_leaves_conversations_unassigned() {
    let mut inbox = automated(None, None);
    inbox.automation.round_robin_next = 2;
    let plan = on_arrival(&inbox, &contact(Some("u-ana")), &team_users());
    assert_eq!(plan.assignee, None);
    assert_eq!(plan.reason, AssignReason::AutoAssignOff);
    assert_eq!(plan.next_round_robin, 2);
    assert_eq!(plan.ticket, None);
}

#[test]
fn round_robin_is_deterministic_in_user_id_order() {
    // u-ana listed directly and through t-support, u-bo through an additional team: each once.
    let mut inbox = automated(Some(support_team()), None);
    let users = team_users();
    assert_eq!(
        rotation(&mut inbox, &users, 4),
        ids(&["u-ana", "u-bo", "u-cy", "u-ana"])
    );
    let mut reversed = users.clone();
    reversed.reverse();
    let mut again = automated(Some(support_team()), None);
    assert_eq!(
        rotation(&mut again, &reversed, 4),
        ids(&["u-ana", "u-bo", "u-cy", "u-ana"])
    );
}

#[test]
fn round_robin_skips_away_and_free_seat_users() {
    use Availability::*;
    // Members in id order: ana, bo, cy, dan (away), eva (free seat).
    let cases = [
        (0, Some("u-ana"), 1),
        (2, Some("u-cy"), 3),
        (3, Some("u-ana"), 1),
        (4, Some("u-ana"), 1),
        (7, Some("u-cy"), 3),
    ];
    let users = team_users();
    for (cursor, expected, next) in cases {
        let mut inbox = automated(Some(support_team()), None);
        inbox.automation.round_robin_next = cursor;
        let plan = on_arrival(&inbox, &contact(None), &users);
        assert_eq!(
            plan.assignee.as_ref().map(|id| id.as_str()),
            expected,
            "{cursor}"
        );
        assert_eq!(plan.next_round_robin, next, "{cursor}");
        assert_eq!(plan.reason, AssignReason::RoundRobin);
    }

    let nobody = vec![
        member("u-dan", Seat::Paid, Away, Some("t-support")),
        member("u-eva", Seat::Free, Available, Some("t-support")),
    ];
    let mut inbox = automated(Some(support_team()), None);
    inbox.automation.round_robin_next = 1;
    let plan = on_arrival(&inbox, &contact(None), &nobody);
    assert_eq!(plan.assignee, None);
    assert_eq!(plan.reason, AssignReason::NoEligibleMember);
    assert_eq!(plan.next_round_robin, 1);

    let empty = automated(
        Some(AssignTo::SpecificUsersAndTeams {
            users: vec![],
            teams: vec![TeamId::new("t-none")],
        }),
        None,
    );
    assert_eq!(on_arrival(&empty, &contact(None), &users).assignee, None);
}

#[test]
fn round_robin_only_picks_users_with_inbox_access() {
    let mut inbox = automated(Some(support_team()), None);
    inbox.access = InboxAccess::SpecificUsersAndTeams {
        users: vec![UserId::new("u-cy")],
        teams: vec![TeamId::new("t-sales")],
    };
    // ana has no access; bo (sales) and cy (listed) do.
    assert_eq!(
        rotation(&mut inbox, &team_users(), 3),
        ids(&["u-bo", "u-cy", "u-bo"])
    );
}

#[test]
fn contact_owner_is_assigned_only_when_available_with_a_paid_seat() {
    let mut inbox = automated(Some(AssignTo::ContactOwner), None);
    inbox.automation.round_robin_next = 5;
    let cases = [
        (Some("u-ana"), Some("u-ana"), AssignReason::ContactOwner),
        (
            Some("u-dan"),
            None,
            AssignReason::ContactOwnerNotEligible(Ineligible::Away),
        ),
        (
            Some("u-eva"),
            None,
            AssignReason::ContactOwnerNotEligible(Ineligible::FreeSeat),
        ),
        (
            Some("u-gone"),
            None,
            AssignReason::ContactOwnerNotEligible(Ineligible::UnknownUser),
        ),
        (None, None, AssignReason::ContactHasNoOwner),
    ];
    for (owner, expected, reason) in cases {
        let plan = on_arrival(&inbox, &contact(owner), &team_users());
        assert_eq!(
            plan.assignee.as_ref().map(|id| id.as_str()),
            expected,
            "{owner:?}"
        );
        assert_eq!(plan.reason, reason, "{owner:?}");
        assert_eq!(
            plan.next_round_robin, 5,
            "contact owner leaves the cursor alone"
        );
    }
    assert_eq!(
        AssignReason::ContactOwnerNotEligible(Ineligible::Away).to_string(),
        "The contact owner cannot be assigned (away), so the conversation is unassigned."
    );
}

#[test]
fn automatic_ticket_uses_the_defaults_and_the_conversation_owner() {
    let defaults = |owner: TicketOwnerRule| TicketDefaults {
        pipeline: "Support pipeline".to_owned(),
        stage: TicketStatus::New,
        priority: Priority::High,
        owner,
    };
    let cases = [
        (
            Some(AssignTo::ContactOwner),
            TicketOwnerRule::ConversationOwner,
            Some("u-cy"),
        ),
        (
            Some(support_team()),
            TicketOwnerRule::ConversationOwner,
            Some("u-ana"),
        ),
        (None, TicketOwnerRule::ConversationOwner, None),
        (
            None,
            TicketOwnerRule::User {
                user: UserId::new("u-fay"),
            },
            Some("u-fay"),
        ),
        (
            Some(AssignTo::ContactOwner),
            TicketOwnerRule::User {
                user: UserId::new("u-fay"),
            },
            Some("u-fay"),
        ),
        // A chosen owner who left falls back to the conversation owner.
        (
            Some(AssignTo::ContactOwner),
            TicketOwnerRule::User {
                user: UserId::new("u-gone"),
            },
            Some("u-cy"),
        ),
    ];
    for (assign, owner, expected) in cases {
        let inbox = automated(assign, Some(defaults(owner.clone())));
        let plan = on_arrival(&inbox, &contact(Some("u-cy")), &team_users());
        assert_eq!(
            plan.ticket,
            Some(TicketPlan {
                pipeline: "Support pipeline".to_owned(),
                status: TicketStatus::New,
                priority: Priority::High,
                owner: expected.map(UserId::new),
            }),
            "{owner:?}"
        );
    }
}

#[test]
fn use_default_is_refused_when_the_default_address_cannot_be_built() {
    let form = sales_form(FromNameMode::CompanyName, "Acme Sales");
    let mut broken = workspace(Plan::Free);
    broken.subdomain = "acme corp".to_owned();
    let errors = validate_fallback(
        &form,
        &InboxId::new("i-sales"),
        &three_inboxes(),
        &three_channels(),
        &broken,
    )
    .unwrap_err();
    assert_eq!(
        errors.get(FallbackField::Form),
        Some(&FallbackError::DefaultAddress(ValidationError::Whitespace))
    );
    assert!(errors.to_string().contains("Customize from address"));
}
