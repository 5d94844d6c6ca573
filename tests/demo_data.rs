//! The demo workspace shipped in `public/demo/workspace.json` (written by
//! `scripts/gen_demo.py`). It must deserialise into `WorkspaceData`, every reference in it must
//! resolve, and the facts that `public/demo/README.md`, the e2e tests and people rely on must
//! hold. These tests only read the file; they never regenerate or rewrite it.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;
use switchboard::domain::*;

/// The demo's "now": 2026-11-20T12:00:00Z. All demo activity happens before it.
const DEMO_NOW: Millis = 1_795_176_000_000;
const DAY: Millis = 86_400_000;
/// SPEC §5: a message over 100 KB is cut in the thread view.
const CUT_BYTES: u64 = 100 * 1024;
const SNIPPET_CHARS: usize = 120;

fn raw() -> &'static str {
    static RAW: OnceLock<String> = OnceLock::new();
    RAW.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/demo/workspace.json");
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
    })
}

fn demo() -> &'static WorkspaceData {
    static DATA: OnceLock<WorkspaceData> = OnceLock::new();
    DATA.get_or_init(|| serde_json::from_str(raw()).expect("demo workspace deserialises"))
}

fn user(id: &str) -> &'static User {
    demo()
        .users
        .iter()
        .find(|u| u.id.as_str() == id)
        .unwrap_or_else(|| panic!("no user {id}"))
}

fn inbox(id: &InboxId) -> &'static Inbox {
    demo()
        .inboxes
        .iter()
        .find(|i| &i.id == id)
        .expect("inbox exists")
}

fn channel(id: &ChannelId) -> &'static Channel {
    demo()
        .channels
        .iter()
        .find(|c| &c.id == id)
        .expect("channel exists")
}

fn contact(id: &ContactId) -> &'static Contact {
    demo()
        .contacts
        .iter()
        .find(|c| &c.id == id)
        .expect("contact exists")
}

fn conversation(id: &ConversationId) -> &'static Conversation {
    demo()
        .conversations
        .iter()
        .find(|c| &c.id == id)
        .expect("conversation exists")
}

fn messages_of(id: &ConversationId) -> Vec<&'static Message> {
    demo()
        .messages
        .iter()
        .filter(|m| m.conversation.as_ref() == Some(id))
        .collect()
}

/// The conversation id of a demo message (every demo message is in one: the demo has no CRM
/// email sent from a personal address; `messages_belong_to_existing_conversations`).
fn thread_of(m: &Message) -> &ConversationId {
    m.conversation
        .as_ref()
        .expect("a demo message is in a conversation")
}

/// SPEC §2: with specific access only the selected users and members of selected teams act.
fn can_act(user: &User, inbox: &Inbox) -> bool {
    match &inbox.access {
        InboxAccess::Everyone => true,
        InboxAccess::SpecificUsersAndTeams { users, teams } => {
            users.contains(&user.id) || teams.iter().any(|t| user.is_member_of(t))
        }
    }
}

/// The conversation list preview: whitespace collapsed, at most 120 characters, `…` when cut.
fn snippet(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= SNIPPET_CHARS {
        return flat;
    }
    let cut: String = flat.chars().take(SNIPPET_CHARS - 1).collect();
    format!("{}\u{2026}", cut.trim_end())
}

fn addr(value: &str) -> EmailAddress {
    EmailAddress::parse(value).expect("valid address in test table")
}

fn forwarded_messages() -> Vec<&'static Message> {
    demo()
        .messages
        .iter()
        .filter(|m| {
            m.direction == Direction::Incoming && m.subject.to_lowercase().starts_with("fwd:")
        })
        .collect()
}

/// The `From:` line of a Gmail-style forwarded block, as an address.
fn forwarded_original_sender(body: &str) -> Option<EmailAddress> {
    let block = body
        .split("---------- Forwarded message ---------")
        .nth(1)?;
    let line = block.lines().find(|l| l.starts_with("From:"))?;
    let inner = line.split('<').nth(1)?.split('>').next()?;
    EmailAddress::parse(inner).ok()
}

fn assert_unique<'a>(kind: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen = HashSet::new();
    for id in ids {
        assert!(seen.insert(id), "duplicate {kind} id {id}");
    }
}

// ------------------------------------------------------------------------------ file shape

#[test]
fn demo_file_deserialises_into_workspace_data() {
    let data = demo();
    assert!(!data.users.is_empty() && !data.messages.is_empty());
}

#[test]
fn demo_file_is_compact_json_under_400_kb() {
    assert!(raw().len() < 400 * 1024, "demo is {} bytes", raw().len());
    assert!(
        !raw().contains("\n ") && !raw().contains("\": "),
        "demo JSON is pretty-printed"
    );
}

