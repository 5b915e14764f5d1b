//! Name the marked city: one marker stands out on the map; the player picks its name from four
//! (keys 1–4) or types it. A typed answer may be any recorded spelling (English,
//! McCune–Reischauer, Revised, aliases, Hangul) with or without marks, and one small typo is
//! accepted with the right spelling shown (see `names::match_typed`). The three wrong names are
//! a similar-sounding city and the nearest ones, never the city itself under another spelling.

use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

use super::basics::{GradeError, Graded, QuizRng};
use super::generate::{Draw, DrawError, Kind};
use super::population::resolve;
use crate::dataset::{City, CityId, CityKey, Dataset};
use crate::geography::distance_km;
use crate::names::{TypedName, match_typed, share_a_spelling};
use crate::text::fold;

/// Names to choose from.
pub const CHOICES: usize = 4;
/// Names at least this alike (1 − Damerau–Levenshtein distance / length, on folded names) make
/// a "similar-sounding" choice: Chongjin–Chongju and Kaesong–Kusong are 0.75 and 0.71.
const SOUNDS_ALIKE: f64 = 0.7;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameQuestion {
    pub city: CityKey,
    /// Four names in the order shown, the city's among them.
    pub choices: Vec<CityKey>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "kebab-case")]
pub enum NameAnswer {
    Choice { city: CityKey },
    Typed { text: String },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameFeedback {
    pub city: CityKey,
    /// The city the answer named, if it named one.
    pub named: Option<CityKey>,
    /// A typed answer accepted with a typo: "accepted — it is spelled Hamhung (Hamhŭng)".
    pub spelling_note: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameDraft {
    pub typed: String,
    pub chosen: Option<CityKey>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameEdit {
    Choose(CityKey),
    /// The text field's contents now.
    Type(String),
}

impl NameQuestion {
    /// Name the dealt city (or one of the pool's at random), the wrong names from the pool; a
    /// city the round offers (a drill's other cities) takes the place of a wrong name where it
    /// is not among them already, so a confused pair is told apart.
    pub fn draw(ctx: &Draw<'_, '_>, rng: &mut QuizRng) -> Result<Self, DrawError> {
        let dataset = ctx.dataset();
        let city = ctx.city(Kind::NameMarked, rng)?;
        let others = ctx
            .pool
            .cities
            .iter()
            .filter(|&&other| other != city)
            .count();
        if others + 1 < CHOICES {
            return Err(DrawError::new(
                Kind::NameMarked,
                format!(
                    "a marked city is named from {CHOICES} names: the round needs {CHOICES} cities at least"
                ),
            ));
        }
        let mut named = Self::generate(dataset, city, &ctx.pool.cities, rng);
        let offered: Vec<CityKey> = ctx.offer.iter().map(|&id| dataset.key(id)).collect();
        for other in &offered {
            if named.choices.contains(other) {
                continue;
            }
            if let Some(slot) = named
                .choices
                .iter()
                .position(|choice| *choice != named.city && !offered.contains(choice))
            {
                named.choices[slot] = other.clone();
            }
        }
        Ok(named)
    }

    /// Name `city`, with three wrong names drawn from `pool`.
    pub fn generate(dataset: &Dataset, city: CityId, pool: &[CityId], rng: &mut QuizRng) -> Self {
        let target = dataset.city(city);
        let mut choices = vec![city];
        let eligible: Vec<&City> = pool
            .iter()
            .map(|&id| dataset.city(id))
            .filter(|other| other.id != city && !share_a_spelling(target, other))
            .collect();
        // The most similar-sounding name, if one is alike enough.
        let alike = eligible
            .iter()
            .map(|other| {
                (
                    strsim::normalized_damerau_levenshtein(&fold(&target.name), &fold(&other.name)),
                    other,
                )
            })
            .filter(|(score, _)| *score >= SOUNDS_ALIKE)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, other)| other.id);
        choices.extend(alike);
        // Then near neighbours, in random order among the five nearest.
        let mut near: Vec<&City> = eligible.clone();
        near.sort_by(|a, b| {
            distance_km(target.location, a.location)
                .total_cmp(&distance_km(target.location, b.location))
        });
        let mut nearest: Vec<CityId> = near.iter().take(5).map(|c| c.id).collect();
        nearest.shuffle(rng);
        let mut rest: Vec<CityId> = near.iter().skip(5).map(|c| c.id).collect();
        rest.shuffle(rng);
        for candidate in nearest.into_iter().chain(rest) {
            if choices.len() >= CHOICES {
                break;
            }
            if !choices.contains(&candidate) {
                choices.push(candidate);
            }
        }
        choices.shuffle(rng);
        Self {
            city: dataset.key(city),
            choices: choices.into_iter().map(|id| dataset.key(id)).collect(),
        }
    }

    pub fn prompt(&self) -> String {
        "Which city is marked on the map?".into()
    }

    pub fn draft(&self) -> NameDraft {
        NameDraft::default()
    }

    pub fn grade(
        &self,
        dataset: &Dataset,
        answer: Option<&NameAnswer>,
    ) -> Result<Graded<NameFeedback>, GradeError> {
        let city = dataset.city(resolve(dataset, &self.city)?);
        let (named, spelling_note) = match answer {
            None => (None, None),
            Some(NameAnswer::Choice { city }) => (Some(city.clone()), None),
            Some(NameAnswer::Typed { text }) => match match_typed(dataset, text) {
                TypedName::Exact(id) => (Some(dataset.key(id)), None),
                TypedName::Close(id) => {
                    let named = dataset.city(id);
                    (Some(dataset.key(id)), Some(spelled(named)))
                }
                TypedName::Ambiguous(_) | TypedName::Unknown => (None, None),
            },
        };
        let correct = named.as_ref() == Some(&self.city);
        Ok(Graded {
            accuracy: if correct { 1.0 } else { 0.0 },
            correct,
            feedback: NameFeedback {
                city: dataset.key(city.id),
                named,
                spelling_note: spelling_note.filter(|_| correct),
            },
        })
    }

    pub fn right_answer(&self, dataset: &Dataset) -> Result<NameAnswer, GradeError> {
        resolve(dataset, &self.city)?;
        Ok(NameAnswer::Choice {
            city: self.city.clone(),
        })
    }

    pub fn wrong_answer(&self, dataset: &Dataset) -> Result<NameAnswer, GradeError> {
        resolve(dataset, &self.city)?;
        let other = self.choices.iter().find(|c| **c != self.city);
        Ok(NameAnswer::Choice {
            city: other.cloned().unwrap_or_else(|| CityKey::new("nowhere")),
        })
    }

    /// The name typed with one letter missing: accepted, with the spelling shown.
    pub fn near_miss(&self, dataset: &Dataset) -> Result<NameAnswer, GradeError> {
        let city = dataset.city(resolve(dataset, &self.city)?);
        let mut text = city.name.clone();
        if text.len() >= 5 {
            text.remove(text.len() / 2);
        }
        Ok(NameAnswer::Typed { text })
    }
}

/// "accepted — it is spelled Hamhung (Hamhŭng)".
fn spelled(city: &City) -> String {
    if city.name_mr == city.name {
        format!("accepted — it is spelled {}", city.name)
    } else {
        format!("accepted — it is spelled {} ({})", city.name, city.name_mr)
    }
}

impl NameAnswer {
    pub fn describe(&self, dataset: &Dataset) -> String {
        match self {
            NameAnswer::Choice { city } => super::basics::city_name(dataset, city),
            NameAnswer::Typed { text } => format!("“{text}”"),
        }
    }
}

impl NameDraft {
    pub fn apply(&mut self, edit: &NameEdit) {
        match edit {
            NameEdit::Choose(city) => self.chosen = Some(city.clone()),
            NameEdit::Type(text) => {
                self.typed = text.clone();
                self.chosen = None;
            }
        }
    }

