//! True or false: "Chongjin — It is a port on the east coast." Half the statements are a fact of
//! the city itself; half are another city's fact that the data says does not fit this one.

use rand::RngExt;
use serde::{Deserialize, Serialize};

use super::basics::{GradeError, Graded, QuizRng};
use super::facts::{CitedFact, CityFact, resolve_fact};
use super::generate::{Draw, DrawError, Kind};
use super::population::resolve;
use crate::dataset::{CityId, CityKey, Dataset, FactId};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrueFalseQuestion {
    /// The city the statement is about.
    pub city: CityKey,
    /// The sentence said of it: its own fact, or another city's.
    pub fact: FactId,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrueFalseAnswer {
    pub says_true: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrueFalseFeedback {
    pub city: CityKey,
    pub fact: CitedFact,
    /// Whether the statement is true.
    pub truth: bool,
    /// The city the fact is about (the same city when true).
    pub fact_city: CityKey,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrueFalseDraft {
    pub says_true: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrueFalseEdit {
    Say(bool),
}

impl TrueFalseQuestion {
    /// A statement about the dealt city (or one of the pool's at random) from the pool's facts.
    pub fn draw(ctx: &Draw<'_, '_>, rng: &mut QuizRng) -> Result<Self, DrawError> {
        let city = ctx.city(Kind::TrueFalse, rng)?;
        Self::generate(ctx.dataset(), &ctx.pool.facts, city, rng)
            .ok_or_else(|| DrawError::new(Kind::TrueFalse, "the round has no fact to state"))
    }

    /// A statement about `city`: true or false by a coin toss, when the data allows both.
    pub fn generate(
        dataset: &Dataset,
        facts: &[CityFact<'_>],
        city: CityId,
        rng: &mut QuizRng,
    ) -> Option<Self> {
        let own: Vec<_> = facts.iter().filter(|p| p.city.id == city).collect();
        let others: Vec<_> = facts.iter().filter(|p| !p.fits(city)).collect();
        let pick_true = rng.random_bool(0.5);
        let pool = match (pick_true, own.is_empty(), others.is_empty()) {
            (true, false, _) | (false, _, true) => &own,
            _ => &others,
        };
        if pool.is_empty() {
            return None;
        }
        let pair = pool[rng.random_range(0..pool.len())];
        Some(Self {
            city: dataset.key(city),
            fact: pair.fact.id.clone(),
        })
    }

    pub fn prompt(&self, dataset: &Dataset) -> String {
        let text = resolve_fact(dataset, &self.fact)
            .map_or_else(|_| self.fact.0.clone(), |pair| pair.fact.text.clone());
        format!(
            "True or false? {} — “{text}”",
            super::basics::city_name(dataset, &self.city)
        )
    }

    pub fn draft(&self) -> TrueFalseDraft {
        TrueFalseDraft::default()
    }

    fn truth(&self, dataset: &Dataset) -> Result<bool, GradeError> {
        let city = resolve(dataset, &self.city)?;
        Ok(resolve_fact(dataset, &self.fact)?.fits(city))
    }

    pub fn grade(
        &self,
        dataset: &Dataset,
        answer: Option<&TrueFalseAnswer>,
    ) -> Result<Graded<TrueFalseFeedback>, GradeError> {
        let truth = self.truth(dataset)?;
        let pair = resolve_fact(dataset, &self.fact)?;
        let correct = answer.is_some_and(|a| a.says_true == truth);
        Ok(Graded {
            accuracy: if correct { 1.0 } else { 0.0 },
            correct,
            feedback: TrueFalseFeedback {
                city: self.city.clone(),
                fact: CitedFact::new(dataset, pair.fact),
                truth,
                fact_city: dataset.key(pair.city.id),
            },
        })
    }

    pub fn right_answer(&self, dataset: &Dataset) -> Result<TrueFalseAnswer, GradeError> {
        Ok(TrueFalseAnswer {
            says_true: self.truth(dataset)?,
        })
    }

    pub fn wrong_answer(&self, dataset: &Dataset) -> Result<TrueFalseAnswer, GradeError> {
        Ok(TrueFalseAnswer {
            says_true: !self.truth(dataset)?,
        })
    }
}

impl TrueFalseDraft {
    pub fn apply(&mut self, edit: &TrueFalseEdit) {
        let TrueFalseEdit::Say(says) = edit;
        self.says_true = Some(*says);
    }

    pub fn answer(&self) -> Option<TrueFalseAnswer> {
        self.says_true
            .map(|says_true| TrueFalseAnswer { says_true })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::facts::askable_facts;
    use crate::quiz::{rng_from_seed, test_dataset};
    use proptest::prelude::*;

    #[test]
    fn both_truths_come_up_and_grade_as_the_data_says() {
        let d = test_dataset();
        let hamhung = d.city_by_slug("hamhung").unwrap().id;
        let mut rng = rng_from_seed(4);
        let mut seen = [false, false];
        for _ in 0..40 {
            let q = TrueFalseQuestion::generate(&d, &askable_facts(&d), hamhung, &mut rng).unwrap();
            let right = q.right_answer(&d).unwrap();
            seen[usize::from(right.says_true)] = true;
            assert!(q.grade(&d, Some(&right)).unwrap().correct);
            assert!(
                !q.grade(&d, Some(&q.wrong_answer(&d).unwrap()))
                    .unwrap()
                    .correct
            );
        }
        assert_eq!(seen, [true, true]);
    }

    proptest! {
        /// A "false" statement is another city's fact that the data says does not fit.
        #[test]
        fn a_false_statement_is_false_by_the_data(seed in any::<u64>(), index in 0usize..28) {
            let d = test_dataset();
            let city = d.cities[index % d.cities.len()].id;
            let q = TrueFalseQuestion::generate(&d, &askable_facts(&d), city, &mut rng_from_seed(seed)).unwrap();
            let pair = resolve_fact(&d, &q.fact).unwrap();
            let feedback = q.grade(&d, None).unwrap().feedback;
            prop_assert_eq!(feedback.truth, pair.fits(city));
            if !feedback.truth {
                prop_assert_ne!(pair.city.id, city);
                prop_assert!(!pair.fact.also_true_of.contains(&city.0));
            }
        }
    }
}
