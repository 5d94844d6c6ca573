//! Property tests of the From promise (SPEC §4, §7): over random sequences of settings changes,
//! deliberate choices, reloads, tab switches and sends,
//! - a deliberate choice is never replaced (neither in the stored draft nor in the resolved
//!   From: it resolves to itself or blocks the send),
//! - an automatic From follows the rules (primary team default only, thread address, CRM
//!   personal default), and
//! - every sent message's From equals what the From control showed at send time.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::{RngAlgorithm, TestRunner};
use std::cell::Cell;
use std::collections::BTreeMap;
use switchboard::domain::from::*;
use switchboard::domain::helpdesk::set_default_reply;
use switchboard::domain::*;

const TEAMS: [&str; 3] = ["support", "sales", "billing"];
/// Channel 0 is the main inbox's fallback, 1–3 its team emails, 4 a team email of "VIP"
/// (restricted to the Billing team, which the rep belongs to as an additional team).
const CHANNELS: [&str; 5] = ["ch-fb", "ch-a", "ch-b", "ch-c", "ch-vip"];

fn addr(s: &str) -> EmailAddress {
    EmailAddress::parse(s).unwrap()
}

/// A settings change made by someone else (an admin, another session) at any moment.
#[derive(Debug, Clone)]
enum Change {
    /// Settings › Help Desk: these teams (bit mask over TEAMS) get this channel as default.
    SetTeamDefault {
        channel: usize,
        teams: u8,
    },
    SetPrimaryTeam(Option<usize>),
    ToggleChannel(usize),
    ToggleVerified(usize),
    RenameChannel(usize),
    ToggleFallbackSending,
    ToggleFallbackNameMode,
}

#[derive(Debug, Clone)]
enum Step {
    Settings(Change),
    /// The rep picks the n-th entry of the From dropdown (modulo its length).
    ChooseFrom(usize),
    /// The page reloads: the active tab re-reads the draft from storage.
    Reload,
    /// The rep moves to the other tab, which re-reads the draft when it becomes active.
    SwitchTab,
    /// Edit the body in the active tab (a write that must not touch the From).
    Type(u8),
    /// Press Send; `during` happens between showing the From and sending.
    Send {
        during: Option<Change>,
    },
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        3 => (0..CHANNELS.len(), 0u8..8).prop_map(|(channel, teams)| Change::SetTeamDefault {
            channel,
            teams
        }),
        2 => proptest::option::of(0..TEAMS.len()).prop_map(Change::SetPrimaryTeam),
        2 => (0..CHANNELS.len()).prop_map(Change::ToggleChannel),
        1 => (0..CHANNELS.len()).prop_map(Change::ToggleVerified),
        1 => (0..CHANNELS.len()).prop_map(Change::RenameChannel),
        1 => Just(Change::ToggleFallbackSending),
        1 => Just(Change::ToggleFallbackNameMode),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => change().prop_map(Step::Settings),
        3 => (0usize..8).prop_map(Step::ChooseFrom),
        2 => Just(Step::Reload),
        2 => Just(Step::SwitchTab),
        1 => any::<u8>().prop_map(Step::Type),
        3 => proptest::option::of(change()).prop_map(|during| Step::Send { during }),
    ]
}

#[derive(Debug, Clone)]
enum Setup {
    HelpDeskNew,
    HelpDeskThread(usize),
    InboxNew,
    InboxThread(usize),
    Crm,
}

fn setup() -> impl Strategy<Value = Setup> {
    prop_oneof![
        Just(Setup::HelpDeskNew),
        (0..CHANNELS.len()).prop_map(Setup::HelpDeskThread),
        Just(Setup::InboxNew),
        (0..4usize).prop_map(Setup::InboxThread),
        Just(Setup::Crm),
    ]
}

struct World {
    workspace: Workspace,
    rep: User,
    admin: User,
    inboxes: Vec<Inbox>,
    channels: Vec<Channel>,
    composer: ComposerKind,
    conversation: Option<Conversation>,
}

