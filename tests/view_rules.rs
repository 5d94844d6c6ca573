//! One case per rule of the list filters (SPEC §5: **Status**, **Assignee**, **Channel**,
//! **Date**), of how a view plus filters maps onto an index key range, and of the search
//! tokenizer whose tokens are indexed at write time (`domain::views`).
#![cfg(not(target_arch = "wasm32"))]

use switchboard::domain::views::{
    conversation_in_view, day_start, format_day, list_plan, local_day, parse_day, query_tokens,
    search_tokens, search_tokens_of, token_upper_bound, AssigneeFilter, DateFilter, Filter,
    ListFilters, ListIndex, View, MAX_TOKEN_CHARS,
};
use switchboard::domain::*;

fn conv(
    status: ConversationStatus,
    assignee: Option<&str>,
    channel: &str,
    at: Millis,
) -> Conversation {
    Conversation {
        id: ConversationId::new("c-1"),
        inbox: InboxId::new("i-support"),
        area: Area::Inbox,
        channel: ChannelId::new(channel),
        contact: ContactId::new("k-1"),
        subject: "Tent bag torn".into(),
        status,
        assignee: assignee.map(UserId::new),
        ticket: None,
        created_at: 1,
        last_activity: at,
        snippet: String::new(),
        message_count: 1,
        trashed_at: None,
    }
}

fn query(pairs: &[(&str, &str)]) -> ListFilters {
    ListFilters::from_query(|key| {
        pairs
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.to_string())
    })
}

// ---- tokenizer ----------------------------------------------------------------------------

#[test]
fn tokens_ignore_case_and_accents() {
    assert_eq!(
        search_tokens("Ștefan RĂDULESCU"),
        vec!["radulescu", "stefan"]
    );
}

#[test]
fn tokens_split_at_every_non_letter_or_digit() {
    assert_eq!(
        search_tokens("Order #NW-10482, re: tent/bag"),
        vec!["10482", "bag", "nw", "order", "re", "tent"]
    );
}

#[test]
fn tokens_are_unique_and_sorted() {
    assert_eq!(search_tokens("b a b a"), vec!["a", "b"]);
}

#[test]
fn tokens_are_cut_to_the_maximum_length() {
    let long = "x".repeat(MAX_TOKEN_CHARS + 10);
    assert_eq!(search_tokens(&long), vec!["x".repeat(MAX_TOKEN_CHARS)]);
    assert_eq!(query_tokens(&long), vec!["x".repeat(MAX_TOKEN_CHARS)]);
}

#[test]
fn tokens_of_several_fields_are_one_set() {
    assert_eq!(
        search_tokens_of(&["Tent bag", "bag torn", "ana@example.com"]),
        vec!["ana", "bag", "com", "example", "tent", "torn"]
    );
}

#[test]
fn query_tokens_keep_typed_order_and_drop_prefixes_of_other_tokens() {
    assert_eq!(
        query_tokens("tre Trekking poles tre"),
        vec!["trekking", "poles"]
    );
    assert!(query_tokens("  ,; ").is_empty());
}

#[test]
fn the_upper_bound_is_above_every_token_with_that_prefix_and_below_the_next() {
    let upper = token_upper_bound("tre");
    assert!("trekking" < upper.as_str() && "tre" < upper.as_str());
    assert!(upper.as_str() < "trf");
}

// ---- date filter --------------------------------------------------------------------------

const NOV_20_NOON_UTC: Millis = 1_795_176_000_000; // 2026-11-20T12:00:00Z

#[test]
fn days_parse_and_format_as_calendar_dates() {
    assert_eq!(parse_day("1970-01-01"), Some(0));
    assert_eq!(parse_day("2026-11-20"), Some(local_day(NOV_20_NOON_UTC, 0)));
    assert_eq!(format_day(parse_day("2024-02-29").unwrap()), "2024-02-29");
    for bad in [
        "2025-02-29",
        "2026-13-01",
        "2026-00-10",
        "20-11",
        "today",
        "",
    ] {
        assert_eq!(parse_day(bad), None, "{bad}");
    }
}

