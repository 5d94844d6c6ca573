//! SPEC §2 access and §4 "the From promise", one test per rule and exception, on a small
//! fixed workspace (Acme, Professional plan).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use switchboard::domain::access::Resource;
use switchboard::domain::access::{can, inbox_role, Action, Decision, DenyReason, InboxRole};
use switchboard::domain::from::*;
use switchboard::domain::helpdesk::*;
use switchboard::domain::*;

fn addr(s: &str) -> EmailAddress {
    EmailAddress::parse(s).unwrap()
}

#[derive(Clone)]
struct World {
    workspace: Workspace,
    teams: Vec<Team>,
    inboxes: Vec<Inbox>,
    channels: Vec<Channel>,
    users: Vec<User>,
}

fn fallback(username: &str, use_for_sending: bool) -> FallbackEmail {
    FallbackEmail {
        use_for_sending,
        from_name_mode: FromNameMode::AgentAndCompany,
        company_name: "Acme".into(),
        username: username.into(),
        from_address: FallbackFromAddress::UseDefault,
        signature_enabled: false,
        signature_html: String::new(),
        original_sender_of_forwards: true,
    }
}

fn inbox(id: &str, name: &str, access: InboxAccess, fb: FallbackEmail) -> Inbox {
    Inbox {
        id: id.into(),
        name: name.into(),
        access,
        fallback: fb,
        automation: Automation {
            auto_assign: None,
            auto_ticket: None,
            round_robin_next: 0,
        },
    }
}

fn channel(id: &str, inbox: &str, kind: ChannelKind, address: &str, name: &str) -> Channel {
    Channel {
        id: id.into(),
        inbox: inbox.into(),
        kind,
        address: addr(address),
        display_name: name.into(),
        enabled: true,
        verified: true,
    }
}

fn user(id: &str, role: Role, seat: Seat, primary: Option<&str>, additional: &[&str]) -> User {
    User {
        id: id.into(),
        first_name: id.to_uppercase(),
        last_name: "Doe".into(),
        email: addr(&format!("{id}@acme.example")),
        seat,
        availability: Availability::Available,
        role,
        primary_team: primary.map(TeamId::from),
        additional_teams: additional.iter().map(|t| TeamId::from(*t)).collect(),
        signature_html: String::new(),
        crm_default_from: None,
    }
}

/// Acme: "Inbox" open to everyone (fallback sends, support@ and sales@ connected); "VIP"
/// restricted to vic and the Billing team (fallback does not send, vip@ connected).
/// Support's default is support@, Billing's default is vip@; Sales has none.
fn world() -> World {
    let workspace = Workspace {
        company: "Acme".into(),
        subdomain: "acme".into(),
        plan: Plan::Professional,
        team_default_reply: BTreeMap::from([
            (TeamId::from("support"), ChannelId::from("ch-support")),
            (TeamId::from("billing"), ChannelId::from("ch-vip")),
        ]),
    };
    let teams = vec![
        Team {
            id: "support".into(),
            name: "Support".into(),
        },
        Team {
            id: "sales".into(),
            name: "Sales".into(),
        },
        Team {
            id: "billing".into(),
            name: "Billing".into(),
        },
    ];
    let vip_access = InboxAccess::SpecificUsersAndTeams {
        users: vec!["vic".into()],
        teams: vec!["billing".into()],
    };
    let inboxes = vec![
        inbox(
            "in-main",
            "Inbox",
            InboxAccess::Everyone,
            fallback("hello", true),
        ),
        inbox("in-vip", "VIP", vip_access, fallback("vip", false)),
    ];
    use ChannelKind::*;
    let channels = vec![
        channel(
            "ch-fb-main",
            "in-main",
            Fallback,
            "hello@acme.inbox.example",
            "",
        ),
        channel(
            "ch-support",
            "in-main",
            TeamEmail,
            "support@acme.example",
            "Acme Support",
        ),
        channel(
            "ch-sales",
            "in-main",
            TeamEmail,
            "sales@acme.example",
            "Acme Sales",
        ),
        channel(
            "ch-fb-vip",
            "in-vip",
            Fallback,
            "vip@acme.inbox.example",
            "",
        ),
        channel(
            "ch-vip",
            "in-vip",
            TeamEmail,
            "vip@acme.example",
            "Acme VIP",
        ),
    ];
    let users = vec![
        // Primary Support, additional Billing (so a VIP member through an additional team).
        user("ana", Role::User, Seat::Paid, Some("support"), &["billing"]),
        // Primary Sales (no default), additional Support (which has one).
        user("bo", Role::User, Seat::Paid, Some("sales"), &["support"]),
        user("nil", Role::User, Seat::Paid, None, &["support"]),
        user("ada", Role::Admin, Seat::Paid, None, &[]),
        user("sam", Role::SuperAdmin, Seat::Paid, None, &[]),
        user("fred", Role::User, Seat::Free, Some("support"), &[]),
        user("vic", Role::User, Seat::Paid, None, &[]),
        user("bill", Role::User, Seat::Paid, Some("billing"), &[]),
        user("nora", Role::User, Seat::Paid, Some("sales"), &[]),
    ];
    World {
        workspace,
        teams,
        inboxes,
        channels,
        users,
    }
}

