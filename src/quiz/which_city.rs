//! Which city is known for …? One fact, four cities (keys 1–4). The wrong cities are plausible
//! (same province, same status, nearby) and never one the fact is also true of.

use rand::RngExt;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

use super::basics::{GradeError, Graded, QuizRng};
use super::facts::{CitedFact, CityFact, plausible_wrong_cities, resolve_fact};
use super::generate::{Draw, DrawError, Kind, Subject};
use crate::dataset::{CityId, CityKey, Dataset, FactId};

/// Cities to choose from.
pub const CHOICES: usize = 4;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhichCityQuestion {
    pub fact: FactId,
    /// Four cities in the order shown, the fact's own among them.
    pub choices: Vec<CityKey>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityChoice {
    pub city: CityKey,
}

/// The fact with its source, the city it is about, and the city chosen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactCityFeedback {
    pub fact: CitedFact,
    pub city: CityKey,
    pub chosen: Option<CityKey>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CityChoiceDraft {
    pub chosen: Option<CityKey>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CityChoiceEdit {
    Choose(CityKey),
}

impl WhichCityQuestion {
    /// Which city is known for the dealt fact (or one of the pool's at random); the wrong
    /// choices are plausible cities of the pool the fact does not fit.
    pub fn draw(ctx: &Draw<'_, '_>, rng: &mut QuizRng) -> Result<Self, DrawError> {
        let pair = match ctx.subject {
            Some(Subject::Fact(pair)) => pair,
            _ => {
                if ctx.pool.facts.is_empty() {
                    return Err(DrawError::new(
                        Kind::WhichCity,
                        "the round has no fact to ask",
                    ));
                }
                ctx.pool.facts[rng.random_range(0..ctx.pool.facts.len())]
            }
        };
        let question = Self::generate(ctx.dataset(), &ctx.pool.cities, pair, rng);
        if question.choices.len() < CHOICES {
            return Err(DrawError::new(
                Kind::WhichCity,
                format!(
                    "{CHOICES} cities are offered: the dataset has too few the fact does not fit"
                ),
            ));
        }
        Ok(question)
    }

    /// The fact's city and plausible wrong ones, from `among` first (then any other city).
    pub fn generate(
        dataset: &Dataset,
        among: &[CityId],
        fact: CityFact<'_>,
        rng: &mut QuizRng,
    ) -> Self {
        let mut choices = vec![fact.city.id];
        choices.extend(plausible_wrong_cities(
            dataset,
            among,
            fact,
            CHOICES - 1,
            rng,
        ));
        choices.shuffle(rng);
        Self {
            fact: fact.fact.id.clone(),
            choices: choices.into_iter().map(|id| dataset.key(id)).collect(),
        }
    }

    pub fn prompt(&self, dataset: &Dataset) -> String {
        let text = resolve_fact(dataset, &self.fact)
            .map_or_else(|_| self.fact.0.clone(), |pair| pair.fact.text.clone());
        format!("Which city is this? “{text}”")
    }

    pub fn draft(&self) -> CityChoiceDraft {
        CityChoiceDraft::default()
    }

    pub fn grade(
        &self,
        dataset: &Dataset,
        answer: Option<&CityChoice>,
    ) -> Result<Graded<FactCityFeedback>, GradeError> {
        let pair = resolve_fact(dataset, &self.fact)?;
        let chosen = answer.map(|a| a.city.clone());
        let correct = chosen
            .as_ref()
            .and_then(|key| dataset.city_by_key(key))
            .is_some_and(|city| pair.fits(city.id));
        Ok(Graded {
            accuracy: if correct { 1.0 } else { 0.0 },
            correct,
            feedback: FactCityFeedback {
                fact: CitedFact::new(dataset, pair.fact),
                city: dataset.key(pair.city.id),
                chosen,
            },
        })
    }

    pub fn right_answer(&self, dataset: &Dataset) -> Result<CityChoice, GradeError> {
        let pair = resolve_fact(dataset, &self.fact)?;
        Ok(CityChoice {
            city: dataset.key(pair.city.id),
        })
    }

    pub fn wrong_answer(&self, dataset: &Dataset) -> Result<CityChoice, GradeError> {
        let right = self.right_answer(dataset)?.city;
        let other = self.choices.iter().find(|c| **c != right).cloned();
        Ok(CityChoice {
            city: other.unwrap_or_else(|| CityKey::new("nowhere")),
        })
    }
}

impl CityChoiceDraft {
    pub fn apply(&mut self, edit: &CityChoiceEdit) {
        let CityChoiceEdit::Choose(city) = edit;
        self.chosen = Some(city.clone());
    }

    pub fn answer(&self) -> Option<CityChoice> {
        self.chosen.clone().map(|city| CityChoice { city })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::facts::askable_facts;
    use crate::quiz::{all_cities, rng_from_seed, test_dataset};
    use proptest::prelude::*;

    #[test]
    fn the_facts_city_is_right_and_another_wrong_with_the_source_shown() {
        let d = test_dataset();
        let pair = askable_facts(&d)[0];
        let q = WhichCityQuestion::generate(&d, &all_cities(&d), pair, &mut rng_from_seed(2));
        assert!(q.prompt(&d).contains(&pair.fact.text));
        let right = q.grade(&d, Some(&q.right_answer(&d).unwrap())).unwrap();
        assert!(right.correct);
        assert_eq!(right.feedback.fact.source, d.source(pair.fact.source).title);
        let wrong = q.grade(&d, Some(&q.wrong_answer(&d).unwrap())).unwrap();
        assert!(!wrong.correct);
        assert!(!q.grade(&d, None).unwrap().correct);
    }

    proptest! {
        /// No choice but the fact's own city is one the fact is true of.
        #[test]
        fn no_distractor_fits_the_fact(seed in any::<u64>(), index in 0usize..200) {
            let d = test_dataset();
            let facts = askable_facts(&d);
            let pair = facts[index % facts.len()];
            let q = WhichCityQuestion::generate(&d, &all_cities(&d), pair, &mut rng_from_seed(seed));
            prop_assert_eq!(q.choices.len(), CHOICES);
            let fitting = q
                .choices
                .iter()
                .filter(|key| pair.fits(d.city_by_key(key).unwrap().id))
                .count();
            prop_assert_eq!(fitting, 1);
        }
    }
}
