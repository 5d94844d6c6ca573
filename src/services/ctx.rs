//! The application context provided once the workspace is loaded: the database handle, the
//! small "directory" of workspace settings, the current user of this tab, toasts, and a data
//! revision counter that readers depend on so they refetch after any write (here or in another
//! tab).
//!
//! The directory comes in two reads (issue 2: initial load ≤ 250 KB brotli): the first inbox
//! paint reads a [`Summary`] (company, plan, teams, and users, channels and inboxes as light
//! entries: `UserEntry`, `ChannelEntry`, `InboxEntry`) and the whole [`Directory`] (whole
//! users, channels and inboxes, the workspace's default reply addresses, templates) is read
//! right after, by a lazily loaded chunk. The current user is `user_entry()` (summary) for the
//! first screen and `user()` (the whole record, `None` until the directory is read) for the
//! rest. `directory` stays `None` until then: whatever decides a
//! From address, an automation, access beyond the inbox picker, or a setting takes a
//! `&Directory` and so waits for it (`until_directory`, `full_directory`); nothing here ever
//! stands in default values for the fields the summary lacks.

use super::queries::FirstPage;
use super::{session, AppError};
use crate::domain::entries::UserEntry;
use crate::domain::{User, UserId};
use crate::storage::notify::{Change, Notifier};
use crate::storage::StorageError;
use crate::storage::{Db, Directory, ListQuery, Summary};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToastKind {
    Info,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toast {
    pub id: u64,
    pub kind: ToastKind,
    pub text: String,
    /// An optional follow-up: **Undo**, or a link to where something went.
    pub action: Option<ToastAction>,
}

/// What a toast offers besides its text.
#[derive(Clone)]
pub enum ToastAction {
    /// A button (e.g. **Undo**); clicking it runs `run` and dismisses the toast.
    Button {
        label: String,
        run: Arc<dyn Fn() + Send + Sync>,
    },
    /// A link, e.g. to the help desk where a ticketed conversation went.
    Link { label: String, href: String },
}

impl ToastAction {
    pub fn button(label: impl Into<String>, run: impl Fn() + Send + Sync + 'static) -> Self {
        ToastAction::Button {
            label: label.into(),
            run: Arc::new(run),
        }
    }
}

impl std::fmt::Debug for ToastAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ToastAction::Button { label, .. } => write!(f, "Button({label})"),
            ToastAction::Link { label, href } => write!(f, "Link({label}, {href})"),
        }
    }
}

impl PartialEq for ToastAction {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (ToastAction::Button { run: a, .. }, ToastAction::Button { run: b, .. }) => {
                Arc::ptr_eq(a, b)
            }
            (
                ToastAction::Link { label, href },
                ToastAction::Link {
                    label: l2,
                    href: h2,
                },
            ) => label == l2 && href == h2,
            _ => false,
        }
    }
}

impl Eq for ToastAction {}

/// Copyable handle to the app's shared state; get it with [`use_app`].
#[derive(Clone, Copy)]
pub struct AppCtx {
    db: StoredValue<Db, LocalStorage>,
    notifier: StoredValue<Option<Notifier>, LocalStorage>,
    pub tab: StoredValue<String>,
    /// What the first inbox paint reads of the directory (always there; see the module doc).
    pub summary: RwSignal<Summary>,
    /// The whole directory: `None` until it is read, just after the first paint (or as soon as
    /// something awaits [`AppCtx::until_directory`]); never `None` again after that.
    pub directory: RwSignal<Option<Directory>>,
    pub user_id: RwSignal<Option<UserId>>,
    /// Bumped after every committed write except drafts; resources that read conversation
    /// data track it.
    pub data_rev: RwSignal<u64>,
    /// Bumped when a draft (or its attachments) is written, here or in another tab. Kept apart
    /// from `data_rev` because drafts are saved while the rep types: a save must not make the
    /// open thread, the list and every count read IndexedDB again.
    pub drafts_rev: RwSignal<u64>,
    pub toasts: RwSignal<Vec<Toast>>,
    /// Set when another tab upgraded the database: this tab closed its connection.
    pub stale: RwSignal<bool>,
    /// Set once the first screen is painted (the first rows of a list, or a moment after start
    /// on a page without one). The lazily loaded parts that the first screen does not need wait
    /// for it ([`AfterPaint`]), so fetching and instantiating their chunks does not compete with
    /// the first paint.
    pub painted: RwSignal<bool>,
    /// One gate per [`AfterPaint`] part, resolved in order, one task apart, after the paint.
    turn_gates: StoredValue<Vec<PaintedGate>, LocalStorage>,
    /// Bumped each time a conversation list shows the first rows of what it lists (a view, a
    /// filter, a search; [`AppCtx::mark_rows_shown`]): see [`AppCtx::until_rows_shown`].
    rows_shown: StoredValue<u64>,
    /// Opened right after the frame that paints the rows of the latest bump of `rows_shown`
    /// (then replaced by a fresh one for the next).
    rows_gate: StoredValue<PaintedGate, LocalStorage>,
    /// Resolved when `directory` is first set (the same one-shot promise as the turns').
    directory_gate: StoredValue<PaintedGate, LocalStorage>,
    /// Whether the whole directory's read has been started (and not failed since).
    directory_loading: StoredValue<bool>,
    /// The first page of the list the app was opened on, read before the shell was built
    /// ([`super::queries::first_page`]); taken by the first list that asks.
    first_page: StoredValue<Option<FirstPage>>,
}

