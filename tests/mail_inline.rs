//! SPEC §9 received attachments, natively: parts keep their `Content-ID`, an image the HTML
//! shows by `cid:` is inline (shown in place, not listed), and the thread's HTML gets those
//! references as `data:` URLs (what the sandboxed frame's CSP allows).
#![cfg(not(target_arch = "wasm32"))]

use switchboard::domain::*;
use switchboard::mail::inline::{data_url, references_cid, resolve_cids};
use switchboard::mail::*;

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/samples");

fn received(file: &str) -> Message {
    let bytes = std::fs::read(format!("{SAMPLES}/{file}")).unwrap();
    let parsed = parse_eml(&bytes).unwrap_or_else(|e| panic!("{file}: {e}"));
    received_message(&parsed, MessageId::new("m-1"), 0)
}

#[test]
fn an_image_the_html_shows_by_cid_is_inline_and_other_files_are_listed() {
    let message = received("10-outlook-inline-image.eml");
    let files: Vec<(&str, &str, Option<&str>, bool)> = message
        .attachments
        .iter()
        .map(|a| {
            (
                a.file_name.as_str(),
                a.content_type.as_str(),
                a.content_id.as_deref(),
                a.inline,
            )
        })
        .collect();
    assert_eq!(
        files,
        vec![
            (
                "image001.png",
                "image/png",
                Some("image001.png@01DB9283.5A1C2E40"),
                true
            ),
            ("packing-slip-NW-10977.txt", "text/plain", None, false),
        ]
    );
    // The parsed bytes are the files themselves (what the import stores for download).
    let bytes = std::fs::read(format!("{SAMPLES}/10-outlook-inline-image.eml")).unwrap();
    let parsed = parse_eml(&bytes).unwrap();
    assert!(parsed.attachments[0]
        .bytes
        .starts_with(b"\x89PNG\r\n\x1a\n"));
    assert_eq!(
        parsed.attachments[1].bytes,
        b"Packing slip NW-10977\r\n1 x Trailblazer 2-burner stove\r\n1 x Fuel line kit\r\n"
    );
}

#[test]
fn attachments_without_a_cid_reference_in_the_html_are_not_inline() {
    // 03: a PDF attachment; 06: a photo attached to a plain-text message.
    for file in ["03-apple-mail-pdf.eml", "06-thunderbird-followup-photo.eml"] {
        let message = received(file);
        assert!(!message.attachments.is_empty(), "{file}");
        assert!(message.attachments.iter().all(|a| !a.inline), "{file}");
    }
}

#[test]
fn cid_references_are_found_as_rfc_2392_compares_them() {
    let cases: &[(&str, &str, bool)] = &[
        (r#"<img src="cid:logo@x">"#, "logo@x", true),
        (r#"<img src='CID:logo@x'>"#, "logo@x", true),
        (r#"<img src=cid:logo@x width=3>"#, "logo@x", true),
        // URL-encoded, as RFC 2392 writes it.
        (r#"<img src="cid:logo%40x">"#, "logo@x", true),
        (r#"<td style="background:url(cid:bg@x)">"#, "bg@x", true),
        (r#"<img src="cid:logo@xy">"#, "logo@x", false),
        (r#"<img src="cid:other@x">"#, "logo@x", false),
        // Text that only contains the letters is no reference.
        ("acid:logo@x", "logo@x", false),
        ("no reference at all", "logo@x", false),
        ("cid:", "", false),
    ];
    for (html, id, expected) in cases {
        assert_eq!(references_cid(html, id), *expected, "{html} / {id}");
    }
}

#[test]
fn resolved_html_names_the_data_url_and_leaves_unknown_references() {
    let images = vec![("a@x".to_owned(), "data:image/png;base64,AAAA".to_owned())];
    let cases: &[(&str, &str)] = &[
        (
            r#"<img src="cid:a@x"><img src="cid:b@x">"#,
            r#"<img src="data:image/png;base64,AAAA"><img src="cid:b@x">"#,
        ),
        (
            r#"<img src="cid:a%40x" alt="cid:a@x">"#,
            r#"<img src="data:image/png;base64,AAAA" alt="data:image/png;base64,AAAA">"#,
        ),
        ("é cid:a@x é", "é data:image/png;base64,AAAA é"),
        ("plain", "plain"),
    ];
    for (html, expected) in cases {
        assert_eq!(resolve_cids(html, &images), *expected, "{html}");
    }
}

#[test]
fn data_urls_are_base64_and_refuse_a_type_that_could_leave_the_attribute() {
    assert_eq!(
        data_url("image/png", b"\x89PNG").as_deref(),
        Some("data:image/png;base64,iVBORw==")
    );
    assert_eq!(
        data_url("image/svg+xml", b"<svg/>").as_deref(),
        Some("data:image/svg+xml;base64,PHN2Zy8+")
    );
    for bad in [
        "image/png\" onerror=\"x",
        "image",
        "",
        "image/",
        "/png",
        "image/png;x=1",
    ] {
        assert_eq!(data_url(bad, b"x"), None, "{bad}");
    }
}
