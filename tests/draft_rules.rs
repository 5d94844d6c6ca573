//! SPEC §7 drafts: the merge rule two tabs use when their compare-and-set writes race, one
//! table case per rule, and a property test over random two-tab sessions (edits, From choices,
//! saves with compare-and-set, reloads): no edit is lost and a deliberate From never reverts.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use switchboard::domain::draft_merge::{has_unsaved_changes, merge, merge_from, Side};
use switchboard::domain::*;

fn key() -> DraftKey {
    DraftKey {
        user: UserId::new("u-ana"),
        target: DraftTarget::Conversation(ConversationId::new("conv-1")),
        mode: ReplyMode::Reply,
    }
}

fn draft(subject: &str, body: &str, from: DraftFrom, revision: u64, at: i64) -> Draft {
    let mut d = Draft::new(key(), "tab-a", at);
    d.subject = subject.into();
    d.body_html = body.into();
    if matches!(from, DraftFrom::Deliberate(_)) {
        d.from_chosen_at = at;
    }
    d.from = from;
    d.revision = revision;
    d
}

fn chan(id: &str) -> DraftFrom {
    DraftFrom::Deliberate(FromChoice::Channel(ChannelId::new(id)))
}

#[test]
fn text_fields_keep_the_local_edit_and_take_the_other_tabs_edit_elsewhere() {
    // (base subject/body, local, stored, expected)
    let cases = [
        (("s", "b"), ("s2", "b"), ("s", "b3"), ("s2", "b3")),
        (("s", "b"), ("s", "b"), ("s9", "b9"), ("s9", "b9")),
        (("s", "b"), ("mine", "b"), ("theirs", "b"), ("mine", "b")),
        (("", ""), ("x", "y"), ("", ""), ("x", "y")),
    ];
    for (base, local, stored, want) in cases {
        let b = draft(base.0, base.1, DraftFrom::Automatic, 1, 1);
        let l = draft(local.0, local.1, DraftFrom::Automatic, 1, 2);
        let s = draft(stored.0, stored.1, DraftFrom::Automatic, 2, 3);
        let m = merge(&b, &l, &s);
        assert_eq!((m.subject.as_str(), m.body_html.as_str()), want);
        assert_eq!(
            m.revision, 2,
            "the merge goes on top of the stored revision"
        );
    }
}

#[test]
fn stored_deliberate_from_wins_over_a_local_automatic_one() {
    let b = draft("", "", DraftFrom::Automatic, 1, 1);
    let l = draft("typed", "", DraftFrom::Automatic, 1, 9);
    let s = draft("", "", chan("ch-b"), 2, 2);
    assert_eq!(merge_from(&b.from, &l, &s), (chan("ch-b"), Side::Stored));
    assert_eq!(merge(&b, &l, &s).from, chan("ch-b"));
}

#[test]
fn local_deliberate_from_is_never_reverted_to_automatic() {
    for base in [DraftFrom::Automatic, chan("ch-a")] {
        let b = draft("", "", base, 1, 1);
        let l = draft("", "", chan("ch-a"), 1, 1);
        let s = draft("", "", DraftFrom::Automatic, 2, 5);
        assert_eq!(merge(&b, &l, &s).from, chan("ch-a"));
    }
}

#[test]
fn both_deliberate_the_newer_choice_wins() {
    let b = draft("", "", DraftFrom::Automatic, 1, 1);
    // (local time, stored time, expected)
    let cases = [
        (5, 3, chan("ch-local")),
        (3, 5, chan("ch-stored")),
        (4, 4, chan("ch-local")),
    ];
    for (lt, st, want) in cases {
        let l = draft("", "", chan("ch-local"), 1, lt);
        let s = draft("", "", chan("ch-stored"), 2, st);
        assert_eq!(
            merge(&b, &l, &s).from,
            want,
            "local at {lt}, stored at {st}"
        );
    }
}

#[test]
fn both_deliberate_the_newer_choice_wins_even_when_the_stored_draft_was_written_later() {
    // The stored choice (made at 1) was written at 9, merged with another tab's typing; this
    // tab chose at 5. The choice is what is ordered, not the write.
    let b = draft("", "", DraftFrom::Automatic, 1, 1);
    let l = draft("", "", chan("ch-local"), 1, 5);
    let mut s = draft("typed elsewhere", "", chan("ch-stored"), 2, 1);
    s.updated_at = 9;
    let m = merge(&b, &l, &s);
    assert_eq!(m.from, chan("ch-local"));
    assert_eq!(
        m.from_chosen_at, 5,
        "the merged draft carries the winning choice's time"
    );
}

