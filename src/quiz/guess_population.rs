//! Guess the population: the player types a number, drags a log slider or steps it with the
//! keys. The draft starts empty, so a guess nobody made scores nothing: checking asks for a
//! number first. Accuracy falls steeply with the ratio (see `guess_accuracy`), because most
//! cities in the dataset lie within a factor of three of each other and a lazy middle guess
//! must not pay.

use serde::{Deserialize, Serialize};

use super::basics::{GradeError, Graded, QuizRng};
use super::generate::{Draw, DrawError, Kind};
use super::population::{
    CitedFigure, Measure, cited_figure, figure, pick_city, resolve, sources_range,
};
use crate::dataset::{CityKey, Dataset};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuessQuestion {
    pub city: CityKey,
    pub measure: Measure,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuessAnswer {
    pub number: u32,
}

/// The true figure with its citation, and the lowest and highest figure any source gives.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuessFeedback {
    pub truth: CitedFigure,
    pub sources_range: Option<(u32, u32)>,
}

/// The number as the player is putting it together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuessDraft {
    /// Digits typed so far; they win over the slider while there are any.
    pub typed: String,
    /// The slider's or the arrow keys' value; `None` until the player sets one.
    pub value: Option<u32>,
    /// The slider's range: a tenth of the smallest city to twice the largest.
    pub range: (u32, u32),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GuessEdit {
    TypeDigit(u8),
    DeleteDigit,
    /// The slider moved to this value.
    Set(u32),
    /// Up (positive) or down by this many steps of about 10 %.
    Step(i32),
}

/// A guess within this ratio of the truth counts as right (and keeps a streak going).
pub const RIGHT_WITHIN: f64 = 1.10;
/// A guess within this ratio scores full accuracy.
pub const FULL_WITHIN: f64 = 1.05;
/// How fast accuracy falls beyond `FULL_WITHIN`: the Gaussian's width in doublings.
pub const FALL_OFF: f64 = 0.08;
/// One Up/Down step of the guess.
pub const STEP: f64 = 1.1;
/// Typed numbers stop at nine digits.
const MAX_DIGITS: usize = 9;

impl GuessQuestion {
    /// The dealt city, or one of the pool's with the figure at random.
    pub fn draw(ctx: &Draw<'_, '_>, rng: &mut QuizRng) -> Result<Self, DrawError> {
        let dataset = ctx.dataset();
        let measure = ctx.options.measure;
        let city = match ctx.subject {
            Some(_) => ctx.city(Kind::GuessPopulation, rng)?,
            None => pick_city(dataset, &ctx.pool.cities, measure, rng).ok_or_else(|| {
                DrawError::new(
                    Kind::GuessPopulation,
                    format!(
                        "none of the round's cities has a {} figure",
                        measure.label()
                    ),
                )
            })?,
        };
        Ok(Self {
            city: dataset.key(city),
            measure,
        })
    }

    pub fn prompt(&self, dataset: &Dataset) -> String {
        format!(
            "How many people live in {}? ({})",
            super::basics::city_name(dataset, &self.city),
            self.measure.label()
        )
    }

    pub fn draft(&self, dataset: &Dataset) -> GuessDraft {
        GuessDraft {
            typed: String::new(),
            value: None,
            range: guess_range(dataset, self.measure),
        }
    }

    pub fn grade(
        &self,
        dataset: &Dataset,
        answer: Option<&GuessAnswer>,
    ) -> Result<Graded<GuessFeedback>, GradeError> {
        let city = resolve(dataset, &self.city)?;
        let truth = cited_figure(dataset, city, self.measure)?;
        let guess = answer.map_or(0, |a| a.number);
        Ok(Graded {
            accuracy: guess_accuracy(guess, truth.count),
            correct: guess_is_right(guess, truth.count),
            feedback: GuessFeedback {
                sources_range: sources_range(dataset.city(city)),
                truth,
            },
        })
    }

    pub fn right_answer(&self, dataset: &Dataset) -> Result<GuessAnswer, GradeError> {
        let city = resolve(dataset, &self.city)?;
        Ok(GuessAnswer {
            number: cited_figure(dataset, city, self.measure)?.count,
        })
    }

