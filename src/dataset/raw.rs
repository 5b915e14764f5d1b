//! The dataset file as serde reads it: every value with its span, so a check can point at the
//! line and column of what is wrong. Nothing here is checked yet; `check` does that.

use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDataset {
    #[serde(default)]
    pub(super) source: Vec<Spanned<RawSource>>,
    #[serde(default)]
    pub(super) province: Vec<Spanned<RawProvince>>,
    #[serde(default)]
    pub(super) city: Vec<Spanned<RawCity>>,
    #[serde(default)]
    pub(super) ranking: Vec<Spanned<RawRanking>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRanking {
    pub(super) source: Spanned<String>,
    pub(super) order: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) top: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSource {
    pub(super) id: Spanned<String>,
    pub(super) title: Spanned<String>,
    pub(super) url: Option<String>,
    pub(super) note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawProvince {
    pub(super) id: Spanned<String>,
    pub(super) name: Spanned<String>,
    pub(super) name_mr: Spanned<String>,
    pub(super) hangul: Spanned<String>,
    pub(super) kind: Spanned<String>,
    pub(super) iso: String,
    #[serde(default)]
    pub(super) fact: Vec<Spanned<RawFact>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCity {
    pub(super) id: Spanned<String>,
    pub(super) name: Spanned<String>,
    pub(super) name_mr: Spanned<String>,
    pub(super) name_rr: Spanned<String>,
    pub(super) hangul: Spanned<String>,
    #[serde(default)]
    pub(super) aliases: Vec<Spanned<String>>,
    pub(super) province: Spanned<String>,
    pub(super) status: Spanned<String>,
    pub(super) lat: Spanned<f64>,
    pub(super) lon: Spanned<f64>,
    pub(super) coord_source: Spanned<String>,
    #[serde(default)]
    pub(super) place: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) population: Vec<Spanned<RawPopulation>>,
    #[serde(default)]
    pub(super) fact: Vec<Spanned<RawFact>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPopulation {
    pub(super) count: Option<Spanned<i64>>,
    pub(super) min: Option<Spanned<i64>>,
    pub(super) max: Option<Spanned<i64>>,
    pub(super) year: Option<Spanned<toml::Value>>,
    pub(super) kind: Spanned<String>,
    pub(super) source: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFact {
    pub(super) key: Spanned<String>,
    pub(super) text: Spanned<String>,
    pub(super) topic: Spanned<String>,
    pub(super) source: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) also_true_of: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) distinct_from: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) generic: bool,
}
