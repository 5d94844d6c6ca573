//! SPEC §5 **Insert** and Settings › Templates: who may manage the content, what a save
//! accepts, how items are found and what the composer inserts; and the presence roster
//! (viewing / typing between tabs). One case per rule, named after it.

mod common;

use switchboard::domain::access::{can, Action, Resource};
use switchboard::domain::presence::{viewer_label, Beat, BeatKind, Roster, Viewer};
use switchboard::domain::signature::TokenContext;
use switchboard::domain::template::*;
use switchboard::domain::*;

fn user(id: &str, first: &str, last: &str, role: Role) -> User {
    User {
        id: id.into(),
        first_name: first.into(),
        last_name: last.into(),
        email: EmailAddress::parse(&format!("{id}@acme.example")).unwrap(),
        seat: Seat::Paid,
        availability: Availability::Available,
        role,
        primary_team: None,
        additional_teams: Vec::new(),
        signature_html: String::new(),
        crm_default_from: None,
    }
}

fn workspace() -> Workspace {
    Workspace {
        company: "Northwind".into(),
        subdomain: "northwind".into(),
        plan: Plan::Professional,
        team_default_reply: Default::default(),
    }
}

fn contact(name: Option<&str>) -> Contact {
    Contact {
        id: "c-1".into(),
        email: EmailAddress::parse("emma@customer.example").unwrap(),
        name: name.map(str::to_owned),
        owner: None,
        created_at: 0,
    }
}

fn item(id: &str, kind: TemplateKind, name: &str) -> Template {
    Template {
        id: id.into(),
        kind,
        name: name.into(),
        subject: None,
        body_html: "<p>Hi</p>".into(),
        shortcut: None,
        url: None,
        summary: None,
    }
}

fn form(name: &str, body: &str) -> TemplateForm {
    TemplateForm {
        name: name.into(),
        body_html: body.into(),
        ..TemplateForm::default()
    }
}

fn field_errors(result: Result<Template, TemplateErrors>) -> Vec<TemplateField> {
    result
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|(f, _)| f)
        .collect()
}

#[test]
fn only_admins_and_super_admins_manage_templates() {
    let ws = workspace();
    for (role, allowed) in [
        (Role::SuperAdmin, true),
        (Role::Admin, true),
        (Role::User, false),
    ] {
        let decision = can(
            &user("u", "A", "B", role),
            Action::ManageTemplates,
            &Resource::Workspace,
            &ws,
        );
        assert_eq!(decision.is_allowed(), allowed, "{role:?}");
        if !allowed {
            let why = decision.message().unwrap_or_default();
            assert!(why.contains("Only admins and super admins"), "{why}");
        }
    }
}

#[test]
fn a_template_with_known_tokens_is_saved_sanitised() {
    let f = TemplateForm {
        name: "  Welcome ".into(),
        subject: "Hello {{contact.first_name}}".into(),
        body_html: "<p onclick=\"x()\">Hi {{contact.first_name}}</p><script>bad()</script>".into(),
        ..TemplateForm::default()
    };
    let saved = validate_template(TemplateKind::Template, "tpl-1".into(), &f, &[]).unwrap();
    assert_eq!(saved.name, "Welcome");
    assert_eq!(
        saved.subject.as_deref(),
        Some("Hello {{contact.first_name}}")
    );
    assert_eq!(saved.body_html, "<p>Hi {{contact.first_name}}</p>");
    assert_eq!(saved.url, None);
}

