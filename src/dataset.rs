//! The city dataset (assets/data/cities.toml): read from TOML, checked, and turned into typed data.
//!
//! The raw structs mirror the file; `Dataset::parse` checks every rule and reports every problem
//! at once with file, line, column and a fix, or returns data in which every id resolves and
//! every figure has a year and a source. The format is described at the top of the file itself.

use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::{Problems, SourceFile};
use crate::geography::{CountryShape, LatLon};
use crate::names::fold;

/// Where the built-in dataset lives, relative to the assets folder.
pub const DATASET_ASSET: &str = "data/cities.toml";

/// The built-in dataset, compiled in so the game starts wherever it is run from.
pub const BUILT_IN: &str = include_str!("../assets/data/cities.toml");

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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
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

#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub text: String,
    pub topic: Topic,
    pub source: SourceId,
    /// Other cities (or provinces, on a province's fact) the sentence also fits.
    pub also_true_of: Vec<u16>,
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
    /// The built-in dataset, checked against the built-in map.
    pub fn built_in(country: Option<&CountryShape>) -> Result<Dataset, Problems> {
        Dataset::parse("assets/data/cities.toml", BUILT_IN, country)
    }

    /// Reads and checks a dataset. `country`, when given, is the outline coordinates must lie in.
    pub fn parse(
        file_name: &str,
        text: &str,
        country: Option<&CountryShape>,
    ) -> Result<Dataset, Problems> {
        let mut file = SourceFile::new(file_name, text);
        let raw: RawDataset = match toml::from_str(text) {
            Ok(raw) => raw,
            Err(err) => {
                let span = err.span().unwrap_or(0..0);
                file.report(span, err.message().trim(), toml_fix(err.message()));
                return Err(file.into_problems());
            }
        };
        let dataset = Checker::new(&mut file, country).check(raw);
        if file.has_problems() {
            Err(file.into_problems())
        } else {
            Ok(dataset)
        }
    }

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

fn toml_fix(message: &str) -> String {
    if message.contains("unknown field") {
        "use one of the keys the message lists (see the format at the top of cities.toml)".into()
    } else if message.contains("missing field") {
        "add the missing key to this table".into()
    } else {
        "check the TOML syntax here: quotes around text, = between key and value, [[city]] headers"
            .into()
    }
}

