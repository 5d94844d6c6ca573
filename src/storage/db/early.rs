//! Start-up's first reads, answered while the app's code loads (issue 9).
//!
//! index.html's early script (`src/early_read.js`, plain JavaScript run as the page is parsed)
//! opens the database and sends the requests the last start described in the device's local
//! storage ([`StartPlan`], under `switchboard.start-plan`): the summary's, and the first list page's with its count
//! for the address that start was opened on. Its answers wait in `self.__sbEarlyRead`
//! ([`EarlyRead::take`]). They are used only when they answer exactly what the app would ask
//! now: the same schema version, the same requests (compared as JSON, key ranges included),
//! the same address, every row carrying its contact's name. Otherwise, and wherever the script
//! read nothing (a first start, a browser without `getAllRecords`), the app reads as before.
//! The answers are as fresh as the app's own reads: the plan is remembered, never the data.

use super::*;
use js_sys::{Array, Object, Reflect, JSON};

/// The local storage key of the [`StartPlan`] the early script follows.
const PLAN_KEY: &str = "switchboard.start-plan";

/// The global the early script leaves its answers in (a promise of an object or null).
const GLOBAL: &str = "__sbEarlyRead";

/// One request as the early script sends it (`send` in `src/early_read.js`).
fn request(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (name, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object.into()
}

fn get(name: &str, store: &str, key: &str) -> JsValue {
    request(&[
        ("name", name.into()),
        ("store", store.into()),
        ("op", "get".into()),
        ("key", key.into()),
    ])
}

fn get_all(store: &str) -> JsValue {
    request(&[
        ("name", store.into()),
        ("store", store.into()),
        ("op", "getAll".into()),
    ])
}

/// The start's summary and seeded mark, as [`Db::seeded_summary`] reads them.
fn summary_requests() -> Array {
    [
        get("seeded", META, META_SEEDED),
        get("workspace", WORKSPACE, WORKSPACE_KEY),
        get_all(USERS),
        get_all(TEAMS),
        get_all(INBOXES),
        get_all(CHANNELS),
    ]
    .into_iter()
    .collect()
}

/// A list's count and first `limit` rows, as `Db::count_list` and `Db::list_page_with_contacts`
/// (from offset 0, with `getAllRecords`) read them.
fn page_requests(q: &ListQuery, limit: u32) -> Array {
    let (lower, upper) = list_range(q, None);
    let index = list_index_name(q.plan.index);
    let ranged = |name: &str, op: &str| {
        vec![
            ("name", JsValue::from_str(name)),
            ("store", CONVERSATIONS.into()),
            ("index", index.into()),
            ("op", op.into()),
            ("lower", lower.clone()),
            ("upper", upper.clone()),
        ]
    };
    let count = ranged("count", "count");
    let mut page = ranged("page", "newestFirst");
    page.push(("count", limit.into()));
    [request(&count), request(&page)].into_iter().collect()
}

/// The page's address as the early script compares it (`location.pathname + location.search`).
fn address() -> String {
    web_sys::window()
        .and_then(|w| {
            Some(format!(
                "{}{}",
                w.location().pathname().ok()?,
                w.location().search().ok()?
            ))
        })
        .unwrap_or_default()
}

fn json(value: &JsValue) -> Option<String> {
    JSON::stringify(value).ok()?.as_string()
}

/// What the next start's early script reads: the summary's requests, and the first page of
/// the list this start was opened on (none if it shows no list) for this address.
pub struct StartPlan(JsValue);

impl StartPlan {
    pub fn new(list: Option<(&ListQuery, u32)>) -> StartPlan {
        let page = list.map_or_else(Array::new, |(q, limit)| page_requests(q, limit));
        StartPlan(request(&[
            ("reads", summary_requests().into()),
            ("at", address().into()),
            ("page", page.into()),
        ]))
    }
}

/// The early script's answers.
pub struct EarlyRead {
    /// The schema version of the database it read.
    version: u32,
    /// The [`StartPlan`] it followed.
    plan: JsValue,
    /// Whether it read the plan's page (the address was the plan's).
    page: bool,
    /// Each request's answer by its name.
    answers: JsValue,
}

impl EarlyRead {
    /// The early script's answers, once it has them; `None` when it read nothing (and after
    /// the first call: the global is removed).
    pub async fn take() -> Option<EarlyRead> {
        let window = web_sys::window()?;
        let global = JsValue::from_str(GLOBAL);
        let promise: js_sys::Promise = Reflect::get(&window, &global).ok()?.dyn_into().ok()?;
        let _ = Reflect::delete_property(&window, &global);
        let value = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
        let field = |name: &str| Reflect::get(&value, &JsValue::from_str(name)).ok();
        Some(EarlyRead {
            version: field("version")?.as_f64()? as u32,
            plan: field("plan")?.dyn_into::<Object>().ok()?.into(),
            page: field("page")?.as_bool()?,
            answers: field("answers")?,
        })
    }

    fn answer(&self, name: &str) -> JsValue {
        Reflect::get(&self.answers, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    }

    /// Whether the plan's `part` is these requests.
    fn asked(&self, part: &str, requests: &Array) -> bool {
        let asked = Reflect::get(&self.plan, &JsValue::from_str(part)).ok();
        asked
            .and_then(|a| json(&a))
            .is_some_and(|a| Some(a) == json(requests))
    }

    fn array(&self, name: &str) -> Option<Array> {
        self.answer(name).dyn_into::<Array>().ok()
    }

    /// The summary of a seeded database, if the script read it as the app would (`None`: it
    /// did not, or the database is not seeded or not at this app's schema version; the app
    /// then opens it, migrating it if need be, and reads it).
    pub fn summary(&self) -> Option<Result<Summary, StorageError>> {
        if self.version != SCHEMA_VERSION || !self.asked("reads", &summary_requests()) {
            return None;
        }
        let seeded = self.answer("seeded");
        if seeded.is_undefined() || !meta_value::<bool>(seeded).unwrap_or(false) {
            return None;
        }
        let workspace = Some(self.answer("workspace")).filter(|w| !w.is_undefined());
        let [users, teams, channels, inboxes] =
            [USERS, TEAMS, CHANNELS, INBOXES].map(|store| self.array(store));
        let (users, teams, channels, inboxes) = (users?, teams?, channels?, inboxes?);
        Some(summary_from(
            workspace,
            users.to_vec(),
            teams.to_vec(),
            channels.to_vec(),
            inboxes.to_vec(),
        ))
    }

    /// The count and first `limit` rows of `q` with their contacts' names, if the script read
    /// them as the app would (`None`: the app reads them; also when a record does not carry
    /// its contact's name, which the app's read looks up).
    pub fn first_page(
        &self,
        q: &ListQuery,
        limit: u32,
    ) -> Option<Result<(u32, RowsWithContacts), StorageError>> {
        if !self.page || !self.asked("page", &page_requests(q, limit)) {
            return None;
        }
        let count = self.answer("count").as_f64()? as u32;
        let values = self.array("page")?;
        let mut rows = Vec::with_capacity(values.length() as usize);
        for value in values.iter() {
            match ListRow::decode(value) {
                Ok(ListRow {
                    entry,
                    contact: Some(contact),
                }) => rows.push((entry, contact)),
                Ok(ListRow { contact: None, .. }) => return None,
                Err(error) => return Some(Err(error)),
            }
        }
        Some(Ok((count, rows)))
    }

    /// Whether the script followed `plan` (then the next start needs no new one).
    fn followed(&self, plan: &StartPlan) -> bool {
        json(&self.plan).is_some_and(|a| Some(a) == json(&plan.0))
    }
}

impl StartPlan {
    /// Stores this plan for the next start's early script, unless it is the one `early`
    /// followed. In the device's local storage: the script reads it before it opens the
    /// database, so every request goes out as soon as the database is open.
    pub fn remember(&self, early: Option<&EarlyRead>) -> Result<(), StorageError> {
        if early.is_some_and(|e| e.followed(self)) {
            return Ok(());
        }
        let failed =
            |_| StorageError::Unavailable("the local storage refused the start-up plan".into());
        let text = json(&self.0).ok_or_else(|| failed(JsValue::NULL))?;
        let storage = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .ok_or_else(|| failed(JsValue::NULL))?;
        storage.set_item(PLAN_KEY, &text).map_err(failed)
    }
}
