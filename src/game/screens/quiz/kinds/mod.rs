//! One panel per question kind, and the registry that dispatches to them. Each kind's file
//! draws over the core's draft and feedback and returns what the player did: `asking` and
//! `feedback` (and, for a map kind, `asking_overlay`, `feedback_overlay` and `click`), `keys`
//! reads its keys, `HINTS` names them. The `match`es below are the registry: one arm per kind,
//! none that catches "every other kind", so the compiler names each place a new kind needs.

mod board;
mod choices;
mod find;
mod guess;
mod higher_or_lower;
mod name;
mod order;
mod province;
mod true_false;
mod where_is;
mod which_city;
mod which_fact;
pub mod widgets;

use bevy::prelude::*;
use bevy_egui::egui;

use super::active::{ActiveQuiz, QuizAction};
use crate::dataset::{CityId, CityKey, Dataset};
use crate::game::data::GameData;
use crate::game::map::MapScene;
use crate::game::map::overlay::MapFrame;
use crate::game::ui::theme::Palette;
use crate::map_view::ScreenPoint;
use crate::quiz::{Answer, Draft, Feedback, Grade, Question};

/// The keys the current question's kind reads, named for the bottom line.
pub fn hints(question: &Question) -> &'static str {
    match question {
        Question::OrderByPopulation(_) => order::HINTS,
        Question::HigherOrLower(_) => higher_or_lower::HINTS,
        Question::GuessPopulation(_) => guess::HINTS,
        Question::WhereIs(_) => where_is::HINTS,
        Question::FindOnMap(_) => find::HINTS,
        Question::NameMarked(_) => name::HINTS,
        Question::WhichProvince(_) => province::HINTS,
        Question::WhichCity(_) => which_city::HINTS,
        Question::TrueFalse(_) => true_false::HINTS,
        Question::WhichFact(_) => which_fact::HINTS,
        Question::MatchBoard(_) => board::HINTS,
    }
}

/// The keys of the current question's kind, as actions. The draft names the kind; a question
/// of another kind than its draft (which the quiz never makes) reads no keys.
pub fn kind_keys(
    keys: &ButtonInput<KeyCode>,
    question: &Question,
    draft: &Draft,
    quiz: &ActiveQuiz,
    data: &GameData,
) -> Vec<QuizAction> {
    match draft {
        Draft::OrderByPopulation(draft) => order::keys(keys, draft),
        Draft::HigherOrLower(_) => {
            let Question::HigherOrLower(question) = question else {
                return Vec::new();
            };
            higher_or_lower::keys(keys, question)
        }
        Draft::GuessPopulation(_) => guess::keys(keys),
        Draft::WhereIs(_) => where_is::keys(keys),
        Draft::FindOnMap(draft) => find::keys(keys, draft, &quiz.cities),
        Draft::NameMarked(_) => {
            let Question::NameMarked(question) = question else {
                return Vec::new();
            };
            name::keys(keys, question)
        }
        Draft::WhichProvince(draft) => province::keys(keys, draft, provinces(quiz, data)),
        Draft::WhichCity(_) => {
            let Question::WhichCity(question) = question else {
                return Vec::new();
            };
            which_city::keys(keys, question)
        }
        Draft::TrueFalse(_) => true_false::keys(keys),
        Draft::WhichFact(_) => {
            let Question::WhichFact(question) = question else {
                return Vec::new();
            };
            which_fact::keys(keys, question)
        }
        Draft::MatchBoard(_) => {
            let Question::MatchBoard(question) = question else {
                return Vec::new();
            };
            board::keys(keys, question)
        }
    }
}