// ------------------------------------------------------------------------------ workspace

#[test]
fn workspace_is_northwind_outfitters_on_professional() {
    let ws = &demo().workspace;
    assert_eq!(ws.company, "Northwind Outfitters");
    assert_eq!(ws.subdomain, "northwind");
    assert_eq!(ws.plan, Plan::Professional);
}

#[test]
fn team_default_reply_is_off_by_default() {
    assert!(demo().workspace.team_default_reply.is_empty());
}

#[test]
fn teams_are_support_billing_and_partnerships() {
    let names: Vec<(&str, &str)> = demo()
        .teams
        .iter()
        .map(|t| (t.id.as_str(), t.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("team-support", "Support"),
            ("team-billing", "Billing"),
            ("team-partnerships", "Partnerships")
        ]
    );
}

// ------------------------------------------------------------------------------ people

#[test]
fn at_least_eight_users() {
    assert!(demo().users.len() >= 8);
}

/// id, full name, role, seat, availability, primary team, additional teams.
type DemoPerson = (
    &'static str,
    &'static str,
    Role,
    Seat,
    Availability,
    Option<&'static str>,
    &'static [&'static str],
);

#[test]
fn demo_people_have_documented_roles_seats_availability_and_teams() {
    use Availability::*;
    use Role::*;
    use Seat::*;
    #[rustfmt::skip]
    let table: [DemoPerson; 8] = [
        ("u-maria", "Maria Popescu", SuperAdmin, Paid, Available, Some("team-support"), &[]),
        ("u-tomasz", "Tomasz Kowalski", Admin, Paid, Available, Some("team-billing"), &[]),
        ("u-giulia", "Giulia Rossi", User, Paid, Available, Some("team-support"),
         &["team-billing"]),
        ("u-daan", "Daan de Vries", User, Free, Available, Some("team-support"), &[]),
        ("u-ana", "Ana Ionescu", User, Paid, Away, Some("team-support"), &[]),
        ("u-piotr", "Piotr Nowak", User, Paid, Available, Some("team-billing"), &[]),
        ("u-sofia", "Sofia Bianchi", User, Paid, Available, Some("team-partnerships"), &[]),
        ("u-lars", "Lars Jansen", User, Paid, Available, None, &[]),
    ];
    for (id, name, role, seat, availability, primary, additional) in table {
        let u = user(id);
        assert_eq!(u.full_name(), name, "{id}");
        assert_eq!(u.role, role, "{id}");
        assert_eq!(u.seat, seat, "{id}");
        assert_eq!(u.availability, availability, "{id}");
        assert_eq!(u.primary_team.as_ref().map(TeamId::as_str), primary, "{id}");
        let extra: Vec<&str> = u.additional_teams.iter().map(TeamId::as_str).collect();
        assert_eq!(extra, additional, "{id}");
    }
}

#[test]
fn user_emails_are_first_dot_last_at_northwind() {
    for u in &demo().users {
        let expected = format!("{}.{}@northwind.example", u.first_name, u.last_name)
            .to_lowercase()
            .replace(' ', "");
        assert_eq!(u.email.as_str(), expected, "{}", u.id);
    }
}

#[test]
fn personal_signatures_use_the_sender_full_name_token() {
    for u in &demo().users {
        assert!(
            u.signature_html.contains("{{sender.full_name}}"),
            "{} has no token",
            u.id
        );
    }
}

#[test]
fn crm_default_from_is_the_users_own_address() {
    let with_crm: Vec<&User> = demo()
        .users
        .iter()
        .filter(|u| u.crm_default_from.is_some())
        .collect();
    assert!(with_crm.len() >= 2 && with_crm.len() < demo().users.len());
    for u in with_crm {
        assert_eq!(u.crm_default_from.as_ref(), Some(&u.email), "{}", u.id);
    }
}

// ------------------------------------------------------------------------------ references

#[test]
fn ids_are_unique_per_entity() {
    let d = demo();
    assert_unique("user", d.users.iter().map(|x| x.id.as_str()));
    assert_unique("team", d.teams.iter().map(|x| x.id.as_str()));
    assert_unique("contact", d.contacts.iter().map(|x| x.id.as_str()));
    assert_unique("inbox", d.inboxes.iter().map(|x| x.id.as_str()));
    assert_unique("channel", d.channels.iter().map(|x| x.id.as_str()));
    assert_unique(
        "conversation",
        d.conversations.iter().map(|x| x.id.as_str()),
    );
    assert_unique("message", d.messages.iter().map(|x| x.id.as_str()));
    assert_unique("ticket", d.tickets.iter().map(|x| x.id.as_str()));
    assert_unique("template", d.templates.iter().map(|x| x.id.as_str()));
    assert_unique("contact email", d.contacts.iter().map(|x| x.email.as_str()));
}