impl World {
    fn user(&self, id: &str) -> &User {
        self.users.iter().find(|u| u.id.as_str() == id).unwrap()
    }
    fn inbox(&self, id: &str) -> &Inbox {
        self.inboxes.iter().find(|i| i.id.as_str() == id).unwrap()
    }
    fn channel_mut(&mut self, id: &str) -> &mut Channel {
        self.channels
            .iter_mut()
            .find(|c| c.id.as_str() == id)
            .unwrap()
    }
    fn ctx<'a>(
        &'a self,
        user: &str,
        composer: &'a ComposerKind,
        conversation: Option<&'a Conversation>,
    ) -> FromContext<'a> {
        FromContext {
            workspace: &self.workspace,
            user: self.user(user),
            inboxes: &self.inboxes,
            channels: &self.channels,
            composer,
            conversation,
        }
    }
    fn resolve(
        &self,
        user: &str,
        composer: &ComposerKind,
        conversation: Option<&Conversation>,
        draft: &DraftFrom,
    ) -> Result<ResolvedFrom, FromError> {
        resolve_from(&self.ctx(user, composer, conversation), draft)
    }
}

fn conversation(inbox: &str, channel: &str, assignee: Option<&str>) -> Conversation {
    Conversation {
        id: "c-1".into(),
        inbox: inbox.into(),
        area: Area::HelpDesk,
        channel: channel.into(),
        contact: "k-1".into(),
        subject: "Help".into(),
        status: ConversationStatus::Open,
        assignee: assignee.map(UserId::from),
        ticket: None,
        created_at: 0,
        last_activity: 0,
        snippet: String::new(),
        message_count: 1,
        trashed_at: None,
    }
}

fn deliberate(channel: &str) -> DraftFrom {
    DraftFrom::Deliberate(FromChoice::Channel(channel.into()))
}

fn labelled(name: &str, address: &str) -> Mailbox {
    Mailbox {
        name: Some(name.into()),
        address: addr(address),
    }
}

const THREAD_ACTIONS: [Action; 7] = [
    Action::Reply,
    Action::Assign,
    Action::Close,
    Action::Comment,
    Action::Move,
    Action::Trash,
    Action::Forward,
];

// ---------------------------------------------------------------- §2 access

#[test]
fn inbox_roles_follow_who_has_inbox_access() {
    let w = world();
    let cases = [
        // (user, inbox, expected role, why)
        (
            "nora",
            "in-main",
            InboxRole::Member,
            "everyone inbox: every user",
        ),
        (
            "fred",
            "in-main",
            InboxRole::Member,
            "everyone inbox: free seat too",
        ),
        ("vic", "in-vip", InboxRole::Member, "listed user"),
        (
            "bill",
            "in-vip",
            InboxRole::Member,
            "listed team via primary team",
        ),
        (
            "ana",
            "in-vip",
            InboxRole::Member,
            "listed team via additional team",
        ),
        ("ada", "in-vip", InboxRole::ViewOnly, "admin not selected"),
        (
            "sam",
            "in-vip",
            InboxRole::ViewOnly,
            "super admin not selected",
        ),
        ("nora", "in-vip", InboxRole::NoAccess, "user not selected"),
    ];
    for (u, i, expected, why) in cases {
        assert_eq!(inbox_role(w.user(u), w.inbox(i)), expected, "{why}");
    }
}

#[test]
fn everyone_access_lets_all_users_view_and_act() {
    let w = world();
    let inbox = w.inbox("in-main");
    let conv = conversation("in-main", "ch-support", None);
    let thread = Resource::Conversation {
        inbox,
        conversation: &conv,
    };
    for u in ["nora", "ana", "ada", "vic"] {
        let actor = w.user(u);
        assert!(can(
            actor,
            Action::ViewInbox,
            &Resource::Inbox(inbox),
            &w.workspace
        )
        .is_allowed());
        assert!(can(
            actor,
            Action::Compose,
            &Resource::Inbox(inbox),
            &w.workspace
        )
        .is_allowed());
        for action in [Action::ViewThread].iter().chain(THREAD_ACTIONS.iter()) {
            assert!(
                can(actor, *action, &thread, &w.workspace).is_allowed(),
                "{u} {action:?}"
            );
        }
    }
}

#[test]
fn specific_access_members_view_and_act_via_user_or_any_team() {
    let w = world();
    let inbox = w.inbox("in-vip");
    let conv = conversation("in-vip", "ch-vip", None);
    let thread = Resource::Conversation {
        inbox,
        conversation: &conv,
    };
    for u in ["vic", "bill", "ana"] {
        for action in [Action::ViewThread].iter().chain(THREAD_ACTIONS.iter()) {
            assert_eq!(
                can(w.user(u), *action, &thread, &w.workspace),
                Decision::Allowed,
                "{u} {action:?}"
            );
        }
    }
}

#[test]
fn admins_who_are_not_members_view_every_thread_but_take_no_action() {
    let w = world();
    let inbox = w.inbox("in-vip");
    let conv = conversation("in-vip", "ch-vip", None);
    let thread = Resource::Conversation {
        inbox,
        conversation: &conv,
    };
    for u in ["ada", "sam"] {
        let actor = w.user(u);
        assert!(can(
            actor,
            Action::ViewInbox,
            &Resource::Inbox(inbox),
            &w.workspace
        )
        .is_allowed());
        assert!(can(actor, Action::ViewThread, &thread, &w.workspace).is_allowed());
        for action in THREAD_ACTIONS {
            let decision = can(actor, action, &thread, &w.workspace);
            assert_eq!(
                decision.message().as_deref(),
                Some(
                    "You can view this inbox but not act in it: only its selected members can \
                     reply, assign, close, comment or move."
                ),
                "{u} {action:?}"
            );
        }
        let compose = can(
            actor,
            Action::Compose,
            &Resource::Inbox(inbox),
            &w.workspace,
        );
        assert!(matches!(
            compose,
            Decision::Denied(DenyReason::ViewOnly { .. })
        ));
    }
}

