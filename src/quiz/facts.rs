//! What the fact kinds share: which facts may be asked, whether a fact fits a city, finding a
//! fact by its id, the citation shown with it, and plausible wrong cities.
//!
//! A fact is asked only where it cannot mislead: never a `generic` one (it fits many places),
//! and a wrong choice is never a city the fact is also true of (`also_true_of`).

use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

use super::basics::{GradeError, QuizRng};
use crate::dataset::{City, CityId, Dataset, Fact, FactId};
use crate::geography::distance_km;

/// A fact with the city it belongs to.
#[derive(Clone, Copy, Debug)]
pub struct CityFact<'d> {
    pub city: &'d City,
    pub fact: &'d Fact,
}

impl CityFact<'_> {
    /// Whether the sentence is true of `city`: its own city, or one it also fits.
    pub fn fits(&self, city: CityId) -> bool {
        self.city.id == city || self.fact.also_true_of.contains(&city.0)
    }
}

/// Every city fact a question may ask about (none that fits many places), in dataset order.
pub fn askable_facts(dataset: &Dataset) -> Vec<CityFact<'_>> {
    dataset
        .cities
        .iter()
        .flat_map(|city| city.facts.iter().map(move |fact| CityFact { city, fact }))
        .filter(|pair| !pair.fact.generic)
        .collect()
}

/// The city fact with this id, or an error naming it if the dataset no longer has it.
pub fn resolve_fact<'d>(dataset: &'d Dataset, id: &FactId) -> Result<CityFact<'d>, GradeError> {
    dataset
        .cities
        .iter()
        .find_map(|city| {
            city.facts
                .iter()
                .find(|fact| fact.id == *id)
                .map(|fact| CityFact { city, fact })
        })
        .ok_or_else(|| GradeError::UnknownFact(id.clone()))
}

/// A fact as the feedback shows it: the sentence and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitedFact {
    pub id: FactId,
    pub text: String,
    /// The cited source's title.
    pub source: String,
}

impl CitedFact {
    pub fn new(dataset: &Dataset, fact: &Fact) -> Self {
        Self {
            id: fact.id.clone(),
            text: fact.text.clone(),
            source: dataset.source(fact.source).title.clone(),
        }
    }
}

/// `count` cities the fact is not true of, the most plausible first: the same province, the
/// same status (provincial capital, special city, …), or near the fact's city, with a random
/// order among equally plausible ones. Cities of `among` come first; others only where `among`
/// has too few.
pub fn plausible_wrong_cities(
    dataset: &Dataset,
    among: &[CityId],
    fact: CityFact<'_>,
    count: usize,
    rng: &mut QuizRng,
) -> Vec<CityId> {
    let owner = fact.city;
    let plausibility = |city: &City| {
        u8::from(city.province == owner.province) * 2
            + u8::from(city.status == owner.status)
            + u8::from(distance_km(city.location, owner.location) < 150.0)
    };
    let mut ranked = |inside: bool| {
        let mut cities: Vec<&City> = dataset
            .cities
            .iter()
            .filter(|city| among.contains(&city.id) == inside && !fact.fits(city.id))
            .collect();
        cities.shuffle(rng);
        // A stable sort keeps the shuffled order among cities equally plausible.
        cities.sort_by_key(|city| std::cmp::Reverse(plausibility(city)));
        cities
    };
    let mut candidates = ranked(true);
    if candidates.len() < count {
        candidates.extend(ranked(false));
    }
    // Not always the very most plausible: pick among the best twice as many.
    let mut best: Vec<CityId> = candidates.iter().take(count * 2).map(|c| c.id).collect();
    best.shuffle(rng);
    best.truncate(count);
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::{all_cities, rng_from_seed, test_dataset};

    #[test]
    fn generic_facts_are_never_asked_and_every_fact_resolves() {
        let d = test_dataset();
        let facts = askable_facts(&d);
        assert!(facts.len() > 60, "{}", facts.len());
        assert!(facts.iter().all(|pair| !pair.fact.generic));
        for pair in &facts {
            let found = resolve_fact(&d, &pair.fact.id).unwrap();
            assert_eq!(found.city.id, pair.city.id);
        }
        assert!(matches!(
            resolve_fact(&d, &FactId("atlantis/sunk".into())),
            Err(GradeError::UnknownFact(_))
        ));
    }

    #[test]
    fn wrong_cities_never_fit_the_fact() {
        let d = test_dataset();
        let mut rng = rng_from_seed(1);
        for pair in askable_facts(&d) {
            let wrong = plausible_wrong_cities(&d, &all_cities(&d), pair, 3, &mut rng);
            assert_eq!(wrong.len(), 3);
            for city in wrong {
                assert!(
                    !pair.fits(city),
                    "{} fits {}",
                    pair.fact.id.0,
                    d.city(city).slug
                );
            }
        }
    }
}
