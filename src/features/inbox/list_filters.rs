//! The filters in the list header (SPEC §5): **Status**, **Assignee**, **Channel** and
//! **Date** (with a custom **From**/**To** range). They live in the URL query, so a filtered
//! list is bookmarkable and survives a reload; this component only reads and rewrites the URL
//! (`domain::views::ListFilters` parses and prints it) and never reads the store.
//!
//! A filter the rep chooses is in force at once ([`ChosenFilters`]) and the URL follows once
//! the list shows its rows: a new history entry costs the browser a few milliseconds of work
//! that competed with the list's own reads on this 2-core machine (bench/RESULTS.md).

use crate::domain::views::{format_day, AssigneeFilter};
use crate::domain::views::{parse_day, DateFilter, ListFilters};
use crate::domain::{ChannelId, ConversationStatus, InboxId, UserId, View};
use crate::i18n::{k, web::t};
use crate::services::{use_app, AppCtx};
use crate::ui::labels;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_url};
use leptos_router::location::Url;

/// The URL keys the filters own (every other query parameter is kept as it is).
const FILTER_KEYS: [&str; 6] = ["status", "assignee", "channel", "date", "from", "to"];

/// The longest the URL waits for the list to show the rows of new filters (a list that
/// shows none: nothing can match, a failed read).
const URL_FOLLOWS_WITHIN_MS: u32 = 300;

/// How long after the new rows are painted the URL is written, unless the rep chooses again
/// meanwhile: filters chosen in quick succession write one URL (and one history entry), and
/// a URL written between two choices would compete with the next one's reads.
const URL_SETTLES_MS: u32 = 50;

/// Filters the rep has just chosen whose URL is not written yet: the URL they were chosen
/// on, and the filters. They are the current filters while the URL is still that one; any
/// other URL (the new filters', or a place the rep went to meanwhile) says what the filters
/// are again, and spends the choice (a later Back to that first URL shows its own filters).
/// One per workspace ([`ChosenFilters::provide`]); [`ChosenFilters::choose`] writes the URL.
#[derive(Clone, Copy)]
pub struct ChosenFilters {
    chosen: RwSignal<Option<(Url, ListFilters)>>,
    /// The workspace's URL (the route's, which the list's filters are read from).
    url: ReadSignal<Url>,
    /// Counts choices: only the latest writes the URL.
    choices: StoredValue<u64>,
}

impl ChosenFilters {
    pub fn provide() {
        let chosen = RwSignal::new(None::<(Url, ListFilters)>);
        let url = use_url();
        Effect::new(move |_| {
            let spent =
                url.with(|u| chosen.with_untracked(|c| c.as_ref().is_some_and(|(at, _)| at != u)));
            if spent {
                chosen.set(None);
                set_url_ahead(None);
            }
        });
        // A choice not written when the workspace goes is not the next page's either.
        on_cleanup(|| set_url_ahead(None));
        provide_context(ChosenFilters {
            chosen,
            url,
            choices: StoredValue::new(0),
        });
    }

    /// The rep chose `filters` on the URL `at`: they are in force at once, and `write` (which
    /// writes their URL, `href`) runs once the list has painted their rows and
    /// [`URL_SETTLES_MS`] have passed, if the rep has neither chosen again nor gone elsewhere.
    fn choose(
        self,
        app: AppCtx,
        at: Url,
        filters: ListFilters,
        href: &str,
        write: impl FnOnce() + 'static,
    ) {
        self.chosen.set(Some((at.clone(), filters)));
        set_url_ahead(Some(href));
        self.choices.update_value(|c| *c += 1);
        let choice = self.choices.get_value();
        let rows_before = app.rows_shown();
        leptos::task::spawn_local(async move {
            app.until_rows_shown(rows_before, URL_FOLLOWS_WITHIN_MS)
                .await;
            gloo_timers::future::TimeoutFuture::new(URL_SETTLES_MS).await;
            let latest = self.choices.try_get_value() == Some(choice);
            let unmoved = self.url.try_with_untracked(|u| *u == at) == Some(true);
            if latest && unmoved {
                write();
            }
        });
    }

    /// The filters chosen on `url`, if it is still the URL they were chosen on.
    fn on(self, url: &Url) -> Option<ListFilters> {
        self.chosen.with(|c| match c {
            Some((at, filters)) if at == url => Some(filters.clone()),
            _ => None,
        })
    }
}

