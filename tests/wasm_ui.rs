//! Components mounted in headless Chromium and read the way a person reads them: by role,
//! accessible name and visible text.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use switchboard::domain::entries::ConversationEntry;
use switchboard::domain::{ContactId, ConversationId};
use switchboard::features::inbox::row_slot;
use switchboard::services::queries::ConversationRow;
use switchboard::ui::dialog::MountWhenOpened;
use switchboard::ui::{Avatar, ConfirmDialog};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.unchecked_into()
}

/// The first `<button>` under `root` whose visible text is `text`.
fn button(root: &web_sys::Element, text: &str) -> web_sys::HtmlElement {
    let list = root.query_selector_all("button").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default().trim() == text)
        .unwrap_or_else(|| panic!("no button named {text:?}"))
}

#[wasm_bindgen_test]
async fn confirm_dialog_opens_as_modal_and_runs_confirm_once() {
    let root = host();
    let open = RwSignal::new(false);
    let confirmed = RwSignal::new(0u32);
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <ConfirmDialog
                open
                title="Reset demo workspace?"
                body="Everything is replaced."
                confirm_label="Reset"
                on_confirm=move |_| confirmed.update(|n| *n += 1)
            />
        }
    });
    leptos::task::tick().await;
    let dialog = root
        .query_selector("dialog")
        .unwrap()
        .expect("a dialog element");
    assert!(!dialog.has_attribute("open"), "closed until asked");

    open.set(true);
    leptos::task::tick().await;
    assert!(dialog.has_attribute("open"), "open after the signal is set");
    let heading_id = dialog
        .get_attribute("aria-labelledby")
        .expect("dialog is labelled");
    let heading = root
        .query_selector(&format!("#{heading_id}"))
        .unwrap()
        .expect("heading");
    assert_eq!(heading.text_content().unwrap(), "Reset demo workspace?");

    button(&root, "Reset").click();
    leptos::task::tick().await;
    assert_eq!(confirmed.get_untracked(), 1);
    assert!(!open.get_untracked());
    assert!(!dialog.has_attribute("open"));
}

#[wasm_bindgen_test]
async fn confirm_dialog_cancel_does_not_confirm() {
    let root = host();
    let open = RwSignal::new(true);
    let confirmed = RwSignal::new(0u32);
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <ConfirmDialog
                open
                title="Discard draft?"
                body="The draft is removed."
                confirm_label="Discard"
                on_confirm=move |_| confirmed.update(|n| *n += 1)
            />
        }
    });
    leptos::task::tick().await;
    button(&root, "Cancel").click();
    leptos::task::tick().await;
    assert_eq!(confirmed.get_untracked(), 0);
    assert!(!open.get_untracked());
}

#[wasm_bindgen_test]
async fn a_dialog_mounted_when_opened_is_built_on_first_open_and_then_stays() {
    let root = host();
    let open = RwSignal::new(false);
    let built = RwSignal::new(0u32);
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <MountWhenOpened open>
                {built.update_untracked(|n| *n += 1);}
                <ConfirmDialog
                    open
                    title="Move to trash?"
                    body="The conversation goes to Trash."
                    confirm_label="Move to trash"
                    on_confirm=move |_| ()
                />
            </MountWhenOpened>
        }
    });
    leptos::task::tick().await;
    assert!(
        root.query_selector("dialog").unwrap().is_none(),
        "nothing built before it is asked for"
    );
    assert_eq!(built.get_untracked(), 0);

    open.set(true);
    leptos::task::tick().await;
    let dialog = root
        .query_selector("dialog")
        .unwrap()
        .expect("built when first opened");
    assert!(dialog.has_attribute("open"), "and shown as a modal at once");

    button(&root, "Cancel").click();
    leptos::task::tick().await;
    assert!(!open.get_untracked());
    assert!(!dialog.has_attribute("open"), "closed by its own button");
    assert!(
        dialog.is_connected(),
        "kept mounted, so the native dialog returns focus"
    );

    open.set(true);
    leptos::task::tick().await;
    assert!(dialog.has_attribute("open"), "the same dialog opens again");
    assert_eq!(built.get_untracked(), 1, "built once");
}