#[test]
fn users_teams_resolve() {
    let teams: HashSet<&TeamId> = demo().teams.iter().map(|t| &t.id).collect();
    for u in &demo().users {
        for t in u.teams() {
            assert!(teams.contains(t), "{} is in unknown team {t}", u.id);
        }
    }
}

#[test]
fn contact_owners_resolve() {
    let users: HashSet<&UserId> = demo().users.iter().map(|u| &u.id).collect();
    for c in &demo().contacts {
        if let Some(owner) = &c.owner {
            assert!(users.contains(owner), "{} owned by unknown {owner}", c.id);
        }
    }
}

#[test]
fn channels_belong_to_existing_inboxes() {
    for c in &demo().channels {
        assert!(demo().inboxes.iter().any(|i| i.id == c.inbox), "{}", c.id);
    }
}

#[test]
fn conversation_references_resolve() {
    let d = demo();
    let users: HashSet<&UserId> = d.users.iter().map(|u| &u.id).collect();
    let tickets: HashSet<&TicketId> = d.tickets.iter().map(|t| &t.id).collect();
    for c in &d.conversations {
        assert!(d.inboxes.iter().any(|i| i.id == c.inbox), "{} inbox", c.id);
        assert!(
            d.channels.iter().any(|ch| ch.id == c.channel),
            "{} channel",
            c.id
        );
        assert!(
            d.contacts.iter().any(|ct| ct.id == c.contact),
            "{} contact",
            c.id
        );
        if let Some(a) = &c.assignee {
            assert!(users.contains(a), "{} assignee {a}", c.id);
        }
        if let Some(t) = &c.ticket {
            assert!(tickets.contains(t), "{} ticket {t}", c.id);
        }
    }
}

#[test]
fn conversation_channel_belongs_to_its_inbox() {
    for c in &demo().conversations {
        assert_eq!(channel(&c.channel).inbox, c.inbox, "{}", c.id);
    }
}

#[test]
fn messages_belong_to_existing_conversations() {
    let convs: HashSet<&ConversationId> = demo().conversations.iter().map(|c| &c.id).collect();
    for m in &demo().messages {
        assert!(
            m.conversation.as_ref().is_some_and(|c| convs.contains(c)),
            "{} in {:?}",
            m.id,
            m.conversation
        );
        if let Some(author) = &m.author {
            user(author.as_str());
        }
    }
}

#[test]
fn ticket_conversations_and_owner_resolve() {
    for t in &demo().tickets {
        assert!(!t.conversations.is_empty(), "{} has no conversation", t.id);
        for c in &t.conversations {
            conversation(c);
        }
        if let Some(owner) = &t.owner {
            user(owner.as_str());
        }
    }
}

#[test]
fn ticket_conversation_links_are_two_way() {
    for t in &demo().tickets {
        for c in &t.conversations {
            assert_eq!(
                conversation(c).ticket.as_ref(),
                Some(&t.id),
                "{} → {c}",
                t.id
            );
        }
    }
    for c in &demo().conversations {
        if let Some(tid) = &c.ticket {
            let t = demo()
                .tickets
                .iter()
                .find(|t| &t.id == tid)
                .expect("ticket");
            assert!(t.conversations.contains(&c.id), "{} → {tid}", c.id);
        }
    }
}

#[test]
fn conversation_has_at_most_one_ticket() {
    let mut owner: HashMap<&ConversationId, &TicketId> = HashMap::new();
    for t in &demo().tickets {
        for c in &t.conversations {
            if let Some(other) = owner.insert(c, &t.id) {
                panic!("{c} is on tickets {other} and {}", t.id);
            }
        }
    }
}

// ------------------------------------------------------------------------------ inboxes

#[test]
fn every_inbox_has_exactly_one_fallback_channel() {
    for i in &demo().inboxes {
        let fallbacks = demo()
            .channels
            .iter()
            .filter(|c| c.inbox == i.id && c.kind == ChannelKind::Fallback)
            .count();
        assert_eq!(fallbacks, 1, "{}", i.id);
    }
}

#[test]
fn fallback_channel_mirrors_the_resolved_fallback_address() {
    for c in demo()
        .channels
        .iter()
        .filter(|c| c.kind == ChannelKind::Fallback)
    {
        let fallback = &inbox(&c.inbox).fallback;
        let (address, usable) = fallback
            .sending_address(&demo().workspace)
            .expect("fallback address resolves");
        assert_eq!(c.address, address, "{}", c.id);
        assert!(usable, "{}", c.id);
        assert_eq!(c.display_name, fallback.company_name, "{}", c.id);
    }
}