/// The current question's answer controls, below its prompt.
pub fn asking(
    ui: &mut egui::Ui,
    quiz: &ActiveQuiz,
    question: &Question,
    draft: &Draft,
    dataset: &Dataset,
    colours: &Palette,
) -> Vec<QuizAction> {
    match draft {
        Draft::OrderByPopulation(draft) => order::asking(ui, draft, dataset, colours),
        Draft::HigherOrLower(_) => {
            let Question::HigherOrLower(question) = question else {
                return Vec::new();
            };
            higher_or_lower::asking(ui, question, dataset)
        }
        Draft::GuessPopulation(draft) => guess::asking(ui, draft, quiz.incomplete, colours),
        Draft::WhereIs(draft) => {
            where_is::asking(ui, draft, quiz.incomplete, colours);
            Vec::new()
        }
        Draft::FindOnMap(draft) => {
            find::asking(ui, draft, dataset, colours);
            Vec::new()
        }
        Draft::NameMarked(draft) => {
            let Question::NameMarked(question) = question else {
                return Vec::new();
            };
            name::asking(ui, question, draft, dataset, colours)
        }
        Draft::WhichProvince(_) => {
            let names_shown = quiz.choices.difficulty.shows_province_names();
            province::asking(ui, names_shown, colours);
            Vec::new()
        }
        Draft::WhichCity(_) => {
            let Question::WhichCity(question) = question else {
                return Vec::new();
            };
            which_city::asking(ui, question, dataset)
        }
        Draft::TrueFalse(_) => true_false::asking(ui),
        Draft::WhichFact(_) => {
            let Question::WhichFact(question) = question else {
                return Vec::new();
            };
            which_fact::asking(ui, question, dataset)
        }
        Draft::MatchBoard(draft) => {
            let Question::MatchBoard(question) = question else {
                return Vec::new();
            };
            board::asking(ui, question, draft, dataset, colours)
        }
    }
}

/// The kind's figures after an answer (the verdict above them is shared).
pub fn feedback(
    ui: &mut egui::Ui,
    grade: &Grade,
    answer: Option<&Answer>,
    dataset: &Dataset,
    colours: &Palette,
) {
    match &grade.feedback {
        Feedback::OrderByPopulation(feedback) => {
            let answer = if let Some(Answer::OrderByPopulation(answer)) = answer {
                Some(answer)
            } else {
                None
            };
            order::feedback(ui, feedback, answer, dataset, colours)
        }
        Feedback::HigherOrLower(feedback) => {
            higher_or_lower::feedback(ui, feedback, dataset, colours)
        }
        Feedback::GuessPopulation(feedback) => {
            let answer = if let Some(Answer::GuessPopulation(answer)) = answer {
                Some(answer)
            } else {
                None
            };
            guess::feedback(ui, feedback, answer, colours)
        }
        Feedback::WhereIs(feedback) => where_is::feedback(ui, feedback, dataset, grade.correct),
        Feedback::FindOnMap(feedback) => find::feedback(ui, feedback, dataset),
        Feedback::NameMarked(feedback) => name::feedback(ui, feedback, dataset, grade.correct),
        Feedback::WhichProvince(feedback) => {
            province::feedback(ui, feedback, dataset, grade.correct)
        }
        Feedback::WhichCity(feedback) => {
            which_city::feedback(ui, feedback, dataset, grade.correct, colours)
        }
        Feedback::TrueFalse(feedback) => {
            true_false::feedback(ui, feedback, dataset, grade.correct, colours)
        }
        Feedback::WhichFact(feedback) => {
            which_fact::feedback(ui, feedback, dataset, grade.correct, colours)
        }
        Feedback::MatchBoard(feedback) => {
            board::feedback(ui, feedback, dataset, grade.correct, colours)
        }
    }
}

/// The map's province shapes, named as the quiz's dataset names them.
fn provinces<'a>(quiz: &'a ActiveQuiz, data: &'a GameData) -> province::Provinces<'a> {
    province::Provinces {
        shapes: &data.map,
        dataset: &quiz.dataset,
    }
}

/// Draws a map kind's feedback over the map; false for kinds whose map only labels cities.
pub fn feedback_overlay(
    frame: &MapFrame,
    grade: &Grade,
    quiz: &ActiveQuiz,
    data: &GameData,
) -> bool {
    let dataset = &quiz.dataset;
    match &grade.feedback {
        Feedback::WhereIs(f) => where_is::feedback_overlay(frame, f, dataset),
        Feedback::FindOnMap(f) => find::feedback_overlay(frame, f, dataset),
        Feedback::NameMarked(f) => name::feedback_overlay(frame, f, dataset),
        Feedback::WhichProvince(f) => province::feedback_overlay(frame, f, provinces(quiz, data)),
        Feedback::OrderByPopulation(_)
        | Feedback::HigherOrLower(_)
        | Feedback::GuessPopulation(_)
        | Feedback::WhichCity(_)
        | Feedback::TrueFalse(_)
        | Feedback::WhichFact(_)
        | Feedback::MatchBoard(_) => return false,
    }
    true
}

