//! A round without end: one question after another until the first miss (endless higher or
//! lower). It keeps its pool as ids, so it lives in the session and draws the next question
//! when the last one was answered right.

use rand::RngExt;

use super::basics::QuizRng;
use super::facts::askable_facts;
use super::generate::{Draw, Kind, KindOptions, Pool};
use super::{Question, draw};
use crate::dataset::{CityId, Dataset, FactId};

#[derive(Clone, Debug, PartialEq)]
pub struct EndlessRun {
    rng: QuizRng,
    kinds: Vec<Kind>,
    cities: Vec<CityId>,
    facts: Vec<FactId>,
    options: KindOptions,
}

/// Draws before giving up on a question unlike the one before.
const TRIES: usize = 16;

impl EndlessRun {
    pub fn new(rng: QuizRng, kinds: Vec<Kind>, pool: &Pool<'_>, options: KindOptions) -> Self {
        Self {
            rng,
            kinds,
            cities: pool.cities.clone(),
            facts: pool.facts.iter().map(|pair| pair.fact.id.clone()).collect(),
            options,
        }
    }

    /// The next question, never about the very same cities as `previous`; `None` when the pool
    /// cannot give one.
    pub fn next_question(
        &mut self,
        dataset: &Dataset,
        previous: Option<&Question>,
    ) -> Option<Question> {
        let facts = askable_facts(dataset)
            .into_iter()
            .filter(|pair| self.facts.contains(&pair.fact.id))
            .collect();
        let pool = Pool::new(dataset, self.cities.clone(), facts);
        let ctx = Draw {
            pool: &pool,
            options: &self.options,
            subject: None,
            asked: &[],
            offer: &[],
        };
        let same_cities = |question: &Question| {
            previous.is_some_and(|before| {
                let mut a = before.cities();
                let mut b = question.cities();
                a.sort();
                b.sort();
                a == b
            })
        };
        for _ in 0..TRIES {
            // One kind draws nothing to choose it (the seeds of endless higher or lower stay).
            let kind = match self.kinds.as_slice() {
                [] => return None,
                [one] => *one,
                many => many[self.rng.random_range(0..many.len())],
            };
            let question = draw(kind, &ctx, &mut self.rng).ok()?;
            if !same_cities(&question) {
                return Some(question);
            }
        }
        None
    }
}