#[test]
fn non_members_do_not_see_a_specific_access_inbox() {
    let w = world();
    let inbox = w.inbox("in-vip");
    let conv = conversation("in-vip", "ch-vip", None);
    let thread = Resource::Conversation {
        inbox,
        conversation: &conv,
    };
    let nora = w.user("nora");
    let view = can(
        nora,
        Action::ViewInbox,
        &Resource::Inbox(inbox),
        &w.workspace,
    );
    assert_eq!(
        view,
        Decision::Denied(DenyReason::NoInboxAccess {
            inbox: "VIP".into()
        })
    );
    assert!(view.message().unwrap().contains("\u{201c}VIP\u{201d}"));
    for action in [Action::ViewThread].iter().chain(THREAD_ACTIONS.iter()) {
        assert!(!can(nora, *action, &thread, &w.workspace).is_allowed());
    }
}

#[test]
fn free_seat_works_by_hand_on_unassigned_and_own_threads_only() {
    let w = world();
    let inbox = w.inbox("in-main");
    let cases = [
        (None, true, "unassigned"),
        (Some("fred"), true, "assigned to themselves"),
        (Some("ana"), false, "assigned to someone else"),
    ];
    for (assignee, allowed, why) in cases {
        let conv = conversation("in-main", "ch-support", assignee);
        let thread = Resource::Conversation {
            inbox,
            conversation: &conv,
        };
        for action in THREAD_ACTIONS {
            let decision = can(w.user("fred"), action, &thread, &w.workspace);
            assert_eq!(decision.is_allowed(), allowed, "{why} {action:?}");
            if !allowed {
                assert_eq!(
                    decision,
                    Decision::Denied(DenyReason::FreeSeatAssignedToOther)
                );
            }
        }
        assert!(can(w.user("fred"), Action::ViewThread, &thread, &w.workspace).is_allowed());
    }
}

#[test]
fn paid_seat_member_may_act_on_threads_assigned_to_others() {
    let w = world();
    let conv = conversation("in-main", "ch-support", Some("fred"));
    let thread = Resource::Conversation {
        inbox: w.inbox("in-main"),
        conversation: &conv,
    };
    for action in THREAD_ACTIONS {
        assert!(can(w.user("ana"), action, &thread, &w.workspace).is_allowed());
    }
}

#[test]
fn edit_inbox_settings_is_for_admins_only() {
    let w = world();
    let res = Resource::Inbox(w.inbox("in-main"));
    for (u, allowed) in [("ada", true), ("sam", true), ("ana", false), ("vic", false)] {
        let d = can(w.user(u), Action::EditInboxSettings, &res, &w.workspace);
        assert_eq!(d.is_allowed(), allowed, "{u}");
    }
    let d = can(w.user("ana"), Action::EditInboxSettings, &res, &w.workspace);
    assert_eq!(
        d.message().unwrap(),
        "Only admins and super admins can edit inbox settings."
    );
}

#[test]
fn create_inbox_and_help_desk_defaults_need_admin_and_professional_or_enterprise() {
    let mut w = world();
    for action in [Action::CreateInbox, Action::EditHelpDeskDefaults] {
        for plan in [
            Plan::Free,
            Plan::Starter,
            Plan::Professional,
            Plan::Enterprise,
        ] {
            w.workspace.plan = plan;
            for (u, admin) in [("ada", true), ("sam", true), ("ana", false)] {
                let d = can(w.user(u), action, &Resource::Workspace, &w.workspace);
                assert_eq!(
                    d.is_allowed(),
                    admin && plan.is_pro(),
                    "{action:?} {plan:?} {u}"
                );
                if admin && !plan.is_pro() {
                    let msg = d.message().unwrap();
                    assert!(msg.contains("Professional or Enterprise"), "{msg}");
                    assert!(msg.contains(plan.label()), "{msg}");
                }
            }
        }
    }
    w.workspace.plan = Plan::Starter;
    let msg = can(
        w.user("ada"),
        Action::CreateInbox,
        &Resource::Workspace,
        &w.workspace,
    )
    .message()
    .unwrap();
    assert_eq!(
        msg,
        "To create a new inbox the workspace needs the Professional or Enterprise plan; it is \
         on the Starter plan."
    );
}

#[test]
fn help_desk_settings_are_readable_by_everyone() {
    let w = world();
    for u in ["ana", "fred", "ada"] {
        let d = can(
            w.user(u),
            Action::ViewHelpDeskDefaults,
            &Resource::Workspace,
            &w.workspace,
        );
        assert!(d.is_allowed());
    }
}

#[test]
fn sending_from_a_channel_needs_membership_enabled_verified_and_sending_fallback() {
    let mut w = world();
    w.inboxes[1].access = InboxAccess::SpecificUsersAndTeams {
        users: vec!["vic".into()],
        teams: vec![],
    };
    w.channel_mut("ch-sales").enabled = false;
    w.channel_mut("ch-support").verified = false;
    let cases: [(&str, &str, Result<(), &str>); 7] = [
        ("ana", "ch-fb-main", Ok(())),
        ("vic", "ch-vip", Ok(())),
        ("ana", "ch-sales", Err("turned off")),
        ("ana", "ch-support", Err("not been verified")),
        (
            "vic",
            "ch-fb-vip",
            Err("Use the fallback email to send messages"),
        ),
        ("ada", "ch-vip", Err("view this inbox but not act")),
        ("nora", "ch-vip", Err("don't have access")),
    ];
    for (u, ch, expected) in cases {
        let channel = w.channels.iter().find(|c| c.id.as_str() == ch).unwrap();
        let inbox = w.inboxes.iter().find(|i| i.id == channel.inbox).unwrap();
        let d = can(
            w.user(u),
            Action::SendFrom,
            &Resource::Channel { inbox, channel },
            &w.workspace,
        );
        match expected {
            Ok(()) => assert!(d.is_allowed(), "{u} {ch}: {d}"),
            Err(text) => assert!(d.message().unwrap().contains(text), "{u} {ch}: {d}"),
        }
    }
}

