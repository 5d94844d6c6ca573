//! SPEC §9 "Received mail is real RFC 5322/MIME", on the kinds of mail a support inbox really
//! receives (`tests/fixtures/mail/`, described in its README): each file imported as **Import
//! email** does, and what the rep must see in the thread — who wrote it, the subject, the text
//! (and nothing that is not the text: no calendar data, signature or delivery report shown as
//! the message), the HTML, and the files listed with their names, types and sizes, or shown in
//! place when the HTML draws them.
#![cfg(not(target_arch = "wasm32"))]

use switchboard::domain::forward::original_sender;
use switchboard::domain::*;
use switchboard::mail::inline::references_cid;
use switchboard::mail::*;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mail");

fn raw(file: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{file}")).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn parsed(file: &str) -> ParsedEmail {
    parse_eml(&raw(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn record(parsed: &ParsedEmail) -> Message {
    received_message(parsed, MessageId::new("m-1"), 1_700_000_000_000)
}

/// How a file appears in the thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    /// In the list of files, with **Download**.
    Listed,
    /// Drawn inside the message by its HTML (`cid:`); not listed while the HTML is shown.
    InPlace,
}
use Shown::*;

struct Case {
    file: &'static str,
    /// What the rep sees as the sender: `Name <address>` or the bare address.
    from: &'static str,
    subject: &'static str,
    /// A team address among the recipients, which routes the message to its inbox.
    routed_by: &'static str,
    text: &'static [&'static str],
    not_in_text: &'static [&'static str],
    /// `None`: the message has no HTML and the thread shows its text.
    html: Option<&'static [&'static str]>,
    not_in_html: &'static [&'static str],
    files: &'static [(&'static str, &'static str, u64, Shown)],
}

const NO_TEXT: &[&str] = &[];

