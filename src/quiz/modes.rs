//! The ways to play: Quick Play's mix of population questions, the map quiz, endless higher or
//! lower, and the seed of the next quiz. A mode lists the kinds it asks; each kind draws its own
//! questions.

use std::time::Duration;

use rand::seq::SliceRandom;

use super::Question;
use super::basics::{QuizRng, rng_from_seed};
use super::facts::askable_facts;
use super::find_on_map::FindQuestion;
use super::guess_population::GuessQuestion;
use super::higher_or_lower::HigherOrLowerQuestion;
use super::match_board::MatchBoardQuestion;
use super::name_marked::NameQuestion;
use super::order_by_population::OrderQuestion;
use super::placement::{Difficulty, city_pool};
use super::population::Measure;
use super::true_false::TrueFalseQuestion;
use super::where_is::WhereIsQuestion;
use super::which_city::WhichCityQuestion;
use super::which_fact::WhichFactQuestion;
use super::which_province::ProvinceQuestion;
use crate::dataset::{CityId, CityKey, Dataset};

/// Which quiz to play: the modes, as the menus offer them and the progress database names them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum QuizKind {
    /// Ten questions of every population kind.
    #[default]
    QuickPlay,
    /// Higher or lower until the first miss.
    HigherOrLower,
    /// Ten map questions of the four placement kinds.
    Map,
    /// Ten questions about what each city is known for.
    Facts,
    /// A short drill of a few cities (`ActiveQuiz::drill`), started from the mastery map.
    Drill,
}

impl QuizKind {
    /// How the mode is named in the progress database (and in exports and tables).
    pub const fn mode_name(self) -> &'static str {
        match self {
            QuizKind::QuickPlay => "quick-play",
            QuizKind::HigherOrLower => "higher-or-lower",
            QuizKind::Map => "map",
            QuizKind::Facts => "facts",
            QuizKind::Drill => "drill",
        }
    }

    /// The mode a database name stands for.
    pub fn from_mode_name(name: &str) -> Option<QuizKind> {
        QuizKind::ALL
            .into_iter()
            .find(|kind| kind.mode_name() == name)
    }

    /// What the player calls it.
    pub fn title(self) -> &'static str {
        match self {
            QuizKind::QuickPlay => "Quick play",
            QuizKind::HigherOrLower => "Higher or lower",
            QuizKind::Map => "Map quiz",
            QuizKind::Facts => "Facts quiz",
            QuizKind::Drill => "Drill",
        }
    }

    /// Seconds per question for the time bonus, from the settings of the questions it asks;
    /// `None` plays untimed (and higher or lower always does).
    pub fn time_limit(self, settings: &QuizSettings) -> Option<Duration> {
        match self {
            QuizKind::QuickPlay | QuizKind::Facts => settings.ranking.time_limit,
            QuizKind::Map | QuizKind::Drill => settings.map.time_limit,
            QuizKind::HigherOrLower => None,
        }
    }

    pub const ALL: [QuizKind; 5] = [
        QuizKind::QuickPlay,
        QuizKind::Map,
        QuizKind::Facts,
        QuizKind::HigherOrLower,
        QuizKind::Drill,
    ];
}

/// What the ranking quiz asks; the defaults are Quick Play's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RankingSettings {
    pub questions: usize,
    /// Cities in an ordering question: 3 to 8.
    pub order_size: usize,
    pub measure: Measure,
    /// Seconds per question for the time bonus; `None` plays untimed.
    pub time_limit: Option<Duration>,
}

impl Default for RankingSettings {
    fn default() -> Self {
        Self {
            questions: 10,
            order_size: 5,
            measure: Measure::Total,
            time_limit: Some(Duration::from_secs(30)),
        }
    }
}