/// What a map question draws over the map while it is asked.
pub fn asking_overlay(frame: &MapFrame, quiz: &ActiveQuiz, data: &GameData) {
    let (Some(question), Some(draft)) = (quiz.session.current(), &quiz.draft) else {
        return;
    };
    let names_shown = quiz.choices.difficulty.shows_province_names();
    match draft {
        Draft::WhereIs(draft) => where_is::asking_overlay(frame, draft),
        Draft::FindOnMap(draft) => find::asking_overlay(frame, draft, &quiz.dataset),
        Draft::NameMarked(_) => {
            if let Question::NameMarked(question) = question {
                name::asking_overlay(frame, question, &quiz.dataset)
            }
        }
        Draft::WhichProvince(draft) => {
            province::asking_overlay(frame, draft, provinces(quiz, data), names_shown)
        }
        // Asked without the map.
        Draft::OrderByPopulation(_)
        | Draft::HigherOrLower(_)
        | Draft::GuessPopulation(_)
        | Draft::WhichCity(_)
        | Draft::TrueFalse(_)
        | Draft::WhichFact(_)
        | Draft::MatchBoard(_) => {}
    }
}

/// A click on the map during a map question, as the question's kind reads it.
pub fn map_click(
    quiz: &ActiveQuiz,
    at: ScreenPoint,
    scene: &MapScene,
    data: &GameData,
) -> Vec<QuizAction> {
    let Some(question) = quiz.session.current() else {
        return Vec::new();
    };
    match question {
        Question::WhereIs(_) => where_is::click(at, &scene.view),
        Question::FindOnMap(_) => find::click(at, scene),
        Question::WhichProvince(_) => province::click(at, &scene.view, provinces(quiz, data)),
        // Name the marked city is answered in the side panel; the others have no map.
        Question::NameMarked(_)
        | Question::OrderByPopulation(_)
        | Question::HigherOrLower(_)
        | Question::GuessPopulation(_)
        | Question::WhichCity(_)
        | Question::TrueFalse(_)
        | Question::WhichFact(_)
        | Question::MatchBoard(_) => Vec::new(),
    }
}

/// Which markers a question's map shows (none for "where is", so no marker gives the answer
/// away) and which of them stand out; `None` for a question asked without the map.
pub fn map_markers(question: &Question, quiz: &ActiveQuiz) -> Option<(Vec<CityId>, Vec<CityId>)> {
    match question {
        Question::WhereIs(_) | Question::WhichProvince(_) => Some((Vec::new(), Vec::new())),
        Question::FindOnMap(find) => Some((quiz.cities.city_ids(&find.markers), Vec::new())),
        Question::NameMarked(question) => Some(name::map_markers(question, quiz)),
        Question::OrderByPopulation(_)
        | Question::HigherOrLower(_)
        | Question::GuessPopulation(_)
        | Question::WhichCity(_)
        | Question::TrueFalse(_)
        | Question::WhichFact(_)
        | Question::MatchBoard(_) => None,
    }
}

/// On the results map: a map kind's own marks for one answer (a where-is click and its line to
/// the city), and the city it asked about; `None` for a kind asked without the map.
pub fn results_overlay<'f>(frame: &MapFrame, feedback: &'f Feedback) -> Option<&'f CityKey> {
    match feedback {
        Feedback::WhereIs(f) => {
            where_is::results_overlay(frame, f);
            Some(&f.city)
        }
        Feedback::FindOnMap(f) => Some(&f.city),
        Feedback::NameMarked(f) => Some(&f.city),
        Feedback::WhichProvince(f) => Some(&f.city),
        Feedback::OrderByPopulation(_)
        | Feedback::HigherOrLower(_)
        | Feedback::GuessPopulation(_)
        | Feedback::WhichCity(_)
        | Feedback::TrueFalse(_)
        | Feedback::WhichFact(_)
        | Feedback::MatchBoard(_) => None,
    }
}