    /// Twenty times the truth: far beyond a factor of 2, so it scores 0.
    pub fn wrong_answer(&self, dataset: &Dataset) -> Result<GuessAnswer, GradeError> {
        let right = self.right_answer(dataset)?;
        Ok(GuessAnswer {
            number: right.number.saturating_mul(20),
        })
    }

    /// 7 % too high, for screenshots: right, but not full marks.
    pub fn near_miss(&self, dataset: &Dataset) -> Result<GuessAnswer, GradeError> {
        let right = self.right_answer(dataset)?;
        Ok(GuessAnswer {
            number: (f64::from(right.number) * 1.07).round() as u32,
        })
    }
}

impl GuessDraft {
    /// The number the player has given so far, if any.
    pub fn number(&self) -> Option<u32> {
        match self.typed.parse::<u32>() {
            Ok(typed) => Some(typed),
            Err(_) => self.value,
        }
    }

    /// Where the slider shows: the player's number, else the geometric middle of its range.
    pub fn slider_position(&self) -> u32 {
        let (low, high) = self.range;
        let middle = (f64::from(low) * f64::from(high)).sqrt().round() as u32;
        self.number().unwrap_or(middle).clamp(low, high)
    }

    pub fn apply(&mut self, edit: &GuessEdit) {
        match *edit {
            GuessEdit::TypeDigit(digit) => {
                if self.typed.len() < MAX_DIGITS && digit <= 9 {
                    self.typed.push(char::from(b'0' + digit));
                }
            }
            GuessEdit::DeleteDigit => {
                self.typed.pop();
            }
            GuessEdit::Set(value) => {
                self.value = Some(value);
                self.typed.clear();
            }
            GuessEdit::Step(steps) => {
                let from = f64::from(self.slider_position().max(1));
                let stepped = (from * STEP.powi(steps)).round().min(f64::from(u32::MAX));
                self.value = Some(stepped as u32);
                self.typed.clear();
            }
        }
    }

    /// The answer, or `None` while no number is given (checking asks for one).
    pub fn answer(&self) -> Option<GuessAnswer> {
        self.number()
            .filter(|&n| n > 0)
            .map(|number| GuessAnswer { number })
    }
}

/// Accuracy of a guessed population. With `e = |log2(guess / truth)|` (in doublings):
/// 1 within 5 % (`FULL_WITHIN`); beyond that `exp(−½ ((e − log2 1.05) / 0.08)²)`, so 10 % off
/// scores 0.70, 15 % off 0.26, 20 % off 0.06; and 0 from a factor of 2. No guess, 0.
pub fn guess_accuracy(guess: u32, truth: u32) -> f64 {
    if guess == 0 || truth == 0 {
        return 0.0;
    }
    let doublings = (f64::from(guess) / f64::from(truth)).log2().abs();
    let full = FULL_WITHIN.log2();
    if doublings <= full {
        1.0
    } else if doublings >= 1.0 {
        0.0
    } else {
        (-0.5 * ((doublings - full) / FALL_OFF).powi(2)).exp()
    }
}

/// A guess within 10 % of the truth counts as right.
pub fn guess_is_right(guess: u32, truth: u32) -> bool {
    guess > 0
        && truth > 0
        && (f64::from(guess) / f64::from(truth)).log2().abs() <= RIGHT_WITHIN.log2() + 1e-12
}