#[test]
fn fallback_with_unverified_custom_address_never_sends() {
    let mut w = world();
    w.inboxes[0].fallback.from_address = FallbackFromAddress::Custom {
        address: addr("help@acme.example"),
        verified: false,
        pending_code: Some("123456".into()),
    };
    let channel = &w.channels[0];
    let d = can(
        w.user("ana"),
        Action::SendFrom,
        &Resource::Channel {
            inbox: &w.inboxes[0],
            channel,
        },
        &w.workspace,
    );
    assert_eq!(
        d,
        Decision::Denied(DenyReason::ChannelUnverified {
            address: "help@acme.example".into()
        })
    );
}

#[test]
fn actions_on_the_wrong_kind_of_resource_are_refused() {
    let w = world();
    let ana = w.user("ana");
    let inbox = w.inbox("in-main");
    let other = conversation("in-vip", "ch-vip", None);
    let mismatched = Resource::Conversation {
        inbox,
        conversation: &other,
    };
    let cases = [
        (Action::Reply, Resource::Inbox(inbox)),
        (Action::Reply, mismatched),
        (Action::SendFrom, Resource::Inbox(inbox)),
        (Action::Compose, Resource::Workspace),
        (Action::ViewInbox, Resource::Workspace),
    ];
    for (action, resource) in cases {
        assert_eq!(
            can(ana, action, &resource, &w.workspace),
            Decision::Denied(DenyReason::WrongResource { action })
        );
    }
}

// ---------------------------------------------------------------- §4 the From promise

#[test]
fn help_desk_new_email_uses_primary_team_default() {
    let w = world();
    let r = w
        .resolve("ana", &ComposerKind::HelpDesk, None, &DraftFrom::Automatic)
        .unwrap();
    assert_eq!(r.choice, FromChoice::Channel("ch-support".into()));
    assert_eq!(r.mailbox, labelled("Acme Support", "support@acme.example"));
    assert_eq!(
        r.reason,
        FromReason::TeamDefault {
            team: "support".into()
        }
    );
    assert_eq!(
        reason_text(&r.reason, &w.teams),
        "Team default \u{2014} Support"
    );
    assert_eq!(r.label(), "Acme Support <support@acme.example>");
}

#[test]
fn additional_team_default_never_applies() {
    let w = world();
    // bo: primary Sales (no default), additional Support (has one).
    let bo = w.resolve("bo", &ComposerKind::HelpDesk, None, &DraftFrom::Automatic);
    assert_eq!(
        bo,
        Err(FromError::NoTeamDefault {
            team: "sales".into()
        })
    );
    // nil: no primary team at all, additional Support.
    let nil = w.resolve("nil", &ComposerKind::HelpDesk, None, &DraftFrom::Automatic);
    assert_eq!(nil, Err(FromError::NoPrimaryTeam));
    // ana: primary Support, additional Billing (default vip@): primary wins.
    let ana = w
        .resolve("ana", &ComposerKind::HelpDesk, None, &DraftFrom::Automatic)
        .unwrap();
    assert_eq!(ana.choice, FromChoice::Channel("ch-support".into()));
}

#[test]
fn thread_from_kept_with_notice_when_differs() {
    let w = world();
    let conv = conversation("in-main", "ch-sales", None);
    let r = w
        .resolve(
            "ana",
            &ComposerKind::HelpDesk,
            Some(&conv),
            &DraftFrom::Automatic,
        )
        .unwrap();
    assert_eq!(r.choice, FromChoice::Channel("ch-sales".into()));
    assert_eq!(r.mailbox, labelled("Acme Sales", "sales@acme.example"));
    assert_eq!(
        r.reason,
        FromReason::ThreadAddress {
            differs_from_default: true
        }
    );
    assert_eq!(reason_text(&r.reason, &w.teams), "Address of this thread");
    assert_eq!(
        differs_notice(&r).unwrap(),
        "This conversation is sent from Acme Sales <sales@acme.example>, which differs from \
         your default From address, Acme Support <support@acme.example>. Replies keep the \
         conversation's address unless you choose another."
    );
}

#[test]
fn thread_from_equal_to_default_shows_no_notice() {
    let w = world();
    let cases = [
        (
            "ana",
            "ch-support",
            "same address as the primary team's default",
        ),
        (
            "bo",
            "ch-sales",
            "rep without a default has nothing to differ from",
        ),
    ];
    for (u, ch, why) in cases {
        let conv = conversation("in-main", ch, None);
        let r = w
            .resolve(
                u,
                &ComposerKind::HelpDesk,
                Some(&conv),
                &DraftFrom::Automatic,
            )
            .unwrap();
        assert_eq!(
            r.reason,
            FromReason::ThreadAddress {
                differs_from_default: false
            },
            "{why}"
        );
        assert_eq!(differs_notice(&r), None, "{why}");
    }
}

#[test]
fn deliberate_choice_wins_over_team_default_and_thread_address() {
    let w = world();
    let conv = conversation("in-main", "ch-support", None);
    for thread in [None, Some(&conv)] {
        let r = w
            .resolve(
                "ana",
                &ComposerKind::HelpDesk,
                thread,
                &deliberate("ch-fb-main"),
            )
            .unwrap();
        assert_eq!(r.choice, FromChoice::Channel("ch-fb-main".into()));
        assert_eq!(r.reason, FromReason::DeliberateChoice);
        assert_eq!(reason_text(&r.reason, &w.teams), "Your choice");
        assert_eq!(differs_notice(&r), None);
    }
}