fn user(id: &str, role: Role, primary: Option<&str>, additional: &[&str]) -> User {
    User {
        id: id.into(),
        first_name: id.into(),
        last_name: "Doe".into(),
        email: addr(&format!("{id}@acme.example")),
        seat: Seat::Paid,
        availability: Availability::Available,
        role,
        primary_team: primary.map(TeamId::from),
        additional_teams: additional.iter().map(|t| TeamId::from(*t)).collect(),
        signature_html: String::new(),
        crm_default_from: Some(addr(&format!("{id}.crm@acme.example"))),
    }
}

fn inbox(id: &str, access: InboxAccess) -> Inbox {
    Inbox {
        id: id.into(),
        name: id.into(),
        access,
        fallback: FallbackEmail {
            use_for_sending: true,
            from_name_mode: FromNameMode::AgentAndCompany,
            company_name: "Acme".into(),
            username: "hello".into(),
            from_address: FallbackFromAddress::UseDefault,
            signature_enabled: false,
            signature_html: String::new(),
            original_sender_of_forwards: true,
        },
        automation: Automation {
            auto_assign: None,
            auto_ticket: None,
            round_robin_next: 0,
        },
    }
}

fn world(setup: &Setup) -> World {
    let channels = CHANNELS
        .iter()
        .enumerate()
        .map(|(i, id)| Channel {
            id: (*id).into(),
            inbox: if i == 4 { "in-vip" } else { "in-main" }.into(),
            kind: if i == 0 {
                ChannelKind::Fallback
            } else {
                ChannelKind::TeamEmail
            },
            address: addr(&if i == 0 {
                "hello@acme.inbox.example".to_owned()
            } else {
                format!("{id}@acme.example")
            }),
            display_name: format!("Acme {id}"),
            enabled: true,
            verified: true,
        })
        .collect();
    let inboxes = vec![
        inbox("in-main", InboxAccess::Everyone),
        inbox(
            "in-vip",
            InboxAccess::SpecificUsersAndTeams {
                users: vec![],
                teams: vec!["billing".into()],
            },
        ),
    ];
    let (composer, thread) = match setup {
        Setup::HelpDeskNew => (ComposerKind::HelpDesk, None),
        Setup::HelpDeskThread(c) => (ComposerKind::HelpDesk, Some(*c)),
        Setup::InboxNew => (ComposerKind::Inbox("in-main".into()), None),
        Setup::InboxThread(c) => (ComposerKind::Inbox("in-main".into()), Some(*c)),
        Setup::Crm => (ComposerKind::Crm, None),
    };
    let conversation = thread.map(|c| Conversation {
        id: "c-1".into(),
        inbox: if c == 4 { "in-vip" } else { "in-main" }.into(),
        area: Area::HelpDesk,
        channel: CHANNELS[c].into(),
        contact: "k-1".into(),
        subject: "Help".into(),
        status: ConversationStatus::Open,
        assignee: None,
        ticket: None,
        created_at: 0,
        last_activity: 0,
        snippet: String::new(),
        message_count: 1,
        trashed_at: None,
    });
    World {
        workspace: Workspace {
            company: "Acme".into(),
            subdomain: "acme".into(),
            plan: Plan::Professional,
            team_default_reply: BTreeMap::from([
                ("support".into(), "ch-a".into()),
                ("billing".into(), "ch-vip".into()),
            ]),
        },
        rep: user("rep", Role::User, Some("support"), &["billing", "sales"]),
        admin: user("ada", Role::Admin, None, &[]),
        inboxes,
        channels,
        composer,
        conversation,
    }
}

