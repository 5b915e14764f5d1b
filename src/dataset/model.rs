//! The dataset's typed model: sources, provinces, cities with their figures and facts, and
//! rankings, each by a stable id; and how the game looks them up.

use serde::{Deserialize, Serialize};

use crate::geography::LatLon;
use crate::text::fold;

/// Where the built-in dataset lives, relative to the assets folder.
pub const DATASET_ASSET: &str = "data/cities.toml";

/// The built-in dataset, compiled in so the game starts wherever it is run from.
pub const BUILT_IN: &str = include_str!("../../assets/data/cities.toml");

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CityId(pub u16);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProvinceId(pub u16);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceId(pub u16);

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub slug: String,
    pub title: String,
    pub url: Option<String>,
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProvinceKind {
    Province,
    CapitalCity,
    SpecialCity,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Province {
    pub slug: String,
    pub name: String,
    pub name_mr: String,
    pub hangul: String,
    pub kind: ProvinceKind,
    /// ISO 3166-2 code as in the provinces map; empty for divisions the map does not draw.
    pub iso: String,
    pub facts: Vec<Fact>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CityStatus {
    Capital,
    SpecialCity,
    ProvincialCapital,
    City,
    County,
}

impl CityStatus {
    pub const ALL: [CityStatus; 5] = [
        CityStatus::Capital,
        CityStatus::SpecialCity,
        CityStatus::ProvincialCapital,
        CityStatus::City,
        CityStatus::County,
    ];

    /// The status as files write it (the same words as [`CityStatus::label`]).
    pub fn from_label(label: &str) -> Option<CityStatus> {
        CityStatus::ALL
            .into_iter()
            .find(|status| status.label() == label)
    }

    pub fn label(self) -> &'static str {
        match self {
            CityStatus::Capital => "capital",
            CityStatus::SpecialCity => "special city",
            CityStatus::ProvincialCapital => "provincial capital",
            CityStatus::City => "city",
            CityStatus::County => "county",
        }
    }
}

/// A population figure: one count, or a range whose ends may be open ("up to 200,000").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Amount {
    Count(u32),
    Range { min: Option<u32>, max: Option<u32> },
}

impl Amount {
    /// The lowest value the figure allows (0 when only a maximum is given).
    pub fn low(self) -> u32 {
        match self {
            Amount::Count(n) => n,
            Amount::Range { min, .. } => min.unwrap_or(0),
        }
    }