/// A population-ranking quiz: ordering, higher-or-lower and guessing questions mixed, every
/// comparison one no source disputes. Deterministic in `seed`.
pub fn ranking_quiz(dataset: &Dataset, settings: &RankingSettings, seed: u64) -> Vec<Question> {
    let mut rng = rng_from_seed(seed);
    let measure = settings.measure;
    let order_size = settings.order_size.clamp(3, 8);
    // About 40 % ordering, 30 % each of the others, in a shuffled sequence.
    let mut kinds = kind_sequence(settings.questions, FOUR_THREE_THREE);
    kinds.shuffle(&mut rng);
    let mut questions: Vec<Question> = Vec::with_capacity(kinds.len());
    for kind in kinds {
        // A few tries to avoid asking the very same question twice.
        let mut candidate = None;
        for _ in 0..8 {
            let question = match kind {
                0 => OrderQuestion::generate(dataset, order_size, measure, &mut rng)
                    .map(Question::OrderByPopulation),
                1 => HigherOrLowerQuestion::generate(dataset, measure, &mut rng)
                    .map(Question::HigherOrLower),
                _ => GuessQuestion::generate(dataset, measure, &mut rng)
                    .map(Question::GuessPopulation),
            };
            let repeated = question.as_ref().is_some_and(|q| questions.contains(q));
            candidate = question;
            if !repeated {
                break;
            }
        }
        questions.extend(candidate);
    }
    questions
}

/// What the map quiz asks; the defaults are Quick Play's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapSettings {
    pub questions: usize,
    pub difficulty: Difficulty,
    /// Seconds per question for the time bonus; `None` plays untimed.
    pub time_limit: Option<Duration>,
}

impl Default for MapSettings {
    fn default() -> Self {
        Self {
            questions: 10,
            difficulty: Difficulty::Normal,
            time_limit: Some(Duration::from_secs(30)),
        }
    }
}

/// The settings of every quiz mode, as the player chose them.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct QuizSettings {
    pub ranking: RankingSettings,
    pub map: MapSettings,
}

impl QuizSettings {
    /// No time limit in any mode (tests: points then do not depend on the machine's speed).
    pub fn untimed(mut self) -> Self {
        self.ranking.time_limit = None;
        self.map.time_limit = None;
        self
    }
}

/// The four map kinds, in the shares a map quiz mixes them (per ten questions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MapKind {
    WhereIs,
    Find,
    Name,
    Province,
}

/// A map quiz: where is X (3 in 10), find it among the markers (3), name the marked city (2)
/// and which province (2), shuffled, each about another city of the difficulty's pool while
/// the pool lasts. Deterministic in `seed`.
pub fn map_quiz(dataset: &Dataset, settings: &MapSettings, seed: u64) -> Vec<Question> {
    let mut rng = rng_from_seed(seed);
    let pool = city_pool(dataset, settings.difficulty);
    if pool.is_empty() {
        return Vec::new();
    }
    use MapKind::{Find, Name, Province, WhereIs};
    let per_ten = [
        WhereIs, Find, Name, Province, WhereIs, Find, Name, WhereIs, Find, Province,
    ];
    let mut kinds = kind_sequence(settings.questions, per_ten);
    kinds.shuffle(&mut rng);
    let mut unused: Vec<CityId> = pool.clone();
    unused.shuffle(&mut rng);
    kinds
        .into_iter()
        .map(|kind| {
            let fits =
                |id: &CityId| kind != MapKind::Province || ProvinceQuestion::can_ask(dataset, *id);
            let city = match unused.iter().position(fits) {
                Some(index) => unused.remove(index),
                // Every city asked once already: any that fits (or a where-is question).
                None => pool.iter().copied().find(fits).unwrap_or(pool[0]),
            };
            let key = dataset.key(city);
            match kind {
                MapKind::Province if ProvinceQuestion::can_ask(dataset, city) => {
                    Question::WhichProvince(ProvinceQuestion { city: key })
                }
                MapKind::Find => Question::FindOnMap(FindQuestion::new(dataset, city, &pool)),
                MapKind::Name => {
                    Question::NameMarked(NameQuestion::generate(dataset, city, &pool, &mut rng))
                }
                _ => Question::WhereIs(WhereIsQuestion { city: key }),
            }
        })
        .collect()
}