const CASES: &[Case] = &[
    Case {
        file: "smime-signed-outlook.eml",
        from: "Henrik Aalto <henrik.aalto@example.fi>",
        subject: "Warranty claim for the Trailblazer stove (signed)",
        routed_by: "support@northwind.example",
        text: &[
            "The burner ring of my Trailblazer stove (serial NW-STV-220-0419) cracked after two \
             weekends of use.",
            "Henrik Aalto",
        ],
        not_in_text: &["MIAGCSqGSIb3", "pkcs7"],
        html: Some(&["<p class=\"MsoNormal\">The burner ring of my Trailblazer stove"]),
        not_in_html: &["MIAGCSqGSIb3"],
        // The signature is listed as the file it is (Gmail lists it too): Switchboard does
        // not verify signatures, and hiding it would hide that the mail was signed.
        files: &[("smime.p7s", "application/pkcs7-signature", 1441, Listed)],
    },
    Case {
        file: "pgp-mime-signed-thunderbird.eml",
        from: "Ruth Okafor <ruth.okafor@example.org>",
        subject: "Replacement poles for the Fjord 3 tent",
        routed_by: "support@northwind.example",
        text: &[
            "Two of the aluminium poles of my Fjord 3 tent bent in a storm last week. Do you \
             sell the 48 cm replacement sections separately, and could they be sent to Bristol?",
        ],
        not_in_text: &["BEGIN PGP SIGNATURE"],
        html: None,
        not_in_html: NO_TEXT,
        // An unnamed signature part gets the name mail clients give it.
        files: &[("signature.asc", "application/pgp-signature", 267, Listed)],
    },
    Case {
        file: "forwarded-as-attachment-outlook.eml",
        from: "Priya Raman <priya.raman@example.org>",
        subject: "FW: Broken buckle on my Ridge 28 daypack",
        routed_by: "support@northwind.example",
        text: &[
            "his email is attached. Could you take it from here?",
            // The attached message is shown under its own header lines, as Thunderbird does.
            "---------- Broken buckle on my Ridge 28 daypack.eml ----------\n\
             From: Tom Beckett <tom.beckett@example.co.uk>\n\
             Date: Mon, 10 Mar 2025 17:02:40 +0000\n\
             Subject: Broken buckle on my Ridge 28 daypack\n\
             To: Leeds Store <leeds.store@example.org>\n\n\
             Hello,",
            "The hip-belt buckle of the Ridge 28 daypack I bought from you in January",
        ],
        not_in_text: &["Message-ID", "Received:", "Content-Type"],
        html: Some(&[
            "his email is attached. Could you take it from here?",
            "<b>From:</b> Tom Beckett &lt;tom.beckett@example.co.uk&gt;",
            "The hip-belt buckle of the Ridge 28 daypack I bought from you in January",
        ]),
        not_in_html: &["Content-Type: text/plain"],
        files: &[(
            "Broken buckle on my Ridge 28 daypack.eml",
            "message/rfc822",
            655,
            Listed,
        )],
    },
    Case {
        file: "outlook-winmail-dat.eml",
        from: "Carvalho, Ines <ines.carvalho@example.pt>",
        subject: "Signed return form for RMA NW-RMA-5521",
        routed_by: "billing@northwind.example",
        text: &[
            "Please find the signed return form and the list of items attached.",
            "Inês Carvalho",
        ],
        not_in_text: &["IPM.Microsoft"],
        html: None,
        not_in_html: NO_TEXT,
        // The files inside winmail.dat, by their long names and Outlook's types.
        files: &[
            (
                "Return form NW-RMA-5521.pdf",
                "application/pdf",
                622,
                Listed,
            ),
            ("Items to return.csv", "text/csv", 82, Listed),
        ],
    },
    Case {
        file: "calendar-invite-google.eml",
        from: "Elif Demir <elif.demir@example.com>",
        subject: "Invitation: Returns process call @ Thu 20 Mar 2025 14:00 - 14:30 (GMT) \
                  (support@northwind.example)",
        routed_by: "support@northwind.example",
        text: &[
            "Title: Returns process call",
            // format=flowed; delsp=yes: one line, as written.
            "Walk through the bulk returns process for our 40 rental tents before the season \
             starts.\n",
            "When: Thu 20 Mar 2025 14:00 – 14:30 (GMT)",
        ],
        not_in_text: &["BEGIN:VCALENDAR", "DTSTART", "ATTENDEE"],
        html: Some(&["<h2>Returns process call</h2>"]),
        not_in_html: &["BEGIN:VCALENDAR", "DTSTART"],
        // The calendar part and Google's attached copy of it are one file.
        files: &[("invite.ics", "application/ics", 897, Listed)],
    },
    Case {
        file: "calendar-invite-outlook.eml",
        from: "Kees Mulder <kees.mulder@example.nl>",
        subject: "Invoice review Q1",
        routed_by: "billing@northwind.example",
        text: &[
            "Quarterly invoice review for the Mulder Outdoor account.",
            "Meeting ID: 311 457 902 118",
        ],
        not_in_text: &["BEGIN:VCALENDAR", "VTIMEZONE", "QkVHSU46VkNBTEVOREFS"],
        html: Some(&["<p>Quarterly invoice review for the Mulder Outdoor account.</p>"]),
        not_in_html: &["BEGIN:VCALENDAR", "QkVHSU46VkNBTEVOREFS"],
        files: &[("invite.ics", "text/calendar", 1166, Listed)],
    },
    Case {
        file: "bounce-postfix-dsn.eml",
        from: "Mail Delivery System <MAILER-DAEMON@mx.northwind.example>",
        subject: "Undelivered Mail Returned to Sender",
        routed_by: "support@northwind.example",
        text: &[
            "your message could not\nbe delivered to one or more recipients.",
            "<oskar.lind@example.se>: host mx1.example.se[192.0.2.55] said: 550 5.1.1",
            "User unknown",
        ],
        // The machine-readable report and the returned headers are files, not the message.
        not_in_text: &[
            "Reporting-MTA",
            "X-Postfix-Queue-ID",
            "In-Reply-To: <a1b2c3d4",
        ],
        html: None,
        not_in_html: NO_TEXT,
        files: &[
            ("attachment-1.txt", "message/delivery-status", 462, Listed),
            ("attachment-2.txt", "text/rfc822-headers", 539, Listed),
        ],
    },
    Case {
        file: "bounce-gmail-dsn-returned-message.eml",
        from: "Mail Delivery Subsystem <mailer-daemon@googlemail.example>",
        subject: "Delivery Status Notification (Failure)",
        routed_by: "support@northwind.example",
        text: &[
            "** Address not found **",
            "550 5.1.1 The email account that you tried to reach does not exist.",
            // The returned message is shown, like any attached message.
            "To: Camille Durand <camille.durnad@example.fr>",
            "The larger mat left our warehouse today; the tracking number is",
        ],
        not_in_text: &["Reporting-MTA", "Last-Attempt-Date"],
        html: Some(&[
            "<h2>Address not found</h2>",
            "<b>Subject:</b> Re: Exchange of the Alpine 2 sleeping mat<br>",
            "<div style=\"white-space:pre-wrap\">Hi Camille,",
        ]),
        not_in_html: &["Reporting-MTA"],
        files: &[
            ("icon.png", "image/png", 74, InPlace),
            ("attachment-2.txt", "message/delivery-status", 275, Listed),
            (
                "Re: Exchange of the Alpine 2 sleeping mat.eml",
                "message/rfc822",
                550,
                Listed,
            ),
        ],
    },
    Case {
        file: "auto-reply-out-of-office.eml",
        from: "Lukas Brandt <lukas.brandt@example.de>",
        subject: "Automatische Antwort: Re: Your order NW-10533 has shipped",
        routed_by: "support@northwind.example",
        text: &[
            "Ich bin bis einschließlich 24. März nicht im\nBüro",
            "I am out of the office until 24 March",
        ],
        not_in_text: NO_TEXT,
        html: None,
        not_in_html: NO_TEXT,
        files: &[],
    },
    Case {
        file: "bounce-exchange-ndr.eml",
        from: "postmaster@outlook.example",
        subject: "Undeliverable: Your refund for order NW-10571",
        routed_by: "support@northwind.example",
        text: &[
            "Your message to jonas.weber@example.at couldn't be delivered.",
            "Remote server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not \
             found by SMTP address lookup'",
        ],
        not_in_text: &["Reporting-MTA", "X-Display-Name"],
        html: Some(&["couldn't be delivered.</p>"]),
        not_in_html: &["Reporting-MTA"],
        files: &[
            ("attachment-1.txt", "message/delivery-status", 565, Listed),
            ("attachment-2.txt", "text/rfc822-headers", 556, Listed),
        ],
    },
    Case {
        file: "auto-reply-vacation-precedence.eml",
        from: "Marta Silva <marta.silva@example.pt>",
        subject: "Auto: Re: Invoice NW-INV-2025-0311",
        routed_by: "billing@northwind.example",
        text: &[
            "Olá, estou de férias até 31 de março, sem acesso ao e-mail.",
            "For urgent payment questions please write to financas@example.pt.",
        ],
        not_in_text: NO_TEXT,
        html: None,
        not_in_html: NO_TEXT,
        files: &[],
    },
    Case {
        file: "html-only-base64-one-line.eml",
        from: "Zürich Outdoor GmbH – Kreditoren <ap@example.ch>",
        subject: "Open items statement March 2025",
        routed_by: "billing@northwind.example",
        text: &[
            "Dear Northwind billing team,\nBelow is our open-items statement for March;",
            "NW-INV-2025-0240 Rental tent set 1 429,00 €",
            "The last line of the statement: total open 48.210,00 € – Zürich Outdoor GmbH",
        ],
        not_in_text: &["<td", "&nbsp;", "font-family"],
        html: Some(&[
            "<p>Dear Northwind billing team,</p>",
            "total open 48.210,00&nbsp;&euro; &ndash; Zürich Outdoor GmbH accounts payable.</p>",
        ]),
        not_in_html: NO_TEXT,
        files: &[],
    },
    Case {
        file: "quoted-printable-long-lines.eml",
        from: "Søren Kjær <soren.kjaer@example.dk>",
        subject: "Nordkapp jacket seam coming apart – replacement",
        routed_by: "support@northwind.example",
        text: &[
            "I ordered the Nordkapp down jacket in size M on 2 March (order NW-10611) and it \
             arrived yesterday, but the left sleeve seam is already coming apart near the cuff",
            "my father’s seventieth birthday",
            "rather than waiting for the return to arrive — I am happy to pay the shipping",
            "Østre Allé 14, 8000 Aarhus C",
            "Søren Kjær — “a loyal customer since 2019”.",
        ],
        not_in_text: &["=\n", "=E2", "\u{fffd}"],
        html: Some(&["my address is Østre Allé 14, 8000 Aarhus C, and I am at home"]),
        not_in_html: &["=\n", "=E2", "\u{fffd}"],
        files: &[],
    },
    Case {
        file: "nested-related-inline-images.eml",
        from: "Agnieszka Kowalczyk <agnieszka@example.pl>",
        subject: "Summit 45 zip torn (photos inside, invoice attached)",
        routed_by: "support@northwind.example",
        text: &[
            "Dzień dobry,",
            "the zip of the Summit 45 backpack (invoice attached) tore",
        ],
        not_in_text: NO_TEXT,
        html: Some(&["<IMG SRC=CID:photo_0042@mail.example.pl width=200 alt=\"Torn zip\">"]),
        not_in_html: NO_TEXT,
        files: &[
            // `src="cid:…"`, no file name: shown in place.
            ("attachment-1.png", "image/png", 76, InPlace),
            // `SRC=CID:…` unquoted and upper-case; a Content-ID written without brackets.
            ("photo.png", "image/png", 75, InPlace),
            // `cid:%3Clabel%2B1%40…%3E`: URL-encoded, brackets included.
            ("label.png", "image/png", 72, InPlace),
            // A `url('cid:…')` background in the message's `<style>` block.
            ("paper.png", "image/png", 73, InPlace),
            // A Content-ID the HTML never names: a file like any other.
            ("unused-signature-icon.png", "image/png", 72, Listed),
            (
                "invoice-NW-INV-2025-0311.pdf",
                "application/pdf",
                609,
                Listed,
            ),
            ("IMG_0042.HEIC.jpg", "image/jpeg", 322, Listed),
        ],
    },
    Case {
        file: "rfc2231-and-rfc2047-file-names.eml",
        from: "Andrei Munteanu <andrei.munteanu@example.ro>",
        subject: "Facturi și rapoarte pentru martie",
        routed_by: "billing@northwind.example",
        text: &["Vă trimit factura, raportul lunar și confirmarea de livrare."],
        not_in_text: &["Serial numbers", "Raport lunar"],
        html: None,
        not_in_html: NO_TEXT,
        files: &[
            // RFC 2231: `filename*=UTF-8''…`.
            (
                "Factură 2025-118 — Munteanu.pdf",
                "application/pdf",
                600,
                Listed,
            ),
            // RFC 2231 continuations, encoded: `filename*0*=…; filename*1*=…`.
            (
                "Raport lunar întreținere martie 2025.csv",
                "text/csv",
                58,
                Listed,
            ),
            // RFC 2231 in ISO-8859-1; the file keeps its own bytes (25, not re-encoded).
            ("Rücksendungen.txt", "text/plain", 25, Listed),
            // RFC 2231 continuations, quoted: `filename*0="…"; filename*1="…"`.
            (
                "serial numbers of the returned stoves (March 2025).txt",
                "text/plain",
                71,
                Listed,
            ),
            // Outlook: RFC 2047 in a quoted name, folded into two words that split the dash.
            (
                "Confirmare de livrare – comanda NW-10744.pdf",
                "application/pdf",
                596,
                Listed,
            ),
            // Two Q encoded-words: the space between them is not part of the name.
            ("Mulțumim pentru comandă.txt", "text/plain", 28, Listed),
        ],
    },
    Case {
        file: "mailing-list-footer.eml",
        from: "Mateo Rossi <mateo.rossi@example.it>",
        subject: "[outdoor-retailers] Spring catalogue: who still has the 2024 gaiters?",
        // Only Delivered-To names the team: To is the list, Reply-To the list, Sender its
        // bounce address. The sender is still From.
        routed_by: "support@northwind.example",
        text: &[
            "does anyone still stock the 2024 Trail gaiters in size L?",
            "outdoor-retailers mailing list",
        ],
        not_in_text: NO_TEXT,
        html: Some(&[
            "<p>does anyone still stock the 2024 Trail gaiters in size L?",
            // The list's footer is a text part after the HTML: shown in the HTML too.
            "<div style=\"white-space:pre-wrap\">_______________________________________________",
            "outdoor-retailers mailing list",
        ]),
        not_in_html: NO_TEXT,
        files: &[],
    },
    Case {
        file: "mailing-list-digest.eml",
        from: "outdoor-retailers-request@lists.example.org",
        subject: "outdoor-retailers Digest, Vol 12, Issue 3",
        routed_by: "support@northwind.example",
        text: &[
            "Today's Topics:",
            // Each message of the digest, under its own header lines.
            "---------- Spring catalogue: who still has the 2024 gaiters?.eml ----------\n\
             From: Mateo Rossi <mateo.rossi@example.it>\n",
            "Does anyone still stock the 2024 Trail gaiters in size L?",
            "---------- Re: Spring catalogue.eml ----------\n\
             From: Ilse Vermeer <ilse.vermeer@example.nl>\n",
            "We have six pairs left in Utrecht; write to me directly.",
        ],
        not_in_text: NO_TEXT,
        html: None,
        not_in_html: NO_TEXT,
        // A digest's parts are messages without saying so (RFC 2046 §5.1.5).
        files: &[
            (
                "Spring catalogue: who still has the 2024 gaiters?.eml",
                "message/rfc822",
                343,
                Listed,
            ),
            ("Re: Spring catalogue.eml", "message/rfc822", 292, Listed),
        ],
    },
    Case {
        file: "undisclosed-recipients-no-date-no-id.eml",
        from: "Fernwood Cabins Bookkeeping <orders@example.net>",
        subject: "Remittance advice for invoices NW-INV-2025-0207 and -0219",
        routed_by: "billing@northwind.example",
        text: &["We paid invoices NW-INV-2025-0207 and NW-INV-2025-0219 today by bank"],
        not_in_text: NO_TEXT,
        html: None,
        not_in_html: NO_TEXT,
        files: &[],
    },
    Case {
        file: "missing-to-group-cc.eml",
        from: "Yusuf Kaya <yusuf.kaya@example.com.tr>",
        subject: "Who handles refunds for damaged deliveries?",
        routed_by: "support@northwind.example",
        text: &["A box of six tent pegs arrived crushed."],
        not_in_text: NO_TEXT,
        html: None,
        not_in_html: NO_TEXT,
        files: &[],
    },
    Case {
        file: "format-flowed-delsp.eml",
        from: "Hana Novak <hana.novak@example.cz>",
        subject: "Re: Sizing of the Aurora rain jacket",
        routed_by: "support@northwind.example",
        text: &[
            "Thank you for the quick answer! I am 172 cm tall and usually wear a size S in \
             jackets, but with a thick fleece underneath I would prefer the M. Could you \
             exchange it for the M in dark green?\n",
            "says “rain‑proof up to 10\u{a0}000\u{a0}mm”; is that the same fabric as last \
             year’s model?\n",
            "> Hi Hana, the Aurora runs small; we recommend one size up if you wear a fleece \
             under it.\n>\n> Ana\n",
            "\n-- \nHana Novák\nBrno",
        ],
        not_in_text: &["wear a \n", "up to \n"],
        html: None,
        not_in_html: NO_TEXT,
        files: &[],
    },
    Case {
        file: "odd-content-type-lf-only.eml",
        from: "João Pereira <joao.pereira@example.com.br>",
        subject: "Cancel my order NW-10890, please",
        routed_by: "support@northwind.example",
        text: &["Olá, I would like to cancel order NW-10890 before it ships.\nJoão"],
        not_in_text: &["=C3", "--=-=odd"],
        html: Some(&["<p>Olá, I would like to <b>cancel</b> order NW-10890"]),
        not_in_html: NO_TEXT,
        files: &[],
    },
    Case {
        file: "bare-cr-web-form.eml",
        from: "Northwind Contact Form <forms@example.com>",
        subject: "Contact form: wrong footprint in order NW-10955",
        routed_by: "support@northwind.example",
        // A lone CR is a line break, as an HTML parser and Thunderbird read it.
        text: &["Name: Olivia Bennett\nEmail: olivia.bennett@example.com\nOrder: NW-10955\n"],
        not_in_text: &["\r"],
        html: None,
        not_in_html: NO_TEXT,
        files: &[],
    },
    Case {
        file: "apple-mail-inline-photo-between-text.eml",
        from: "Olivia Bennett <olivia.bennett@example.com>",
        subject: "The wrong footprint (photo)",
        routed_by: "support@northwind.example",
        // Both text parts around the photo; the photo is a file (there is no HTML to hold it).
        text: &[
            "Here is the footprint that came with my order:",
            "The label says \"Fjord 2\", but my tent is the Fjord 3.",
        ],
        not_in_text: &["iVBORw0KGgo"],
        html: None,
        not_in_html: NO_TEXT,
        files: &[("footprint.png", "image/png", 76, Listed)],
    },
    Case {
        file: "web-form-reply-to.eml",
        // The form's From is the sender the thread names; the customer is in Reply-To
        // (`reply_to_of_the_corpus`).
        from: "Northwind Outfitters Website <noreply@northwind-outfitters.example>",
        subject: "[Contact form] Damaged or faulty product - order NW-11204",
        routed_by: "support@northwind.example",
        text: &[
            "Name:     \u{218}tefan Rusu\nEmail:    stefan.rusu@example.ro\nOrder:    NW-11204",
            "a replacement pole before our trip on 12 April?",
            "https://northwind-outfitters.example/contact",
        ],
        not_in_text: &["=C8=98", "<td>"],
        html: Some(&["<td>\u{218}tefan Rusu</td>", "NW-11204"]),
        not_in_html: &["=C8=98"],
        files: &[],
    },
];

