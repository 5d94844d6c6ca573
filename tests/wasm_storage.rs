#![cfg(target_arch = "wasm32")]
//! Storage layer in headless Chromium: every test opens its own uniquely named database and
//! deletes it at the end. Run with
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test wasm_storage`.

use gloo_timers::future::TimeoutFuture;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use switchboard::domain::views::{ListIndex, ListPlan};
use switchboard::domain::*;
use switchboard::storage::notify::Change;
use switchboard::storage::schema::ALL_STORES;
use switchboard::storage::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// ---- helpers ------------------------------------------------------------------------------

fn unique(name: &str) -> String {
    format!(
        "sb-test-{name}-{}-{}",
        js_sys::Date::now(),
        (js_sys::Math::random() * 1e9) as u64
    )
}

async fn fresh(name: &str) -> (Db, String) {
    let name = unique(name);
    let db = Db::open(&name).await.expect("open a fresh database");
    (db, name)
}

async fn drop_db(db: Db, name: &str) {
    db.close();
    Db::delete_database(name)
        .await
        .expect("delete the test database");
}

/// Waits (up to `ms`) until `cond` holds.
async fn until(cond: impl Fn() -> bool, ms: u32) -> bool {
    let mut waited = 0;
    while !cond() && waited < ms {
        TimeoutFuture::new(10).await;
        waited += 10;
    }
    cond()
}

fn email(s: &str) -> EmailAddress {
    EmailAddress::parse(s).unwrap()
}

fn workspace(company: &str) -> Workspace {
    Workspace {
        company: company.into(),
        subdomain: "acme".into(),
        plan: Plan::Professional,
        team_default_reply: [(TeamId::from("t-support"), ChannelId::from("ch-1"))]
            .into_iter()
            .collect(),
    }
}

fn user(id: &str, first: &str) -> User {
    User {
        id: id.into(),
        first_name: first.into(),
        last_name: "Doe".into(),
        email: email(&format!("{first}@acme.example").to_lowercase()),
        seat: Seat::Paid,
        availability: Availability::Available,
        role: Role::User,
        primary_team: Some("t-support".into()),
        additional_teams: vec![],
        signature_html: "<p>{{first_name}}</p>".into(),
        crm_default_from: None,
    }
}

fn contact(id: &str, address: &str) -> Contact {
    Contact {
        id: id.into(),
        email: email(address),
        name: Some(format!("Contact {id}")),
        owner: None,
        created_at: 1,
    }
}

fn inbox(id: &str) -> Inbox {
    Inbox {
        id: id.into(),
        name: "Inbox".into(),
        access: InboxAccess::Everyone,
        fallback: FallbackEmail {
            use_for_sending: true,
            from_name_mode: FromNameMode::AgentAndCompany,
            company_name: "Acme".into(),
            username: "support".into(),
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

fn channel(id: &str, address: &str) -> Channel {
    Channel {
        id: id.into(),
        inbox: "i-1".into(),
        kind: ChannelKind::TeamEmail,
        address: email(address),
        display_name: "Acme Support".into(),
        enabled: true,
        verified: true,
    }
}

fn conversation(id: &str, inbox: &str, last_activity: Millis) -> Conversation {
    Conversation {
        id: id.into(),
        inbox: inbox.into(),
        area: Area::Inbox,
        channel: "ch-1".into(),
        contact: "c-1".into(),
        subject: format!("Subject {id}"),
        status: ConversationStatus::Open,
        assignee: None,
        ticket: None,
        created_at: last_activity - 5,
        last_activity,
        snippet: String::new(),
        message_count: 0,
        trashed_at: None,
    }
}

fn message(id: &str, conv: &str, direction: Direction, date: Millis) -> Message {
    let from = Mailbox {
        name: Some("Ana".into()),
        address: email("ana@customer.example"),
    };
    Message {
        subject: "Hello".into(),
        text_body: format!("body of {id}"),
        message_id: Some(format!("{id}@mail.example")),
        size: 100,
        ..Message::new(id.into(), Some(conv.into()), direction, from, date)
    }
}

fn ticket(id: &str, conv: &str) -> Ticket {
    Ticket {
        id: id.into(),
        name: "Broken login".into(),
        pipeline: "Support".into(),
        status: TicketStatus::New,
        priority: Priority::High,
        owner: Some("u-ana".into()),
        conversations: vec![conv.into()],
        created_at: 10,
        trashed_at: None,
    }
}

fn template(id: &str) -> Template {
    Template {
        id: id.into(),
        kind: TemplateKind::Snippet,
        name: "Thanks".into(),
        subject: None,
        body_html: "<p>Thanks!</p>".into(),
        shortcut: None,
        url: None,
        summary: None,
    }
}

fn small_workspace() -> WorkspaceData {
    WorkspaceData {
        workspace: workspace("Acme"),
        users: vec![user("u-ana", "Ana"), user("u-bo", "Bo")],
        teams: vec![Team {
            id: "t-support".into(),
            name: "Support".into(),
        }],
        contacts: vec![
            contact("c-1", "Ana@Customer.example"),
            contact("c-2", "bob@customer.example"),
        ],
        inboxes: vec![inbox("i-1")],
        channels: vec![
            channel("ch-1", "support@acme.example"),
            channel("ch-2", "sales@acme.example"),
        ],
        conversations: vec![conversation("conv-1", "i-1", 100)],
        messages: vec![
            message("m-1", "conv-1", Direction::Incoming, 90),
            message("m-2", "conv-1", Direction::Outgoing, 100),
        ],
        tickets: vec![ticket("tk-1", "conv-1")],
        templates: vec![template("tpl-1")],
    }
}

/// The list row of a whole conversation (what `Db::list_page_with_contacts` reads).
fn entry_of(c: &Conversation) -> entries::ConversationEntry {
    entries::ConversationEntry {
        id: c.id.clone(),
        contact: c.contact.clone(),
        subject: c.subject.clone(),
        last_activity: c.last_activity,
        snippet: c.snippet.clone(),
    }
}

fn ids(conversations: &[Conversation]) -> Vec<String> {
    conversations.iter().map(|c| c.id.0.clone()).collect()
}

// ---- schema -------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn opening_an_empty_database_migrates_from_nothing_to_the_current_schema_with_every_store() {
    let (db, name) = fresh("empty").await;
    assert_eq!(db.version(), SCHEMA_VERSION);
    assert_eq!(db.version(), 4);
    let mut stores = db.store_names();
    stores.sort();
    let mut expected: Vec<String> = ALL_STORES.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(stores, expected);

    assert!(!db.is_seeded().await.unwrap());
    assert_eq!(
        db.load_directory().await,
        Err(StorageError::NotFound("The workspace".into()))
    );
    assert_eq!(db.contacts().await.unwrap(), vec![]);
    assert_eq!(db.get_meta::<String>("missing").await.unwrap(), None);
    db.set_meta("tab-count", &vec![1u32, 2, 3]).await.unwrap();
    assert_eq!(
        db.get_meta::<Vec<u32>>("tab-count").await.unwrap(),
        Some(vec![1, 2, 3])
    );
    drop_db(db, &name).await;
}

#[wasm_bindgen_test]
async fn an_unknown_migration_step_fails_the_open_and_keeps_the_stored_schema() {
    let (db, name) = fresh("unknown-step").await;
    db.set_meta("kept", &true).await.unwrap();
    db.close();

    let upgraded = Db::open_with_version(&name, 5).await;
    assert!(
        matches!(upgraded, Err(StorageError::Unavailable(ref d)) if d.contains("version 4 to 5")),
        "{upgraded:?}"
    );

    let db = Db::open(&name).await.expect("v4 still opens");
    assert_eq!(db.version(), 4);
    assert_eq!(db.get_meta::<bool>("kept").await.unwrap(), Some(true));
    drop_db(db, &name).await;
}

// ---- seeding and the directory -------------------------------------------------------------

#[wasm_bindgen_test]
async fn replace_all_then_load_directory_round_trips_and_replaces_everything() {
    let (db, name) = fresh("replace").await;
    let data = small_workspace();
    db.replace_all(&data).await.unwrap();
    assert!(db.is_seeded().await.unwrap());

    let directory = db.load_directory().await.unwrap();
    assert_eq!(
        directory,
        Directory {
            workspace: data.workspace.clone(),
            users: data.users.clone(),
            teams: data.teams.clone(),
            inboxes: data.inboxes.clone(),
            channels: data.channels.clone(),
            templates: data.templates.clone(),
        }
    );
    // The first paint's read agrees with the whole directory (issue 2: it skips the rest).
    assert_eq!(db.load_summary().await.unwrap(), Summary::of(&directory));
    // A list row's light records read what the whole conversation and contact hold.
    let rows = db
        .conversation_rows_by_ids(&["conv-1".into(), "conv-none".into()])
        .await
        .unwrap();
    let rows: Vec<_> = rows
        .into_iter()
        .map(|(entry, contact)| (entry, contact.map(|n| n.display_name())))
        .collect();
    assert_eq!(
        rows,
        vec![(
            entry_of(&data.conversations[0]),
            Some(data.contacts[0].display_name())
        )]
    );
    assert_eq!(db.contacts().await.unwrap(), data.contacts);
    assert_eq!(db.tickets().await.unwrap(), data.tickets);
    assert_eq!(
        db.conversation(&"conv-1".into()).await.unwrap(),
        Some(data.conversations[0].clone())
    );
    assert_eq!(
        db.messages_of(&"conv-1".into()).await.unwrap(),
        data.messages
    );
    // The email index ignores case.
    assert_eq!(
        db.contact_by_email(&email("ana@CUSTOMER.example"))
            .await
            .unwrap(),
        Some(data.contacts[0].clone())
    );
    assert_eq!(
        db.contact_by_email(&email("nobody@customer.example"))
            .await
            .unwrap(),
        None
    );

    // A draft and an outbox item are wiped by the next replace_all too.
    let key = DraftKey {
        user: "u-ana".into(),
        target: DraftTarget::Conversation("conv-1".into()),
        mode: ReplyMode::Reply,
    };
    db.put_draft(&Draft::new(key.clone(), "tab-1", 5), 0)
        .await
        .unwrap();

    let mut smaller = small_workspace();
    smaller.workspace = workspace("Acme Two");
    smaller.users.truncate(1);
    smaller.contacts.truncate(1);
    smaller.conversations.clear();
    smaller.messages.clear();
    smaller.tickets.clear();
    db.replace_all(&smaller).await.unwrap();

    let directory = db.load_directory().await.unwrap();
    assert_eq!(directory.workspace.company, "Acme Two");
    assert_eq!(directory.users, smaller.users);
    assert_eq!(db.contacts().await.unwrap(), smaller.contacts);
    assert_eq!(db.conversation(&"conv-1".into()).await.unwrap(), None);
    assert_eq!(db.messages_of(&"conv-1".into()).await.unwrap(), vec![]);
    assert_eq!(db.tickets().await.unwrap(), vec![]);
    assert_eq!(db.draft(&key).await.unwrap(), None);
    drop_db(db, &name).await;
}

#[wasm_bindgen_test]
async fn single_record_puts_and_deletes_are_durable() {
    let (db, name) = fresh("puts").await;
    db.replace_all(&small_workspace()).await.unwrap();

    let mut ws = workspace("Renamed");
    ws.plan = Plan::Enterprise;
    db.put_workspace(&ws).await.unwrap();
    let mut ib = inbox("i-2");
    ib.name = "Billing".into();
    db.put_inbox(&ib).await.unwrap();
    let mut ch = channel("ch-1", "help@acme.example");
    ch.enabled = false;
    db.put_channel(&ch).await.unwrap();
    db.put_user(&user("u-cy", "Cy")).await.unwrap();
    db.put_template(&template("tpl-2")).await.unwrap();
    db.delete_template(&"tpl-1".into()).await.unwrap();
    db.put_contact(&contact("c-3", "new@customer.example"))
        .await
        .unwrap();

    let directory = db.load_directory().await.unwrap();
    assert_eq!(directory.workspace, ws);
    assert_eq!(directory.inboxes, vec![inbox("i-1"), ib]);
    assert_eq!(directory.channels[0], ch);
    assert_eq!(directory.users.len(), 3);
    assert_eq!(directory.templates, vec![template("tpl-2")]);
    assert_eq!(
        db.contact(&"c-3".into()).await.unwrap(),
        Some(contact("c-3", "new@customer.example"))
    );
    // A second contact with the same address (any case) is refused.
    assert_eq!(
        db.put_contact(&contact("c-4", "NEW@customer.example"))
            .await,
        Err(StorageError::Conflict)
    );
    assert_eq!(db.contact(&"c-4".into()).await.unwrap(), None);
    drop_db(db, &name).await;
}

// ---- conversation lists -------------------------------------------------------------------

/// 30 conversations of inbox i-1 (plus decoys in another inbox and in the help desk) spread
/// over every bucket and assignee.
fn thirty_conversations() -> Vec<Conversation> {
    let mut all = Vec::new();
    for i in 0..30i64 {
        let mut c = conversation(&format!("conv-{i:02}"), "i-1", 1_000 + i * 10);
        c.status = if i % 3 == 2 {
            ConversationStatus::Closed
        } else {
            ConversationStatus::Open
        };
        if i % 10 == 9 {
            c.trashed_at = Some(5_000 + i);
        }
        c.assignee = match i % 4 {
            0 => None,
            1 => Some("u-ana".into()),
            _ => Some("u-bo".into()),
        };
        all.push(c);
    }
    // Two conversations with the same last_activity: order is still deterministic.
    all[4].last_activity = all[5].last_activity;
    let mut other_inbox = conversation("conv-x1", "i-2", 9_999);
    other_inbox.assignee = Some("u-ana".into());
    let mut help_desk = conversation("conv-x2", "i-1", 9_998);
    help_desk.area = Area::HelpDesk;
    all.push(other_inbox);
    all.push(help_desk);
    all
}

fn expected_list(all: &[Conversation], bucket: Bucket, assignee: &AssigneeFilter) -> Vec<String> {
    let mut list: Vec<&Conversation> = all
        .iter()
        .filter(|c| c.area == Area::Inbox && c.inbox.as_str() == "i-1")
        .filter(|c| Bucket::of(c) == bucket)
        .filter(|c| match assignee {
            AssigneeFilter::Any => true,
            AssigneeFilter::Unassigned => c.assignee.is_none(),
            AssigneeFilter::User(u) => c.assignee.as_ref() == Some(u),
        })
        .collect();
    // Newest first; ties by id, descending (a reverse cursor over [.., last_activity] + key).
    list.sort_by(|a, b| (b.last_activity, &b.id).cmp(&(a.last_activity, &a.id)));
    list.into_iter().map(|c| c.id.0.clone()).collect()
}

#[wasm_bindgen_test]
async fn conversation_pages_and_counts_follow_bucket_assignee_order_offset_and_limit() {
    let (db, name) = fresh("pages").await;
    let all = thirty_conversations();
    put_conversations(&db, all.clone()).await;

    let assignees = [
        AssigneeFilter::Any,
        AssigneeFilter::Unassigned,
        AssigneeFilter::User("u-ana".into()),
        AssigneeFilter::User("u-bo".into()),
        AssigneeFilter::User("u-nobody".into()),
    ];
    let mut total = 0;
    for bucket in [Bucket::Open, Bucket::Closed, Bucket::Trash] {
        for assignee in &assignees {
            let expected = expected_list(&all, bucket, assignee);
            let query = |offset, limit| PageQuery {
                area: Area::Inbox,
                inbox: "i-1".into(),
                bucket,
                assignee: assignee.clone(),
                offset,
                limit,
            };
            let case = format!("{bucket:?} {assignee:?}");
            assert_eq!(
                db.count_conversations(&query(3, 1)).await.unwrap() as usize,
                expected.len(),
                "count {case}"
            );
            for (offset, limit) in [(0u32, 100u32), (0, 3), (2, 4), (5, 2), (40, 5), (1, 0)] {
                let page = db.conversations_page(&query(offset, limit)).await.unwrap();
                let want: Vec<String> = expected
                    .iter()
                    .skip(offset as usize)
                    .take(limit as usize)
                    .cloned()
                    .collect();
                assert_eq!(ids(&page), want, "{case} offset {offset} limit {limit}");
            }
            if *assignee == AssigneeFilter::Any {
                total += expected.len();
            }
        }
    }
    assert_eq!(
        total, 30,
        "every i-1 inbox conversation is in exactly one bucket"
    );
    // Spot checks of the rules themselves, independent of expected_list.
    let open_any = PageQuery {
        area: Area::Inbox,
        inbox: "i-1".into(),
        bucket: Bucket::Open,
        assignee: AssigneeFilter::Any,
        offset: 0,
        limit: 2,
    };
    assert_eq!(
        ids(&db.conversations_page(&open_any).await.unwrap()),
        vec!["conv-28", "conv-27"]
    );
    let trash = PageQuery {
        bucket: Bucket::Trash,
        limit: 10,
        ..open_any.clone()
    };
    assert_eq!(
        ids(&db.conversations_page(&trash).await.unwrap()),
        vec!["conv-29", "conv-19", "conv-09"]
    );
    let help_desk = PageQuery {
        area: Area::HelpDesk,
        limit: 10,
        ..open_any.clone()
    };
    assert_eq!(
        ids(&db.conversations_page(&help_desk).await.unwrap()),
        vec!["conv-x2"]
    );

    // Moving a conversation to trash moves it between lists.
    let mut moved = db.conversation(&"conv-28".into()).await.unwrap().unwrap();
    moved.trashed_at = Some(9_000);
    put_conversations(&db, vec![moved]).await;
    assert_eq!(
        ids(&db.conversations_page(&open_any).await.unwrap()),
        vec!["conv-27", "conv-25"]
    );
    assert_eq!(db.count_conversations(&trash).await.unwrap(), 4);

    assert_eq!(
        ids(&db.conversations_of_contact(&"c-1".into()).await.unwrap())[..3],
        ["conv-x1", "conv-x2", "conv-29"]
    );
    drop_db(db, &name).await;
}

// ---- v2: filtered lists, keyset pages, search tokens, the v1 → v2 migration ----------------

fn list_query(plan: ListPlan) -> ListQuery {
    ListQuery {
        area: Area::Inbox,
        inbox: "i-1".into(),
        plan,
    }
}

fn plan(index: ListIndex, prefix: &[&str], from: Option<Millis>, to: Option<Millis>) -> ListPlan {
    ListPlan {
        index,
        prefix: prefix.iter().map(|p| p.to_string()).collect(),
        from,
        to,
    }
}

#[wasm_bindgen_test]
async fn filtered_lists_page_by_offset_from_either_end_and_after_a_key_in_the_same_order() {
    let (db, name) = fresh("list-pages").await;
    let mut all = thirty_conversations();
    for (i, c) in all.iter_mut().enumerate() {
        c.channel = if i % 2 == 0 { "ch-1" } else { "ch-2" }.into();
    }
    put_conversations(&db, all.clone()).await;
    let expected = |keep: &dyn Fn(&Conversation) -> bool| -> Vec<String> {
        let mut list: Vec<&Conversation> = all
            .iter()
            .filter(|c| c.area == Area::Inbox && c.inbox.as_str() == "i-1" && keep(c))
            .collect();
        list.sort_by(|a, b| (b.last_activity, &b.id).cmp(&(a.last_activity, &a.id)));
        list.into_iter().map(|c| c.id.0.clone()).collect()
    };
    let open = |c: &Conversation| Bucket::of(c) == Bucket::Open;
    let cases: Vec<(&str, ListPlan, Vec<String>)> = vec![
        (
            "open",
            plan(ListIndex::Bucket, &["open"], None, None),
            expected(&open),
        ),
        (
            "open on ch-2",
            plan(ListIndex::BucketChannel, &["open", "ch-2"], None, None),
            expected(&|c| open(c) && c.channel.as_str() == "ch-2"),
        ),
        (
            "open, u-bo, ch-1",
            plan(
                ListIndex::BucketAssigneeChannel,
                &["open", "u-bo", "ch-1"],
                None,
                None,
            ),
            expected(&|c| {
                open(c) && c.assignee == Some("u-bo".into()) && c.channel.as_str() == "ch-1"
            }),
        ),
        (
            "open between 1050 and 1200",
            plan(ListIndex::Bucket, &["open"], Some(1_050), Some(1_200)),
            expected(&|c| open(c) && (1_050..=1_200).contains(&c.last_activity)),
        ),
        (
            "unassigned since 1100",
            plan(ListIndex::BucketAssignee, &["open", ""], Some(1_100), None),
            expected(&|c| open(c) && c.assignee.is_none() && c.last_activity >= 1_100),
        ),
    ];
    for (case, plan, want) in cases {
        let q = list_query(plan);
        assert_eq!(
            db.count_list(&q).await.unwrap() as usize,
            want.len(),
            "count {case}"
        );
        for (offset, limit) in [(0u32, 100u32), (0, 3), (2, 4), (9, 3), (12, 5), (40, 5)] {
            let page = db
                .list_page(&q, &PageStart::Offset(offset), limit)
                .await
                .unwrap();
            let slice: Vec<String> = want
                .iter()
                .skip(offset as usize)
                .take(limit as usize)
                .cloned()
                .collect();
            assert_eq!(ids(&page), slice, "{case} offset {offset} limit {limit}");
            // The list's own read: the same rows, as light records.
            let rows = db
                .list_page_with_contacts(&q, &PageStart::Offset(offset), limit)
                .await
                .unwrap();
            let light: Vec<_> = rows.into_iter().map(|(c, _)| c).collect();
            let whole: Vec<_> = page.iter().map(entry_of).collect();
            assert_eq!(light, whole, "{case} rows offset {offset} limit {limit}");
        }
        // Page after page by key: the same rows, the tie at conv-04/conv-05 included.
        let mut walked: Vec<String> = Vec::new();
        let mut start = PageStart::Offset(0);
        loop {
            let page = db.list_page(&q, &start, 2).await.unwrap();
            let Some(last) = page.last() else { break };
            start = PageStart::After(ListKey::of(last));
            walked.extend(ids(&page));
        }
        assert_eq!(walked, want, "{case} by key");
    }
    drop_db(db, &name).await;
}

fn searched(ids: std::collections::HashSet<ConversationId>) -> Vec<String> {
    let mut ids: Vec<String> = ids.into_iter().map(|id| id.0).collect();
    ids.sort();
    ids
}

#[wasm_bindgen_test]
async fn search_tokens_follow_subjects_contacts_and_messages_as_they_are_written_and_deleted() {
    let (db, name) = fresh("search").await;
    let mut tent = conversation("conv-1", "i-1", 100);
    tent.subject = "Torn tent bag".into();
    let mut other = conversation("conv-2", "i-1", 200);
    other.contact = "c-2".into();
    let mut note = message("m-1", "conv-2", Direction::Incoming, 200);
    note.text_body = "Parcel held at Poznań depot".into();
    let mut stefan = contact("c-2", "stefan@customer.example");
    stefan.name = Some("Ștefan Rădulescu".into());
    db.write_batch(&WriteBatch {
        conversations: vec![tent.clone(), other],
        messages: vec![note],
        contacts: vec![contact("c-1", "ana@customer.example"), stefan],
        ..WriteBatch::default()
    })
    .await
    .unwrap();
    let cases = [
        ("ten", vec!["conv-1"]),
        ("poznan", vec!["conv-2"]),
        ("stef", vec!["conv-2"]),
        ("customer", vec!["conv-1", "conv-2"]),
        ("subject", vec!["conv-2"]),
        ("zebra", vec![]),
    ];
    for (token, want) in cases {
        let found = searched(db.conversations_with_token(token).await.unwrap());
        assert_eq!(found, want, "{token}");
    }
    // A new subject replaces the old tokens; a deleted message takes its tokens with it.
    tent.subject = "Broken zip".into();
    db.write_batch(&WriteBatch {
        conversations: vec![tent],
        delete_messages: vec!["m-1".into()],
        ..WriteBatch::default()
    })
    .await
    .unwrap();
    assert!(searched(db.conversations_with_token("tent").await.unwrap()).is_empty());
    assert_eq!(
        searched(db.conversations_with_token("zip").await.unwrap()),
        ["conv-1"]
    );
    assert!(searched(db.conversations_with_token("poznan").await.unwrap()).is_empty());

    // A conversation written after its contact takes the stored contact's name and address.
    let mut later = conversation("conv-3", "i-1", 300);
    later.contact = "c-2".into();
    later.subject = "Invoice copy".into();
    put_conversations(&db, vec![later]).await;
    assert_eq!(
        searched(db.conversations_with_token("radulescu").await.unwrap()),
        ["conv-2", "conv-3"]
    );
    // A contact's new name and address replace the old ones in every conversation of theirs.
    let mut renamed = contact("c-2", "s.radu@shop.example");
    renamed.name = Some("Stefania Radu".into());
    db.put_contact(&renamed).await.unwrap();
    assert!(searched(db.conversations_with_token("radulescu").await.unwrap()).is_empty());
    assert!(searched(db.conversations_with_token("customer").await.unwrap()) == ["conv-1"]);
    assert_eq!(
        searched(db.conversations_with_token("stefania").await.unwrap()),
        ["conv-2", "conv-3"]
    );
    assert_eq!(
        searched(db.conversations_with_token("shop").await.unwrap()),
        ["conv-2", "conv-3"]
    );
    // The records themselves are unchanged.
    assert_eq!(
        db.conversation(&"conv-3".into())
            .await
            .unwrap()
            .map(|c| c.subject),
        Some("Invoice copy".to_string())
    );
    // Their list rows show the new name, carried by the conversation records themselves.
    let rows = db
        .conversation_rows_by_ids(&["conv-2".into(), "conv-3".into()])
        .await
        .unwrap();
    let radu = Some("Stefania Radu".to_string());
    assert_eq!(row_names(rows), [radu.clone(), radu.clone()]);
    let raw = raw_record(&name, "conversations", "conv-3").await;
    assert_eq!(text_of(&raw, "_cn").as_deref(), Some("Stefania Radu"));
    assert_eq!(text_of(&raw, "_ce").as_deref(), Some("s.radu@shop.example"));
    // A record without those fields (written before they existed) has its contact read.
    for field in ["_ce", "_cn"] {
        js_sys::Reflect::delete_property(&js_sys::Object::from(raw.clone()), &field.into())
            .unwrap();
    }
    raw_put(&name, "conversations", &raw).await;
    let rows = db
        .conversation_rows_by_ids(&["conv-3".into()])
        .await
        .unwrap();
    assert_eq!(row_names(rows), [radu]);
    // A conversation whose contact is not stored has no contact name.
    let mut orphan = conversation("conv-9", "i-1", 400);
    orphan.contact = "c-none".into();
    put_conversations(&db, vec![orphan]).await;
    let rows = db
        .conversation_rows_by_ids(&["conv-9".into()])
        .await
        .unwrap();
    assert_eq!(row_names(rows), [None]);
    drop_db(db, &name).await;
}

/// Stores `conversations` (their contacts as stored), as the app's writes do.
async fn put_conversations(db: &Db, conversations: Vec<Conversation>) {
    db.write_batch(&WriteBatch {
        conversations,
        ..WriteBatch::default()
    })
    .await
    .unwrap();
}

/// The contact names of list rows, in order.
fn row_names(
    rows: Vec<(entries::ConversationEntry, Option<entries::ContactName>)>,
) -> Vec<Option<String>> {
    rows.into_iter()
        .map(|(_, contact)| contact.map(|c| c.display_name()))
        .collect()
}

/// The text field `field` of a raw stored object.
fn text_of(record: &wasm_bindgen::JsValue, field: &str) -> Option<String> {
    js_sys::Reflect::get(record, &field.into())
        .ok()?
        .as_string()
}

/// The text array field `field` of a raw stored object (a multi-entry index's keys).
fn texts_of(record: &wasm_bindgen::JsValue, field: &str) -> Option<Vec<String>> {
    let value = js_sys::Reflect::get(record, &field.into()).ok()?;
    let array = value.dyn_ref::<js_sys::Array>()?;
    array.iter().map(|v| v.as_string()).collect()
}

/// The object stored under `key` in `store` of database `name`, as it is (computed fields
/// included), read with a version-less open.
async fn raw_record(name: &str, store: &str, key: &str) -> wasm_bindgen::JsValue {
    use indexed_db_futures::database::Database;
    use indexed_db_futures::prelude::*;
    let raw = Database::open(name).build().unwrap().await.unwrap();
    let value: Option<wasm_bindgen::JsValue> = {
        let tx = raw.transaction(store).build().unwrap();
        let request = tx
            .object_store(store)
            .unwrap()
            .get(key)
            .primitive()
            .unwrap();
        request.await.unwrap()
    };
    raw.close();
    value.expect("a stored record")
}

/// How many records `store` of database `name` holds.
async fn raw_count(name: &str, store: &str) -> u32 {
    use indexed_db_futures::database::Database;
    use indexed_db_futures::prelude::*;
    let raw = Database::open(name).build().unwrap().await.unwrap();
    let count = {
        let tx = raw.transaction(store).build().unwrap();
        let request = tx.object_store(store).unwrap().count().primitive().unwrap();
        request.await.unwrap()
    };
    raw.close();
    count
}

/// Puts `record` into `store` of database `name` as it is.
async fn raw_put(name: &str, store: &str, record: &wasm_bindgen::JsValue) {
    use indexed_db_futures::database::Database;
    use indexed_db_futures::prelude::*;
    use indexed_db_futures::transaction::TransactionMode;
    let raw = Database::open(name).build().unwrap().await.unwrap();
    let tx = raw
        .transaction(store)
        .with_mode(TransactionMode::Readwrite)
        .build()
        .unwrap();
    tx.object_store(store)
        .unwrap()
        .put(record)
        .primitive()
        .unwrap();
    tx.commit().await.unwrap();
    raw.close();
}

#[wasm_bindgen_test]
async fn a_search_keeps_conversations_matching_every_word_in_any_field_open_first_then_closed() {
    let (db, name) = fresh("search-ids").await;
    let mut ana = contact("c-1", "ana@customer.example");
    ana.name = Some("Ana Zbierska".into());
    let mut bo = contact("c-2", "bo@shop.example");
    bo.name = Some("Bo Lind".into());
    // conv-1 (open, Ana): subject "Torn tent"; conv-2 (closed, Ana, newer): a message says
    // "tent"; conv-3 (open, Bo): subject "Tent pegs"; conv-4 (open, Ana, newest): no "tent".
    let mut c1 = conversation("conv-1", "i-1", 100);
    c1.subject = "Torn tent".into();
    let mut c2 = conversation("conv-2", "i-1", 200);
    c2.status = ConversationStatus::Closed;
    c2.subject = "Refund".into();
    let mut c3 = conversation("conv-3", "i-1", 300);
    c3.contact = "c-2".into();
    c3.subject = "Tent pegs".into();
    let mut c4 = conversation("conv-4", "i-1", 400);
    c4.subject = "Invoice".into();
    let mut note = message("m-1", "conv-2", Direction::Incoming, 200);
    note.text_body = "The tent arrived torn".into();
    db.write_batch(&WriteBatch {
        conversations: vec![c1, c2, c3, c4],
        messages: vec![note],
        contacts: vec![ana, bo],
        ..WriteBatch::default()
    })
    .await
    .unwrap();
    let open = list_query(plan(ListIndex::Bucket, &["open"], None, None));
    let closed = list_query(plan(ListIndex::Bucket, &["closed"], None, None));
    let lists = [open.clone(), closed];
    // Each path: every word's matches read whole (the default probe), some words cut short
    // and checked on the candidates' records and messages (2), every word cut short (1).
    let search = |text: &str, probe: u32| {
        let tokens: Vec<String> = text.split(' ').map(str::to_string).collect();
        let db = db.clone();
        let lists = lists.clone();
        async move {
            let found = db
                .search_ids_with_probe(&tokens, &lists, probe)
                .await
                .unwrap();
            found.into_iter().map(|id| id.0).collect::<Vec<_>>()
        }
    };
    let cases: [(&str, &[&str]); 9] = [
        // Open newest first, then closed.
        ("tent", &["conv-3", "conv-1", "conv-2"]),
        // Each word may match a different field: contact name + subject or message text.
        ("zbierska tent", &["conv-1", "conv-2"]),
        ("ana torn", &["conv-1", "conv-2"]),
        ("customer", &["conv-4", "conv-1", "conv-2"]),
        ("shop pegs", &["conv-3"]),
        ("lind torn", &[]),
        // "arrived" is only in conv-2's message.
        ("tent arrived", &["conv-2"]),
        ("ana arrived", &["conv-2"]),
        ("zebra", &[]),
    ];
    for (text, want) in cases {
        for probe in [300, 2, 1] {
            assert_eq!(search(text, probe).await, want, "{text}, probe {probe}");
        }
    }
    assert_eq!(
        db.search_ids(&["torn".into()], &lists).await.unwrap(),
        vec![ConversationId::from("conv-1"), "conv-2".into()]
    );
    // Only the lists given: the open one alone.
    let open_only = db.search_ids(&["tent".to_string()], &[open]).await.unwrap();
    assert_eq!(
        open_only,
        vec![ConversationId::from("conv-3"), "conv-1".into()]
    );
    // No words, no results.
    assert!(db.search_ids(&[], &lists).await.unwrap().is_empty());
    drop_db(db, &name).await;
}

/// A record as schema v1 stored it: the serde form plus v1's computed fields only.
fn v1_record<T: serde::Serialize>(value: &T, fields: &[(&str, &str)]) -> wasm_bindgen::JsValue {
    let mut tree = serde_json::to_value(value).unwrap();
    for (k, v) in fields {
        tree[*k] = serde_json::Value::String(v.to_string());
    }
    js_sys::JSON::parse(&tree.to_string()).unwrap()
}

/// What `v1_database` stored, as domain values.
struct V1Records {
    tent: Conversation,
    closed: Conversation,
    note: Message,
    ana: Contact,
}

/// A database `name` at schema v1 holding two conversations, a message and a contact, written
/// as v1 wrote them (no search tokens, no message terms).
async fn v1_database(name: &str) -> V1Records {
    use indexed_db_futures::database::Database;
    use indexed_db_futures::prelude::*;
    use indexed_db_futures::transaction::TransactionMode;

    let v1 = Db::open_with_version(name, 1).await.expect("open at v1");
    assert_eq!(v1.version(), 1);
    v1.close();

    // Records written by v1: no search tokens, no message terms.
    let mut tent = conversation("conv-1", "i-1", 100);
    tent.subject = "Torn tent bag".into();
    tent.channel = "ch-2".into();
    let mut closed = conversation("conv-2", "i-1", 200);
    closed.status = ConversationStatus::Closed;
    closed.assignee = Some("u-ana".into());
    let mut note = message("m-1", "conv-2", Direction::Incoming, 200);
    note.text_body = "Invoice DN-70023 attached".into();
    let ana = contact("c-1", "ana@customer.example");
    {
        let raw = Database::open(&name).build().unwrap().await.unwrap();
        let tx = raw
            .transaction(["conversations", "messages", "contacts"])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .unwrap();
        let conversations = tx.object_store("conversations").unwrap();
        let fields = [("_area", "inbox"), ("_bucket", "open"), ("_assignee", "")];
        conversations
            .put(v1_record(&tent, &fields))
            .primitive()
            .unwrap();
        let fields = [
            ("_area", "inbox"),
            ("_bucket", "closed"),
            ("_assignee", "u-ana"),
        ];
        conversations
            .put(v1_record(&closed, &fields))
            .primitive()
            .unwrap();
        let messages = tx.object_store("messages").unwrap();
        messages.put(v1_record(&note, &[])).primitive().unwrap();
        let contacts = tx.object_store("contacts").unwrap();
        let fields = [("_email", "ana@customer.example")];
        contacts.put(v1_record(&ana, &fields)).primitive().unwrap();
        tx.commit().await.unwrap();
        raw.close();
    }
    V1Records {
        tent,
        closed,
        note,
        ana,
    }
}

/// The version and store names of database `name` as stored, read with a version-less open
/// (which never upgrades an existing database).
async fn stored_schema(name: &str) -> (u32, Vec<String>) {
    use indexed_db_futures::database::Database;
    use indexed_db_futures::prelude::*;
    let raw = Database::open(name).build().unwrap().await.unwrap();
    let schema = (raw.version() as u32, raw.object_store_names().collect());
    raw.close();
    schema
}

#[wasm_bindgen_test]
async fn migrating_v1_to_v2_keeps_every_record_and_indexes_it_for_filters_and_search() {
    let name = unique("migrate-v2");
    let V1Records {
        tent,
        closed,
        note,
        ana,
    } = v1_database(&name).await;

    let db = Db::open(&name).await.expect("v1 migrates to v4");
    assert_eq!(db.version(), 4);
    assert!(db.store_names().contains(&"message_terms".to_string()));
    // Nothing lost.
    assert_eq!(db.conversation(&"conv-1".into()).await.unwrap(), Some(tent));
    assert_eq!(
        db.conversation(&"conv-2".into()).await.unwrap(),
        Some(closed)
    );
    assert_eq!(db.contact(&"c-1".into()).await.unwrap(), Some(ana));
    assert_eq!(db.messages_of(&"conv-2".into()).await.unwrap(), vec![note]);
    // The new channel index covers the old records.
    let by_channel = list_query(plan(
        ListIndex::BucketChannel,
        &["open", "ch-2"],
        None,
        None,
    ));
    assert_eq!(db.count_list(&by_channel).await.unwrap(), 1);
    let closed_ana = list_query(plan(
        ListIndex::BucketAssigneeChannel,
        &["closed", "u-ana", "ch-1"],
        None,
        None,
    ));
    assert_eq!(
        ids(&db
            .list_page(&closed_ana, &PageStart::Offset(0), 10)
            .await
            .unwrap()),
        ["conv-2"]
    );
    // And the backfilled search tokens: subject, message text, contact.
    assert_eq!(
        searched(db.conversations_with_token("tent").await.unwrap()),
        ["conv-1"]
    );
    assert_eq!(
        searched(db.conversations_with_token("70023").await.unwrap()),
        ["conv-2"]
    );
    assert_eq!(
        searched(db.conversations_with_token("ana").await.unwrap()),
        ["conv-1", "conv-2"]
    );
    // And the message's timeline addresses (v4): its sender.
    let raw = raw_record(&name, "messages", "m-1").await;
    assert_eq!(
        texts_of(&raw, "_tl"),
        Some(vec!["ana@customer.example".into()])
    );
    drop_db(db, &name).await;
}

#[wasm_bindgen_test]
async fn the_main_module_creates_a_new_database_without_the_lazily_loaded_migrations() {
    let name = unique("main-module-fresh");
    let db = Db::open_in_main_module(&name, SCHEMA_VERSION)
        .await
        .expect("a new database opens")
        .expect("a new database needs no backfill");
    assert_eq!(db.version(), SCHEMA_VERSION);
    let mut stores = db.store_names();
    stores.sort();
    let mut expected: Vec<String> = ALL_STORES.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(stores, expected);
    // A current database opens there too (the common boot path: one open).
    db.close();
    let again = Db::open_in_main_module(&name, SCHEMA_VERSION).await;
    let again = again
        .expect("a current database opens")
        .expect("no upgrade");
    drop_db(again, &name).await;
}

#[wasm_bindgen_test]
async fn an_upgrade_with_stored_records_is_aborted_until_its_migrations_are_loaded_then_backfills_the_terms(
) {
    let name = unique("lazy-migration");
    let V1Records { note, .. } = v1_database(&name).await;

    // Without the lazily loaded backfills the upgrade is aborted and changes nothing.
    assert!(matches!(
        Db::open_in_main_module(&name, SCHEMA_VERSION).await,
        Ok(None)
    ));
    let (version, stores) = stored_schema(&name).await;
    assert_eq!(version, 1);
    assert!(!stores.contains(&"message_terms".to_string()), "{stores:?}");

    // `open` then loads them and runs the whole upgrade: the message's terms are searchable.
    let db = Db::open(&name).await.expect("v1 migrates to v4");
    assert_eq!(db.version(), 4);
    assert_eq!(db.messages_of(&"conv-2".into()).await.unwrap(), vec![note]);
    assert_eq!(
        searched(db.conversations_with_token("70023").await.unwrap()),
        ["conv-2"]
    );
    assert_eq!(
        searched(db.conversations_with_token("tent").await.unwrap()),
        ["conv-1"]
    );
    drop_db(db, &name).await;
}

#[wasm_bindgen_test]
async fn another_tab_finishing_the_upgrade_before_the_retry_leaves_one_correct_v2_database() {
    let name = unique("race");
    v1_database(&name).await;
    // This tab's first attempt finds records and no backfill code: aborted.
    assert!(matches!(
        Db::open_in_main_module(&name, SCHEMA_VERSION).await,
        Ok(None)
    ));
    // Meanwhile another tab upgrades the database and closes.
    Db::open(&name)
        .await
        .expect("the other tab upgrades")
        .close();
    // The retry (here: the whole open again) finds it current and runs no step twice.
    let db = Db::open(&name).await.expect("opens the upgraded database");
    assert_eq!(db.version(), 4);
    assert_eq!(
        searched(db.conversations_with_token("70023").await.unwrap()),
        ["conv-2"]
    );
    assert_eq!(
        searched(db.conversations_with_token("ana").await.unwrap()),
        ["conv-1", "conv-2"]
    );
    drop_db(db, &name).await;
}

#[wasm_bindgen_test]
async fn migrating_v2_to_v3_adds_each_contacts_name_and_address_to_its_conversations_tokens() {
    use indexed_db_futures::database::Database;
    use indexed_db_futures::prelude::*;
    use indexed_db_futures::transaction::TransactionMode;

    let name = unique("migrate-v3");
    Db::open_with_version(&name, 2)
        .await
        .expect("a new v2 database")
        .close();
    // Records as v2 wrote them: a conversation's tokens are its subject and preview only.
    let mut tent = conversation("conv-1", "i-1", 100);
    tent.subject = "Torn tent bag".into();
    let mut stefan = contact("c-1", "stefan@customer.example");
    stefan.name = Some("Ștefan Rădulescu".into());
    {
        let raw = Database::open(&name).build().unwrap().await.unwrap();
        let tx = raw
            .transaction(["conversations", "contacts"])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .unwrap();
        let record = v1_record(
            &tent,
            &[("_area", "inbox"), ("_bucket", "open"), ("_assignee", "")],
        );
        let tokens: js_sys::Array = ["torn", "tent", "bag"]
            .iter()
            .map(|t| wasm_bindgen::JsValue::from_str(t))
            .collect();
        js_sys::Reflect::set(&record, &"_t".into(), &tokens).unwrap();
        tx.object_store("conversations")
            .unwrap()
            .put(record)
            .primitive()
            .unwrap();
        let record = v1_record(&stefan, &[("_email", "stefan@customer.example")]);
        let tokens: js_sys::Array = ["stefan", "radulescu", "customer", "example"]
            .iter()
            .map(|t| wasm_bindgen::JsValue::from_str(t))
            .collect();
        js_sys::Reflect::set(&record, &"_t".into(), &tokens).unwrap();
        tx.object_store("contacts")
            .unwrap()
            .put(record)
            .primitive()
            .unwrap();
        tx.commit().await.unwrap();
        raw.close();
    }
    // The main module cannot rewrite stored records: aborted, still v2.
    assert!(matches!(
        Db::open_in_main_module(&name, SCHEMA_VERSION).await,
        Ok(None)
    ));
    assert_eq!(stored_schema(&name).await.0, 2);
    let v2 = Db::open_with_version(&name, 2).await.unwrap();
    assert!(searched(v2.conversations_with_token("radulescu").await.unwrap()).is_empty());
    v2.close();

    let db = Db::open(&name).await.expect("v2 migrates to v4");
    assert_eq!(db.version(), 4);
    assert_eq!(db.conversation(&"conv-1".into()).await.unwrap(), Some(tent));
    assert_eq!(db.contact(&"c-1".into()).await.unwrap(), Some(stefan));
    for token in ["radulescu", "stefan", "customer", "tent"] {
        assert_eq!(
            searched(db.conversations_with_token(token).await.unwrap()),
            ["conv-1"],
            "{token}"
        );
    }
    // The backfill also gives the conversation its contact's row text (no contact read).
    let raw = raw_record(&name, "conversations", "conv-1").await;
    assert_eq!(text_of(&raw, "_cn").as_deref(), Some("Ștefan Rădulescu"));
    assert_eq!(
        text_of(&raw, "_ce").as_deref(),
        Some("stefan@customer.example")
    );
    drop_db(db, &name).await;
}

#[wasm_bindgen_test]
async fn migrating_v3_to_v4_indexes_every_stored_message_by_its_timeline_addresses() {
    let name = unique("migrate-v4");
    let v3 = Db::open_with_version(&name, 3)
        .await
        .expect("a new v3 database");
    let mut first = conversation("conv-1", "i-1", 100);
    first.message_count = 2;
    let second = conversation("conv-2", "i-1", 200);
    v3.write_batch(&WriteBatch {
        contacts: vec![
            contact("c-1", "ana@customer.example"),
            contact("c-2", "bo@shop.example"),
            contact("c-3", "cy@shop.example"),
        ],
        conversations: vec![first, second],
        ..WriteBatch::default()
    })
    .await
    .unwrap();
    v3.close();
    // Messages as v3 wrote them: no timeline addresses; one written before `bcc` existed.
    let mut received = message("m-1", "conv-1", Direction::Incoming, 100);
    received.to = vec![Mailbox {
        name: None,
        address: email("support@acme.example"),
    }];
    received.cc = vec![Mailbox {
        name: Some("Bo".into()),
        address: email("Bo@Shop.example"),
    }];
    // A Reply-To (kept since session 22) puts it on that address's timeline too.
    received.reply_to = vec![Mailbox {
        name: None,
        address: email("Dee@Customer.example"),
    }];
    let mut note = message("m-2", "conv-1", Direction::Comment, 110);
    note.cc = received.cc.clone();
    let mut sent = message("m-3", "conv-2", Direction::Outgoing, 200);
    sent.from = Mailbox {
        name: None,
        address: email("support@acme.example"),
    };
    sent.to = vec![Mailbox {
        name: None,
        address: email("ana@customer.example"),
    }];
    sent.bcc = vec![Mailbox {
        name: None,
        address: email("cy@shop.example"),
    }];
    let old_record = v1_record(&received, &[]);
    js_sys::Reflect::delete_property(old_record.unchecked_ref::<js_sys::Object>(), &"bcc".into())
        .unwrap();
    raw_put(&name, "messages", &old_record).await;
    raw_put(&name, "messages", &v1_record(&note, &[])).await;
    raw_put(&name, "messages", &v1_record(&sent, &[])).await;

    // The main module cannot rewrite stored records: aborted, still v3.
    assert!(matches!(
        Db::open_in_main_module(&name, SCHEMA_VERSION).await,
        Ok(None)
    ));
    assert_eq!(stored_schema(&name).await.0, 3);

    let db = Db::open(&name).await.expect("v3 migrates to v4");
    assert_eq!(db.version(), 4);
    // Nothing lost or changed.
    assert_eq!(
        db.messages_of(&"conv-1".into()).await.unwrap(),
        vec![received.clone(), note]
    );
    assert_eq!(
        db.messages_of(&"conv-2".into()).await.unwrap(),
        vec![sent.clone()]
    );
    // Every message has its timeline addresses, a comment none.
    let keys = |id: &'static str| {
        let name = name.clone();
        async move { texts_of(&raw_record(&name, "messages", id).await, "_tl") }
    };
    assert_eq!(
        keys("m-1").await,
        Some(vec![
            "ana@customer.example".into(),
            "dee@customer.example".into(),
            "support@acme.example".into(),
            "bo@shop.example".into(),
        ])
    );
    assert_eq!(keys("m-2").await, Some(vec![]));
    assert_eq!(
        keys("m-3").await,
        Some(vec![
            "ana@customer.example".into(),
            "cy@shop.example".into()
        ])
    );
    // The Cc'd and the Bcc'd contacts now see them, through the index.
    let bo = db.contact(&"c-2".into()).await.unwrap().unwrap();
    let (conversations, messages) = db.contact_timeline(&bo).await.unwrap();
    assert_eq!(ids(&conversations), ["conv-1"]);
    assert_eq!(messages, vec![received]);
    let cy = db.contact(&"c-3".into()).await.unwrap().unwrap();
    let (conversations, messages) = db.contact_timeline(&cy).await.unwrap();
    assert_eq!(ids(&conversations), ["conv-2"]);
    assert_eq!(messages, vec![sent]);
    drop_db(db, &name).await;
}

#[wasm_bindgen_test]
async fn the_v4_backfill_reaches_every_message_of_a_store_larger_than_one_read() {
    use indexed_db_futures::database::Database;
    use indexed_db_futures::prelude::*;
    use indexed_db_futures::transaction::TransactionMode;

    let name = unique("migrate-v4-many");
    Db::open_with_version(&name, 3)
        .await
        .expect("a new v3 database")
        .close();
    // 1,201 messages from Bo in a conversation that is not Bo's: more than two reads of the
    // backfill (500 each), so only its timeline addresses can bring them to Bo's timeline.
    {
        let raw = Database::open(&name).build().unwrap().await.unwrap();
        let tx = raw
            .transaction("messages")
            .with_mode(TransactionMode::Readwrite)
            .build()
            .unwrap();
        let store = tx.object_store("messages").unwrap();
        for i in 0..1_201 {
            let mut m = message(&format!("m-{i:04}"), "conv-9", Direction::Incoming, i);
            m.from = Mailbox {
                name: None,
                address: email("bo@shop.example"),
            };
            store.put(v1_record(&m, &[])).primitive().unwrap();
        }
        tx.commit().await.unwrap();
        raw.close();
    }
    let db = Db::open(&name).await.expect("v3 migrates to v4");
    let (_, messages) = db
        .contact_timeline(&contact("c-2", "bo@shop.example"))
        .await
        .unwrap();
    assert_eq!(messages.len(), 1_201);
    drop_db(db, &name).await;
}

// ---- the reply composer's read --------------------------------------------------------------

#[wasm_bindgen_test]
async fn reply_records_read_the_conversation_its_contact_and_its_latest_received_message() {
    let (db, name) = fresh("reply-records").await;
    let mailbox = |address: &str| Mailbox {
        name: None,
        address: email(address),
    };
    // conv-1: two received messages (the later one with a Reply-To), then a sent reply and a
    // comment after them; conv-2 has a newer received message that is not conv-1's.
    let mut first = message("m-1", "conv-1", Direction::Incoming, 100);
    first.reply_to = vec![mailbox("ana@home.example")];
    let mut second = message("m-2", "conv-1", Direction::Incoming, 200);
    second.reply_to = vec![mailbox("ana@work.example"), mailbox("bo@shop.example")];
    let sent = message("m-3", "conv-1", Direction::Outgoing, 300);
    let note = message("m-4", "conv-1", Direction::Comment, 400);
    let other = message("m-5", "conv-2", Direction::Incoming, 500);
    db.write_batch(&WriteBatch {
        contacts: vec![contact("c-1", "ana@customer.example")],
        conversations: vec![
            conversation("conv-1", "i-1", 400),
            conversation("conv-2", "i-1", 500),
            conversation("conv-3", "i-1", 600),
        ],
        messages: vec![note, first, sent, other, second.clone()],
        ..WriteBatch::default()
    })
    .await
    .unwrap();

    let read = db.reply_records(&"conv-1".into()).await.unwrap().unwrap();
    assert_eq!(read.conversation.id.as_str(), "conv-1");
    assert_eq!(
        read.contact.map(|c| c.email.to_string()).as_deref(),
        Some("ana@customer.example")
    );
    assert_eq!(read.last_received, Some(second));
    // A conversation without received mail has none; an unknown one is not there.
    let read = db.reply_records(&"conv-3".into()).await.unwrap().unwrap();
    assert_eq!(read.last_received, None);
    assert!(db.reply_records(&"conv-9".into()).await.unwrap().is_none());
    drop_db(db, &name).await;
}

// ---- contact timelines ---------------------------------------------------------------------

#[wasm_bindgen_test]
async fn a_received_message_is_on_its_reply_to_contacts_timeline() {
    let (db, name) = fresh("timeline-reply-to").await;
    let dee = contact("c-4", "dee@customer.example");
    // A form's message on conv-1 (not Dee's conversation) asks to be answered at Dee.
    let mut form = message("m-1", "conv-1", Direction::Incoming, 100);
    form.from = Mailbox {
        name: Some("Website".into()),
        address: email("noreply@forms.example"),
    };
    form.reply_to = vec![Mailbox {
        name: Some("Dee".into()),
        address: email("DEE@customer.example"),
    }];
    db.write_batch(&WriteBatch {
        contacts: vec![dee.clone()],
        conversations: vec![conversation("conv-1", "i-1", 100)],
        messages: vec![form.clone()],
        ..WriteBatch::default()
    })
    .await
    .unwrap();
    let (conversations, messages) = db.contact_timeline(&dee).await.unwrap();
    assert_eq!(ids(&conversations), ["conv-1"]);
    assert_eq!(messages, vec![form]);
    drop_db(db, &name).await;
}

#[wasm_bindgen_test]
async fn a_contacts_timeline_is_every_email_their_address_took_part_in_and_their_conversations() {
    let (db, name) = fresh("timeline").await;
    let ana = contact("c-1", "ana@customer.example");
    let bo = contact("c-2", "bo@shop.example");
    let cy = contact("c-3", "cy@shop.example");
    let to = |addresses: &[&str]| -> Vec<Mailbox> {
        addresses
            .iter()
            .map(|a| Mailbox {
                name: None,
                address: email(a),
            })
            .collect()
    };
    // conv-1 is Ana's: sent to Ana and Bo (in another case), Cy in Cc; a comment; Ana's reply.
    let mut first = message("m-1", "conv-1", Direction::Outgoing, 100);
    first.to = to(&["ana@customer.example", "BO@Shop.example"]);
    first.cc = to(&["cy@shop.example"]);
    let mut comment = message("m-2", "conv-1", Direction::Comment, 150);
    comment.cc = to(&["cy@shop.example"]);
    let reply = message("m-3", "conv-1", Direction::Incoming, 200);
    // conv-2 is Bo's own; conv-3 is Ana's, with Bo in Bcc.
    let mut own = message("m-4", "conv-2", Direction::Incoming, 300);
    own.from = to(&["bo@shop.example"]).remove(0);
    let mut blind = message("m-5", "conv-3", Direction::Outgoing, 400);
    blind.to = to(&["ana@customer.example"]);
    blind.bcc = to(&["bo@shop.example"]);
    let mut bos = conversation("conv-2", "i-1", 300);
    bos.contact = "c-2".into();
    db.write_batch(&WriteBatch {
        contacts: vec![ana.clone(), bo.clone(), cy.clone()],
        conversations: vec![
            conversation("conv-1", "i-1", 200),
            bos,
            conversation("conv-3", "i-1", 400),
        ],
        messages: vec![first, comment, reply, own, blind],
        ..WriteBatch::default()
    })
    .await
    .unwrap();

    let read = |contact: Contact| {
        let db = db.clone();
        async move {
            let (conversations, messages) = db.contact_timeline(&contact).await.unwrap();
            let t = switchboard::domain::timeline::timeline(conversations, messages);
            let messages: Vec<String> = t.messages.into_iter().map(|m| m.id.0).collect();
            (ids(&t.conversations), messages)
        }
    };
    assert_eq!(
        read(ana).await,
        (
            vec!["conv-3".to_string(), "conv-1".into()],
            vec!["m-5".to_string(), "m-3".into(), "m-1".into()]
        )
    );
    assert_eq!(
        read(bo.clone()).await,
        (
            vec!["conv-3".to_string(), "conv-2".into(), "conv-1".into()],
            vec!["m-5".to_string(), "m-4".into(), "m-1".into()]
        )
    );
    assert_eq!(
        read(cy).await,
        (vec!["conv-1".to_string()], vec!["m-1".to_string()])
    );

    // The contacts of a send's recipients, in one read, whatever the case.
    let found = db
        .contacts_by_email(&[&email("Bo@SHOP.example"), &email("nobody@shop.example")])
        .await
        .unwrap();
    assert_eq!(found, vec![bo]);
    drop_db(db, &name).await;
}

// ---- messages ------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn messages_of_a_conversation_are_oldest_first_and_sent_is_newest_first() {
    let (db, name) = fresh("messages").await;
    let messages = vec![
        message("m-c", "conv-1", Direction::Outgoing, 300),
        message("m-a", "conv-1", Direction::Incoming, 100),
        message("m-x", "conv-2", Direction::Outgoing, 200),
        message("m-b", "conv-1", Direction::Comment, 200),
        message("m-d", "conv-1", Direction::Outgoing, 50),
        message("m-y", "conv-10", Direction::Incoming, 10),
    ];
    db.write_batch(&WriteBatch {
        messages,
        ..WriteBatch::default()
    })
    .await
    .unwrap();

    let thread = db.messages_of(&"conv-1".into()).await.unwrap();
    let thread: Vec<&str> = thread.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(thread, ["m-d", "m-a", "m-b", "m-c"]);
    assert_eq!(db.messages_of(&"conv-3".into()).await.unwrap(), vec![]);

    let found = db.message_by_message_id("m-x@mail.example").await.unwrap();
    assert_eq!(found.map(|m| m.id.0), Some("m-x".to_string()));
    assert_eq!(
        db.message_by_message_id("nope@mail.example").await.unwrap(),
        None
    );

    let sent: Vec<String> = db
        .sent_messages(0, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.id.0)
        .collect();
    assert_eq!(sent, ["m-c", "m-x", "m-d"]);
    let sent_page: Vec<String> = db
        .sent_messages(1, 1)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.id.0)
        .collect();
    assert_eq!(sent_page, ["m-x"]);
    assert_eq!(db.count_sent_messages().await.unwrap(), 3);
    drop_db(db, &name).await;
}

/// SPEC §5: a CRM email sent from a personal address is in no conversation, and its record is
/// stored all the same: in Sent and its count, on the recipient's timeline, found by its
/// Message-ID (a reply names it), in no thread's index and without search terms.
#[wasm_bindgen_test]
async fn a_crm_email_in_no_conversation_is_in_sent_and_on_timelines_but_in_no_thread_or_search() {
    let (db, name) = fresh("crm-email").await;
    let ana = contact("c-1", "ana@customer.example");
    let mut crm = message("m-crm", "unused", Direction::Outgoing, 300);
    crm.conversation = None;
    crm.from = Mailbox {
        name: Some("Maria Popescu".into()),
        address: email("maria.popescu@acme.example"),
    };
    crm.to = vec![Mailbox {
        name: Some("Ana".into()),
        address: email("Ana@Customer.example"),
    }];
    crm.subject = "Spring catalogue".into();
    crm.text_body = "Our spring catalogue is out.".into();
    let threaded = message("m-1", "conv-1", Direction::Outgoing, 100);
    db.write_batch(&WriteBatch {
        contacts: vec![ana.clone()],
        // Another contact's conversation.
        conversations: vec![Conversation {
            contact: "c-2".into(),
            ..conversation("conv-1", "i-1", 100)
        }],
        messages: vec![crm.clone(), threaded.clone()],
        ..WriteBatch::default()
    })
    .await
    .expect("a message in no conversation is accepted");

    let record = raw_record(&name, "messages", "m-crm").await;
    assert!(!js_sys::Reflect::has(&record, &"conversation".into()).unwrap());
    assert_eq!(
        texts_of(&record, "_tl"),
        Some(vec!["ana@customer.example".into()])
    );

    let sent: Vec<Message> = db.sent_messages(0, 10).await.unwrap();
    assert_eq!(sent, vec![crm.clone(), threaded.clone()]);
    assert_eq!(db.count_sent_messages().await.unwrap(), 2);

    let (conversations, messages) = db.contact_timeline(&ana).await.unwrap();
    assert_eq!(ids(&conversations), Vec::<String>::new());
    assert_eq!(messages, vec![crm.clone()]);

    assert_eq!(
        db.message_by_message_id("m-crm@mail.example")
            .await
            .unwrap(),
        Some(crm.clone())
    );
    assert_eq!(
        db.messages_of(&"conv-1".into()).await.unwrap(),
        vec![threaded]
    );
    assert!(db
        .conversations_with_token("catalogue")
        .await
        .unwrap()
        .is_empty());
    // The threaded message's search record only.
    assert_eq!(raw_count(&name, "message_terms").await, 1);

    // Deleting it needs no search record either.
    db.write_batch(&WriteBatch {
        delete_messages: vec![crm.id.clone()],
        ..WriteBatch::default()
    })
    .await
    .expect("a message in no conversation is deleted");
    assert_eq!(db.count_sent_messages().await.unwrap(), 1);
    let (_, messages) = db.contact_timeline(&ana).await.unwrap();
    assert!(messages.is_empty());
    drop_db(db, &name).await;
}

#[wasm_bindgen_test]
async fn a_long_thread_is_read_folded_its_first_and_newest_messages_only_and_whole_on_request() {
    let (db, name) = fresh("thread-fold").await;
    // 15 messages written newest first; the conversation's own count says 15 (long), 3 (a
    // stale count: the messages decide) and 0 for a thread of 12 (never folded).
    fn ids(conv: &str, n: i64) -> impl Iterator<Item = String> + '_ {
        (0..n).map(move |i| format!("{conv}-m{i:02}"))
    }
    let mut messages = Vec::new();
    for (conv, n) in [("long", 15), ("stale", 15), ("short", 12)] {
        for (i, id) in ids(conv, n)
            .enumerate()
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
        {
            messages.push(message(&id, conv, Direction::Incoming, 1_000 + i as i64));
        }
    }
    let mut long = conversation("long", "inbox-1", 10);
    long.message_count = 15;
    let mut stale = conversation("stale", "inbox-1", 11);
    stale.message_count = 3;
    let short = conversation("short", "inbox-1", 12);
    db.write_batch(&WriteBatch {
        conversations: vec![long, stale, short],
        contacts: vec![contact("c-1", "ana@customer.example")],
        messages,
        ..WriteBatch::default()
    })
    .await
    .unwrap();

    async fn read(db: &Db, id: &str, how: ThreadRead) -> (Vec<String>, usize, Option<String>) {
        let t = db.thread_records(&id.into(), how).await.unwrap().unwrap();
        let shown = t.messages.iter().map(|m| m.id.0.clone()).collect();
        (shown, t.folded, t.contact.map(|c| c.id.0))
    }
    let folded_view: Vec<String> = std::iter::once("long-m00".to_owned())
        .chain(ids("long", 15).skip(5))
        .collect();
    assert_eq!(
        read(&db, "long", ThreadRead::Folded).await,
        (folded_view, 4, Some("c-1".to_owned()))
    );
    assert_eq!(
        read(&db, "long", ThreadRead::Whole).await,
        (ids("long", 15).collect(), 0, Some("c-1".to_owned()))
    );
    let stale_view: Vec<String> = std::iter::once("stale-m00".to_owned())
        .chain(ids("stale", 15).skip(5))
        .collect();
    assert_eq!(read(&db, "stale", ThreadRead::Folded).await.0, stale_view);
    assert_eq!(read(&db, "stale", ThreadRead::Folded).await.1, 4);
    assert_eq!(
        read(&db, "short", ThreadRead::Folded).await,
        (ids("short", 12).collect(), 0, Some("c-1".to_owned()))
    );
    assert!(db
        .thread_records(&"missing".into(), ThreadRead::Folded)
        .await
        .unwrap()
        .is_none());
    drop_db(db, &name).await;
}

// ---- batches -------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn write_batch_is_all_or_nothing() {
    let (db, name) = fresh("batch").await;
    db.put_contact(&contact("c-1", "ana@customer.example"))
        .await
        .unwrap();

    // 1. A value that cannot be stored (a date beyond JavaScript's safe integers).
    let mut bad_message = message("m-bad", "conv-1", Direction::Incoming, 1);
    bad_message.date = i64::MAX;
    let unserialisable = WriteBatch {
        conversations: vec![conversation("conv-1", "i-1", 10)],
        messages: vec![
            message("m-1", "conv-1", Direction::Incoming, 5),
            bad_message,
        ],
        ..WriteBatch::default()
    };
    assert!(matches!(
        db.write_batch(&unserialisable).await,
        Err(StorageError::Serde(_))
    ));
    assert_eq!(db.conversation(&"conv-1".into()).await.unwrap(), None);
    assert_eq!(db.messages_of(&"conv-1".into()).await.unwrap(), vec![]);

    // 2. A record IndexedDB itself refuses inside the transaction (a second contact with the
    //    same address violates the unique email index): the puts before it are rolled back.
    let refused = WriteBatch {
        conversations: vec![conversation("conv-1", "i-1", 10)],
        messages: vec![message("m-1", "conv-1", Direction::Incoming, 5)],
        tickets: vec![ticket("tk-1", "conv-1")],
        contacts: vec![
            contact("c-2", "bo@customer.example"),
            contact("c-3", "ANA@customer.example"),
        ],
        ..WriteBatch::default()
    };
    assert_eq!(db.write_batch(&refused).await, Err(StorageError::Conflict));
    assert_eq!(db.conversation(&"conv-1".into()).await.unwrap(), None);
    assert_eq!(db.messages_of(&"conv-1".into()).await.unwrap(), vec![]);
    assert_eq!(db.ticket(&"tk-1".into()).await.unwrap(), None);
    assert_eq!(db.contact(&"c-2".into()).await.unwrap(), None);
    assert_eq!(db.contacts().await.unwrap().len(), 1);

    // 3. The same batch without the clash commits entirely, deletes included.
    let key = DraftKey {
        user: "u-ana".into(),
        target: DraftTarget::Conversation("conv-1".into()),
        mode: ReplyMode::Reply,
    };
    db.put_draft(&Draft::new(key.clone(), "tab-1", 1), 0)
        .await
        .unwrap();
    let outbox_item = OutboxItem {
        id: "m-2".into(),
        conversation: Some("conv-1".into()),
        channel: Some("ch-1".into()),
        from: Mailbox {
            name: Some("Acme".into()),
            address: email("support@acme.example"),
        },
        recipients: vec![email("ana@customer.example")],
        subject: "Re: Hello".into(),
        raw: "From: support@acme.example\r\n\r\nHi".into(),
        status: OutboxStatus::Queued,
        created_at: 20,
    };
    let good = WriteBatch {
        contacts: vec![contact("c-2", "bo@customer.example")],
        messages: vec![
            message("m-1", "conv-1", Direction::Incoming, 5),
            message("m-2", "conv-1", Direction::Outgoing, 20),
        ],
        outbox: vec![outbox_item.clone()],
        delete_drafts: vec![key.clone()],
        ..refused.clone()
    };
    db.write_batch(&good).await.unwrap();
    assert!(db.conversation(&"conv-1".into()).await.unwrap().is_some());
    assert_eq!(db.messages_of(&"conv-1".into()).await.unwrap().len(), 2);
    assert_eq!(db.tickets().await.unwrap(), vec![ticket("tk-1", "conv-1")]);
    assert_eq!(db.outbox().await.unwrap(), vec![outbox_item.clone()]);
    assert_eq!(db.draft(&key).await.unwrap(), None);

    let mut delivered = outbox_item;
    delivered.status = OutboxStatus::Delivered { at: 30 };
    db.put_outbox(&delivered).await.unwrap();
    assert_eq!(db.outbox().await.unwrap(), vec![delivered]);

    db.write_batch(&WriteBatch {
        delete_conversations: vec!["conv-1".into()],
        delete_tickets: vec!["tk-1".into()],
        delete_messages: vec!["m-1".into(), "m-2".into()],
        ..WriteBatch::default()
    })
    .await
    .unwrap();
    assert_eq!(db.conversation(&"conv-1".into()).await.unwrap(), None);
    assert_eq!(db.tickets().await.unwrap(), vec![]);
    assert_eq!(db.messages_of(&"conv-1".into()).await.unwrap(), vec![]);
    drop_db(db, &name).await;
}

// ---- drafts --------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn put_draft_is_a_compare_and_set_on_the_revision() {
    let (db, name) = fresh("drafts").await;
    let key = DraftKey {
        user: "u-ana".into(),
        target: DraftTarget::Conversation("conv-1".into()),
        mode: ReplyMode::Reply,
    };
    let mut tab_a = Draft::new(key.clone(), "tab-a", 1);
    tab_a.body_html = "<p>from A</p>".into();
    tab_a.from = DraftFrom::Deliberate(FromChoice::Channel("ch-2".into()));

    // New draft: expected revision 0.
    let stored = db.put_draft(&tab_a, 0).await.unwrap();
    assert_eq!(stored.revision, 1);
    assert_eq!(db.draft(&key).await.unwrap(), Some(stored.clone()));

    // Tab B still believes the draft is absent: conflict, and it gets tab A's draft.
    let mut tab_b = Draft::new(key.clone(), "tab-b", 2);
    tab_b.body_html = "<p>from B</p>".into();
    match db.put_draft(&tab_b, 0).await {
        Err(DraftWriteError::Conflict(current)) => assert_eq!(current, stored),
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(db.draft(&key).await.unwrap(), Some(stored.clone()));

    // With the right revision the write goes through and bumps it.
    let mut next = stored.clone();
    next.subject = "Re: Hello".into();
    let stored2 = db.put_draft(&next, 1).await.unwrap();
    assert_eq!(stored2.revision, 2);
    assert_eq!(stored2.subject, "Re: Hello");
    // A stale revision (1) now conflicts with revision 2.
    match db.put_draft(&next, 1).await {
        Err(DraftWriteError::Conflict(current)) => assert_eq!(current.revision, 2),
        other => panic!("expected a conflict, got {other:?}"),
    }

    // Another user's draft and listing per user.
    let other_key = DraftKey {
        user: "u-bo".into(),
        target: DraftTarget::NewCompose("cmp-1".into()),
        mode: ReplyMode::Compose,
    };
    db.put_draft(&Draft::new(other_key.clone(), "tab-c", 3), 0)
        .await
        .unwrap();
    let anas = db.drafts_of_user(&"u-ana".into()).await.unwrap();
    assert_eq!(anas, vec![stored2.clone()]);
    assert_eq!(db.drafts_of_user(&"u-bo".into()).await.unwrap().len(), 1);

    // Deleted in another tab: writing with an old revision says so instead of resurrecting it.
    db.delete_draft(&key).await.unwrap();
    assert_eq!(db.draft(&key).await.unwrap(), None);
    assert_eq!(
        db.put_draft(&stored2, 2).await,
        Err(DraftWriteError::Storage(StorageError::NotFound(
            "This draft".into()
        )))
    );
    assert_eq!(db.draft(&key).await.unwrap(), None);
    drop_db(db, &name).await;
}

// ---- other tabs ------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn a_newer_schema_in_another_tab_closes_this_connection_and_tells_the_ui() {
    let (db, name) = fresh("version-change").await;
    let told = Rc::new(Cell::new(0u32));
    let counter = Rc::clone(&told);
    db.on_version_change(move || counter.set(counter.get() + 1));

    // "Another tab" with a newer build opens the next version directly.
    let newer = indexed_db_futures::database::Database::open(name.as_str())
        .with_version(SCHEMA_VERSION + 1)
        .await
        .expect("the upgrade is not blocked because this tab closes its connection");
    assert!(
        until(|| told.get() == 1, 2_000).await,
        "on_version_change was called"
    );

    assert_eq!(db.contacts().await, Err(StorageError::VersionChanged));
    assert_eq!(
        db.set_meta("x", &1).await,
        Err(StorageError::VersionChanged)
    );
    // A callback registered afterwards is called at once.
    let late = Rc::new(Cell::new(false));
    let late_flag = Rc::clone(&late);
    db.on_version_change(move || late_flag.set(true));
    assert!(late.get());
    // This (older) build cannot open the newer database any more.
    assert!(matches!(
        Db::open(&name).await,
        Err(StorageError::VersionChanged)
    ));

    newer.close();
    Db::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn an_upgrade_blocked_by_a_connection_that_never_closes_reports_blocked() {
    let name = unique("blocked");
    // A connection without a versionchange handler, as an old tab of an old build would hold.
    let old = indexed_db_futures::database::Database::open(name.as_str())
        .with_version(1u32)
        .await
        .unwrap();
    assert_eq!(
        Db::open_with_version(&name, 2).await.err(),
        Some(StorageError::Blocked)
    );
    old.close();
    // Once the old tab is gone the pending upgrade request runs; it fails (the v1 database
    // made above has none of v1's stores, so the v2 step aborts its transaction) and is rolled
    // back, after which the database can be removed.
    Db::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn notifier_tells_other_listeners_which_key_changed() {
    let channel = unique("channel");
    let sender = Notifier::with_channel(&channel).unwrap();
    let receiver = Notifier::with_channel(&channel).unwrap();
    let heard_by_receiver = Rc::new(RefCell::new(Vec::<Change>::new()));
    let heard_by_sender = Rc::new(RefCell::new(Vec::<Change>::new()));
    let r = Rc::clone(&heard_by_receiver);
    receiver.subscribe(move |c| r.borrow_mut().push(c));
    let s = Rc::clone(&heard_by_sender);
    sender.subscribe(move |c| s.borrow_mut().push(c));

    let change = Change::new(
        "drafts",
        Some("u-ana|conversation:c-1|reply".into()),
        "tab-a",
    );
    sender.notify(&change);
    assert!(until(|| !heard_by_receiver.borrow().is_empty(), 2_000).await);
    assert_eq!(*heard_by_receiver.borrow(), vec![change]);
    // A BroadcastChannel never echoes to the object that posted.
    TimeoutFuture::new(50).await;
    assert!(heard_by_sender.borrow().is_empty());

    let batch = Change::new("conversations", None, "tab-b");
    receiver.notify(&batch);
    assert!(until(|| !heard_by_sender.borrow().is_empty(), 2_000).await);
    assert_eq!(*heard_by_sender.borrow(), vec![batch]);
}

// ---- faults --------------------------------------------------------------------------------

#[wasm_bindgen_test]
fn indexeddb_dom_exceptions_map_to_typed_errors_a_rep_can_read() {
    let cases = [
        ("QuotaExceededError", StorageError::QuotaExceeded),
        ("AbortError", StorageError::Aborted("boom".into())),
        (
            "TransactionInactiveError",
            StorageError::Aborted("boom".into()),
        ),
        ("VersionError", StorageError::VersionChanged),
        ("ConstraintError", StorageError::Conflict),
        ("DataError", StorageError::Serde("boom".into())),
        ("DataCloneError", StorageError::Serde("boom".into())),
        ("UnknownError", StorageError::Unavailable("boom".into())),
        (
            "InvalidStateError",
            StorageError::Other("InvalidStateError: boom".into()),
        ),
    ];
    for (name, expected) in cases {
        let dom = web_sys::DomException::new_with_message_and_name("boom", name).unwrap();
        let error = indexed_db_futures::error::Error::from(dom);
        assert_eq!(StorageError::from(error), expected, "{name}");
    }
    assert_eq!(
        StorageError::QuotaExceeded.to_string(),
        "The browser's storage is full: your last changes are kept on screen but could not be \
         saved. Free some space, then try again."
    );
    for error in [
        StorageError::Blocked,
        StorageError::VersionChanged,
        StorageError::Conflict,
        StorageError::Aborted("x".into()),
    ] {
        assert!(error.to_string().ends_with('.') || error.to_string().ends_with(')'));
        assert!(!error.to_string().contains("Error:"), "{error}");
    }
}

// ---- what the app reads while it starts ----------------------------------------------------

#[wasm_bindgen_test]
async fn start_up_reads_the_summary_only_of_a_seeded_database() {
    let (db, name) = fresh("seeded-summary").await;
    assert_eq!(
        db.seeded_summary().await.unwrap(),
        None,
        "a new database is not seeded"
    );
    db.replace_all(&small_workspace()).await.unwrap();
    let summary = db.seeded_summary().await.unwrap().expect("seeded");
    assert_eq!(summary, db.load_summary().await.unwrap());
    assert_eq!(summary.company, "Acme");
    assert_eq!(summary.users.len(), 2);
    assert_eq!(summary.inboxes.len(), 1);
    drop_db(db, &name).await;
}

#[wasm_bindgen_test]
async fn the_page_read_at_start_up_is_the_first_page_and_count_that_the_url_s_list_reads() {
    use switchboard::domain::views::ListFilters;
    use switchboard::services::{queries, session};
    let (db, name) = fresh("first-page").await;
    let mut data = small_workspace();
    // More than a page: 70 in the inbox, every third one closed, and one in the help desk.
    data.conversations = (0..70i64)
        .map(|i| {
            let mut c = conversation(&format!("conv-{i:02}"), "i-1", 1_000 + i);
            if i % 3 == 0 {
                c.status = ConversationStatus::Closed;
            }
            c
        })
        .collect();
    let mut help_desk = conversation("conv-hd", "i-1", 9_000);
    help_desk.area = Area::HelpDesk;
    data.conversations.push(help_desk);
    db.replace_all(&data).await.unwrap();
    let summary = db.load_summary().await.unwrap();
    let me = session::initial_user(&summary.users).expect("a user");
    let history = web_sys::window().unwrap().history().unwrap();
    let was = web_sys::window().unwrap().location().href().unwrap();
    let go = |url: &str| {
        history
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
            .unwrap()
    };
    let query = |view: View, area: Area| {
        let filters = ListFilters::default();
        queries::list_query(view, area, &"i-1".into(), &me, &filters, 0).expect("a list")
    };
    let cases = [
        (
            "/inbox/all-open?inbox=i-1",
            query(View::AllOpen, Area::Inbox),
            46,
            46,
        ),
        // The inbox by default, the view of the list a conversation was opened from.
        (
            "/inbox/conversations/conv-01?view=closed",
            query(View::Closed, Area::Inbox),
            24,
            24,
        ),
        ("/", query(View::Unassigned, Area::Inbox), 46, 46),
        (
            "/help-desk/all-open",
            query(View::AllOpen, Area::HelpDesk),
            1,
            1,
        ),
    ];
    for (url, expected, count, rows) in cases {
        go(url);
        let page = queries::first_page(&db, &summary, None).await.0.expect(url);
        assert_eq!(page.query, expected, "{url}");
        assert_eq!((page.count, page.rows.len()), (count, rows), "{url}");
        let read = db
            .list_page_with_contacts(&expected, &PageStart::Offset(0), queries::PAGE_SIZE)
            .await
            .unwrap();
        let ids = |rows: Vec<&ConversationId>| rows.into_iter().cloned().collect::<Vec<_>>();
        assert_eq!(
            ids(page.rows.iter().map(|r| &r.conversation.id).collect()),
            ids(read.iter().map(|(c, _)| &c.id).collect()),
            "{url}"
        );
    }
    // A full first page of a longer list: PAGE_SIZE rows, newest first.
    data.conversations
        .iter_mut()
        .for_each(|c| c.status = ConversationStatus::Open);
    db.replace_all(&data).await.unwrap();
    go("/inbox/all-open?inbox=i-1");
    let page = queries::first_page(&db, &summary, None)
        .await
        .0
        .expect("a page");
    assert_eq!((page.count, page.rows.len()), (70, 50));
    assert_eq!(page.rows[0].conversation.id.as_str(), "conv-69");
    // Pages without a conversation list (Drafts lists drafts).
    for url in [
        "/settings/inboxes",
        "/help-desk/tickets",
        "/contacts",
        "/inbox/drafts?inbox=i-1",
    ] {
        go(url);
        assert_eq!(
            queries::first_page(&db, &summary, None).await.0,
            None,
            "{url}"
        );
    }
    go(&was);
    drop_db(db, &name).await;
}

// ---- start-up's early reads (issue 9) ------------------------------------------------------

/// Runs index.html's early script (`src/early_read.js`) on the database `name` (the app's is
/// `switchboard`), as the page does while it is parsed.
fn run_early_script(name: &str) {
    let script = include_str!("../src/early_read.js").replace(
        "indexedDB.open('switchboard')",
        &format!("indexedDB.open('{name}')"),
    );
    js_sys::eval(&script).expect("the early script runs");
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

const PLAN_KEY: &str = "switchboard.start-plan";

#[wasm_bindgen_test]
async fn the_early_script_answers_what_start_up_would_read_and_nothing_else() {
    let (db, name) = fresh("early").await;
    db.replace_all(&small_workspace()).await.unwrap();
    put_conversations(&db, thirty_conversations()).await;
    let open = list_query(plan(ListIndex::Bucket, &["open"], None, None));
    let closed = list_query(plan(ListIndex::Bucket, &["closed"], None, None));
    let start = StartPlan::new(Some((&open, 10)));

    // No plan stored (a first start): the script reads nothing.
    local_storage().remove_item(PLAN_KEY).unwrap();
    run_early_script(&name);
    assert!(EarlyRead::take().await.is_none());

    start.remember(None).unwrap();
    run_early_script(&name);
    let early = EarlyRead::take().await.expect("the script's answers");
    assert!(
        EarlyRead::take().await.is_none(),
        "the answers are taken once"
    );
    assert_eq!(
        early.summary().expect("the summary was read").unwrap(),
        db.seeded_summary().await.unwrap().unwrap()
    );
    let (count, rows) = early
        .first_page(&open, 10)
        .expect("the page was read")
        .unwrap();
    assert_eq!(count, db.count_list(&open).await.unwrap());
    let read = db
        .list_page_with_contacts(&open, &PageStart::Offset(0), 10)
        .await
        .unwrap();
    assert_eq!(rows.len(), 10);
    assert_eq!(rows, read);
    // Asked for anything else, the answers say nothing: the app reads it.
    assert!(early.first_page(&open, 11).is_none());
    assert!(early.first_page(&closed, 10).is_none());

    // The plan the script followed is not stored again; another one replaces it.
    let stored = local_storage().get_item(PLAN_KEY).unwrap();
    StartPlan::new(Some((&open, 10)))
        .remember(Some(&early))
        .unwrap();
    assert_eq!(local_storage().get_item(PLAN_KEY).unwrap(), stored);
    StartPlan::new(Some((&closed, 10)))
        .remember(Some(&early))
        .unwrap();
    assert_ne!(local_storage().get_item(PLAN_KEY).unwrap(), stored);

    // A plan made at another address: the summary is read, the page is not.
    let elsewhere = stored
        .unwrap()
        .replacen("\"at\":\"", "\"at\":\"/elsewhere", 1);
    local_storage().set_item(PLAN_KEY, &elsewhere).unwrap();
    run_early_script(&name);
    let early = EarlyRead::take().await.expect("the script's answers");
    assert!(early.summary().is_some());
    assert!(early.first_page(&open, 10).is_none());

    // A database not seeded: no summary from the script (start-up seeds it).
    let (empty, empty_name) = fresh("early-empty").await;
    local_storage().set_item(PLAN_KEY, &elsewhere).unwrap();
    run_early_script(&empty_name);
    let early = EarlyRead::take().await.expect("the script's answers");
    assert!(early.summary().is_none());

    local_storage().remove_item(PLAN_KEY).unwrap();
    drop_db(empty, &empty_name).await;
    drop_db(db, &name).await;
}

#[wasm_bindgen_test]
async fn a_handle_opening_the_database_serves_calls_once_open_or_fails_them_as_the_open_did() {
    let name = unique("opening");
    let db = Db::opening(&name);
    db.set_meta("kept", &true).await.expect("written once open");
    assert_eq!(db.get_meta::<bool>("kept").await.unwrap(), Some(true));
    assert_eq!(db.version(), SCHEMA_VERSION);
    drop_db(db, &name).await;

    // A database newer than this app: the open fails, and so does every call.
    let newer = unique("opening-newer");
    {
        use indexed_db_futures::database::Database;
        use indexed_db_futures::prelude::*;
        let raw = Database::open(&newer)
            .with_version(SCHEMA_VERSION + 5)
            .build()
            .unwrap()
            .await
            .unwrap();
        raw.close();
    }
    let db = Db::opening(&newer);
    assert!(db.connected().await.is_err());
    assert!(db.get_meta::<bool>("kept").await.is_err());
    db.close();
    Db::delete_database(&newer).await.unwrap();
}