/// The parts loaded once the first screen is painted, in the order they load, each in a task
/// of its own ([`AppCtx::turn_signal`], [`AppCtx::until_turn`]). Loading a part fetches and
/// instantiates its chunks (a dozen files or more each); all at once they were one task of
/// about 110 ms with 112 `fetch` calls right after the first rows (session 7 profile), which
/// held back input and the next frame. The directory comes first: the thread and the pages
/// wait for it. Then what a rep may do at once, opening a conversation or searching: the
/// browser fetches the chunks in the order they are asked for, so a part asked for later
/// waits for every file before it (opening a conversation the moment the list appeared took
/// ~1.9 s on the bench machine with the thread last, behind ~90 chunk files of the others).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum AfterPaint {
    Directory,
    /// The open conversation's code, fetched ahead (`inbox::lazy_thread::preload_thread`).
    Thread,
    /// The search results' code, fetched ahead (`inbox::lazy_parts::preload_search`).
    Search,
    Toasts,
    AccountMenu,
    Compose,
    Import,
    MailCounts,
    MailPoll,
}

impl AfterPaint {
    const COUNT: usize = AfterPaint::MailPoll as usize + 1;
}

/// A one-shot promise (a turn after the paint, the directory read), so that async code can wait
/// for it.
struct PaintedGate {
    promise: js_sys::Promise,
    resolve: Option<js_sys::Function>,
}

impl PaintedGate {
    fn new() -> Self {
        let mut resolve = None;
        let promise = js_sys::Promise::new(&mut |res, _reject| resolve = Some(res));
        PaintedGate { promise, resolve }
    }

    /// Resolves the promise (once; later calls do nothing).
    fn open(&mut self) {
        if let Some(resolve) = self.resolve.take() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    }
}

/// Runs `f` once the next frame is painted: in the next task, or with `yielding` once the
/// tasks already waiting then have run (input, a message), as a background-priority task of
/// the browser's scheduler (`scheduler.postTask`; the next task where there is none).
/// The first screen's after-paint work yields: in the task right after the frame it went ahead
/// of everything queued meanwhile (a 5.5 ms count setup before a posted message, session 16).
/// The view counts after a filter change do not: deferred, they ran into the next filter's
/// reads when the rep moved on at once (bench P3, back-to-back filters: p90 42.7 → 50.4 ms).
fn after_next_frame(yielding: bool, f: impl FnOnce() + 'static) {
    request_animation_frame(move || match yielding.then(post_task).flatten() {
        Some((scheduler, post_task)) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"priority".into(), &"background".into());
            let task = wasm_bindgen::closure::Closure::once_into_js(f);
            let _ = post_task.call2(&scheduler, &task, &options);
        }
        None => set_timeout(f, std::time::Duration::ZERO),
    });
}

