//! Translations: every visible string comes from `assets/locales/{ru,en}/*.ftl` (Fluent), with
//! correct plurals ("1 голос, 2 голоса, 5 голосов"). Dates are written the way each language
//! writes them.

pub mod errors;
pub mod labels;

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use unic_langid::{LanguageIdentifier, langid};

static_loader! {
    static LOCALES = {
        locales: "../../assets/locales",
        fallback_language: "en",
        // No Unicode isolation marks around arguments: they would leak into labels.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static RUSSIAN: LanguageIdentifier = langid!("ru");
static ENGLISH: LanguageIdentifier = langid!("en");

/// A language of the interface, of exports and of a session (defined with the model, which
/// records a session's language; its methods are here).
pub use crate::model::Language;

impl Language {
    /// Both languages, Russian first.
    pub const ALL: [Self; 2] = [Self::Russian, Self::English];

    /// The language's own name, as a language menu shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Russian => "Русский",
            Self::English => "English",
        }
    }

    /// The language for a system locale such as `ru-RU` or `en_GB.UTF-8`: Russian for
    /// Russian (and the other languages of the region whose speakers usually read Russian
    /// better than English), English otherwise.
    pub fn from_locale(locale: &str) -> Self {
        let code = locale.get(..2).unwrap_or_default().to_ascii_lowercase();
        match code.as_str() {
            "ru" | "be" | "kk" | "ky" | "tt" | "ba" | "sa" | "cv" => Self::Russian,
            _ => Self::English,
        }
    }

    /// The language the system is set to.
    pub fn from_system() -> Self {
        sys_locale::get_locale().map_or(Self::English, |l| Self::from_locale(&l))
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Self::Russian => &RUSSIAN,
            Self::English => &ENGLISH,
        }
    }
}

/// Looks up translated strings for one language. Messages without arguments are cached, so
/// asking for the same label every frame costs a hash lookup.
#[derive(Debug)]
pub struct Tr {
    language: Language,
    cache: RefCell<HashMap<&'static str, String>>,
}

impl Tr {
    /// Translations into `language`.
    pub fn new(language: Language) -> Self {
        Self {
            language,
            cache: RefCell::new(HashMap::new()),
        }
    }

    /// The language.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The message `key` (e.g. `"section-goals"`). A missing key shows as the key itself, so a
    /// forgotten translation is visible rather than blank.
    pub fn t(&self, key: &'static str) -> String {
        if let Some(text) = self.cache.borrow().get(key) {
            return text.clone();
        }
        let text = LOCALES
            .try_lookup(self.language.id(), key)
            .unwrap_or_else(|| key.to_owned());
        self.cache.borrow_mut().insert(key, text.clone());
        text
    }

    /// The message `key` with a number `$count` (plural forms are chosen by it).
    pub fn n(&self, key: &str, count: i64) -> String {
        self.args(key, &[("count", FluentValue::from(count))])
    }

    /// The message `key` with named arguments.
    pub fn args(&self, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'static>> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
            .collect();
        LOCALES
            .try_lookup_with_args(self.language.id(), key, &map)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The message `key` with one text argument `$name`.
    pub fn with(&self, key: &str, name: &'static str, value: &str) -> String {
        self.args(key, &[(name, FluentValue::from(value.to_owned()))])
    }

    /// A date as the language writes it: "12 декабря 2017 г." / "12 December 2017".
    pub fn date(&self, date: NaiveDate) -> String {
        let month = date.month0() as usize;
        match self.language {
            Language::Russian => {
                format!(
                    "{} {} {} г.",
                    date.day(),
                    RU_MONTHS_GENITIVE[month],
                    date.year()
                )
            }
            Language::English => format!("{} {} {}", date.day(), EN_MONTHS[month], date.year()),
        }
    }

    /// A span of days: "23–24 ноября 2017 г." / "23–24 November 2017".
    pub fn date_range(&self, start: NaiveDate, end: Option<NaiveDate>) -> String {
        match end {
            Some(end) if end != start => {
                if start.year() == end.year() && start.month() == end.month() {
                    format!("{}–{}", start.day(), self.date(end))
                } else {
                    format!("{} – {}", self.date(start), self.date(end))
                }
            }
            _ => self.date(start),
        }
    }
}

const RU_MONTHS_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
