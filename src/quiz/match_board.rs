//! The match board (like Quizlet's Match): 4–8 facts and as many cities. Pick a fact, then a
//! city; a right pair locks with ✔ and moves aside, a wrong pair is marked ✖ and counts a miss.
//! Each city appears once and each fact fits exactly one city on the board. The clock stops at
//! the last pair.
//!
//! # Score (`board_accuracy`)
//! With `n` pairs, `m` misses and `t` seconds: accuracy = `max(0, 1 − m / n) × speed`, where
//! speed = 1 up to a par of `PAR_SECONDS_PER_PAIR × n` (6 s a pair) and `max(0.5, par / t)`
//! beyond it: a slow board keeps at least half, each miss costs a pair's share. The board keeps
//! its own clock, so the quiz's time rule does not apply to it again. It counts as right with
//! no miss.

use rand::RngExt;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

use super::basics::{GradeError, Graded, QuizRng};
use super::facts::{CitedFact, CityFact, resolve_fact};
use super::generate::{Draw, DrawError, Kind};
use super::population::resolve;
use crate::dataset::{CityId, CityKey, Dataset, FactId};

/// Pairs on a board.
pub const SIZES: std::ops::RangeInclusive<usize> = 4..=8;
/// Seconds a pair may take before speed costs points.
pub const PAR_SECONDS_PER_PAIR: f64 = 6.0;