// ------------------------------------------------------------------------------- raw file

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDataset {
    #[serde(default)]
    source: Vec<Spanned<RawSource>>,
    #[serde(default)]
    province: Vec<Spanned<RawProvince>>,
    #[serde(default)]
    city: Vec<Spanned<RawCity>>,
    #[serde(default)]
    ranking: Vec<Spanned<RawRanking>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRanking {
    source: Spanned<String>,
    order: Vec<Spanned<String>>,
    #[serde(default)]
    top: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: Spanned<String>,
    title: Spanned<String>,
    url: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProvince {
    id: Spanned<String>,
    name: Spanned<String>,
    name_mr: Spanned<String>,
    hangul: Spanned<String>,
    kind: Spanned<String>,
    iso: String,
    #[serde(default)]
    fact: Vec<Spanned<RawFact>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCity {
    id: Spanned<String>,
    name: Spanned<String>,
    name_mr: Spanned<String>,
    name_rr: Spanned<String>,
    hangul: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    province: Spanned<String>,
    status: Spanned<String>,
    lat: Spanned<f64>,
    lon: Spanned<f64>,
    coord_source: Spanned<String>,
    #[serde(default)]
    population: Vec<Spanned<RawPopulation>>,
    #[serde(default)]
    fact: Vec<Spanned<RawFact>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPopulation {
    count: Option<Spanned<i64>>,
    min: Option<Spanned<i64>>,
    max: Option<Spanned<i64>>,
    year: Option<Spanned<toml::Value>>,
    kind: Spanned<String>,
    source: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFact {
    text: Spanned<String>,
    topic: Spanned<String>,
    source: Option<Spanned<String>>,
    #[serde(default)]
    also_true_of: Vec<Spanned<String>>,
    #[serde(default)]
    generic: bool,
}

// ------------------------------------------------------------------------------- checks

/// Lat/lon must lie in this box: the area the map draws.
pub const MAP_BOUNDS: (LatLon, LatLon) = (
    LatLon {
        lat: 37.0,
        lon: 123.5,
    },
    LatLon {
        lat: 43.5,
        lon: 131.5,
    },
);

/// How far outside the country outline a city may lie: border towns sit on the river that is
/// the border, just outside the simplified outline.
pub const OUTLINE_SLACK_DEGREES: f64 = 0.02;

struct Checker<'f, 'a> {
    file: &'f mut SourceFile<'a>,
    country: Option<&'f CountryShape>,
    sources: HashMap<String, SourceId>,
    provinces: HashMap<String, ProvinceId>,
    cities: HashMap<String, CityId>,
}

impl<'f, 'a> Checker<'f, 'a> {
    fn new(file: &'f mut SourceFile<'a>, country: Option<&'f CountryShape>) -> Self {
        Self {
            file,
            country,
            sources: HashMap::new(),
            provinces: HashMap::new(),
            cities: HashMap::new(),
        }
    }

    fn check(mut self, raw: RawDataset) -> Dataset {
        let sources = raw
            .source
            .iter()
            .enumerate()
            .map(|(index, source)| self.source(index, source.get_ref()))
            .collect();
        // Ids first, so facts may name provinces and cities that come later in the file.
        for (index, province) in raw.province.iter().enumerate() {
            let id = &province.get_ref().id;
            self.register_id(
                id,
                "province",
                |map| &mut map.provinces,
                ProvinceId(index as u16),
            );
        }
        for (index, city) in raw.city.iter().enumerate() {
            let id = &city.get_ref().id;
            self.register_id(id, "city", |map| &mut map.cities, CityId(index as u16));
        }
        let provinces = raw
            .province
            .iter()
            .map(|province| self.province(province.get_ref()))
            .collect();
        let cities: Vec<City> = raw
            .city
            .iter()
            .enumerate()
            .map(|(index, city)| self.city(CityId(index as u16), city))
            .collect();
        self.check_spellings_are_unique(&raw.city);
        let rankings = raw
            .ranking
            .iter()
            .map(|ranking| self.ranking(ranking))
            .collect();
        Dataset {
            sources,
            provinces,
            cities,
            rankings,
        }
    }

    fn ranking(&mut self, spanned: &Spanned<RawRanking>) -> Ranking {
        let raw = spanned.get_ref();
        let source = self.source_ref(Some(&raw.source), spanned.span(), "a ranking");
        let order = raw
            .order
            .iter()
            .filter_map(|id| {
                let found = self.cities.get(id.get_ref().as_str()).copied();
                if found.is_none() {
                    self.report(
                        id.span(),
                        format!("the ranking names the unknown city \"{}\"", id.get_ref()),
                        "list [[city]] ids, largest first",
                    );
                }
                found
            })
            .collect();
        Ranking {
            source,
            order,
            top: raw.top,
        }
    }

    fn report(&mut self, span: Range<usize>, message: impl Into<String>, fix: impl Into<String>) {
        self.file.report(span, message, fix);
    }

    fn source(&mut self, index: usize, raw: &RawSource) -> Source {
        let slug = raw.id.get_ref().trim().to_string();
        if slug.is_empty() {
            self.report(
                raw.id.span(),
                "a source has an empty id",
                "write a short id, e.g. id = \"census2008\"",
            );
        } else if self
            .sources
            .insert(slug.clone(), SourceId(index as u16))
            .is_some()
        {
            self.report(
                raw.id.span(),
                format!("the source id \"{slug}\" is used twice"),
                "give each [[source]] its own id",
            );
        }
        if raw.title.get_ref().trim().is_empty() {
            self.report(
                raw.title.span(),
                format!("the source \"{slug}\" has an empty title"),
                "write what the source is: author, title, year",
            );
        }
        Source {
            slug,
            title: raw.title.get_ref().clone(),
            url: raw.url.clone(),
            note: raw.note.clone(),
        }
    }

    fn register_id<T: Copy>(
        &mut self,
        id: &Spanned<String>,
        what: &str,
        table: impl Fn(&mut Self) -> &mut HashMap<String, T>,
        value: T,
    ) {
        let slug = id.get_ref().trim().to_string();
        let valid = !slug.is_empty()
            && slug
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid {
            self.report(
                id.span(),
                format!("the {what} id \"{slug}\" is not a slug"),
                "write lowercase letters, digits and hyphens only, e.g. id = \"south-hamgyong\"",
            );
            return;
        }
        if table(self).insert(slug.clone(), value).is_some() {
            self.report(
                id.span(),
                format!("the {what} id \"{slug}\" is used twice"),
                format!("give each {what} its own id, e.g. \"{slug}-2\""),
            );
        }
    }

    fn source_ref(
        &mut self,
        source: Option<&Spanned<String>>,
        table_span: Range<usize>,
        what: &str,
    ) -> SourceId {
        let Some(source) = source else {
            self.report(
                table_span,
                format!("{what} has no source"),
                "add source = \"…\" naming one of the [[source]] ids",
            );
            return SourceId(0);
        };
        match self.sources.get(source.get_ref().as_str()) {
            Some(&id) => id,
            None => {
                let known = self.known(&self.sources);
                self.report(
                    source.span(),
                    format!("{what} cites the unknown source \"{}\"", source.get_ref()),
                    format!(
                        "use one of the [[source]] ids ({known}) or add a [[source]] with this id"
                    ),
                );
                SourceId(0)
            }
        }
    }

    fn known<T>(&self, table: &HashMap<String, T>) -> String {
        let mut ids: Vec<&str> = table.keys().map(String::as_str).collect();
        ids.sort_unstable();
        if ids.len() > 8 {
            format!("{}, …", ids[..8].join(", "))
        } else {
            ids.join(", ")
        }
    }

    fn non_empty(&mut self, value: &Spanned<String>, key: &str, example: &str) -> String {
        let text = value.get_ref().trim();
        if text.is_empty() {
            self.report(
                value.span(),
                format!("{key} is empty"),
                format!("write it, e.g. {key} = \"{example}\""),
            );
        }
        text.to_string()
    }

    fn province(&mut self, raw: &RawProvince) -> Province {
        let kind = match raw.kind.get_ref().as_str() {
            "province" => ProvinceKind::Province,
            "capital city" => ProvinceKind::CapitalCity,
            "special city" => ProvinceKind::SpecialCity,
            other => {
                self.report(
                    raw.kind.span(),
                    format!("\"{other}\" is not a kind of province"),
                    "write kind = \"province\", \"capital city\" or \"special city\"",
                );
                ProvinceKind::Province
            }
        };
        let facts = raw
            .fact
            .iter()
            .map(|fact| self.fact(fact, FactOwner::Province(raw.id.get_ref())))
            .collect();
        Province {
            slug: raw.id.get_ref().trim().to_string(),
            name: self.non_empty(&raw.name, "name", "South Hamgyong"),
            name_mr: self.non_empty(&raw.name_mr, "name_mr", "Hamgyŏng-namdo"),
            hangul: self.non_empty(&raw.hangul, "hangul", "함경남도"),
            kind,
            iso: raw.iso.clone(),
            facts,
        }
    }

    fn city(&mut self, id: CityId, spanned: &Spanned<RawCity>) -> City {
        let raw = spanned.get_ref();
        let slug = raw.id.get_ref().trim().to_string();
        let province = match self.provinces.get(raw.province.get_ref().as_str()) {
            Some(&province) => province,
            None => {
                let known = self.known(&self.provinces);
                self.report(
                    raw.province.span(),
                    format!(
                        "\"{slug}\" is in the unknown province \"{}\"",
                        raw.province.get_ref()
                    ),
                    format!("use one of the [[province]] ids: {known}"),
                );
                ProvinceId(0)
            }
        };
        let status = match raw.status.get_ref().as_str() {
            "capital" => CityStatus::Capital,
            "special city" => CityStatus::SpecialCity,
            "provincial capital" => CityStatus::ProvincialCapital,
            "city" => CityStatus::City,
            "county" => CityStatus::County,
            other => {
                self.report(
                    raw.status.span(),
                    format!("\"{other}\" is not a city status"),
                    "write status = \"capital\", \"special city\", \"provincial capital\", \"city\" or \"county\"",
                );
                CityStatus::City
            }
        };
        let location = LatLon {
            lat: *raw.lat.get_ref(),
            lon: *raw.lon.get_ref(),
        };
        self.check_location(&slug, location, raw);
        let coord_source = self.source_ref(
            Some(&raw.coord_source),
            raw.coord_source.span(),
            &format!("the coordinates of \"{slug}\""),
        );
        let population: Vec<Population> = raw
            .population
            .iter()
            .filter_map(|figure| self.population(&slug, figure))
            .collect();
        if raw.population.is_empty() {
            self.report(
                raw.id.span(),
                format!("\"{slug}\" has no population figure"),
                "add a [[city.population]] table with count, year, kind and source",
            );
        }
        let facts = raw
            .fact
            .iter()
            .map(|fact| self.fact(fact, FactOwner::City(&slug)))
            .collect();
        City {
            id,
            slug,
            name: self.non_empty(&raw.name, "name", "Hamhung"),
            name_mr: self.non_empty(&raw.name_mr, "name_mr", "Hamhŭng"),
            name_rr: self.non_empty(&raw.name_rr, "name_rr", "Hamheung"),
            hangul: self.non_empty(&raw.hangul, "hangul", "함흥"),
            aliases: raw
                .aliases
                .iter()
                .map(|a| a.get_ref().trim().to_string())
                .collect(),
            province,
            status,
            location,
            coord_source,
            population,
            facts,
        }
    }

    fn check_location(&mut self, slug: &str, at: LatLon, raw: &RawCity) {
        let (low, high) = MAP_BOUNDS;
        let on_map =
            (low.lat..=high.lat).contains(&at.lat) && (low.lon..=high.lon).contains(&at.lon);
        if !on_map {
            let span = if (low.lat..=high.lat).contains(&at.lat) {
                raw.lon.span()
            } else {
                raw.lat.span()
            };
            self.report(
                span,
                format!("\"{slug}\" at lat {}, lon {} is outside the map", at.lat, at.lon),
                format!(
                    "write decimal degrees with lat from {} to {} and lon from {} to {} (north and east are positive)",
                    low.lat, high.lat, low.lon, high.lon
                ),
            );
            return;
        }
        if let Some(country) = self.country {
            let outside = country.degrees_outside(at);
            if outside > OUTLINE_SLACK_DEGREES {
                self.report(
                    raw.lat.span(),
                    format!("\"{slug}\" at lat {}, lon {} lies {outside:.3}° outside North Korea", at.lat, at.lon),
                    "check the coordinates (and that lat and lon are not swapped) against an atlas or GeoNames",
                );
            }
        }
    }

    fn population(&mut self, slug: &str, spanned: &Spanned<RawPopulation>) -> Option<Population> {
        let raw = spanned.get_ref();
        let span = spanned.span();
        let mut ok = true;
        let mut number = |this: &mut Self, value: &Option<Spanned<i64>>| -> Option<u32> {
            let value = value.as_ref()?;
            match u32::try_from(*value.get_ref()) {
                Ok(n) if n > 0 => Some(n),
                _ => {
                    this.report(
                        value.span(),
                        format!(
                            "the population {} of \"{slug}\" is not a positive whole number",
                            value.get_ref()
                        ),
                        "write the number of people without separators, e.g. 768551",
                    );
                    ok = false;
                    None
                }
            }
        };
        let count = number(self, &raw.count);
        let min = number(self, &raw.min);
        let max = number(self, &raw.max);
        let amount = match (count, min, max) {
            (Some(n), None, None) => Some(Amount::Count(n)),
            (None, Some(_), _) | (None, _, Some(_)) => {
                if let (Some(low), Some(high)) = (min, max)
                    && low > high
                {
                    let at = raw.min.as_ref().map_or(span.clone(), Spanned::span);
                    self.report(
                        at,
                        format!(
                            "the population range of \"{slug}\" has min {low} above max {high}"
                        ),
                        "swap min and max, or correct one of them",
                    );
                    ok = false;
                }
                Some(Amount::Range { min, max })
            }
            (Some(_), _, _) => {
                self.report(
                    span.clone(),
                    format!("a population figure of \"{slug}\" has both count and a range"),
                    "keep count = N for one figure, or min/max for a range, not both",
                );
                None
            }
            (None, None, None) => {
                if ok {
                    self.report(
                        span.clone(),
                        format!("a population figure of \"{slug}\" has no number"),
                        "add count = N, or min = N and/or max = N for a range",
                    );
                }
                None
            }
        };
        let year = match &raw.year {
            None => {
                self.report(span.clone(), format!("a population figure of \"{slug}\" has no year"), "add year = 2008 (the year the figure is for), or year = \"undated\" if the source gives none");
                None
            }
            Some(year) => match year.get_ref() {
                toml::Value::Integer(y) if (1800..=2100).contains(y) => Some(Year::In(*y as u16)),
                toml::Value::String(text) if text == "undated" => Some(Year::Undated),
                other => {
                    self.report(
                        year.span(),
                        format!("{other} is not a year"),
                        "write year = 2008, or year = \"undated\" if the source gives none",
                    );
                    None
                }
            },
        };
        let kind = match raw.kind.get_ref().as_str() {
            "total" => Some(PopulationKind::Total),
            "urban" => Some(PopulationKind::Urban),
            "estimate" => Some(PopulationKind::Estimate),
            other => {
                self.report(
                    raw.kind.span(),
                    format!("\"{other}\" is not a kind of population figure"),
                    "write kind = \"total\", \"urban\" or \"estimate\"",
                );
                None
            }
        };
        let source = self.source_ref(
            raw.source.as_ref(),
            span,
            &format!("a population figure of \"{slug}\""),
        );
        Some(Population {
            amount: amount.filter(|_| ok)?,
            year: year?,
            kind: kind?,
            source,
        })
    }

    fn fact(&mut self, spanned: &Spanned<RawFact>, owner: FactOwner) -> Fact {
        let raw = spanned.get_ref();
        let owner_slug = owner.slug();
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
            text,
            topic,
            source,
            also_true_of,
            generic: raw.generic,
        }
    }

    /// No two cities may share a spelling: a typed answer must name one city.
    fn check_spellings_are_unique(&mut self, cities: &[Spanned<RawCity>]) {
        let mut seen: HashMap<String, String> = HashMap::new();
        for city in cities {
            let raw = city.get_ref();
            let slug = raw.id.get_ref().as_str();
            let spellings = [&raw.name, &raw.name_mr, &raw.name_rr, &raw.hangul]
                .into_iter()
                .chain(&raw.aliases);
            let mut own: Vec<String> = Vec::new();
            for spelling in spellings {
                let folded = fold(spelling.get_ref());
                if folded.is_empty() || own.contains(&folded) {
                    continue;
                }
                own.push(folded.clone());
                if let Some(other) = seen.get(&folded) {
                    self.report(
                        spelling.span(),
                        format!(
                            "the name \"{}\" of \"{slug}\" is also a name of \"{other}\"",
                            spelling.get_ref()
                        ),
                        "each spelling may belong to one city only: remove it from one of them",
                    );
                } else {
                    seen.insert(folded, slug.to_string());
                }
            }
        }
    }
}

#[derive(Clone, Copy)]
enum FactOwner<'s> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geography::{MapShapes, distance_km};

    const SEED_FILES: [&str; 4] = [
        "000_94b79746cb7df676.txt",
        "001_cbd80db4a2371350.txt",
        "002_526ff2c019d1b34c.txt",
        "003_6e473d90ee99f913.txt",
    ];

    fn shipped() -> Dataset {
        let map = MapShapes::built_in().unwrap();
        match Dataset::built_in(Some(&map.country)) {
            Ok(dataset) => dataset,
            Err(problems) => panic!("the shipped dataset has problems:\n{problems}"),
        }
    }

    #[test]
    fn shipped_dataset_has_every_census_city_and_musan_with_census_figures() {
        let dataset = shipped();
        let census = dataset
            .sources
            .iter()
            .position(|s| s.slug == "census2008")
            .unwrap();
        let expected = [
            ("pyongyang", 3_255_288, Some(2_581_076)),
            ("hamhung", 768_551, Some(703_610)),
            ("chongjin", 667_929, Some(614_892)),
            ("nampo", 366_815, Some(310_864)),
            ("kaesong", 308_440, Some(192_578)),
            ("rason", 196_954, Some(158_337)),
            ("manpo", 116_760, None),
            ("musan", 123_721, None),
        ];
        for (slug, total, urban) in expected {
            let city = dataset
                .city_by_slug(slug)
                .unwrap_or_else(|| panic!("{slug} is missing"));
            let total_figure = city.figure(PopulationKind::Total).unwrap();
            assert_eq!(total_figure.amount, Amount::Count(total), "{slug}");
            assert_eq!(total_figure.year, Year::In(2008));
            assert_eq!(usize::from(total_figure.source.0), census);
            assert_eq!(
                city.figure(PopulationKind::Urban).map(|p| p.amount),
                urban.map(Amount::Count),
                "{slug}"
            );
        }
        let census_cities = dataset
            .cities
            .iter()
            .filter(|c| {
                c.population
                    .iter()
                    .any(|p| usize::from(p.source.0) == census && p.kind == PopulationKind::Total)
            })
            .count();
        assert_eq!(census_cities, 28, "the 27 census cities and Musan county");
    }

    #[test]
    fn shipped_coordinates_are_within_10_km_of_the_reference_table() {
        let dataset = shipped();
        let fixture = include_str!("../tests/fixtures/census_coords.csv");
        let mut checked = 0;
        for line in fixture.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let fields: Vec<&str> = line.split(',').collect();
            let (slug, lat, lon) = (
                fields[0],
                fields[2].parse().unwrap(),
                fields[3].parse().unwrap(),
            );
            let city = dataset
                .city_by_slug(slug)
                .unwrap_or_else(|| panic!("{slug} is missing"));
            let km = distance_km(city.location, LatLon { lat, lon });
            assert!(km < 10.0, "{slug} is {km:.1} km from the reference");
            checked += 1;
        }
        assert_eq!(checked, 28);
    }

    #[test]
    fn every_seed_city_has_three_facts_citing_a_seed_and_no_fact_is_empty() {
        let dataset = shipped();
        let seed_ids: Vec<usize> = SEED_FILES
            .iter()
            .map(|name| {
                dataset
                    .sources
                    .iter()
                    .position(|s| s.slug == *name)
                    .unwrap()
            })
            .collect();
        for slug in [
            "pyongyang",
            "hamhung",
            "chongjin",
            "nampo",
            "wonsan",
            "sinuiju",
            "kaesong",
            "rason",
            "pyongsong",
            "kimchaek",
            "musan",
        ] {
            let city = dataset.city_by_slug(slug).unwrap();
            let from_seeds = city
                .facts
                .iter()
                .filter(|f| seed_ids.contains(&usize::from(f.source.0)))
                .count();
            assert!(
                from_seeds >= 3,
                "{slug} has {from_seeds} facts from the seeds"
            );
        }
        for city in &dataset.cities {
            assert!(
                city.facts.len() >= 2,
                "{} has {} facts",
                city.slug,
                city.facts.len()
            );
            for fact in &city.facts {
                assert!(!fact.text.trim().is_empty(), "{}", city.slug);
            }
        }
        let hamhung = dataset.city_by_slug("hamhung").unwrap();
        assert!(hamhung.population.contains(&Population {
            amount: Amount::Range {
                min: Some(700_000),
                max: Some(800_000)
            },
            year: Year::Undated,
            kind: PopulationKind::Estimate,
            source: SourceId(seed_ids[1] as u16),
        }));
        let musan = dataset.city_by_slug("musan").unwrap();
        assert!(musan.population.iter().any(|p| p.amount
            == Amount::Range {
                min: None,
                max: Some(200_000)
            }));
    }

    #[test]
    fn the_seed_top_ten_is_a_ranking_that_disagrees_with_the_census() {
        let dataset = shipped();
        assert_eq!(dataset.rankings.len(), 1);
        let ranking = &dataset.rankings[0];
        let id = |slug| dataset.city_by_slug(slug).unwrap().id;
        assert!(
            ranking.claims_larger(id("kaesong"), id("tanchon")),
            "listed above unlisted"
        );
        assert!(ranking.claims_larger(id("hamhung"), id("chongjin")));
        assert!(!ranking.claims_larger(id("chongjin"), id("hamhung")));
        assert!(
            !ranking.claims_larger(id("tanchon"), id("sariwon")),
            "no claim between unlisted"
        );
    }

    #[test]
    fn search_finds_a_city_by_any_spelling() {
        let dataset = shipped();
        let first = |query: &str| {
            dataset
                .search(query)
                .first()
                .map(|&id| dataset.city(id).slug.clone())
        };
        assert_eq!(first("hamhung").as_deref(), Some("hamhung"));
        assert_eq!(first("HAMHŬNG").as_deref(), Some("hamhung"));
        assert_eq!(first("함흥").as_deref(), Some("hamhung"));
        assert_eq!(first("Chinnampo").as_deref(), Some("nampo"));
        assert_eq!(first("songjin").as_deref(), Some("kimchaek"));
        assert_eq!(first("p'yŏngyang").as_deref(), Some("pyongyang"));
        assert!(dataset.search("").is_empty());
        assert!(dataset.search("zzz").is_empty());
        // A prefix finds every city it starts, whole matches first.
        let chong: Vec<_> = dataset
            .search("chong")
            .iter()
            .map(|&id| dataset.city(id).slug.clone())
            .collect();
        assert!(
            chong.contains(&"chongjin".to_string()) && chong.contains(&"chongju".to_string()),
            "{chong:?}"
        );
    }

    // ---- the validator, one broken dataset per rule

    const GOOD: &str = r#"
[[source]]
id = "census"
title = "A census"

[[province]]
id = "north"
name = "North"
name_mr = "Puk"
hangul = "북"
kind = "province"
iso = "KP-99"

[[city]]
id = "alpha"
name = "Alpha"
name_mr = "Alp'a"
name_rr = "Alpa"
hangul = "알파"
aliases = ["Old Alpha"]
province = "north"
status = "city"
lat = 39.0
lon = 125.7
coord_source = "census"

[[city.population]]
count = 1000
year = 2008
kind = "total"
source = "census"

[[city.fact]]
text = "It is a test city."
topic = "geography"
source = "census"
"#;

    /// Parses GOOD with one text replacement and returns the problems as printed.
    fn problems_after(from: &str, to: &str) -> Vec<String> {
        assert!(GOOD.contains(from), "{from}");
        let text = GOOD.replacen(from, to, 1);
        match Dataset::parse("test.toml", &text, None) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.0.iter().map(ToString::to_string).collect(),
        }
    }

    fn line_of(text: &str) -> usize {
        GOOD.lines().position(|l| l.contains(text)).unwrap() + 1
    }

    #[test]
    fn the_good_example_passes() {
        let dataset = Dataset::parse("test.toml", GOOD, None).unwrap();
        assert_eq!(dataset.cities[0].name, "Alpha");
    }

    /// A second, valid city table to append to GOOD.
    fn extra_city(id: &str, name_mr: &str) -> String {
        format!(
            "\n[[city]]\nid = \"{id}\"\nname = \"Beta\"\nname_mr = \"{name_mr}\"\nname_rr = \"Beta\"\n\
             hangul = \"베타\"\nprovince = \"north\"\nstatus = \"city\"\nlat = 39.0\nlon = 125.7\n\
             coord_source = \"census\"\n[[city.population]]\ncount = 5\nyear = 2008\nkind = \"total\"\n\
             source = \"census\"\n"
        )
    }

    fn line_in(text: &str, needle: &str, nth: usize) -> usize {
        text.lines()
            .enumerate()
            .filter(|(_, line)| line.contains(needle))
            .nth(nth)
            .unwrap()
            .0
            + 1
    }

    #[test]
    fn duplicate_city_ids_name_the_second_line() {
        let text = format!("{GOOD}{}", extra_city("alpha", "Pet'a"));
        let problems = Dataset::parse("test.toml", &text, None).unwrap_err().0;
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0]
                .message
                .contains("the city id \"alpha\" is used twice")
        );
        assert_eq!(problems[0].line, line_in(&text, "id = \"alpha\"", 1));
    }

    #[test]
    fn a_name_shared_by_two_cities_is_reported() {
        let text = format!("{GOOD}{}", extra_city("beta", "ALPHA"));
        let problems = Dataset::parse("test.toml", &text, None).unwrap_err().0;
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0]
                .message
                .contains("\"ALPHA\" of \"beta\" is also a name of \"alpha\"")
        );
        assert_eq!(problems[0].line, line_in(&text, "ALPHA", 0));
    }

    #[test]
    fn a_coordinate_off_the_map_names_its_line() {
        let problems = problems_after("lat = 39.0", "lat = 93.0");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with(&format!(
                "test.toml:{}:7: \"alpha\" at lat 93",
                line_of("lat = 39.0")
            )),
            "{}",
            problems[0]
        );
        assert!(problems[0].contains("fix: write decimal degrees"));
    }

    #[test]
    fn a_coordinate_outside_the_country_is_reported_with_its_distance() {
        let map = MapShapes::built_in().unwrap();
        // Seoul: on the map, but well outside North Korea.
        let text = GOOD
            .replace("lat = 39.0", "lat = 37.57")
            .replace("lon = 125.7", "lon = 126.98");
        let problems = Dataset::parse("test.toml", &text, Some(&map.country))
            .unwrap_err()
            .0;
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].message.contains("outside North Korea"),
            "{}",
            problems[0]
        );
        assert_eq!(problems[0].line, line_of("lat = 39.0"));
    }

    #[test]
    fn a_population_without_year_or_source_is_reported() {
        let problems = problems_after("year = 2008\n", "");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("has no year"));
        assert!(problems[0].contains("year = \"undated\""));
        assert!(
            problems[0].starts_with(&format!("test.toml:{}:", line_of("[[city.population]]"))),
            "{}",
            problems[0]
        );

        let problems = problems_after("kind = \"total\"\nsource = \"census\"", "kind = \"total\"");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("has no source"));

        let problems = problems_after(
            "kind = \"total\"\nsource = \"census\"",
            "kind = \"total\"\nsource = \"nowhere\"",
        );
        assert!(
            problems[0].contains("unknown source \"nowhere\""),
            "{problems:?}"
        );
        assert!(problems[0].contains("use one of the [[source]] ids (census)"));
    }

    #[test]
    fn min_above_max_is_reported() {
        let problems = problems_after("count = 1000", "min = 900\nmax = 800");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("min 900 above max 800"));
        assert!(
            problems[0].starts_with(&format!("test.toml:{}:", line_of("count = 1000"))),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn an_empty_fact_is_reported() {
        let problems = problems_after("It is a test city.", "  ");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("a fact about \"alpha\" is empty"));
        assert!(problems[0].starts_with(&format!("test.toml:{}:", line_of("It is a test city."))));
    }

    #[test]
    fn an_unknown_province_lists_the_known_ones() {
        let problems = problems_after("province = \"north\"", "province = \"nowhere\"");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("unknown province \"nowhere\""));
        assert!(problems[0].contains("fix: use one of the [[province]] ids: north"));
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let text = GOOD
            .replacen("province = \"north\"", "province = \"nowhere\"", 1)
            .replacen("It is a test city.", "", 1)
            .replacen("status = \"city\"", "status = \"town\"", 1);
        let problems = Dataset::parse("test.toml", &text, None).unwrap_err().0;
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems.windows(2).all(|w| w[0].line <= w[1].line),
            "in file order"
        );
    }

    #[test]
    fn syntax_errors_and_unknown_keys_point_at_the_place() {
        let problems = problems_after("status = \"city\"", "status = city");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with(&format!("test.toml:{}:", line_of("status = \"city\""))),
            "{}",
            problems[0]
        );

        let problems = problems_after("status = \"city\"", "status = \"city\"\npopulaton = 5");
        assert!(problems[0].contains("unknown field"), "{problems:?}");
        assert!(
            problems[0].starts_with(&format!("test.toml:{}:", line_of("status = \"city\"") + 1)),
            "{}",
            problems[0]
        );
    }
}
