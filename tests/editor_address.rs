//! SPEC §3 team signature editor and §5 composer "style, link, image", §8 bad input: which
//! addresses the **Insert link** / **Insert image** dialog accepts in each editor, the text a
//! link shows, and the markup it inserts. One case per rule, named after it.

use switchboard::domain::body_html::{sanitize_body, sanitize_rich};
use switchboard::domain::editor_address::*;

const SIGNATURE: ImageRule = ImageRule::Signature;
const WEB: ImageRule = ImageRule::Web;

#[test]
fn a_link_address_is_https_http_or_mailto_and_is_trimmed() {
    let cases = [
        (
            "https",
            "https://northwind.example/help",
            "https://northwind.example/help",
        ),
        (
            "http",
            "http://northwind.example",
            "http://northwind.example",
        ),
        (
            "mailto",
            "mailto:help@northwind.example",
            "mailto:help@northwind.example",
        ),
        (
            "scheme in any case",
            "HTTPS://Northwind.example",
            "HTTPS://Northwind.example",
        ),
        (
            "surrounding blanks trimmed",
            "  https://a.example/x \n",
            "https://a.example/x",
        ),
        (
            "query and fragment kept",
            "https://a.example/?q=1&r=2#top",
            "https://a.example/?q=1&r=2#top",
        ),
    ];
    for (rule, input, want) in cases {
        assert_eq!(link_address(input), Ok(want.to_owned()), "{rule}");
    }
}

#[test]
fn a_link_address_is_required() {
    for input in ["", "   ", "\n\t"] {
        assert_eq!(
            link_address(input),
            Err(AddressRefusal::Missing),
            "{input:?}"
        );
    }
}

#[test]
fn a_link_that_could_run_code_or_break_out_of_its_attribute_is_refused() {
    let cases = [
        ("javascript", "javascript:alert(1)"),
        ("javascript in capitals", "JavaScript:alert(1)"),
        ("javascript after blanks", "  javascript:alert(1)"),
        ("data", "data:text/html,<script>alert(1)</script>"),
        ("vbscript", "vbscript:msgbox(1)"),
        ("file", "file:///etc/passwd"),
        ("no scheme", "northwind.example"),
        ("relative", "/settings"),
        ("quote", "https://a.example/\"onmouseover=alert(1)"),
        ("angle bracket", "https://a.example/<b>"),
        ("control character", "https://a.example/\u{0}x"),
        ("line break inside", "https://a.\nexample"),
    ];
    for (rule, input) in cases {
        assert_eq!(link_address(input), Err(AddressRefusal::NotALink), "{rule}");
    }
}

#[test]
fn the_message_body_takes_web_images_only() {
    assert_eq!(
        image_address(WEB, " https://cdn.example/map.png "),
        Ok("https://cdn.example/map.png".to_owned())
    );
    assert_eq!(
        image_address(WEB, "http://cdn.example/map.png"),
        Ok("http://cdn.example/map.png".to_owned())
    );
    let refused = [
        ("inline image", "data:image/png;base64,iVBORw0KGgo="),
        ("javascript", "javascript:alert(1)"),
        ("svg document", "data:image/svg+xml,<svg onload=alert(1)>"),
        ("no scheme", "cdn.example/map.png"),
        ("quote", "https://cdn.example/a\".png"),
    ];
    for (rule, input) in refused {
        assert_eq!(
            image_address(WEB, input),
            Err(AddressRefusal::NotAnImage(WEB)),
            "{rule}"
        );
    }
}

#[test]
fn a_signature_takes_https_images_and_inline_raster_images() {
    for input in [
        "https://cdn.example/logo.png",
        "data:image/png;base64,iVBORw0KGgo=",
        "data:image/gif;base64,R0lGODlh",
        "data:image/jpeg;base64,/9j/4AAQ",
    ] {
        assert_eq!(
            image_address(SIGNATURE, input),
            Ok(input.to_owned()),
            "{input}"
        );
    }
    let refused = [
        // A signature goes out with every email: never a cleartext fetch.
        ("http", "http://cdn.example/logo.png"),
        // The sanitiser drops SVG (it can carry script), so it must not be accepted here.
        ("svg", "data:image/svg+xml,<svg/>"),
        ("webp is received mail only", "data:image/webp;base64,UklGR"),
        ("javascript", "javascript:alert(1)"),
        ("html data", "data:text/html,<b>"),
        ("angle bracket", "https://cdn.example/<logo>.png"),
    ];
    for (rule, input) in refused {
        assert_eq!(
            image_address(SIGNATURE, input),
            Err(AddressRefusal::NotAnImage(SIGNATURE)),
            "{rule}"
        );
    }
}

#[test]
fn an_image_address_is_required() {
    for rule in [WEB, SIGNATURE] {
        assert_eq!(image_address(rule, "  "), Err(AddressRefusal::Missing));
    }
}

#[test]
fn a_link_shows_its_text_or_else_its_address() {
    let cases = [
        (
            "typed text",
            "Help centre",
            "https://a.example",
            "Help centre",
        ),
        (
            "typed text trimmed",
            "  Help centre ",
            "https://a.example",
            "Help centre",
        ),
        (
            "blank text shows the address",
            "  ",
            "https://a.example",
            "https://a.example",
        ),
        (
            "empty text shows the address",
            "",
            "mailto:x@a.example",
            "mailto:x@a.example",
        ),
    ];
    for (rule, typed, address, want) in cases {
        assert_eq!(link_text(typed, address), want, "{rule}");
    }
}

#[test]
fn inserted_markup_escapes_the_text_and_survives_the_sanitiser() {
    let link = link_html("https://a.example/?a=1&b=2", "<b>Tom & Jerry</b>");
    assert_eq!(
        link,
        "<a href=\"https://a.example/?a=1&amp;b=2\">&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;</a>"
    );
    assert_eq!(
        sanitize_body(&link),
        link,
        "the message body keeps it as inserted"
    );

    let image = image_html("https://cdn.example/map.png", " Store \"map\" ");
    assert_eq!(
        image,
        "<img src=\"https://cdn.example/map.png\" alt=\"Store &quot;map&quot;\">"
    );
    assert_eq!(
        sanitize_rich(&image),
        image,
        "a signature keeps it as inserted"
    );
    assert_eq!(
        image_html("https://cdn.example/map.png", "  "),
        "<img src=\"https://cdn.example/map.png\">",
        "no alternative text, no alt attribute"
    );
}
