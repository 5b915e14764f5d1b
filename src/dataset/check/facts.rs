//! Facts: a key of their own, a sentence, a topic, a source, and the other places they fit.

use std::collections::HashSet;

use toml::Spanned;

use super::Checker;
use crate::dataset::raw::RawFact;
use crate::dataset::{Fact, FactId, Topic};

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
        let also_true_of = raw
            .also_true_of
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
                        format!("also_true_of names \"{name}\", which is not another {what}"),
                        format!("list the ids of other {what} entries the fact also fits"),
                    );
                }
                found
            })
            .collect();
        Fact {
            id: FactId(format!("{owner_slug}/{key}")),
            text,
            topic,
            source,
            also_true_of,
            generic: raw.generic,
        }
    }
}

#[derive(Clone, Copy)]
pub(super) enum FactOwner<'s> {
    City(&'s str),
    Province(&'s str),
}

impl FactOwner<'_> {
    fn slug(self) -> String {
        match self {
            FactOwner::City(slug) | FactOwner::Province(slug) => slug.to_string(),
        }
    }

    fn kind(self) -> &'static str {
        match self {
            FactOwner::City(_) => "city",
            FactOwner::Province(_) => "province",
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
