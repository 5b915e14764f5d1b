//! What the population kinds share: which figure a question uses, which comparisons no source
//! disputes, how cities are drawn for a question, and a figure cited with its year, kind and
//! source for the feedback.

use rand::RngExt;
use rand::seq::SliceRandom;

use serde::{Deserialize, Serialize};

use super::basics::GradeError;
use crate::dataset::{Amount, City, CityId, CityKey, Dataset, PopulationKind, Year};

/// Which census figure a ranking question uses; the question says so.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// Everyone within the city's 2008 boundaries, rural parts included.
    #[default]
    Total,
    /// The urban population only.
    Urban,
}

impl Measure {
    pub fn kind(self) -> PopulationKind {
        match self {
            Measure::Total => PopulationKind::Total,
            Measure::Urban => PopulationKind::Urban,
        }
    }

    /// How a question names the figure.
    pub fn label(self) -> &'static str {
        match self {
            Measure::Total => "total population, 2008 census",
            Measure::Urban => "urban population, 2008 census",
        }
    }
}

/// A population figure as feedback shows it: the number with its year, kind and source, so the
/// player sees what it is, and a saved answer keeps what it was graded against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitedFigure {
    pub city: CityKey,
    pub count: u32,
    pub year: Year,
    pub kind: PopulationKind,
    /// The source's short title, e.g. "DPRK 2008 Population Census".
    pub source: String,
}

impl CitedFigure {
    /// "total, 2008 — DPRK 2008 Population Census"
    pub fn citation(&self) -> String {
        let year = match self.year {
            Year::In(year) => year.to_string(),
            Year::Undated => "undated".into(),
        };
        format!("{}, {year} — {}", self.kind.label(), self.source)
    }
}

/// The city a saved key names, as a handle into this dataset.
pub fn resolve(dataset: &Dataset, key: &CityKey) -> Result<CityId, GradeError> {
    dataset
        .city_by_key(key)
        .map(|city| city.id)
        .ok_or_else(|| GradeError::UnknownCity(key.clone()))
}

/// The figure a question about `measure` grades against, with its citation; an error when the
/// city has none (a dataset changed since the question was made).
pub fn cited_figure(
    dataset: &Dataset,
    city: CityId,
    measure: Measure,
) -> Result<CitedFigure, GradeError> {
    let record = dataset.city(city);
    let population = record
        .population
        .iter()
        .find(|p| p.kind == measure.kind() && p.year != Year::Undated)
        .filter(|p| matches!(p.amount, Amount::Count(_)))
        .ok_or_else(|| GradeError::NoFigure {
            city: dataset.key(city),
            figure: measure.label(),
        })?;
    let title = &dataset.source(population.source).title;
    Ok(CitedFigure {
        city: dataset.key(city),
        count: population.amount.low(),
        year: population.year,
        kind: population.kind,
        source: short_title(title).to_string(),
    })
}

/// A source's title up to its first comma or parenthesis: "DPRK 2008 Population Census".
fn short_title(title: &str) -> &str {
    title.split([',', '(']).next().unwrap_or(title).trim()
}

/// Two figures must be this far apart (the larger at least 10 % above) to count as clear.
pub const CLEAR_MARGIN: f64 = 1.10;

/// The figure a question about `measure` shows for a city: its census count of that kind.
pub fn figure(city: &City, measure: Measure) -> Option<u32> {
    city.population
        .iter()
        .find(|p| p.kind == measure.kind() && p.year != Year::Undated)
        .and_then(|p| match p.amount {
            Amount::Count(n) => Some(n),
            Amount::Range { .. } => None,
        })
}

/// Every figure a comparison must respect, as (low, high): the figures of the measure's kind
/// and every estimate (an estimate is a claim about the whole population).
fn claims(city: &City, measure: Measure) -> impl Iterator<Item = (u32, u32)> + '_ {
    city.population
        .iter()
        .filter(move |p| p.kind == measure.kind() || p.kind == PopulationKind::Estimate)
        .map(|p| (p.amount.low(), p.amount.high()))
}

/// Whether `larger` has more people than `smaller` in a way no cited source disputes: both have
/// the measure's figure, every figure of one is at least 10 % above every figure of the other
/// (ranges included), and no stated ranking puts them the other way round.
pub fn clearly_larger(
    dataset: &Dataset,
    larger: CityId,
    smaller: CityId,
    measure: Measure,
) -> bool {
    if larger == smaller {
        return false;
    }
    let (a, b) = (dataset.city(larger), dataset.city(smaller));
    if figure(a, measure).is_none() || figure(b, measure).is_none() {
        return false;
    }
    let lowest_of_larger = claims(a, measure).map(|(low, _)| low).min();
    let highest_of_smaller = claims(b, measure).map(|(_, high)| high).max();
    let figures_agree = match (lowest_of_larger, highest_of_smaller) {
        (Some(low), Some(high)) => f64::from(low) >= CLEAR_MARGIN * f64::from(high),
        _ => false,
    };
    figures_agree
        && !dataset
            .rankings
            .iter()
            .any(|ranking| ranking.claims_larger(smaller, larger))
}

/// Whether the two cities may be compared at all (one way or the other).
pub fn comparable(dataset: &Dataset, a: CityId, b: CityId, measure: Measure) -> bool {
    clearly_larger(dataset, a, b, measure) || clearly_larger(dataset, b, a, measure)
}

/// The cities sorted largest first by the measure's figure.
pub fn true_order(dataset: &Dataset, cities: &[CityId], measure: Measure) -> Vec<CityId> {
    let mut order = cities.to_vec();
    order.sort_by_key(|&id| std::cmp::Reverse(figure(dataset.city(id), measure).unwrap_or(0)));
    order
}