#[wasm_bindgen_test]
async fn avatar_is_an_image_named_after_the_person() {
    let root = host();
    let _mounted =
        leptos::mount::mount_to(root.clone(), || view! { <Avatar name="Giulia Rossi" /> });
    leptos::task::tick().await;
    let avatar = root
        .query_selector("[role=img]")
        .unwrap()
        .expect("an img role");
    assert_eq!(avatar.get_attribute("aria-label").unwrap(), "Giulia Rossi");
    assert_eq!(avatar.text_content().unwrap(), "GR");
}

fn list_row(id: &str, contact: &str, subject: &str) -> ConversationRow {
    ConversationRow {
        conversation: ConversationEntry {
            id: ConversationId(id.into()),
            contact: ContactId(format!("contact-{id}")),
            subject: subject.into(),
            last_activity: 0,
            snippet: format!("About {subject}"),
        },
        contact_name: contact.into(),
    }
}

/// A list slot shows the row at its index and patches it in place when another row comes to
/// that index (new filters, a refetch): the same list item and link, new name, text, address.
#[wasm_bindgen_test]
async fn a_list_slot_shows_the_row_at_its_index_and_patches_it_in_place() {
    let root = host();
    let row: RwSignal<Option<ConversationRow>> = RwSignal::new(None);
    let selected: RwSignal<Option<ConversationId>> = RwSignal::new(None);
    let total = RwSignal::new(40u32);
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        let row = Memo::new(move |_| row.get());
        let link = Callback::new(|id: ConversationId| format!("/inbox/conversations/{id}"));
        view! {
            <ul>{row_slot(3, row, link, selected.into(), 0, total.into())}</ul>
        }
    });
    leptos::task::tick().await;
    let item = root.query_selector("li").unwrap().expect("a list item");
    assert_eq!(item.get_attribute("aria-posinset").as_deref(), Some("4"));
    assert_eq!(item.get_attribute("aria-setsize").as_deref(), Some("40"));
    assert_eq!(
        item.get_attribute("aria-busy").as_deref(),
        Some("true"),
        "loading"
    );
    assert!(
        root.query_selector("a").unwrap().is_none(),
        "no link while loading"
    );

    row.set(Some(list_row("c-1", "Ana Pop", "Refund")));
    leptos::task::tick().await;
    let link = root
        .query_selector("a")
        .unwrap()
        .expect("a link once loaded");
    assert_eq!(item.get_attribute("aria-busy"), None);
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/inbox/conversations/c-1")
    );
    assert!(link.text_content().unwrap().contains("Ana Pop"));
    assert!(link.text_content().unwrap().contains("Refund"));

    selected.set(Some(ConversationId("c-1".into())));
    leptos::task::tick().await;
    assert_eq!(link.get_attribute("aria-current").as_deref(), Some("page"));

    row.set(Some(list_row("c-2", "Jan Nowak", "Invoice")));
    leptos::task::tick().await;
    let same_item = root.query_selector("li").unwrap().unwrap();
    let same_link = root.query_selector("a").unwrap().unwrap();
    assert!(same_item.is_same_node(Some(&item)), "the list item is kept");
    assert!(same_link.is_same_node(Some(&link)), "the link is kept");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/inbox/conversations/c-2")
    );
    let text = link.text_content().unwrap();
    assert!(
        text.contains("Jan Nowak") && text.contains("Invoice"),
        "{text}"
    );
    assert!(!text.contains("Ana Pop"), "{text}");
    assert_eq!(
        link.get_attribute("aria-current"),
        None,
        "c-2 is not the open one"
    );
    assert!(!item.class_list().contains("sb-row--selected"));

    total.set(41);
    leptos::task::tick().await;
    assert_eq!(item.get_attribute("aria-setsize").as_deref(), Some("41"));

    // Its page gone (dropped from the cache, read again): the placeholder, in the same item.
    row.set(None);
    leptos::task::tick().await;
    let same_item = root.query_selector("li").unwrap().unwrap();
    assert!(same_item.is_same_node(Some(&item)), "the list item is kept");
    assert_eq!(item.get_attribute("aria-busy").as_deref(), Some("true"));
    assert!(item.class_list().contains("sb-vlist__row--loading"));
    assert!(root.query_selector("a").unwrap().is_none(), "no link");
}