#[test]
fn every_refusal_belongs_to_its_field() {
    use TemplateField::*;
    let existing = vec![
        item("tpl-a", TemplateKind::Template, "Refund issued"),
        Template {
            shortcut: Some("thanks".into()),
            ..item("snip-a", TemplateKind::Snippet, "Thanks")
        },
        item("doc-a", TemplateKind::Document, "Price list"),
    ];
    let cases: Vec<(&str, TemplateKind, TemplateForm, Vec<TemplateField>)> = vec![
        (
            "empty name",
            TemplateKind::Template,
            form("  ", "<p>x</p>"),
            vec![Name],
        ),
        (
            "duplicate name, ignoring case",
            TemplateKind::Template,
            form("refund ISSUED", "<p>x</p>"),
            vec![Name],
        ),
        (
            "the same name in another kind is fine",
            TemplateKind::Snippet,
            form("Refund issued", "<p>x</p>"),
            vec![],
        ),
        (
            "name with a line break",
            TemplateKind::Snippet,
            form("Two\nlines", "<p>x</p>"),
            vec![Name],
        ),
        (
            "empty body",
            TemplateKind::Snippet,
            form("Hello", "<p> </p>"),
            vec![Body],
        ),
        (
            "unknown token",
            TemplateKind::Snippet,
            form("Hello", "<p>{{agent.nickname}}</p>"),
            vec![Body],
        ),
        (
            "unclosed token",
            TemplateKind::Snippet,
            form("Hello", "<p>{{contact.first_name</p>"),
            vec![Body],
        ),
        (
            "subject with a line break (header injection)",
            TemplateKind::Template,
            TemplateForm {
                subject: "Hi\r\nBcc: x@evil.example".into(),
                ..form("New", "<p>x</p>")
            },
            vec![Subject],
        ),
        (
            "subject with an unknown token",
            TemplateKind::Template,
            TemplateForm {
                subject: "Hi {{contact.nick}}".into(),
                ..form("New", "<p>x</p>")
            },
            vec![Subject],
        ),
        (
            "shortcut with a space",
            TemplateKind::Snippet,
            TemplateForm {
                shortcut: "two words".into(),
                ..form("New", "<p>x</p>")
            },
            vec![Shortcut],
        ),
        (
            "shortcut used by another snippet",
            TemplateKind::Snippet,
            TemplateForm {
                shortcut: "THANKS".into(),
                ..form("New", "<p>x</p>")
            },
            vec![Shortcut],
        ),
        (
            "link kinds need an address",
            TemplateKind::MeetingLink,
            form("Book a call", ""),
            vec![Url],
        ),
        (
            "a javascript: address is refused",
            TemplateKind::Video,
            TemplateForm {
                url: "javascript:alert(1)".into(),
                ..form("Demo", "")
            },
            vec![Url],
        ),
        (
            "duplicate document and bad address together",
            TemplateKind::Document,
            TemplateForm {
                url: "ftp://files.example/x.pdf".into(),
                ..form("price list", "")
            },
            vec![Name, Url],
        ),
        (
            "summary too long",
            TemplateKind::KnowledgeBase,
            TemplateForm {
                url: "https://help.example/a".into(),
                summary: "x".repeat(SUMMARY_MAX + 1),
                ..form("Returns", "")
            },
            vec![Summary],
        ),
    ];
    for (rule, kind, f, expected) in cases {
        let got = field_errors(validate_template(kind, "new".into(), &f, &existing));
        assert_eq!(got, expected, "{rule}");
    }
}

#[test]
fn editing_an_item_keeps_its_own_name() {
    let existing = vec![item("tpl-a", TemplateKind::Template, "Refund issued")];
    let f = form("Refund issued", "<p>Changed</p>");
    let saved = validate_template(TemplateKind::Template, "tpl-a".into(), &f, &existing).unwrap();
    assert_eq!(saved.body_html, "<p>Changed</p>");
}

#[test]
fn web_addresses_are_absolute_http_or_https_with_a_site() {
    for (url, ok) in [
        ("https://meet.example/abc", true),
        ("http://localhost:8080/x", true),
        ("HTTPS://Help.Example/Returns?x=1#top", true),
        ("https://", false),
        ("https://bank.example@evil.example/", false),
        ("https://exa mple.com", false),
        ("mailto:a@b.example", false),
        ("www.example.com", false),
        ("https://example.com:port/", false),
        ("https://example/", false),
        ("https://\"onmouseover=x.example", false),
    ] {
        assert_eq!(web_url(url).is_ok(), ok, "{url}");
    }
}