/// The slider's range for a measure: a tenth of the smallest city to twice the largest.
pub fn guess_range(dataset: &Dataset, measure: Measure) -> (u32, u32) {
    let figures = dataset.cities.iter().filter_map(|c| figure(c, measure));
    let (low, high) = figures.fold((u32::MAX, 0), |(lo, hi), n| (lo.min(n), hi.max(n)));
    if high == 0 {
        (1_000, 10_000_000)
    } else {
        ((low / 10).max(1_000), high.saturating_mul(2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::test_dataset;
    use proptest::prelude::*;

    #[test]
    fn accuracy_is_full_close_by_and_nothing_at_a_factor_of_two() {
        assert_eq!(guess_accuracy(768_551, 768_551), 1.0);
        assert_eq!(guess_accuracy(800_000, 768_551), 1.0, "4 % off");
        assert!((guess_accuracy(110_000, 100_000) - 0.70).abs() < 0.01);
        assert!(guess_accuracy(120_000, 100_000) < 0.07);
        assert_eq!(guess_accuracy(200_000, 100_000), 0.0);
        assert_eq!(guess_accuracy(50_000, 100_000), 0.0);
        assert_eq!(guess_accuracy(0, 5), 0.0);
        assert!(guess_is_right(110_000, 100_000));
        assert!(!guess_is_right(111_000, 100_000));
    }

    #[test]
    fn the_draft_starts_empty_and_asks_for_a_number() {
        let d = test_dataset();
        let question = GuessQuestion {
            city: CityKey::new("nampo"),
            measure: Measure::Total,
        };
        let mut draft = question.draft(&d);
        assert_eq!(draft.answer(), None, "untouched: no answer to check");
        let (low, high) = draft.range;
        assert!(low < draft.slider_position() && draft.slider_position() < high);
        for digit in [3, 6, 6] {
            draft.apply(&GuessEdit::TypeDigit(digit));
        }
        draft.apply(&GuessEdit::DeleteDigit);
        draft.apply(&GuessEdit::TypeDigit(7));
        assert_eq!(draft.answer(), Some(GuessAnswer { number: 367 }));
        draft.apply(&GuessEdit::Set(400_000));
        assert_eq!(draft.typed, "", "the slider clears typed digits");
        draft.apply(&GuessEdit::Step(1));
        assert_eq!(draft.answer(), Some(GuessAnswer { number: 440_000 }));
        draft.apply(&GuessEdit::Set(0));
        assert_eq!(draft.answer(), None, "zero is no guess");
    }

    #[test]
    fn right_and_wrong_answers_grade_as_named() {
        let d = test_dataset();
        let question = GuessQuestion {
            city: CityKey::new("nampo"),
            measure: Measure::Total,
        };
        let right = question.right_answer(&d).unwrap();
        let graded = question.grade(&d, Some(&right)).unwrap();
        assert!(graded.correct);
        assert_eq!(graded.feedback.truth.count, right.number);
        let wrong = question.wrong_answer(&d).unwrap();
        assert_eq!(question.grade(&d, Some(&wrong)).unwrap().accuracy, 0.0);
        assert_eq!(question.grade(&d, None).unwrap().accuracy, 0.0);
    }

    /// A lazy guess must not pay: the median of all cities, guessed for every city, scores at
    /// most 20 % on average, for either measure; an untouched draft scores nothing.
    #[test]
    fn the_median_guess_scores_at_most_a_fifth_on_average() {
        let d = test_dataset();
        for measure in [Measure::Total, Measure::Urban] {
            let mut figures: Vec<u32> =
                d.cities.iter().filter_map(|c| figure(c, measure)).collect();
            figures.sort_unstable();
            let middle = figures.len() / 2;
            let median = if figures.len().is_multiple_of(2) {
                (figures[middle - 1] + figures[middle]) / 2
            } else {
                figures[middle]
            };
            let mean = figures
                .iter()
                .map(|&truth| guess_accuracy(median, truth))
                .sum::<f64>()
                / figures.len() as f64;
            assert!(
                mean <= 0.20,
                "{measure:?}: the median guess averages {mean:.3}"
            );
            let untouched = GuessQuestion {
                city: CityKey::new("nampo"),
                measure,
            }
            .draft(&d)
            .answer();
            assert_eq!(untouched, None);
        }
    }

    proptest! {
        #[test]
        fn a_closer_guess_never_scores_less(truth in 1_000u32..5_000_000, a in 1u32..50_000_000, b in 1u32..50_000_000) {
            let error = |g: u32| (f64::from(g) / f64::from(truth)).log2().abs();
            let (closer, farther) = if error(a) <= error(b) { (a, b) } else { (b, a) };
            prop_assert!(guess_accuracy(closer, truth) >= guess_accuracy(farther, truth));
        }
    }
}
