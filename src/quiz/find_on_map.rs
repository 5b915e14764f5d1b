//! Find it among the markers (Seterra's pin mode): the map shows unlabelled markers and the
//! player clicks the one that is the city. Up to `TRIES` tries: each miss labels the city that
//! was clicked, so the player learns what it was. Found on the first try scores full marks, on
//! the second half, on the third a quarter; after the third miss the city is shown, the question
//! scores nothing and comes back in the review round.

use serde::{Deserialize, Serialize};

use super::basics::{GradeError, Graded, QuizRng};
use super::generate::{Draw, DrawError, Kind};
use super::placement::Crosshair;
use super::population::resolve;
use crate::dataset::{CityId, CityKey, Dataset};

/// Clicks allowed before the answer is shown.
pub const TRIES: usize = 3;
/// Accuracy for finding the city on the first, second and third try.
pub const TRY_ACCURACY: [f64; TRIES] = [1.0, 0.5, 0.25];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindQuestion {
    pub city: CityKey,
    /// The markers on the map, the city among them.
    pub markers: Vec<CityKey>,
}

/// The markers clicked, in order: the misses, then the city if it was found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindAnswer {
    pub clicks: Vec<CityKey>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindFeedback {
    pub city: CityKey,
    /// The cities clicked instead, in order.
    pub misses: Vec<CityKey>,
    /// On which try (from 1) the city was found.
    pub found_on_try: Option<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FindDraft {
    /// The city to find.
    pub city: CityKey,
    /// The markers on the map, as in the question.
    pub markers: Vec<CityKey>,
    pub clicks: Vec<CityKey>,
    pub crosshair: Crosshair,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FindEdit {
    /// A marker was clicked (by the mouse, or Enter on the crosshair).
    Click(CityKey),
    Nudge([f64; 2]),
}

impl FindQuestion {
    /// Find `city` among the markers of `pool` (which holds it).
    /// Find the dealt city (or one of the pool's at random) among markers of every pool city.
    pub fn draw(ctx: &Draw<'_, '_>, rng: &mut QuizRng) -> Result<Self, DrawError> {
        let city = ctx.city(Kind::FindOnMap, rng)?;
        if ctx.pool.cities.len() < 2 {
            return Err(DrawError::new(
                Kind::FindOnMap,
                "a city is found among the markers of the round's cities: it needs two at least",
            ));
        }
        Ok(Self::new(ctx.dataset(), city, &ctx.pool.cities))
    }

    pub fn new(dataset: &Dataset, city: CityId, pool: &[CityId]) -> Self {
        let mut markers: Vec<CityKey> = pool.iter().map(|&id| dataset.key(id)).collect();
        let key = dataset.key(city);
        if !markers.contains(&key) {
            markers.push(key.clone());
        }
        Self { city: key, markers }
    }

    pub fn prompt(&self, dataset: &Dataset) -> String {
        format!(
            "Click the marker of {} ({} tries)",
            super::basics::city_name(dataset, &self.city),
            TRIES
        )
    }

    pub fn draft(&self) -> FindDraft {
        FindDraft {
            city: self.city.clone(),
            markers: self.markers.clone(),
            clicks: Vec::new(),
            crosshair: Crosshair::default(),
        }
    }

    pub fn grade(
        &self,
        dataset: &Dataset,
        answer: Option<&FindAnswer>,
    ) -> Result<Graded<FindFeedback>, GradeError> {
        resolve(dataset, &self.city)?;
        let clicks = answer.map_or(&[][..], |answer| &answer.clicks[..]);
        let clicks = &clicks[..clicks.len().min(TRIES)];
        let found_on_try = clicks
            .iter()
            .position(|click| *click == self.city)
            .map(|index| index + 1);
        let misses = clicks
            .iter()
            .take(found_on_try.map_or(TRIES, |n| n - 1))
            .cloned()
            .collect();
        Ok(Graded {
            accuracy: found_on_try.map_or(0.0, |n| TRY_ACCURACY[n - 1]),
            correct: found_on_try.is_some(),
            feedback: FindFeedback {
                city: self.city.clone(),
                misses,
                found_on_try,
            },
        })
    }

    pub fn right_answer(&self, dataset: &Dataset) -> Result<FindAnswer, GradeError> {
        resolve(dataset, &self.city)?;
        Ok(FindAnswer {
            clicks: vec![self.city.clone()],
        })
    }

    /// Three misses.
    pub fn wrong_answer(&self, dataset: &Dataset) -> Result<FindAnswer, GradeError> {
        resolve(dataset, &self.city)?;
        Ok(FindAnswer {
            clicks: self.others().take(TRIES).collect(),
        })
    }

    /// One miss, then found.
    pub fn near_miss(&self, dataset: &Dataset) -> Result<FindAnswer, GradeError> {
        resolve(dataset, &self.city)?;
        Ok(FindAnswer {
            clicks: self.others().take(1).chain([self.city.clone()]).collect(),
        })
    }

    fn others(&self) -> impl Iterator<Item = CityKey> + '_ {
        self.markers
            .iter()
            .filter(|marker| **marker != self.city)
            .cloned()
    }
}

impl FindDraft {
    pub fn apply(&mut self, edit: &FindEdit) {
        match edit {
            FindEdit::Click(city) => {
                // A marker already missed is not a new try; nothing more after the end.
                if !self.finished() && !self.clicks.contains(city) {
                    self.clicks.push(city.clone());
                }
            }
            FindEdit::Nudge(by) => self.crosshair.nudge(*by),
        }
    }

    /// The misses so far.
    pub fn misses(&self) -> &[CityKey] {
        let found = self.clicks.last() == Some(&self.city);
        &self.clicks[..self.clicks.len() - usize::from(found)]
    }

    /// Found, or out of tries.
    pub fn finished(&self) -> bool {
        self.clicks.last() == Some(&self.city) || self.clicks.len() >= TRIES
    }

    /// Only a finished search is an answer.
    pub fn answer(&self) -> Option<FindAnswer> {
        self.finished().then(|| FindAnswer {
            clicks: self.clicks.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::placement::{Difficulty, city_pool};
    use crate::quiz::test_dataset;

    fn question(d: &Dataset) -> FindQuestion {
        let pool = city_pool(d, Difficulty::Normal);
        FindQuestion::new(d, d.city_by_slug("wonsan").unwrap().id, &pool)
    }

    #[test]
    fn each_try_is_worth_less_and_three_misses_nothing() {
        let d = test_dataset();
        let q = question(&d);
        let first = q.grade(&d, Some(&q.right_answer(&d).unwrap())).unwrap();
        assert_eq!((first.accuracy, first.correct), (1.0, true));
        let second = q.grade(&d, Some(&q.near_miss(&d).unwrap())).unwrap();
        assert_eq!((second.accuracy, second.correct), (0.5, true));
        assert_eq!(second.feedback.misses.len(), 1);
        assert_eq!(second.feedback.found_on_try, Some(2));
        let never = q.grade(&d, Some(&q.wrong_answer(&d).unwrap())).unwrap();
        assert_eq!((never.accuracy, never.correct), (0.0, false));
        assert_eq!(never.feedback.misses.len(), TRIES);
    }

    #[test]
    fn the_draft_takes_three_tries_and_ignores_a_repeated_miss() {
        let d = test_dataset();
        let q = question(&d);
        let mut draft = q.draft();
        let others: Vec<CityKey> = q.others().take(3).collect();
        draft.apply(&FindEdit::Click(others[0].clone()));
        draft.apply(&FindEdit::Click(others[0].clone()));
        assert_eq!(draft.misses().len(), 1);
        assert!(!draft.finished());
        assert_eq!(draft.answer(), None);
        draft.apply(&FindEdit::Click(others[1].clone()));
        draft.apply(&FindEdit::Click(others[2].clone()));
        assert!(draft.finished());
        // Out of tries: a click on the city now changes nothing.
        draft.apply(&FindEdit::Click(q.city.clone()));
        let graded = q.grade(&d, draft.answer().as_ref()).unwrap();
        assert_eq!(graded.accuracy, 0.0);
    }

    #[test]
    fn found_on_the_third_try_keeps_a_quarter() {
        let d = test_dataset();
        let q = question(&d);
        let mut draft = q.draft();
        for other in q.others().take(2) {
            draft.apply(&FindEdit::Click(other));
        }
        draft.apply(&FindEdit::Click(q.city.clone()));
        assert!(draft.finished());
        assert_eq!(draft.misses().len(), 2);
        let graded = q.grade(&d, draft.answer().as_ref()).unwrap();
        assert_eq!(graded.accuracy, 0.25);
    }
}
