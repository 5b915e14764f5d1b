//! Facts: a key of their own, a sentence, a topic, a source, and the other places they fit.

use std::collections::HashSet;

use toml::Spanned;

use super::{Checker, FactOwner};
use crate::dataset::model::{City, Fact, FactId, Topic};
use crate::dataset::raw::{RawCity, RawFact};

/// Words that name a trait several cities can share. A city fact that uses one, when another
/// city's fact uses it in the same words, must list that city in `also_true_of` (it fits it
/// too) or `distinct_from` (checked by hand: it does not), or be `generic`: otherwise a quiz
/// could mark the other city wrong for a fact that fits it.
pub const SHARED_TRAITS: [&str; 8] = [
    "special economic zone",
    "shipyard",
    "capital of",
    "machine-tool",
    "machine tool",
    "world heritage",
    "prison camp",
    "border with china",
];

/// The words a trait is said in: the trait itself, and for "capital of" what it is the capital
/// of (to the end of the clause), since "capital of South Hamgyong" is no shared trait.
fn trait_words(text: &str, name: &str) -> Option<String> {
    let start = text.find(name)?;
    if name != "capital of" {
        return Some(name.to_string());
    }
    let rest = &text[start..];
    let end = rest.find(['.', ',', ';']).unwrap_or(rest.len());
    Some(rest[..end].trim().to_string())
}

impl Checker<'_, '_> {
    /// One fact; `keys` holds the keys of its owner's facts so far (a key names one fact).
    pub(super) fn fact(
        &mut self,
        spanned: &Spanned<RawFact>,
        owner: FactOwner,
        keys: &mut HashSet<String>,
    ) -> Fact {
        let raw = spanned.get_ref();
        let owner_slug = owner.slug();
        let key = raw.key.get_ref().as_str();
        if !is_fact_key(key) {
            self.report(
                raw.key.span(),
                format!("\"{key}\" is not a fact key"),
                "write 2 to 32 lowercase letters, digits and single hyphens, e.g. key = \"taedong-river\"",
            );
        } else if !keys.insert(key.to_string()) {
            self.report(
                raw.key.span(),
                format!("\"{owner_slug}\" has two facts with the key \"{key}\""),
                "give each fact of a place its own key; never change a published one",
            );
        }
        let text = raw.text.get_ref().trim().to_string();
        if text.is_empty() {
            self.report(raw.text.span(), format!("a fact about \"{owner_slug}\" is empty"), "write one sentence, e.g. text = \"It lies on the Yalu River, opposite Dandong in China.\"");
        }
        let topic = match raw.topic.get_ref().as_str() {
            "industry" => Topic::Industry,
            "history" => Topic::History,
            "geography" => Topic::Geography,
            "trade" => Topic::Trade,
            "tourism" => Topic::Tourism,
            "people" => Topic::People,
            "government" => Topic::Government,
            "culture" => Topic::Culture,
            other => {
                self.report(raw.topic.span(), format!("\"{other}\" is not a topic"), "write topic = one of industry, history, geography, trade, tourism, people, government, culture");
                Topic::Geography
            }
        };
        let source = self.source_ref(
            raw.source.as_ref(),
            spanned.span(),
            &format!("a fact about \"{owner_slug}\""),
        );
        let also_true_of = self.other_places(&raw.also_true_of, owner, "also_true_of");
        let distinct_from = self.other_places(&raw.distinct_from, owner, "distinct_from");
        Fact {
            id: FactId(format!("{owner_slug}/{key}")),
            text,
            topic,
            source,
            also_true_of,
            distinct_from,
            generic: raw.generic,
        }
    }

    /// The ids of the other places a fact's list names (`also_true_of`, `distinct_from`).
    fn other_places(
        &mut self,
        names: &[Spanned<String>],
        owner: FactOwner,
        field: &str,
    ) -> Vec<u16> {
        let owner_slug = owner.slug();
        names
            .iter()
            .filter_map(|other| {
                let name = other.get_ref().as_str();
                let found = match owner {
                    FactOwner::City(_) => self.cities.get(name).map(|id| id.0),
                    FactOwner::Province(_) => self.provinces.get(name).map(|id| id.0),
                };
                if found.is_none() || name == owner_slug {
                    let what = owner.kind();
                    self.report(
                        other.span(),
                        format!("{field} names \"{name}\", which is not another {what}"),
                        format!("list the ids of other {what} entries"),
                    );
                }
                found
            })
            .collect()
    }
}

impl Checker<'_, '_> {
    /// Every city fact naming a shared trait (see `SHARED_TRAITS`) that another city's fact
    /// also names must list that city in `also_true_of`, or be `generic`.
    pub(super) fn check_shared_traits(&mut self, raw: &[Spanned<RawCity>], cities: &[City]) {
        let said = |city: &City, words: &str| {
            city.facts.iter().any(|fact| {
                let text = fact.text.to_lowercase();
                SHARED_TRAITS
                    .iter()
                    .any(|name| trait_words(&text, name).as_deref() == Some(words))
            })
        };
        for (city, raw_city) in cities.iter().zip(raw) {
            for (fact, raw_fact) in city.facts.iter().zip(&raw_city.get_ref().fact) {
                if fact.generic {
                    continue;
                }
                let text = fact.text.to_lowercase();
                for words in SHARED_TRAITS
                    .iter()
                    .filter_map(|name| trait_words(&text, name))
                {
                    let unlisted: Vec<&str> = cities
                        .iter()
                        .filter(|other| other.id != city.id)
                        .filter(|other| !fact.also_true_of.contains(&other.id.0))
                        .filter(|other| !fact.distinct_from.contains(&other.id.0))
                        .filter(|other| said(other, &words))
                        .map(|other| other.slug.as_str())
                        .collect();
                    if !unlisted.is_empty() {
                        let list = unlisted.join("\", \"");
                        self.report(
                            raw_fact.span(),
                            format!(
                                "the fact {} says \"{words}\", which the dataset also says of \"{list}\"",
                                fact.id.0
                            ),
                            format!(
                                "if it fits them too, add also_true_of = [\"{list}\"]; if it does not, reword it or add distinct_from = [\"{list}\"] (checked by hand that it fits \"{}\" alone)",
                                city.slug
                            ),
                        );
                    }
                }
            }
        }
    }
}

/// A fact's key: 2 to 32 of a–z, 0–9 and single inner hyphens ("taedong-river").
fn is_fact_key(key: &str) -> bool {
    (2..=32).contains(&key.len())
        && key.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}