/// The browser's `scheduler` and its `postTask`, where it has them.
fn post_task() -> Option<(wasm_bindgen::JsValue, js_sys::Function)> {
    let window: wasm_bindgen::JsValue = web_sys::window()?.into();
    let scheduler = js_sys::Reflect::get(&window, &"scheduler".into()).ok()?;
    let post_task = js_sys::Reflect::get(&scheduler, &"postTask".into()).ok()?;
    Some((scheduler, post_task.dyn_into().ok()?))
}

pub fn use_app() -> AppCtx {
    expect_context::<AppCtx>()
}

impl AppCtx {
    /// Creates the context, provides it, and wires cross-tab notifications.
    pub fn provide(db: Db, summary: Summary, first_page: Option<FirstPage>) -> AppCtx {
        let user = session::initial_user(&summary.users);
        let ctx = AppCtx {
            db: StoredValue::new_local(db.clone()),
            notifier: StoredValue::new_local(Notifier::new().ok()),
            tab: StoredValue::new(session::tab_id()),
            summary: RwSignal::new(summary),
            directory: RwSignal::new(None),
            user_id: RwSignal::new(user),
            data_rev: RwSignal::new(0),
            drafts_rev: RwSignal::new(0),
            toasts: RwSignal::new(Vec::new()),
            stale: RwSignal::new(false),
            painted: RwSignal::new(false),
            turn_gates: StoredValue::new_local(
                (0..AfterPaint::COUNT).map(|_| PaintedGate::new()).collect(),
            ),
            rows_shown: StoredValue::new(0),
            rows_gate: StoredValue::new_local(PaintedGate::new()),
            directory_gate: StoredValue::new_local(PaintedGate::new()),
            directory_loading: StoredValue::new(false),
            first_page: StoredValue::new(first_page),
        };
        provide_context(ctx);
        db.on_version_change(move || ctx.stale.set(true));
        ctx.notifier.with_value(|n| {
            if let Some(n) = n {
                n.subscribe(move |change: Change| ctx.on_remote_change(change));
            }
        });
        ctx
    }

    /// Called when the first screen's main content (a list's first rows, its empty note or its
    /// error) is in the document: after the next frame is painted, [`AppCtx::painted`] is set
    /// and the [`AfterPaint`] parts take their turns. Later calls do nothing.
    pub fn mark_painted(&self) {
        if self.painted.get_untracked() {
            return;
        }
        let ctx = *self;
        after_next_frame(true, move || {
            if ctx.painted.try_get_untracked() != Some(false) {
                return;
            }
            ctx.painted.set(true);
            // A start-up page no list took (a page the rep may not see) is let go.
            ctx.first_page.set_value(None);
            // Each part in a task of its own, the first one too: this task is the one right
            // after the frame with the first rows.
            ctx.open_turn(0);
        });
    }

    /// Resolves the gate of the `turn`-th [`AfterPaint`] part in the next task, then the next
    /// one's in the task after (what waits on a gate runs in the task that resolves it).
    fn open_turn(self, turn: usize) {
        set_timeout(
            move || {
                let more = self.turn_gates.try_update_value(|gates| {
                    if let Some(gate) = gates.get_mut(turn) {
                        gate.open();
                    }
                    turn + 1 < gates.len()
                });
                if more == Some(true) {
                    self.open_turn(turn + 1);
                }
            },
            std::time::Duration::ZERO,
        );
    }

    /// A signal that turns true once `part`'s turn after the paint has come (see
    /// [`AfterPaint`]); one function for every part, so the initial load holds one copy.
    pub fn turn_signal(&self, part: AfterPaint) -> RwSignal<bool> {
        let ready = RwSignal::new(false);
        let ctx = *self;
        leptos::task::spawn_local(async move {
            ctx.until_turn(part).await;
            ready.try_set(true);
        });
        ready
    }

    /// Resolves once `part`'s turn after the paint has come (see [`AfterPaint`]); at once
    /// after that.
    pub async fn until_turn(&self, part: AfterPaint) {
        let Some(promise) = self
            .turn_gates
            .try_with_value(|gates| gates[part as usize].promise.clone())
        else {
            return;
        };
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }

    /// How many times a list has shown the first rows of what it lists, for
    /// [`AppCtx::until_rows_shown`].
    pub fn rows_shown(&self) -> u64 {
        self.rows_shown.try_get_value().unwrap_or_default()
    }