    /// A chosen name, else the typed text when there is any.
    pub fn answer(&self) -> Option<NameAnswer> {
        if let Some(city) = &self.chosen {
            return Some(NameAnswer::Choice { city: city.clone() });
        }
        let text = self.typed.trim();
        (!text.is_empty()).then(|| NameAnswer::Typed { text: text.into() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::placement::{Difficulty, city_pool};
    use crate::quiz::{rng_from_seed, test_dataset};
    use proptest::prelude::*;

    fn question(d: &Dataset, slug: &str, seed: u64) -> NameQuestion {
        let pool = city_pool(d, Difficulty::Hard);
        let id = d.city_by_slug(slug).unwrap().id;
        NameQuestion::generate(d, id, &pool, &mut rng_from_seed(seed))
    }

    fn typed(text: &str) -> NameAnswer {
        NameAnswer::Typed { text: text.into() }
    }

    #[test]
    fn typed_spellings_of_hamhung_are_right_and_others_wrong() {
        let d = test_dataset();
        let q = question(&d, "hamhung", 1);
        for text in [
            "Hamhung", "Hamhŭng", "Hamheung", "hamhung", "HAMHUNG", "함흥",
        ] {
            let graded = q.grade(&d, Some(&typed(text))).unwrap();
            assert!(graded.correct, "{text}");
            assert_eq!(graded.feedback.spelling_note, None, "{text}");
        }
        let close = q.grade(&d, Some(&typed("Hamhng"))).unwrap();
        assert!(close.correct);
        assert_eq!(
            close.feedback.spelling_note.as_deref(),
            Some("accepted — it is spelled Hamhung (Hamhŭng)")
        );
        for text in ["Hanhun", "Hamju"] {
            let graded = q.grade(&d, Some(&typed(text))).unwrap();
            assert!(!graded.correct, "{text}");
            assert_eq!(graded.accuracy, 0.0);
        }
        let near = q.grade(&d, Some(&q.near_miss(&d).unwrap())).unwrap();
        assert!(near.correct);
    }

    #[test]
    fn choices_sound_alike_or_lie_near() {
        let d = test_dataset();
        let q = question(&d, "chongjin", 3);
        assert!(
            q.choices.contains(&CityKey::new("chongju")),
            "{:?}",
            q.choices
        );
        let q = question(&d, "kaesong", 3);
        assert!(
            q.choices.contains(&CityKey::new("kusong")),
            "{:?}",
            q.choices
        );
    }

    #[test]
    fn a_wrong_choice_names_the_city_chosen() {
        let d = test_dataset();
        let q = question(&d, "wonsan", 5);
        let wrong = q.wrong_answer(&d).unwrap();
        let graded = q.grade(&d, Some(&wrong)).unwrap();
        assert!(!graded.correct);
        assert!(graded.feedback.named.is_some());
        assert_ne!(graded.feedback.named, Some(q.city.clone()));
    }

    #[test]
    fn the_draft_prefers_a_choice_and_ignores_blank_text() {
        let mut draft = NameDraft::default();
        assert_eq!(draft.answer(), None);
        draft.apply(&NameEdit::Type("  ".into()));
        assert_eq!(draft.answer(), None);
        draft.apply(&NameEdit::Type("Hamhung".into()));
        assert_eq!(draft.answer(), Some(typed("Hamhung")));
        draft.apply(&NameEdit::Choose(CityKey::new("sinpo")));
        assert_eq!(
            draft.answer(),
            Some(NameAnswer::Choice {
                city: CityKey::new("sinpo")
            })
        );
    }

    proptest! {
        #[test]
        fn four_different_names_the_city_once_and_never_under_another_spelling(
            seed in any::<u64>(), index in 0usize..28,
        ) {
            let d = test_dataset();
            let city = &d.cities[index % d.cities.len()];
            let q = question(&d, &city.slug, seed);
            prop_assert_eq!(q.choices.len(), CHOICES);
            prop_assert_eq!(q.choices.iter().filter(|c| **c == q.city).count(), 1);
            for choice in q.choices.iter().filter(|c| **c != q.city) {
                let other = d.city_by_key(choice).unwrap();
                prop_assert!(!share_a_spelling(city, other));
            }
            let mut unique = q.choices.clone();
            unique.sort();
            unique.dedup();
            prop_assert_eq!(unique.len(), CHOICES);
        }
    }
}
