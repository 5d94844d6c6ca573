//! Domain value ⇄ stored record. A record is the serde form of the domain value plus computed
//! index fields (`_area`, `_bucket`, `_assignee`, `_email`, `_key`, `_id`, `_t`, the search
//! tokens of `domain::views::search_tokens_of`, and a message's `_tl`, the addresses of
//! `domain::timeline::timeline_keys`); reading ignores them because domain types
//! ignore unknown fields. Also builds the message-terms records and the compound index keys
//! and ranges.
//! No I/O here.

use super::error::StorageError;
use super::schema::*;
use super::{AssigneeFilter, Bucket, ListKey, ListQuery};
use crate::domain::entries::{ContactName, FieldError, StoredFields};
use crate::domain::timeline::{address_key, timeline_keys};
use crate::domain::views::{search_tokens_of, ListIndex};
use crate::domain::{Area, Contact, Conversation, Draft, EmailAddress, Message, Workspace};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// Domain value → stored object. Serialised with serde_json and turned into a plain object by
/// the browser's `JSON.parse`: one serde format in the whole app (serde_json, also used for
/// the demo file and tab messages) keeps the wasm small, and `JSON.parse` is native code.
/// Integers beyond JavaScript's safe range are refused, so no value is silently rounded.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, StorageError> {
    let tree = serde_json::to_value(value)?;
    check_safe_numbers(&tree)?;
    js_sys::JSON::parse(&tree.to_string())
        .map_err(|_| StorageError::Serde("the browser could not read a record".into()))
}

/// Stored object → domain value (through `JSON.stringify` and serde_json).
pub(crate) fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, StorageError> {
    let text: String = js_sys::JSON::stringify(&value)
        .map_err(|_| StorageError::Serde("a stored record is not plain data".into()))?
        .into();
    Ok(serde_json::from_str(&text)?)
}

/// A stored object read field by field (`domain::entries`: the first screen's light records):
/// no `JSON.stringify` and no serde deserialiser, one property read per field.
pub(crate) struct JsFields(JsValue);

impl JsFields {
    /// The field `name`, or `None` when missing or null.
    fn get(&self, name: &'static str) -> Option<JsValue> {
        js_sys::Reflect::get(&self.0, &JsValue::from_str(name))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    }
}

impl StoredFields for JsFields {
    fn text(&self, name: &'static str) -> Result<Option<String>, FieldError> {
        self.get(name)
            .map(|v| v.as_string().ok_or(FieldError { field: name }))
            .transpose()
    }
    fn number(&self, name: &'static str) -> Result<Option<f64>, FieldError> {
        self.get(name)
            .map(|v| v.as_f64().ok_or(FieldError { field: name }))
            .transpose()
    }
    fn flag(&self, name: &'static str) -> Result<Option<bool>, FieldError> {
        self.get(name)
            .map(|v| v.as_bool().ok_or(FieldError { field: name }))
            .transpose()
    }
    fn texts(&self, name: &'static str) -> Result<Option<Vec<String>>, FieldError> {
        let Some(value) = self.get(name) else {
            return Ok(None);
        };
        if !js_sys::Array::is_array(&value) {
            return Err(FieldError { field: name });
        }
        value
            .unchecked_into::<js_sys::Array>()
            .iter()
            .map(|item| item.as_string().ok_or(FieldError { field: name }))
            .collect::<Result<_, _>>()
            .map(Some)
    }
}

/// Stored object → light record (`domain::entries`), read by its `read` function.
pub(crate) fn read_entry<T>(
    value: JsValue,
    read: fn(&JsFields) -> Result<T, FieldError>,
) -> Result<T, StorageError> {
    read(&JsFields(value)).map_err(|e| StorageError::Serde(e.to_string()))
}

const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

