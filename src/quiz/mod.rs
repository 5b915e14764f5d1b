//! Quizzes as data. A question, the player's answer and its grade are plain values keyed by
//! stable city slugs, so they serialize and can be saved; grading is a pure function of the
//! dataset, the question and the answer.
//!
//! # One home per question kind
//! Each kind is one module here that owns everything about it: the question's data and prompt,
//! how it is drawn from the dataset, the *draft* the player edits before answering (and the
//! edits it takes), pure grading (an error for a question the data cannot grade), feedback whose
//! figures carry year, kind and source, and a right and a wrong answer for tests.
//! This file is the registry: one variant per kind in [`Question`], [`Answer`], [`Feedback`],
//! [`Draft`] and [`Edit`], and one arm per kind in their methods and in [`grade`]; the drafts'
//! dispatch is in `drafts.rs`, the right, wrong and near answers' in `sample_answers.rs`.
//!
//! ## Adding a kind (the recipe)
//! 1. Write `src/quiz/<kind>.rs` after `guess_population.rs`: `XQuestion` (serde) with
//!    `generate`, `prompt`, `draft`, `grade(dataset, Option<&XAnswer>) -> Result<Graded<XFeedback>,
//!    GradeError>`, `right_answer`, `wrong_answer`; `XAnswer`, `XFeedback` (serde), `XDraft` with
//!    `apply(&XEdit)` and `answer() -> Option<XAnswer>`; unit tests beside them.
//! 2. Here: a `mod` line, and one variant or arm in each enum and `match` below, in `drafts.rs`
//!    and in `sample_answers.rs` (the compiler lists every one that is missing).
//! 3. In the game: one panel file in `src/game/screens/quiz/kinds/` (`asking`, `feedback`,
//!    `keys`, `HINTS` over the kind's draft and feedback; a map kind adds `asking_overlay`,
//!    `feedback_overlay`, `click` and its markers), and one arm in each `match` of that folder's
//!    `mod.rs`, the game's registry — none has an arm for "every other kind", so the compiler
//!    lists each one.
//! 4. Its `draw` (the common signature of `generate.rs`), a variant of [`Kind`] there and an arm
//!    in its `draw`; a line in `tests/e2e.sh` for its screenshots. A level asks it by its name in
//!    a round's `kinds` (levels/README.md).

mod basics;
mod drafts;
pub mod endless;
pub mod facts;
pub mod find_on_map;
pub mod generate;
#[cfg(test)]
mod golden_tests;
pub mod guess_population;
pub mod higher_or_lower;
pub mod match_board;
pub mod name_marked;
pub mod order_by_population;
pub mod placement;
pub mod population;
mod sample_answers;
pub mod scoring;
pub mod session;
pub mod true_false;
pub mod where_is;
pub mod which_city;
pub mod which_fact;
pub mod which_province;

use serde::{Deserialize, Serialize};

use crate::dataset::{CityId, CityKey, Dataset};
use crate::format::thousands;
use find_on_map::{FindAnswer, FindDraft, FindEdit, FindFeedback, FindQuestion};
use generate::{Draw, DrawError, KindOptions, Pool, Subject};
use guess_population::{GuessAnswer, GuessDraft, GuessEdit, GuessFeedback, GuessQuestion};
use higher_or_lower::{ComparisonFeedback, HigherOrLowerQuestion, PickAnswer, PickDraft, PickEdit};
use match_board::{BoardAnswer, BoardDraft, BoardEdit, BoardFeedback, MatchBoardQuestion};
use name_marked::{NameAnswer, NameDraft, NameEdit, NameFeedback, NameQuestion};
use order_by_population::{OrderAnswer, OrderDraft, OrderEdit, OrderFeedback, OrderQuestion};
use true_false::{
    TrueFalseAnswer, TrueFalseDraft, TrueFalseEdit, TrueFalseFeedback, TrueFalseQuestion,
};
use where_is::{PlaceAnswer, PlaceDraft, PlaceEdit, PlaceFeedback, WhereIsQuestion};
use which_city::{
    CityChoice, CityChoiceDraft, CityChoiceEdit, FactCityFeedback, WhichCityQuestion,
};
use which_fact::{
    FactChoice, FactChoiceDraft, FactChoiceEdit, WhichFactFeedback, WhichFactQuestion,
};
use which_province::{
    ProvinceAnswer, ProvinceDraft, ProvinceEdit, ProvinceFeedback, ProvinceQuestion,
};

