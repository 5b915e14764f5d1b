//! Which province? The player clicks the province a city lies in (or moves the crosshair there
//! and presses Enter); the game finds the province under the click in the map's polygons. Only
//! cities of the nine provinces are asked: a city that is its own division (Pyongyang, Rason,
//! Nampo, Kaesong) would be a question without a choice. Answers name provinces by slug.

use serde::{Deserialize, Serialize};

use super::basics::{GradeError, Graded, QuizRng};
use super::generate::{Draw, DrawError, Kind};
use super::placement::Crosshair;
use super::population::resolve;
use crate::dataset::{CityId, CityKey, Dataset, Province, ProvinceKind};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvinceQuestion {
    pub city: CityKey,
}

/// The province clicked, by slug.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvinceAnswer {
    pub province: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvinceFeedback {
    pub city: CityKey,
    /// The city's province, by slug.
    pub right: String,
    /// The province clicked, by slug.
    pub chosen: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProvinceDraft {
    pub chosen: Option<String>,
    pub crosshair: Crosshair,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProvinceEdit {
    /// This province was clicked (by the mouse, or Enter on the crosshair).
    Choose(String),
    Nudge([f64; 2]),
}

impl ProvinceQuestion {
    /// Which province is the dealt city in (or one of the pool's at random that lies in one).
    pub fn draw(ctx: &Draw<'_, '_>, rng: &mut QuizRng) -> Result<Self, DrawError> {
        let city = ctx.city(Kind::WhichProvince, rng)?;
        if !Self::can_ask(ctx.dataset(), city) {
            return Err(DrawError::new(
                Kind::WhichProvince,
                format!(
                    "{} is a division of its own, in no province",
                    ctx.dataset().city(city).name
                ),
            ));
        }
        Ok(Self {
            city: ctx.dataset().key(city),
        })
    }

    /// Whether the city's province is one the map draws and a player can choose among others.
    pub fn can_ask(dataset: &Dataset, city: CityId) -> bool {
        let province = dataset.province(dataset.city(city).province);
        province.kind == ProvinceKind::Province && !province.iso.is_empty()
    }

    pub fn prompt(&self, dataset: &Dataset) -> String {
        format!(
            "Which province is {} in? Click it on the map.",
            super::basics::city_name(dataset, &self.city)
        )
    }

    pub fn draft(&self) -> ProvinceDraft {
        ProvinceDraft::default()
    }

    pub fn grade(
        &self,
        dataset: &Dataset,
        answer: Option<&ProvinceAnswer>,
    ) -> Result<Graded<ProvinceFeedback>, GradeError> {
        let city = dataset.city(resolve(dataset, &self.city)?);
        let right = dataset.province(city.province).slug.clone();
        let chosen = answer.map(|a| a.province.clone());
        let correct = chosen.as_ref() == Some(&right);
        Ok(Graded {
            accuracy: if correct { 1.0 } else { 0.0 },
            correct,
            feedback: ProvinceFeedback {
                city: self.city.clone(),
                right,
                chosen,
            },
        })
    }

    pub fn right_answer(&self, dataset: &Dataset) -> Result<ProvinceAnswer, GradeError> {
        let right = self.grade(dataset, None)?.feedback.right;
        Ok(ProvinceAnswer { province: right })
    }

    /// Another province on the map.
    pub fn wrong_answer(&self, dataset: &Dataset) -> Result<ProvinceAnswer, GradeError> {
        let right = self.grade(dataset, None)?.feedback.right;
        let other = dataset
            .provinces
            .iter()
            .find(|p| p.slug != right && !p.iso.is_empty())
            .map_or_else(|| right.clone(), |p| p.slug.clone());
        Ok(ProvinceAnswer { province: other })
    }
}

/// A province's name as the feedback shows it, or its slug if the dataset lacks it.
pub fn province_name(dataset: &Dataset, slug: &str) -> String {
    dataset
        .provinces
        .iter()
        .find(|p| p.slug == slug)
        .map_or_else(|| slug.to_string(), |p| p.name.clone())
}

/// The dataset's province the map draws with this ISO code.
pub fn province_by_iso<'d>(dataset: &'d Dataset, iso: &str) -> Option<&'d Province> {
    dataset
        .provinces
        .iter()
        .find(|p| !p.iso.is_empty() && p.iso == iso)
}

impl ProvinceDraft {
    pub fn apply(&mut self, edit: &ProvinceEdit) {
        match edit {
            ProvinceEdit::Choose(slug) => self.chosen = Some(slug.clone()),
            ProvinceEdit::Nudge(by) => self.crosshair.nudge(*by),
        }
    }

    pub fn answer(&self) -> Option<ProvinceAnswer> {
        self.chosen
            .clone()
            .map(|province| ProvinceAnswer { province })
    }

    /// Choosing a province is the answer.
    pub fn finished(&self) -> bool {
        self.chosen.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geography::{MapShapes, OUTLINE_SLACK_DEGREES};
    use crate::quiz::test_dataset;
    use geo::{Distance, Euclidean};

    #[test]
    fn only_cities_of_the_nine_provinces_are_asked() {
        let d = test_dataset();
        let asked: Vec<&str> = d
            .cities
            .iter()
            .filter(|c| ProvinceQuestion::can_ask(&d, c.id))
            .map(|c| c.slug.as_str())
            .collect();
        for own_division in ["pyongyang", "rason", "nampo", "kaesong"] {
            assert!(!asked.contains(&own_division));
        }
        assert!(asked.contains(&"hamhung"));
        assert!(asked.len() >= 20, "{asked:?}");
    }

    /// A player clicks the drawn polygon: every city asked must lie in (or, for a border town
    /// on its river, beside) the polygon of the province the dataset gives it.
    #[test]
    fn every_city_asked_lies_in_its_provinces_polygon() {
        let d = test_dataset();
        let map = MapShapes::built_in().unwrap();
        for city in d
            .cities
            .iter()
            .filter(|c| ProvinceQuestion::can_ask(&d, c.id))
        {
            let province = d.province(city.province);
            let area = map
                .provinces
                .iter()
                .find(|a| a.code == province.iso)
                .unwrap_or_else(|| panic!("no polygon for {}", province.iso));
            let off = Euclidean.distance(&area.shape, &city.location.point());
            assert!(
                off <= OUTLINE_SLACK_DEGREES,
                "{} lies {off:.3}° outside {}",
                city.slug,
                province.name
            );
            if let Some(under) = map.province_at(city.location) {
                assert_eq!(under.code, province.iso, "{}", city.slug);
            }
        }
    }

    #[test]
    fn the_right_province_is_right_and_another_wrong() {
        let d = test_dataset();
        let q = ProvinceQuestion {
            city: CityKey::new("hamhung"),
        };
        let right = q.right_answer(&d).unwrap();
        assert_eq!(right.province, "south-hamgyong");
        assert!(q.grade(&d, Some(&right)).unwrap().correct);
        let wrong = q.grade(&d, Some(&q.wrong_answer(&d).unwrap())).unwrap();
        assert!(!wrong.correct);
        assert_eq!(wrong.feedback.right, "south-hamgyong");
        assert_eq!(province_name(&d, "south-hamgyong"), "South Hamgyong");
        assert_eq!(province_by_iso(&d, "KP-08").unwrap().slug, "south-hamgyong");
    }
}