fn check_safe_numbers(value: &serde_json::Value) -> Result<(), StorageError> {
    use serde_json::Value;
    match value {
        Value::Number(n) => {
            let unsafe_int = n.as_u64().map(|v| v > MAX_SAFE_INTEGER).unwrap_or(false)
                || n.as_i64()
                    .map(|v| v.unsigned_abs() > MAX_SAFE_INTEGER)
                    .unwrap_or(false);
            if unsafe_int {
                return Err(StorageError::Serde(format!(
                    "the number {n} is too large to be stored exactly"
                )));
            }
            Ok(())
        }
        Value::Array(items) => items.iter().try_for_each(check_safe_numbers),
        Value::Object(map) => map.values().try_for_each(check_safe_numbers),
        _ => Ok(()),
    }
}

pub(crate) fn with_fields(
    record: JsValue,
    fields: &[(&str, JsValue)],
) -> Result<JsValue, StorageError> {
    for (name, value) in fields {
        js_sys::Reflect::set(&record, &JsValue::from_str(name), value)
            .map_err(|_| StorageError::Serde(format!("cannot set {name} on a record")))?;
    }
    Ok(record)
}

pub(crate) fn area_key(area: Area) -> &'static str {
    match area {
        Area::Inbox => "inbox",
        Area::HelpDesk => "help_desk",
    }
}

pub(crate) fn bucket_key(bucket: Bucket) -> &'static str {
    match bucket {
        Bucket::Open => "open",
        Bucket::Closed => "closed",
        Bucket::Trash => "trash",
    }
}

/// The `_email` index value: addresses compare case-insensitively in ASCII, exactly as
/// `EmailAddress::same_mailbox` does.
pub(crate) fn email_key(email: &EmailAddress) -> String {
    address_key(email.as_str())
}

/// A conversation's record, its search tokens included: its subject and preview, and its
/// contact's name and address (`contact`; none when the contact is not stored), so that a
/// search by contact reads this index alone instead of one lookup per matching contact.
pub(crate) fn conversation_record(
    c: &Conversation,
    contact: Option<&ContactText>,
) -> Result<JsValue, StorageError> {
    let assignee = c.assignee.as_ref().map_or("", |u| u.as_str());
    with_fields(
        to_js(c)?,
        &[
            (F_AREA, area_key(c.area).into()),
            (F_BUCKET, bucket_key(Bucket::of(c)).into()),
            (F_ASSIGNEE, assignee.into()),
        ],
    )
    .and_then(|record| with_fields(record, &contact_fields(&c.subject, &c.snippet, contact)))
}

/// What a conversation's search tokens take from its contact: the name and the address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ContactText {
    pub name: String,
    pub email: String,
}

impl ContactText {
    pub(crate) fn of(c: &Contact) -> Self {
        ContactText {
            name: c.name.clone().unwrap_or_default(),
            email: c.email.as_str().to_owned(),
        }
    }

    /// From a stored contact record (its `name` and `email` fields; a missing name is none).
    pub(crate) fn read(record: &JsValue) -> Self {
        ContactText {
            name: text_field(record, "name"),
            email: text_field(record, "email"),
        }
    }
}

