//! The virtualised conversation list: a scroll container with a spacer as tall as every row,
//! and only the rows of `domain::list_window::window` in the DOM (the rows in view and a small
//! overscan, or a short list whole). The viewport's height comes from a `ResizeObserver`
//! (reading `clientHeight` while the page was being built forced a layout of the whole
//! document before the first rows: ~7 ms of every start). Pages of [`PAGE_SIZE`] rows are
//! fetched on demand as the window reaches them and kept in a small cache; a page after a
//! cached one continues from that page's last key (a key range), never from an offset. Data changes (local or from another tab) mark the cache
//! stale: rows stay shown and are refetched in place, so the scroll position is kept.
//!
//! It reads through `services::queries` only and knows nothing of views or filters: the caller
//! gives it a [`RowSource`].

use super::conversation_row::row_slot;
use crate::domain::ConversationId;
use crate::i18n::errors::Translated;
use crate::i18n::{
    k,
    web::{t, tn},
    Key,
};
use crate::services::queries::{self, ConversationRow, PAGE_SIZE};
use crate::services::{session, use_app, AppCtx, AppError};
use crate::storage::{ListKey, ListQuery, PageStart};
use crate::ui::ErrorNote;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use wasm_bindgen::JsCast;

pub use crate::domain::list_window::ROW_HEIGHT;
use crate::domain::list_window::{window, Mount};

const MAX_CACHED_PAGES: usize = 6;

/// Where the rows come from: an index range (a view with filters) or the hits of a search.
#[derive(Debug, Clone, PartialEq)]
pub enum RowSource {
    Index(ListQuery),
    Hits(Arc<Vec<ConversationId>>),
}

#[derive(Clone)]
struct Page {
    epoch: u64,
    rows: Vec<ConversationRow>,
}

/// What sits above the list in the wide layout (top bar, heading, filters, count): 318 px at
/// 1280 × 800 in English. Only an estimate: see [`initial_viewport`].
const LIST_TOP_ESTIMATE: f64 = 318.0;

/// The viewport's height before the list is laid out, read without a layout: the window's
/// less [`LIST_TOP_ESTIMATE`]. The `ResizeObserver` gives the list's own in the same frame,
/// after its first layout and before its paint: rows an over-estimate built are removed
/// then, rows an under-estimate left out are added then (so the first paint shows every row
/// in view either way; only an over-estimate costs, ~2 ms a row).
fn initial_viewport() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .map_or(480.0, |h| h - LIST_TOP_ESTIMATE)
}

/// Keeps `viewport` at the height of `el` (its content box) from its first layout on, without
/// reading a layout property: the observer reports sizes after layout, before paint.
fn observe_height(
    el: &web_sys::Element,
    viewport: RwSignal<f64>,
) -> Option<web_sys::ResizeObserver> {
    let on_resize = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
        move |entries: js_sys::Array| {
            let height = entries
                .get(0)
                .dyn_into::<web_sys::ResizeObserverEntry>()
                .map(|entry| entry.content_rect().height());
            if let Ok(height) = height {
                let _ = viewport.try_set(height);
            }
        },
    );
    // The observer owns its callback from here on (both are freed together by the GC).
    let observer = web_sys::ResizeObserver::new(on_resize.into_js_value().unchecked_ref()).ok()?;
    observer.observe(el);
    Some(observer)
}

async fn fetch_page(
    app: AppCtx,
    source: RowSource,
    page: u32,
    after: Option<ListKey>,
) -> Result<Vec<ConversationRow>, AppError> {
    match source {
        RowSource::Index(query) => {
            let start = after.map_or(PageStart::Offset(page * PAGE_SIZE), PageStart::After);
            queries::list_rows(app, query, start, PAGE_SIZE).await
        }
        RowSource::Hits(hits) => {
            let from = ((page * PAGE_SIZE) as usize).min(hits.len());
            let to = (from + PAGE_SIZE as usize).min(hits.len());
            queries::rows_of(app, hits[from..to].to_vec()).await
        }
    }
}

