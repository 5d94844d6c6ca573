//! The JMAP core (`mail::jmap`) against answers captured from the real Cyrus IMAP 3.6 server
//! that `scripts/mailserver.sh` starts (tests/fixtures/jmap/*.json), plus the URL rules of
//! RFC 3986 the session object relies on. One case per rule.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use switchboard::mail::jmap::*;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/jmap/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn response(name: &str) -> Response {
    parse_response(&fixture(name)).expect("a captured response parses")
}

const SESSION_URL: &str = "http://127.0.0.1:8080/.well-known/jmap";
const ACCOUNT: &str = "support@northwind.example";

#[test]
fn relative_urls_resolve_against_the_session_url() {
    let cases = [
        (
            "absolute path",
            "http://h:1/.well-known/jmap",
            "/jmap/",
            "http://h:1/jmap/",
        ),
        (
            "relative path",
            "http://h/a/b/session",
            "api/",
            "http://h/a/b/api/",
        ),
        (
            "dot segments",
            "http://h/a/b/session",
            "../jmap/",
            "http://h/a/jmap/",
        ),
        (
            "absolute URL kept",
            "http://h/x",
            "https://mail.example/api",
            "https://mail.example/api",
        ),
        (
            "scheme relative",
            "https://h/x",
            "//mail.example/api",
            "https://mail.example/api",
        ),
        (
            "query kept",
            "http://h/s",
            "/jmap/download/{a}?accept={t}",
            "http://h/jmap/download/{a}?accept={t}",
        ),
        (
            "base query dropped",
            "http://h/s?x=1",
            "api",
            "http://h/api",
        ),
    ];
    for (rule, base, reference, expected) in cases {
        assert_eq!(
            resolve_url(base, reference).as_deref(),
            Ok(expected),
            "{rule}"
        );
    }
}

#[test]
fn a_session_url_must_be_absolute_and_a_reference_without_spaces() {
    for (rule, base, reference) in [
        ("relative base", "/jmap", "/x"),
        ("no scheme", "mail.example/jmap", "/x"),
        ("spaces", "http://h/", "/a b"),
    ] {
        assert!(
            matches!(resolve_url(base, reference), Err(JmapError::InvalidUrl(_))),
            "{rule}"
        );
    }
}

#[test]
fn the_cyrus_session_gives_absolute_urls_and_the_mail_account() {
    let s = parse_session(SESSION_URL, &fixture("session.json")).expect("session parses");
    assert_eq!(s.username, ACCOUNT);
    assert_eq!(s.api_url, "http://127.0.0.1:8080/jmap/");
    assert_eq!(s.require_mail(), Ok(ACCOUNT));
    assert_eq!(
        s.upload_url_for(ACCOUNT),
        "http://127.0.0.1:8080/jmap/upload/support@northwind.example/"
    );
    assert_eq!(
        s.download_url_for(ACCOUNT, "Gced0fcdcf81"),
        "http://127.0.0.1:8080/jmap/download/support@northwind.example/Gced0fcdcf81/\
         message.eml?accept=message/rfc822"
    );
    let summary = s.capability_summary();
    for word in ["core", "mail", "submission"] {
        assert!(summary.contains(word), "{summary}");
    }
}

#[test]
fn template_values_are_percent_encoded() {
    assert_eq!(
        expand_template(
            "/d/{accountId}/{name}",
            &[("accountId", "a b"), ("name", "x?y#z")]
        ),
        "/d/a%20b/x%3Fy%23z"
    );
}

#[test]
fn a_server_without_submission_or_mail_is_refused_in_words() {
    let mut v: Value = serde_json::from_str(&fixture("session.json")).expect("json");
    v["capabilities"]
        .as_object_mut()
        .expect("object")
        .remove(SUBMISSION);
    let s = parse_session(SESSION_URL, &v.to_string()).expect("parses");
    let err = s.require_mail().expect_err("no submission");
    assert!(err.to_string().contains("sending email"), "{err}");

    let not_jmap = parse_session(SESSION_URL, "<html>login</html>").expect_err("html");
    assert!(matches!(not_jmap, JmapError::NotJmap(_)));
}