/// The fields a conversation record takes from its contact (`contact`: none when the contact
/// is not stored): its search tokens (with its own subject and preview), and what its list row
/// shows of the contact, so that a list page is one read with no contact lookups (`_ce`, the
/// address, null when the contact is not stored; `_cn`, the name). `Db::write_batch` keeps
/// them current when a contact's name or address changes.
pub(crate) fn contact_fields(
    subject: &str,
    snippet: &str,
    contact: Option<&ContactText>,
) -> [(&'static str, JsValue); 3] {
    [
        (F_TERMS, conversation_terms(subject, snippet, contact)),
        (
            F_CONTACT_EMAIL,
            contact.map_or(JsValue::NULL, |c| c.email.as_str().into()),
        ),
        (
            F_CONTACT_NAME,
            contact.map_or(JsValue::NULL, |c| c.name.as_str().into()),
        ),
    ]
}

/// What a stored conversation record says of its contact's row text ([`contact_fields`]):
/// `Some(None)` when its contact is not stored, `None` when the record does not say (written
/// without these fields): then the contact is read.
pub(crate) fn stored_contact_name(record: &JsValue) -> Option<Option<ContactName>> {
    let email = js_sys::Reflect::get(record, &JsValue::from_str(F_CONTACT_EMAIL)).ok()?;
    if email.is_null() {
        return Some(None);
    }
    let email = email.as_string()?;
    let name = js_sys::Reflect::get(record, &JsValue::from_str(F_CONTACT_NAME))
        .ok()
        .and_then(|v| v.as_string());
    Some(Some(ContactName { email, name }))
}

/// The `_t` field of a conversation record (see [`conversation_record`]).
fn conversation_terms(subject: &str, snippet: &str, contact: Option<&ContactText>) -> JsValue {
    match contact {
        Some(c) => terms(&[subject, snippet, &c.name, &c.email]),
        None => terms(&[subject, snippet]),
    }
}

/// Re-computes the fields a stored conversation record takes from `contact` ([`contact_fields`])
/// in place, with its own `subject` and `snippet` (after its contact's name or address
/// changed).
pub(crate) fn set_contact_fields(
    record: &JsValue,
    contact: Option<&ContactText>,
) -> Result<(), StorageError> {
    let subject = text_field(record, "subject");
    let fields = contact_fields(&subject, &text_field(record, "snippet"), contact);
    with_fields(record.clone(), &fields).map(|_| ())
}

/// The text field `field` of a stored record ("" when missing or not text).
pub(crate) fn text_field(record: &JsValue, field: &str) -> String {
    js_sys::Reflect::get(record, &JsValue::from_str(field))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

pub(crate) fn contact_record(c: &Contact) -> Result<JsValue, StorageError> {
    let name = c.name.as_deref().unwrap_or("");
    with_fields(
        to_js(c)?,
        &[
            (F_EMAIL, email_key(&c.email).into()),
            (F_TERMS, terms(&[name, c.email.as_str()])),
        ],
    )
}

/// The search tokens of one message (its subject and text) under the key
/// `[conversation, message]`: a token lookup then yields conversation ids from keys alone.
/// `None` for a message in no conversation (a CRM email from a personal address): search
/// finds conversations, and such an email is found on its contacts' timelines instead.
pub(crate) fn message_terms_record(m: &Message) -> Result<Option<JsValue>, StorageError> {
    m.conversation
        .as_ref()
        .map(|conversation| {
            terms_record(
                conversation.as_str(),
                m.id.as_str(),
                &m.subject,
                &m.text_body,
            )
        })
        .transpose()
}

/// [`message_terms_record`] from the message's fields (the v2 upgrade reads only these).
pub(crate) fn terms_record(
    conversation: &str,
    message: &str,
    subject: &str,
    text_body: &str,
) -> Result<JsValue, StorageError> {
    with_fields(
        js_sys::Object::new().into(),
        &[
            ("conversation", conversation.into()),
            ("message", message.into()),
            (F_TERMS, terms(&[subject, text_body])),
        ],
    )
}

/// The `_t` field of a record: the search tokens of its text fields.
pub(crate) fn terms(fields: &[&str]) -> JsValue {
    keys_value(&search_tokens_of(fields))
}

/// Index keys as a JavaScript array (the value of a multi-entry index field).
pub(crate) fn keys_value(keys: &[String]) -> JsValue {
    keys.iter()
        .map(|k| JsValue::from_str(k))
        .collect::<js_sys::Array>()
        .into()
}

/// A message's record: its serde form and its timeline addresses (`_tl`,
/// `domain::timeline::timeline_keys`), the key of the contact timeline's index.
pub(crate) fn message_record(m: &Message) -> Result<JsValue, StorageError> {
    with_fields(to_js(m)?, &[(F_TIMELINE, keys_value(&timeline_keys(m)))])
}

pub(crate) fn draft_record(d: &Draft) -> Result<JsValue, StorageError> {
    with_fields(to_js(d)?, &[(F_KEY, d.key.storage_key().into())])
}

pub(crate) fn workspace_record(w: &Workspace) -> Result<JsValue, StorageError> {
    with_fields(to_js(w)?, &[(F_ID, WORKSPACE_KEY.into())])
}

pub(crate) fn meta_record<T: Serialize + ?Sized>(
    key: &str,
    value: &T,
) -> Result<JsValue, StorageError> {
    let record = js_sys::Object::new();
    with_fields(
        record.into(),
        &[("key", key.into()), ("value", to_js(value)?)],
    )
}

/// Reads the `value` field of a meta record.
pub(crate) fn meta_value<T: DeserializeOwned>(record: JsValue) -> Result<T, StorageError> {
    let value = js_sys::Reflect::get(&record, &JsValue::from_str("value"))
        .map_err(|_| StorageError::Serde("a meta record has no value".into()))?;
    from_js(value)
}

/// A compound key `[parts...]`.
pub(crate) fn key(parts: &[JsValue]) -> JsValue {
    parts.iter().collect::<js_sys::Array>().into()
}

/// The inclusive key range of every compound key that starts with `prefix`: from `[prefix]`
/// (a shorter array sorts first) to `[prefix, []]` (an array sorts after every number, string
/// and date, so it is above any last component).
pub(crate) fn prefix_range(prefix: &[JsValue]) -> (JsValue, JsValue) {
    let lower = key(prefix);
    let mut upper: Vec<JsValue> = prefix.to_vec();
    upper.push(js_sys::Array::new().into());
    (lower, key(&upper))
}

/// Index name and key prefix for a conversation list.
pub(crate) fn conversation_prefix(
    area: Area,
    inbox: &str,
    bucket: Bucket,
    assignee: &AssigneeFilter,
) -> (&'static str, Vec<JsValue>) {
    let mut prefix: Vec<JsValue> = vec![
        area_key(area).into(),
        inbox.into(),
        bucket_key(bucket).into(),
    ];
    match assignee {
        AssigneeFilter::Any => (IDX_CONV_BUCKET, prefix),
        AssigneeFilter::Unassigned => {
            prefix.push("".into());
            (IDX_CONV_ASSIGNEE, prefix)
        }
        AssigneeFilter::User(user) => {
            prefix.push(user.as_str().into());
            (IDX_CONV_ASSIGNEE, prefix)
        }
    }
}

/// The fields of a filtered list's index between `[_area, inbox` and `last_activity]`: what
/// `ListPlan::prefix` gives values for.
pub(crate) fn list_prefix_fields(index: ListIndex) -> &'static [&'static str] {
    match index {
        ListIndex::Bucket => &[F_BUCKET],
        ListIndex::BucketAssignee => &[F_BUCKET, F_ASSIGNEE],
        ListIndex::BucketChannel => &[F_BUCKET, "channel"],
        ListIndex::BucketAssigneeChannel => &[F_BUCKET, F_ASSIGNEE, "channel"],
    }
}

/// The index of a filtered list.
pub(crate) fn list_index_name(index: ListIndex) -> &'static str {
    match index {
        ListIndex::Bucket => IDX_CONV_BUCKET,
        ListIndex::BucketAssignee => IDX_CONV_ASSIGNEE,
        ListIndex::BucketChannel => IDX_CONV_CHANNEL,
        ListIndex::BucketAssigneeChannel => IDX_CONV_ASSIGNEE_CHANNEL,
    }
}

/// The inclusive key range of a filtered list: `[area, inbox, ...plan.prefix, last_activity]`
/// with `last_activity` between the plan's date bounds, and below `before` (inclusive) when
/// continuing after a page.
pub(crate) fn list_range(q: &ListQuery, before: Option<&ListKey>) -> (JsValue, JsValue) {
    let mut prefix: Vec<JsValue> = vec![area_key(q.area).into(), q.inbox.as_str().into()];
    prefix.extend(q.plan.prefix.iter().map(|p| JsValue::from_str(p)));
    let mut lower = prefix.clone();
    if let Some(from) = q.plan.from {
        lower.push(JsValue::from_f64(from as f64));
    }
    let upper_time = match (q.plan.to, before.map(|k| k.last_activity)) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let mut upper = prefix;
    match upper_time {
        Some(t) => upper.push(JsValue::from_f64(t as f64)),
        // An array sorts after every number: above any last_activity.
        None => upper.push(js_sys::Array::new().into()),
    }
    (key(&lower), key(&upper))
}
