//! Higher or lower: which of two cities has more people? Left or right, right or wrong. Only
//! pairs that no cited source puts the other way round are asked.

use serde::{Deserialize, Serialize};

use super::basics::{GradeError, Graded, QuizRng};
use super::generate::{Draw, DrawError, Kind};
use super::population::{CitedFigure, Measure, cited_figure, pick_pair, resolve, true_order};
use crate::dataset::{CityKey, Dataset};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HigherOrLowerQuestion {
    pub left: CityKey,
    pub right: CityKey,
    pub measure: Measure,
}

/// The city the player chose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PickAnswer {
    pub city: CityKey,
}

/// The larger and the smaller city with their cited figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComparisonFeedback {
    pub larger: CitedFigure,
    pub smaller: CitedFigure,
}

/// Nothing to build: choosing a city is the answer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PickDraft {
    pub chosen: Option<CityKey>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickEdit {
    Choose(CityKey),
}

impl HigherOrLowerQuestion {
    /// Two cities of the pool whose order every source agrees on, left and right at random.
    pub fn draw(ctx: &Draw<'_, '_>, rng: &mut QuizRng) -> Result<Self, DrawError> {
        let dataset = ctx.dataset();
        let measure = ctx.options.measure;
        let (left, right) =
            pick_pair(dataset, &ctx.pool.cities, measure, rng).ok_or_else(|| {
                DrawError::new(
                    Kind::HigherOrLower,
                    "the round's cities hold no two whose order every source agrees on",
                )
            })?;
        Ok(Self {
            left: dataset.key(left),
            right: dataset.key(right),
            measure,
        })
    }

    pub fn prompt(&self, dataset: &Dataset) -> String {
        format!(
            "Which has more people: {} or {}? ({})",
            super::basics::city_name(dataset, &self.left),
            super::basics::city_name(dataset, &self.right),
            self.measure.label()
        )
    }

    /// Whether the two questions ask about the same two cities, either way round.
    pub fn same_pair(&self, other: &Self) -> bool {
        (self.left == other.left && self.right == other.right)
            || (self.left == other.right && self.right == other.left)
    }

    pub fn draft(&self) -> PickDraft {
        PickDraft::default()
    }

    pub fn grade(
        &self,
        dataset: &Dataset,
        answer: Option<&PickAnswer>,
    ) -> Result<Graded<ComparisonFeedback>, GradeError> {
        let ids = [
            resolve(dataset, &self.left)?,
            resolve(dataset, &self.right)?,
        ];
        let order = true_order(dataset, &ids, self.measure);
        let larger = cited_figure(dataset, order[0], self.measure)?;
        let smaller = cited_figure(dataset, order[1], self.measure)?;
        let correct = answer.is_some_and(|a| a.city == larger.city);
        Ok(Graded {
            accuracy: if correct { 1.0 } else { 0.0 },
            correct,
            feedback: ComparisonFeedback { larger, smaller },
        })
    }

    pub fn right_answer(&self, dataset: &Dataset) -> Result<PickAnswer, GradeError> {
        let feedback = self.grade(dataset, None)?.feedback;
        Ok(PickAnswer {
            city: feedback.larger.city,
        })
    }

    /// The smaller city.
    pub fn wrong_answer(&self, dataset: &Dataset) -> Result<PickAnswer, GradeError> {
        let feedback = self.grade(dataset, None)?.feedback;
        Ok(PickAnswer {
            city: feedback.smaller.city,
        })
    }
}

impl PickDraft {
    pub fn apply(&mut self, edit: &PickEdit) {
        let PickEdit::Choose(city) = edit;
        self.chosen = Some(city.clone());
    }

    pub fn answer(&self) -> Option<PickAnswer> {
        self.chosen.clone().map(|city| PickAnswer { city })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::test_dataset;

    #[test]
    fn the_larger_city_is_right_and_both_figures_are_cited() {
        let d = test_dataset();
        let question = HigherOrLowerQuestion {
            left: CityKey::new("nampo"),
            right: CityKey::new("pyongyang"),
            measure: Measure::Total,
        };
        let right = question.right_answer(&d).unwrap();
        assert_eq!(right.city, CityKey::new("pyongyang"));
        let graded = question.grade(&d, Some(&right)).unwrap();
        assert!(graded.correct);
        assert_eq!(graded.feedback.smaller.city, CityKey::new("nampo"));
        assert!(graded.feedback.smaller.citation().contains("2008"));
        let wrong = question.wrong_answer(&d).unwrap();
        assert_eq!(question.grade(&d, Some(&wrong)).unwrap().accuracy, 0.0);

        let mut draft = question.draft();
        assert_eq!(draft.answer(), None);
        draft.apply(&PickEdit::Choose(CityKey::new("nampo")));
        assert_eq!(draft.answer(), Some(wrong));
    }

    #[test]
    fn same_pair_ignores_sides() {
        let q = |l: &str, r: &str| HigherOrLowerQuestion {
            left: CityKey::new(l),
            right: CityKey::new(r),
            measure: Measure::Total,
        };
        assert!(q("a", "b").same_pair(&q("b", "a")));
        assert!(!q("a", "b").same_pair(&q("a", "c")));
    }
}
