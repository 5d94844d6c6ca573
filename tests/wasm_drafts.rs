#![cfg(target_arch = "wasm32")]
//! Drafts in headless Chromium (SPEC §7, §5 attachments): the draft repository round trip, the
//! compare-and-set conflict merged by the drafts service, attachment blobs (store, read back,
//! sweep; a received or sent message's files and inline images), and a failed write (debug
//! fault hook) that succeeds on retry; and, on the same app-context fixture, the view counts'
//! wait for a list's painted rows. Every test opens its
//! own uniquely named database and deletes it at the end. Run with
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test wasm_drafts`.

use leptos::prelude::*;
use switchboard::domain::refusal::Missing;
use switchboard::domain::*;
use switchboard::services::{attachments, drafts, AppCtx, AppError};
use switchboard::storage::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

/// The write a composer session makes of `local`, edited from `base` (every differing field
/// counts as edited here).
fn write(base: &Draft, local: &Draft) -> draft_sync::Write {
    draft_sync::Write {
        base: base.clone(),
        draft: local.clone(),
        edits: draft_merge::Edits::between(base, local),
    }
}

wasm_bindgen_test_configure!(run_in_browser);

fn unique(name: &str) -> String {
    format!(
        "sb-test-{name}-{}-{}",
        js_sys::Date::now(),
        (js_sys::Math::random() * 1e9) as u64
    )
}

/// A fresh database and an app context on it (with its own reactive owner).
async fn app(name: &str) -> (AppCtx, Db, String, Owner) {
    let name = unique(name);
    let db = Db::open(&name).await.expect("open a fresh database");
    // The drafts service spawns tasks (the persistence request) through leptos' executor,
    // which is set up when something mounts: mount nothing into a detached element once.
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement =
        wasm_bindgen::JsCast::unchecked_into(document.create_element("div").unwrap());
    drop(leptos::mount::mount_to(host, || ()));
    let owner = Owner::new();
    owner.set();
    let directory = Directory {
        workspace: Workspace {
            company: "Acme".into(),
            subdomain: "acme".into(),
            plan: Plan::Professional,
            team_default_reply: Default::default(),
        },
        users: vec![],
        teams: vec![],
        inboxes: vec![],
        channels: vec![],
        templates: vec![],
    };
    let ctx = AppCtx::provide(db.clone(), Summary::of(&directory), None);
    // The app installs the later English texts with the whole directory; so does this context
    // (the refusals these tests read are later texts).
    switchboard::i18n::web::until_texts().await;
    (ctx, db, name, owner)
}

async fn drop_db(db: Db, name: &str) {
    db.close();
    Db::delete_database(name)
        .await
        .expect("delete the test database");
}

fn key(mode: ReplyMode) -> DraftKey {
    DraftKey {
        user: "u-ana".into(),
        target: DraftTarget::Conversation("conv-1".into()),
        mode,
    }
}

fn file(bytes: &str, name: &str) -> web_sys::File {
    let parts = js_sys::Array::of1(&JsValue::from_str(bytes));
    web_sys::File::new_with_str_sequence(&parts, name).expect("a File")
}

#[wasm_bindgen_test]
async fn draft_repository_round_trip_keeps_every_field() {
    let (_app, db, name, _owner) = app("draft-round-trip").await;
    let mut draft = Draft::new(key(ReplyMode::Reply), "tab-a", 42);
    draft.to = vec!["Bo <bo@customer.example>".into(), "half typed".into()];
    draft.cc = vec!["cc@customer.example".into()];
    draft.bcc = vec!["audit@acme.example".into()];
    draft.subject = "Zażółć — subject".into();
    draft.body_html = "<p>Hello <b>there</b></p>".into();
    draft.from = DraftFrom::Deliberate(FromChoice::Channel("ch-2".into()));
    draft.attachments = vec![DraftAttachment {
        blob_key: draft.key.blob_key("x1"),
        file_name: "faktura łódź.pdf".into(),
        content_type: "application/pdf".into(),
        size: 1234,
    }];
    let stored = db.put_draft(&draft, 0).await.unwrap();
    assert_eq!(stored.revision, 1);
    let read = db.draft(&draft.key).await.unwrap().expect("stored");
    assert_eq!(read, stored);
    assert!(read.from.is_deliberate(), "the deliberate flag is stored");
    assert_eq!(
        db.draft(&key(ReplyMode::Comment)).await.unwrap(),
        None,
        "another reply mode is another draft"
    );
    drop_db(db, &name).await;
}

#[wasm_bindgen_test]
async fn compare_and_set_conflict_is_merged_and_neither_tab_loses_its_edit() {
    let (app, db, name, _owner) = app("draft-cas").await;
    let empty = Draft::new(key(ReplyMode::Reply), "tab", 1);
    // Tab A chooses a From deliberately and types a subject; it is stored first.
    let mut a = empty.clone();
    a.subject = "From tab A".into();
    a.from = DraftFrom::Deliberate(FromChoice::Channel("ch-2".into()));
    a.updated_at = 2;
    let saved_a = drafts::save(app, write(&empty, &a)).await.unwrap();
    assert_eq!(saved_a.revision, 1);
    // Tab B still starts from nothing: its write conflicts, is merged, and lands on top.
    let mut b = empty.clone();
    b.body_html = "<p>typed in tab B</p>".into();
    b.updated_at = 3;
    match db.put_draft(&b, 0).await {
        Err(DraftWriteError::Conflict(stored)) => assert_eq!(stored, saved_a),
        other => panic!("expected a conflict, got {other:?}"),
    }
    let merged = drafts::save(app, write(&empty, &b)).await.unwrap();
    assert_eq!(merged.revision, 2);
    assert_eq!(merged.subject, "From tab A", "tab A's edit is kept");
    assert_eq!(
        merged.body_html, "<p>typed in tab B</p>",
        "tab B's edit is kept"
    );
    assert_eq!(merged.from, a.from, "the deliberate From is not reverted");
    assert_eq!(db.draft(&empty.key).await.unwrap(), Some(merged));
    drop_db(db, &name).await;
}

#[wasm_bindgen_test]
async fn attachment_blobs_round_trip_and_are_swept_only_when_no_draft_refers_to_them() {
    let (app, db, name, _owner) = app("draft-blobs").await;
    let k = key(ReplyMode::Reply);
    let files = vec![
        file("first file bytes", "notes.txt"),
        file("second", "Zażółć.pdf"),
        file("x", ""),
    ];
    let (added, refused) = drafts::attach_files(app, &k, &[], files).await;
    assert_eq!(
        refused,
        vec!["A file name cannot be empty.".to_owned()],
        "a refused file changes nothing"
    );
    let names: Vec<&str> = added.iter().map(|a| a.file_name.as_str()).collect();
    assert_eq!(names, ["notes.txt", "Zażółć.pdf"]);
    assert_eq!(added[0].size, 16);
    assert_eq!(added[0].content_type, FALLBACK_CONTENT_TYPE);
    assert!(added
        .iter()
        .all(|a| a.blob_key.starts_with(&k.blob_prefix())));
    assert_eq!(
        drafts::attachment_blob(app, &added[0]).await.unwrap().1,
        b"first file bytes"
    );
    assert_eq!(
        db.blob_keys_with_prefix(&k.blob_prefix())
            .await
            .unwrap()
            .len(),
        2
    );

    // The draft refers to the first only: a sweep removes the second and keeps the first.
    let mut draft = Draft::new(k.clone(), "tab", 1);
    draft.attachments = vec![added[0].clone()];
    db.put_draft(&draft, 0).await.unwrap();
    drafts::sweep_blobs(app, &k).await.unwrap();
    assert_eq!(
        db.blob_keys_with_prefix(&k.blob_prefix()).await.unwrap(),
        vec![added[0].blob_key.clone()]
    );
    match drafts::attachment_blob(app, &added[1]).await {
        Err(AppError::Missing(Missing::Attachment { .. })) => {}
        other => panic!("the swept blob is gone, got {other:?}"),
    }
    // Another draft's blobs are never touched by this draft's sweep.
    let other = key(ReplyMode::Comment);
    let (other_added, _) = drafts::attach_files(app, &other, &[], vec![file("o", "o.txt")]).await;
    // Once the draft is gone (sent or discard no longer undoable), its blobs go too.
    db.delete_draft(&k).await.unwrap();
    drafts::sweep_blobs(app, &k).await.unwrap();
    assert!(db
        .blob_keys_with_prefix(&k.blob_prefix())
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        db.blob_keys_with_prefix(&other.blob_prefix())
            .await
            .unwrap(),
        vec![other_added[0].blob_key.clone()]
    );
    drop_db(db, &name).await;
}

#[wasm_bindgen_test]
async fn a_failed_write_keeps_the_draft_and_a_retry_stores_it() {
    let (app, db, name, _owner) = app("draft-fault").await;
    let empty = Draft::new(key(ReplyMode::Reply), "tab", 1);
    let mut local = empty.clone();
    local.body_html = "<p>do not lose me</p>".into();
    drafts::fail_next_writes(2);
    for attempt in 1..=2 {
        match drafts::save(app, write(&empty, &local)).await {
            Err(AppError::Storage(StorageError::QuotaExceeded)) => {}
            other => panic!("attempt {attempt}: expected the injected quota error, got {other:?}"),
        }
        assert_eq!(
            db.draft(&empty.key).await.unwrap(),
            None,
            "nothing half-written"
        );
    }
    let saved = drafts::save(app, write(&empty, &local)).await.unwrap();
    assert_eq!(saved.body_html, local.body_html);
    assert_eq!(db.draft(&empty.key).await.unwrap(), Some(saved));
    drop_db(db, &name).await;
}

#[wasm_bindgen_test]
async fn discard_then_restore_gives_back_the_same_draft() {
    let (app, db, name, _owner) = app("draft-discard").await;
    let mut draft = Draft::new(key(ReplyMode::Reply), "tab", 5);
    draft.to = vec!["bo@customer.example".into()];
    draft.body_html = "<p>restore me</p>".into();
    draft.from = DraftFrom::Deliberate(FromChoice::Personal(
        EmailAddress::parse("ana@acme.example").unwrap(),
    ));
    let stored = db.put_draft(&draft, 0).await.unwrap();
    drafts::discard(app, &draft.key).await.unwrap();
    assert_eq!(db.draft(&draft.key).await.unwrap(), None);
    let restored = drafts::restore(app, &stored).await.unwrap();
    let mut want = stored.clone();
    want.revision = restored.revision;
    want.last_editor_tab = restored.last_editor_tab.clone();
    assert_eq!(
        restored, want,
        "every field comes back, the From choice included"
    );
    drop_db(db, &name).await;
}

/// Whether `done` is set after `ms` of waiting.
async fn done_within(done: std::rc::Rc<std::cell::Cell<bool>>, ms: u32) -> bool {
    gloo_timers::future::TimeoutFuture::new(ms).await;
    done.get()
}

/// The view counts' wait (`AppCtx::until_rows_shown`): nothing while no list showed rows since,
/// woken by the list's next rows once their frame is painted, at once for rows already shown,
/// and at the limit when no rows come.
#[wasm_bindgen_test]
async fn the_view_counts_wait_for_the_next_rows_to_be_painted() {
    let (ctx, db, name, _owner) = app("rows-gate").await;
    let before = ctx.rows_shown();
    let done = std::rc::Rc::new(std::cell::Cell::new(false));
    let flag = done.clone();
    leptos::task::spawn_local(async move {
        ctx.until_rows_shown(before, 5_000).await;
        flag.set(true);
    });
    assert!(!done_within(done.clone(), 100).await, "no rows shown yet");
    ctx.mark_rows_shown();
    assert_eq!(ctx.rows_shown(), before + 1);
    assert!(
        done_within(done.clone(), 500).await,
        "woken after the rows' frame"
    );

    // Rows shown since `before`: no wait at all.
    let start = js_sys::Date::now();
    ctx.until_rows_shown(before, 5_000).await;
    assert!(js_sys::Date::now() - start < 50.0);

    // No rows come: the limit.
    let start = js_sys::Date::now();
    ctx.until_rows_shown(ctx.rows_shown(), 200).await;
    let waited = js_sys::Date::now() - start;
    assert!((190.0..2_000.0).contains(&waited), "waited {waited} ms");
    drop_db(db, &name).await;
}

#[wasm_bindgen_test]
async fn a_messages_files_are_kept_under_its_keys_and_its_inline_images_read_as_data_urls() {
    let (app, db, name, _owner) = app("message-files").await;
    let id = MessageId::new("m-files");
    let png = b"\x89PNG\r\n\x1a\nrest";
    let files = vec![
        attachments::blob_of(png, "image/png").unwrap(),
        attachments::blob_of(b"slip", "text/plain").unwrap(),
    ];
    attachments::keep_files(app, &id, files).await.unwrap();
    let first = attachments::message_file(app, id.clone(), 0)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(first.type_(), "image/png");
    assert_eq!(
        attachments::blob_bytes(&first, "image001.png")
            .await
            .unwrap(),
        png
    );
    let second = attachments::message_file(app, id.clone(), 1)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        attachments::blob_bytes(&second, "slip.txt").await.unwrap(),
        b"slip"
    );
    // Never stored (older mail, the demo's samples): none, not an error.
    assert!(attachments::message_file(app, id.clone(), 2)
        .await
        .unwrap()
        .is_none());
    assert!(attachments::message_file(app, MessageId::new("m-other"), 0)
        .await
        .unwrap()
        .is_none());

    // Only the inline image with a stored file becomes a data: URL.
    let meta =
        |file_name: &str, content_type: &str, cid: Option<&str>, inline: bool| AttachmentMeta {
            file_name: file_name.into(),
            content_type: content_type.into(),
            size: 4,
            content_id: cid.map(str::to_owned),
            inline,
        };
    let message = Message {
        subject: "Photo".into(),
        html_body: Some("<img src=\"cid:p@x\">".into()),
        attachments: vec![
            meta("image001.png", "image/png", Some("p@x"), true),
            meta("slip.txt", "text/plain", Some("s@x"), false),
            meta("gone.png", "image/png", Some("g@x"), true),
        ],
        ..Message::new(
            id.clone(),
            Some(ConversationId::new("c-files")),
            Direction::Incoming,
            Mailbox {
                name: None,
                address: EmailAddress::parse("ana@example.com").unwrap(),
            },
            0,
        )
    };
    let images = attachments::inline_images(app, &message).await;
    assert_eq!(
        images,
        vec![(
            "p@x".to_owned(),
            "data:image/png;base64,iVBORw0KGgpyZXN0".to_owned()
        )]
    );
    drop_db(db, &name).await;
}
