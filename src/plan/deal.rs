//! Turning a plan into questions: one seeded RNG for the whole quiz, its rounds in order.
//!
//! A mixed round lists its kinds in the shares it asks them; the list repeats to make the
//! round's questions and is shuffled. When the round asks each question about another city, it
//! deals each question its subject: a city of its pool (or a fact, for "which city"), the first
//! of the shuffled pool not asked yet that the kind fits — every city once before any twice.
//! Otherwise each kind picks at random, and a question the quiz asked already is drawn again
//! (eight tries). The order of the shuffles is fixed so that a seed replays the same quiz in every
//! version: kinds, then cities — except in a round that deals facts, which shuffles its facts and
//! cities first.

use rand::seq::SliceRandom;

use super::select::{round_pool, subjects};
use super::{Plan, Round, Run};
use crate::dataset::{CityId, CityKey, Dataset, FactId};
use crate::quiz::facts::CityFact;
use crate::quiz::generate::{Deals, Draw, DrawError, Kind, KindOptions, Pool, Subject};
use crate::quiz::placement::Difficulty;
use crate::quiz::population::Measure;
use crate::quiz::{Question, QuizRng, draw, rng_from_seed};

pub use crate::quiz::endless::EndlessRun;

/// The player's settings, used where a plan gives no value of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanChoices {
    pub order_size: usize,
    pub measure: Measure,
    pub difficulty: Difficulty,
}

impl Default for PlanChoices {
    fn default() -> Self {
        Self {
            order_size: 5,
            measure: Measure::Total,
            difficulty: Difficulty::Normal,
        }
    }
}

/// A plan's questions, and the problems met dealing them.
#[derive(Clone, Debug, PartialEq)]
pub struct Dealt {
    pub questions: Vec<Question>,
    /// A round that runs until the first miss: where its next questions come from.
    pub endless: Option<EndlessRun>,
    /// (round index, why a question could not be drawn). A question that cannot be drawn is
    /// left out; the level checker reports these.
    pub problems: Vec<(usize, DrawError)>,
}

/// The questions of `plan` for `seed` (the plan's own seed, when it has one, is the caller's to
/// pass), over the dataset, with `given` cities for a drill.
pub fn deal(
    dataset: &Dataset,
    plan: &Plan,
    choices: &PlanChoices,
    seed: u64,
    given: &[CityKey],
) -> Dealt {
    let given: Vec<CityId> = given
        .iter()
        .filter_map(|key| dataset.city_by_key(key).map(|city| city.id))
        .collect();
    let mut rng = rng_from_seed(seed);
    let mut dealt = Dealt {
        questions: Vec::new(),
        endless: None,
        problems: Vec::new(),
    };
    for (index, round) in plan.rounds.iter().enumerate() {
        let options = KindOptions {
            order_size: round.order_size.unwrap_or(choices.order_size),
            measure: round.measure.unwrap_or(choices.measure),
            board_size: round
                .board_size
                .unwrap_or(KindOptions::default().board_size),
        };
        let pool = round_pool(dataset, round, choices.difficulty, &given);
        let mut problems = Vec::new();
        match round.run {
            Run::UntilMiss => {
                let mut run = EndlessRun::new(rng.clone(), round.kinds.clone(), &pool, options);
                match run.next_question(dataset, None) {
                    Some(first) => dealt.questions.push(first),
                    None => problems.push(DrawError::new(
                        round.kinds.first().copied().unwrap_or(Kind::HigherOrLower),
                        "the round's cities give no question",
                    )),
                }
                dealt.endless = Some(run);
                dealt
                    .problems
                    .extend(problems.into_iter().map(|problem| (index, problem)));
                // An endless round is the last: nothing follows the first miss.
                break;
            }
            Run::EachGiven => {
                let subjects = subjects(round, &pool.cities, &given);
                let mut asked =
                    each_given(round, &pool, &options, &subjects, &mut rng, &mut problems);
                dealt.questions.append(&mut asked);
            }
            Run::Mixed => {
                let mut asked = mixed(
                    round,
                    &pool,
                    &options,
                    &dealt.questions,
                    &mut rng,
                    &mut problems,
                );
                dealt.questions.append(&mut asked);
            }
        }
        dealt
            .problems
            .extend(problems.into_iter().map(|problem| (index, problem)));
    }
    dealt
}

