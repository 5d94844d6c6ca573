//! One kind's section of **Settings › Templates**: a table of the items (name and what
//! matters for the kind), **New template** / **New snippet** / ..., and **Edit** and **Delete**
//! (after a confirmation) per row. When the rep may not manage templates every button is
//! disabled and points at the reason the page shows.

use super::template_dialog::TemplateDialog;
use crate::domain::template::search;
use crate::domain::{Template, TemplateKind};
use crate::i18n::{
    k,
    web::{t, t as tr, tf},
};
use crate::services::{ctx::ToastKind, templates, use_app};
use crate::ui::labels;
use crate::ui::ConfirmDialog;
use leptos::prelude::*;

/// The second column: what tells items of this kind apart.
fn detail(kind: TemplateKind, t: &Template) -> String {
    match kind {
        TemplateKind::Template => t.subject.clone().unwrap_or_default(),
        TemplateKind::Snippet => t.shortcut.clone().unwrap_or_default(),
        TemplateKind::KnowledgeBase => t.summary.clone().unwrap_or_default(),
        _ => t.url.clone().unwrap_or_default(),
    }
}

fn detail_heading(kind: TemplateKind) -> String {
    t(match kind {
        TemplateKind::Template => k::TEMPLATES__SUBJECT,
        TemplateKind::Snippet => k::TEMPLATES__SHORTCUT,
        TemplateKind::KnowledgeBase => k::TEMPLATES__SUMMARY,
        _ => k::TEMPLATES__WEB_ADDRESS,
    })
}

/// **Name**, or **Title** for articles and videos (the domain's `name_label`, worded here).
pub fn name_heading(kind: TemplateKind) -> String {
    match kind.name_label() {
        "Title" => t(k::TEMPLATES__TITLE),
        _ => t(k::COMMON__NAME),
    }
}

#[component]
pub fn TemplateSection(
    kind: TemplateKind,
    /// Why the rep may not manage templates (`None`: they may).
    #[prop(into)]
    denied: Signal<Option<String>>,
    /// Id of the element that states the reason.
    #[prop(into)]
    reason_id: String,
) -> impl IntoView {
    let app = use_app();
    let items = Memo::new(move |_| {
        app.with_directory(|d| {
            search(&d.templates, kind, "")
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let open = RwSignal::new(false);
    let editing = RwSignal::new(None::<Template>);
    let confirm = RwSignal::new(false);
    let deleting = RwSignal::new(None::<Template>);
    let remove = Action::new_local(move |t: &Template| {
        let t = t.clone();
        async move {
            match templates::delete_template(app, t.id.clone()).await {
                Ok(()) => app.toast(
                    ToastKind::Info,
                    tf(k::TEMPLATES__DELETED, &[("name", &t.name)]),
                ),
                Err(err) => app.toast_error(&err),
            }
        }
    });
    let blocked = move || denied.with(Option::is_some);
    let why = move || denied.get().unwrap_or_default();
    let heading_id = format!("tpl-section-{}", kind.id_prefix());
    let labelled_by = heading_id.clone();
    let reason = reason_id.clone();
    view! {
        <section class="sb-tpl-section" aria-labelledby=labelled_by>
            <div class="sb-tpl-section__head">
                <h2 id=heading_id>{t(labels::kind_keys(kind).plural)}</h2>
                <button
                    type="button"
                    class="sb-button sb-button--primary"
                    disabled=blocked
                    title=why
                    aria-describedby=reason.clone()
                    on:click=move |_| { editing.set(None); open.set(true); }
                >
                    {t(labels::kind_keys(kind).new)}
                </button>
            </div>
            <Show when=move || items.with(Vec::is_empty)>
                <p class="sb-note">{t(labels::kind_keys(kind).none)}</p>
            </Show>
            <Show when=move || !items.with(Vec::is_empty)>
                <table class="sb-table">
                    <caption class="sb-visually-hidden">{t(labels::kind_keys(kind).plural)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{name_heading(kind)}</th>
                            <th scope="col">{detail_heading(kind)}</th>
                            <th scope="col"><span class="sb-visually-hidden">{t(k::COMMON__ACTIONS)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || items.get()
                            key=|t| (t.id.clone(), t.name.clone(), detail(t.kind, t))
                            children={
                                let reason = reason.clone();
                                move |t: Template| {
                                    let (for_edit, for_delete) = (t.clone(), t.clone());
                                    view! {
                                        <tr>
                                            <th scope="row">{t.name.clone()}</th>
                                            <td>{detail(kind, &t)}</td>
                                            <td class="sb-tpl-section__actions">
                                                <button type="button" class="sb-button" disabled=blocked title=why aria-describedby=reason.clone()
                                                    on:click=move |_| { editing.set(Some(for_edit.clone())); open.set(true); }>{tr(k::COMMON__EDIT)}</button>
                                                <button type="button" class="sb-button sb-button--danger" disabled=blocked title=why aria-describedby=reason.clone()
                                                    on:click=move |_| { deleting.set(Some(for_delete.clone())); confirm.set(true); }>{tr(k::TEMPLATES__DELETE)}</button>
                                            </td>
                                        </tr>
                                    }
                                }
                            }
                        />
                    </tbody>
                </table>
            </Show>
            <TemplateDialog open kind editing />
            {move || deleting.get().map(|t| {
                let name = t.name.clone();
                view! {
                    <ConfirmDialog
                        open=confirm
                        title=tr(labels::kind_keys(kind).delete)
                        body=tf(k::TEMPLATES__DELETE_BODY, &[("name", &name)])
                        confirm_label=tr(k::TEMPLATES__DELETE)
                        on_confirm=Callback::new(move |_| { remove.dispatch(t.clone()); })
                    />
                }
            })}
        </section>
    }
}
