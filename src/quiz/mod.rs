//! Quizzes as data: a question, an answer, and a grade that is a pure function of the two. A
//! session is a list of questions made from the dataset with one seeded RNG (the same seed gives
//! the same quiz), the results so far, the score and streak, and at the end a round that asks
//! each missed question again.

pub mod ranking;
pub mod scoring;

use std::collections::VecDeque;
use std::time::Duration;

use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;
use rand::seq::SliceRandom;

use crate::dataset::{CityId, Dataset};
use ranking::{Measure, figure, guess_accuracy, order_accuracy, sources_range, true_order};

/// The RNG every quiz draws from: portable, so a seed gives the same quiz on every machine.
pub type QuizRng = Xoshiro256PlusPlus;

pub fn rng_from_seed(seed: u64) -> QuizRng {
    QuizRng::seed_from_u64(seed)
}

#[derive(Clone, Debug, PartialEq)]
pub enum Question {
    /// Put these cities (shown in this order) in order of population, largest first.
    OrderByPopulation {
        cities: Vec<CityId>,
        measure: Measure,
    },
    /// Which of the two has more people?
    HigherOrLower {
        left: CityId,
        right: CityId,
        measure: Measure,
    },
    /// How many people live here?
    GuessPopulation { city: CityId, measure: Measure },
}