#[test]
fn support_inbox_is_open_to_everyone_and_billing_to_the_billing_team() {
    let support = inbox(&"inbox-support".into());
    assert_eq!(support.name, "Support");
    assert_eq!(support.access, InboxAccess::Everyone);
    let billing = inbox(&"inbox-billing".into());
    assert_eq!(billing.name, "Billing");
    assert_eq!(
        billing.access,
        InboxAccess::SpecificUsersAndTeams {
            users: vec![],
            teams: vec!["team-billing".into()]
        }
    );
    // Who may act in Billing: the Billing team only; Maria (super admin) views but cannot act.
    let table = [
        ("u-maria", false),
        ("u-tomasz", true),
        ("u-giulia", true),
        ("u-daan", false),
        ("u-ana", false),
        ("u-piotr", true),
        ("u-sofia", false),
        ("u-lars", false),
    ];
    for (id, acts) in table {
        assert_eq!(can_act(user(id), billing), acts, "{id}");
        assert!(can_act(user(id), support), "{id}");
    }
}

#[test]
fn fallback_settings_match_the_documented_configuration() {
    #[rustfmt::skip]
    let table = [
        ("inbox-support", true, FromNameMode::AgentAndCompany, "Northwind Support", "support",
         true),
        ("inbox-billing", false, FromNameMode::CompanyName, "Northwind Billing", "billing",
         false),
    ];
    for (id, sending, mode, company, username, signature) in table {
        let f = &inbox(&id.into()).fallback;
        assert_eq!(f.use_for_sending, sending, "{id}");
        assert_eq!(f.from_name_mode, mode, "{id}");
        assert_eq!(f.company_name, company, "{id}");
        assert_eq!(f.username, username, "{id}");
        assert_eq!(f.from_address, FallbackFromAddress::UseDefault, "{id}");
        assert_eq!(f.signature_enabled, signature, "{id}");
        assert!(f.original_sender_of_forwards, "{id}");
        if signature {
            assert!(
                f.signature_html.contains("{{sender."),
                "{id} signature has no token"
            );
        }
    }
    let maria = user("u-maria");
    assert_eq!(
        inbox(&"inbox-support".into())
            .fallback
            .from_name(Some(maria)),
        "Maria Popescu from Northwind Support"
    );
    assert_eq!(
        inbox(&"inbox-billing".into())
            .fallback
            .from_name(Some(maria)),
        "Northwind Billing"
    );
}

#[test]
fn automation_is_off_for_every_inbox() {
    for i in &demo().inboxes {
        assert_eq!(i.automation.auto_assign, None, "{}", i.id);
        assert_eq!(i.automation.auto_ticket, None, "{}", i.id);
    }
}

#[test]
fn channels_match_the_documented_addresses() {
    use ChannelKind::*;
    #[rustfmt::skip]
    let table = [
        ("ch-support-fallback", "inbox-support", Fallback, "support@northwind.inbox.example",
         "Northwind Support", true),
        ("ch-billing-fallback", "inbox-billing", Fallback, "billing@northwind.inbox.example",
         "Northwind Billing", true),
        ("ch-support-email", "inbox-support", TeamEmail, "support@northwind.example",
         "Northwind Support", true),
        ("ch-billing-email", "inbox-billing", TeamEmail, "billing@northwind.example",
         "Northwind Billing", true),
        ("ch-partners-email", "inbox-support", TeamEmail, "partners@northwind.example",
         "Northwind Partners", false),
    ];
    assert_eq!(demo().channels.len(), table.len());
    for (id, inbox_id, kind, address, display, enabled) in table {
        let c = channel(&id.into());
        assert_eq!(c.inbox.as_str(), inbox_id, "{id}");
        assert_eq!(c.kind, kind, "{id}");
        assert_eq!(c.address, addr(address), "{id}");
        assert_eq!(c.display_name, display, "{id}");
        assert_eq!(c.enabled, enabled, "{id}");
        assert!(c.verified, "{id}");
    }
}

// ------------------------------------------------------------------------------ contacts

#[test]
fn at_least_40_contacts_with_about_a_third_owned() {
    let contacts = &demo().contacts;
    assert!(contacts.len() >= 40, "{} contacts", contacts.len());
    let owned = contacts.iter().filter(|c| c.owner.is_some()).count();
    let share = owned as f64 / contacts.len() as f64;
    assert!(
        (0.25..=0.45).contains(&share),
        "{owned} of {} owned",
        contacts.len()
    );
    let owners: HashSet<&UserId> = contacts.iter().filter_map(|c| c.owner.as_ref()).collect();
    assert!(owners.len() >= 5, "only {} distinct owners", owners.len());
}

