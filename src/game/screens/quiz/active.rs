//! The quiz being played (`ActiveQuiz`): its session, the answer the player is putting
//! together, its clock and pause; and what the player can do to it (`QuizAction`).

use std::time::Duration;

use bevy::prelude::*;

use crate::dataset::CityKey;
use crate::game::data::GameData;
use crate::game::screen::Screen;
use crate::quiz::{
    Answer, Draft, Edit, Grade, QuestionResult, QuizKind, QuizSession, QuizSettings, drill_quiz,
    facts_quiz, map_quiz, ranking_quiz,
};

#[derive(SubStates, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[source(Screen = Screen::Quiz)]
pub enum QuizPhase {
    #[default]
    Asking,
    Feedback,
}

/// What the player did on the Quiz screen.
#[derive(Message, Clone, Debug, PartialEq)]
pub enum QuizAction {
    /// Change the answer being built (move a line, choose a city, type a digit).
    Edit(Edit),
    /// Hand in the answer as it stands.
    Submit,
    /// Hand in this whole answer (a script's or a test's `HandIn`).
    HandIn(Answer),
    /// From the feedback, on to the next question (or the results).
    Next,
    Pause,
}

/// The quiz being played: the session and the answer being put together.
#[derive(Resource, Clone, Debug)]
pub struct ActiveQuiz {
    pub kind: QuizKind,
    pub session: QuizSession,
    pub seed: u64,
    pub settings: QuizSettings,
    /// The answer the player is building for the current question.
    pub draft: Option<Draft>,
    /// The player asked to check a draft that has no answer yet (no number typed).
    pub incomplete: bool,
    /// When the current question was shown, on the game's clock (paused time excluded).
    pub asked_at: Duration,
    pub paused: bool,
    /// When the pause began, to leave paused time out of the answer time.
    paused_at: Duration,
    pub confirm_quit: bool,
    pub last_grade: Option<Grade>,
    /// The answer just graded.
    pub last_answer: Option<Answer>,
    /// The player zoomed or panned the map of this question: it no longer fits itself.
    pub map_moved: bool,
    /// A drill's cities (played again with the same cities).
    pub drill: Vec<CityKey>,
}

impl ActiveQuiz {
    pub fn new(data: &GameData, kind: QuizKind, settings: QuizSettings, seed: u64) -> Self {
        let session = match kind {
            QuizKind::QuickPlay => QuizSession::new(
                ranking_quiz(&data.dataset, &settings.ranking, seed),
                kind.time_limit(&settings),
            ),
            QuizKind::HigherOrLower => {
                QuizSession::endless(&data.dataset, settings.ranking.measure, seed)
            }
            QuizKind::Map => QuizSession::new(
                map_quiz(&data.dataset, &settings.map, seed),
                kind.time_limit(&settings),
            ),
            QuizKind::Facts => QuizSession::new(
                facts_quiz(&data.dataset, settings.ranking.questions, seed),
                kind.time_limit(&settings),
            ),
            // A drill needs its cities: see `ActiveQuiz::drill`.
            QuizKind::Drill => QuizSession::new(Vec::new(), kind.time_limit(&settings)),
        };
        Self::with_session(data, kind, session, settings, seed)
    }

    /// A short drill of exactly these cities: where is each, and name each when marked.
    pub fn drill(data: &GameData, cities: Vec<CityKey>, settings: QuizSettings, seed: u64) -> Self {
        let session = QuizSession::new(
            drill_quiz(&data.dataset, &cities, seed),
            QuizKind::Drill.time_limit(&settings),
        );
        let mut quiz = Self::with_session(data, QuizKind::Drill, session, settings, seed);
        quiz.drill = cities;
        quiz
    }

    /// The same kind of quiz again (a drill with the same cities), with this seed.
    pub fn again(&self, data: &GameData, seed: u64) -> Self {
        match self.kind {
            QuizKind::Drill => Self::drill(data, self.drill.clone(), self.settings, seed),
            kind => Self::new(data, kind, self.settings, seed),
        }
    }

    /// A quiz left mid-way, taken up where it stopped: its questions, with the answers already
    /// given graded again in order (points and streak as they were).
    pub fn resume(
        data: &GameData,
        kind: QuizKind,
        left: &crate::progress::Unfinished,
        settings: QuizSettings,
    ) -> Result<Self, String> {
        let mut session = QuizSession::new(left.questions.clone(), kind.time_limit(&settings));
        for (answer, seconds) in &left.answers {
            session
                .answer(
                    &data.dataset,
                    answer.clone(),
                    Duration::from_secs_f64(seconds.max(0.0)),
                )
                .map_err(|err| format!("The quiz left unfinished cannot be resumed: {err}."))?;
        }
        let mut quiz = Self::with_session(data, kind, session, settings, left.seed);
        if kind == QuizKind::Drill {
            let mut cities: Vec<CityKey> =
                left.questions.iter().filter_map(|q| q.subject()).collect();
            cities.sort();
            cities.dedup();
            quiz.drill = cities;
        }
        Ok(quiz)
    }

    fn with_session(
        data: &GameData,
        kind: QuizKind,
        session: QuizSession,
        settings: QuizSettings,
        seed: u64,
    ) -> Self {
        let mut quiz = Self {
            kind,
            session,
            seed,
            settings,
            draft: None,
            incomplete: false,
            asked_at: Duration::ZERO,
            paused: false,
            paused_at: Duration::ZERO,
            confirm_quit: false,
            last_grade: None,
            last_answer: None,
            map_moved: false,
            drill: Vec::new(),
        };
        quiz.prepare_draft(data);
        quiz
    }

    /// A fresh draft for the question now showing.
    pub(super) fn prepare_draft(&mut self, data: &GameData) {
        self.incomplete = false;
        self.map_moved = false;
        self.draft = self
            .session
            .current()
            .map(|question| question.draft(&data.dataset));
    }

    /// Pauses or resumes; the time spent paused does not count against the answer.
    pub(super) fn set_paused(&mut self, paused: bool, now: Duration) {
        if paused && !self.paused {
            self.paused_at = now;
        } else if !paused && self.paused {
            self.asked_at += now.saturating_sub(self.paused_at);
        }
        self.paused = paused;
        self.confirm_quit = false;
    }

    /// Grades `answer`, records it and shows the feedback; returns the graded answer as the
    /// session keeps it (in the review round, with no points). A grading error (a question the
    /// data cannot grade) is told to the player and the question stays.
    pub(super) fn submit(
        &mut self,
        data: &GameData,
        answer: Answer,
        now: Duration,
    ) -> Result<QuestionResult, String> {
        let taken = now.saturating_sub(self.asked_at);
        let reviewing = self.session.is_reviewing();
        let question = self.session.current().cloned();
        let grade = self
            .session
            .answer(&data.dataset, answer.clone(), taken)
            .map_err(|err| format!("This question cannot be graded: {err}."))?;
        let result = match (reviewing, self.session.results.last(), question) {
            (false, Some(result), _) => result.clone(),
            (_, _, question) => QuestionResult {
                question: question.ok_or("There was no question to answer.")?,
                answer: answer.clone(),
                grade: grade.clone(),
                points: 0,
                streak_bonus: 0,
                time: taken,
            },
        };
        self.last_answer = Some(answer);
        self.last_grade = Some(grade);
        // Handed in: a second submit in the same frame finds nothing to hand in.
        self.draft = None;
        Ok(result)
    }
}