#[test]
fn any_time_has_no_bounds() {
    assert_eq!(DateFilter::AnyTime.bounds(NOV_20_NOON_UTC, 0), (None, None));
}

#[test]
fn today_starts_at_local_midnight() {
    let day = parse_day("2026-11-20").unwrap();
    assert_eq!(
        DateFilter::Today.bounds(NOV_20_NOON_UTC, 0),
        (Some(day_start(day, 0)), None)
    );
    // In UTC+13 it is already 21 November at noon UTC.
    let (from, _) = DateFilter::Today.bounds(NOV_20_NOON_UTC, 13 * 60);
    assert_eq!(from, Some(day_start(day + 1, 13 * 60)));
    assert!(from.unwrap() <= NOV_20_NOON_UTC);
}

#[test]
fn last_7_and_30_days_include_today() {
    let day = parse_day("2026-11-20").unwrap();
    assert_eq!(
        DateFilter::Last7Days.bounds(NOV_20_NOON_UTC, 60).0,
        Some(day_start(day - 6, 60))
    );
    assert_eq!(
        DateFilter::Last30Days.bounds(NOV_20_NOON_UTC, 60).0,
        Some(day_start(day - 29, 60))
    );
}

#[test]
fn a_custom_range_includes_both_whole_days() {
    let from = parse_day("2026-11-01").unwrap();
    let to = parse_day("2026-11-03").unwrap();
    let (lo, hi) = DateFilter::Custom {
        from: Some(from),
        to: Some(to),
    }
    .bounds(0, 0);
    assert_eq!(lo, Some(day_start(from, 0)));
    assert_eq!(hi, Some(day_start(to + 1, 0) - 1));
}

// ---- URL query ----------------------------------------------------------------------------

#[test]
fn filters_round_trip_through_the_url_query() {
    let filters = ListFilters {
        status: Some(ConversationStatus::Closed),
        assignee: Some(AssigneeFilter::User(UserId::new("u-giulia"))),
        channel: Some(ChannelId::new("ch-support-email")),
        date: DateFilter::Custom {
            from: parse_day("2026-11-01"),
            to: parse_day("2026-11-20"),
        },
    };
    let pairs = filters.to_query();
    let keys: Vec<&str> = pairs.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        keys,
        ["status", "assignee", "channel", "date", "from", "to"]
    );
    let back =
        ListFilters::from_query(|k| pairs.iter().find(|(p, _)| *p == k).map(|(_, v)| v.clone()));
    assert_eq!(back, filters);
}

#[test]
fn no_filters_write_no_query() {
    assert!(ListFilters::default().to_query().is_empty());
    assert!(query(&[]).is_empty());
}

#[test]
fn unknown_or_malformed_query_values_are_ignored() {
    let filters = query(&[("status", "maybe"), ("date", "yesterday"), ("channel", " ")]);
    assert!(filters.is_empty(), "{filters:?}");
    let custom = query(&[("date", "custom"), ("from", "2026-02-30")]);
    assert_eq!(
        custom.date,
        DateFilter::Custom {
            from: None,
            to: None
        }
    );
}

#[test]
fn assignee_unassigned_is_a_keyword_and_anything_else_a_user() {
    assert_eq!(
        query(&[("assignee", "unassigned")]).assignee,
        Some(AssigneeFilter::Unassigned)
    );
    assert_eq!(
        query(&[("assignee", "u-ana")]).assignee,
        Some(AssigneeFilter::User(UserId::new("u-ana")))
    );
}

// ---- list plan ----------------------------------------------------------------------------

fn me() -> UserId {
    UserId::new("u-maria")
}

