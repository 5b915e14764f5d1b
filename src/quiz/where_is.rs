//! Where is X? The player clicks the map (or moves the crosshair and presses Enter) where the
//! city is; points fall with the great-circle distance (see `placement`), and the feedback draws
//! a line from the click to the city with the distance and direction in words.

use geo::{Destination, Haversine};
use serde::{Deserialize, Serialize};

use super::basics::{GradeError, Graded, QuizRng};
use super::generate::{Draw, DrawError, Kind};
use super::placement::{
    Compass, Crosshair, RIGHT_WITHIN_KM, city_hit_instead, miss_in_words, place_accuracy,
};
use super::population::resolve;
use crate::dataset::{CityKey, Dataset};
use crate::geography::{LatLon, distance_km};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhereIsQuestion {
    pub city: CityKey,
}

/// Where the player clicked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceAnswer {
    pub at: LatLon,
}

/// Where the city is, and how far off the click was.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceFeedback {
    pub city: CityKey,
    pub truth: LatLon,
    pub guess: Option<Placed>,
}

/// A click measured against the truth.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Placed {
    pub at: LatLon,
    pub km: f64,
    /// From the city to the click: the way the click was "too far".
    pub direction: Compass,
    /// Another city the click was nearer to: what the player put there instead.
    pub hit_instead: Option<CityKey>,
}

impl Placed {
    /// "82 km too far north-west".
    pub fn in_words(&self) -> String {
        miss_in_words(self.km, self.direction)
    }
}

/// The click being made: the crosshair moved by keys, or a click (which answers at once).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlaceDraft {
    pub crosshair: Crosshair,
    /// A mouse click put the crosshair there: the answer needs no confirming.
    pub clicked: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PlaceEdit {
    /// The mouse clicked here.
    Click(LatLon),
    /// An arrow key: move the crosshair by km east and north.
    Nudge([f64; 2]),
}

impl WhereIsQuestion {
    /// Where is the dealt city, or one of the pool's at random.
    pub fn draw(ctx: &Draw<'_, '_>, rng: &mut QuizRng) -> Result<Self, DrawError> {
        let city = ctx.city(Kind::WhereIs, rng)?;
        Ok(Self {
            city: ctx.dataset().key(city),
        })
    }

    pub fn prompt(&self, dataset: &Dataset) -> String {
        format!(
            "Where is {}?",
            super::basics::city_name(dataset, &self.city)
        )
    }

    pub fn draft(&self) -> PlaceDraft {
        PlaceDraft::default()
    }

    pub fn grade(
        &self,
        dataset: &Dataset,
        answer: Option<&PlaceAnswer>,
    ) -> Result<Graded<PlaceFeedback>, GradeError> {
        let truth = dataset.city(resolve(dataset, &self.city)?).location;
        let guess = answer.map(|answer| {
            let km = distance_km(truth, answer.at);
            Placed {
                at: answer.at,
                km,
                direction: Compass::between(truth, answer.at),
                hit_instead: city_hit_instead(dataset, answer.at, &self.city),
            }
        });
        let km = guess.as_ref().map_or(f64::INFINITY, |placed| placed.km);
        Ok(Graded {
            accuracy: place_accuracy(km),
            correct: km <= RIGHT_WITHIN_KM,
            feedback: PlaceFeedback {
                city: self.city.clone(),
                truth,
                guess,
            },
        })
    }

    pub fn right_answer(&self, dataset: &Dataset) -> Result<PlaceAnswer, GradeError> {
        Ok(PlaceAnswer {
            at: dataset.city(resolve(dataset, &self.city)?).location,
        })
    }

    /// A click 450 km from the city: beyond any points.
    pub fn wrong_answer(&self, dataset: &Dataset) -> Result<PlaceAnswer, GradeError> {
        self.offset_answer(dataset, 450.0, 225.0)
    }

    /// A click 100 km east: about half the points.
    pub fn near_miss(&self, dataset: &Dataset) -> Result<PlaceAnswer, GradeError> {
        self.offset_answer(dataset, 100.0, 90.0)
    }

    fn offset_answer(
        &self,
        dataset: &Dataset,
        km: f64,
        bearing: f64,
    ) -> Result<PlaceAnswer, GradeError> {
        let truth = dataset.city(resolve(dataset, &self.city)?).location;
        Ok(PlaceAnswer {
            at: offset(truth, km, bearing),
        })
    }
}

/// The point `km` from `from` on a bearing (degrees clockwise from north).
pub fn offset(from: LatLon, km: f64, bearing: f64) -> LatLon {
    let to = Haversine.destination(from.point(), bearing, km * 1000.0);
    LatLon {
        lat: to.y(),
        lon: to.x(),
    }
}