#[test]
fn deliberate_choice_never_reverts() {
    let mut w = world();
    let draft = deliberate("ch-sales");
    let before = w
        .resolve("ana", &ComposerKind::HelpDesk, None, &draft)
        .unwrap();
    // The stored draft survives a reload byte for byte.
    let reloaded: DraftFrom =
        serde_json::from_str(&serde_json::to_string(&draft).unwrap()).unwrap();
    assert_eq!(reloaded, draft);
    // Settings change under it: the team default moves, the rep changes primary team.
    w.workspace
        .team_default_reply
        .insert("support".into(), "ch-fb-main".into());
    w.users[0].primary_team = Some("billing".into());
    let after = w
        .resolve("ana", &ComposerKind::HelpDesk, None, &reloaded)
        .unwrap();
    assert_eq!(
        after,
        ResolvedFrom {
            default: after.default.clone(),
            ..before
        }
    );
    assert_eq!(after.reason, FromReason::DeliberateChoice);
}

#[test]
fn unusable_deliberate_choice_blocks_send_and_is_never_replaced() {
    type Break = fn(&mut World);
    let cases: [(&str, Break, &str); 5] = [
        (
            "disabled",
            |w| w.channel_mut("ch-sales").enabled = false,
            "turned off",
        ),
        (
            "unverified",
            |w| w.channel_mut("ch-sales").verified = false,
            "not been verified",
        ),
        (
            "access removed",
            |w| {
                w.inboxes[0].access = InboxAccess::SpecificUsersAndTeams {
                    users: vec![],
                    teams: vec!["sales".into()],
                }
            },
            "don't have access",
        ),
        (
            "removed",
            |w| w.channels.retain(|c| c.id.as_str() != "ch-sales"),
            "removed",
        ),
        (
            "inbox removed",
            |w| w.inboxes.retain(|i| i.id.as_str() != "in-main"),
            "no longer exists",
        ),
    ];
    for (why, break_it, text) in cases {
        let mut w = world();
        break_it(&mut w);
        let err = w
            .resolve(
                "ana",
                &ComposerKind::HelpDesk,
                None,
                &deliberate("ch-sales"),
            )
            .unwrap_err();
        assert!(
            matches!(err, FromError::ChoiceUnusable { .. }),
            "{why}: {err:?}"
        );
        let msg = err.message();
        assert!(msg.contains(text), "{why}: {msg}");
        assert!(msg.contains("Choose another From address"), "{why}: {msg}");
    }
}

#[test]
fn disabled_deliberate_choice_blocks_send() {
    let mut w = world();
    w.channel_mut("ch-sales").enabled = false;
    let err = w
        .resolve(
            "ana",
            &ComposerKind::HelpDesk,
            None,
            &deliberate("ch-sales"),
        )
        .unwrap_err();
    assert_eq!(
        err.message(),
        "You chose to send from sales@acme.example, but it can't be used now. The address \
         sales@acme.example is turned off (its Status is disabled), so it cannot be used to \
         send. Choose another From address; nothing has been sent."
    );
}

#[test]
fn unusable_team_default_or_thread_address_blocks_instead_of_substituting() {
    let mut w = world();
    w.channel_mut("ch-support").enabled = false;
    let new = w.resolve("ana", &ComposerKind::HelpDesk, None, &DraftFrom::Automatic);
    assert!(
        matches!(new, Err(FromError::TeamDefaultUnusable { .. })),
        "{new:?}"
    );
    let conv = conversation("in-main", "ch-support", None);
    let reply = w.resolve(
        "ana",
        &ComposerKind::HelpDesk,
        Some(&conv),
        &DraftFrom::Automatic,
    );
    assert!(
        matches!(reply, Err(FromError::ThreadAddressUnusable { .. })),
        "{reply:?}"
    );
}

#[test]
fn crm_uses_personal_default() {
    let mut w = world();
    w.users[0].crm_default_from = Some(addr("ana.personal@acme.example"));
    let conv = conversation("in-main", "ch-sales", None);
    for thread in [None, Some(&conv)] {
        let r = w
            .resolve("ana", &ComposerKind::Crm, thread, &DraftFrom::Automatic)
            .unwrap();
        assert_eq!(
            r.choice,
            FromChoice::Personal(addr("ana.personal@acme.example"))
        );
        assert_eq!(r.mailbox, labelled("ANA Doe", "ana.personal@acme.example"));
        assert_eq!(r.reason, FromReason::CrmPersonalDefault);
        assert_eq!(reason_text(&r.reason, &w.teams), "Your CRM default");
    }
}

#[test]
fn crm_never_applies_team_defaults() {
    let w = world();
    // ana's primary team has a default, but the CRM uses her own address when she set none.
    let r = w
        .resolve("ana", &ComposerKind::Crm, None, &DraftFrom::Automatic)
        .unwrap();
    assert_eq!(r.choice, FromChoice::Personal(addr("ana@acme.example")));
    assert_eq!(r.reason, FromReason::CrmOwnAddress);
    assert_eq!(r.default, None);
}

#[test]
fn crm_offers_personal_and_help_desk_addresses() {
    let mut w = world();
    w.users[0].crm_default_from = Some(addr("ana.personal@acme.example"));
    let ctx = w.ctx("ana", &ComposerKind::Crm, None);
    let options = selectable_froms(&ctx);
    let labels: Vec<&str> = options.iter().map(|o| o.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "ANA Doe <ana.personal@acme.example>",
            "ANA Doe <ana@acme.example>",
            "ANA Doe from Acme <hello@acme.inbox.example>",
            "Acme Support <support@acme.example>",
            "Acme Sales <sales@acme.example>",
            "Acme VIP <vip@acme.example>",
        ]
    );
    assert!(options[0].is_default);
    assert_eq!(options.iter().filter(|o| o.is_default).count(), 1);
    // A help desk address chosen in the CRM is used as chosen.
    let r = resolve_from(&ctx, &options[3].as_draft_from()).unwrap();
    assert_eq!(r.mailbox, labelled("Acme Support", "support@acme.example"));
}