/// Tells the early script (`src/early_read.js`, which hands the URL over to the next page if
/// this one is left meanwhile) that a choice is ahead of the URL: the page's address now and
/// the choice's own URL; `None` once it is written or spent.
fn set_url_ahead(ahead: Option<&str>) {
    let value = match (
        ahead,
        web_sys::window().and_then(|w| w.location().href().ok()),
    ) {
        (Some(to), Some(from)) => js_sys::Array::of2(&from.into(), &to.into()).into(),
        _ => wasm_bindgen::JsValue::UNDEFINED,
    };
    let _ = js_sys::Reflect::set(&js_sys::global(), &"__sbUrlAhead".into(), &value);
}

/// The current filters: from the URL, or the ones just chosen on this URL.
pub fn use_list_filters() -> Memo<ListFilters> {
    let url = use_url();
    let chosen = use_context::<ChosenFilters>();
    Memo::new(move |_| {
        url.with(|u| {
            chosen
                .and_then(|c| c.on(u))
                .unwrap_or_else(|| ListFilters::from_query(|key| u.search_params().get(key)))
        })
    })
}

/// The query string (with `?`) of the current URL with `filters` in place of the old ones.
pub fn query_with(filters: &ListFilters, keep: &[(String, String)]) -> String {
    let pairs: Vec<String> = keep
        .iter()
        .filter(|(k, _)| !FILTER_KEYS.contains(&k.as_str()))
        .map(|(k, v)| (k.as_str(), v.clone()))
        .chain(filters.to_query())
        .map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(&v))))
        .collect();
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    }
}

/// The filters as a query suffix (`&status=open…`) for links that keep them.
pub fn filter_suffix(filters: &ListFilters) -> String {
    filters
        .to_query()
        .into_iter()
        .map(|(k, v)| format!("&{k}={}", String::from(js_sys::encode_uri_component(&v))))
        .collect()
}