/// A click in words for the results list: "near Sinpo", or its coordinates far from any city.
pub fn describe_click(dataset: &Dataset, at: LatLon) -> String {
    let nearest = dataset
        .cities
        .iter()
        .map(|city| (distance_km(at, city.location), city))
        .min_by(|a, b| a.0.total_cmp(&b.0));
    match nearest {
        Some((km, city)) if km <= super::placement::HIT_WITHIN_KM => {
            format!("a click near {}", city.name)
        }
        _ => format!("a click at {:.2}° N, {:.2}° E", at.lat, at.lon),
    }
}

impl PlaceDraft {
    pub fn apply(&mut self, edit: &PlaceEdit) {
        match edit {
            PlaceEdit::Click(at) => {
                self.crosshair.at = Some(*at);
                self.clicked = true;
            }
            PlaceEdit::Nudge(by) => self.crosshair.nudge(*by),
        }
    }

    pub fn answer(&self) -> Option<PlaceAnswer> {
        self.crosshair.at.map(|at| PlaceAnswer { at })
    }

    /// A click answers at once; the crosshair waits for Enter.
    pub fn finished(&self) -> bool {
        self.clicked
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::test_dataset;
    use proptest::prelude::*;

    fn question() -> WhereIsQuestion {
        WhereIsQuestion {
            city: CityKey::new("hamhung"),
        }
    }

    #[test]
    fn a_click_on_the_city_scores_full_marks() {
        let d = test_dataset();
        let q = question();
        let graded = q.grade(&d, Some(&q.right_answer(&d).unwrap())).unwrap();
        assert_eq!(graded.accuracy, 1.0);
        assert!(graded.correct);
        let placed = graded.feedback.guess.unwrap();
        assert!(placed.km < 0.001);
        assert_eq!(placed.in_words(), "right on it");
        assert_eq!(placed.hit_instead, None);
    }

    #[test]
    fn a_click_100_km_east_keeps_about_half_and_says_east() {
        let d = test_dataset();
        let q = question();
        let graded = q.grade(&d, Some(&q.near_miss(&d).unwrap())).unwrap();
        assert_eq!((graded.accuracy * 1000.0).round(), 531.0);
        assert!(!graded.correct);
        let placed = graded.feedback.guess.unwrap();
        assert_eq!(placed.direction, Compass::East);
        assert_eq!(placed.in_words(), "100 km too far east");
    }

    #[test]
    fn far_off_and_no_answer_score_nothing() {
        let d = test_dataset();
        let q = question();
        let far = q.grade(&d, Some(&q.wrong_answer(&d).unwrap())).unwrap();
        assert_eq!(far.accuracy, 0.0);
        let none = q.grade(&d, None).unwrap();
        assert_eq!(none.accuracy, 0.0);
        assert_eq!(none.feedback.guess, None);
        let gone = WhereIsQuestion {
            city: CityKey::new("atlantis"),
        };
        assert!(matches!(
            gone.grade(&d, None),
            Err(GradeError::UnknownCity(_))
        ));
    }

    #[test]
    fn a_click_on_sinpo_for_hamhung_records_sinpo() {
        let d = test_dataset();
        let at = d.city_by_slug("sinpo").unwrap().location;
        let graded = question().grade(&d, Some(&PlaceAnswer { at })).unwrap();
        let placed = graded.feedback.guess.unwrap();
        assert_eq!(placed.hit_instead, Some(CityKey::new("sinpo")));
    }

    #[test]
    fn the_crosshair_waits_for_enter_and_a_click_answers() {
        let mut draft = question().draft();
        assert_eq!(draft.answer(), None);
        draft.apply(&PlaceEdit::Nudge([10.0, 0.0]));
        assert!(draft.answer().is_some());
        assert!(!draft.finished());
        let at = LatLon {
            lat: 40.0,
            lon: 127.0,
        };
        draft.apply(&PlaceEdit::Click(at));
        assert!(draft.finished());
        assert_eq!(draft.answer(), Some(PlaceAnswer { at }));
    }

    proptest! {
        /// For any click, one further along the same line from the city never scores more.
        #[test]
        fn points_never_rise_as_a_click_moves_away(
            bearing in 0.0..360.0f64, near in 0.0..600.0f64, extra in 0.0..600.0f64,
        ) {
            let d = test_dataset();
            let q = question();
            let truth = q.right_answer(&d).unwrap().at;
            let grade_at = |km: f64| {
                q.grade(&d, Some(&PlaceAnswer { at: offset(truth, km, bearing) }))
                    .unwrap()
                    .accuracy
            };
            prop_assert!(grade_at(near + extra) <= grade_at(near));
        }
    }
}