fn sender(mailbox: &Mailbox) -> String {
    match &mailbox.name {
        Some(name) => format!("{name} <{}>", mailbox.address),
        None => mailbox.address.to_string(),
    }
}

#[test]
fn every_kind_of_received_mail_shows_what_the_rep_must_see() {
    let mut failures = Vec::new();
    for case in CASES {
        let parsed = parsed(case.file);
        let message = record(&parsed);
        let mut fail = |what: String| failures.push(format!("{}: {what}", case.file));
        if sender(&message.from) != case.from {
            fail(format!("from {:?}", sender(&message.from)));
        }
        if message.subject != case.subject {
            fail(format!("subject {:?}", message.subject));
        }
        if !parsed
            .recipients()
            .iter()
            .any(|m| m.address.as_str() == case.routed_by)
        {
            fail(format!("{} is not a recipient", case.routed_by));
        }
        for text in case.text {
            if !message.text_body.contains(text) {
                fail(format!("text lacks {text:?} in {:?}", message.text_body));
            }
        }
        for text in case.not_in_text {
            if message.text_body.contains(text) {
                fail(format!("text shows {text:?}"));
            }
        }
        match (case.html, &message.html_body) {
            (None, None) => {}
            (Some(expected), Some(html)) => {
                for text in expected {
                    if !html.contains(text) {
                        fail(format!("HTML lacks {text:?} in {html:?}"));
                    }
                }
                for text in case.not_in_html {
                    if html.contains(text) {
                        fail(format!("HTML shows {text:?}"));
                    }
                }
            }
            (expected, html) => fail(format!("HTML expected {expected:?}, got {html:?}")),
        }
        let files: Vec<(&str, &str, u64, Shown)> = message
            .attachments
            .iter()
            .map(|a| {
                let shown = if a.inline { InPlace } else { Listed };
                (a.file_name.as_str(), a.content_type.as_str(), a.size, shown)
            })
            .collect();
        if files != case.files {
            fail(format!("files {files:#?}"));
        }
        // What is stored for download is what is listed.
        for (file, meta) in parsed.attachments.iter().zip(&message.attachments) {
            if file.bytes.len() as u64 != meta.size {
                fail(format!(
                    "{} holds {} bytes",
                    meta.file_name,
                    file.bytes.len()
                ));
            }
        }
        if message.text_body.contains('\u{fffd}') {
            fail("U+FFFD in the text".to_owned());
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// `Reply-To` as the corpus's senders write it: a web form's customer (encoded name, or a bare
/// CR mailer), a calendar that repeats the From, a list that asks to be answered on the list;
/// every other file has none.
#[test]
fn reply_to_of_the_corpus() {
    let cases: &[(&str, &[&str])] = &[
        (
            "web-form-reply-to.eml",
            &["\u{218}tefan Rusu <stefan.rusu@example.ro>"],
        ),
        (
            "bare-cr-web-form.eml",
            &["Olivia Bennett <olivia.bennett@example.com>"],
        ),
        (
            "calendar-invite-google.eml",
            &["Elif Demir <elif.demir@example.com>"],
        ),
        (
            "mailing-list-footer.eml",
            &["outdoor-retailers@lists.example.org"],
        ),
        (
            "mailing-list-digest.eml",
            &["outdoor-retailers@lists.example.org"],
        ),
    ];
    for case in CASES {
        let expected = cases
            .iter()
            .find(|(file, _)| *file == case.file)
            .map_or(&[][..], |(_, reply_to)| *reply_to);
        let message = record(&parsed(case.file));
        let reply_to: Vec<String> = message.reply_to.iter().map(sender).collect();
        assert_eq!(reply_to, expected, "{}", case.file);
    }
    for (file, _) in cases {
        assert!(CASES.iter().any(|c| c.file == *file), "{file} is a case");
    }
}

#[test]
fn the_corpus_readme_describes_every_fixture() {
    let readme = std::fs::read_to_string(format!("{FIXTURES}/README.md")).unwrap();
    let mut files: Vec<String> = std::fs::read_dir(FIXTURES)
        .unwrap()
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".eml"))
        .collect();
    files.sort();
    for file in &files {
        assert!(readme.contains(&format!("`{file}`")), "README lacks {file}");
    }
    for case in CASES {
        assert!(files.iter().any(|f| f == case.file), "{}", case.file);
    }
}

#[test]
fn missing_to_date_and_message_id_still_import() {
    let parsed = parsed("undisclosed-recipients-no-date-no-id.eml");
    // `To: undisclosed-recipients:;` is an empty group: no recipient, nothing ignored.
    assert!(parsed.to.is_empty());
    assert!(parsed.ignored_addresses.is_empty());
    assert_eq!(parsed.date, None);
    assert_eq!(parsed.message_id, None);
    // Dated when it arrived.
    assert_eq!(record(&parsed).date, 1_700_000_000_000);

    let parsed = self::parsed("missing-to-group-cc.eml");
    assert!(parsed.to.is_empty());
    let cc: Vec<String> = parsed.cc.iter().map(sender).collect();
    assert_eq!(
        cc,
        [
            "Support <support@northwind.example>",
            "billing@northwind.example"
        ]
    );
}

#[test]
fn a_message_forwarded_as_an_attachment_is_logged_on_its_original_sender() {
    // SPEC §3: the forward rule reads the plain text, which now holds the attached message.
    let parsed = parsed("forwarded-as-attachment-outlook.eml");
    let original = original_sender(&parsed.subject, &parsed.text_body).unwrap();
    assert_eq!(original.address.as_str(), "tom.beckett@example.co.uk");
    assert_eq!(original.name.as_deref(), Some("Tom Beckett"));
    // The download is the attached message itself.
    let eml = &parsed.attachments[0].bytes;
    assert!(eml.starts_with(b"Received: from smtp.example.co.uk"));
    assert!(eml.ends_with(b"Tom Beckett\r\n07700 900461\r\n"));
    assert!(parse_eml(eml).is_ok());
}

#[test]
fn the_files_inside_winmail_dat_download_with_their_bytes() {
    let parsed = parsed("outlook-winmail-dat.eml");
    let pdf = &parsed.attachments[0].bytes;
    assert!(pdf.starts_with(b"%PDF-1.4\n") && pdf.ends_with(b"%%EOF\n"));
    assert_eq!(
        parsed.attachments[1].bytes,
        b"Item;Qty;Reason\r\nSummit 45 backpack;1;Zip broken\r\nTrail gaiters (M);2;Wrong size\r\n"
    );
}

#[test]
fn a_text_file_downloads_with_the_bytes_it_was_sent_with() {
    let parsed = parsed("rfc2231-and-rfc2047-file-names.eml");
    let file = |name: &str| {
        &parsed
            .attachments
            .iter()
            .find(|a| a.file_name == name)
            .unwrap()
            .bytes
    };
    // ISO-8859-1, as attached (not re-encoded as UTF-8).
    assert_eq!(file("Rücksendungen.txt"), b"Liste der R\xfccksendungen\r\n");
    assert_eq!(
        file("Raport lunar întreținere martie 2025.csv"),
        "Raport lunar întreținere;martie\r\nCorturi verificate;12\r\n".as_bytes()
    );
    // A "text" file that is not valid in its charset keeps every byte (was U+FFFD).
    let eml = b"From: a@example.com\r\nTo: support@northwind.example\r\nSubject: log\r\n\
        MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\
        Content-Type: text/plain\r\n\r\nSee the export.\r\n--b\r\n\
        Content-Type: text/csv; name=export.csv\r\nContent-Transfer-Encoding: base64\r\n\r\n\
        Q2Fm6TsxMAo=\r\n--b--\r\n";
    let parsed = parse_eml(eml).unwrap();
    assert_eq!(parsed.attachments[0].bytes, b"Caf\xe9;10\n");
    assert_eq!(parsed.attachments[0].size, 8);
}

#[test]
fn a_file_with_cr_line_endings_reads_as_its_lines() {
    // Classic Mac OS line endings: the LF-only fixture with every LF made a CR.
    let cr: Vec<u8> = raw("odd-content-type-lf-only.eml")
        .into_iter()
        .map(|b| if b == b'\n' { b'\r' } else { b })
        .collect();
    let parsed = parse_eml(&cr).unwrap();
    assert_eq!(
        sender(&parsed.from),
        "João Pereira <joao.pereira@example.com.br>"
    );
    assert_eq!(parsed.subject, "Cancel my order NW-10890, please");
    assert!(parsed
        .text_body
        .contains("Olá, I would like to cancel order NW-10890 before it ships.\nJoão"));
    assert_eq!(parsed.raw_size, cr.len() as u64);
}

/// One HTML body with an image part (`Content-ID: <img1@x>`) of `content_type`.
fn with_image(html: &str, content_type: &str) -> Message {
    let eml = format!(
        "From: a@example.com\r\nTo: support@northwind.example\r\nSubject: image\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\n\
         Content-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n--b\r\n\
         Content-Type: {content_type}; name=\"img1.png\"\r\nContent-ID: <img1@x>\r\n\
         Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n"
    );
    record(&parse_eml(eml.as_bytes()).unwrap())
}

#[test]
fn an_image_is_shown_in_place_only_where_the_frame_can_draw_it() {
    let cases: &[(&str, &str, &str, Shown)] = &[
        (
            "an img src",
            "<p><img src=\"cid:img1@x\"></p>",
            "image/png",
            InPlace,
        ),
        (
            "a background attribute",
            "<table background='cid:img1@x'><tr><td>x</td></tr></table>",
            "image/png",
            InPlace,
        ),
        (
            "a style attribute's url()",
            "<div style=\"background:url(&quot;cid:img1@x&quot;)\">x</div>",
            "image/png",
            InPlace,
        ),
        (
            "image/jpg, the common misspelling, is JPEG",
            "<img src=\"cid:img1@x\">",
            "image/jpg",
            InPlace,
        ),
        // Outlook's VML fallback: inside a conditional comment, never drawn.
        (
            "only in a comment",
            "<!--[if gte vml 1]><v:imagedata src=\"cid:img1@x\"/><![endif]--><p>Hi</p>",
            "image/png",
            Listed,
        ),
        (
            "only in the text",
            "<p>See cid:img1@x for the photo</p>",
            "image/png",
            Listed,
        ),
        (
            "only inside a dropped element",
            "<noscript><img src=\"cid:img1@x\"></noscript><p>Hi</p>",
            "image/png",
            Listed,
        ),
        (
            "a type the frame cannot show",
            "<img src=\"cid:img1@x\">",
            "application/octet-stream",
            Listed,
        ),
        (
            "a type the frame cannot show",
            "<img src=\"cid:img1@x\">",
            "image/tiff",
            Listed,
        ),
    ];
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|(what, html, content_type, expected)| {
            let message = with_image(html, content_type);
            let shown = if message.attachments[0].inline {
                InPlace
            } else {
                Listed
            };
            (shown != *expected).then(|| format!("{what}: {html} as {content_type}: {shown:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
    // `image/jpg` is stored as JPEG, the type the frame's cleaner keeps as a `data:` URL.
    let jpg = with_image("<img src=\"cid:img1@x\">", "image/jpg");
    assert_eq!(jpg.attachments[0].content_type, "image/jpeg");
    // The reference test itself, on the fixture's forms.
    let html = parsed("nested-related-inline-images.eml")
        .html_body
        .unwrap();
    for id in [
        "logo.7f3a@mail.example.pl",
        "photo_0042@mail.example.pl",
        "label+1@mail.example.pl",
        "paper-bg@mail.example.pl",
    ] {
        assert!(references_cid(&html, id), "{id}");
    }
    assert!(!references_cid(&html, "never-shown@mail.example.pl"));
}

#[test]
fn damaged_winmail_dat_is_kept_as_it_is() {
    // A TNEF stream cut anywhere never panics; with no whole file inside, winmail.dat stays.
    let full = raw("outlook-winmail-dat.eml");
    let text = String::from_utf8(full).unwrap();
    let (head, rest) = text
        .split_once("Content-Disposition: attachment; filename=\"winmail.dat\"\r\n\r\n")
        .unwrap();
    let (base64, tail) = rest.split_once("\r\n\r\n--").unwrap();
    let lines: Vec<&str> = base64.lines().collect();
    for keep in 0..lines.len() {
        let eml = format!(
            "{head}Content-Disposition: attachment; filename=\"winmail.dat\"\r\n\r\n{}\r\n\r\n--{tail}",
            lines[..keep].join("\r\n")
        );
        let parsed = parse_eml(eml.as_bytes()).unwrap();
        let names: Vec<&str> = parsed
            .attachments
            .iter()
            .map(|a| a.file_name.as_str())
            .collect();
        // Either the files read whole, or winmail.dat itself: never nothing.
        assert!(
            names == ["winmail.dat"] || (!names.is_empty() && !names.contains(&"winmail.dat")),
            "{keep} lines: {names:?}"
        );
    }
}

/// What the import makes of the corpus's automatic mail (`mail::automatic`): the bounces with
/// their failed recipients, reasons and the message they return (to thread them), the
/// automatic replies; every other file is a person's email.
#[test]
fn automatic_replies_and_bounces_are_told_apart_from_customer_mail() {
    let failed = |address: &str, status: &str, reason: &str| FailedRecipient {
        address: address.to_owned(),
        status: Some(status.to_owned()),
        reason: Some(reason.to_owned()),
    };
    let cases: &[(&str, Automatic, Option<&str>)] = &[
        (
            "bounce-postfix-dsn.eml",
            Automatic::Bounce {
                failed: vec![failed(
                    "oskar.lind@example.se",
                    "5.1.1",
                    "550 5.1.1 <oskar.lind@example.se>: Recipient address rejected: User \
                     unknown in virtual mailbox table",
                )],
            },
            Some("sb.9d2e41c07b3a5f18@northwind.example"),
        ),
        (
            "bounce-gmail-dsn-returned-message.eml",
            Automatic::Bounce {
                failed: vec![failed(
                    "camille.durnad@example.fr",
                    "5.1.1",
                    "550 5.1.1 The email account that you tried to reach does not exist.",
                )],
            },
            Some("sb.51f0c7a2e9d83b46@northwind.example"),
        ),
        // The report's second recipient was only delayed: not a failure.
        (
            "bounce-exchange-ndr.eml",
            Automatic::Bounce {
                failed: vec![failed(
                    "jonas.weber@example.at",
                    "5.1.10",
                    "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP \
                     address lookup",
                )],
            },
            Some("sb.7a3c5e9f0d1b2486@northwind.example"),
        ),
        ("auto-reply-out-of-office.eml", Automatic::Reply, None),
        ("auto-reply-vacation-precedence.eml", Automatic::Reply, None),
    ];
    for (file, expected, returned) in cases {
        let parsed = parsed(file);
        assert_eq!(parsed.automatic.as_ref(), Some(expected), "{file}");
        assert_eq!(
            record(&parsed).automatic.as_ref(),
            Some(expected),
            "{file}: stored"
        );
        assert_eq!(
            parsed
                .returned
                .as_ref()
                .and_then(|r| r.message_id.as_deref()),
            *returned,
            "{file}: the returned message"
        );
        if let Some(id) = returned {
            assert_eq!(
                parsed.thread_ids().0.as_deref(),
                Some(*id),
                "{file}: threads by it"
            );
        }
    }
    // Everything else in the corpus was written by a person: mailing lists (`Precedence:
    // list`), a forwarded message, and a Google Calendar invitation although Google marks it
    // `Auto-Submitted: auto-generated` (someone invites the team).
    for entry in std::fs::read_dir(FIXTURES).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if !name.ends_with(".eml") || cases.iter().any(|(file, _, _)| *file == name) {
            continue;
        }
        let parsed = parsed(&name);
        assert_eq!(parsed.automatic, None, "{name}");
        assert_eq!(parsed.returned, None, "{name}");
    }
}
