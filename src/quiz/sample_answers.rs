//! The answers the core makes for any question: right, wrong, and near (partly right where the
//! kind allows). Tests grade them; scripts hand them in (`answer right`) to reach a feedback or
//! the results as a player would.

use super::basics::GradeError;
use super::{Answer, Question};
use crate::dataset::Dataset;

impl Question {
    /// The answer that gets full marks.
    pub fn right_answer(&self, dataset: &Dataset) -> Result<Answer, GradeError> {
        Ok(match self {
            Question::OrderByPopulation(q) => Answer::OrderByPopulation(q.right_answer(dataset)?),
            Question::HigherOrLower(q) => Answer::HigherOrLower(q.right_answer(dataset)?),
            Question::GuessPopulation(q) => Answer::GuessPopulation(q.right_answer(dataset)?),
            Question::WhereIs(q) => Answer::WhereIs(q.right_answer(dataset)?),
            Question::FindOnMap(q) => Answer::FindOnMap(q.right_answer(dataset)?),
            Question::NameMarked(q) => Answer::NameMarked(q.right_answer(dataset)?),
            Question::WhichProvince(q) => Answer::WhichProvince(q.right_answer(dataset)?),
            Question::WhichCity(q) => Answer::WhichCity(q.right_answer(dataset)?),
            Question::TrueFalse(q) => Answer::TrueFalse(q.right_answer(dataset)?),
            Question::WhichFact(q) => Answer::WhichFact(q.right_answer(dataset)?),
            Question::MatchBoard(q) => Answer::MatchBoard(q.right_answer(dataset)?),
        })
    }

    /// An answer that scores nothing.
    pub fn wrong_answer(&self, dataset: &Dataset) -> Result<Answer, GradeError> {
        Ok(match self {
            Question::OrderByPopulation(q) => Answer::OrderByPopulation(q.wrong_answer(dataset)?),
            Question::HigherOrLower(q) => Answer::HigherOrLower(q.wrong_answer(dataset)?),
            Question::GuessPopulation(q) => Answer::GuessPopulation(q.wrong_answer(dataset)?),
            Question::WhereIs(q) => Answer::WhereIs(q.wrong_answer(dataset)?),
            Question::FindOnMap(q) => Answer::FindOnMap(q.wrong_answer(dataset)?),
            Question::NameMarked(q) => Answer::NameMarked(q.wrong_answer(dataset)?),
            Question::WhichProvince(q) => Answer::WhichProvince(q.wrong_answer(dataset)?),
            Question::WhichCity(q) => Answer::WhichCity(q.wrong_answer(dataset)?),
            Question::TrueFalse(q) => Answer::TrueFalse(q.wrong_answer(dataset)?),
            Question::WhichFact(q) => Answer::WhichFact(q.wrong_answer(dataset)?),
            Question::MatchBoard(q) => Answer::MatchBoard(q.wrong_answer(dataset)?),
        })
    }

    /// An answer partly right (or, for right-or-wrong kinds, wrong): for screenshots of feedback.
    pub fn near_miss(&self, dataset: &Dataset) -> Result<Answer, GradeError> {
        Ok(match self {
            Question::OrderByPopulation(q) => Answer::OrderByPopulation(q.near_miss(dataset)?),
            Question::HigherOrLower(q) => Answer::HigherOrLower(q.wrong_answer(dataset)?),
            Question::GuessPopulation(q) => Answer::GuessPopulation(q.near_miss(dataset)?),
            Question::WhereIs(q) => Answer::WhereIs(q.near_miss(dataset)?),
            Question::FindOnMap(q) => Answer::FindOnMap(q.near_miss(dataset)?),
            Question::NameMarked(q) => Answer::NameMarked(q.near_miss(dataset)?),
            Question::WhichProvince(q) => Answer::WhichProvince(q.wrong_answer(dataset)?),
            Question::WhichCity(q) => Answer::WhichCity(q.wrong_answer(dataset)?),
            Question::TrueFalse(q) => Answer::TrueFalse(q.wrong_answer(dataset)?),
            Question::WhichFact(q) => Answer::WhichFact(q.wrong_answer(dataset)?),
            Question::MatchBoard(q) => Answer::MatchBoard(q.near_miss(dataset)?),
        })
    }
}
