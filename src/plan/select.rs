//! A round's cities and facts, from its selection, the player's difficulty and the cities given.

use super::{Cities, Facts, Round};
use crate::dataset::{CityId, Dataset};
use crate::quiz::facts::askable_facts;
use crate::quiz::generate::Pool;
use crate::quiz::placement::{Difficulty, city_pool};

/// The cities a selection names, in its order: the dataset's for all and for criteria without
/// `largest`; largest first for the difficulty and `largest`; a list's own order; the given
/// cities first, then every other city largest first (their wrong choices), for `Given`.
pub fn resolve_cities(
    dataset: &Dataset,
    cities: &Cities,
    difficulty: Difficulty,
    given: &[CityId],
) -> Vec<CityId> {
    match cities {
        Cities::All => dataset.cities.iter().map(|city| city.id).collect(),
        Cities::ByDifficulty => city_pool(dataset, difficulty),
        Cities::Listed(keys) => keys
            .iter()
            .filter_map(|key| dataset.city_by_key(key).map(|city| city.id))
            .collect(),
        Cities::Matching(filter) => {
            let matching: Vec<CityId> = dataset
                .cities
                .iter()
                .filter(|city| {
                    (filter.provinces.is_empty()
                        || filter
                            .provinces
                            .contains(&dataset.province(city.province).slug))
                        && (filter.statuses.is_empty() || filter.statuses.contains(&city.status))
                })
                .map(|city| city.id)
                .collect();
            match filter.largest {
                Some(count) => city_pool(dataset, Difficulty::Hard)
                    .into_iter()
                    .filter(|id| matching.contains(id))
                    .take(count)
                    .collect(),
                None => matching,
            }
        }
        Cities::Given => {
            let mut pool = given.to_vec();
            pool.extend(
                city_pool(dataset, Difficulty::Hard)
                    .into_iter()
                    .filter(|id| !given.contains(id)),
            );
            pool
        }
    }
}

/// The subjects of a round: the given cities for a drill, else the whole pool.
pub(super) fn subjects(round: &Round, pool: &[CityId], given: &[CityId]) -> Vec<CityId> {
    if matches!(round.cities, Cities::Given) {
        given.to_vec()
    } else {
        pool.to_vec()
    }
}

/// The round's pool: its cities and the askable facts of those cities on its topics.
pub(super) fn round_pool<'d>(
    dataset: &'d Dataset,
    round: &Round,
    difficulty: Difficulty,
    given: &[CityId],
) -> Pool<'d> {
    let cities = resolve_cities(dataset, &round.cities, difficulty, given);
    let facts = fact_pool(dataset, &round.facts, &cities);
    Pool::new(dataset, cities, facts)
}

fn fact_pool<'d>(
    dataset: &'d Dataset,
    facts: &Facts,
    cities: &[CityId],
) -> Vec<crate::quiz::facts::CityFact<'d>> {
    askable_facts(dataset)
        .into_iter()
        .filter(|pair| cities.contains(&pair.city.id))
        .filter(|pair| facts.topics.is_empty() || facts.topics.contains(&pair.fact.topic))
        .collect()
}