#[test]
fn http_statuses_become_plain_words() {
    let cases = [
        (401, "", "did not accept this account and password"),
        (403, "", "refused access"),
        (404, "", "check the JMAP session URL"),
        (
            400,
            r#"{"type":"urn:ietf:params:jmap:error:notJSON","detail":"Unable to parse"}"#,
            "HTTP 400): notJSON Unable to parse",
        ),
        (502, "Bad gateway", "HTTP 502"),
    ];
    for (status, body, words) in cases {
        let text = JmapError::from_status(status, body).to_string();
        assert!(text.contains(words), "{status}: {text}");
    }
}

#[test]
fn mailbox_roles_find_inbox_drafts_and_sent() {
    let boxes = parse_mailboxes(&response("mailbox_get.json")).expect("roles");
    assert_eq!(boxes.inbox, "83anawawto78y0osqc2az753");
    assert_eq!(boxes.drafts, "2cqelel9cmxksam2pa7szfbk");
    assert_eq!(boxes.sent, "u77w48ouu7j4ubk9mk8m93xt");
}

#[test]
fn method_errors_are_typed_and_worded() {
    let err = parse_mailboxes(&response("account_not_found.json")).expect_err("error");
    assert!(matches!(&err, JmapError::Method { kind, .. } if kind == "accountNotFound"));
    assert!(
        err.to_string()
            .contains("does not exist on the mail server"),
        "{err}"
    );

    let err = parse_mailboxes(&response("unknown_capability.json")).expect_err("error");
    assert!(err.to_string().contains("does not support"), "{err}");

    let gone = parse_changes(
        &parse_response(
            r#"{"methodResponses":[["error",{"type":"cannotCalculateChanges"},"c"],
            ["error",{"type":"serverFail"},"g"]],"sessionState":"0"}"#,
        )
        .expect("parses"),
    )
    .expect_err("error");
    assert!(gone.is_cannot_calculate_changes());
}

#[test]
fn the_inbox_query_and_get_give_blob_ids_oldest_first() {
    let batch = parse_inbox(&response("query_get.json")).expect("batch");
    assert_eq!(batch.state, "24");
    assert_eq!(batch.emails.len(), 1);
    let e = &batch.emails[0];
    assert_eq!(e.blob_id, "Gced0fcdcf81aa4c678af8a06cae8da8ad70d6e20");
    assert_eq!(e.message_id.as_deref(), Some("order-1@customer.example"));
    assert!(e.is_in("83anawawto78y0osqc2az753"));
}

#[test]
fn changes_list_created_messages_with_their_folders() {
    let empty = parse_changes(&response("changes_empty.json")).expect("changes");
    assert_eq!((empty.new_state.as_str(), empty.created.len()), ("24", 0));

    let c = parse_changes(&response("changes_created.json")).expect("changes");
    assert_eq!(c.new_state, "36");
    assert!(!c.has_more);
    let inbox = "83anawawto78y0osqc2az753";
    let in_inbox: Vec<_> = c.created.iter().filter(|e| e.is_in(inbox)).collect();
    // The sent reply (in Sent) and the failed draft (in Drafts) are not inbound mail.
    assert_eq!(in_inbox.len(), 1);
    assert_eq!(
        in_inbox[0].message_id.as_deref(),
        Some("order-2@customer.example")
    );
}

#[test]
fn requests_are_batched_with_back_references() {
    let cases = [
        (
            "inbox",
            inbox_request(ACCOUNT, "INBOX-ID", 50),
            vec!["Email/query", "Email/get"],
        ),
        (
            "changes",
            changes_request(ACCOUNT, "24", 100),
            vec!["Email/changes", "Email/get"],
        ),
        ("mailboxes", mailboxes_request(ACCOUNT), vec!["Mailbox/get"]),
        (
            "identities",
            identities_request(ACCOUNT),
            vec!["Identity/get"],
        ),
    ];
    for (rule, body, methods) in cases {
        let v: Value = serde_json::from_str(&body).expect("json");
        let names: Vec<&str> = v["methodCalls"]
            .as_array()
            .expect("calls")
            .iter()
            .map(|c| c[0].as_str().expect("name"))
            .collect();
        assert_eq!(names, methods, "{rule}");
        if methods.len() == 2 {
            assert!(
                v["methodCalls"][1][1]["#ids"]["resultOf"].is_string(),
                "{rule}"
            );
            let props = v["methodCalls"][1][1]["properties"].to_string();
            assert!(props.contains("blobId"), "{rule}");
        }
    }
}