pub use basics::{
    GradeError, Graded, QuizRng, city_name, describe_cities, next_seed, rng_from_seed,
};
pub use generate::Kind;
pub use session::{QuestionResult, QuizSession, Stage, Summary};

pub type Grade = Graded<Feedback>;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Question {
    OrderByPopulation(OrderQuestion),
    HigherOrLower(HigherOrLowerQuestion),
    GuessPopulation(GuessQuestion),
    WhereIs(WhereIsQuestion),
    FindOnMap(FindQuestion),
    NameMarked(NameQuestion),
    WhichProvince(ProvinceQuestion),
    WhichCity(WhichCityQuestion),
    TrueFalse(TrueFalseQuestion),
    WhichFact(WhichFactQuestion),
    MatchBoard(MatchBoardQuestion),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Answer {
    OrderByPopulation(OrderAnswer),
    HigherOrLower(PickAnswer),
    GuessPopulation(GuessAnswer),
    WhereIs(PlaceAnswer),
    FindOnMap(FindAnswer),
    NameMarked(NameAnswer),
    WhichProvince(ProvinceAnswer),
    WhichCity(CityChoice),
    TrueFalse(TrueFalseAnswer),
    WhichFact(FactChoice),
    MatchBoard(BoardAnswer),
    /// Time ran out, or the player skipped: graded as wrong, with the feedback all the same.
    NoAnswer,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Feedback {
    OrderByPopulation(OrderFeedback),
    HigherOrLower(ComparisonFeedback),
    GuessPopulation(GuessFeedback),
    WhereIs(PlaceFeedback),
    FindOnMap(FindFeedback),
    NameMarked(NameFeedback),
    WhichProvince(ProvinceFeedback),
    WhichCity(FactCityFeedback),
    TrueFalse(TrueFalseFeedback),
    WhichFact(WhichFactFeedback),
    MatchBoard(BoardFeedback),
}

/// The answer the player is building for the current question.
#[derive(Clone, Debug, PartialEq)]
pub enum Draft {
    OrderByPopulation(OrderDraft),
    HigherOrLower(PickDraft),
    GuessPopulation(GuessDraft),
    WhereIs(PlaceDraft),
    FindOnMap(FindDraft),
    NameMarked(NameDraft),
    WhichProvince(ProvinceDraft),
    WhichCity(CityChoiceDraft),
    TrueFalse(TrueFalseDraft),
    WhichFact(FactChoiceDraft),
    MatchBoard(BoardDraft),
}

/// One thing the player did to a draft (a key, a click, a drag).
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    OrderByPopulation(OrderEdit),
    HigherOrLower(PickEdit),
    GuessPopulation(GuessEdit),
    WhereIs(PlaceEdit),
    FindOnMap(FindEdit),
    NameMarked(NameEdit),
    WhichProvince(ProvinceEdit),
    WhichCity(CityChoiceEdit),
    TrueFalse(TrueFalseEdit),
    WhichFact(FactChoiceEdit),
    MatchBoard(BoardEdit),
}

impl Question {
    /// The kind's name, as errors and saved data call it.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Question::OrderByPopulation(_) => "order-by-population",
            Question::HigherOrLower(_) => "higher-or-lower",
            Question::GuessPopulation(_) => "guess-population",
            Question::WhereIs(_) => "where-is",
            Question::FindOnMap(_) => "find-on-map",
            Question::NameMarked(_) => "name-marked",
            Question::WhichProvince(_) => "which-province",
            Question::WhichCity(_) => "which-city",
            Question::TrueFalse(_) => "true-false",
            Question::WhichFact(_) => "which-fact",
            Question::MatchBoard(_) => "match-board",
        }
    }

    /// Whether the question keeps its own clock (the match board): the quiz's time rule then
    /// does not reduce its points again.
    pub fn times_itself(&self) -> bool {
        matches!(self, Question::MatchBoard(_))
    }

    /// Whether the question is answered on the map (the map fills the screen while it is asked).
    pub fn is_on_map(&self) -> bool {
        matches!(
            self,
            Question::WhereIs(_)
                | Question::FindOnMap(_)
                | Question::NameMarked(_)
                | Question::WhichProvince(_)
        )
    }

    /// The question as the player reads it.
    pub fn prompt(&self, dataset: &Dataset) -> String {
        match self {
            Question::OrderByPopulation(q) => q.prompt(),
            Question::HigherOrLower(q) => q.prompt(dataset),
            Question::GuessPopulation(q) => q.prompt(dataset),
            Question::WhereIs(q) => q.prompt(dataset),
            Question::FindOnMap(q) => q.prompt(dataset),
            Question::NameMarked(q) => q.prompt(),
            Question::WhichProvince(q) => q.prompt(dataset),
            Question::WhichCity(q) => q.prompt(dataset),
            Question::TrueFalse(q) => q.prompt(dataset),
            Question::WhichFact(q) => q.prompt(dataset),
            Question::MatchBoard(q) => q.prompt(),
        }
    }

    /// The cities the question is about, for the map beside its feedback.
    pub fn cities(&self) -> Vec<CityKey> {
        match self {
            Question::OrderByPopulation(q) => q.cities.clone(),
            Question::HigherOrLower(q) => vec![q.left.clone(), q.right.clone()],
            Question::GuessPopulation(q) => vec![q.city.clone()],
            Question::WhereIs(q) => vec![q.city.clone()],
            Question::FindOnMap(q) => vec![q.city.clone()],
            Question::NameMarked(q) => vec![q.city.clone()],
            Question::WhichProvince(q) => vec![q.city.clone()],
            Question::WhichCity(q) => q.choices.clone(),
            Question::TrueFalse(q) => vec![q.city.clone()],
            Question::WhichFact(q) => vec![q.city.clone()],
            Question::MatchBoard(q) => q.cities.clone(),
        }
    }

    /// The one city the question asks about, when there is one: what the mastery map counts
    /// the answer towards. Questions that compare or match several cities have none.
    pub fn subject(&self) -> Option<CityKey> {
        match self {
            Question::GuessPopulation(q) => Some(q.city.clone()),
            Question::WhereIs(q) => Some(q.city.clone()),
            Question::FindOnMap(q) => Some(q.city.clone()),
            Question::NameMarked(q) => Some(q.city.clone()),
            Question::WhichProvince(q) => Some(q.city.clone()),
            Question::TrueFalse(q) => Some(q.city.clone()),
            Question::WhichFact(q) => Some(q.city.clone()),
            Question::WhichCity(q) => q.fact.owner(),
            Question::OrderByPopulation(_)
            | Question::HigherOrLower(_)
            | Question::MatchBoard(_) => None,
        }
    }

    /// A fresh draft for the player to edit.
    pub fn draft(&self, dataset: &Dataset) -> Draft {
        match self {
            Question::OrderByPopulation(q) => Draft::OrderByPopulation(q.draft()),
            Question::HigherOrLower(q) => Draft::HigherOrLower(q.draft()),
            Question::GuessPopulation(q) => Draft::GuessPopulation(q.draft(dataset)),
            Question::WhereIs(q) => Draft::WhereIs(q.draft()),
            Question::FindOnMap(q) => Draft::FindOnMap(q.draft()),
            Question::NameMarked(q) => Draft::NameMarked(q.draft()),
            Question::WhichProvince(q) => Draft::WhichProvince(q.draft()),
            Question::WhichCity(q) => Draft::WhichCity(q.draft()),
            Question::TrueFalse(q) => Draft::TrueFalse(q.draft()),
            Question::WhichFact(q) => Draft::WhichFact(q.draft()),
            Question::MatchBoard(q) => Draft::MatchBoard(q.draft(dataset)),
        }
    }
}