#[test]
fn crm_default_on_an_unusable_channel_blocks_instead_of_substituting() {
    type Break = fn(&mut World);
    // (what happened, the CRM default, the break, the reason's words; None = still usable)
    let cases: [(&str, &str, Break, Option<&str>); 8] = [
        ("usable", "support@acme.example", |_| {}, None),
        (
            "disabled",
            "support@acme.example",
            |w| w.channel_mut("ch-support").enabled = false,
            Some("turned off"),
        ),
        (
            "disabled, other case",
            "SUPPORT@acme.example",
            |w| w.channel_mut("ch-support").enabled = false,
            Some("turned off"),
        ),
        (
            "unverified",
            "support@acme.example",
            |w| w.channel_mut("ch-support").verified = false,
            Some("not been verified"),
        ),
        (
            "access removed",
            "vip@acme.example",
            |w| {
                w.inboxes[1].access = InboxAccess::SpecificUsersAndTeams {
                    users: vec!["vic".into()],
                    teams: vec![],
                }
            },
            Some("don't have access"),
        ),
        (
            "fallback no longer sends",
            "hello@acme.inbox.example",
            |w| w.inboxes[0].fallback.use_for_sending = false,
            Some("Use the fallback email to send messages"),
        ),
        // Not a channel's address: the user's own business, whatever the channels do.
        (
            "personal",
            "ana.personal@acme.example",
            |w| w.channels.iter_mut().for_each(|c| c.enabled = false),
            None,
        ),
        // Her own email always sends from the CRM.
        (
            "own email",
            "ana@acme.example",
            |w| w.channels.iter_mut().for_each(|c| c.enabled = false),
            None,
        ),
    ];
    for (case, default, break_it, why) in cases {
        let mut w = world();
        w.users[0].crm_default_from = Some(addr(default));
        break_it(&mut w);
        let r = w.resolve("ana", &ComposerKind::Crm, None, &DraftFrom::Automatic);
        let options = selectable_froms(&w.ctx("ana", &ComposerKind::Crm, None));
        let offered = options
            .iter()
            .any(|o| o.choice == FromChoice::Personal(addr(default)));
        match why {
            None => {
                let r = r.unwrap_or_else(|e| panic!("{case}: {e}"));
                assert_eq!(r.choice, FromChoice::Personal(addr(default)), "{case}");
                assert!(offered, "{case}");
            }
            Some(text) => {
                let err = r.unwrap_err();
                assert!(
                    matches!(&err, FromError::CrmDefaultUnusable { address, .. } if address == &addr(default).to_string()),
                    "{case}: {err:?}"
                );
                let msg = err.message();
                assert!(msg.contains(text), "{case}: {msg}");
                assert!(msg.contains("Settings \u{203a} Profile"), "{case}: {msg}");
                // Not offered as a personal address either, and nothing is marked default.
                assert!(!offered, "{case}");
                assert!(options.iter().all(|o| !o.is_default), "{case}");
                // Chosen deliberately (an older draft), it blocks too.
                let chosen = DraftFrom::Deliberate(FromChoice::Personal(addr(default)));
                let err = w
                    .resolve("ana", &ComposerKind::Crm, None, &chosen)
                    .unwrap_err();
                assert!(
                    matches!(err, FromError::ChoiceUnusable { .. }),
                    "{case}: {err:?}"
                );
            }
        }
    }
}

#[test]
fn unusable_choice_keeps_the_label_the_dropdown_showed() {
    let mut w = world();
    w.channel_mut("ch-sales").enabled = false;
    w.users[0].crm_default_from = Some(addr("support@acme.example"));
    w.channel_mut("ch-support").enabled = false;
    let cases = [
        (
            ComposerKind::HelpDesk,
            deliberate("ch-sales"),
            "Acme Sales <sales@acme.example>",
        ),
        (
            ComposerKind::Crm,
            DraftFrom::Deliberate(FromChoice::Personal(addr("support@acme.example"))),
            "ANA Doe <support@acme.example>",
        ),
        (
            ComposerKind::HelpDesk,
            deliberate("ch-gone"),
            "a removed address (ch-gone)",
        ),
    ];
    for (composer, draft, expected) in cases {
        match w.resolve("ana", &composer, None, &draft) {
            Err(FromError::ChoiceUnusable { label, .. }) => assert_eq!(label, expected),
            other => panic!("{expected}: {other:?}"),
        }
    }
}

#[test]
fn personal_addresses_only_send_from_the_crm_and_only_the_users_own() {
    let w = world();
    let own = DraftFrom::Deliberate(FromChoice::Personal(addr("ana@acme.example")));
    let err = w
        .resolve("ana", &ComposerKind::HelpDesk, None, &own)
        .unwrap_err();
    assert!(matches!(
        err,
        FromError::ChoiceUnusable {
            why: Unusable::PersonalNotAllowedHere,
            ..
        }
    ));
    let other = DraftFrom::Deliberate(FromChoice::Personal(addr("bo@acme.example")));
    let err = w
        .resolve("ana", &ComposerKind::Crm, None, &other)
        .unwrap_err();
    assert!(matches!(
        err,
        FromError::ChoiceUnusable {
            why: Unusable::NotYourAddress,
            ..
        }
    ));
}

