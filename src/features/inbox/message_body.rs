//! The HTML body of a received message (SPEC §8): cleaned by `ui::sandbox::clean_received`,
//! shown in a sandboxed frame without scripts whose CSP blocks every remote load until the rep
//! chooses **Show images** (this message) or **Always show images from <sender>** (stored by
//! `services::remote_content`). Until then the document has no remote URL left in it; even
//! after, only images may load.

use crate::domain::EmailAddress;
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::{remote_content, use_app};
use crate::ui::sandbox::{clean_received, received_document, FRAME_SANDBOX};
use leptos::prelude::*;

#[component]
pub fn MessageBody(html: String, sender: EmailAddress, title: String) -> impl IntoView {
    let app = use_app();
    // Cleaned once with remote content blocked (what is shown until the rep allows images);
    // the message is cleaned again only if they do.
    let blocked = clean_received(&html, false);
    let has_remote = blocked.has_remote;
    let blocked = blocked.html;
    let shown_once = RwSignal::new(false);
    let lookup = sender.clone();
    // Only a message with remote content reads the sender preference (a read the thread's
    // boundary waits for, so that such a frame is not loaded twice).
    let always = has_remote.then(|| {
        LocalResource::new(move || {
            app.data_rev.track();
            let sender = lookup.clone();
            async move { remote_content::images_allowed_from(app, &sender).await }
        })
    });
    let allowed = move || {
        shown_once.get() || always.is_some_and(|always| matches!(always.get(), Some(Ok(true))))
    };
    let remember = Action::new_local(move |sender: &EmailAddress| {
        let sender = sender.clone();
        async move {
            if let Err(err) = remote_content::always_show_images_from(app, sender).await {
                app.toast_error(&err);
            }
        }
    });
    let always_label = tf(k::MESSAGE__ALWAYS_SHOW, &[("sender", &sender)]);
    // The blocked version has no remote URL at all.
    let document = move || {
        if allowed() {
            received_document(&clean_received(&html, true).html, true)
        } else {
            received_document(&blocked, false)
        }
    };
    view! {
        <Show when=move || has_remote && !allowed()>
            <div class="sb-msg__remote" role="note">
                <span>{t(k::MESSAGE__IMAGES_BLOCKED)}</span>
                <button class="sb-button" on:click=move |_| shown_once.set(true)>
                    {t(k::MESSAGE__SHOW_IMAGES)}
                </button>
                <button
                    class="sb-button sb-button--link"
                    on:click={
                        let sender = sender.clone();
                        move |_| {
                            remember.dispatch(sender.clone());
                        }
                    }
                >
                    {always_label.clone()}
                </button>
            </div>
        </Show>
        <iframe
            class="sb-msg__frame"
            title=title
            sandbox=FRAME_SANDBOX
            referrerpolicy="no-referrer"
            srcdoc=document
        ></iframe>
    }
}
