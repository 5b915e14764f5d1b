//! The level format's city and fact selections: `cities = …` (all, the difficulty, a list by
//! any spelling, a table of criteria) and `facts = { topic = … }`, each name checked against
//! the dataset with the closest names for a typo.

use toml::de::DeValue;

use super::fields::{Fields, Value, describe, texts};
use super::file::{Reader, quoted};
use super::{Cities, CityFilter, Facts};
use crate::dataset::{CityKey, CityStatus, Topic};
use crate::diagnostics::{closest, did_you_mean};
use crate::names::{TypedName, match_typed};

const CITY_FILTER_FIELDS: &[&str] = &["province", "status", "largest"];
const FACT_FIELDS: &[&str] = &["topic"];

impl Reader<'_, '_, '_> {
    pub(super) fn cities(&mut self, value: &Value<'_>) -> Option<Cities> {
        match value.get_ref() {
            DeValue::String(text) => match text.as_ref() {
                "all" => Some(Cities::All),
                "difficulty" => Some(Cities::ByDifficulty),
                "given" => Some(Cities::Given),
                _ => self.city_list(value).map(Cities::Listed),
            },
            DeValue::Array(_) => self.city_list(value).map(Cities::Listed),
            DeValue::Table(table) => {
                let fields = Fields::new(
                    self.file,
                    table,
                    value.span(),
                    "this cities table",
                    CITY_FILTER_FIELDS,
                );
                let provinces = fields
                    .get("province")
                    .map(|value| self.provinces(value))
                    .unwrap_or_default();
                let statuses = fields
                    .get("status")
                    .map(|value| self.statuses(value))
                    .unwrap_or_default();
                let largest = fields
                    .number(self.file, "largest", 1..=10_000)
                    .map(|n| n as usize);
                Some(Cities::Matching(CityFilter {
                    provinces,
                    statuses,
                    largest,
                }))
            }
            other => {
                self.file.report(
                    value.span(),
                    format!("\"cities\" is {}", describe(other)),
                    "write cities = \"all\", \"difficulty\", a list such as [\"Nampo\", \"Wonsan\"], or a table such as { province = \"north-hamgyong\" }",
                );
                None
            }
        }
    }

    /// Cities by id or any spelling, each checked.
    fn city_list(&mut self, value: &Value<'_>) -> Option<Vec<CityKey>> {
        let mut keys = Vec::new();
        for (name, span) in texts(self.file, value, "cities") {
            let found =
                self.dataset.city_by_slug(&name).map(|city| city.id).or(
                    match match_typed(self.dataset, &name) {
                        TypedName::Exact(id) => Some(id),
                        _ => None,
                    },
                );
            match found {
                Some(id) => {
                    let key = self.dataset.key(id);
                    if keys.contains(&key) {
                        self.file.report(
                            span,
                            format!("\"{name}\" is listed twice"),
                            "list each city once",
                        );
                    } else {
                        keys.push(key);
                    }
                }
                None => {
                    let spellings: Vec<&str> = self
                        .dataset
                        .cities
                        .iter()
                        .map(|city| city.name.as_str())
                        .collect();
                    let near = closest(&name, spellings.iter().copied());
                    self.file.report(
                        span,
                        format!("there is no city \"{name}\" in the dataset"),
                        format!("{}write a city's id or name, as `cityquiz check` lists them in assets/data/cities.toml", did_you_mean(&near)),
                    );
                }
            }
        }
        Some(keys)
    }

    fn provinces(&mut self, value: &Value<'_>) -> Vec<String> {
        let mut slugs = Vec::new();
        for (name, span) in texts(self.file, value, "province") {
            let folded = crate::text::fold(&name);
            let found = self.dataset.provinces.iter().find(|province| {
                province.slug == name || crate::text::fold(&province.name) == folded
            });
            match found {
                Some(province) => slugs.push(province.slug.clone()),
                None => {
                    let known: Vec<&str> = self
                        .dataset
                        .provinces
                        .iter()
                        .map(|p| p.slug.as_str())
                        .collect();
                    let near = closest(&name, known.iter().copied());
                    self.file.report(
                        span,
                        format!("there is no province \"{name}\""),
                        format!(
                            "{}the provinces are: {}",
                            did_you_mean(&near),
                            known.join(", ")
                        ),
                    );
                }
            }
        }
        slugs
    }

    fn statuses(&mut self, value: &Value<'_>) -> Vec<CityStatus> {
        let labels: Vec<&str> = CityStatus::ALL
            .iter()
            .map(|status| status.label())
            .collect();
        texts(self.file, value, "status")
            .into_iter()
            .filter_map(|(name, span)| {
                let status = CityStatus::from_label(&name);
                if status.is_none() {
                    let near = closest(&name, labels.iter().copied());
                    self.file.report(
                        span,
                        format!("\"{name}\" is not a city status"),
                        format!("{}write one of {}", did_you_mean(&near), quoted(&labels)),
                    );
                }
                status
            })
            .collect()
    }

    pub(super) fn facts(&mut self, value: &Value<'_>) -> Facts {
        let DeValue::Table(table) = value.get_ref() else {
            self.file.report(
                value.span(),
                format!("\"facts\" is {}, not a table", describe(value.get_ref())),
                "write facts = { topic = \"industry\" }",
            );
            return Facts::default();
        };
        let fields = Fields::new(
            self.file,
            table,
            value.span(),
            "this facts table",
            FACT_FIELDS,
        );
        let names: Vec<&str> = Topic::ALL.iter().map(|topic| topic.name()).collect();
        let topics = fields
            .get("topic")
            .map(|value| {
                texts(self.file, value, "topic")
                    .into_iter()
                    .filter_map(|(name, span)| {
                        let topic = Topic::from_name(&name);
                        if topic.is_none() {
                            let near = closest(&name, names.iter().copied());
                            self.file.report(
                                span,
                                format!("\"{name}\" is not a topic"),
                                format!(
                                    "{}the topics are: {}",
                                    did_you_mean(&near),
                                    names.join(", ")
                                ),
                            );
                        }
                        topic
                    })
                    .collect()
            })
            .unwrap_or_default();
        Facts { topics }
    }
}
