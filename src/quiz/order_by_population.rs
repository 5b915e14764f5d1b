//! Put cities in order of population, largest first. The player drags lines, or moves a cursor
//! and carries a line with the keys; the order is graded by the share of city pairs in the right
//! order (Kendall's τ mapped to 0…1), so a fully reversed list scores 0.

use serde::{Deserialize, Serialize};

use super::basics::{GradeError, Graded, QuizRng};
use super::generate::{Draw, DrawError, Kind};
use super::population::{CitedFigure, Measure, cited_figure, pick_orderable, resolve, true_order};
use crate::dataset::{CityId, CityKey, Dataset};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderQuestion {
    /// The cities in the order they are first shown.
    pub cities: Vec<CityKey>,
    pub measure: Measure,
}

/// The cities in the order the player put them, largest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderAnswer {
    pub order: Vec<CityKey>,
}

/// The true order with each city's cited figure, and how many the player put in the right place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderFeedback {
    pub truth: Vec<CitedFigure>,
    pub in_place: usize,
}

/// The list as the player is arranging it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderDraft {
    pub lines: Vec<CityKey>,
    /// The line the keyboard cursor is on.
    pub cursor: usize,
    /// Whether the line under the cursor is picked up (Up/Down then carry it).
    pub carrying: bool,
}

/// What the player can do to the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OrderEdit {
    /// Move the cursor up (negative) or down; a carried line goes with it.
    MoveCursor(i32),
    /// Pick up the line under the cursor, or put it down.
    ToggleCarry,
    /// Move the line at `from` to place `to` (drag and drop, ▲▼, or a number key).
    MoveLine { from: usize, to: usize },
}

impl OrderQuestion {
    /// `order_size` cities of the pool, every pair clearly ordered by every source.
    pub fn draw(ctx: &Draw<'_, '_>, rng: &mut QuizRng) -> Result<Self, DrawError> {
        let dataset = ctx.dataset();
        let size = ctx.options.order_size.clamp(3, 8);
        let measure = ctx.options.measure;
        let cities =
            pick_orderable(dataset, &ctx.pool.cities, size, measure, rng).ok_or_else(|| {
                DrawError::new(
                    Kind::OrderByPopulation,
                    format!("the round's cities hold no {size} whose order every source agrees on"),
                )
            })?;
        Ok(Self {
            cities: cities.into_iter().map(|id| dataset.key(id)).collect(),
            measure,
        })
    }

    pub fn prompt(&self) -> String {
        format!(
            "Put these {} cities in order, largest first ({}).",
            self.cities.len(),
            self.measure.label()
        )
    }

    pub fn draft(&self) -> OrderDraft {
        OrderDraft {
            lines: self.cities.clone(),
            cursor: 0,
            carrying: false,
        }
    }

    fn truth(&self, dataset: &Dataset) -> Result<Vec<CityId>, GradeError> {
        let ids = self
            .cities
            .iter()
            .map(|key| resolve(dataset, key))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(true_order(dataset, &ids, self.measure))
    }

    pub fn grade(
        &self,
        dataset: &Dataset,
        answer: Option<&OrderAnswer>,
    ) -> Result<Graded<OrderFeedback>, GradeError> {
        let truth = self
            .truth(dataset)?
            .into_iter()
            .map(|id| cited_figure(dataset, id, self.measure))
            .collect::<Result<Vec<_>, _>>()?;
        let truth_keys: Vec<CityKey> = truth.iter().map(|f| f.city.clone()).collect();
        let given: &[CityKey] = answer.map_or(&[], |a| &a.order);
        let accuracy = if given.is_empty() {
            0.0
        } else {
            order_accuracy(&truth_keys, given)
        };
        let in_place = truth_keys.iter().zip(given).filter(|(a, b)| a == b).count();
        Ok(Graded {
            accuracy,
            correct: in_place == truth_keys.len(),
            feedback: OrderFeedback { truth, in_place },
        })
    }

    pub fn right_answer(&self, dataset: &Dataset) -> Result<OrderAnswer, GradeError> {
        let order = self.truth(dataset)?;
        Ok(OrderAnswer {
            order: order.into_iter().map(|id| dataset.key(id)).collect(),
        })
    }

    /// The order reversed: no pair right, so it scores 0.
    pub fn wrong_answer(&self, dataset: &Dataset) -> Result<OrderAnswer, GradeError> {
        let mut answer = self.right_answer(dataset)?;
        answer.order.reverse();
        Ok(answer)
    }

    /// A near miss, for screenshots: the first two swapped.
    pub fn near_miss(&self, dataset: &Dataset) -> Result<OrderAnswer, GradeError> {
        let mut answer = self.right_answer(dataset)?;
        answer.order.swap(0, 1);
        Ok(answer)
    }
}

impl OrderDraft {
    pub fn apply(&mut self, edit: &OrderEdit) {
        let len = self.lines.len();
        if len == 0 {
            return;
        }
        match *edit {
            OrderEdit::MoveCursor(step) => {
                let target = (self.cursor as i64 + i64::from(step)).clamp(0, len as i64 - 1);
                let target = target as usize;
                if self.carrying {
                    self.move_line(self.cursor, target);
                }
                self.cursor = target;
            }
            OrderEdit::ToggleCarry => self.carrying = !self.carrying,
            OrderEdit::MoveLine { from, to } => {
                if from < len && to < len {
                    self.move_line(from, to);
                    self.cursor = to;
                }
            }
        }
    }