impl Answer {
    fn kind_name(&self) -> &'static str {
        match self {
            Answer::OrderByPopulation(_) => "order-by-population",
            Answer::HigherOrLower(_) => "higher-or-lower",
            Answer::GuessPopulation(_) => "guess-population",
            Answer::WhereIs(_) => "where-is",
            Answer::FindOnMap(_) => "find-on-map",
            Answer::NameMarked(_) => "name-marked",
            Answer::WhichProvince(_) => "which-province",
            Answer::WhichCity(_) => "which-city",
            Answer::TrueFalse(_) => "true-false",
            Answer::WhichFact(_) => "which-fact",
            Answer::MatchBoard(_) => "match-board",
            Answer::NoAnswer => "no",
        }
    }

    /// The answer in a few words, for the results list.
    pub fn describe(&self, dataset: &Dataset) -> String {
        match self {
            Answer::OrderByPopulation(a) => order_by_population::describe_order(dataset, &a.order),
            Answer::HigherOrLower(a) => city_name(dataset, &a.city),
            Answer::GuessPopulation(a) => thousands(a.number),
            Answer::WhereIs(a) => where_is::describe_click(dataset, a.at),
            Answer::FindOnMap(a) => describe_cities(dataset, &a.clicks),
            Answer::NameMarked(a) => a.describe(dataset),
            Answer::WhichProvince(a) => which_province::province_name(dataset, &a.province),
            Answer::WhichCity(a) => city_name(dataset, &a.city),
            Answer::TrueFalse(a) => if a.says_true { "true" } else { "false" }.into(),
            Answer::WhichFact(a) => facts::resolve_fact(dataset, &a.fact)
                .map_or_else(|_| a.fact.0.clone(), |pair| format!("“{}”", pair.fact.text)),
            Answer::MatchBoard(a) => format!("{} misses in {:.1} s", a.misses, a.seconds),
            Answer::NoAnswer => "no answer".into(),
        }
    }
}

