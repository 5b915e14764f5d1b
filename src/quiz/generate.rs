//! How every kind is drawn, the same way: from a [`Draw`] — the dataset, the round's pool of
//! cities and facts, the kind's options, the subject the round dealt (if it deals them) and the
//! questions asked already — and the quiz's RNG, to a question or a [`DrawError`] that says why
//! the pool is too small. Each kind's module has its `draw`; the registry's `quiz::draw` picks
//! it by [`Kind`]. This file names no kind, so every kind may use it.

use super::facts::{CityFact, askable_facts};
use super::population::Measure;
use crate::dataset::{CityId, Dataset};

/// The kinds of question, as plans and saved data name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
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
    MatchBoard,
}

/// What a round deals a kind when it asks each question about another city.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deals {
    /// A city (where is it, which province, a fact about it …).
    City,
    /// A fact, whose city is then asked about (which city is known for it).
    Fact,
    /// Nothing: the kind picks several cities itself (an ordering, a pair, a board).
    Nothing,
}

impl Kind {
    pub const ALL: [Kind; 11] = [
        Kind::OrderByPopulation,
        Kind::HigherOrLower,
        Kind::GuessPopulation,
        Kind::WhereIs,
        Kind::FindOnMap,
        Kind::NameMarked,
        Kind::WhichProvince,
        Kind::WhichCity,
        Kind::TrueFalse,
        Kind::WhichFact,
        Kind::MatchBoard,
    ];

    /// The name plans, saved questions and errors use.
    pub const fn name(self) -> &'static str {
        match self {
            Kind::OrderByPopulation => "order-by-population",
            Kind::HigherOrLower => "higher-or-lower",
            Kind::GuessPopulation => "guess-population",
            Kind::WhereIs => "where-is",
            Kind::FindOnMap => "find-on-map",
            Kind::NameMarked => "name-marked",
            Kind::WhichProvince => "which-province",
            Kind::WhichCity => "which-city",
            Kind::TrueFalse => "true-false",
            Kind::WhichFact => "which-fact",
            Kind::MatchBoard => "match-board",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.name() == name)
    }

    /// What a round that asks each question about another city deals this kind.
    pub const fn deals(self) -> Deals {
        match self {
            Kind::OrderByPopulation | Kind::HigherOrLower | Kind::MatchBoard => Deals::Nothing,
            Kind::WhichCity => Deals::Fact,
            _ => Deals::City,
        }
    }

    /// Whether a question of this kind is answered on the map.
    pub const fn is_on_map(self) -> bool {
        matches!(
            self,
            Kind::WhereIs | Kind::FindOnMap | Kind::NameMarked | Kind::WhichProvince
        )
    }
}

/// The cities and facts a round asks about, in a fixed order (the selection's: the dataset's,
/// or largest first), and the dataset they come from.
#[derive(Clone, Debug)]
pub struct Pool<'d> {
    pub dataset: &'d Dataset,
    pub cities: Vec<CityId>,
    /// The askable facts (never a generic one) of the round, in the dataset's order.
    pub facts: Vec<CityFact<'d>>,
}

impl<'d> Pool<'d> {
    /// Every city in the dataset's order and every askable fact.
    pub fn whole(dataset: &'d Dataset) -> Self {
        Self::new(
            dataset,
            dataset.cities.iter().map(|city| city.id).collect(),
            askable_facts(dataset),
        )
    }

    pub fn new(dataset: &'d Dataset, cities: Vec<CityId>, facts: Vec<CityFact<'d>>) -> Self {
        Self {
            dataset,
            cities,
            facts,
        }
    }

    pub fn has(&self, city: CityId) -> bool {
        self.cities.contains(&city)
    }
}

/// The options of the kinds, as a plan gives them or the player's settings fill them in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KindOptions {
    /// Cities in an ordering question: 3 to 8.
    pub order_size: usize,
    /// Which census figure population questions ask.
    pub measure: Measure,
    /// Pairs on a match board: 4 to 8.
    pub board_size: usize,
}

impl Default for KindOptions {
    fn default() -> Self {
        Self {
            order_size: 5,
            measure: Measure::Total,
            board_size: 6,
        }
    }
}

/// What the round dealt the question to be about.
#[derive(Clone, Copy, Debug)]
pub enum Subject<'d> {
    City(CityId),
    Fact(CityFact<'d>),
}

/// Everything a kind draws a question from.
#[derive(Clone, Copy, Debug)]
pub struct Draw<'a, 'd> {
    pub pool: &'a Pool<'d>,
    pub options: &'a KindOptions,
    /// The dealt subject; `None` when the kind picks its own at random.
    pub subject: Option<Subject<'d>>,
    /// The cities the quiz asked about already (a round that deals its subjects fills it).
    pub asked: &'a [CityId],
    /// Cities the round gives that the kind offers among its choices where they fit (a drill's).
    pub offer: &'a [CityId],
}

/// Why a kind could not draw a question from a round's pool.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{kind}: {reason}")]
pub struct DrawError {
    pub kind: &'static str,
    pub reason: String,
}

impl DrawError {
    pub fn new(kind: Kind, reason: impl Into<String>) -> Self {
        Self {
            kind: kind.name(),
            reason: reason.into(),
        }
    }
}