    /// A list has shown the first rows of what it lists: bumps the count and opens the
    /// current gate a moment after the frame that paints them.
    pub fn mark_rows_shown(&self) {
        let _ = self.rows_shown.try_update_value(|r| *r += 1);
        let Some(mut gate) = self
            .rows_gate
            .try_update_value(|gate| std::mem::replace(gate, PaintedGate::new()))
        else {
            return;
        };
        // The first screen's counts yield like its other after-paint work; later ones do not.
        let yielding = !self.painted.get_untracked();
        after_next_frame(yielding, move || gate.open());
    }

    /// Resolves once a list has shown rows since [`AppCtx::rows_shown`] was `after` and the
    /// frame with them is painted, or after `max_ms`. The view counts wait for it at start-up
    /// and when the filters change, so that their index counts neither compete with the list's
    /// own reads nor hold back the frame with its rows (the rows are what the rep is waiting
    /// for). Woken by the list itself: no timer runs while it waits (it polled every 16 ms
    /// before, five timers firing during each filter).
    pub async fn until_rows_shown(&self, after: u64, max_ms: u32) {
        if self.rows_shown() > after {
            return;
        }
        let Some(promise) = self.rows_gate.try_with_value(|gate| gate.promise.clone()) else {
            return;
        };
        let shown = wasm_bindgen_futures::JsFuture::from(promise);
        let limit = gloo_timers::future::TimeoutFuture::new(max_ms);
        futures_util::future::select(std::pin::pin!(shown), std::pin::pin!(limit)).await;
    }

    /// Resolves once the whole directory is read, starting its read if nothing has yet. A
    /// failed read is shown as a toast and tried again by the next caller (or by the next
    /// directory change announced by another tab); callers keep waiting until one succeeds.
    pub async fn until_directory(&self) {
        if self.directory.with_untracked(Option::is_some) {
            return;
        }
        if !self.directory_loading.get_value() {
            self.directory_loading.set_value(true);
            let ctx = *self;
            leptos::task::spawn_local(async move {
                if let Err(err) = ctx.reload_directory().await {
                    ctx.directory_loading.try_set_value(false);
                    ctx.toast_error(&err);
                }
            });
        }
        let Some(promise) = self
            .directory_gate
            .try_with_value(|gate| gate.promise.clone())
        else {
            return;
        };
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }

    /// The whole directory, once read (see [`AppCtx::until_directory`]).
    pub async fn full_directory(&self) -> Result<Directory, AppError> {
        self.until_directory().await;
        self.directory
            .try_get_untracked()
            .flatten()
            .ok_or_else(directory_not_read)
    }

    /// Reads the whole directory (reactive): `None` until it is read.
    pub fn with_directory<R>(&self, f: impl FnOnce(&Directory) -> R) -> Option<R> {
        self.directory.with(|d| d.as_ref().map(f))
    }

    /// [`AppCtx::with_directory`] without tracking.
    pub fn with_directory_untracked<R>(&self, f: impl FnOnce(&Directory) -> R) -> Option<R> {
        self.directory.with_untracked(|d| d.as_ref().map(f))
    }

    pub fn db(&self) -> Db {
        self.db.get_value()
    }

    /// The current user's whole record (reactive): `None` until the whole directory is read
    /// (see [`AppCtx::until_directory`]). Whatever decides access, a From address, a setting
    /// or a send reads this one.
    pub fn user(&self) -> Option<User> {
        let id = self.user_id.get()?;
        self.directory
            .with(|d| d.as_ref()?.users.iter().find(|u| u.id == id).cloned())
    }

    /// The page read at start-up, once, if it is the first page of `query` (the first list
    /// to ask takes it, whatever it lists: a later read is never answered from start-up).
    pub fn take_first_page(&self, query: &ListQuery) -> Option<FirstPage> {
        self.first_page
            .try_update_value(Option::take)
            .flatten()
            .filter(|page| page.query == *query)
    }

    /// The current user as the first screen knows them (reactive; from the [`Summary`], so
    /// there from the start): name, role and teams, for the inbox picker and the account menu.
    pub fn user_entry(&self) -> Option<UserEntry> {
        let id = self.user_id.get()?;
        self.summary
            .with(|s| s.users.iter().find(|u| u.id == id).cloned())
    }

    pub fn switch_user(&self, id: UserId) {
        session::remember_user(&id);
        self.user_id.set(Some(id));
    }