impl World {
    fn ctx(&self) -> FromContext<'_> {
        FromContext {
            workspace: &self.workspace,
            user: &self.rep,
            inboxes: &self.inboxes,
            channels: &self.channels,
            composer: &self.composer,
            conversation: self.conversation.as_ref(),
        }
    }

    fn resolve(&self, draft: &Draft) -> Result<ResolvedFrom, FromError> {
        resolve_from(&self.ctx(), &draft.from)
    }

    fn apply(&mut self, change: &Change) {
        match change {
            Change::SetTeamDefault { channel, teams } => {
                let teams: Vec<TeamId> = (0..TEAMS.len())
                    .filter(|t| teams & (1 << t) != 0)
                    .map(|t| TEAMS[t].into())
                    .collect();
                let channel = ChannelId::from(CHANNELS[*channel]);
                // A refused save (disabled/unverified address) changes nothing.
                if let Ok(change) = set_default_reply(
                    &self.workspace,
                    &self.admin,
                    &channel,
                    &teams,
                    &self.channels,
                ) {
                    self.workspace.team_default_reply = change.team_default_reply;
                }
            }
            Change::SetPrimaryTeam(team) => {
                self.rep.primary_team = team.map(|t| TEAMS[t].into());
            }
            Change::ToggleChannel(c) => self.channels[*c].enabled ^= true,
            Change::ToggleVerified(c) => self.channels[*c].verified ^= true,
            Change::RenameChannel(c) => {
                let channel = &mut self.channels[*c];
                channel.display_name = if channel.display_name.starts_with("Acme") {
                    format!("Team {}", channel.id)
                } else {
                    format!("Acme {}", channel.id)
                };
            }
            Change::ToggleFallbackSending => self.inboxes[0].fallback.use_for_sending ^= true,
            Change::ToggleFallbackNameMode => {
                let fallback = &mut self.inboxes[0].fallback;
                fallback.from_name_mode = match fallback.from_name_mode {
                    FromNameMode::AgentAndCompany => FromNameMode::CompanyName,
                    FromNameMode::CompanyName => FromNameMode::AgentAndCompany,
                };
            }
        }
    }
}

/// IndexedDB stand-in: the committed draft as JSON, the source of truth for every tab. Each
/// write is read back through serde at once, so every reload sees exactly what a real
/// deserialisation of the stored bytes gives (parsing only on writes keeps the run fast).
struct Storage {
    committed: Draft,
}

impl Storage {
    fn new(draft: &Draft) -> Self {
        let json = serde_json::to_string(draft).unwrap();
        let committed = serde_json::from_str(&json).unwrap();
        Self { committed }
    }
    fn save(&mut self, draft: &Draft) {
        *self = Self::new(draft);
    }
    fn load(&self) -> Draft {
        self.committed.clone()
    }
}

fn new_draft(now: i64) -> Draft {
    let key = DraftKey {
        user: "rep".into(),
        target: DraftTarget::NewCompose("n-1".into()),
        mode: ReplyMode::Compose,
    };
    Draft::new(key, "tab-0", now)
}

