//! Which fact fits X? One city, four facts (keys 1–4): the city's own and three of other cities
//! that the data says do not fit it — the reverse of "which city is known for …".

use rand::RngExt;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

use super::basics::{GradeError, Graded, QuizRng};
use super::facts::{CitedFact, CityFact, resolve_fact};
use super::generate::{Draw, DrawError, Kind};
use super::population::resolve;
use crate::dataset::{CityId, CityKey, Dataset, FactId};

/// Facts to choose from.
pub const CHOICES: usize = 4;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhichFactQuestion {
    pub city: CityKey,
    /// Four facts in the order shown; exactly one fits the city.
    pub choices: Vec<FactId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactChoice {
    pub fact: FactId,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhichFactFeedback {
    pub city: CityKey,
    /// The fact that fits, with its source.
    pub right: CitedFact,
    /// The fact chosen, and the city it is really about.
    pub chosen: Option<(CitedFact, CityKey)>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FactChoiceDraft {
    pub chosen: Option<FactId>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FactChoiceEdit {
    Choose(FactId),
}

impl WhichFactQuestion {
    /// Which fact of the pool is true of the dealt city (or one of the pool's at random).
    pub fn draw(ctx: &Draw<'_, '_>, rng: &mut QuizRng) -> Result<Self, DrawError> {
        let city = ctx.city(Kind::WhichFact, rng)?;
        Self::generate(ctx.dataset(), &ctx.pool.facts, city, rng).ok_or_else(|| {
            DrawError::new(
                Kind::WhichFact,
                format!(
                    "it needs a fact of {} and {} of other cities, on other topics, in the round",
                    ctx.dataset().city(city).name,
                    CHOICES - 1
                ),
            )
        })
    }

    /// Facts about `city`: one of its own and three of cities that it does not share them with,
    /// on other topics where the data allows, so no two choices say the same thing.
    pub fn generate(
        dataset: &Dataset,
        facts: &[CityFact<'_>],
        city: CityId,
        rng: &mut QuizRng,
    ) -> Option<Self> {
        let own: Vec<_> = facts.iter().filter(|p| p.city.id == city).collect();
        if own.is_empty() {
            return None;
        }
        let right = *own[rng.random_range(0..own.len())];
        let mut others: Vec<_> = facts
            .iter()
            .filter(|p| !p.fits(city) && p.fact.topic != right.fact.topic)
            .collect();
        others.shuffle(rng);
        let mut choices = vec![right.fact.id.clone()];
        let mut owners = vec![right.city.id];
        for other in others {
            if choices.len() == CHOICES {
                break;
            }
            // One fact per city, so every wrong choice points at a different place.
            if !owners.contains(&other.city.id) {
                owners.push(other.city.id);
                choices.push(other.fact.id.clone());
            }
        }
        if choices.len() < CHOICES {
            return None;
        }
        choices.shuffle(rng);
        Some(Self {
            city: dataset.key(city),
            choices,
        })
    }

    pub fn prompt(&self, dataset: &Dataset) -> String {
        format!(
            "Which of these is true of {}?",
            super::basics::city_name(dataset, &self.city)
        )
    }

    pub fn draft(&self) -> FactChoiceDraft {
        FactChoiceDraft::default()
    }

    pub fn grade(
        &self,
        dataset: &Dataset,
        answer: Option<&FactChoice>,
    ) -> Result<Graded<WhichFactFeedback>, GradeError> {
        let city = resolve(dataset, &self.city)?;
        let mut right = None;
        for id in &self.choices {
            let pair = resolve_fact(dataset, id)?;
            if pair.fits(city) && right.is_none() {
                right = Some(CitedFact::new(dataset, pair.fact));
            }
        }
        let right = right.ok_or_else(|| GradeError::UnknownFact(self.choices[0].clone()))?;
        let chosen = answer
            .map(|choice| resolve_fact(dataset, &choice.fact))
            .transpose()?;
        let correct = chosen.is_some_and(|pair| pair.fits(city));
        let chosen = chosen.map(|pair| {
            (
                CitedFact::new(dataset, pair.fact),
                dataset.key(pair.city.id),
            )
        });
        Ok(Graded {
            accuracy: if correct { 1.0 } else { 0.0 },
            correct,
            feedback: WhichFactFeedback {
                city: self.city.clone(),
                right,
                chosen,
            },
        })
    }

    pub fn right_answer(&self, dataset: &Dataset) -> Result<FactChoice, GradeError> {
        let right = self.grade(dataset, None)?.feedback.right;
        Ok(FactChoice { fact: right.id })
    }

    pub fn wrong_answer(&self, dataset: &Dataset) -> Result<FactChoice, GradeError> {
        let right = self.right_answer(dataset)?.fact;
        let other = self.choices.iter().find(|f| **f != right).cloned();
        Ok(FactChoice {
            fact: other.unwrap_or(right),
        })
    }
}

impl FactChoiceDraft {
    pub fn apply(&mut self, edit: &FactChoiceEdit) {
        let FactChoiceEdit::Choose(fact) = edit;
        self.chosen = Some(fact.clone());
    }

    pub fn answer(&self) -> Option<FactChoice> {
        self.chosen.clone().map(|fact| FactChoice { fact })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::facts::askable_facts;
    use crate::quiz::{rng_from_seed, test_dataset};
    use proptest::prelude::*;

    proptest! {
        /// Exactly one choice fits the city; a wrong choice names the city it is about.
        #[test]
        fn exactly_one_fact_fits(seed in any::<u64>(), index in 0usize..28) {
            let d = test_dataset();
            let city = d.cities[index % d.cities.len()].id;
            let Some(q) = WhichFactQuestion::generate(&d, &askable_facts(&d), city, &mut rng_from_seed(seed)) else {
                return Ok(());
            };
            let fitting = q
                .choices
                .iter()
                .filter(|id| resolve_fact(&d, id).unwrap().fits(city))
                .count();
            prop_assert_eq!(fitting, 1);
            prop_assert!(q.grade(&d, Some(&q.right_answer(&d).unwrap())).unwrap().correct);
            let wrong = q.grade(&d, Some(&q.wrong_answer(&d).unwrap())).unwrap();
            prop_assert!(!wrong.correct);
            let (_, about) = wrong.feedback.chosen.unwrap();
            prop_assert_ne!(about, q.city.clone());
        }
    }
}