/// Moves focus to row `index` (scrolling it into view first) once it is mounted.
fn focus_row(list: &web_sys::Element, scroller: &web_sys::HtmlElement, index: u32) {
    let top = f64::from(index) * ROW_HEIGHT;
    let view_top = f64::from(scroller.scroll_top());
    let view_height = f64::from(scroller.client_height());
    if top < view_top || top + ROW_HEIGHT > view_top + view_height {
        scroller.set_scroll_top((top - view_height / 2.0).max(0.0) as i32);
    }
    let list = list.clone();
    let selector = format!("[data-index=\"{index}\"] a");
    // The window moves on the scroll event and the row's page may still be loading: wait for
    // its link (a short while; a row that never loads keeps the focus where it was).
    leptos::task::spawn_local(async move {
        for _ in 0..40 {
            gloo_timers::future::TimeoutFuture::new(25).await;
            if let Ok(Some(el)) = list.query_selector(&selector) {
                if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                    return;
                }
            }
        }
    });
}

/// Reads the count and the first page of `source` together (a new list shows both at once);
/// the page read at start-up if it is this list's.
async fn first_rows(
    app: AppCtx,
    source: RowSource,
) -> Result<(u32, Vec<ConversationRow>), AppError> {
    match source {
        RowSource::Index(query) => match app.take_first_page(&query) {
            Some(page) => Ok((page.count, page.rows)),
            None => queries::count_and_first_rows(&app.db(), &query).await,
        },
        RowSource::Hits(hits) => {
            let count = hits.len() as u32;
            Ok((
                count,
                fetch_page(app, RowSource::Hits(hits), 0, None).await?,
            ))
        }
    }
}

