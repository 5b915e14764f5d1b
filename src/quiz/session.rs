//! A quiz being played: its questions, the results so far, the score and streak, and at the end
//! a round that asks each missed question again (not scored, never the same one twice in a row).

use std::collections::VecDeque;
use std::time::Duration;

use super::endless::EndlessRun;
use super::{Answer, Grade, GradeError, Question, grade, scoring};
use crate::dataset::Dataset;

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
    /// A round until the first miss (endless higher or lower): where the next question comes from.
    pub endless: Option<EndlessRun>,
    /// The shares of the maximum for one, two and three stars (the plan's).
    pub stars: [u8; 3],
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
            stars: scoring::DEFAULT_STARS,
        }
    }

    /// Questions that come one at a time from `run` after the first, until the first miss.
    pub fn with_endless(mut self, run: Option<EndlessRun>) -> Self {
        self.endless = run;
        self
    }

    /// Stars from these shares of the maximum.
    pub fn with_stars(mut self, stars: [u8; 3]) -> Self {
        self.stars = stars;
        self
    }

    /// The last answer of the main round: its points and streak bonus (`None` in the review).
    pub fn last_points(&self) -> Option<(u32, u32)> {
        match self.stage {
            Stage::Review(_) => None,
            _ => self.results.last().map(|r| (r.points, r.streak_bonus)),
        }
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
    pub fn answer(
        &mut self,
        dataset: &Dataset,
        answer: Answer,
        time: Duration,
    ) -> Result<Grade, GradeError> {
        let question = self.current().ok_or(GradeError::NoQuestion)?.clone();
        let graded = grade(dataset, &question, &answer)?;
        match &mut self.stage {
            Stage::Main(index) => {
                let limit = if question.times_itself() {
                    None
                } else {
                    self.time_limit
                };
                let points = scoring::question_points(graded.accuracy, time, limit);
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
            Stage::Finished => return Err(GradeError::NoQuestion),
        }
        Ok(graded)
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
            stars: scoring::stars(accuracy_points, max_points, self.stars),
        }
    }
}

impl Summary {
    /// The share of questions answered right, in percent (0 when none was answered).
    pub fn percent_right(&self) -> f64 {
        if self.answered == 0 {
            0.0
        } else {
            100.0 * self.correct as f64 / self.answered as f64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::CityKey;
    use crate::plan::testing::{endless, questions};
    use crate::quiz::order_by_population::{OrderAnswer, OrderQuestion};
    use crate::quiz::test_dataset;

    #[test]
    fn a_perfect_session_scores_the_maximum_and_an_all_wrong_one_zero() {
        let d = test_dataset();
        let questions = questions(&d, "quick-play", 7);
        let mut perfect = QuizSession::new(questions.clone(), None);
        while let Some(question) = perfect.current().cloned() {
            perfect
                .answer(&d, question.right_answer(&d).unwrap(), Duration::ZERO)
                .unwrap();
        }
        let summary = perfect.summary();
        // 10 × 1000 plus streak bonuses 0,100,…,500,500,500,500,500.
        assert_eq!(summary.points, 10_000 + 100 + 200 + 300 + 400 + 500 * 5);
        assert_eq!(summary.stars, 3);
        assert_eq!(summary.best_streak, 10);
        assert!(!perfect.start_review(), "nothing to review");

        let mut wrong = QuizSession::new(questions, None);
        while let Some(question) = wrong.current().cloned() {
            wrong
                .answer(&d, question.wrong_answer(&d).unwrap(), Duration::ZERO)
                .unwrap();
        }
        assert_eq!(wrong.summary().points, 0);
        assert_eq!(wrong.summary().correct, 0);
        assert_eq!(wrong.summary().stars, 1);
    }

    #[test]
    fn the_review_round_asks_exactly_the_missed_questions_never_twice_in_a_row() {
        let d = test_dataset();
        let questions = questions(&d, "quick-play", 11);
        let mut session = QuizSession::new(questions.clone(), None);
        for (i, question) in questions.iter().enumerate() {
            let answer = if i % 3 == 0 {
                question.wrong_answer(&d)
            } else {
                question.right_answer(&d)
            };
            session
                .answer(&d, answer.unwrap(), Duration::from_secs(3))
                .unwrap();
        }
        let missed: Vec<Question> = questions.iter().step_by(3).cloned().collect();
        assert_eq!(session.missed(), missed);
        let points_before = session.summary().points;
        assert!(session.start_review());
        // Miss the first again: it goes to the back, behind the others.
        let first = session.current().cloned().unwrap();
        session
            .answer(&d, first.wrong_answer(&d).unwrap(), Duration::ZERO)
            .unwrap();
        assert_ne!(session.current(), Some(&first));
        let mut asked = vec![first.clone()];
        while let Some(question) = session.current().cloned() {
            asked.push(question.clone());
            session
                .answer(&d, question.right_answer(&d).unwrap(), Duration::ZERO)
                .unwrap();
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
        let d = test_dataset();
        let mut session = endless(&d, 5);
        for _ in 0..12 {
            let question = session.current().cloned().unwrap();
            assert!(matches!(question, Question::HigherOrLower(_)));
            session
                .answer(&d, question.right_answer(&d).unwrap(), Duration::ZERO)
                .unwrap();
        }
        assert_eq!(session.best_streak, 12);
        let question = session.current().cloned().unwrap();
        session
            .answer(&d, question.wrong_answer(&d).unwrap(), Duration::ZERO)
            .unwrap();
        assert_eq!(session.current(), None, "over at the first miss");
        assert_eq!(session.questions.len(), 13);
        assert_eq!(session.summary().best_streak, 12);
        assert_eq!(session.missed(), vec![question]);
    }

    #[test]
    fn partial_credit_and_time_give_the_expected_points() {
        let d = test_dataset();
        let keys = |slugs: &[&str]| slugs.iter().map(|s| CityKey::new(s)).collect::<Vec<_>>();
        let order = Question::OrderByPopulation(OrderQuestion {
            cities: keys(&["kaechon", "pyongyang", "hamhung", "hyesan"]),
            measure: crate::quiz::population::Measure::Total,
        });
        let mut session = QuizSession::new(vec![order], Some(Duration::from_secs(20)));
        // One adjacent pair swapped: 5 of 6 pairs right; half the time used: ×0.75.
        let answer = Answer::OrderByPopulation(OrderAnswer {
            order: keys(&["hamhung", "pyongyang", "kaechon", "hyesan"]),
        });
        let graded = session.answer(&d, answer, Duration::from_secs(10)).unwrap();
        assert!(!graded.correct);
        assert_eq!(
            session.results[0].points,
            (1000.0 * 5.0 / 6.0 * 0.75_f64).round() as u32
        );
        assert_eq!(session.last_points(), Some((session.results[0].points, 0)));
        assert_eq!(session.summary().percent_right(), 0.0);
        let half = Summary {
            correct: 1,
            answered: 2,
            ..session.summary()
        };
        assert_eq!(half.percent_right(), 50.0);
        assert_eq!(
            session.answer(&d, Answer::NoAnswer, Duration::ZERO),
            Err(GradeError::NoQuestion)
        );
    }
}