    fn move_line(&mut self, from: usize, to: usize) {
        let line = self.lines.remove(from);
        self.lines.insert(to, line);
    }

    pub fn answer(&self) -> OrderAnswer {
        OrderAnswer {
            order: self.lines.clone(),
        }
    }
}

/// Accuracy of an order from Kendall's τ: the share of pairs in the right order, so the true
/// order scores 1 and a fully reversed one 0. Cities missing from the answer count as misplaced.
pub fn order_accuracy(truth: &[CityKey], answer: &[CityKey]) -> f64 {
    let place = |city: &CityKey| answer.iter().position(|c| c == city);
    let mut right = 0usize;
    let mut pairs = 0usize;
    for (i, a) in truth.iter().enumerate() {
        for b in &truth[i + 1..] {
            pairs += 1;
            if let (Some(pa), Some(pb)) = (place(a), place(b))
                && pa < pb
            {
                right += 1;
            }
        }
    }
    if pairs == 0 {
        1.0
    } else {
        right as f64 / pairs as f64
    }
}

/// "Pyongyang > Hamhung > Nampo"
pub fn describe_order(dataset: &Dataset, order: &[CityKey]) -> String {
    order
        .iter()
        .map(|key| super::basics::city_name(dataset, key))
        .collect::<Vec<_>>()
        .join(" > ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::test_dataset;
    use proptest::prelude::*;

    fn keys(slugs: &[&str]) -> Vec<CityKey> {
        slugs.iter().map(|s| CityKey::new(s)).collect()
    }

    #[test]
    fn order_accuracy_is_one_for_the_truth_and_zero_reversed() {
        let truth = keys(&["a", "b", "c", "d"]);
        assert_eq!(order_accuracy(&truth, &truth), 1.0);
        let reversed: Vec<_> = truth.iter().rev().cloned().collect();
        assert_eq!(order_accuracy(&truth, &reversed), 0.0);
        let one_swap = keys(&["b", "a", "c", "d"]);
        assert!((order_accuracy(&truth, &one_swap) - 5.0 / 6.0).abs() < 1e-12);
    }

    #[test]
    fn the_draft_moves_and_carries_lines() {
        let question = OrderQuestion {
            cities: keys(&["a", "b", "c"]),
            measure: Measure::Total,
        };
        let mut draft = question.draft();
        draft.apply(&OrderEdit::ToggleCarry);
        draft.apply(&OrderEdit::MoveCursor(1));
        draft.apply(&OrderEdit::MoveCursor(5));
        assert_eq!(draft.lines, keys(&["b", "c", "a"]), "carried to the bottom");
        assert_eq!(draft.cursor, 2);
        draft.apply(&OrderEdit::ToggleCarry);
        draft.apply(&OrderEdit::MoveCursor(-1));
        assert_eq!(
            draft.lines,
            keys(&["b", "c", "a"]),
            "put down: only the cursor moves"
        );
        draft.apply(&OrderEdit::MoveLine { from: 2, to: 0 });
        assert_eq!(draft.answer().order, keys(&["a", "b", "c"]));
        assert_eq!(draft.cursor, 0);
        draft.apply(&OrderEdit::MoveLine { from: 7, to: 0 });
        assert_eq!(draft.lines, keys(&["a", "b", "c"]), "out of range: nothing");
    }

    #[test]
    fn grading_cites_every_figure_and_rejects_an_unknown_city() {
        let d = test_dataset();
        let question = OrderQuestion {
            cities: keys(&["kaechon", "pyongyang", "hamhung", "hyesan"]),
            measure: Measure::Total,
        };
        let answer = OrderAnswer {
            order: keys(&["hamhung", "pyongyang", "kaechon", "hyesan"]),
        };
        let graded = question.grade(&d, Some(&answer)).unwrap();
        assert!((graded.accuracy - 5.0 / 6.0).abs() < 1e-12);
        assert!(!graded.correct);
        assert_eq!(graded.feedback.in_place, 2);
        assert_eq!(graded.feedback.truth[0].city, CityKey::new("pyongyang"));
        assert_eq!(graded.feedback.truth[0].count, 3_255_288);
        let right = question.right_answer(&d).unwrap();
        assert!(question.grade(&d, Some(&right)).unwrap().correct);
        let wrong = question.wrong_answer(&d).unwrap();
        assert_eq!(question.grade(&d, Some(&wrong)).unwrap().accuracy, 0.0);
        assert_eq!(question.grade(&d, None).unwrap().accuracy, 0.0);

        let gone = OrderQuestion {
            cities: keys(&["pyongyang", "atlantis"]),
            measure: Measure::Total,
        };
        assert_eq!(
            gone.grade(&d, Some(&answer)),
            Err(GradeError::UnknownCity(CityKey::new("atlantis")))
        );
    }

    proptest! {
        #[test]
        fn fixing_a_misplaced_pair_never_lowers_the_order_score(perm in Just(vec![0u8, 1, 2, 3, 4, 5]).prop_shuffle(), i in 0usize..5) {
            let truth: Vec<CityKey> = (0..6u8).map(|n| CityKey(n.to_string())).collect();
            let mut answer: Vec<u8> = perm.clone();
            let as_keys = |order: &[u8]| order.iter().map(|n| CityKey(n.to_string())).collect::<Vec<_>>();
            let before = order_accuracy(&truth, &as_keys(&answer));
            if answer[i] > answer[i + 1] {
                answer.swap(i, i + 1);
            }
            prop_assert!(order_accuracy(&truth, &as_keys(&answer)) >= before);
        }
    }
}