/// A short drill of exactly these cities (the weakest, or a pair often confused): for each, where
/// is it, then (shuffled) name it when marked, with the others drilled among the choices where
/// they fit. Cities not in the dataset are skipped. Deterministic in `seed`.
pub fn drill_quiz(dataset: &Dataset, cities: &[CityKey], seed: u64) -> Vec<Question> {
    let mut rng = rng_from_seed(seed);
    let ids: Vec<CityId> = cities
        .iter()
        .filter_map(|key| dataset.city_by_key(key).map(|city| city.id))
        .collect();
    // The drilled cities first among the candidates, so a confused pair is told apart.
    let mut pool = ids.clone();
    pool.extend(
        city_pool(dataset, Difficulty::Hard)
            .into_iter()
            .filter(|id| !ids.contains(id)),
    );
    let drilled: Vec<CityKey> = ids.iter().map(|&id| dataset.key(id)).collect();
    let mut questions: Vec<Question> = drilled
        .iter()
        .map(|city| Question::WhereIs(WhereIsQuestion { city: city.clone() }))
        .collect();
    questions.extend(ids.iter().map(|&city| {
        let mut named = NameQuestion::generate(dataset, city, &pool, &mut rng);
        for other in &drilled {
            if named.choices.contains(other) {
                continue;
            }
            // A choice that is neither the answer nor drilled makes way for a drilled city.
            if let Some(slot) = named
                .choices
                .iter()
                .position(|choice| *choice != named.city && !drilled.contains(choice))
            {
                named.choices[slot] = other.clone();
            }
        }
        Question::NameMarked(named)
    }));
    questions.shuffle(&mut rng);
    questions
}

/// Pairs on the facts quiz's match board.
pub const FACTS_BOARD_SIZE: usize = 6;

/// A facts quiz: which city is known for … (4 in 10), true or false (3) and which fact fits a
/// city (3), shuffled, no fact and no city asked about twice while the data lasts; then one
/// match board of `FACTS_BOARD_SIZE` pairs. Deterministic in `seed`.
pub fn facts_quiz(dataset: &Dataset, questions: usize, seed: u64) -> Vec<Question> {
    let mut rng = rng_from_seed(seed);
    let mut facts = askable_facts(dataset);
    facts.shuffle(&mut rng);
    let mut cities: Vec<CityId> = dataset.cities.iter().map(|city| city.id).collect();
    cities.shuffle(&mut rng);
    let mut kinds = kind_sequence(questions, FOUR_THREE_THREE);
    kinds.shuffle(&mut rng);
    let mut asked_cities: Vec<CityId> = Vec::new();
    let mut out = Vec::with_capacity(questions);
    for kind in kinds {
        let question = match kind {
            0 => {
                // A fact whose city has not been asked about yet, if any is left.
                let index = facts
                    .iter()
                    .position(|pair| !asked_cities.contains(&pair.city.id))
                    .or((!facts.is_empty()).then_some(0));
                index.map(|index| {
                    let pair = facts.remove(index);
                    asked_cities.push(pair.city.id);
                    Question::WhichCity(WhichCityQuestion::generate(dataset, pair, &mut rng))
                })
            }
            _ => {
                let city = cities
                    .iter()
                    .copied()
                    .find(|id| !asked_cities.contains(id))
                    .or_else(|| cities.first().copied());
                city.and_then(|city| {
                    asked_cities.push(city);
                    if kind == 1 {
                        TrueFalseQuestion::generate(dataset, city, &mut rng)
                            .map(Question::TrueFalse)
                    } else {
                        WhichFactQuestion::generate(dataset, city, &mut rng)
                            .map(Question::WhichFact)
                    }
                })
            }
        };
        out.extend(question);
    }
    out.extend(
        MatchBoardQuestion::generate(dataset, FACTS_BOARD_SIZE, &mut rng).map(Question::MatchBoard),
    );
    out
}

/// Three kinds (0, 1, 2) in the shares 4, 3 and 3 per ten questions.
const FOUR_THREE_THREE: [u8; 10] = [0, 1, 2, 0, 1, 2, 0, 1, 2, 0];

/// The kinds of `questions` questions, repeating a pattern of ten (shuffled by the caller).
fn kind_sequence<K: Copy>(questions: usize, per_ten: [K; 10]) -> Vec<K> {
    (0..questions).map(|i| per_ten[i % 10]).collect()
}

/// Higher or lower without end: a new pair after every right answer, over at the first miss.
#[derive(Clone, Debug, PartialEq)]
pub struct EndlessRun {
    rng: QuizRng,
    measure: Measure,
}

impl EndlessRun {
    pub fn new(measure: Measure, seed: u64) -> Self {
        Self {
            rng: rng_from_seed(seed),
            measure,
        }
    }