/// The cities of `among` with the measure's figure, in the dataset's order: the candidates
/// population questions draw from.
fn pool(dataset: &Dataset, among: &[CityId], measure: Measure) -> Vec<CityId> {
    dataset
        .cities
        .iter()
        .filter(|city| among.contains(&city.id) && figure(city, measure).is_some())
        .map(|city| city.id)
        .collect()
}

/// `count` cities, every pair of them clearly ordered, in a random order to show.
pub fn pick_orderable(
    dataset: &Dataset,
    among: &[CityId],
    count: usize,
    measure: Measure,
    rng: &mut impl rand::Rng,
) -> Option<Vec<CityId>> {
    let mut candidates = pool(dataset, among, measure);
    for _attempt in 0..64 {
        candidates.shuffle(rng);
        let mut picked: Vec<CityId> = Vec::with_capacity(count);
        for &city in &candidates {
            if picked
                .iter()
                .all(|&other| comparable(dataset, city, other, measure))
            {
                picked.push(city);
                if picked.len() == count {
                    return Some(picked);
                }
            }
        }
    }
    None
}

/// Two clearly ordered cities, left and right at random.
pub fn pick_pair(
    dataset: &Dataset,
    among: &[CityId],
    measure: Measure,
    rng: &mut impl rand::Rng,
) -> Option<(CityId, CityId)> {
    let cities = pick_orderable(dataset, among, 2, measure, rng)?;
    Some((cities[0], cities[1]))
}

/// A city to guess the population of.
pub fn pick_city(
    dataset: &Dataset,
    among: &[CityId],
    measure: Measure,
    rng: &mut impl rand::Rng,
) -> Option<CityId> {
    let candidates = pool(dataset, among, measure);
    if candidates.is_empty() {
        None
    } else {
        Some(candidates[rng.random_range(0..candidates.len())])
    }
}

/// The lowest and highest figures any source gives for the city (for the guess feedback).
pub fn sources_range(city: &City) -> Option<(u32, u32)> {
    let low = city
        .population
        .iter()
        .map(|p| p.amount.low())
        .filter(|&n| n > 0)
        .min()?;
    let high = city
        .population
        .iter()
        .map(|p| p.amount.high())
        .filter(|&n| n != u32::MAX)
        .max()?;
    Some((low, high))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geography::MapShapes;
    use proptest::prelude::*;
    use rand::SeedableRng;
    use rand::rngs::Xoshiro256PlusPlus;

    fn dataset() -> Dataset {
        let map = MapShapes::built_in().unwrap();
        Dataset::built_in(Some(&map.country)).unwrap()
    }

    fn id(dataset: &Dataset, slug: &str) -> CityId {
        dataset.city_by_slug(slug).unwrap().id
    }

    #[test]
    fn disputed_comparisons_are_never_clear() {
        let d = dataset();
        let m = Measure::Total;
        // Census: Pyongyang far above Hamhung.
        assert!(clearly_larger(
            &d,
            id(&d, "pyongyang"),
            id(&d, "hamhung"),
            m
        ));
        // Hamhung's seed estimate (700,000) is within 10 % of Chongjin's 667,929.
        assert!(!comparable(&d, id(&d, "hamhung"), id(&d, "chongjin"), m));
        // The seed's top ten puts Kaesong above Tanchon; the census the other way round.
        assert!(!comparable(&d, id(&d, "tanchon"), id(&d, "kaesong"), m));
        // Musan "up to 200,000" overlaps Hyesan's 192,680.
        assert!(!comparable(&d, id(&d, "musan"), id(&d, "hyesan"), m));
        // Figures less than 10 % apart: Wonsan 363,127 and Sinuiju 359,341.
        assert!(!comparable(&d, id(&d, "wonsan"), id(&d, "sinuiju"), m));
        // Manpo and Musan have no urban figure.
        assert!(!comparable(
            &d,
            id(&d, "pyongyang"),
            id(&d, "manpo"),
            Measure::Urban
        ));
    }

    #[test]
    fn a_cited_figure_names_year_kind_and_source() {
        let d = dataset();
        let figure = cited_figure(&d, id(&d, "pyongyang"), Measure::Total).unwrap();
        assert_eq!(figure.count, 3_255_288);
        assert_eq!(
            figure.citation(),
            "total, 2008 — DPRK 2008 Population Census"
        );
        let missing = cited_figure(&d, id(&d, "manpo"), Measure::Urban);
        assert!(matches!(missing, Err(GradeError::NoFigure { .. })));
    }

    proptest! {
        #[test]
        fn generated_orders_are_never_disputed(seed in any::<u64>(), size in 2usize..=8, urban in any::<bool>()) {
            let d = dataset();
            let measure = if urban { Measure::Urban } else { Measure::Total };
            let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
            let all: Vec<CityId> = d.cities.iter().map(|city| city.id).collect();
            let cities = pick_orderable(&d, &all, size, measure, &mut rng).expect("enough clear cities");
            prop_assert_eq!(cities.len(), size);
            for (i, &a) in cities.iter().enumerate() {
                for &b in &cities[i + 1..] {
                    prop_assert!(comparable(&d, a, b, measure), "{:?} vs {:?}", a, b);
                }
            }
            let order = true_order(&d, &cities, measure);
            for pair in order.windows(2) {
                prop_assert!(clearly_larger(&d, pair[0], pair[1], measure));
            }
        }

    }
}