#[test]
fn away_and_free_seat_users_own_contacts() {
    for id in ["u-ana", "u-daan"] {
        let owned = demo()
            .contacts
            .iter()
            .filter(|c| c.owner.as_ref().map(UserId::as_str) == Some(id))
            .count();
        assert!(owned >= 2, "{id} owns {owned}");
    }
}

#[test]
fn contact_names_include_romanian_polish_italian_and_dutch_diacritics() {
    let names: Vec<&str> = demo()
        .contacts
        .iter()
        .filter_map(|c| c.name.as_deref())
        .collect();
    let table = [
        ("Romanian", 'ă'),
        ("Romanian", 'ș'),
        ("Romanian", 'ț'),
        ("Polish", 'ł'),
        ("Polish", 'ń'),
        ("Polish", 'ś'),
        ("Italian", 'ò'),
        ("Italian", 'è'),
        ("Dutch", 'ë'),
    ];
    for (language, letter) in table {
        let has = |n: &&str| n.to_lowercase().contains(letter);
        assert!(names.iter().any(has), "no {language} name with {letter}");
    }
    assert!(
        demo().contacts.iter().any(|c| c.name.is_none()),
        "a contact without a name shows its address"
    );
}

#[test]
fn contacts_are_created_before_demo_now() {
    for c in &demo().contacts {
        assert!(c.created_at > 0 && c.created_at < DEMO_NOW, "{}", c.id);
        if let Some(first) = demo()
            .conversations
            .iter()
            .filter(|conv| conv.contact == c.id)
            .map(|conv| conv.created_at)
            .min()
        {
            assert!(
                c.created_at < first,
                "{} created after its first conversation",
                c.id
            );
        }
    }
}

// ------------------------------------------------------------------------------ conversations

#[test]
fn at_least_60_conversations_in_the_30_days_before_demo_now() {
    let convs = &demo().conversations;
    assert!(convs.len() >= 60, "{} conversations", convs.len());
    for c in convs {
        assert!(c.created_at >= DEMO_NOW - 30 * DAY, "{} too old", c.id);
        assert!(c.last_activity <= DEMO_NOW, "{} in the future", c.id);
        assert!(c.created_at <= c.last_activity, "{}", c.id);
    }
}

#[test]
fn every_conversation_has_one_to_six_messages() {
    for c in &demo().conversations {
        let n = messages_of(&c.id).len();
        assert!((1..=6).contains(&n), "{} has {n} messages", c.id);
    }
}

#[test]
fn conversation_counters_agree_with_messages() {
    for c in &demo().conversations {
        let msgs = messages_of(&c.id);
        assert_eq!(
            c.message_count as usize,
            msgs.len(),
            "{} message_count",
            c.id
        );
        let first = msgs.iter().min_by_key(|m| m.date).expect("a message");
        let newest = msgs.iter().max_by_key(|m| m.date).expect("a message");
        assert_eq!(c.created_at, first.date, "{} created_at", c.id);
        assert_eq!(c.last_activity, newest.date, "{} last_activity", c.id);
        assert_eq!(c.snippet, snippet(&newest.text_body), "{} snippet", c.id);
    }
}

#[test]
fn messages_are_dated_in_thread_order_before_demo_now() {
    for c in &demo().conversations {
        let dates: Vec<Millis> = messages_of(&c.id).iter().map(|m| m.date).collect();
        assert!(
            dates.windows(2).all(|w| w[0] < w[1]),
            "{} out of order",
            c.id
        );
        assert!(dates.iter().all(|d| *d < DEMO_NOW), "{}", c.id);
    }
}

#[test]
fn statuses_mix_open_and_closed() {
    let live = demo()
        .conversations
        .iter()
        .filter(|c| c.trashed_at.is_none());
    let (open, closed): (Vec<_>, Vec<_>) = live.partition(|c| c.status == ConversationStatus::Open);
    assert!(
        open.len() >= 15 && closed.len() >= 15,
        "{} open, {} closed",
        open.len(),
        closed.len()
    );
}

#[test]
fn many_conversations_are_unassigned_and_every_user_has_some() {
    let convs = &demo().conversations;
    let unassigned = convs.iter().filter(|c| c.assignee.is_none()).count();
    assert!(
        unassigned * 4 >= convs.len(),
        "only {unassigned} unassigned"
    );
    for u in &demo().users {
        let mine = convs
            .iter()
            .filter(|c| c.assignee.as_ref() == Some(&u.id))
            .count();
        assert!(mine >= 1, "{} has no assigned conversation", u.id);
    }
}

