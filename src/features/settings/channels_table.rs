//! The channel list of an inbox: kind, address, the **Status** switch (a disabled channel can
//! no longer be a From, and mail arriving on it is not shown), **Edit** on the fallback email
//! row, and **Connect channel** for another **Team email** address.

use super::connect_channel_form::ConnectChannelForm;
use super::fallback_dialog::FallbackDialog;
use super::modal::Modal;
use crate::domain::{Channel, ChannelKind, InboxId};
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::settings;
use crate::services::{ctx::ToastKind, use_app};
use leptos::prelude::*;

#[component]
pub fn ChannelsTable(inbox: InboxId, denied: Memo<Option<String>>) -> impl IntoView {
    let app = use_app();
    let fallback_open = RwSignal::new(false);
    let connect_open = RwSignal::new(false);
    let inbox_for_rows = inbox.clone();
    let channels = Memo::new(move |_| {
        // The whole channels (kind, verification): this page waits for the directory.
        app.with_directory(|d| {
            let mut list: Vec<Channel> = d
                .channels
                .iter()
                .filter(|c| c.inbox == inbox_for_rows)
                .cloned()
                .collect();
            // Fallback first, then team emails by address.
            list.sort_by_key(|c| (c.kind != ChannelKind::Fallback, c.address.to_string()));
            list
        })
        .unwrap_or_default()
    });
    let toggle = Action::new_local(move |input: &(Channel, bool)| {
        let (channel, enabled) = input.clone();
        async move {
            match settings::set_channel_status(app, channel.id.clone(), enabled).await {
                Ok(()) if enabled => app.toast(
                    ToastKind::Info,
                    tf(k::CHANNELS__ENABLED, &[("address", &channel.address)]),
                ),
                Ok(()) => app.toast(
                    ToastKind::Info,
                    tf(k::CHANNELS__DISABLED, &[("address", &channel.address)]),
                ),
                Err(err) => app.toast_error(&err),
            }
        }
    });
    let reason = move || denied.get().unwrap_or_default();
    let row = move |c: Channel| {
        let kind = match c.kind {
            ChannelKind::Fallback => t(k::CHANNELS__FALLBACK),
            ChannelKind::TeamEmail => {
                tf(k::CHANNELS__TEAM_EMAIL_NAMED, &[("name", &c.display_name)])
            }
        };
        let address = c.address.to_string();
        let enabled = c.enabled;
        let is_fallback = c.kind == ChannelKind::Fallback;
        let verified = if c.verified {
            String::new()
        } else {
            t(k::CHANNELS__NOT_VERIFIED)
        };
        view! {
            <tr>
                <td>{kind}</td>
                <td>{address.clone()}{verified}</td>
                <td>
                    <button
                        role="switch"
                        class="sb-switch"
                        aria-checked=enabled.to_string()
                        aria-label=tf(k::CHANNELS__STATUS_OF, &[("address", &address)])
                        disabled=move || denied.with(Option::is_some) || toggle.pending().get()
                        title=reason
                        on:click=move |_| {
                            toggle.dispatch((c.clone(), !enabled));
                        }
                    >
                        <span class="sb-switch__track" aria-hidden="true"></span>
                        {t(if enabled { k::CHANNELS__ON } else { k::CHANNELS__OFF })}
                    </button>
                </td>
                <td>
                    {is_fallback
                        .then(|| {
                            view! {
                                <button
                                    class="sb-button"
                                    aria-label=t(k::CHANNELS__EDIT_FALLBACK)
                                    disabled=move || denied.with(Option::is_some)
                                    title=reason
                                    on:click=move |_| fallback_open.set(true)
                                >
                                    {t(k::COMMON__EDIT)}
                                </button>
                            }
                        })}
                </td>
            </tr>
        }
    };
    let connect_inbox = inbox.clone();
    view! {
        <table class="sb-table sb-channels">
            <caption>{t(k::INBOXES__TAB_CHANNELS)}</caption>
            <thead>
                <tr>
                    <th scope="col">{t(k::CHANNELS__CHANNEL)}</th>
                    <th scope="col">{t(k::COMMON__ADDRESS)}</th>
                    <th scope="col">{t(k::COMMON__STATUS)}</th>
                    <th scope="col"><span class="sb-visually-hidden">{t(k::COMMON__ACTIONS)}</span></th>
                </tr>
            </thead>
            <tbody>{move || channels.get().into_iter().map(row).collect_view()}</tbody>
        </table>
        <button
            class="sb-button"
            disabled=move || denied.with(Option::is_some)
            title=reason
            on:click=move |_| connect_open.set(true)
        >
            {t(k::CHANNELS__CONNECT)}
        </button>
        <Modal open=connect_open id="connect-channel" title=Signal::derive(|| t(k::CHANNELS__CONNECT))>

            {
                let inbox = connect_inbox.clone();
                view! {
                    <ConnectChannelForm inbox on_done=Callback::new(move |()| connect_open.set(false)) />
                }
            }
        </Modal>
        <FallbackDialog open=fallback_open inbox />
    }
}
