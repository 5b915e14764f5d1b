//! What every question kind builds on: the seeded RNG, a grade and why grading can fail, and a
//! city's name as prompts and feedback write it.

use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;
use serde::{Deserialize, Serialize};

use crate::dataset::{CityKey, Dataset, FactId};

/// The RNG every quiz draws from: portable, so a seed gives the same quiz on every machine.
pub type QuizRng = Xoshiro256PlusPlus;

pub fn rng_from_seed(seed: u64) -> QuizRng {
    QuizRng::seed_from_u64(seed)
}

/// Why an answer could not be graded. Generated questions never fail; a saved question can,
/// after the dataset changed under it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GradeError {
    #[error("a {answer} answer was given to a {question} question")]
    WrongKind {
        question: &'static str,
        answer: &'static str,
    },
    #[error("the dataset has no city \"{0}\"")]
    UnknownCity(CityKey),
    #[error("\"{city}\" has no {figure} figure to grade against")]
    NoFigure { city: CityKey, figure: &'static str },
    #[error("the dataset has no fact \"{}\"", .0.0)]
    UnknownFact(FactId),
    #[error("the quiz is over: there is no question to answer")]
    NoQuestion,
}

/// A kind's grade: accuracy from 0 (all wrong) to 1 (all right), whether it counts as right, and
/// what the feedback shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Graded<F> {
    pub accuracy: f64,
    pub correct: bool,
    pub feedback: F,
}

impl<F> Graded<F> {
    pub(super) fn map<G>(self, into: impl FnOnce(F) -> G) -> Graded<G> {
        Graded {
            accuracy: self.accuracy,
            correct: self.correct,
            feedback: into(self.feedback),
        }
    }
}

/// Several cities' names, in order: "Sinpo, Hamhung".
pub fn describe_cities(dataset: &Dataset, cities: &[CityKey]) -> String {
    cities
        .iter()
        .map(|key| city_name(dataset, key))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A city's English name, or its key if the dataset no longer has it.
pub fn city_name(dataset: &Dataset, key: &CityKey) -> String {
    dataset
        .city_by_key(key)
        .map_or_else(|| key.0.clone(), |city| city.name.clone())
}

/// The seed of "play new questions": the next in a fixed sequence (a 64-bit LCG step mixed with
/// the run's own seed), so a run of quizzes replays from its first seed.
pub fn next_seed(seed: u64, run_seed: u64) -> u64 {
    seed.wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(run_seed | 1)
}