#[test]
fn billing_inbox_has_conversations() {
    let n = demo()
        .conversations
        .iter()
        .filter(|c| c.inbox.as_str() == "inbox-billing")
        .count();
    assert!(n >= 3, "{n} billing conversations");
}

#[test]
fn only_inbox_members_are_assigned_or_write() {
    for c in &demo().conversations {
        let ib = inbox(&c.inbox);
        if let Some(a) = &c.assignee {
            assert!(
                can_act(user(a.as_str()), ib),
                "{a} assigned to {} in {}",
                c.id,
                ib.id
            );
        }
        for m in messages_of(&c.id) {
            if let Some(a) = &m.author {
                assert!(
                    can_act(user(a.as_str()), ib),
                    "{a} wrote {} in {}",
                    m.id,
                    ib.id
                );
            }
        }
    }
}

#[test]
fn team_email_channel_threads_exist_besides_fallback_threads() {
    let on = |id: &str| {
        demo()
            .conversations
            .iter()
            .filter(|c| c.channel.as_str() == id)
            .count()
    };
    assert!(on("ch-support-email") >= 2, "support team email threads");
    assert!(on("ch-support-fallback") >= 30, "support fallback threads");
    assert!(on("ch-billing-email") >= 2, "billing team email threads");
}

#[test]
fn two_or_three_conversations_are_trashed_without_tickets() {
    let trashed: Vec<&Conversation> = demo()
        .conversations
        .iter()
        .filter(|c| c.trashed_at.is_some())
        .collect();
    assert!(
        (2..=3).contains(&trashed.len()),
        "{} trashed",
        trashed.len()
    );
    for c in trashed {
        assert_eq!(c.ticket, None, "{}: trashing deletes the ticket", c.id);
        let at = c.trashed_at.expect("trashed");
        assert!(c.last_activity <= at && at < DEMO_NOW, "{}", c.id);
    }
}

#[test]
fn no_conversation_lives_on_a_disabled_channel() {
    for c in &demo().conversations {
        assert!(
            channel(&c.channel).enabled,
            "{} on a disabled channel",
            c.id
        );
    }
}

// ------------------------------------------------------------------------------ messages

#[test]
fn outgoing_mail_is_sent_from_the_conversation_channel_address() {
    let mut count = 0;
    for m in demo()
        .messages
        .iter()
        .filter(|m| m.direction == Direction::Outgoing)
    {
        count += 1;
        let c = conversation(thread_of(m));
        let ch = channel(&c.channel);
        assert_eq!(m.from.address, ch.address, "{}", m.id);
        let author = m
            .author
            .as_ref()
            .unwrap_or_else(|| panic!("{} has no author", m.id));
        let expected_name = match ch.kind {
            ChannelKind::Fallback => inbox(&c.inbox)
                .fallback
                .from_name(Some(user(author.as_str()))),
            ChannelKind::TeamEmail => ch.display_name.clone(),
        };
        assert_eq!(
            m.from.name.as_deref(),
            Some(expected_name.as_str()),
            "{}",
            m.id
        );
        let to = contact(&c.contact);
        assert!(
            m.to.iter().any(|b| b.address == to.email),
            "{} not to the contact",
            m.id
        );
    }
    assert!(count >= 40, "{count} outgoing messages");
}

#[test]
fn no_mail_is_sent_from_a_fallback_that_is_not_used_for_sending() {
    for m in demo()
        .messages
        .iter()
        .filter(|m| m.direction == Direction::Outgoing)
    {
        let c = conversation(thread_of(m));
        let ch = channel(&c.channel);
        if ch.kind == ChannelKind::Fallback {
            assert!(
                inbox(&c.inbox).fallback.use_for_sending,
                "{} from {}",
                m.id,
                ch.id
            );
        }
    }
}

#[test]
fn comments_are_authored_internal_notes_without_recipients() {
    let comments: Vec<&Message> = demo()
        .messages
        .iter()
        .filter(|m| m.direction == Direction::Comment)
        .collect();
    assert!(comments.len() >= 10, "{} comments", comments.len());
    for m in comments {
        let author = user(m.author.as_ref().expect("comment author").as_str());
        assert_eq!(m.from.address, author.email, "{}", m.id);
        assert!(
            m.to.is_empty() && m.cc.is_empty() && m.bcc.is_empty(),
            "{}",
            m.id
        );
        assert_eq!(m.message_id, None, "{}: a comment is not mail", m.id);
    }
}

