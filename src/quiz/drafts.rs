//! The answer being put together: each edit the player makes, stamped with the question's
//! clock, and what the draft hands in.

use super::{Answer, Draft, Edit};

impl Edit {
    /// The edit as made `seconds` after the question was shown: the match board's clock reads
    /// the time of each pair from it (other edits carry no time).
    pub fn at(mut self, seconds: f64) -> Edit {
        if let Edit::MatchBoard(super::match_board::BoardEdit::PickCity { at_seconds, .. }) =
            &mut self
        {
            *at_seconds = seconds;
        }
        self
    }
}

impl Draft {
    pub fn apply(&mut self, edit: &Edit) {
        match (self, edit) {
            (Draft::OrderByPopulation(d), Edit::OrderByPopulation(e)) => d.apply(e),
            (Draft::HigherOrLower(d), Edit::HigherOrLower(e)) => d.apply(e),
            (Draft::GuessPopulation(d), Edit::GuessPopulation(e)) => d.apply(e),
            (Draft::WhereIs(d), Edit::WhereIs(e)) => d.apply(e),
            (Draft::FindOnMap(d), Edit::FindOnMap(e)) => d.apply(e),
            (Draft::NameMarked(d), Edit::NameMarked(e)) => d.apply(e),
            (Draft::WhichProvince(d), Edit::WhichProvince(e)) => d.apply(e),
            (Draft::WhichCity(d), Edit::WhichCity(e)) => d.apply(e),
            (Draft::TrueFalse(d), Edit::TrueFalse(e)) => d.apply(e),
            (Draft::WhichFact(d), Edit::WhichFact(e)) => d.apply(e),
            (Draft::MatchBoard(d), Edit::MatchBoard(e)) => d.apply(e),
            // An edit meant for another kind of question (a stale click): nothing to do.
            _ => {}
        }
    }

    /// The answer as it stands, or `None` while the draft still lacks one (no number typed).
    pub fn answer(&self) -> Option<Answer> {
        match self {
            Draft::OrderByPopulation(d) => Some(Answer::OrderByPopulation(d.answer())),
            Draft::HigherOrLower(d) => d.answer().map(Answer::HigherOrLower),
            Draft::GuessPopulation(d) => d.answer().map(Answer::GuessPopulation),
            Draft::WhereIs(d) => d.answer().map(Answer::WhereIs),
            Draft::FindOnMap(d) => d.answer().map(Answer::FindOnMap),
            Draft::NameMarked(d) => d.answer().map(Answer::NameMarked),
            Draft::WhichProvince(d) => d.answer().map(Answer::WhichProvince),
            Draft::WhichCity(d) => d.answer().map(Answer::WhichCity),
            Draft::TrueFalse(d) => d.answer().map(Answer::TrueFalse),
            Draft::WhichFact(d) => d.answer().map(Answer::WhichFact),
            Draft::MatchBoard(d) => d.answer().map(Answer::MatchBoard),
        }
    }

    /// Whether the draft is an answer that needs no confirming (a click on the map, the last of
    /// the tries): the quiz hands it in at once.
    pub fn finished(&self) -> bool {
        match self {
            Draft::WhereIs(d) => d.finished(),
            Draft::FindOnMap(d) => d.finished(),
            Draft::WhichProvince(d) => d.finished(),
            Draft::MatchBoard(d) => d.finished(),
            Draft::OrderByPopulation(_)
            | Draft::HigherOrLower(_)
            | Draft::GuessPopulation(_)
            | Draft::NameMarked(_)
            | Draft::WhichCity(_)
            | Draft::TrueFalse(_)
            | Draft::WhichFact(_) => false,
        }
    }
}