impl Feedback {
    /// Whether the question was answered on the map (its feedback draws on the map too).
    pub fn is_on_map(&self) -> bool {
        matches!(
            self,
            Feedback::WhereIs(_)
                | Feedback::FindOnMap(_)
                | Feedback::NameMarked(_)
                | Feedback::WhichProvince(_)
        )
    }

    /// The cities the feedback is about, in the order it lists them: what the map shows.
    pub fn cities(&self) -> Vec<CityKey> {
        match self {
            Feedback::OrderByPopulation(f) => f.truth.iter().map(|t| t.city.clone()).collect(),
            Feedback::HigherOrLower(f) => vec![f.larger.city.clone(), f.smaller.city.clone()],
            Feedback::GuessPopulation(f) => vec![f.truth.city.clone()],
            Feedback::WhereIs(f) => vec![f.city.clone()],
            Feedback::FindOnMap(f) => std::iter::once(&f.city).chain(&f.misses).cloned().collect(),
            Feedback::NameMarked(f) => std::iter::once(&f.city).chain(&f.named).cloned().collect(),
            Feedback::WhichProvince(f) => vec![f.city.clone()],
            Feedback::WhichCity(f) => std::iter::once(&f.city).chain(&f.chosen).cloned().collect(),
            Feedback::TrueFalse(f) => {
                let mut cities = vec![f.city.clone()];
                if f.fact_city != f.city {
                    cities.push(f.fact_city.clone());
                }
                cities
            }
            Feedback::WhichFact(f) => std::iter::once(f.city.clone())
                .chain(f.chosen.iter().map(|(_, about)| about.clone()))
                .collect(),
            Feedback::MatchBoard(f) => f.pairs.iter().map(|(_, city)| city.clone()).collect(),
        }
    }

    /// The right answer in a few words, with its figures, for the results list.
    pub fn describe_truth(&self, dataset: &Dataset) -> String {
        match self {
            Feedback::OrderByPopulation(f) => {
                let order: Vec<CityKey> = f.truth.iter().map(|t| t.city.clone()).collect();
                order_by_population::describe_order(dataset, &order)
            }
            Feedback::HigherOrLower(f) => format!(
                "{} ({}) over {} ({})",
                city_name(dataset, &f.larger.city),
                thousands(f.larger.count),
                city_name(dataset, &f.smaller.city),
                thousands(f.smaller.count)
            ),
            Feedback::GuessPopulation(f) => thousands(f.truth.count),
            Feedback::WhereIs(f) => match &f.guess {
                Some(placed) => format!("{} ({})", city_name(dataset, &f.city), placed.in_words()),
                None => city_name(dataset, &f.city),
            },
            Feedback::FindOnMap(f) => city_name(dataset, &f.city),
            Feedback::NameMarked(f) => city_name(dataset, &f.city),
            Feedback::WhichProvince(f) => which_province::province_name(dataset, &f.right),
            Feedback::WhichCity(f) => city_name(dataset, &f.city),
            Feedback::TrueFalse(f) => if f.truth { "true" } else { "false" }.into(),
            Feedback::WhichFact(f) => format!("“{}”", f.right.text),
            Feedback::MatchBoard(f) => format!("{} pairs, no miss", f.pairs.len()),
        }
    }
}

