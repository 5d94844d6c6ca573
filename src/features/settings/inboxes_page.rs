//! Settings › Inboxes (SPEC §2, §3): the **Current view** selector (kept in the URL as
//! `?inbox=`), the **Actions** menu, and the chosen inbox's **Channels** and **Access** tabs.
//! It owns which inbox and tab are shown; every change goes through `services::settings`.

use super::access_tab::AccessTab;
use super::channels_table::ChannelsTable;
use super::inbox_actions::InboxActions;
use super::settings_nav::SettingsNav;
use crate::domain::access::{can, Action, Resource};
use crate::domain::InboxId;
use crate::i18n::errors::Translated;
use crate::i18n::{k, web::t, Key};
use crate::services::{access, use_app};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Channels,
    Access,
}

#[component]
pub fn InboxesSettingsPage() -> impl IntoView {
    let app = use_app();
    let query = use_query_map();
    let navigate = use_navigate();
    let inboxes = Memo::new(move |_| {
        let user = app.user();
        app.directory.with(|d| match (&user, d) {
            (Some(u), Some(d)) => access::visible_inboxes(d, u),
            _ => Vec::new(),
        })
    });
    let inbox = Memo::new(move |_| {
        let wanted = query.with(|q| q.get("inbox"));
        let list = inboxes.get();
        wanted
            .and_then(|w| list.iter().find(|i| i.id.as_str() == w).cloned())
            .or_else(|| list.first().cloned())
    });
    // Why this user may not edit the inbox (None: may edit). Shown once, and on every control.
    let denied = Memo::new(move |_| {
        let user = app.user()?;
        let inbox = inbox.get()?;
        // Not allowed while the whole directory is not read (the page waits for it).
        app.with_directory(|d| {
            can(
                &user,
                Action::EditInboxSettings,
                &Resource::Inbox(&inbox),
                &d.workspace,
            )
            .translated()
        })
        .unwrap_or_else(|| Some(t(k::UI__LOADING)))
    });
    let select = Callback::new(move |id: InboxId| {
        navigate(&format!("/settings/inboxes?inbox={id}"), Default::default());
    });
    // The panels are rebuilt only when another inbox is chosen, not on every save of this one,
    // so an open dialog survives the directory reload that follows its own save.
    let inbox_id = Memo::new(move |_| inbox.get().map(|i| i.id));
    let inbox_name = move || inbox.get().map(|i| i.name).unwrap_or_default();
    let tab = RwSignal::new(Tab::Channels);
    let tab_button = move |which: Tab, label: Key, id: &'static str, panel: &'static str| {
        view! {
            <button
                role="tab"
                id=id
                class="sb-tab"
                aria-selected=move || (tab.get() == which).to_string()
                aria-controls=panel
                tabindex=move || if tab.get() == which { "0" } else { "-1" }
                on:click=move |_| tab.set(which)
            >
                {t(label)}
            </button>
        }
    };
    view! {
        <div class="sb-settings">
            <SettingsNav />
            <section class="sb-page sb-inboxes">
                <h1>{t(k::INBOXES__TITLE)}</h1>
                <div class="sb-inboxes__bar">
                    <label class="sb-field">
                        <span class="sb-field__label">{t(k::INBOXES__CURRENT_VIEW)}</span>
                        <select
                            class="sb-select"
                            prop:value=move || inbox.get().map(|i| i.id.0).unwrap_or_default()
                            on:change=move |ev| select.run(InboxId::new(event_target_value(&ev)))
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
                    <InboxActions inbox denied on_select=select />
                </div>
                <p class="sb-banner" hidden=move || denied.with(Option::is_none)>
                    {move || denied.get().unwrap_or_default()}
                </p>
                {move || match inbox_id.get() {
                    None => view! { <p>{t(k::INBOXES__NO_ACCESS)}</p> }.into_any(),
                    Some(current) => {
                        view! {
                            <h2>{inbox_name}</h2>
                            <div role="tablist" aria-label=t(k::INBOXES__TABS) class="sb-tabs" on:keydown=crate::ui::tabs::on_tablist_keydown>
                                {tab_button(Tab::Channels, k::INBOXES__TAB_CHANNELS, "tab-channels", "panel-channels")}
                                {tab_button(Tab::Access, k::INBOXES__TAB_ACCESS, "tab-access", "panel-access")}

                            </div>
                            <div
                                role="tabpanel"
                                id="panel-channels"
                                aria-labelledby="tab-channels"
                                hidden=move || tab.get() != Tab::Channels
                            >
                                <ChannelsTable inbox=current.clone() denied />
                            </div>
                            <div
                                role="tabpanel"
                                id="panel-access"
                                aria-labelledby="tab-access"
                                hidden=move || tab.get() != Tab::Access
                            >
                                <AccessTab inbox=current denied />
                            </div>
                        }
                            .into_any()
                    }
                }}
            </section>
        </div>
    }
}
