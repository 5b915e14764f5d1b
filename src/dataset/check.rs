//! The dataset's rules: every id resolves, every figure has a year and a source, every place
//! lies on the map, no spelling is shared. Every problem is reported at once, with file, line,
//! column and what to write instead.

mod facts;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml::Spanned;

use super::model::*;
use super::raw::*;
use crate::diagnostics::SourceFile;
use crate::geography::{CountryShape, LatLon, MAP_BOUNDS, OUTLINE_SLACK_DEGREES};
use crate::text::fold;

pub(super) fn toml_fix(message: &str) -> String {
    if message.contains("unknown field") {
        "use one of the keys the message lists (see the format at the top of cities.toml)".into()
    } else if message.contains("missing field") {
        "add the missing key to this table".into()
    } else {
        "check the TOML syntax here: quotes around text, = between key and value, [[city]] headers"
            .into()
    }
}

pub(super) struct Checker<'f, 'a> {
    file: &'f mut SourceFile<'a>,
    country: Option<&'f CountryShape>,
    sources: HashMap<String, SourceId>,
    provinces: HashMap<String, ProvinceId>,
    cities: HashMap<String, CityId>,
}

impl<'f, 'a> Checker<'f, 'a> {
    pub(super) fn new(file: &'f mut SourceFile<'a>, country: Option<&'f CountryShape>) -> Self {
        Self {
            file,
            country,
            sources: HashMap::new(),
            provinces: HashMap::new(),
            cities: HashMap::new(),
        }
    }

    pub(super) fn check(mut self, raw: RawDataset) -> Dataset {
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
        self.check_shared_traits(&raw.city, &cities);
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
        let mut keys = HashSet::new();
        let facts = raw
            .fact
            .iter()
            .map(|fact| self.fact(fact, FactOwner::Province(raw.id.get_ref()), &mut keys))
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
        let mut keys = HashSet::new();
        let facts = raw
            .fact
            .iter()
            .map(|fact| self.fact(fact, FactOwner::City(&slug), &mut keys))
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
            place: raw.place.as_ref().map(|place| place.get_ref().clone()),
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

/// Whose fact is being checked: a city's or a province's (by slug).
#[derive(Clone, Copy)]
enum FactOwner<'s> {
    City(&'s str),
    Province(&'s str),
}

impl FactOwner<'_> {
    pub(super) fn slug(self) -> String {
        match self {
            FactOwner::City(slug) | FactOwner::Province(slug) => slug.to_string(),
        }
    }

    pub(super) fn kind(self) -> &'static str {
        match self {
            FactOwner::City(_) => "city",
            FactOwner::Province(_) => "province",
        }
    }
}