/// The automatic From must follow SPEC §4 exactly.
fn check_automatic(w: &World, result: &Result<ResolvedFrom, FromError>) -> Result<(), String> {
    let channel_choice = |id: &ChannelId| FromChoice::Channel(id.clone());
    match (&w.composer, &w.conversation) {
        (ComposerKind::Crm, _) => {
            let r = result
                .as_ref()
                .map_err(|e| format!("CRM must resolve: {e}"))?;
            let personal = w.rep.crm_default_from.clone().unwrap();
            if r.choice != FromChoice::Personal(personal)
                || r.reason != FromReason::CrmPersonalDefault
            {
                return Err(format!("CRM must use the personal default, got {r:?}"));
            }
        }
        (_, Some(conversation)) => match result {
            Ok(r) if r.choice == channel_choice(&conversation.channel) => {
                let FromReason::ThreadAddress {
                    differs_from_default,
                } = r.reason
                else {
                    return Err(format!("thread reason expected, got {r:?}"));
                };
                let expected = r
                    .default
                    .as_ref()
                    .is_some_and(|d| d.address != r.mailbox.address);
                if differs_from_default != expected || (differs_notice(r).is_some() != expected) {
                    return Err(format!("wrong differs_from_default in {r:?}"));
                }
            }
            Err(FromError::ThreadAddressUnusable { .. }) => {}
            other => return Err(format!("thread address must be kept, got {other:?}")),
        },
        (ComposerKind::HelpDesk, None) => {
            let expected_default = w
                .rep
                .primary_team
                .as_ref()
                .and_then(|t| w.workspace.team_default_reply.get(t).map(|c| (t, c)));
            match (result, expected_default) {
                (Ok(r), Some((team, channel)))
                    if r.choice == channel_choice(channel)
                        && r.reason == FromReason::TeamDefault { team: team.clone() } => {}
                (Err(FromError::TeamDefaultUnusable { .. }), Some(_)) => {}
                (Err(FromError::NoPrimaryTeam), None) if w.rep.primary_team.is_none() => {}
                (Err(FromError::NoTeamDefault { .. }), None) if w.rep.primary_team.is_some() => {}
                (other, expected) => {
                    return Err(format!(
                        "help desk must use the primary team's default {expected:?}, got {other:?}"
                    ))
                }
            }
        }
        (ComposerKind::Inbox(_), None) => match result {
            Ok(r) if r.reason == FromReason::InboxDefault => {
                let ok = selectable_froms(&w.ctx())
                    .iter()
                    .any(|o| o.choice == r.choice && o.mailbox == r.mailbox);
                if !ok {
                    return Err(format!("inbox default must be a usable address: {r:?}"));
                }
            }
            Err(FromError::NoInboxAddress { .. }) => {}
            other => return Err(format!("inbox default expected, got {other:?}")),
        },
    }
    Ok(())
}

/// Counts across all cases, to prove the property is not vacuous.
#[derive(Default)]
struct Stats {
    sent: Cell<usize>,
    sent_deliberate: Cell<usize>,
    guard_stops: Cell<usize>,
    deliberate_blocked: Cell<usize>,
}

fn bump(cell: &Cell<usize>) {
    cell.set(cell.get() + 1);
}