#[component]
pub fn ListFilterBar(inbox: InboxId, view: View) -> impl IntoView {
    let app = use_app();
    let filters = use_list_filters();
    let url = use_url();
    let navigate = use_navigate();
    let chosen = use_context::<ChosenFilters>();
    let apply = Callback::new(move |next: ListFilters| {
        let at = url.get_untracked();
        let keep: Vec<(String, String)> = at
            .search_params()
            .clone()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        let href = format!("{}{}", at.path(), query_with(&next, &keep));
        match chosen {
            Some(chosen) => {
                let navigate = navigate.clone();
                let to = href.clone();
                chosen.choose(app, at, next, &href, move || {
                    navigate(&to, Default::default())
                });
            }
            None => navigate(&href, Default::default()),
        }
    });
    let edit = move |change: Box<dyn FnOnce(&mut ListFilters)>| {
        let mut next = filters.get_untracked();
        change(&mut next);
        apply.run(next);
    };
    let users = Memo::new(move |_| {
        app.summary.with(|d| {
            d.users
                .iter()
                .map(|u| (u.id.clone(), u.full_name()))
                .collect::<Vec<_>>()
        })
    });
    let channel_inbox = inbox.clone();
    let channels = Memo::new(move |_| {
        app.summary.with(|d| {
            d.channels
                .iter()
                .filter(|c| c.inbox == channel_inbox && c.enabled)
                .map(|c| (c.id.clone(), format!("{} <{}>", c.display_name, c.address)))
                .collect::<Vec<_>>()
        })
    });
    let status_value = move || match filters.get().status {
        Some(ConversationStatus::Open) => "open",
        Some(ConversationStatus::Closed) => "closed",
        None => "",
    };
    let assignee_value = move || match filters.get().assignee {
        Some(AssigneeFilter::Unassigned) => "unassigned".to_owned(),
        Some(AssigneeFilter::User(u)) => u.0,
        None => String::new(),
    };
    let date_value = move || filters.get().date.slug().unwrap_or("").to_owned();
    let custom = move || matches!(filters.get().date, DateFilter::Custom { .. });
    let day_value = move |from: bool| {
        move || match filters.get().date {
            DateFilter::Custom { from: f, to: t } => (if from { f } else { t })
                .map(format_day)
                .unwrap_or_default(),
            _ => String::new(),
        }
    };
    let set_day = move |from: bool, text: String| {
        edit(Box::new(move |f| {
            let (mut lo, mut hi) = match f.date {
                DateFilter::Custom { from, to } => (from, to),
                _ => (None, None),
            };
            let day = parse_day(&text);
            if from {
                lo = day
            } else {
                hi = day
            }
            f.date = DateFilter::Custom { from: lo, to: hi };
        }))
    };
    let trash_note = t(k::FILTERS__TRASH_NOTE);
    view! {
        <div class="sb-filters" role="group" aria-label=t(k::FILTERS__GROUP)>
            <label class="sb-field sb-filters__field">
                <span class="sb-field__label">{t(k::COMMON__STATUS)}</span>
                <select
                    class="sb-select"
                    prop:value=status_value
                    disabled=view == View::Trash
                    title=(view == View::Trash).then_some(trash_note.clone())
                    aria-describedby=(view == View::Trash).then_some("sb-filters-status-note")
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        edit(Box::new(move |f| f.status = match v.as_str() {
                            "open" => Some(ConversationStatus::Open),
                            "closed" => Some(ConversationStatus::Closed),
                            _ => None,
                        }))
                    }
                >
                    <option value="">{t(k::TICKETS__ANY_STATUS)}</option>
                    <option value="open">{t(k::FILTERS__OPEN)}</option>
                    <option value="closed">{t(k::VIEWS__CLOSED)}</option>
                </select>
            </label>
            {(view == View::Trash).then(|| view! {
                <p class="sb-filters__note" id="sb-filters-status-note">{trash_note}</p>
            })}
            <label class="sb-field sb-filters__field">
                <span class="sb-field__label">{t(k::FILTERS__ASSIGNEE)}</span>
                <select
                    class="sb-select"
                    prop:value=assignee_value
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        edit(Box::new(move |f| f.assignee = match v.as_str() {
                            "" => None,
                            "unassigned" => Some(AssigneeFilter::Unassigned),
                            id => Some(AssigneeFilter::User(UserId::new(id))),
                        }))
                    }
                >
                    <option value="">{t(k::FILTERS__ANYONE)}</option>
                    <option value="unassigned">{t(k::VIEWS__UNASSIGNED)}</option>
                    {move || users.get().into_iter().map(|(id, name)| {
                        view! { <option value=id.0>{name}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label class="sb-field sb-filters__field">
                <span class="sb-field__label">{t(k::CHANNELS__CHANNEL)}</span>
                <select
                    class="sb-select"
                    prop:value=move || filters.get().channel.map(|c| c.0).unwrap_or_default()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        edit(Box::new(move |f| {
                            f.channel = (!v.is_empty()).then(|| ChannelId::new(v))
                        }))
                    }
                >
                    <option value="">{t(k::FILTERS__ANY_CHANNEL)}</option>
                    {move || channels.get().into_iter().map(|(id, name)| {
                        view! { <option value=id.0>{name}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label class="sb-field sb-filters__field">
                <span class="sb-field__label">{t(k::FILTERS__DATE)}</span>
                <select
                    class="sb-select"
                    prop:value=date_value
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        edit(Box::new(move |f| f.date = match v.as_str() {
                            "custom" => DateFilter::Custom { from: None, to: None },
                            slug => DateFilter::PRESETS
                                .into_iter()
                                .find(|d| d.slug() == Some(slug))
                                .unwrap_or_default(),
                        }))
                    }
                >
                    {DateFilter::PRESETS.into_iter().map(|d| {
                        view! { <option value=d.slug().unwrap_or("")>{labels::date_filter(d)}</option> }
                    }).collect_view()}
                    <option value="custom">{t(k::FILTERS__CUSTOM)}</option>
                </select>
            </label>
            <Show when=custom>
                <label class="sb-field sb-filters__field">
                    <span class="sb-field__label">{t(k::FILTERS__FROM)}</span>
                    <input
                        class="sb-input"
                        type="date"
                        prop:value=day_value(true)
                        on:change=move |ev| set_day(true, event_target_value(&ev))
                    />
                </label>
                <label class="sb-field sb-filters__field">
                    <span class="sb-field__label">{t(k::FILTERS__TO)}</span>
                    <input
                        class="sb-input"
                        type="date"
                        prop:value=day_value(false)
                        on:change=move |ev| set_day(false, event_target_value(&ev))
                    />
                </label>
            </Show>
        </div>
    }
}