    pub fn toast(&self, kind: ToastKind, text: impl Into<String>) {
        self.push_toast(kind, text.into(), None);
    }

    /// A toast with an **Undo** button or a link; it stays a little longer so there is time
    /// to use it.
    pub fn toast_with(&self, kind: ToastKind, text: impl Into<String>, action: ToastAction) {
        self.push_toast(kind, text.into(), Some(action));
    }

    fn push_toast(&self, kind: ToastKind, text: String, action: Option<ToastAction>) {
        let id = self
            .toasts
            .with_untracked(|t| t.last().map(|t| t.id + 1).unwrap_or(1));
        let has_action = action.is_some();
        self.toasts.update(|t| {
            t.push(Toast {
                id,
                kind,
                text,
                action,
            })
        });
        let toasts = self.toasts;
        let ms = match (kind, has_action) {
            (ToastKind::Error, _) => 9000,
            (ToastKind::Info, true) => 10000,
            (ToastKind::Info, false) => 5000,
        };
        gloo_timers::callback::Timeout::new(ms, move || {
            toasts.try_update(|t| t.retain(|x| x.id != id));
        })
        .forget();
    }

    pub fn toast_error(&self, err: &AppError) {
        use crate::i18n::errors::Translated;
        if crate::i18n::web::texts_complete() {
            self.toast(ToastKind::Error, err.translated());
            return;
        }
        // A toast keeps its text, and most refusals are English texts installed with the whole
        // directory (`boot::load_directory`): one raised before then is worded once they are.
        let (app, err) = (*self, err.clone());
        leptos::task::spawn_local(async move {
            crate::i18n::web::until_texts().await;
            if app.toasts.try_get_untracked().is_some() {
                app.toast(ToastKind::Error, err.translated());
            }
        });
    }

    /// Records that `store` changed in this tab: readers refetch, other tabs are told.
    pub fn changed(&self, store: &str, key: Option<String>) {
        self.bump(store);
        let change = Change {
            store: store.to_owned(),
            key,
            tab: self.tab.get_value(),
        };
        self.notifier.with_value(|n| {
            if let Some(n) = n {
                n.notify(&change);
            }
        });
    }

    /// Re-reads the whole directory (workspace settings, users, inboxes...) from storage, by
    /// the lazily loaded reader (`boot::load_directory`), and the summary from it.
    pub async fn reload_directory(&self) -> Result<(), AppError> {
        let dir = super::boot::load_directory(self.db()).await?;
        let summary = Summary::of(&dir);
        if let Some(id) = self.user_id.get_untracked() {
            if !summary.users.iter().any(|u| u.id == id) {
                self.user_id.set(session::initial_user(&summary.users));
            }
        }
        self.summary.set(summary);
        self.directory.set(Some(dir));
        self.directory_gate.update_value(PaintedGate::open);
        Ok(())
    }

    fn on_remote_change(&self, change: Change) {
        if change.tab == self.tab.get_value() {
            return;
        }
        let ctx = *self;
        if DIRECTORY_STORES.contains(&change.store.as_str()) || change.store == "*" {
            leptos::task::spawn_local(async move {
                if let Err(err) = ctx.reload_directory().await {
                    ctx.toast_error(&err);
                }
                ctx.data_rev.update(|r| *r += 1);
            });
        } else {
            self.bump(&change.store);
        }
    }

    /// Bumps the revision that readers of `store` track.
    fn bump(&self, store: &str) {
        if DRAFT_STORES.contains(&store) {
            self.drafts_rev.update(|r| *r += 1);
        } else {
            self.data_rev.update(|r| *r += 1);
        }
    }
}

/// The refusal of a command that needs the whole directory before it is read (the pages that
/// offer such commands wait for it, so a rep should not meet it).
pub fn directory_not_read() -> AppError {
    StorageError::NotFound("The workspace settings".into()).into()
}

/// Stores written while the rep types (see [`AppCtx::drafts_rev`]).
pub const DRAFT_STORES: &[&str] = &["drafts", "attachments"];

/// Stores whose records live in the in-memory directory.
pub const DIRECTORY_STORES: &[&str] = &[
    "workspace",
    "users",
    "teams",
    "inboxes",
    "channels",
    "templates",
];
