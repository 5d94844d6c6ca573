//! Account menu: who this tab acts as, **Switch user**, and **Reset demo workspace**.

use crate::domain::UserId;
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::{boot, ctx::ToastKind, use_app};
use crate::ui::{labels, Avatar, ConfirmDialog};
use leptos::prelude::*;

#[component]
pub fn AccountMenu() -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(false);
    let confirm_reset = RwSignal::new(false);
    let name = move || {
        app.user_entry()
            .map(|u| u.full_name())
            .unwrap_or_else(|| t(k::ACCOUNT__NO_USER))
    };
    // "Account menu: {name}" with the name cut off: the visible name follows it.
    let menu_prefix = tf(k::ACCOUNT__MENU, &[("name", &"")]);
    let role = move || {
        app.user_entry()
            .map(|u| labels::role(u.role))
            .unwrap_or_default()
    };
    let reset = Action::new_local(move |_: &()| async move {
        match boot::reset_demo(app).await {
            Ok(()) => app.toast(ToastKind::Info, t(k::ACCOUNT__RESET_DONE)),
            Err(err) => app.toast_error(&err),
        }
    });
    let on_switch = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        app.switch_user(UserId::new(id));
        let who = app.user_entry().map(|u| u.full_name()).unwrap_or_default();
        app.toast(ToastKind::Info, tf(k::ACCOUNT__SWITCHED, &[("name", &who)]));
    };
    view! {
        <div
            class="sb-account"
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    open.set(false);
                }
            }
        >
            <button
                class="sb-account__button"
                aria-haspopup="true"
                aria-expanded=move || open.get().to_string()
                aria-controls="sb-account-panel"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                // The name is read from the visible text ("Account menu: <name>"), so what a
                // screen reader says matches what a sighted user sees (WCAG 2.5.3).
                <span aria-hidden="true">{move || view! { <Avatar name=name() small=true /> }}</span>
                <span class="sb-visually-hidden">{menu_prefix}</span>
                <span>{name}</span>
            </button>
            <div id="sb-account-panel" class="sb-account__panel" hidden=move || !open.get()>
                <p class="sb-account__who">
                    <strong>{name}</strong>
                    <span>{role}</span>
                </p>
                <label class="sb-field">
                    <span class="sb-field__label">{t(k::ACCOUNT__SWITCH_USER)}</span>
                    <select class="sb-select" on:change=on_switch prop:value=move || app.user_id.get().map(|u| u.0).unwrap_or_default()>
                        {move || {
                            app.summary
                                .with(|d| d.users.clone())
                                .into_iter()
                                .map(|u| {
                                    let label = format!("{} — {}", u.full_name(), labels::role(u.role));
                                    view! { <option value=u.id.0.clone()>{label}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                <button class="sb-button sb-button--danger" on:click=move |_| confirm_reset.set(true)>
                    {t(k::ACCOUNT__RESET)}
                </button>
            </div>
            <ConfirmDialog
                open=confirm_reset
                title=t(k::ACCOUNT__RESET_TITLE)
                body=t(k::ACCOUNT__RESET_BODY)
                confirm_label=t(k::ACCOUNT__RESET_CONFIRM)
                on_confirm=move |_| {
                    open.set(false);
                    reset.dispatch(());
                }
            />
        </div>
    }
}
