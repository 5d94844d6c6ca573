//! One workspace screen: inbox picker and views on the left, the list in the middle, the open
//! conversation on the right. The view and inbox live in the URL, so every screen is
//! bookmarkable and survives a reload.

use super::conversation_list::ConversationList;
use super::import_button::{ImportDropZone, ImportResults};
use super::lazy_parts::{LazyComposeLauncher, LazyImportButton};
use super::lazy_thread::LazyThreadView;
use super::list_filters::ChosenFilters;
use super::views_nav::ViewsNav;
use crate::domain::from::ComposerKind;
use crate::domain::inbox_entry;
use crate::domain::views::WorkspacePath;
use crate::domain::{Area, ConversationId, InboxId};
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::use_app;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

pub fn base_path(area: Area) -> &'static str {
    match area {
        Area::Inbox => "/inbox",
        Area::HelpDesk => "/help-desk",
    }
}

#[component]
pub fn Workspace(area: Area, path: Memo<WorkspacePath>) -> impl IntoView {
    let app = use_app();
    ChosenFilters::provide();
    let query = use_query_map();
    let conversation: Signal<Option<ConversationId>> = Memo::new(move |_| {
        path.with(|p| match p {
            WorkspacePath::Conversation(id) => Some(id.clone()),
            _ => None,
        })
    })
    .into();
    let view = Memo::new(move |_| query.with(|q| path.with(|p| p.view(q.get_str("view")))));
    let inboxes = Memo::new(move |_| {
        let user = app.user_entry();
        app.summary.with(|s| match &user {
            Some(u) => inbox_entry::visible_entries(&s.inboxes, u),
            None => Vec::new(),
        })
    });
    let inbox = Memo::new(move |_| {
        let user = app.user_entry();
        inboxes.with(|list| {
            query.with(|q| inbox_entry::current_entry(list, q.get_str("inbox"), user.as_ref()))
        })
    });
    let navigate = use_navigate();
    let on_inbox = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        let path = format!(
            "{}/{}?inbox={id}",
            base_path(area),
            view.get_untracked().slug()
        );
        navigate(&path, Default::default());
    };
    let imports: ImportResults = RwSignal::new(None);
    let importing = RwSignal::new(false);
    let heading = match area {
        Area::Inbox => t(k::NAV__INBOX),
        Area::HelpDesk => t(k::NAV__HELP_DESK),
    };
    view! {
        <div class="sb-workspace">
            <aside class="sb-workspace__side" aria-label=tf(k::LIST__SIDE, &[("area", &heading)])>
                <h1 class="sb-workspace__title">{heading.clone()}</h1>
                <LazyComposeLauncher
                    label=k::LIST__COMPOSE
                    heading=k::LIST__NEW_EMAIL
                    kind=Signal::derive(move || match area {
                        Area::HelpDesk => Some(ComposerKind::HelpDesk),
                        Area::Inbox => inbox.get().map(ComposerKind::Inbox),
                    })
                />
                <label class="sb-field">
                    <span class="sb-field__label">{t(k::LIST__CURRENT_INBOX)}</span>
                    <select
                        class="sb-select"
                        on:change=on_inbox
                        prop:value=move || inbox.get().map(|i| i.0).unwrap_or_default()
                    >
                        {move || {
                            inboxes
                                .get()
                                .into_iter()
                                .map(|i| view! { <option value=i.id.0.clone()>{i.name}</option> })
                                .collect_view()
                        }}
                    </select>
                </label>
                {move || match inbox.get() {
                    Some(id) => view! { <ViewsNav area inbox=id current=view /> }.into_any(),
                    None => view! { <p>{t(k::LIST__NO_INBOX)}</p> }.into_any(),
                }}
                {(area == Area::HelpDesk).then(|| view! {
                    <a href="/help-desk/tickets" class="sb-views__link">{t(k::TICKETS__TITLE)}</a>
                })}
                <LazyImportButton results=imports busy=importing />
            </aside>
            <ImportDropZone results=imports busy=importing>
                {move || {
                    inbox
                        .get()
                        .map(|id: InboxId| {
                            view! {
                                <ConversationList
                                    area
                                    inbox=id
                                    view=view.get()
                                    selected=conversation
                                />
                            }
                        })
                }}
            </ImportDropZone>
            {move || match conversation.get() {
                Some(id) => view! { <LazyThreadView area id /> }.into_any(),
                None => {
                    view! {
                        <div class="sb-thread sb-thread--empty">
                            <p>{t(k::LIST__SELECT_CONVERSATION)}</p>
                        </div>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}