#[test]
fn a_submission_has_an_explicit_envelope_and_moves_drafts_to_sent() {
    let rcpt = vec![
        "alex@customer.example".to_owned(),
        "bcc@customer.example".to_owned(),
    ];
    let body = submit_request(&Submission {
        account: ACCOUNT,
        blob_id: "G1",
        identity_id: ACCOUNT,
        drafts: "DRAFTS",
        sent: "SENT",
        mail_from: "support@northwind.example",
        rcpt_to: &rcpt,
    });
    let v: Value = serde_json::from_str(&body).expect("json");
    let using = v["using"].to_string();
    assert!(using.contains(SUBMISSION));
    let import = &v["methodCalls"][0];
    assert_eq!(import[0], "Email/import");
    assert_eq!(import[1]["emails"]["draft"]["mailboxIds"]["DRAFTS"], true);
    let sub = &v["methodCalls"][1][1];
    assert_eq!(sub["create"]["send"]["emailId"], "#draft");
    let env = &sub["create"]["send"]["envelope"];
    assert_eq!(env["mailFrom"]["email"], "support@northwind.example");
    assert_eq!(env["rcptTo"][1]["email"], "bcc@customer.example");
    let update = &sub["onSuccessUpdateEmail"]["#send"];
    assert_eq!(update["mailboxIds/DRAFTS"], Value::Null);
    assert_eq!(update["mailboxIds/SENT"], true);
}

#[test]
fn a_submission_that_succeeded_is_sent() {
    assert_eq!(
        parse_submit(&response("import_submit_ok.json")),
        SubmitOutcome::Sent {
            email_id: "M2340630c3060492ebed9cd5d".into()
        }
    );
}

#[test]
fn a_relay_failure_keeps_the_servers_reason_and_the_draft_to_clean_up() {
    match parse_submit(&response("import_submit_relay_down.json")) {
        SubmitOutcome::Failed { draft, error } => {
            assert_eq!(draft.as_deref(), Some("M3d451be2e691f3bdc939dc93"));
            let text = error.to_string();
            assert!(text.contains("did not send the message"), "{text}");
            assert!(text.contains("serverFail: Internal Error"), "{text}");
        }
        other => panic!("expected a failure, got {other:?}"),
    }
}

#[test]
fn an_upload_answer_gives_the_blob_id_and_identities_match_the_address() {
    assert_eq!(
        parse_upload(&fixture("upload.json")).as_deref(),
        Ok("G2340630c3060492ebed9cd5d89b726d360b3c410")
    );
    let identities = parse_response(
        r#"{"methodResponses":[["Identity/get",{"list":[
        {"id":"other","email":"x@northwind.example"},
        {"id":"support@northwind.example","email":"Support@Northwind.example"}]},"id"]]}"#,
    )
    .expect("parses");
    assert_eq!(
        parse_identity(&identities, "support@northwind.example").as_deref(),
        Ok("support@northwind.example")
    );
    assert_eq!(
        parse_identity(&identities, "nobody@x.example").as_deref(),
        Ok("other")
    );
}

#[test]
fn basic_auth_encodes_utf8_credentials() {
    let cases = [
        (
            "RFC 7617 example",
            "Aladdin",
            "open sesame",
            "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
        ),
        ("one padding", "a", "bc", "Basic YTpiYw=="),
        ("two paddings", "a", "b", "Basic YTpi"),
        ("utf-8", "test", "123\u{a3}", "Basic dGVzdDoxMjPCow=="),
    ];
    for (rule, login, password, expected) in cases {
        assert_eq!(basic_auth(login, password), expected, "{rule}");
    }
}