/// A mixed round's questions.
fn mixed(
    round: &Round,
    pool: &Pool<'_>,
    options: &KindOptions,
    before: &[Question],
    rng: &mut QuizRng,
    problems: &mut Vec<DrawError>,
) -> Vec<Question> {
    if round.kinds.is_empty() {
        return Vec::new();
    }
    let distinct = round.each_city_once;
    let deals_facts = distinct && round.kinds.iter().any(|kind| kind.deals() == Deals::Fact);
    let mut facts: Vec<CityFact<'_>> = pool.facts.clone();
    let mut cities: Vec<CityId> = pool.cities.clone();
    if deals_facts {
        facts.shuffle(rng);
        cities.shuffle(rng);
    }
    let mut kinds: Vec<Kind> = (0..round.questions)
        .map(|i| round.kinds[i % round.kinds.len()])
        .collect();
    kinds.shuffle(rng);
    if distinct && !deals_facts {
        cities.shuffle(rng);
    }
    let mut asked: Vec<Question> = before.to_vec();
    let first = asked.len();
    let mut asked_cities: Vec<CityId> = Vec::new();
    let mut asked_facts: Vec<FactId> = Vec::new();
    for kind in kinds {
        let drawn = if distinct {
            let subject = match kind.deals() {
                Deals::Fact => {
                    let unasked = |pair: &&CityFact<'_>| !asked_facts.contains(&pair.fact.id);
                    let pick = facts
                        .iter()
                        .filter(unasked)
                        .find(|pair| !asked_cities.contains(&pair.city.id))
                        .or_else(|| facts.iter().find(unasked))
                        .copied();
                    pick.map(|pair| {
                        asked_facts.push(pair.fact.id.clone());
                        asked_cities.push(pair.city.id);
                        Subject::Fact(pair)
                    })
                }
                Deals::City => {
                    let fits = |city: &CityId| kind.fits(pool, options, *city);
                    let pick = cities
                        .iter()
                        .copied()
                        .find(|city| !asked_cities.contains(city) && fits(city))
                        .or_else(|| cities.iter().copied().find(fits));
                    pick.map(|city| {
                        asked_cities.push(city);
                        Subject::City(city)
                    })
                }
                Deals::Nothing => None,
            };
            if subject.is_none() && kind.deals() != Deals::Nothing {
                problems.push(DrawError::new(
                    kind,
                    "none of the round's cities can be asked this",
                ));
                continue;
            }
            let ctx = Draw {
                pool,
                options,
                subject,
                asked: &asked_cities,
                offer: &[],
            };
            draw(kind, &ctx, rng)
        } else {
            let ctx = Draw {
                pool,
                options,
                subject: None,
                asked: &[],
                offer: &[],
            };
            let mut candidate = draw(kind, &ctx, rng);
            // A few more draws to avoid asking the very same question twice.
            for _ in 1..8 {
                match &candidate {
                    Ok(question) if asked.contains(question) => candidate = draw(kind, &ctx, rng),
                    _ => break,
                }
            }
            candidate
        };
        match drawn {
            Ok(question) => asked.push(question),
            Err(problem) => problems.push(problem),
        }
    }
    asked.split_off(first)
}

/// Each kind about each given city, the other given cities offered among the choices, shuffled.
fn each_given(
    round: &Round,
    pool: &Pool<'_>,
    options: &KindOptions,
    subjects: &[CityId],
    rng: &mut QuizRng,
    problems: &mut Vec<DrawError>,
) -> Vec<Question> {
    let mut questions = Vec::new();
    for &kind in &round.kinds {
        for &city in subjects {
            if !kind.fits(pool, options, city) {
                continue;
            }
            let ctx = Draw {
                pool,
                options,
                subject: Some(Subject::City(city)),
                asked: &[],
                offer: subjects,
            };
            match draw(kind, &ctx, rng) {
                Ok(question) => questions.push(question),
                Err(problem) => problems.push(problem),
            }
        }
    }
    questions.shuffle(rng);
    questions
}