impl Question {
    /// The question as the player reads it.
    pub fn prompt(&self, dataset: &Dataset) -> String {
        match self {
            Question::OrderByPopulation { cities, measure } => format!(
                "Put these {} cities in order, largest first ({}).",
                cities.len(),
                measure.label()
            ),
            Question::HigherOrLower {
                left,
                right,
                measure,
            } => format!(
                "Which has more people: {} or {}? ({})",
                dataset.city(*left).name,
                dataset.city(*right).name,
                measure.label()
            ),
            Question::GuessPopulation { city, measure } => format!(
                "How many people live in {}? ({})",
                dataset.city(*city).name,
                measure.label()
            ),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// The cities in the order the player put them, largest first.
    Order(Vec<CityId>),
    /// The city the player chose.
    Pick(CityId),
    /// The number the player gave.
    Number(u32),
    /// Time ran out, or the player skipped.
    NoAnswer,
}

/// What the feedback shows: the right answer and the figures behind it.
#[derive(Clone, Debug, PartialEq)]
pub enum Feedback {
    /// The true order with each city's figure, and how many the player put in the right place.
    Order {
        truth: Vec<(CityId, u32)>,
        in_place: usize,
    },
    /// The larger and the smaller city with their figures.
    Comparison {
        larger: (CityId, u32),
        smaller: (CityId, u32),
    },
    /// The true figure, and the lowest and highest figures any source gives.
    Guess {
        truth: u32,
        sources_range: Option<(u32, u32)>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Grade {
    /// From 0 (all wrong) to 1 (all right).
    pub accuracy: f64,
    pub correct: bool,
    pub feedback: Feedback,
}

/// A guess this close (accuracy 0.9: within a factor of 1.26) counts as correct.
pub const GUESS_CORRECT_FROM: f64 = 0.9;

/// Grades an answer. Pure: the same question and answer always give the same grade.
pub fn grade(dataset: &Dataset, question: &Question, answer: &Answer) -> Grade {
    let value = |city: CityId, measure: Measure| figure(dataset.city(city), measure).unwrap_or(0);
    match question {
        Question::OrderByPopulation { cities, measure } => {
            let truth = true_order(dataset, cities, *measure);
            let given: &[CityId] = match answer {
                Answer::Order(order) => order,
                _ => &[],
            };
            let accuracy = if given.is_empty() {
                0.0
            } else {
                order_accuracy(&truth, given)
            };
            let in_place = truth.iter().zip(given).filter(|(a, b)| a == b).count();
            Grade {
                accuracy,
                correct: in_place == truth.len(),
                feedback: Feedback::Order {
                    truth: truth.iter().map(|&c| (c, value(c, *measure))).collect(),
                    in_place,
                },
            }
        }
        Question::HigherOrLower {
            left,
            right,
            measure,
        } => {
            let (larger, smaller) = if value(*left, *measure) >= value(*right, *measure) {
                (*left, *right)
            } else {
                (*right, *left)
            };
            let correct = *answer == Answer::Pick(larger);
            Grade {
                accuracy: if correct { 1.0 } else { 0.0 },
                correct,
                feedback: Feedback::Comparison {
                    larger: (larger, value(larger, *measure)),
                    smaller: (smaller, value(smaller, *measure)),
                },
            }
        }
        Question::GuessPopulation { city, measure } => {
            let truth = value(*city, *measure);
            let accuracy = match answer {
                Answer::Number(guess) => guess_accuracy(*guess, truth),
                _ => 0.0,
            };
            Grade {
                accuracy,
                correct: accuracy >= GUESS_CORRECT_FROM,
                feedback: Feedback::Guess {
                    truth,
                    sources_range: sources_range(dataset.city(*city)),
                },
            }
        }
    }
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
    let mut kinds: Vec<u8> = (0..settings.questions)
        .map(|i| match i % 10 {
            0 | 3 | 6 | 9 => 0,
            1 | 4 | 7 => 1,
            _ => 2,
        })
        .collect();
    kinds.shuffle(&mut rng);
    let mut questions: Vec<Question> = Vec::with_capacity(kinds.len());
    for kind in kinds {
        // A few tries to avoid asking the very same question twice.
        let mut candidate = None;
        for _ in 0..8 {
            let question = match kind {
                0 => ranking::pick_orderable(dataset, order_size, measure, &mut rng)
                    .map(|cities| Question::OrderByPopulation { cities, measure }),
                1 => ranking::pick_pair(dataset, measure, &mut rng).map(|(left, right)| {
                    Question::HigherOrLower {
                        left,
                        right,
                        measure,
                    }
                }),
                _ => ranking::pick_city(dataset, measure, &mut rng)
                    .map(|city| Question::GuessPopulation { city, measure }),
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
            let (left, right) = ranking::pick_pair(dataset, self.measure, &mut self.rng)?;
            let question = Question::HigherOrLower {
                left,
                right,
                measure: self.measure,
            };
            let same_pair = matches!(previous, Some(Question::HigherOrLower { left: a, right: b, .. })
                if (*a == left && *b == right) || (*a == right && *b == left));
            if !same_pair {
                return Some(question);
            }
        }
        None
    }
}

/// One answered question.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionResult {
    pub question: Question,
    pub answer: Answer,
    pub grade: Grade,
    pub points: u32,
    pub streak_bonus: u32,
    pub time: Duration,
}

/// The tally of a finished (or running) quiz.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    /// Everything: answers and streak bonuses.
    pub points: u32,
    /// Of which streak bonuses.
    pub streak_points: u32,
    pub max_points: u32,
    pub correct: usize,
    pub answered: usize,
    pub best_streak: u32,
    pub time: Duration,
    pub stars: u8,
}

/// Where a session is.
#[derive(Clone, Debug, PartialEq)]
pub enum Stage {
    /// The main questions; the index of the current one.
    Main(usize),
    /// The review round: the missed questions still to ask, front first.
    Review(VecDeque<Question>),
    Finished,
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuizSession {
    pub questions: Vec<Question>,
    pub results: Vec<QuestionResult>,
    pub time_limit: Option<Duration>,
    pub stage: Stage,
    pub streak: u32,
    pub best_streak: u32,
    /// Review answers: (question, right this time?). Not counted in the score.
    pub review_results: Vec<(Question, bool)>,
    /// Endless higher or lower: where the next question comes from.
    pub endless: Option<EndlessRun>,
}

impl QuizSession {
    pub fn new(questions: Vec<Question>, time_limit: Option<Duration>) -> Self {
        let stage = if questions.is_empty() {
            Stage::Finished
        } else {
            Stage::Main(0)
        };
        Self {
            questions,
            results: Vec::new(),
            time_limit,
            stage,
            streak: 0,
            best_streak: 0,
            review_results: Vec::new(),
            endless: None,
        }
    }

    /// Endless higher or lower: one question after another until the first miss.
    pub fn endless(dataset: &Dataset, measure: Measure, seed: u64) -> Self {
        let mut run = EndlessRun::new(measure, seed);
        let first = run.next_question(dataset, None);
        let mut session = QuizSession::new(first.into_iter().collect(), None);
        session.endless = Some(run);
        session
    }

    /// The question to show now.
    pub fn current(&self) -> Option<&Question> {
        match &self.stage {
            Stage::Main(index) => self.questions.get(*index),
            Stage::Review(queue) => queue.front(),
            Stage::Finished => None,
        }
    }

    pub fn is_reviewing(&self) -> bool {
        matches!(self.stage, Stage::Review(_))
    }

    /// (question number from 1, how many) in the main round.
    pub fn progress(&self) -> (usize, usize) {
        match self.stage {
            Stage::Main(index) => (index + 1, self.questions.len()),
            _ => (self.questions.len(), self.questions.len()),
        }
    }

    /// Grades the answer to the current question, records it and moves on. In the review round
    /// a question missed again goes to the back of the queue, never straight back to the front.
    pub fn answer(&mut self, dataset: &Dataset, answer: Answer, time: Duration) -> Option<Grade> {
        let question = self.current()?.clone();
        let graded = grade(dataset, &question, &answer);
        match &mut self.stage {
            Stage::Main(index) => {
                let points = scoring::question_points(graded.accuracy, time, self.time_limit);
                let streak_bonus = if graded.correct {
                    self.streak += 1;
                    self.best_streak = self.best_streak.max(self.streak);
                    scoring::streak_bonus(self.streak)
                } else {
                    self.streak = 0;
                    0
                };
                self.results.push(QuestionResult {
                    question,
                    answer,
                    grade: graded.clone(),
                    points,
                    streak_bonus,
                    time,
                });
                *index += 1;
                if let Some(run) = &mut self.endless {
                    let next = graded
                        .correct
                        .then(|| run.next_question(dataset, self.questions.last()))
                        .flatten();
                    self.questions.extend(next);
                }
                if *index >= self.questions.len() {
                    self.stage = Stage::Finished;
                }
            }
            Stage::Review(queue) => {
                queue.pop_front();
                // Asked again only after another question, so never twice in a row.
                if !graded.correct && !queue.is_empty() {
                    queue.push_back(question.clone());
                }
                self.review_results.push((question, graded.correct));
                if queue.is_empty() {
                    self.stage = Stage::Finished;
                }
            }
            Stage::Finished => return None,
        }
        Some(graded)
    }

    /// The questions missed in the main round, in the order they were asked.
    pub fn missed(&self) -> Vec<Question> {
        self.results
            .iter()
            .filter(|result| !result.grade.correct)
            .map(|result| result.question.clone())
            .collect()
    }

    /// Starts the review round once the main round is over. False if nothing was missed.
    pub fn start_review(&mut self) -> bool {
        let missed = self.missed();
        if self.stage != Stage::Finished || missed.is_empty() {
            return false;
        }
        self.stage = Stage::Review(missed.into());
        true
    }

    pub fn summary(&self) -> Summary {
        let points = self.results.iter().map(|r| r.points + r.streak_bonus).sum();
        let accuracy_points = self.results.iter().map(|r| r.points).sum();
        let max_points = scoring::MAX_POINTS * self.questions.len() as u32;
        Summary {
            points,
            streak_points: self.results.iter().map(|r| r.streak_bonus).sum(),
            max_points,
            correct: self.results.iter().filter(|r| r.grade.correct).count(),
            answered: self.results.len(),
            best_streak: self.best_streak,
            time: self.results.iter().map(|r| r.time).sum(),
            stars: scoring::stars(accuracy_points, max_points),
        }
    }
}

/// The answer that gets full marks (what the tests and the "show answer" feature use).
pub fn perfect_answer(dataset: &Dataset, question: &Question) -> Answer {
    match question {
        Question::OrderByPopulation { cities, measure } => {
            Answer::Order(true_order(dataset, cities, *measure))
        }
        Question::HigherOrLower {
            left,
            right,
            measure,
        } => {
            let order = true_order(dataset, &[*left, *right], *measure);
            Answer::Pick(order[0])
        }
        Question::GuessPopulation { city, measure } => {
            Answer::Number(figure(dataset.city(*city), *measure).unwrap_or(0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geography::MapShapes;
    use proptest::prelude::*;

    fn dataset() -> Dataset {
        let map = MapShapes::built_in().unwrap();
        Dataset::built_in(Some(&map.country)).unwrap()
    }

    use crate::testing::worst_answer;

    #[test]
    fn quick_play_has_ten_questions_of_every_kind() {
        let d = dataset();
        let questions = ranking_quiz(&d, &RankingSettings::default(), 42);
        assert_eq!(questions.len(), 10);
        let count = |f: fn(&Question) -> bool| questions.iter().filter(|q| f(q)).count();
        assert_eq!(
            count(|q| matches!(q, Question::OrderByPopulation { .. })),
            4
        );
        assert_eq!(count(|q| matches!(q, Question::HigherOrLower { .. })), 3);
        assert_eq!(count(|q| matches!(q, Question::GuessPopulation { .. })), 3);
        assert!(questions[0].prompt(&d).contains("2008 census"));
    }

    #[test]
    fn a_perfect_session_scores_the_maximum_and_an_all_wrong_one_zero() {
        let d = dataset();
        let questions = ranking_quiz(&d, &RankingSettings::default(), 7);
        let mut perfect = QuizSession::new(questions.clone(), None);
        while let Some(question) = perfect.current().cloned() {
            perfect.answer(&d, perfect_answer(&d, &question), Duration::ZERO);
        }
        let summary = perfect.summary();
        // 10 × 1000 plus streak bonuses 0,100,…,500,500,500,500,500.
        assert_eq!(summary.points, 10_000 + 100 + 200 + 300 + 400 + 500 * 5);
        assert_eq!(summary.stars, 3);
        assert_eq!(summary.best_streak, 10);
        assert!(!perfect.start_review(), "nothing to review");

        let mut wrong = QuizSession::new(questions, None);
        while let Some(question) = wrong.current().cloned() {
            wrong.answer(&d, worst_answer(&d, &question), Duration::ZERO);
        }
        assert_eq!(wrong.summary().points, 0);
        assert_eq!(wrong.summary().correct, 0);
        assert_eq!(wrong.summary().stars, 1);
    }

    #[test]
    fn the_review_round_asks_exactly_the_missed_questions_never_twice_in_a_row() {
        let d = dataset();
        let questions = ranking_quiz(&d, &RankingSettings::default(), 11);
        let mut session = QuizSession::new(questions.clone(), None);
        for (i, question) in questions.iter().enumerate() {
            let answer = if i % 3 == 0 {
                worst_answer(&d, question)
            } else {
                perfect_answer(&d, question)
            };
            session.answer(&d, answer, Duration::from_secs(3));
        }
        let missed: Vec<Question> = questions.iter().step_by(3).cloned().collect();
        assert_eq!(session.missed(), missed);
        let points_before = session.summary().points;
        assert!(session.start_review());
        // Miss the first again: it goes to the back, behind the others.
        let first = session.current().cloned().unwrap();
        session.answer(&d, worst_answer(&d, &first), Duration::ZERO);
        assert_ne!(session.current(), Some(&first));
        let mut asked = vec![first.clone()];
        while let Some(question) = session.current().cloned() {
            asked.push(question.clone());
            session.answer(&d, perfect_answer(&d, &question), Duration::ZERO);
        }
        assert_eq!(asked.len(), missed.len() + 1);
        assert_eq!(asked.last(), Some(&first));
        assert_eq!(
            session.summary().points,
            points_before,
            "the review is not scored"
        );
    }

    #[test]
    fn endless_higher_or_lower_goes_on_until_the_first_miss() {
        let d = dataset();
        let mut session = QuizSession::endless(&d, Measure::Total, 5);
        for _ in 0..12 {
            let question = session.current().cloned().unwrap();
            assert!(matches!(question, Question::HigherOrLower { .. }));
            session.answer(&d, perfect_answer(&d, &question), Duration::ZERO);
        }
        assert_eq!(session.best_streak, 12);
        let question = session.current().cloned().unwrap();
        session.answer(&d, worst_answer(&d, &question), Duration::ZERO);
        assert_eq!(session.current(), None, "over at the first miss");
        assert_eq!(session.questions.len(), 13);
        assert_eq!(session.summary().best_streak, 12);
        assert_eq!(session.missed(), vec![question]);
    }

    #[test]
    fn partial_credit_and_time_give_the_expected_points() {
        let d = dataset();
        let id = |slug| d.city_by_slug(slug).unwrap().id;
        let order = Question::OrderByPopulation {
            cities: vec![id("kaechon"), id("pyongyang"), id("hamhung"), id("hyesan")],
            measure: Measure::Total,
        };
        let mut session = QuizSession::new(vec![order], Some(Duration::from_secs(20)));
        // One adjacent pair swapped: 5 of 6 pairs right; half the time used: ×0.75.
        let answer = Answer::Order(vec![
            id("hamhung"),
            id("pyongyang"),
            id("kaechon"),
            id("hyesan"),
        ]);
        let graded = session.answer(&d, answer, Duration::from_secs(10)).unwrap();
        assert!(!graded.correct);
        assert_eq!(
            session.results[0].points,
            (1000.0 * 5.0 / 6.0 * 0.75_f64).round() as u32
        );
        let Feedback::Order { truth, in_place } = graded.feedback else {
            panic!("order feedback");
        };
        assert_eq!(truth[0], (id("pyongyang"), 3_255_288));
        assert_eq!(in_place, 2);
    }

    proptest! {
        #[test]
        fn the_same_seed_gives_the_same_quiz(seed in any::<u64>()) {
            let d = dataset();
            let settings = RankingSettings::default();
            prop_assert_eq!(ranking_quiz(&d, &settings, seed), ranking_quiz(&d, &settings, seed));
        }

        #[test]
        fn quizzes_never_ask_a_disputed_comparison(seed in any::<u64>(), size in 3usize..=8) {
            let d = dataset();
            let settings = RankingSettings { order_size: size, ..RankingSettings::default() };
            for question in ranking_quiz(&d, &settings, seed) {
                let (cities, measure) = match &question {
                    Question::OrderByPopulation { cities, measure } => (cities.clone(), *measure),
                    Question::HigherOrLower { left, right, measure } => (vec![*left, *right], *measure),
                    Question::GuessPopulation { .. } => continue,
                };
                for (i, &a) in cities.iter().enumerate() {
                    for &b in &cities[i + 1..] {
                        prop_assert!(ranking::comparable(&d, a, b, measure));
                    }
                }
            }
        }
    }
}