impl Kind {
    /// Whether the kind can be asked about this city of the pool (which province: only a city
    /// in a province the map draws; a fact of the city: only if the pool has one; a figure: only
    /// if the city has it).
    pub fn fits(self, pool: &Pool<'_>, options: &KindOptions, city: CityId) -> bool {
        match self {
            Kind::WhichProvince => which_province::ProvinceQuestion::can_ask(pool.dataset, city),
            Kind::WhichFact => pool.facts.iter().any(|pair| pair.city.id == city),
            Kind::GuessPopulation => {
                population::figure(pool.dataset.city(city), options.measure).is_some()
            }
            _ => true,
        }
    }
}

impl Draw<'_, '_> {
    pub fn dataset(&self) -> &Dataset {
        self.pool.dataset
    }

    /// The dealt city, or one of the pool's at random that `kind` fits.
    pub fn city(&self, kind: Kind, rng: &mut QuizRng) -> Result<CityId, DrawError> {
        match self.subject {
            Some(Subject::City(city)) => Ok(city),
            Some(Subject::Fact(pair)) => Ok(pair.city.id),
            None => {
                let fitting: Vec<CityId> = self
                    .pool
                    .cities
                    .iter()
                    .copied()
                    .filter(|&city| kind.fits(self.pool, self.options, city))
                    .collect();
                if fitting.is_empty() {
                    return Err(DrawError::new(
                        kind,
                        "none of the round's cities can be asked this",
                    ));
                }
                Ok(fitting[rand::RngExt::random_range(rng, 0..fitting.len())])
            }
        }
    }
}

/// One question of `kind` from the draw: each kind's own `draw`.
pub fn draw(kind: Kind, ctx: &Draw<'_, '_>, rng: &mut QuizRng) -> Result<Question, DrawError> {
    Ok(match kind {
        Kind::OrderByPopulation => Question::OrderByPopulation(OrderQuestion::draw(ctx, rng)?),
        Kind::HigherOrLower => Question::HigherOrLower(HigherOrLowerQuestion::draw(ctx, rng)?),
        Kind::GuessPopulation => Question::GuessPopulation(GuessQuestion::draw(ctx, rng)?),
        Kind::WhereIs => Question::WhereIs(WhereIsQuestion::draw(ctx, rng)?),
        Kind::FindOnMap => Question::FindOnMap(FindQuestion::draw(ctx, rng)?),
        Kind::NameMarked => Question::NameMarked(NameQuestion::draw(ctx, rng)?),
        Kind::WhichProvince => Question::WhichProvince(ProvinceQuestion::draw(ctx, rng)?),
        Kind::WhichCity => Question::WhichCity(WhichCityQuestion::draw(ctx, rng)?),
        Kind::TrueFalse => Question::TrueFalse(TrueFalseQuestion::draw(ctx, rng)?),
        Kind::WhichFact => Question::WhichFact(WhichFactQuestion::draw(ctx, rng)?),
        Kind::MatchBoard => Question::MatchBoard(MatchBoardQuestion::draw(ctx, rng)?),
    })
}