#[test]
fn an_unchanged_local_from_follows_the_other_tabs_new_choice() {
    let b = draft("", "", chan("ch-a"), 1, 1);
    let l = draft("typing", "", chan("ch-a"), 1, 9);
    let s = draft("", "", chan("ch-b"), 2, 2);
    assert_eq!(merge(&b, &l, &s).from, chan("ch-b"));
}

#[test]
fn unsaved_changes_ignore_revision_bookkeeping() {
    let a = draft("s", "b", chan("ch-a"), 1, 1);
    let mut b = a.clone();
    b.revision = 7;
    b.updated_at = 99;
    b.last_editor_tab = "tab-z".into();
    assert!(!has_unsaved_changes(&a, &b));
    b.subject.push('!');
    assert!(has_unsaved_changes(&a, &b));
}

// ---- property: two tabs racing on one stored draft ----------------------------------------

#[derive(Debug, Clone)]
enum Step {
    Type {
        tab: usize,
        field: usize,
        text: String,
    },
    Choose {
        tab: usize,
        channel: u8,
    },
    Save {
        tab: usize,
    },
    Reload {
        tab: usize,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0..2usize, 0..4usize, "[a-z]{0,4}").prop_map(|(tab, field, text)| Step::Type { tab, field, text }),
        1 => (0..2usize, 0..4u8).prop_map(|(tab, channel)| Step::Choose { tab, channel }),
        3 => (0..2usize).prop_map(|tab| Step::Save { tab }),
        1 => (0..2usize).prop_map(|tab| Step::Reload { tab }),
    ]
}

struct Tab {
    base: Draft,
    local: Draft,
}

/// The storage contract of `Db::put_draft`: compare-and-set on the revision.
fn put(store: &mut Option<Draft>, draft: &Draft, expected: u64) -> Result<Draft, Box<Draft>> {
    match store {
        Some(current) if current.revision != expected => Err(Box::new(current.clone())),
        _ => {
            let mut next = draft.clone();
            next.revision = expected + 1;
            *store = Some(next.clone());
            Ok(next)
        }
    }
}

fn set_field(d: &mut Draft, field: usize, text: &str, unique: i64) {
    match field {
        0 => d.subject.push_str(text),
        1 => d.body_html.push_str(text),
        2 => d.to = vec![text.to_owned()],
        // An attachment added (or, with empty text, the last one removed).
        _ if text.is_empty() => {
            d.attachments.pop();
        }
        _ => d.attachments.push(DraftAttachment {
            blob_key: d.key.blob_key(&unique.to_string()),
            file_name: format!("{text}.pdf"),
            content_type: "application/pdf".into(),
            size: text.len() as u64,
        }),
    }
}

fn fields(d: &Draft) -> [String; 3] {
    [
        d.subject.clone(),
        d.body_html.clone(),
        format!("{:?}", d.to),
    ]
}

