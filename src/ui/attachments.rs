//! A message's attached files (SPEC §5, §9): name and size, and **Download** for each. The file
//! is read from storage only when asked for; one that was never stored here (mail recorded
//! before files were kept, the demo's sample messages) says so next to its name.

use crate::domain::{AttachmentMeta, MessageId};
use crate::i18n::errors::Translated;
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::{attachments::message_file, use_app};
use crate::ui::download::save_blob;
use leptos::prelude::*;

/// The files of message `message` (its attachments in stored order; `skip_inline` leaves out
/// the images its shown HTML already displays in place).
#[component]
pub fn AttachmentList(
    message: MessageId,
    attachments: Vec<AttachmentMeta>,
    skip_inline: bool,
) -> impl IntoView {
    let listed: Vec<(usize, AttachmentMeta)> = attachments
        .into_iter()
        .enumerate()
        .filter(|(_, a)| !(skip_inline && a.inline))
        .collect();
    (!listed.is_empty()).then(|| {
        view! {
            <ul class="sb-msg__attachments" aria-label=t(k::MESSAGE__ATTACHMENTS)>
                {listed
                    .into_iter()
                    .map(|(index, a)| view! { <AttachmentItem message=message.clone() index attachment=a /> })
                    .collect_view()}
            </ul>
        }
    })
}

#[component]
fn AttachmentItem(message: MessageId, index: usize, attachment: AttachmentMeta) -> impl IntoView {
    let app = use_app();
    let problem = RwSignal::new(None::<String>);
    let name = attachment.file_name;
    let download = Action::new_local({
        let name = name.clone();
        move |_: &()| {
            let (message, name) = (message.clone(), name.clone());
            async move {
                match message_file(app, message, index).await {
                    Ok(Some(blob)) => {
                        problem.set(None);
                        save_blob(&name, &blob);
                    }
                    Ok(None) => {
                        problem.set(Some(tf(k::MESSAGE__FILE_NOT_STORED, &[("name", &name)])))
                    }
                    Err(err) => problem.set(Some(err.translated())),
                }
            }
        }
    });
    view! {
        <li>
            <span>{tf(k::MESSAGE__ATTACHMENT, &[("name", &name), ("size", &attachment.size.div_ceil(1024))])}</span>
            " "
            <button
                class="sb-button sb-button--link"
                aria-label=tf(k::MESSAGE__DOWNLOAD_NAMED, &[("name", &name)])
                on:click=move |_| {
                    download.dispatch(());
                }
            >
                {t(k::MESSAGE__DOWNLOAD)}
            </button>
            {move || problem.get().map(|text| view! { <span class="sb-field__error" role="alert">{text}</span> })}
        </li>
    }
}