    /// The next pair, never the same two cities as `previous`.
    pub fn next_question(
        &mut self,
        dataset: &Dataset,
        previous: Option<&Question>,
    ) -> Option<Question> {
        for _ in 0..16 {
            let question = HigherOrLowerQuestion::generate(dataset, self.measure, &mut self.rng)?;
            let same_pair = matches!(previous, Some(Question::HigherOrLower(before)) if before.same_pair(&question));
            if !same_pair {
                return Some(Question::HigherOrLower(question));
            }
        }
        None
    }
}

/// The seed of "play new questions": the next in a fixed sequence (a 64-bit LCG step mixed with
/// the run's own seed), so a run of quizzes replays from its first seed.
pub fn next_seed(seed: u64, run_seed: u64) -> u64 {
    seed.wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(run_seed | 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::population::{comparable, resolve};
    use crate::quiz::test_dataset;
    use proptest::prelude::*;

    #[test]
    fn a_drill_asks_exactly_its_cities_and_offers_each_as_the_others_name() {
        let d = test_dataset();
        let pair = [CityKey("hamhung".into()), CityKey("sinpo".into())];
        let questions = drill_quiz(&d, &pair, 3);
        assert_eq!(questions.len(), 4);
        let mut asked: Vec<CityKey> = questions.iter().filter_map(Question::subject).collect();
        asked.sort();
        assert_eq!(
            asked,
            [&pair[0], &pair[0], &pair[1], &pair[1]].map(Clone::clone)
        );
        for question in &questions {
            if let Question::NameMarked(q) = question {
                assert!(pair.iter().all(|city| q.choices.contains(city)), "{q:?}");
                assert_eq!(q.choices.len(), super::super::name_marked::CHOICES);
            }
            let right = question.right_answer(&d).unwrap();
            assert!(crate::quiz::grade(&d, question, &right).unwrap().correct);
        }
        assert_eq!(drill_quiz(&d, &pair, 3), questions, "same seed, same drill");
        let unknown = [CityKey("atlantis".into())];
        assert!(drill_quiz(&d, &unknown, 3).is_empty());
    }

    /// One line per question, by city slug: "3: order nampo hamhung …".
    fn by_slug(seed: u64, question: &Question) -> String {
        let cities = question
            .cities()
            .iter()
            .map(|key| key.0.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let kind = match question {
            Question::OrderByPopulation(_) => "order",
            Question::HigherOrLower(_) => "higher-or-lower",
            Question::GuessPopulation(_) => "guess",
            other => other.kind_name(),
        };
        format!("{seed}: {kind} {cities}")
    }

    /// The RNG is promised to give the same quiz on every machine, and Quick Play's questions
    /// for seeds 0–9 were recorded before the kinds moved into their own modules.
    #[test]
    fn seeds_zero_to_nine_give_the_recorded_quick_play_questions() {
        let d = test_dataset();
        let played: Vec<String> = (0..10u64)
            .flat_map(|seed| {
                ranking_quiz(&d, &RankingSettings::default(), seed)
                    .iter()
                    .map(|question| by_slug(seed, question))
                    .collect::<Vec<_>>()
            })
            .collect();
        let recorded: Vec<&str> = include_str!("golden_quick_play.txt").lines().collect();
        assert_eq!(played, recorded);
    }

    #[test]
    fn quick_play_has_ten_questions_of_every_kind() {
        let d = test_dataset();
        let questions = ranking_quiz(&d, &RankingSettings::default(), 42);
        assert_eq!(questions.len(), 10);
        let count = |f: fn(&Question) -> bool| questions.iter().filter(|q| f(q)).count();
        assert_eq!(count(|q| matches!(q, Question::OrderByPopulation(_))), 4);
        assert_eq!(count(|q| matches!(q, Question::HigherOrLower(_))), 3);
        assert_eq!(count(|q| matches!(q, Question::GuessPopulation(_))), 3);
        assert!(questions[0].prompt(&d).contains("2008 census"));
    }

    #[test]
    fn the_next_seed_is_fixed_and_differs() {
        assert_eq!(next_seed(7, 2), next_seed(7, 2));
        assert_ne!(next_seed(7, 2), 7);
        assert_ne!(next_seed(7, 2), next_seed(8, 2));
    }

    #[test]
    fn a_map_quiz_mixes_the_four_kinds_over_different_cities() {
        let d = test_dataset();
        let questions = map_quiz(&d, &MapSettings::default(), 7);
        assert_eq!(questions.len(), 10);
        let count = |name: &str| questions.iter().filter(|q| q.kind_name() == name).count();
        assert_eq!(count("where-is"), 3);
        assert_eq!(count("find-on-map"), 3);
        assert_eq!(count("name-marked"), 2);
        assert_eq!(count("which-province"), 2);
        let mut cities: Vec<_> = questions.iter().flat_map(Question::cities).collect();
        cities.sort();
        cities.dedup();
        assert_eq!(cities.len(), 10, "each question about another city");
        assert!(questions.iter().all(Question::is_on_map));
    }

    #[test]
    fn an_easy_map_quiz_asks_only_the_largest_cities() {
        let d = test_dataset();
        let settings = MapSettings {
            difficulty: Difficulty::Easy,
            questions: 30,
            ..MapSettings::default()
        };
        let pool: Vec<_> = city_pool(&d, Difficulty::Easy)
            .into_iter()
            .map(|id| d.key(id))
            .collect();
        for question in map_quiz(&d, &settings, 3) {
            for city in question.cities() {
                assert!(pool.contains(&city), "{city}");
            }
            if let Question::FindOnMap(find) = &question {
                assert_eq!(find.markers.len(), 12);
            }
        }
    }

    #[test]
    fn a_facts_quiz_mixes_three_kinds_and_ends_with_a_board() {
        let d = test_dataset();
        for seed in 0..20 {
            let questions = facts_quiz(&d, 10, seed);
            assert_eq!(questions.len(), 11, "seed {seed}");
            assert_eq!(questions[10].kind_name(), "match-board");
            let count = |name: &str| questions.iter().filter(|q| q.kind_name() == name).count();
            assert_eq!(count("which-city"), 4);
            assert_eq!(count("true-false"), 3);
            assert_eq!(count("which-fact"), 3);
            for question in &questions {
                let right = question.right_answer(&d).unwrap();
                assert!(crate::quiz::grade(&d, question, &right).unwrap().correct);
                let wrong = question.wrong_answer(&d).unwrap();
                assert!(!crate::quiz::grade(&d, question, &wrong).unwrap().correct);
            }
        }
    }

    proptest! {
        #[test]
        fn the_same_seed_gives_the_same_facts_quiz(seed in any::<u64>()) {
            let d = test_dataset();
            prop_assert_eq!(facts_quiz(&d, 10, seed), facts_quiz(&d, 10, seed));
        }

        #[test]
        fn the_same_seed_gives_the_same_map_quiz(seed in any::<u64>()) {
            let d = test_dataset();
            let settings = MapSettings::default();
            let quiz = map_quiz(&d, &settings, seed);
            prop_assert_eq!(&quiz, &map_quiz(&d, &settings, seed));
            for question in &quiz {
                let right = question.right_answer(&d).unwrap();
                prop_assert!(crate::quiz::grade(&d, question, &right).unwrap().correct);
            }
        }

        #[test]
        fn the_same_seed_gives_the_same_quiz(seed in any::<u64>()) {
            let d = test_dataset();
            let settings = RankingSettings::default();
            prop_assert_eq!(ranking_quiz(&d, &settings, seed), ranking_quiz(&d, &settings, seed));
        }

        #[test]
        fn quizzes_never_ask_a_disputed_comparison(seed in any::<u64>(), size in 3usize..=8) {
            let d = test_dataset();
            let settings = RankingSettings { order_size: size, ..RankingSettings::default() };
            for question in ranking_quiz(&d, &settings, seed) {
                let measure = match &question {
                    Question::OrderByPopulation(q) => q.measure,
                    Question::HigherOrLower(q) => q.measure,
                    _ => continue,
                };
                let cities: Vec<_> = question.cities().iter().map(|key| resolve(&d, key).unwrap()).collect();
                for (i, &a) in cities.iter().enumerate() {
                    for &b in &cities[i + 1..] {
                        prop_assert!(comparable(&d, a, b, measure));
                    }
                }
            }
        }
    }
}