#[test]
fn search_matches_name_shortcut_and_summary_and_sorts_by_name() {
    let items = vec![
        Template {
            shortcut: Some("ty".into()),
            ..item("s2", TemplateKind::Snippet, "Thanks")
        },
        item("s1", TemplateKind::Snippet, "Address"),
        Template {
            summary: Some("How refunds work".into()),
            url: Some("https://help.example/r".into()),
            ..item("kb", TemplateKind::KnowledgeBase, "Returns policy")
        },
    ];
    let names = |kind, q| -> Vec<String> {
        search(&items, kind, q)
            .into_iter()
            .map(|t| t.name.clone())
            .collect()
    };
    assert_eq!(names(TemplateKind::Snippet, ""), ["Address", "Thanks"]);
    assert_eq!(names(TemplateKind::Snippet, "TY"), ["Thanks"]);
    assert_eq!(
        names(TemplateKind::KnowledgeBase, "refunds"),
        ["Returns policy"]
    );
    assert!(names(TemplateKind::Video, "").is_empty());
}

#[test]
fn a_template_renders_the_sender_and_contact_and_escapes_values() {
    let sender = user("u-ana", "Ana", "Lopez", Role::User);
    let emma = contact(Some("Emma <Watson>"));
    let ctx = TokenContext {
        sender: &sender,
        contact: Some(&emma),
        company_name: "Northwind",
    };
    let t = Template {
        subject: Some("For {{contact.first_name}} from {{company.name}}".into()),
        body_html: "<p>Hi {{contact.name}}, {{sender.full_name}} here.</p>".into(),
        ..item("tpl", TemplateKind::Template, "T")
    };
    let out = insertion(&t, &ctx);
    assert_eq!(out.subject.as_deref(), Some("For Emma from Northwind"));
    assert_eq!(out.html, "<p>Hi Emma &lt;Watson&gt;, Ana Lopez here.</p>");
}

#[test]
fn a_snippet_has_no_subject_and_a_missing_contact_renders_empty() {
    let sender = user("u-ana", "Ana", "Lopez", Role::User);
    let ctx = TokenContext {
        sender: &sender,
        contact: None,
        company_name: "Northwind",
    };
    let t = Template {
        subject: Some("ignored".into()),
        body_html: "<p>Hi {{contact.first_name}}!</p>".into(),
        ..item("s", TemplateKind::Snippet, "S")
    };
    let out = insertion(&t, &ctx);
    assert_eq!(out.subject, None);
    assert_eq!(out.html, "<p>Hi !</p>");
}

#[test]
fn links_insert_their_title_as_text() {
    let sender = user("u", "A", "B", Role::User);
    let ctx = TokenContext {
        sender: &sender,
        contact: None,
        company_name: "N",
    };
    let video = Template {
        url: Some("https://video.example/watch?v=1&t=2".into()),
        ..item("v", TemplateKind::Video, "Setting up <your> tent")
    };
    assert_eq!(
        insertion(&video, &ctx).html,
        "<a href=\"https://video.example/watch?v=1&amp;t=2\">Setting up &lt;your&gt; tent</a>"
    );
    let broken = Template {
        url: Some("javascript:x".into()),
        ..item("d", TemplateKind::Document, "Doc")
    };
    assert_eq!(insertion(&broken, &ctx).html, "Doc");
}

fn message(
    id: &str,
    direction: Direction,
    date: Millis,
    name: Option<&str>,
    text: &str,
) -> Message {
    let from = Mailbox {
        name: name.map(str::to_owned),
        address: EmailAddress::parse("emma@customer.example").unwrap(),
    };
    Message {
        subject: "S".into(),
        text_body: text.into(),
        ..common::message(id, "conv", direction, from, date)
    }
}

#[test]
fn quote_takes_the_latest_email_never_a_comment() {
    let messages = vec![
        message("m1", Direction::Incoming, 10, Some("Emma"), "first"),
        message("m2", Direction::Outgoing, 20, None, "second"),
        message("m3", Direction::Comment, 30, None, "internal"),
    ];
    assert_eq!(quoted_message(&messages).map(|m| m.id.as_str()), Some("m2"));
    assert_eq!(quoted_message(&messages[2..]), None);
}