/// The share of the points a board earns.
pub fn board_accuracy(pairs: usize, misses: u32, seconds: f64) -> f64 {
    if pairs == 0 {
        return 0.0;
    }
    let n = pairs as f64;
    let accuracy = (1.0 - f64::from(misses) / n).max(0.0);
    let par = PAR_SECONDS_PER_PAIR * n;
    let speed = if seconds.is_finite() && seconds > par {
        (par / seconds).max(0.5)
    } else {
        1.0
    };
    accuracy * speed
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchBoardQuestion {
    /// The facts in the order shown (labelled A, B, …).
    pub facts: Vec<FactId>,
    /// The cities in the order shown (numbered 1, 2, …).
    pub cities: Vec<CityKey>,
}

/// A finished board: how many wrong pairs were tried, and when the last pair was made.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoardAnswer {
    pub misses: u32,
    pub seconds: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoardFeedback {
    /// Each fact with its source and its city.
    pub pairs: Vec<(CitedFact, CityKey)>,
    pub misses: u32,
    pub seconds: Option<f64>,
}

/// A wrong pair just tried, to mark with ✖ until the next pick.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrongPair {
    pub fact: usize,
    pub city: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BoardDraft {
    /// For each fact (in the order shown), the index of its city in `cities`.
    answer_key: Vec<usize>,
    /// Which facts are matched, in the order shown.
    pub matched: Vec<bool>,
    pub selected: Option<usize>,
    pub misses: u32,
    pub last_wrong: Option<WrongPair>,
    /// When the last pair was made (seconds since the board was shown).
    pub finished_at: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum BoardEdit {
    /// Pick the fact at this index (picking it again puts it down).
    SelectFact(usize),
    /// Pair the selected fact with the city at this index, `at_seconds` after the board showed.
    PickCity { index: usize, at_seconds: f64 },
}

impl MatchBoardQuestion {
    /// A board of the options' size from the pool's cities and facts.
    pub fn draw(ctx: &Draw<'_, '_>, rng: &mut QuizRng) -> Result<Self, DrawError> {
        let size = ctx.options.board_size.clamp(*SIZES.start(), *SIZES.end());
        Self::generate(ctx.dataset(), &ctx.pool.cities, &ctx.pool.facts, size, rng).ok_or_else(
            || {
                DrawError::new(
                    Kind::MatchBoard,
                    format!(
                        "a board of {size} needs {size} cities of the round, each with a fact that fits none of the others"
                    ),
                )
            },
        )
    }

    /// A board of `size` pairs (brought into 4–8): cities drawn at random, each with one of its
    /// facts that fits no other city on the board. `None` if the data cannot fill it.
    pub fn generate(
        dataset: &Dataset,
        among: &[CityId],
        facts: &[CityFact<'_>],
        size: usize,
        rng: &mut QuizRng,
    ) -> Option<Self> {
        let size = size.clamp(*SIZES.start(), *SIZES.end());
        let mut cities: Vec<CityId> = among.to_vec();
        cities.shuffle(rng);
        let mut chosen: Vec<CityFact<'_>> = Vec::new();
        for city in cities {
            if chosen.len() == size {
                break;
            }
            // Its fact must fit none of the cities already on the board, and theirs not it.
            let fits_board = |pair: &CityFact<'_>| {
                chosen
                    .iter()
                    .all(|other| !pair.fits(other.city.id) && !other.fits(city))
            };
            let candidates: Vec<&CityFact<'_>> = facts
                .iter()
                .filter(|pair| pair.city.id == city && fits_board(pair))
                .collect();
            if candidates.is_empty() {
                continue;
            }
            chosen.push(*candidates[rng.random_range(0..candidates.len())]);
        }
        if chosen.len() < size {
            return None;
        }
        let mut city_order: Vec<CityKey> = chosen.iter().map(|p| dataset.key(p.city.id)).collect();
        city_order.shuffle(rng);
        chosen.shuffle(rng);
        Some(Self {
            facts: chosen.iter().map(|p| p.fact.id.clone()).collect(),
            cities: city_order,
        })
    }

    pub fn prompt(&self) -> String {
        format!("Match each fact to its city ({} pairs)", self.facts.len())
    }

    /// For each fact shown, the index of the city it belongs to.
    fn answer_key(&self, dataset: &Dataset) -> Result<Vec<usize>, GradeError> {
        let cities: Vec<CityId> = self
            .cities
            .iter()
            .map(|key| resolve(dataset, key))
            .collect::<Result<_, _>>()?;
        self.facts
            .iter()
            .map(|id| {
                let pair = resolve_fact(dataset, id)?;
                cities
                    .iter()
                    .position(|&city| pair.fits(city))
                    .ok_or_else(|| GradeError::UnknownFact(id.clone()))
            })
            .collect()
    }

    pub fn draft(&self, dataset: &Dataset) -> BoardDraft {
        let answer_key = self.answer_key(dataset).unwrap_or_default();
        BoardDraft {
            matched: vec![false; answer_key.len()],
            answer_key,
            selected: None,
            misses: 0,
            last_wrong: None,
            finished_at: None,
        }
    }

    pub fn grade(
        &self,
        dataset: &Dataset,
        answer: Option<&BoardAnswer>,
    ) -> Result<Graded<BoardFeedback>, GradeError> {
        let key = self.answer_key(dataset)?;
        let pairs = self
            .facts
            .iter()
            .zip(&key)
            .map(|(id, &city)| {
                let pair = resolve_fact(dataset, id)?;
                Ok((
                    CitedFact::new(dataset, pair.fact),
                    self.cities[city].clone(),
                ))
            })
            .collect::<Result<Vec<_>, GradeError>>()?;
        let (accuracy, misses, seconds) = match answer {
            Some(a) => (
                board_accuracy(pairs.len(), a.misses, a.seconds),
                a.misses,
                Some(a.seconds),
            ),
            None => (0.0, 0, None),
        };
        Ok(Graded {
            accuracy,
            correct: answer.is_some() && misses == 0,
            feedback: BoardFeedback {
                pairs,
                misses,
                seconds,
            },
        })
    }

    /// Every pair at the first try, at par.
    pub fn right_answer(&self, dataset: &Dataset) -> Result<BoardAnswer, GradeError> {
        self.answer_key(dataset)?;
        Ok(BoardAnswer {
            misses: 0,
            seconds: PAR_SECONDS_PER_PAIR * self.facts.len() as f64,
        })
    }

    /// A miss for every pair: nothing left.
    pub fn wrong_answer(&self, dataset: &Dataset) -> Result<BoardAnswer, GradeError> {
        self.answer_key(dataset)?;
        Ok(BoardAnswer {
            misses: self.facts.len() as u32,
            seconds: 2.0 * PAR_SECONDS_PER_PAIR * self.facts.len() as f64,
        })
    }

    /// Two misses, at par.
    pub fn near_miss(&self, dataset: &Dataset) -> Result<BoardAnswer, GradeError> {
        self.answer_key(dataset)?;
        Ok(BoardAnswer {
            misses: 2,
            seconds: PAR_SECONDS_PER_PAIR * self.facts.len() as f64,
        })
    }
}

impl BoardDraft {
    pub fn apply(&mut self, edit: &BoardEdit) {
        if self.finished() {
            return;
        }
        match *edit {
            BoardEdit::SelectFact(index) if index < self.matched.len() && !self.matched[index] => {
                self.selected = (self.selected != Some(index)).then_some(index);
                self.last_wrong = None;
            }
            BoardEdit::PickCity { index, at_seconds } => {
                let Some(fact) = self.selected else {
                    return;
                };
                if self.city_taken(index) {
                    return;
                }
                if self.answer_key.get(fact) == Some(&index) {
                    self.matched[fact] = true;
                    self.selected = None;
                    self.last_wrong = None;
                    if self.finished() {
                        self.finished_at = Some(at_seconds.max(0.0));
                    }
                } else {
                    // Put down, as after a right pair: the next pick starts afresh.
                    self.misses += 1;
                    self.selected = None;
                    self.last_wrong = Some(WrongPair { fact, city: index });
                }
            }
            BoardEdit::SelectFact(_) => {}
        }
    }

    /// The index of the city a fact belongs to (for demonstrations and hints).
    pub fn right_city(&self, fact: usize) -> Option<usize> {
        self.answer_key.get(fact).copied()
    }

    /// Whether the city at this index is already paired with its fact.
    pub fn city_taken(&self, city: usize) -> bool {
        self.answer_key
            .iter()
            .zip(&self.matched)
            .any(|(&c, &done)| done && c == city)
    }

    /// Every pair made.
    pub fn finished(&self) -> bool {
        !self.matched.is_empty() && self.matched.iter().all(|&done| done)
    }

    pub fn answer(&self) -> Option<BoardAnswer> {
        self.finished_at.map(|seconds| BoardAnswer {
            misses: self.misses,
            seconds,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::facts::askable_facts;
    use crate::quiz::{all_cities, rng_from_seed, test_dataset};
    use proptest::prelude::*;

    #[test]
    fn the_documented_score_holds() {
        assert_eq!(board_accuracy(6, 0, 20.0), 1.0);
        assert_eq!(board_accuracy(6, 3, 36.0), 0.5);
        assert_eq!(board_accuracy(6, 0, 72.0), 0.5);
        assert_eq!(board_accuracy(6, 0, 1000.0), 0.5);
        assert_eq!(board_accuracy(6, 9, 10.0), 0.0);
        assert_eq!(board_accuracy(0, 0, 10.0), 0.0);
    }

    #[test]
    fn right_pairs_lock_a_wrong_pair_is_a_miss_and_the_clock_stops_at_the_last() {
        let d = test_dataset();
        let q = MatchBoardQuestion::generate(
            &d,
            &all_cities(&d),
            &askable_facts(&d),
            4,
            &mut rng_from_seed(3),
        )
        .unwrap();
        let key = q.answer_key(&d).unwrap();
        let mut draft = q.draft(&d);
        // A city before a fact does nothing.
        draft.apply(&BoardEdit::PickCity {
            index: 0,
            at_seconds: 1.0,
        });
        assert_eq!(draft.misses, 0);
        draft.apply(&BoardEdit::SelectFact(0));
        let wrong = (key[0] + 1) % 4;
        draft.apply(&BoardEdit::PickCity {
            index: wrong,
            at_seconds: 2.0,
        });
        assert_eq!(draft.misses, 1);
        assert_eq!(
            draft.last_wrong,
            Some(WrongPair {
                fact: 0,
                city: wrong
            })
        );
        for (fact, &city) in key.iter().enumerate() {
            draft.apply(&BoardEdit::SelectFact(fact));
            draft.apply(&BoardEdit::PickCity {
                index: city,
                at_seconds: 3.0 + fact as f64,
            });
        }
        assert!(draft.finished());
        assert_eq!(draft.finished_at, Some(6.0));
        // After the last pair nothing changes: the clock has stopped.
        draft.apply(&BoardEdit::SelectFact(0));
        draft.apply(&BoardEdit::PickCity {
            index: wrong,
            at_seconds: 60.0,
        });
        let answer = draft.answer().unwrap();
        assert_eq!(
            answer,
            BoardAnswer {
                misses: 1,
                seconds: 6.0
            }
        );
        let graded = q.grade(&d, Some(&answer)).unwrap();
        assert_eq!(graded.accuracy, 0.75);
        assert!(!graded.correct);
        assert_eq!(graded.feedback.pairs.len(), 4);
    }

    proptest! {
        /// Each fact fits exactly one city on the board, and each city appears once.
        #[test]
        fn no_fact_fits_two_cities_of_its_board(seed in any::<u64>(), size in 4usize..=8) {
            let d = test_dataset();
            let q = MatchBoardQuestion::generate(&d, &all_cities(&d), &askable_facts(&d), size, &mut rng_from_seed(seed)).unwrap();
            prop_assert_eq!(q.facts.len(), size);
            let mut cities = q.cities.clone();
            cities.sort();
            cities.dedup();
            prop_assert_eq!(cities.len(), size);
            for id in &q.facts {
                let pair = resolve_fact(&d, id).unwrap();
                let fitting = q
                    .cities
                    .iter()
                    .filter(|key| pair.fits(d.city_by_key(key).unwrap().id))
                    .count();
                prop_assert_eq!(fitting, 1);
            }
        }

        #[test]
        fn the_same_seed_gives_the_same_board(seed in any::<u64>()) {
            let d = test_dataset();
            let a = MatchBoardQuestion::generate(&d, &all_cities(&d), &askable_facts(&d), 6, &mut rng_from_seed(seed));
            let b = MatchBoardQuestion::generate(&d, &all_cities(&d), &askable_facts(&d), 6, &mut rng_from_seed(seed));
            prop_assert_eq!(a, b);
        }

        #[test]
        fn misses_and_time_never_raise_the_score(
            m1 in 0u32..10, m2 in 0u32..10, t1 in 0.0..200.0f64, t2 in 0.0..200.0f64,
        ) {
            let (few, many) = (m1.min(m2), m1.max(m2));
            let (fast, slow) = (t1.min(t2), t1.max(t2));
            prop_assert!(board_accuracy(6, many, fast) <= board_accuracy(6, few, fast));
            prop_assert!(board_accuracy(6, few, slow) <= board_accuracy(6, few, fast));
        }
    }
}