#[test]
fn the_default_restricts_nothing_in_the_from_dropdown() {
    let mut w = world();
    w.channel_mut("ch-sales").enabled = false;
    let ctx = w.ctx("ana", &ComposerKind::HelpDesk, None);
    let options = selectable_froms(&ctx);
    let ids: Vec<FromChoice> = options.iter().map(|o| o.choice.clone()).collect();
    // Disabled sales@ and non-sending VIP fallback are left out; everything else ana may use
    // stays, including VIP (member through her additional team).
    let expected: Vec<FromChoice> = ["ch-fb-main", "ch-support", "ch-vip"]
        .into_iter()
        .map(|c| FromChoice::Channel(c.into()))
        .collect();
    assert_eq!(ids, expected);
    let default: Vec<_> = options.iter().filter(|o| o.is_default).collect();
    assert_eq!(default.len(), 1);
    assert_eq!(default[0].choice, FromChoice::Channel("ch-support".into()));
}

#[test]
fn from_dropdown_lists_only_inboxes_the_user_is_a_member_of() {
    let w = world();
    for (u, has_vip) in [
        ("nora", false),
        ("ada", false),
        ("vic", true),
        ("bill", true),
    ] {
        let ctx = w.ctx(u, &ComposerKind::HelpDesk, None);
        let vip = selectable_froms(&ctx)
            .iter()
            .any(|o| o.choice == FromChoice::Channel("ch-vip".into()));
        assert_eq!(vip, has_vip, "{u}");
    }
}

#[test]
fn inbox_workspace_new_email_uses_fallback_when_it_sends() {
    let w = world();
    let composer = ComposerKind::Inbox("in-main".into());
    let r = w
        .resolve("ana", &composer, None, &DraftFrom::Automatic)
        .unwrap();
    assert_eq!(r.choice, FromChoice::Channel("ch-fb-main".into()));
    assert_eq!(
        r.mailbox,
        labelled("ANA Doe from Acme", "hello@acme.inbox.example")
    );
    assert_eq!(r.reason, FromReason::InboxDefault);
    assert_eq!(reason_text(&r.reason, &w.teams), "Inbox address");
}

#[test]
fn inbox_workspace_without_sending_fallback_uses_first_enabled_verified_team_email() {
    let mut w = world();
    w.inboxes[0].fallback.use_for_sending = false;
    w.channel_mut("ch-support").verified = false;
    let composer = ComposerKind::Inbox("in-main".into());
    let r = w
        .resolve("ana", &composer, None, &DraftFrom::Automatic)
        .unwrap();
    assert_eq!(r.choice, FromChoice::Channel("ch-sales".into()));
    w.channel_mut("ch-sales").enabled = false;
    let err = w
        .resolve("ana", &composer, None, &DraftFrom::Automatic)
        .unwrap_err();
    assert_eq!(
        err,
        FromError::NoInboxAddress {
            inbox: "Inbox".into()
        }
    );
}

#[test]
fn inbox_workspace_applies_no_team_default_and_keeps_thread_address() {
    let w = world();
    let composer = ComposerKind::Inbox("in-main".into());
    let conv = conversation("in-main", "ch-sales", None);
    let r = w
        .resolve("ana", &composer, Some(&conv), &DraftFrom::Automatic)
        .unwrap();
    assert_eq!(r.choice, FromChoice::Channel("ch-sales".into()));
    assert_eq!(
        r.reason,
        FromReason::ThreadAddress {
            differs_from_default: false
        }
    );
    assert_eq!(r.default, None);
}

#[test]
fn only_members_may_send_from_an_inbox() {
    let w = world();
    let composer = ComposerKind::Inbox("in-vip".into());
    for u in ["nora", "ada"] {
        let err = w
            .resolve(u, &composer, None, &DraftFrom::Automatic)
            .unwrap_err();
        assert!(matches!(err, FromError::NoInboxAccess(_)), "{u}: {err:?}");
    }
    let conv = conversation("in-vip", "ch-vip", None);
    let err = w
        .resolve(
            "nora",
            &ComposerKind::HelpDesk,
            Some(&conv),
            &DraftFrom::Automatic,
        )
        .unwrap_err();
    assert!(matches!(err, FromError::ThreadAddressUnusable { .. }));
}

#[test]
fn fallback_from_name_follows_its_from_name_mode() {
    let mut w = world();
    let composer = ComposerKind::Inbox("in-main".into());
    let r = w
        .resolve("vic", &composer, None, &DraftFrom::Automatic)
        .unwrap();
    assert_eq!(r.mailbox.name.as_deref(), Some("VIC Doe from Acme"));
    w.inboxes[0].fallback.from_name_mode = FromNameMode::CompanyName;
    w.inboxes[0].fallback.company_name = "Acme Help".into();
    let r = w
        .resolve("vic", &composer, None, &DraftFrom::Automatic)
        .unwrap();
    assert_eq!(r.mailbox, labelled("Acme Help", "hello@acme.inbox.example"));
}