#[test]
fn incoming_mail_comes_from_the_contact_to_the_channel_address() {
    for m in demo()
        .messages
        .iter()
        .filter(|m| m.direction == Direction::Incoming)
    {
        let c = conversation(thread_of(m));
        assert!(
            m.to.iter()
                .any(|b| b.address == channel(&c.channel).address),
            "{}",
            m.id
        );
        assert_eq!(m.author, None, "{}", m.id);
        if m.subject.to_lowercase().starts_with("fwd:") {
            continue; // logged on the original sender; checked by the forward test
        }
        assert_eq!(m.from.address, contact(&c.contact).email, "{}", m.id);
    }
}

#[test]
fn message_ids_are_unique_and_stored_without_angle_brackets() {
    let mut seen = HashSet::new();
    for m in &demo().messages {
        let Some(id) = &m.message_id else {
            assert_eq!(
                m.direction,
                Direction::Comment,
                "{} mail without Message-ID",
                m.id
            );
            continue;
        };
        assert!(!id.contains(['<', '>', ' ']), "{} Message-ID {id}", m.id);
        assert!(id.contains('@'), "{} Message-ID {id}", m.id);
        assert!(seen.insert(id.as_str()), "{} repeats Message-ID {id}", m.id);
    }
}

#[test]
fn replies_chain_in_reply_to_and_references() {
    for c in &demo().conversations {
        let mut earlier: Vec<&str> = Vec::new();
        for m in messages_of(&c.id) {
            let Some(id) = &m.message_id else {
                assert_eq!(m.in_reply_to, None, "{}", m.id);
                assert!(m.references.is_empty(), "{}", m.id);
                continue;
            };
            assert_eq!(
                m.in_reply_to.as_deref(),
                earlier.last().copied(),
                "{}",
                m.id
            );
            let refs: Vec<&str> = m.references.iter().map(String::as_str).collect();
            assert_eq!(refs, earlier, "{} references", m.id);
            if !earlier.is_empty() {
                assert!(m.subject.starts_with("Re: "), "{} reply subject", m.id);
            }
            earlier.push(id);
        }
    }
}

#[test]
fn html_body_with_a_remote_image_exists() {
    let hit = demo().messages.iter().find(|m| {
        m.html_body
            .as_deref()
            .is_some_and(|h| h.contains("<img src=\"https://tracker.example/p.gif\""))
    });
    let m = hit.expect("a message with a remote tracking image");
    assert!(!m.text_body.contains("tracker.example"), "{}", m.id);
}

#[test]
fn html_body_with_a_script_exists() {
    let hit = demo().messages.iter().find(|m| {
        m.html_body
            .as_deref()
            .is_some_and(|h| h.contains("<script>"))
    });
    let m = hit.expect("a message with a script for the sanitiser");
    assert!(!m.text_body.contains("document.cookie"), "{}", m.id);
    assert!(
        m.html_body
            .as_deref()
            .is_some_and(|h| h.contains("onclick=")),
        "{}",
        m.id
    );
}

#[test]
fn exactly_one_message_is_over_100_kb_and_its_text_is_too() {
    let big: Vec<&Message> = demo()
        .messages
        .iter()
        .filter(|m| m.size > CUT_BYTES)
        .collect();
    assert_eq!(big.len(), 1, "messages over 100 KB: {}", big.len());
    let m = big[0];
    assert!(
        m.text_body.len() as u64 > CUT_BYTES,
        "{} text is short",
        m.id
    );
    assert_eq!(m.direction, Direction::Incoming);
    assert!(conversation(thread_of(m)).trashed_at.is_none());
}

#[test]
fn message_size_covers_its_bodies() {
    for m in &demo().messages {
        let bodies = m.text_body.len() + m.html_body.as_deref().map_or(0, str::len);
        let files: u64 = m.attachments.iter().map(|a| a.size).sum();
        assert!(m.size >= bodies as u64 + files, "{} size {}", m.id, m.size);
    }
}

#[test]
fn forwarded_message_names_the_original_sender_who_owns_the_conversation() {
    let fwds = forwarded_messages();
    assert_eq!(fwds.len(), 1, "forwarded messages");
    let m = fwds[0];
    assert!(m.subject.starts_with("Fwd:"));
    assert_eq!(m.direction, Direction::Incoming);
    let original = forwarded_original_sender(&m.text_body).expect("Forwarded message block");
    let c = conversation(thread_of(m));
    // SPEC §3 "Choose original sender of email forwards" is on: logged on the original sender.
    assert!(inbox(&c.inbox).fallback.original_sender_of_forwards);
    assert_eq!(contact(&c.contact).email, original);
    assert_ne!(m.from.address, original, "the forwarder is someone else");
    assert!(
        demo().contacts.iter().any(|ct| ct.email == m.from.address),
        "the forwarder is a contact too"
    );
}

// ------------------------------------------------------------------------------ tickets