    /// The highest value the figure allows (unbounded when only a minimum is given).
    pub fn high(self) -> u32 {
        match self {
            Amount::Count(n) => n,
            Amount::Range { max, .. } => max.unwrap_or(u32::MAX),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PopulationKind {
    /// Everyone within the city's boundaries, rural parts included.
    Total,
    /// The urban population only.
    Urban,
    /// An estimate from a non-census source.
    Estimate,
}

impl PopulationKind {
    pub fn label(self) -> &'static str {
        match self {
            PopulationKind::Total => "total",
            PopulationKind::Urban => "urban",
            PopulationKind::Estimate => "estimate",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Year {
    In(u16),
    /// The source gives no date.
    Undated,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Population {
    pub amount: Amount,
    pub year: Year,
    pub kind: PopulationKind,
    pub source: SourceId,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Topic {
    Industry,
    History,
    Geography,
    Trade,
    Tourism,
    People,
    Government,
    Culture,
}

impl Topic {
    pub const ALL: [Topic; 8] = [
        Topic::Industry,
        Topic::History,
        Topic::Geography,
        Topic::Trade,
        Topic::Tourism,
        Topic::People,
        Topic::Government,
        Topic::Culture,
    ];

    /// The topic as files write it.
    pub fn name(self) -> &'static str {
        match self {
            Topic::Industry => "industry",
            Topic::History => "history",
            Topic::Geography => "geography",
            Topic::Trade => "trade",
            Topic::Tourism => "tourism",
            Topic::People => "people",
            Topic::Government => "government",
            Topic::Culture => "culture",
        }
    }

    pub fn from_name(name: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|topic| topic.name() == name)
    }
}

/// A fact's stable id, "owner/key" (e.g. "pyongyang/capital"): what saved progress refers to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FactId(pub String);

impl FactId {
    /// The city the fact belongs to: the id's part before the slash.
    pub fn owner(&self) -> Option<CityKey> {
        self.0
            .split_once('/')
            .map(|(city, _)| CityKey(city.to_string()))
    }
}

/// A city's stable id, its slug (e.g. "hamhung"): what questions, answers and everything saved
/// refer to. `CityId`, the row in the file, is only a handle within one loaded dataset.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CityKey(pub String);

impl CityKey {
    pub fn new(slug: &str) -> Self {
        CityKey(slug.to_string())
    }
}

impl std::fmt::Display for CityKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub id: FactId,
    pub text: String,
    pub topic: Topic,
    pub source: SourceId,
    /// Other cities (or provinces, on a province's fact) the sentence also fits.
    pub also_true_of: Vec<u16>,
    /// Cities whose facts share this one's trait words but which it does not fit (checked by
    /// hand; see `check_shared_traits`).
    pub distinct_from: Vec<u16>,
    /// Fits many places: never asked as "which city?".
    pub generic: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct City {
    pub id: CityId,
    pub slug: String,
    pub name: String,
    pub name_mr: String,
    pub name_rr: String,
    pub hangul: String,
    pub aliases: Vec<String>,
    pub province: ProvinceId,
    pub status: CityStatus,
    pub location: LatLon,
    pub coord_source: SourceId,
    /// Which point stands for the city where that is a choice ("Rajin, the seat…").
    pub place: Option<String>,
    pub population: Vec<Population>,
    pub facts: Vec<Fact>,
}

impl City {
    /// Every spelling a player may type for this city: names, aliases and Hangul.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        [&self.name, &self.name_mr, &self.name_rr, &self.hangul]
            .into_iter()
            .chain(&self.aliases)
            .map(String::as_str)
    }

    /// The figure of this kind from the 2008-style census source, if any: the first figure of
    /// the kind with a year.
    pub fn figure(&self, kind: PopulationKind) -> Option<&Population> {
        self.population
            .iter()
            .find(|p| p.kind == kind && matches!(p.amount, Amount::Count(_)))
    }
}

/// An order a source states without figures, largest first.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranking {
    pub source: SourceId,
    pub order: Vec<CityId>,
    /// A "largest N" list: every listed city is claimed larger than every city not listed.
    pub top: bool,
}

impl Ranking {
    /// Whether this ranking claims `larger` has more people than `smaller`.
    pub fn claims_larger(&self, larger: CityId, smaller: CityId) -> bool {
        let place = |city| self.order.iter().position(|&c| c == city);
        match (place(larger), place(smaller)) {
            (Some(a), Some(b)) => a < b,
            (Some(_), None) => self.top,
            _ => false,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub sources: Vec<Source>,
    pub provinces: Vec<Province>,
    pub cities: Vec<City>,
    pub rankings: Vec<Ranking>,
}

impl Dataset {
    pub fn city(&self, id: CityId) -> &City {
        &self.cities[usize::from(id.0)]
    }

    pub fn province(&self, id: ProvinceId) -> &Province {
        &self.provinces[usize::from(id.0)]
    }

    pub fn source(&self, id: SourceId) -> &Source {
        &self.sources[usize::from(id.0)]
    }

    pub fn city_by_slug(&self, slug: &str) -> Option<&City> {
        self.cities.iter().find(|city| city.slug == slug)
    }

    /// The city a saved key names, if this dataset still has it.
    pub fn city_by_key(&self, key: &CityKey) -> Option<&City> {
        self.city_by_slug(&key.0)
    }

    /// The stable key of a city of this dataset.
    pub fn key(&self, id: CityId) -> CityKey {
        CityKey(self.city(id).slug.clone())
    }

    /// Cities whose spellings match what the player typed, best first: a whole spelling, then
    /// the start of one, then a part of one. Accents, case and punctuation do not matter.
    pub fn search(&self, query: &str) -> Vec<CityId> {
        // Hangul folds to its romanisation too, so "함흥" finds Hamhung like "hamhung" does.
        let query = fold(query);
        if query.is_empty() {
            return Vec::new();
        }
        let mut ranked: Vec<(u8, CityId)> = self
            .cities
            .iter()
            .filter_map(|city| {
                let rank = city
                    .spellings()
                    .map(fold)
                    .filter_map(|spelling| {
                        if spelling == query {
                            Some(0)
                        } else if spelling.starts_with(&query) {
                            Some(1)
                        } else if spelling.contains(&query) {
                            Some(2)
                        } else {
                            None
                        }
                    })
                    .min()?;
                Some((rank, city.id))
            })
            .collect();
        ranked.sort();
        ranked.into_iter().map(|(_, id)| id).collect()
    }
}