#[test]
fn send_guard_stops_any_change_between_shown_and_sent() {
    let w = world();
    let shown = w
        .resolve("ana", &ComposerKind::HelpDesk, None, &DraftFrom::Automatic)
        .unwrap();
    assert_eq!(check_send(&shown, &shown.clone()), Ok(()));

    let mut moved = w.clone();
    moved
        .workspace
        .team_default_reply
        .insert("support".into(), "ch-sales".into());
    let at_send = moved
        .resolve("ana", &ComposerKind::HelpDesk, None, &DraftFrom::Automatic)
        .unwrap();
    let err = check_send(&shown, &at_send).unwrap_err();
    assert!(matches!(err, SendGuardError::AddressChanged { .. }));
    assert!(err.message().contains("support@acme.example"));

    let mut renamed = w.clone();
    renamed.channel_mut("ch-support").display_name = "Support Team".into();
    let at_send = renamed
        .resolve("ana", &ComposerKind::HelpDesk, None, &DraftFrom::Automatic)
        .unwrap();
    assert!(matches!(
        check_send(&shown, &at_send),
        Err(SendGuardError::NameChanged { .. })
    ));

    let mut twin = w.clone();
    let mut copy = twin.channels[1].clone();
    copy.id = "ch-support-2".into();
    twin.channels.push(copy);
    twin.workspace
        .team_default_reply
        .insert("support".into(), "ch-support-2".into());
    let at_send = twin
        .resolve("ana", &ComposerKind::HelpDesk, None, &DraftFrom::Automatic)
        .unwrap();
    assert!(matches!(
        check_send(&shown, &at_send),
        Err(SendGuardError::ChannelChanged { .. })
    ));

    let mut disabled = w.clone();
    disabled.channel_mut("ch-support").enabled = false;
    let ctx = disabled.ctx("ana", &ComposerKind::HelpDesk, None);
    let err = guard_send(&ctx, &DraftFrom::Automatic, &shown).unwrap_err();
    assert!(matches!(
        err,
        SendGuardError::Blocked(FromError::TeamDefaultUnusable { .. })
    ));
}

// ---------------------------------------------------------------- §4 Settings › Help Desk

#[test]
fn default_reply_settings_are_admins_only_on_professional_or_enterprise() {
    let mut w = world();
    let teams = [TeamId::from("sales")];
    let err = set_default_reply(
        &w.workspace,
        w.user("ana"),
        &"ch-sales".into(),
        &teams,
        &w.channels,
    )
    .unwrap_err();
    assert!(matches!(
        err,
        HelpDeskError::NotAllowed(DenyReason::AdminsOnly { .. })
    ));
    assert_eq!(
        edit_decision(&w.workspace, w.user("ana"))
            .message()
            .unwrap(),
        "Only admins and super admins can change the help desk default reply addresses."
    );
    assert!(edit_decision(&w.workspace, w.user("ada")).is_allowed());
    w.workspace.plan = Plan::Starter;
    let err = set_default_reply(
        &w.workspace,
        w.user("ada"),
        &"ch-sales".into(),
        &teams,
        &w.channels,
    )
    .unwrap_err();
    assert!(err.message().contains("Professional or Enterprise"));
}

#[test]
fn choosing_a_teams_default_for_a_new_address_moves_it() {
    let w = world();
    let teams = [TeamId::from("support"), TeamId::from("sales")];
    let change = set_default_reply(
        &w.workspace,
        w.user("ada"),
        &"ch-sales".into(),
        &teams,
        &w.channels,
    )
    .unwrap();
    assert_eq!(
        change.team_default_reply,
        BTreeMap::from([
            (TeamId::from("billing"), ChannelId::from("ch-vip")),
            (TeamId::from("sales"), ChannelId::from("ch-sales")),
            (TeamId::from("support"), ChannelId::from("ch-sales")),
        ])
    );
    let messages: Vec<String> = change.moves.iter().map(|m| m.message(&w.teams)).collect();
    assert_eq!(
        messages,
        [
            "Sales's default becomes sales@acme.example",
            "Support's default moves from support@acme.example to sales@acme.example",
        ]
    );
    let preview = preview_moves(&w.workspace, &"ch-sales".into(), &teams, &w.channels).unwrap();
    assert_eq!(preview, change.moves);
}

#[test]
fn turning_the_default_reply_toggle_off_removes_it_for_its_teams() {
    let w = world();
    let change = set_default_reply(
        &w.workspace,
        w.user("ada"),
        &"ch-support".into(),
        &[],
        &w.channels,
    )
    .unwrap();
    assert!(!change
        .team_default_reply
        .contains_key(&TeamId::from("support")));
    assert_eq!(
        change.moves[0].message(&w.teams),
        "Support no longer has a default (was support@acme.example)"
    );
    // Deselecting one team of several keeps the others.
    let mut w2 = w.clone();
    w2.workspace
        .team_default_reply
        .insert("sales".into(), "ch-support".into());
    let change = set_default_reply(
        &w2.workspace,
        w2.user("ada"),
        &"ch-support".into(),
        &["sales".into()],
        &w2.channels,
    )
    .unwrap();
    assert_eq!(
        teams_with_default(
            &Workspace {
                team_default_reply: change.team_default_reply,
                ..w2.workspace.clone()
            },
            &"ch-support".into()
        ),
        [TeamId::from("sales")]
    );
}

#[test]
fn a_disabled_or_unverified_address_cannot_become_a_default_but_can_be_turned_off() {
    let mut w = world();
    w.channel_mut("ch-support").enabled = false;
    w.channel_mut("ch-sales").verified = false;
    let ada = w.user("ada");
    let teams = [TeamId::from("sales")];
    let e1 = set_default_reply(&w.workspace, ada, &"ch-support".into(), &teams, &w.channels);
    assert!(matches!(e1, Err(HelpDeskError::ChannelDisabled { .. })));
    let e2 = set_default_reply(&w.workspace, ada, &"ch-sales".into(), &teams, &w.channels);
    assert!(matches!(e2, Err(HelpDeskError::ChannelUnverified { .. })));
    let off = set_default_reply(&w.workspace, ada, &"ch-support".into(), &[], &w.channels);
    assert!(off.is_ok());
    let unknown = set_default_reply(&w.workspace, ada, &"ch-nope".into(), &[], &w.channels);
    assert!(matches!(unknown, Err(HelpDeskError::UnknownChannel { .. })));
}