fn plan_of(view: View, filter: Filter) -> Option<(ListIndex, Vec<String>)> {
    list_plan(view, &me(), &filter).map(|p| (p.index, p.prefix))
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[test]
fn a_view_without_filters_reads_its_bucket_index() {
    assert_eq!(
        plan_of(View::AllOpen, Filter::default()),
        Some((ListIndex::Bucket, s(&["open"])))
    );
    assert_eq!(
        plan_of(View::Closed, Filter::default()),
        Some((ListIndex::Bucket, s(&["closed"])))
    );
    assert_eq!(
        plan_of(View::Trash, Filter::default()),
        Some((ListIndex::Bucket, s(&["trash"])))
    );
}

#[test]
fn unassigned_and_assigned_to_me_fix_the_assignee_key() {
    assert_eq!(
        plan_of(View::Unassigned, Filter::default()),
        Some((ListIndex::BucketAssignee, s(&["open", ""])))
    );
    assert_eq!(
        plan_of(View::AssignedToMe, Filter::default()),
        Some((ListIndex::BucketAssignee, s(&["open", "u-maria"])))
    );
}

#[test]
fn the_assignee_filter_narrows_a_view_that_does_not_fix_it() {
    let filter = Filter {
        assignee: Some(AssigneeFilter::User("u-giulia".into())),
        ..Default::default()
    };
    assert_eq!(
        plan_of(View::Closed, filter),
        Some((ListIndex::BucketAssignee, s(&["closed", "u-giulia"])))
    );
}

#[test]
fn an_assignee_filter_contradicting_the_view_is_an_empty_list() {
    let giulia = Filter {
        assignee: Some(AssigneeFilter::User("u-giulia".into())),
        ..Default::default()
    };
    assert_eq!(plan_of(View::Unassigned, giulia.clone()), None);
    assert_eq!(plan_of(View::AssignedToMe, giulia), None);
    let unassigned = Filter {
        assignee: Some(AssigneeFilter::Unassigned),
        ..Default::default()
    };
    assert_eq!(plan_of(View::AssignedToMe, unassigned.clone()), None);
    assert!(
        plan_of(View::Unassigned, unassigned).is_some(),
        "repeating the view is fine"
    );
}

#[test]
fn a_status_filter_contradicting_the_view_is_an_empty_list() {
    let closed = Filter {
        status: Some(ConversationStatus::Closed),
        ..Default::default()
    };
    assert_eq!(plan_of(View::AllOpen, closed.clone()), None);
    assert_eq!(plan_of(View::Unassigned, closed.clone()), None);
    assert!(plan_of(View::Closed, closed).is_some());
}

#[test]
fn trash_holds_every_status_so_status_does_not_narrow_it() {
    let closed = Filter {
        status: Some(ConversationStatus::Closed),
        ..Default::default()
    };
    assert_eq!(
        plan_of(View::Trash, closed),
        Some((ListIndex::Bucket, s(&["trash"])))
    );
}

#[test]
fn the_channel_filter_uses_the_channel_indexes() {
    let ch = Filter {
        channel: Some("ch-support-email".into()),
        ..Default::default()
    };
    assert_eq!(
        plan_of(View::AllOpen, ch.clone()),
        Some((ListIndex::BucketChannel, s(&["open", "ch-support-email"])))
    );
    assert_eq!(
        plan_of(View::Unassigned, ch),
        Some((
            ListIndex::BucketAssigneeChannel,
            s(&["open", "", "ch-support-email"])
        ))
    );
}

#[test]
fn the_date_filter_is_a_range_on_the_last_key_component() {
    let f = Filter {
        date_from: Some(10),
        date_to: Some(20),
        ..Default::default()
    };
    let plan = list_plan(View::AllOpen, &me(), &f).unwrap();
    assert_eq!((plan.from, plan.to), (Some(10), Some(20)));
    let reversed = Filter {
        date_from: Some(20),
        date_to: Some(10),
        ..Default::default()
    };
    assert_eq!(list_plan(View::AllOpen, &me(), &reversed), None);
}

#[test]
fn views_that_do_not_list_conversations_have_no_plan() {
    for view in [View::Sent, View::Outbox, View::Drafts] {
        assert_eq!(plan_of(view, Filter::default()), None);
    }
}

/// The plan's key range holds exactly the conversations of the view that pass the filters.
#[test]
fn a_plan_admits_exactly_the_view_members_that_pass_the_filters() {
    use ConversationStatus::*;
    let convs = [
        conv(Open, None, "ch-a", 5),
        conv(Open, Some("u-maria"), "ch-b", 15),
        conv(Closed, Some("u-giulia"), "ch-a", 25),
        conv(Open, Some("u-giulia"), "ch-a", 12),
    ];
    let filters = [
        Filter::default(),
        Filter {
            channel: Some("ch-a".into()),
            ..Default::default()
        },
        Filter {
            assignee: Some(AssigneeFilter::User("u-giulia".into())),
            ..Default::default()
        },
        Filter {
            status: Some(Open),
            date_from: Some(10),
            date_to: Some(20),
            ..Default::default()
        },
    ];
    for view in [
        View::Unassigned,
        View::AssignedToMe,
        View::AllOpen,
        View::Closed,
    ] {
        for filter in &filters {
            for c in &convs {
                let expected = conversation_in_view(c, view, &me()) && filter.matches(c, "", "");
                let admitted = list_plan(view, &me(), filter).is_some_and(|p| {
                    let bucket = switchboard::domain::views::bucket(c);
                    let assignee = switchboard::domain::views::assignee_key(c);
                    let key: Vec<String> = match p.index {
                        ListIndex::Bucket => s(&[bucket]),
                        ListIndex::BucketAssignee => vec![bucket.into(), assignee],
                        ListIndex::BucketChannel => vec![bucket.into(), c.channel.as_str().into()],
                        ListIndex::BucketAssigneeChannel => {
                            vec![bucket.into(), assignee, c.channel.as_str().into()]
                        }
                    };
                    key == p.prefix
                        && p.from.is_none_or(|f| c.last_activity >= f)
                        && p.to.is_none_or(|t| c.last_activity <= t)
                });
                assert_eq!(admitted, expected, "{view:?} {filter:?} {c:?}");
            }
        }
    }
}

#[test]
fn recipient_suggestions_look_at_the_address_being_typed() {
    use switchboard::domain::views::recipient_query;
    let cases: &[(&str, &[&str])] = &[
        ("", &[]),
        ("  ", &[]),
        ("jo", &["jo"]),
        ("ana@example.com, Jo", &["jo"]),
        ("ana@example.com; mar", &["mar"]),
        ("ana@example.com,", &[]),
        ("Ștefan Pop", &["stefan", "pop"]),
        ("x@y.ro, maria.s@ex", &["maria", "s", "ex"]),
    ];
    for (field, want) in cases {
        assert_eq!(recipient_query(field), *want, "field {field:?}");
    }
}

#[test]
fn a_contact_is_suggested_when_every_typed_token_starts_one_of_its_tokens() {
    use switchboard::domain::views::{recipient_query, suggests};
    let cases: &[(&str, &str, &str, bool)] = &[
        ("Maria Popescu", "maria@northwind.example", "mar", true),
        ("Maria Popescu", "maria@northwind.example", "popes", true),
        ("Maria Popescu", "maria@northwind.example", "north", true),
        (
            "Maria Popescu",
            "maria@northwind.example",
            "maria pop",
            true,
        ),
        (
            "Maria Popescu",
            "maria@northwind.example",
            "maria ion",
            false,
        ),
        ("Ștefan", "s@x.example", "stef", true),
        ("", "jan.kowalski@x.example", "kowal", true),
        ("Ana", "ana@x.example", "", false),
        ("Ana", "ana@x.example", "opescu", false),
    ];
    for (name, email, typed, want) in cases {
        assert_eq!(
            suggests(name, email, &recipient_query(typed)),
            *want,
            "{name} <{email}> for {typed:?}"
        );
    }
}

#[test]
fn a_long_thread_opens_with_its_first_and_newest_messages() {
    use switchboard::domain::views::{folded_messages, FOLD_ABOVE, KEEP_NEWEST};
    assert_eq!((FOLD_ABOVE, KEEP_NEWEST), (12, 10));
    let cases: &[(usize, std::ops::Range<usize>)] = &[
        (0, 0..0),
        (1, 0..0),
        (5, 0..0),
        (12, 0..0),
        (13, 1..3),
        (100, 1..90),
    ];
    for (count, hidden) in cases {
        assert_eq!(folded_messages(*count), hidden.clone(), "{count} messages");
        // What stays is the first message plus the newest ones.
        let shown = count - hidden.len();
        assert!(
            shown == *count || shown == KEEP_NEWEST + 1,
            "{count} messages"
        );
    }
}

#[test]
fn a_workspace_url_names_the_list_of_a_view_or_one_open_conversation() {
    use switchboard::domain::views::WorkspacePath::{self, Conversation, List, Unknown};
    let cases: &[(&str, WorkspacePath)] = &[
        ("", List(None)),
        ("/", List(None)),
        ("all-open", List(Some("all-open".into()))),
        ("/all-open/", List(Some("all-open".into()))),
        // A slug that names no view is no page (the router says "Page not found").
        ("no-such-view", Unknown),
        (
            "conversations/conv-7",
            Conversation(ConversationId::new("conv-7")),
        ),
        ("conversations", Unknown),
        ("conversations/", Unknown),
        ("conversations/conv-7/more", Unknown),
        ("all-open/extra", Unknown),
    ];
    for (rest, expected) in cases {
        assert_eq!(&WorkspacePath::parse(rest), expected, "{rest:?}");
    }
}

#[test]
fn the_list_of_the_page_a_location_opens_is_the_one_its_routes_show() {
    use switchboard::domain::views::WorkspacePath::{self, Conversation, List, Unknown};
    use switchboard::domain::Area::{HelpDesk, Inbox};
    let cases: &[(&str, Option<(Area, WorkspacePath)>)] = &[
        ("/", Some((Inbox, List(None)))),
        ("/inbox", Some((Inbox, List(None)))),
        ("/inbox/", Some((Inbox, List(None)))),
        (
            "/inbox/all-open",
            Some((Inbox, List(Some("all-open".into())))),
        ),
        (
            "/inbox/conversations/conv-7",
            Some((Inbox, Conversation(ConversationId::new("conv-7")))),
        ),
        ("/inbox/a/b/c", Some((Inbox, Unknown))),
        ("/help-desk", Some((HelpDesk, List(None)))),
        (
            "/help-desk/closed",
            Some((HelpDesk, List(Some("closed".into())))),
        ),
        // The help desk's tickets page is a page of its own, without a conversation list.
        ("/help-desk/tickets", None),
        ("/help-desk/tickets/", None),
        ("/tickets/t-1", None),
        ("/contacts", None),
        ("/settings/inboxes", None),
        ("/inboxes", None),
    ];
    for (path, expected) in cases {
        assert_eq!(&WorkspacePath::of_location(path), expected, "{path:?}");
    }
}

#[test]
fn a_workspace_shows_the_view_of_its_path_else_of_its_query_else_unassigned() {
    use switchboard::domain::views::WorkspacePath::{self, Conversation, List};
    let conversation = || Conversation(ConversationId::new("conv-7"));
    let cases: [(WorkspacePath, Option<&str>, View); 7] = [
        (List(Some("closed".into())), None, View::Closed),
        // The path's view wins over the query's.
        (List(Some("closed".into())), Some("all-open"), View::Closed),
        (List(None), Some("all-open"), View::AllOpen),
        (List(None), None, View::Unassigned),
        (List(Some("no-such-view".into())), None, View::Unassigned),
        // An open conversation keeps the view of the list it was opened from.
        (conversation(), Some("assigned-to-me"), View::AssignedToMe),
        (conversation(), None, View::Unassigned),
    ];
    for (path, query_view, expected) in cases {
        assert_eq!(path.view(query_view), expected, "{path:?} {query_view:?}");
    }
}

#[test]
fn the_top_navigation_marks_the_section_of_every_path_under_it() {
    use switchboard::domain::views::Section::{self, Contacts, HelpDesk, Inbox, Settings};
    let cases: &[(&str, Option<Section>)] = &[
        ("/", Some(Inbox)),
        ("/inbox", Some(Inbox)),
        ("/inbox/conversations/conv-7", Some(Inbox)),
        ("/help-desk", Some(HelpDesk)),
        ("/help-desk/tickets", Some(HelpDesk)),
        ("/contacts/ct-1", Some(Contacts)),
        ("/settings/inboxes", Some(Settings)),
        ("/settings/profile", Some(Settings)),
        ("/inboxes", None),
        ("/tickets/t-1", None),
    ];
    for (path, expected) in cases {
        assert_eq!(&Section::of(path), expected, "{path:?}");
    }
}