#[test]
fn quote_attributes_and_escapes_the_message() {
    let m = message("m", Direction::Incoming, 0, None, "Line <1>\nLine 2\n");
    assert_eq!(quote_author(&m), "emma@customer.example");
    assert_eq!(
        quote_html("3 Nov 2026, 10:04", &quote_author(&m), &m.text_body),
        "<p>On 3 Nov 2026, 10:04, emma@customer.example wrote:</p>\
         <blockquote>Line &lt;1&gt;<br>Line 2</blockquote>"
    );
}

fn beat(
    tab: &str,
    user: &str,
    conv: Option<&str>,
    typed_at: Option<Millis>,
    kind: BeatKind,
) -> Beat {
    Beat {
        tab: tab.into(),
        user: user.into(),
        conversation: conv.map(ConversationId::from),
        typed_at,
        kind,
    }
}

#[test]
fn presence_shows_other_reps_on_this_conversation_only() {
    let conv = ConversationId::from("c1");
    let me = UserId::from("u-me");
    let mut roster = Roster::default();
    assert!(roster.receive(beat("t2", "u-ana", Some("c1"), None, BeatKind::Hello), 0));
    assert!(!roster.receive(beat("t3", "u-bo", Some("c2"), None, BeatKind::Here), 0));
    roster.receive(beat("t4", "u-me", Some("c1"), None, BeatKind::Here), 0);
    roster.receive(beat("t1", "u-cy", Some("c1"), None, BeatKind::Here), 0);
    let viewers = roster.viewers(&conv, "t1", Some(&me), 1_000);
    assert_eq!(
        viewers,
        vec![Viewer {
            user: "u-ana".into(),
            typing: false
        }],
        "not another conversation, not myself in another tab, not this tab"
    );
}

#[test]
fn presence_typing_lasts_four_seconds_and_tabs_expire_after_ten() {
    let conv = ConversationId::from("c1");
    let mut roster = Roster::default();
    roster.receive(
        beat("t2", "u-ana", Some("c1"), Some(1_000), BeatKind::Here),
        1_000,
    );
    let typing = |r: &Roster, now| r.viewers(&conv, "t1", None, now);
    assert!(typing(&roster, 4_999)[0].typing);
    assert!(!typing(&roster, 5_001)[0].typing);
    assert_eq!(typing(&roster, 11_000).len(), 1);
    assert!(
        typing(&roster, 11_001).is_empty(),
        "expired without a heartbeat"
    );
    roster.prune(11_001);
    assert_eq!(roster, Roster::default());
}

#[test]
fn presence_leave_removes_the_tab_and_two_tabs_of_one_rep_show_once() {
    let conv = ConversationId::from("c1");
    let mut roster = Roster::default();
    roster.receive(beat("t2", "u-ana", Some("c1"), None, BeatKind::Here), 0);
    roster.receive(beat("t3", "u-ana", Some("c1"), Some(0), BeatKind::Here), 0);
    let viewers = roster.viewers(&conv, "t1", None, 100);
    assert_eq!(viewers.len(), 1);
    assert!(viewers[0].typing, "typing in any tab of the rep");
    roster.receive(beat("t2", "u-ana", None, None, BeatKind::Leave), 200);
    roster.receive(beat("t3", "u-ana", None, None, BeatKind::Leave), 200);
    assert!(roster.viewers(&conv, "t1", None, 300).is_empty());
}

#[test]
fn presence_labels_name_the_rep_and_what_they_do() {
    assert_eq!(viewer_label("Ana Lopez", false), "Ana Lopez is viewing");
    assert_eq!(
        viewer_label("Ana Lopez", true),
        "Ana Lopez is typing a reply"
    );
}

#[test]
fn every_demo_item_passes_the_settings_rules_and_each_kind_has_some() {
    let data: WorkspaceData =
        serde_json::from_str(include_str!("../public/demo/workspace.json")).unwrap();
    for kind in TemplateKind::ALL {
        assert!(
            data.templates.iter().filter(|t| t.kind == kind).count() >= 2,
            "{kind:?}"
        );
    }
    for t in &data.templates {
        let saved = validate_template(
            t.kind,
            t.id.clone(),
            &TemplateForm::from_template(t),
            &data.templates,
        );
        assert_eq!(saved.as_ref(), Ok(t), "{}", t.id);
    }
}