fn run(setup: &Setup, steps: &[Step], stats: &Stats) -> Result<(), TestCaseError> {
    let mut w = world(setup);
    let mut tabs = [new_draft(0), new_draft(0)];
    let mut storage = Storage::new(&tabs[0]);
    let mut active = 0usize;
    // What the rep deliberately chose for the current draft (the oracle).
    let mut chosen: Option<FromChoice> = None;

    for (now, step) in steps.iter().enumerate() {
        let now = now as i64 + 1;
        match step {
            Step::Settings(change) => w.apply(change),
            Step::ChooseFrom(n) => {
                let options = selectable_froms(&w.ctx());
                prop_assert!(options.iter().filter(|o| o.is_default).count() <= 1);
                if !options.is_empty() {
                    let option = &options[n % options.len()];
                    let draft = &mut tabs[active];
                    draft.from = option.as_draft_from();
                    draft.from_chosen_at = now;
                    draft.revision += 1;
                    draft.updated_at = now;
                    storage.save(draft);
                    chosen = Some(option.choice.clone());
                    // Choosing is only possible among usable addresses, and resolves to it.
                    let r = w.resolve(draft).map_err(|e| {
                        TestCaseError::fail(format!("just-chosen From must resolve: {e}"))
                    })?;
                    prop_assert_eq!(&r.mailbox, &option.mailbox);
                }
            }
            Step::Reload => tabs[active] = storage.load(),
            Step::SwitchTab => {
                active = 1 - active;
                tabs[active] = storage.load();
            }
            Step::Type(c) => {
                let draft = &mut tabs[active];
                draft.body_html.push(char::from(b'a' + c % 26));
                draft.revision += 1;
                storage.save(draft);
            }
            Step::Send { during } => {
                let shown = w.resolve(&tabs[active]);
                if let Some(change) = during {
                    w.apply(change);
                }
                let draft = &tabs[active];
                let at_send = w.resolve(draft);
                if let (Ok(shown), Ok(at_send)) = (&shown, &at_send) {
                    match check_send(shown, at_send) {
                        Ok(()) => {
                            // The message leaves with the From the control showed.
                            prop_assert_eq!(&at_send.mailbox, &shown.mailbox);
                            prop_assert_eq!(&at_send.choice, &shown.choice);
                            if let Some(c) = &chosen {
                                prop_assert_eq!(&at_send.choice, c);
                            }
                            bump(&stats.sent);
                            if chosen.is_some() {
                                bump(&stats.sent_deliberate);
                            }
                            // Sending removes the draft; the next one starts automatic.
                            tabs = [new_draft(now), new_draft(now)];
                            storage.save(&tabs[0]);
                            chosen = None;
                        }
                        Err(_) => {
                            bump(&stats.guard_stops);
                            prop_assert!(
                                shown.mailbox != at_send.mailbox || shown.choice != at_send.choice,
                                "guard stopped a send whose From did not change"
                            );
                        }
                    }
                }
            }
        }

        // Invariants after every step.
        let stored = storage.load();
        let expected_from = match &chosen {
            Some(c) => DraftFrom::Deliberate(c.clone()),
            None => DraftFrom::Automatic,
        };
        prop_assert_eq!(
            &stored.from,
            &expected_from,
            "stored draft From was replaced"
        );
        prop_assert_eq!(
            &tabs[active].from,
            &expected_from,
            "tab's From was replaced"
        );

        let result = w.resolve(&tabs[active]);
        match &chosen {
            Some(c) => match &result {
                Ok(r) => {
                    prop_assert_eq!(&r.choice, c);
                    prop_assert_eq!(&r.reason, &FromReason::DeliberateChoice);
                    // Usable choices are exactly those the dropdown offers.
                    let options = selectable_froms(&w.ctx());
                    prop_assert!(options
                        .iter()
                        .any(|o| &o.choice == c && o.mailbox == r.mailbox));
                }
                Err(FromError::ChoiceUnusable { .. }) => {
                    bump(&stats.deliberate_blocked);
                    let options = selectable_froms(&w.ctx());
                    prop_assert!(!options.iter().any(|o| &o.choice == c));
                }
                Err(other) => prop_assert!(false, "deliberate choice replaced by {other:?}"),
            },
            None => check_automatic(&w, &result).map_err(TestCaseError::fail)?,
        }
    }
    Ok(())
}

#[test]
fn deliberate_choice_is_never_replaced_and_sent_from_matches_control() {
    let config = ProptestConfig {
        cases: 10_000,
        max_shrink_iters: 2_000,
        failure_persistence: None,
        // XorShift instead of the default ChaCha: unoptimised ChaCha was over a third of the
        // run time, and the cases need variety, not cryptographic randomness.
        rng_algorithm: RngAlgorithm::XorShift,
        ..ProptestConfig::default()
    };
    let mut runner = TestRunner::new(config);
    let stats = Stats::default();
    let strategy = (setup(), proptest::collection::vec(step(), 50..80));
    let outcome = runner.run(&strategy, |(setup, steps)| run(&setup, &steps, &stats));
    if let Err(failure) = outcome {
        panic!("{failure}");
    }
    // Every branch the property speaks about was actually exercised.
    assert!(stats.sent.get() > 1_000, "sent {}", stats.sent.get());
    assert!(
        stats.sent_deliberate.get() > 100,
        "deliberate {}",
        stats.sent_deliberate.get()
    );
    assert!(
        stats.guard_stops.get() > 10,
        "guard stops {}",
        stats.guard_stops.get()
    );
    assert!(
        stats.deliberate_blocked.get() > 100,
        "blocked {}",
        stats.deliberate_blocked.get()
    );
}
