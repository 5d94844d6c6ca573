//! **Fallback email › Edit**: a dialog with the tabs **Configuration** and **Automation** and
//! one **Save** that validates both tabs before anything is stored (SPEC §3). A refused save
//! shows every reason (at the top and next to its field) and changes nothing.

use super::automation_tab::AutomationTab;
use super::fallback_config::FallbackConfig;
use super::fallback_state::FallbackState;
use super::modal::Modal;
use crate::domain::{FallbackFromAddress, InboxId};
use crate::i18n::{
    k,
    web::{t, tf},
    Key,
};
use crate::services::settings;
use crate::services::{ctx::ToastKind, use_app};
use crate::ui::sandbox::sanitize_html;
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Configuration,
    Automation,
}

#[component]
pub fn FallbackDialog(open: RwSignal<bool>, inbox: InboxId) -> impl IntoView {
    let app = use_app();
    view! {
        <Modal open id="fallback-email" title=Signal::derive(|| t(k::FALLBACK__TITLE))>
            {
                let inbox_id = inbox.clone();
                let saved = app
                    .with_directory_untracked(|d| d.inboxes.iter().find(|i| i.id == inbox_id).cloned())
                    .flatten();
                match saved {
                    None => view! { <p class="sb-error">{t(k::FALLBACK__INBOX_GONE)}</p> }.into_any(),
                    Some(saved) => {
                        let state = FallbackState::new(&saved);
                        let tab = RwSignal::new(Tab::Configuration);
                        let id = saved.id.clone();
                        let save = Action::new_local(move |_: &()| {
                            let id = id.clone();
                            let form = state.form(sanitize_html);
                            let automation = state.automation();
                            async move {
                                match settings::save_fallback_and_automation(app, id.clone(), form, automation).await {
                                    Ok(()) => {
                                        let unverified = app.with_directory_untracked(|d| {
                                            d.inboxes.iter().any(|i| {
                                                i.id == id
                                                    && matches!(
                                                        i.fallback.from_address,
                                                        FallbackFromAddress::Custom { verified: false, .. }
                                                    )
                                            })
                                        })
                                        .unwrap_or(true);
                                        if unverified {
                                            app.toast(ToastKind::Info, t(k::FALLBACK__SAVED_UNVERIFIED));
                                        } else {
                                            app.toast(ToastKind::Info, t(k::FALLBACK__SAVED));
                                            open.set(false);
                                        }
                                    }
                                    Err(err) => state.error.set(Some(err)),
                                }
                            }
                        });
                        let tab_button = move |which: Tab, label: Key, id: &'static str, panel: &'static str| {
                            view! {
                                <button
                                    type="button"
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
                            <form
                                class="sb-form sb-fallback"
                                novalidate=true
                                on:submit=move |ev| {
                                    ev.prevent_default();
                                    state.error.set(None);
                                    save.dispatch(());
                                }
                            >
                                <div class="sb-error" role="alert" hidden=move || state.error.with(Option::is_none)>
                                    {move || {
                                        let reason = state.error.get().map(|e| crate::i18n::errors::Translated::translated(&e)).unwrap_or_default();
                                        tf(k::FALLBACK__NOT_SAVED, &[("reason", &reason)])
                                    }}
                                </div>
                                <div role="tablist" aria-label=t(k::FALLBACK__TABS) class="sb-tabs" on:keydown=crate::ui::tabs::on_tablist_keydown>
                                    {tab_button(Tab::Configuration, k::FALLBACK__TAB_CONFIGURATION, "tab-fb-config", "panel-fb-config")}
                                    {tab_button(Tab::Automation, k::FALLBACK__TAB_AUTOMATION, "tab-fb-automation", "panel-fb-automation")}
                                </div>
                                <div role="tabpanel" id="panel-fb-config" aria-labelledby="tab-fb-config" hidden=move || tab.get() != Tab::Configuration>
                                    <FallbackConfig state inbox=saved.clone() />
                                </div>
                                <div role="tabpanel" id="panel-fb-automation" aria-labelledby="tab-fb-automation" hidden=move || tab.get() != Tab::Automation>
                                    <AutomationTab state />
                                </div>
                                <div class="sb-dialog__actions">
                                    <button type="button" class="sb-button" on:click=move |_| open.set(false)>
                                        {t(k::COMMON__CANCEL)}
                                    </button>
                                    <button type="submit" class="sb-button sb-button--primary" disabled=move || save.pending().get()>
                                        {t(k::COMMON__SAVE)}

                                    </button>
                                </div>
                            </form>
                        }
                        .into_any()
                    }
                }
            }
        </Modal>
    }
}