#[wasm_bindgen_test]
fn lowercase_in_the_browser_is_the_standard_librarys_mapping() {
    // Every letter of the Latin, Greek and Cyrillic blocks the five languages and their
    // customers write in, alone and inside words (final sigma depends on its neighbours).
    let letters: String = (0x41u32..=0x24f)
        .chain(0x370..=0x4ff)
        .filter_map(char::from_u32)
        .collect();
    for sample in [
        letters.as_str(),
        "ΟΔΟΣ ΣΑΣ Σ",
        "Łódź Șantier Ţară IJsselmeer Straße İstanbul",
        "Support",
    ] {
        assert_eq!(
            switchboard::text::lowercase(sample),
            sample.to_lowercase(),
            "{sample}"
        );
    }
}

/// Waits (up to two seconds) for `done`: a native dialog reports `close` a task later.
async fn until(done: impl Fn() -> bool) {
    for _ in 0..100 {
        if done() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(20).await;
    }
    panic!("condition not met in time");
}

/// Types `value` into the input with `id`, as the `input` event reports it.
fn type_into(root: &web_sys::Element, id: &str, value: &str) {
    let input: web_sys::HtmlInputElement = root
        .query_selector(&format!("#{id}"))
        .unwrap()
        .unwrap_or_else(|| panic!("no #{id}"))
        .unchecked_into();
    input.set_value(value);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_address_dialog_refuses_in_place_and_answers_once_closed() {
    use switchboard::domain::editor_address::ImageRule;
    use switchboard::ui::address_dialog::{AddressAsk, AddressDialog, Answer};
    switchboard::i18n::web::until_texts().await;
    let root = host();
    let ask = AddressAsk::new();
    let answers = RwSignal::new(Vec::<Option<Answer>>::new());
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <AddressDialog
                ask
                id="t-link"
                images=ImageRule::Web
                on_close=Callback::new(move |a| answers.update(|all| all.push(a)))
            />
        }
    });
    leptos::task::tick().await;
    assert!(
        root.query_selector("dialog").unwrap().is_none(),
        "built when first asked"
    );

    ask.link(None, "Help centre".into());
    leptos::task::tick().await;
    let dialog: web_sys::HtmlDialogElement = root
        .query_selector("dialog")
        .unwrap()
        .expect("a dialog")
        .unchecked_into();
    assert!(dialog.open(), "shown as a modal");
    let text: web_sys::HtmlInputElement = root
        .query_selector("#t-link-text")
        .unwrap()
        .unwrap()
        .unchecked_into();
    // The selected text is offered.
    until(|| text.value() == "Help centre").await;
    let error = root
        .query_selector("#t-link-address-error")
        .unwrap()
        .unwrap();
    assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));

    type_into(&root, "t-link-address", "javascript:alert(1)");
    button(&root, "Insert link").click();
    leptos::task::tick().await;
    assert_eq!(
        error.text_content().unwrap(),
        "A link must start with https://, http:// or mailto:."
    );
    let address = root.query_selector("#t-link-address").unwrap().unwrap();
    assert_eq!(
        address.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert!(dialog.open(), "a refusal keeps the dialog open");
    gloo_timers::future::TimeoutFuture::new(50).await;
    assert!(answers.get_untracked().is_empty(), "and answers nothing");

    type_into(&root, "t-link-address", "  https://northwind.example/help ");
    button(&root, "Insert link").click();
    until(|| !answers.get_untracked().is_empty()).await;
    assert!(!dialog.open());
    assert_eq!(
        answers.get_untracked(),
        vec![Some(Answer::Link {
            address: "https://northwind.example/help".into(),
            text: "Help centre".into(),
        })]
    );

    // Reopened for an image: empty fields, no old refusal; Cancel answers nothing.
    ask.image();
    leptos::task::tick().await;
    assert!(dialog.open());
    let address: web_sys::HtmlInputElement = address.unchecked_into();
    assert_eq!(address.value(), "");
    assert_eq!(error.text_content().unwrap(), "");
    button(&root, "Cancel").click();
    until(|| answers.get_untracked().len() == 2).await;
    assert_eq!(answers.get_untracked()[1], None);
}
