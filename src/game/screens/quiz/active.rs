//! The quiz being played (`ActiveQuiz`): its session, the answer the player is putting
//! together, its clock and pause; and what the player can do to it (`QuizAction`).

use std::sync::Arc;
use std::time::Duration;

use bevy::prelude::*;

use crate::dataset::{CityKey, Dataset};
use crate::game::data::GameData;
use crate::game::map::MapCities;
use crate::game::messages::Played;
use crate::game::screen::Screen;
use crate::plan::{Plan, PlanChoices, Run, deal};
use crate::quiz::{Answer, Draft, Edit, Grade, QuestionResult, QuizSession};

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

/// The quiz being played: its plan, the dataset it was made from, the session and the answer
/// being put together.
#[derive(Resource, Clone, Debug)]
pub struct ActiveQuiz {
    pub plan: Arc<Plan>,
    /// The dataset the quiz was made from: its questions are graded and drawn against it.
    pub dataset: Arc<Dataset>,
    /// That dataset's cities as the map draws them: every map of the quiz shows these.
    pub cities: Arc<MapCities>,
    pub session: QuizSession,
    pub seed: u64,
    /// The player's settings where the plan gives none.
    pub choices: PlanChoices,
    /// No clock, whatever the plan says (a run's `untimed`).
    pub untimed: bool,
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
    /// The cities the game gave the plan (a drill's), played again with the same ones.
    pub given: Vec<CityKey>,
}

/// How a quiz is to be made: the plan, the player's settings, the clock rule and the seed.
#[derive(Clone, Debug)]
pub struct QuizRequest {
    pub plan: Arc<Plan>,
    pub choices: PlanChoices,
    pub untimed: bool,
    /// The run's seed; a plan with a seed of its own, or the quiz of the day, uses that.
    pub seed: u64,
    pub given: Vec<CityKey>,
}

impl ActiveQuiz {
    /// A new quiz of the plan, dealt over the game's dataset.
    pub fn new(data: &GameData, request: QuizRequest) -> Self {
        Self::over(data.cities.clone(), request)
    }

    /// A new quiz of the plan, dealt over these cities' dataset (a set's own, say): its
    /// questions, grading, panels and maps all use them.
    pub fn over(cities: Arc<MapCities>, request: QuizRequest) -> Self {
        let seed = request.plan.seed_for(request.seed, crate::progress::now());
        let dataset = cities.dataset.clone();
        let dealt = deal(
            &dataset,
            &request.plan,
            &request.choices,
            seed,
            &request.given,
        );
        for (round, problem) in &dealt.problems {
            warn!("{} round {}: {problem}", request.plan.id, round + 1);
        }
        let session = QuizSession::new(dealt.questions, time_limit(&request))
            .with_endless(dealt.endless)
            .with_stars(request.plan.stars);
        Self::with_session(cities, request, session, seed)
    }

    /// The same plan again over the same dataset (a drill with the same cities), with this
    /// seed.
    pub fn again(&self, seed: u64) -> Self {
        Self::over(self.cities.clone(), self.request(seed))
    }

    /// What made this quiz, with another seed.
    pub fn request(&self, seed: u64) -> QuizRequest {
        QuizRequest {
            plan: self.plan.clone(),
            choices: self.choices,
            untimed: self.untimed,
            seed,
            given: self.given.clone(),
        }
    }

    /// What the messages say of this quiz.
    pub fn played(&self) -> Played {
        Played {
            plan: self.plan.id.clone(),
            title: self.plan.title.clone(),
            mode: self.plan.table_name(self.choices.difficulty),
            endless: self.plan.is_endless(),
            plan_hash: self.plan.content_hash.clone(),
        }
    }

    /// A quiz left mid-way, taken up where it stopped: its questions, with the answers already
    /// given graded again in order (points and streak as they were).
    pub fn resume(
        data: &GameData,
        request: QuizRequest,
        left: &crate::progress::Unfinished,
    ) -> Result<Self, String> {
        let dataset = data.dataset.clone();
        let mut session = QuizSession::new(left.questions.clone(), time_limit(&request))
            .with_stars(request.plan.stars);
        for (answer, seconds) in &left.answers {
            session
                .answer(
                    &dataset,
                    answer.clone(),
                    Duration::from_secs_f64(seconds.max(0.0)),
                )
                .map_err(|err| format!("The quiz left unfinished cannot be resumed: {err}."))?;
        }
        let mut request = request;
        if request
            .plan
            .rounds
            .iter()
            .any(|round| round.run == Run::EachGiven)
        {
            let mut cities: Vec<CityKey> =
                left.questions.iter().filter_map(|q| q.subject()).collect();
            cities.sort();
            cities.dedup();
            request.given = cities;
        }
        Ok(Self::with_session(
            data.cities.clone(),
            request,
            session,
            left.seed,
        ))
    }

    fn with_session(
        cities: Arc<MapCities>,
        request: QuizRequest,
        session: QuizSession,
        seed: u64,
    ) -> Self {
        let mut quiz = Self {
            plan: request.plan,
            dataset: cities.dataset.clone(),
            cities,
            session,
            seed,
            choices: request.choices,
            untimed: request.untimed,
            draft: None,
            incomplete: false,
            asked_at: Duration::ZERO,
            paused: false,
            paused_at: Duration::ZERO,
            confirm_quit: false,
            last_grade: None,
            last_answer: None,
            map_moved: false,
            given: request.given,
        };
        quiz.prepare_draft();
        quiz
    }

    /// A fresh draft for the question now showing.
    pub(super) fn prepare_draft(&mut self) {
        self.incomplete = false;
        self.map_moved = false;
        self.draft = self
            .session
            .current()
            .map(|question| question.draft(&self.dataset));
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
        answer: Answer,
        now: Duration,
    ) -> Result<QuestionResult, String> {
        let taken = now.saturating_sub(self.asked_at);
        let reviewing = self.session.is_reviewing();
        let question = self.session.current().cloned();
        let grade = self
            .session
            .answer(&self.dataset, answer.clone(), taken)
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

/// The plan's clock, or none for an untimed run.
fn time_limit(request: &QuizRequest) -> Option<Duration> {
    if request.untimed {
        None
    } else {
        request.plan.time_limit
    }
}