#[component]
pub fn VirtualList(
    /// Accessible name of the list ("Conversations", "Search results").
    label: Key,
    /// What to list. A new source (other filters) keeps the list mounted: the old rows stay
    /// until the new count and first rows are read, then both replace them at once.
    #[prop(into)]
    source: Signal<RowSource>,
    /// The link of a row.
    link: Callback<ConversationId, String>,
    selected: Signal<Option<ConversationId>>,
    /// What the status line says when there are no rows.
    empty: Key,
    /// Counts as "N results" above the list (search) instead of "N conversations".
    #[prop(optional)]
    results: bool,
) -> impl IntoView {
    let app = use_app();
    // The number of rows of the source shown; None until the first read.
    let count: RwSignal<Option<u32>> = RwSignal::new(None);
    let total = Memo::new(move |_| count.get().unwrap_or(0));
    let total_signal: Signal<u32> = total.into();
    let scroll_top = RwSignal::new(0.0f64);
    let viewport = RwSignal::new(initial_viewport());
    let pages: RwSignal<HashMap<u32, Page>> = RwSignal::new(HashMap::new());
    // `epoch` marks cached pages stale (any committed write, a new source); `generation`
    // counts sources, so a late answer for an older source is dropped.
    let epoch = RwSignal::new(0u64);
    let generation = StoredValue::new(0u64);
    let loading: StoredValue<HashSet<(u32, u64)>> = StoredValue::new(HashSet::new());
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let scroller = NodeRef::<leptos::html::Div>::new();
    let first_shown = StoredValue::new(false);
    // The source whose rows are shown (None until its first rows are read): pages and counts
    // are read from it, so a new source's rows never mix with the old one's.
    let shown: StoredValue<Option<RowSource>> = StoredValue::new(None);

    // A new source: read its count and first page, then show them in place of the old rows,
    // scrolled to the top. The first time, this list's rows are what the first screen waits
    // for (the lazily loaded parts wait for AppCtx::painted); every time, view counts waiting
    // for the rows of new filters may start (AppCtx::until_rows_shown).
    Effect::watch(
        move || source.get(),
        move |source, _, _| {
            let source = source.clone();
            generation.update_value(|g| *g += 1);
            let current_generation = generation.get_value();
            leptos::task::spawn_local(async move {
                let result = first_rows(app, source.clone()).await;
                if generation.try_get_value() != Some(current_generation) {
                    return;
                }
                match result {
                    Ok((n, rows)) => {
                        shown.set_value(Some(source));
                        epoch.update(|e| *e += 1);
                        let current = epoch.get_untracked();
                        // Setting `scrollTop` lays the page out there and then (~7 ms at
                        // start-up, when the whole shell is new): only when it is not at the
                        // top already (`scroll_top` follows every scroll event).
                        if scroll_top.try_get_untracked().is_some_and(|top| top != 0.0) {
                            if let Some(el) = scroller.get_untracked() {
                                el.set_scroll_top(0);
                            }
                            let _ = scroll_top.try_set(0.0);
                        }
                        let _ = error.try_set(None);
                        let _ = pages.try_set(HashMap::from([(
                            0,
                            Page {
                                epoch: current,
                                rows,
                            },
                        )]));
                        let _ = count.try_set(Some(n));
                    }
                    Err(err) => {
                        let _ = error.try_set(Some(err.translated()));
                    }
                }
                if !first_shown.get_value() {
                    first_shown.set_value(true);
                    app.mark_painted();
                }
                app.mark_rows_shown();
            });
        },
        true,
    );
    // Every committed write: the cached pages are stale (kept on screen until refetched) and
    // the count is read again.
    Effect::watch(
        move || app.data_rev.get(),
        move |_, _, _| {
            let Some(source) = shown.get_value() else {
                return;
            };
            epoch.update(|e| *e += 1);
            let current_generation = generation.get_value();
            leptos::task::spawn_local(async move {
                let n = match source {
                    RowSource::Index(query) => queries::list_count(app, query).await,
                    RowSource::Hits(hits) => Ok(hits.len() as u32),
                };
                if generation.try_get_value() != Some(current_generation) {
                    return;
                }
                match n {
                    Ok(n) => {
                        let _ = count.try_set(Some(n));
                    }
                    Err(err) => {
                        let _ = error.try_set(Some(err.translated()));
                    }
                }
            });
        },
        false,
    );
    // Until the first screen is painted, only the rows in view (the rest come right after it).
    let span = Memo::new(move |_| {
        let mount = if app.painted.get() {
            Mount::WithOverscan
        } else {
            Mount::InView
        };
        window(scroll_top.get(), viewport.get(), total.get(), mount)
    });

    // The pages of the window that are missing or stale (the first page of a new source comes
    // with its count, above).
    Effect::new(move |_| {
        let (start, end) = span.get();
        let current = epoch.get();
        if start >= end {
            return;
        }
        let Some(fetch_source) = shown.get_value() else {
            return;
        };
        let (first_page, last_page) = (start / PAGE_SIZE, (end - 1) / PAGE_SIZE);
        for page in first_page..=last_page {
            let fresh = pages.with_untracked(|m| m.get(&page).map(|p| p.epoch) == Some(current));
            if fresh || loading.with_value(|l| l.contains(&(page, current))) {
                continue;
            }
            let after = match (&fetch_source, page) {
                (RowSource::Index(_), 1..) => pages.with_untracked(|m| {
                    m.get(&(page - 1))
                        .filter(|p| p.epoch == current && p.rows.len() == PAGE_SIZE as usize)
                        .and_then(|p| p.rows.last())
                        .map(|r| ListKey {
                            last_activity: r.conversation.last_activity,
                            id: r.conversation.id.clone(),
                        })
                }),
                _ => None,
            };
            loading.update_value(|l| {
                l.insert((page, current));
            });
            let source = fetch_source.clone();
            leptos::task::spawn_local(async move {
                let result = fetch_page(app, source, page, after).await;
                let _ = loading.try_update_value(|l| l.remove(&(page, current)));
                if epoch.try_get_untracked() != Some(current) {
                    return;
                }
                match result {
                    Ok(rows) => {
                        let _ = pages.try_update(|m| {
                            m.insert(
                                page,
                                Page {
                                    epoch: current,
                                    rows,
                                },
                            );
                            evict(m, page);
                        });
                    }
                    Err(err) => {
                        let _ = error.try_set(Some(err.translated()));
                    }
                }
            });
        }
    });

    // The indexes in the window: each is a slot kept while it stays in the window (see
    // `row_slot`), showing the row its page holds at that index.
    let visible_slots = move || {
        let (start, end) = span.get();
        (start..end).collect::<Vec<u32>>()
    };
    let row_at = move |i: u32| {
        Memo::new(move |_| {
            pages.with(|m| {
                m.get(&(i / PAGE_SIZE))
                    .and_then(|p| p.rows.get((i % PAGE_SIZE) as usize).cloned())
            })
        })
    };
    let now = session::now_millis();
    let list = NodeRef::<leptos::html::Ul>::new();
    let observer = StoredValue::new_local(None::<web_sys::ResizeObserver>);
    scroller.on_load(move |el| observer.set_value(observe_height(&el, viewport)));
    on_cleanup(move || {
        let _ = observer.try_with_value(|o| o.as_ref().map(|o| o.disconnect()));
    });
    let on_scroll = move |_| {
        if let Some(el) = scroller.get_untracked() {
            scroll_top.set(f64::from(el.scroll_top()));
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let (Some(scroller), Some(list)) = (scroller.get_untracked(), list.get_untracked()) else {
            return;
        };
        let Some(current) = document()
            .active_element()
            .and_then(|el| el.closest("[data-index]").ok().flatten())
            .and_then(|el| el.get_attribute("data-index"))
            .and_then(|i| i.parse::<u32>().ok())
        else {
            return;
        };
        let total = total.get_untracked();
        let page = (f64::from(scroller.client_height()) / ROW_HEIGHT)
            .floor()
            .max(1.0) as u32;
        let target = match ev.key().as_str() {
            "ArrowDown" => current.saturating_add(1),
            "ArrowUp" => current.saturating_sub(1),
            "PageDown" => current.saturating_add(page),
            "PageUp" => current.saturating_sub(page),
            "Home" => 0,
            "End" => total.saturating_sub(1),
            _ => return,
        };
        ev.prevent_default();
        focus_row(&list, &scroller, target.min(total.saturating_sub(1)));
    };
    let count_text = move || {
        let n = total.get();
        match (results, n) {
            (_, 0) => t(empty),
            (true, n) => tn(k::LIST__RESULTS, n as u64, &[]),
            (false, n) => tn(k::UNITS__CONVERSATIONS, n as u64, &[]),
        }
    };
    view! {
        <p
            class="sb-list__count"
            class:sb-list__empty=move || count.get() == Some(0)
            role="status"
        >
            {move || count.get().map(|_| count_text())}
        </p>
        {move || error.get().map(|message| view! { <ErrorNote message /> })}
        <div class="sb-vlist" node_ref=scroller on:scroll=on_scroll tabindex="0">
            <ul
                class="sb-list__rows sb-vlist__rows"
                role="list"
                aria-label=t(label)
                node_ref=list
                on:keydown=on_key
                style:height=move || format!("{}px", u64::from(total.get()) * ROW_HEIGHT as u64)
            >
                <For
                    each=visible_slots
                    key=|i| *i
                    children=move |i| row_slot(i, row_at(i), link, selected, now, total_signal)
                />
            </ul>
        </div>
    }
}

/// Keeps the cache small: drops the pages farthest from the one just loaded.
fn evict(pages: &mut HashMap<u32, Page>, near: u32) {
    while pages.len() > MAX_CACHED_PAGES {
        let Some(farthest) = pages.keys().copied().max_by_key(|p| p.abs_diff(near)) else {
            return;
        };
        pages.remove(&farthest);
    }
}