#[test]
fn at_least_four_tickets_in_support_pipeline_covering_every_status() {
    let tickets = &demo().tickets;
    assert!(tickets.len() >= 4);
    for status in [
        TicketStatus::New,
        TicketStatus::WaitingOnContact,
        TicketStatus::WaitingOnUs,
        TicketStatus::Closed,
    ] {
        assert!(
            tickets.iter().any(|t| t.status == status),
            "no {status:?} ticket"
        );
    }
    for t in tickets {
        assert_eq!(t.pipeline, "Support Pipeline", "{}", t.id);
        assert_eq!(t.trashed_at, None, "{}", t.id);
    }
    let priorities: HashSet<Priority> = tickets.iter().map(|t| t.priority).collect();
    assert!(priorities.len() >= 3, "priorities {priorities:?}");
}

#[test]
fn one_ticket_has_two_conversations() {
    let multi: Vec<&Ticket> = demo()
        .tickets
        .iter()
        .filter(|t| t.conversations.len() == 2)
        .collect();
    assert_eq!(multi.len(), 1);
    let contacts: HashSet<&ContactId> = multi[0]
        .conversations
        .iter()
        .map(|c| &conversation(c).contact)
        .collect();
    assert_eq!(contacts.len(), 1, "both threads are from the same customer");
}

#[test]
fn ticketed_conversations_are_in_the_help_desk_others_in_the_inbox() {
    // SPEC §6 on Professional: a ticketed conversation is worked in the help desk.
    for c in &demo().conversations {
        let expected = if c.ticket.is_some() {
            Area::HelpDesk
        } else {
            Area::Inbox
        };
        assert_eq!(c.area, expected, "{}", c.id);
    }
}

#[test]
fn closed_ticket_closes_its_conversations() {
    for t in demo()
        .tickets
        .iter()
        .filter(|t| t.status == TicketStatus::Closed)
    {
        for c in &t.conversations {
            assert_eq!(conversation(c).status, ConversationStatus::Closed, "{c}");
        }
    }
}

#[test]
fn ticket_owner_is_the_conversation_owner() {
    for t in &demo().tickets {
        for c in &t.conversations {
            assert_eq!(t.owner, conversation(c).assignee, "{} vs {c}", t.id);
        }
    }
}

#[test]
fn tickets_are_created_after_their_first_conversation() {
    for t in &demo().tickets {
        let first = t
            .conversations
            .iter()
            .map(|c| conversation(c).created_at)
            .min()
            .expect("a conversation");
        assert!(first <= t.created_at && t.created_at < DEMO_NOW, "{}", t.id);
    }
}

// ------------------------------------------------------------------------------ templates

#[test]
fn templates_and_snippets_use_contact_and_sender_tokens() {
    let templates = &demo().templates;
    assert!(templates.len() >= 6);
    for kind in [TemplateKind::Template, TemplateKind::Snippet] {
        assert!(
            templates.iter().filter(|t| t.kind == kind).count() >= 2,
            "{kind:?}"
        );
    }
    for token in ["{{contact.first_name}}", "{{sender.first_name}}"] {
        assert!(
            templates.iter().any(|t| t.body_html.contains(token)),
            "{token}"
        );
    }
    for t in templates {
        assert_eq!(
            t.kind == TemplateKind::Template,
            t.subject.is_some(),
            "{}",
            t.id
        );
    }
}

// ------------------------------------------------------------------------------ README

#[test]
fn readme_names_the_special_conversations_by_their_ids() {
    let readme_path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/demo/README.md");
    let readme = std::fs::read_to_string(readme_path).expect("public/demo/README.md");
    let conv_of = |pred: &dyn Fn(&Message) -> bool| -> &'static str {
        let m = demo()
            .messages
            .iter()
            .find(|m| pred(m))
            .expect("special message");
        thread_of(m).as_str()
    };
    let html_has =
        |m: &Message, needle: &str| m.html_body.as_deref().is_some_and(|h| h.contains(needle));
    let table = [
        ("message over 100 KB", conv_of(&|m| m.size > CUT_BYTES)),
        ("forward", thread_of(forwarded_messages()[0]).as_str()),
        ("remote image", conv_of(&|m| html_has(m, "tracker.example"))),
        ("script", conv_of(&|m| html_has(m, "<script>"))),
    ];
    for (fact, id) in table {
        assert!(
            readme.contains(&format!("`{id}`")),
            "README lacks {id} ({fact})"
        );
    }
    for t in &demo().tickets {
        assert!(
            readme.contains(&format!("`{}`", t.id)),
            "README lacks {}",
            t.id
        );
        for c in &t.conversations {
            assert!(
                readme.contains(&format!("`{c}`")),
                "README lacks {c} of {}",
                t.id
            );
        }
    }
}
