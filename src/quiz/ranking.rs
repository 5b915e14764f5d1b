//! Population ranking: which figure a question uses, which comparisons no source disputes, and
//! the three kinds of question — put cities in order, higher or lower, guess the population.

use rand::RngExt;
use rand::seq::SliceRandom;

use crate::dataset::{Amount, City, CityId, Dataset, PopulationKind, Year};

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

/// Cities with the measure's figure: the pool questions draw from.
fn pool(dataset: &Dataset, measure: Measure) -> Vec<CityId> {
    dataset
        .cities
        .iter()
        .filter(|city| figure(city, measure).is_some())
        .map(|city| city.id)
        .collect()
}

/// `count` cities, every pair of them clearly ordered, in a random order to show.
pub fn pick_orderable(
    dataset: &Dataset,
    count: usize,
    measure: Measure,
    rng: &mut impl rand::Rng,
) -> Option<Vec<CityId>> {
    let mut candidates = pool(dataset, measure);
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
    measure: Measure,
    rng: &mut impl rand::Rng,
) -> Option<(CityId, CityId)> {
    let cities = pick_orderable(dataset, 2, measure, rng)?;
    Some((cities[0], cities[1]))
}

/// A city to guess the population of.
pub fn pick_city(dataset: &Dataset, measure: Measure, rng: &mut impl rand::Rng) -> Option<CityId> {
    let candidates = pool(dataset, measure);
    if candidates.is_empty() {
        None
    } else {
        Some(candidates[rng.random_range(0..candidates.len())])
    }
}

/// Accuracy of an order from Kendall's τ: the share of pairs in the right order, so the true
/// order scores 1 and a fully reversed one 0. Cities missing from the answer count as misplaced.
pub fn order_accuracy(truth: &[CityId], answer: &[CityId]) -> f64 {
    let place = |city: CityId| answer.iter().position(|&c| c == city);
    let mut right = 0usize;
    let mut pairs = 0usize;
    for (i, &a) in truth.iter().enumerate() {
        for &b in &truth[i + 1..] {
            pairs += 1;
            if let (Some(pa), Some(pb)) = (place(a), place(b))
                && pa < pb
            {
                right += 1;
            }
        }
    }
    if pairs == 0 {
        1.0
    } else {
        right as f64 / pairs as f64
    }
}

/// Accuracy of a guessed population: `max(0, 1 − |log10(guess / truth)|)`, so a guess off by a
/// factor of 10 scores nothing and one off by 26 % still scores 0.9.
pub fn guess_accuracy(guess: u32, truth: u32) -> f64 {
    if guess == 0 || truth == 0 {
        return 0.0;
    }
    let error = (f64::from(guess) / f64::from(truth)).log10().abs();
    (1.0 - error).max(0.0)
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
    fn order_accuracy_is_one_for_the_truth_and_zero_reversed() {
        let truth = [CityId(0), CityId(1), CityId(2), CityId(3)];
        assert_eq!(order_accuracy(&truth, &truth), 1.0);
        let reversed: Vec<_> = truth.iter().rev().copied().collect();
        assert_eq!(order_accuracy(&truth, &reversed), 0.0);
        let one_swap = [CityId(1), CityId(0), CityId(2), CityId(3)];
        assert!((order_accuracy(&truth, &one_swap) - 5.0 / 6.0).abs() < 1e-12);
    }

    #[test]
    fn guess_accuracy_falls_with_the_log_error() {
        assert_eq!(guess_accuracy(768_551, 768_551), 1.0);
        assert!((guess_accuracy(7_685_510, 768_551)).abs() < 1e-12);
        assert!((guess_accuracy(384_275, 768_551) - (1.0 - 2f64.log10())).abs() < 1e-4);
        assert_eq!(guess_accuracy(0, 5), 0.0);
    }

    proptest! {
        #[test]
        fn generated_orders_are_never_disputed(seed in any::<u64>(), size in 2usize..=8, urban in any::<bool>()) {
            let d = dataset();
            let measure = if urban { Measure::Urban } else { Measure::Total };
            let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
            let cities = pick_orderable(&d, size, measure, &mut rng).expect("enough clear cities");
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

        #[test]
        fn fixing_a_misplaced_pair_never_lowers_the_order_score(perm in Just(vec![0u16, 1, 2, 3, 4, 5]).prop_shuffle(), i in 0usize..5) {
            let truth: Vec<CityId> = (0..6).map(CityId).collect();
            let answer: Vec<CityId> = perm.iter().map(|&n| CityId(n)).collect();
            let mut better = answer.clone();
            if better[i].0 > better[i + 1].0 {
                better.swap(i, i + 1);
            }
            prop_assert!(order_accuracy(&truth, &better) >= order_accuracy(&truth, &answer));
        }

        #[test]
        fn a_closer_guess_never_scores_less(truth in 1_000u32..5_000_000, a in 1u32..50_000_000, b in 1u32..50_000_000) {
            let error = |g: u32| (f64::from(g) / f64::from(truth)).log10().abs();
            let (closer, farther) = if error(a) <= error(b) { (a, b) } else { (b, a) };
            prop_assert!(guess_accuracy(closer, truth) >= guess_accuracy(farther, truth));
        }
    }
}