/// Grades an answer. Pure: the same dataset, question and answer always give the same grade.
/// An answer of another kind is an error, not a silent zero; `NoAnswer` grades as wrong.
pub fn grade(dataset: &Dataset, question: &Question, answer: &Answer) -> Result<Grade, GradeError> {
    // Each kind grades its own answer, or `None` for no answer; another kind's is an error.
    macro_rules! by_kind {
        ($($kind:ident),*) => {
            match (question, answer) {
                $(
                    (Question::$kind(q), Answer::$kind(a)) => {
                        q.grade(dataset, Some(a)).map(|g| g.map(Feedback::$kind))
                    }
                    (Question::$kind(q), Answer::NoAnswer) => {
                        q.grade(dataset, None).map(|g| g.map(Feedback::$kind))
                    }
                )*
                _ => Err(GradeError::WrongKind {
                    question: question.kind_name(),
                    answer: answer.kind_name(),
                }),
            }
        };
    }
    by_kind!(
        OrderByPopulation,
        HigherOrLower,
        GuessPopulation,
        WhereIs,
        FindOnMap,
        NameMarked,
        WhichProvince,
        WhichCity,
        TrueFalse,
        WhichFact,
        MatchBoard
    )
}

/// Every city of a dataset, in its order: the whole pool, for the unit tests of every kind.
#[cfg(test)]
pub(crate) fn all_cities(dataset: &Dataset) -> Vec<crate::dataset::CityId> {
    dataset.cities.iter().map(|city| city.id).collect()
}

/// The built-in dataset, for the unit tests of every kind.
#[cfg(test)]
pub(crate) fn test_dataset() -> Dataset {
    let map = crate::geography::MapShapes::built_in().expect("the built-in map");
    Dataset::built_in(Some(&map.country)).expect("the built-in dataset")
}

#[cfg(test)]
mod tests {
    use super::population::Measure;
    use super::*;

    #[test]
    fn an_answer_of_another_kind_is_an_error_not_a_zero() {
        let d = test_dataset();
        let question = Question::GuessPopulation(GuessQuestion {
            city: CityKey::new("nampo"),
            measure: Measure::Total,
        });
        let pick = Answer::HigherOrLower(PickAnswer {
            city: CityKey::new("nampo"),
        });
        assert_eq!(
            grade(&d, &question, &pick),
            Err(GradeError::WrongKind {
                question: "guess-population",
                answer: "higher-or-lower"
            })
        );
        let skipped = grade(&d, &question, &Answer::NoAnswer).unwrap();
        assert!(!skipped.correct);
        assert_eq!(skipped.accuracy, 0.0);
    }

    #[test]
    fn questions_answers_and_grades_survive_a_round_trip_by_slug() {
        let d = test_dataset();
        let ranking = crate::plan::testing::questions(&d, "quick-play", 3);
        let map = crate::plan::testing::questions(&d, "map", 3);
        let facts = crate::plan::testing::questions(&d, "facts", 3);
        for question in ranking.into_iter().chain(map).chain(facts) {
            let answer = question.near_miss(&d).unwrap();
            let graded = grade(&d, &question, &answer).unwrap();
            let text = toml::to_string(&Saved {
                question: question.clone(),
                answer: answer.clone(),
                grade: graded.clone(),
            })
            .unwrap();
            let back: Saved = toml::from_str(&text).unwrap();
            assert_eq!(back.question, question);
            assert_eq!(back.answer, answer);
            assert_eq!(back.grade, graded);
        }
        let order = Question::OrderByPopulation(OrderQuestion {
            cities: vec![CityKey::new("pyongyang"), CityKey::new("nampo")],
            measure: Measure::Total,
        });
        let saved = toml::to_string(&Saved {
            grade: grade(&d, &order, &Answer::NoAnswer).unwrap(),
            question: order,
            answer: Answer::NoAnswer,
        })
        .unwrap();
        assert!(saved.contains("kind = \"order-by-population\""), "{saved}");
        assert!(saved.contains("\"pyongyang\""), "{saved}");
    }

    #[derive(Serialize, Deserialize)]
    struct Saved {
        question: Question,
        answer: Answer,
        grade: Grade,
    }

    #[test]
    fn drafts_ignore_edits_of_another_kind() {
        let d = test_dataset();
        let question = Question::HigherOrLower(HigherOrLowerQuestion {
            left: CityKey::new("nampo"),
            right: CityKey::new("pyongyang"),
            measure: Measure::Total,
        });
        let mut draft = question.draft(&d);
        draft.apply(&Edit::GuessPopulation(GuessEdit::TypeDigit(4)));
        assert_eq!(draft.answer(), None);
        draft.apply(&Edit::HigherOrLower(PickEdit::Choose(CityKey::new(
            "nampo",
        ))));
        assert!(draft.answer().is_some());
    }
}