fn blobs(d: &Draft) -> Vec<String> {
    d.attachments.iter().map(|a| a.blob_key.clone()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn two_tabs_lose_no_edit_and_never_revert_a_deliberate_from(
        steps in prop::collection::vec(step(), 10..80)
    ) {
        let empty = Draft::new(key(), "tab", 0);
        let mut store: Option<Draft> = None;
        let mut tabs = [
            Tab { base: empty.clone(), local: empty.clone() },
            Tab { base: empty.clone(), local: empty.clone() },
        ];
        let mut clock = 0i64;
        let mut ever_deliberate = false;
        for s in steps {
            clock += 1;
            match s {
                Step::Type { tab, field, text } => {
                    let t = &mut tabs[tab];
                    set_field(&mut t.local, field, &text, clock);
                    t.local.updated_at = clock;
                }
                Step::Choose { tab, channel } => {
                    let t = &mut tabs[tab];
                    t.local.from = chan(&format!("ch-{channel}"));
                    t.local.from_chosen_at = clock;
                    t.local.updated_at = clock;
                }
                Step::Reload { tab } => {
                    // The shell saves on pagehide before a reload, then restores what is
                    // stored; model that by saving, then re-reading the store.
                    save(&mut store, &mut tabs[tab])?;
                    let stored = store.clone().unwrap_or_else(|| empty.clone());
                    let t = &mut tabs[tab];
                    t.base = stored.clone();
                    t.local = stored;
                }
                Step::Save { tab } => save(&mut store, &mut tabs[tab])?,
            }
            if let Some(stored) = &store {
                if stored.from.is_deliberate() {
                    ever_deliberate = true;
                }
                prop_assert!(!ever_deliberate || stored.from.is_deliberate(),
                    "a deliberate From was reverted to Automatic");
            }
        }
    }
}

/// One save of a tab, as the shell does it: compare-and-set, on conflict merge and retry.
/// Checks after each successful write: every field this tab changed is stored as typed, every
/// field it did not change keeps the other tab's stored value, and a local deliberate From is
/// not replaced by Automatic.
fn save(store: &mut Option<Draft>, t: &mut Tab) -> Result<(), TestCaseError> {
    if !has_unsaved_changes(&t.local, &t.base) {
        return Ok(());
    }
    let before = store.clone();
    let mut base = t.base.clone();
    let mut local = t.local.clone();
    for _ in 0..3 {
        match put(store, &local, base.revision) {
            Ok(saved) => {
                let prior = before.clone().unwrap_or_else(|| t.base.clone());
                for (i, ((mine, was), now)) in fields(&t.local)
                    .iter()
                    .zip(fields(&t.base).iter())
                    .zip(fields(&saved).iter())
                    .enumerate()
                {
                    if mine != was {
                        prop_assert_eq!(now, mine, "field {} lost the local edit", i);
                    } else {
                        prop_assert_eq!(
                            now,
                            &fields(&prior)[i],
                            "field {} lost the other tab's edit",
                            i
                        );
                    }
                }
                // Attachments merge as a set: what this tab added is stored, what it removed is
                // gone, and what the other tab had stored (and this tab did not remove) stays.
                let (mine, was, now) = (blobs(&t.local), blobs(&t.base), blobs(&saved));
                let theirs = blobs(&prior);
                for k in mine.iter().filter(|k| !was.contains(k)) {
                    prop_assert!(now.contains(k), "an attachment added here was lost");
                }
                for k in was.iter().filter(|k| !mine.contains(k)) {
                    prop_assert!(!now.contains(k), "an attachment removed here came back");
                }
                for k in theirs
                    .iter()
                    .filter(|k| !was.contains(k) || mine.contains(k))
                {
                    prop_assert!(now.contains(k), "the other tab's attachment was lost");
                }
                if t.local.from.is_deliberate() {
                    prop_assert!(saved.from.is_deliberate());
                }
                t.base = saved.clone();
                t.local = saved;
                return Ok(());
            }
            Err(stored) => {
                local = merge(&base, &local, &stored);
                base = *stored;
            }
        }
    }
    Err(TestCaseError::fail("compare-and-set did not settle"))
}

// ---- the body the composer stores and sends (SPEC §8) ---------------------------------------

#[test]
fn body_keeps_simple_formatting_and_drops_anything_that_could_run() {
    use switchboard::domain::body_html::sanitize_body;
    let cases = [
        ("<b>Hi</b> <i>there</i><br>", "<b>Hi</b> <i>there</i><br>"),
        (
            "<div style=\"x\" onclick=\"evil()\">a</div>",
            "<div>a</div>",
        ),
        ("<script>alert(1)</script>ok", "ok"),
        ("<img src=x onerror=alert(1)>text", "text"),
        (
            "<img src=\"https://cdn.example/a.png\" alt=\"Map\" onload=\"x()\">",
            "<img src=\"https://cdn.example/a.png\" alt=\"Map\">",
        ),
        ("<img src=\"javascript:alert(1)\">", ""),
        ("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>"),
        (
            "<a href=\"https://example.com/a?b=1\">x</a>",
            "<a href=\"https://example.com/a?b=1\">x</a>",
        ),
        (
            "<a href='mailto:a@b.example'>m</a>",
            "<a href=\"mailto:a@b.example\">m</a>",
        ),
        ("<STYLE>p{}</STYLE><P>p</P>", "<p>p</p>"),
        ("1 < 2", "1 &lt; 2"),
        ("plain &amp; text", "plain &amp; text"),
    ];
    for (input, want) in cases {
        assert_eq!(sanitize_body(input), want, "input {input:?}");
    }
}

proptest! {
    #[test]
    fn sanitised_body_has_only_allowed_tags_without_attributes(input in "[<>a-z =\"'/:]{0,80}") {
        use switchboard::domain::body_html::sanitize_body;
        let out = sanitize_body(&input);
        let allowed = ["b", "strong", "i", "em", "u", "br", "p", "div", "span", "a", "ul", "ol",
            "li", "blockquote"];
        for (at, _) in out.match_indices('<') {
            let tag = &out[at + 1..];
            let end = tag.find('>').unwrap_or(tag.len());
            let tag = tag[..end].trim_start_matches('/');
            let ok = allowed.contains(&tag)
                || (tag.starts_with("img src=\"")
                    && ["http://", "https://"].iter().any(|s| tag[9..].starts_with(s)))
                || (tag.starts_with("a href=\"")
                    && ["http://", "https://", "mailto:"].iter().any(|s| tag[8..].starts_with(s)));
            prop_assert!(ok, "unexpected tag <{}> in {:?}", tag, out);
        }
    }
}

// ---- attachments: limits and names (SPEC §5 composer) ---------------------------------------

fn attached(sizes: &[u64]) -> Vec<DraftAttachment> {
    sizes
        .iter()
        .enumerate()
        .map(|(i, size)| DraftAttachment {
            blob_key: key().blob_key(&i.to_string()),
            file_name: format!("f{i}.bin"),
            content_type: FALLBACK_CONTENT_TYPE.into(),
            size: *size,
        })
        .collect()
}

#[test]
fn attachment_limits_and_names_are_enforced_one_rule_per_case() {
    const MB: u64 = 1024 * 1024;
    type Case = (
        &'static str,
        Vec<u64>,
        &'static str,
        u64,
        Result<&'static str, &'static str>,
    );
    let cases: Vec<Case> = vec![
        ("a small file is accepted", vec![], "report.pdf", 1000, Ok("report.pdf")),
        ("the name is trimmed", vec![], "  report.pdf ", 1, Ok("report.pdf")),
        ("exactly 10 MB is accepted", vec![], "big.zip", 10 * MB, Ok("big.zip")),
        ("over 10 MB per file is refused", vec![], "huge.zip", 10 * MB + 1,
            Err("\u{201c}huge.zip\u{201d} is 10 MB; a file can be at most 10 MB.")),
        ("up to 25 MB in total is accepted", vec![10 * MB, 10 * MB], "c.bin", 5 * MB, Ok("c.bin")),
        ("over 25 MB in total is refused", vec![10 * MB, 10 * MB], "d.bin", 5 * MB + 1,
            Err("\u{201c}d.bin\u{201d} (5 MB) would make the attachments 25 MB; an email can carry at most 25 MB.")),
        ("an empty name is refused", vec![], "   ", 1, Err("A file name cannot be empty.")),
        ("a line break in the name is refused (header injection)", vec![], "a.pdf\r\nBcc: x@y.example", 1,
            Err("The file name \u{201c}a.pdfBcc: x@y.example\u{201d} cannot be sent: This value contains a line break or control character, which is not allowed.")),
        ("a name over 255 characters is refused", vec![], Box::leak("n".repeat(256).into_boxed_str()), 1,
            Err("too long")),
        ("non-ASCII names are fine", vec![], "Zażółć.pdf", 1, Ok("Zażółć.pdf")),
    ];
    for (case, sizes, name, size, want) in cases {
        let got = check_attachment(&attached(&sizes), name, size);
        match (got, want) {
            (Ok(name), Ok(expected)) => assert_eq!(name, expected, "{case}"),
            (Err(e), Err(expected)) => {
                assert!(e.to_string().contains(expected), "{case}: {e}")
            }
            (got, want) => panic!("{case}: got {got:?}, want {want:?}"),
        }
    }
}

#[test]
fn sizes_read_as_people_write_them() {
    let cases = [
        (0, "0 bytes"),
        (1, "1 byte"),
        (1023, "1023 bytes"),
        (1024, "1 KB"),
        (1536, "1.5 KB"),
        (10 * 1024 * 1024, "10 MB"),
        (3_250_000, "3.1 MB"),
    ];
    for (bytes, want) in cases {
        assert_eq!(human_size(bytes), want, "{bytes}");
    }
    assert_eq!(
        attachment_limits_text(),
        "Up to 10 MB per file, 25 MB per email."
    );
}

#[test]
fn a_missing_or_malformed_browser_type_becomes_octet_stream() {
    let cases = [
        ("application/pdf", "application/pdf"),
        ("Image/PNG", "image/png"),
        ("", FALLBACK_CONTENT_TYPE),
        ("text/plain; charset=utf-8", FALLBACK_CONTENT_TYPE),
        ("pdf", FALLBACK_CONTENT_TYPE),
        ("text/\r\nx", FALLBACK_CONTENT_TYPE),
    ];
    for (browser, want) in cases {
        assert_eq!(attachment_content_type(browser), want, "{browser:?}");
    }
}

#[test]
fn blob_keys_of_a_draft_share_its_prefix_and_no_other_drafts() {
    let mine = key();
    let mut other = key();
    other.mode = ReplyMode::Comment;
    let blob = mine.blob_key("abc");
    assert!(blob.starts_with(&mine.blob_prefix()));
    assert!(!blob.starts_with(&other.blob_prefix()));
}
