//! The Quiz screen: one question at a time (Asking), then its grade (Feedback), then the next;
//! at the end the Results screen. Escape pauses; quitting asks first. This file holds the state
//! and what the player's actions do; `input.rs` turns keys into actions and the panel in
//! `game::ui::quiz_panel` draws it all.

mod input;

use std::time::Duration;

use bevy::prelude::*;

use super::Screen;
use crate::dataset::CityId;
use crate::game::data::GameData;
use crate::game::menu::{self, Menu, MenuAction, MenuItem, Page};
use crate::game::notices::Notices;
use crate::game::preferences::Preferences;
use crate::game::{AppSystems, GameOptions};
use crate::quiz::population::figure;
use crate::quiz::{Answer, Grade, Question, QuizSession, RankingSettings, ranking_quiz};
use crate::records::Records;

#[derive(SubStates, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[source(Screen = Screen::Quiz)]
pub enum QuizPhase {
    #[default]
    Asking,
    Feedback,
}

/// Which quiz to play.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum QuizKind {
    /// Ten questions of every population kind.
    #[default]
    QuickPlay,
    /// Higher or lower until the first miss.
    HigherOrLower,
}

/// The player's records, loaded at start and saved when one is beaten.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct PlayerRecords {
    pub records: Records,
    /// Set on the Results screen when the run just played beat the best.
    pub new_best: bool,
}

/// What the pause menu and the Results screen offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuizCommand {
    Start(QuizKind),
    Resume,
    /// Ask before quitting: answers so far are lost.
    AskQuit,
    ConfirmQuit,
    ReviewMistakes,
    PlayAgain {
        same_seed: bool,
    },
}

/// What the player did to the current question.
#[derive(Message, Clone, Debug, PartialEq)]
pub enum QuizAction {
    /// Ordering: move the keyboard cursor up or down the list.
    MoveCursor(i32),
    /// Ordering: pick up the line under the cursor, or put it down.
    ToggleGrab,
    /// Ordering: move the line at `from` to place `to` (drag and drop, or a number key).
    MoveLine {
        from: usize,
        to: usize,
    },
    /// Higher or lower: choose this city.
    Pick(CityId),
    /// Guessing: set the guess.
    SetGuess(u32),
    /// Guessing: type a digit, or delete the last one.
    TypeDigit(u8),
    DeleteDigit,
    /// Hand in the answer as it stands.
    Submit,
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
    pub settings: RankingSettings,
    /// Ordering: the cities as the player has arranged them, largest first.
    pub arrangement: Vec<CityId>,
    pub cursor: usize,
    pub grabbed: bool,
    /// Guessing: the number as it stands.
    pub guess: u32,
    /// Guessing: digits typed so far (empty: the slider's value counts).
    pub typed: String,
    /// When the current question was shown, on the game's clock (paused time excluded).
    pub asked_at: Duration,
    pub paused: bool,
    /// When the pause began, to leave paused time out of the answer time.
    paused_at: Duration,
    pub confirm_quit: bool,
    pub last_grade: Option<Grade>,
    /// The answer just graded, and its points and streak bonus (none in the review round).
    pub last_answer: Option<Answer>,
    pub last_points: Option<(u32, u32)>,
}

impl ActiveQuiz {
    pub fn new(data: &GameData, kind: QuizKind, settings: RankingSettings, seed: u64) -> Self {
        let session = match kind {
            QuizKind::QuickPlay => QuizSession::new(
                ranking_quiz(&data.dataset, &settings, seed),
                settings.time_limit,
            ),
            QuizKind::HigherOrLower => QuizSession::endless(&data.dataset, settings.measure, seed),
        };
        let mut quiz = Self {
            kind,
            session,
            seed,
            settings,
            arrangement: Vec::new(),
            cursor: 0,
            grabbed: false,
            guess: 0,
            typed: String::new(),
            asked_at: Duration::ZERO,
            paused: false,
            paused_at: Duration::ZERO,
            confirm_quit: false,
            last_grade: None,
            last_answer: None,
            last_points: None,
        };
        quiz.prepare_answer(data);
        quiz
    }

    /// Resets the answer being built for the question now showing.
    fn prepare_answer(&mut self, data: &GameData) {
        self.cursor = 0;
        self.grabbed = false;
        self.typed.clear();
        self.arrangement.clear();
        match self.session.current() {
            Some(Question::OrderByPopulation { cities, .. }) => self.arrangement = cities.clone(),
            Some(Question::GuessPopulation { .. }) => {
                // The slider starts in the middle of the range the cities span.
                self.guess = typical_population(data);
            }
            _ => {}
        }
    }

    /// Pauses or resumes; the time spent paused does not count against the answer.
    fn set_paused(&mut self, paused: bool, now: Duration) {
        if paused && !self.paused {
            self.paused_at = now;
        } else if !paused && self.paused {
            self.asked_at += now.saturating_sub(self.paused_at);
        }
        self.paused = paused;
        self.confirm_quit = false;
    }

    /// The answer as it stands now.
    pub fn current_answer(&self) -> Answer {
        match self.session.current() {
            Some(Question::OrderByPopulation { .. }) => Answer::Order(self.arrangement.clone()),
            Some(Question::GuessPopulation { .. }) => match self.typed.parse::<u32>() {
                Ok(typed) => Answer::Number(typed),
                Err(_) => Answer::Number(self.guess),
            },
            _ => Answer::NoAnswer,
        }
    }
}

/// The geometric middle of the census totals: where the guessing slider starts.
fn typical_population(data: &GameData) -> u32 {
    let logs: Vec<f64> = data
        .dataset
        .cities
        .iter()
        .filter_map(|city| figure(city, crate::quiz::population::Measure::Total))
        .map(|n| f64::from(n).ln())
        .collect();
    if logs.is_empty() {
        return 100_000;
    }
    (logs.iter().sum::<f64>() / logs.len() as f64).exp().round() as u32
}

/// The guessing slider's range: a tenth of the smallest city to twice the largest.
pub fn guess_range(data: &GameData) -> (u32, u32) {
    let figures = data
        .dataset
        .cities
        .iter()
        .filter_map(|city| figure(city, crate::quiz::population::Measure::Total));
    let (low, high) = figures.fold((u32::MAX, 0), |(lo, hi), n| (lo.min(n), hi.max(n)));
    if high == 0 {
        (1_000, 10_000_000)
    } else {
        ((low / 10).max(1_000), high.saturating_mul(2))
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PlayerRecords>()
        .add_systems(PreStartup, load_records)
        .add_systems(
            Update,
            start_chosen_quiz
                .in_set(AppSystems::Update)
                .run_if(resource_exists::<GameData>),
        )
        .add_systems(
            OnEnter(Screen::Results),
            note_records.before(super::results::show_results),
        );
    app.add_sub_state::<QuizPhase>()
        .add_message::<QuizAction>()
        .add_plugins(input::plugin)
        .add_systems(OnEnter(Screen::Quiz), start_quiz)
        .add_systems(
            Update,
            (
                apply_quiz_actions.run_if(in_state(Screen::Quiz)),
                // One reader for both screens, so no command is read twice.
                apply_quiz_commands
                    .run_if(in_state(Screen::Quiz).or_else(in_state(Screen::Results))),
                show_pause_menu.run_if(in_state(Screen::Quiz)),
            )
                .chain()
                .in_set(AppSystems::Update)
                .run_if(resource_exists::<ActiveQuiz>),
        );
}

fn load_records(
    options: Res<GameOptions>,
    mut records: ResMut<PlayerRecords>,
    mut notices: ResMut<Notices>,
) {
    if let Some(dir) = &options.data_dir {
        let (loaded, problem) = Records::load(dir);
        records.records = loaded;
        if let Some(problem) = problem {
            notices.push(problem);
        }
    }
}

/// A finished higher-or-lower run may set a new best, which is saved at once.
fn note_records(
    quiz: Option<Res<ActiveQuiz>>,
    options: Res<GameOptions>,
    mut records: ResMut<PlayerRecords>,
    mut notices: ResMut<Notices>,
) {
    records.new_best = false;
    let Some(quiz) = quiz.filter(|quiz| quiz.kind == QuizKind::HigherOrLower) else {
        return;
    };
    if records
        .records
        .note_higher_or_lower(quiz.session.best_streak)
    {
        records.new_best = true;
        if let Some(dir) = &options.data_dir
            && let Err(err) = records.records.save(dir)
        {
            notices.push(format!("{err}. Your new best streak was not saved."));
        }
    }
}

/// "Quick play" or "Higher or lower" from a menu: a new quiz of that kind.
fn start_chosen_quiz(
    mut menu_actions: MessageReader<MenuAction>,
    mut commands: Commands,
    data: Res<GameData>,
    options: Res<GameOptions>,
    preferences: Res<Preferences>,
    mut next_screen: ResMut<NextState<Screen>>,
) {
    for action in menu_actions.read() {
        if let MenuAction::Quiz(QuizCommand::Start(kind)) = action {
            let quiz = ActiveQuiz::new(&data, *kind, preferences.settings.ranking(), options.seed);
            commands.insert_resource(quiz);
            next_screen.set(Screen::Quiz);
        }
    }
}

/// Quick Play, or a quiz the Results screen asked for, starts here.
fn start_quiz(
    mut commands: Commands,
    data: Option<Res<GameData>>,
    options: Res<GameOptions>,
    quiz: Option<Res<ActiveQuiz>>,
    (time, preferences): (Res<Time>, Res<Preferences>),
    mut next_phase: ResMut<NextState<QuizPhase>>,
    mut next_screen: ResMut<NextState<Screen>>,
) {
    menu::show(
        &mut commands,
        Page {
            heading: Screen::Quiz.title().into(),
            details: Vec::new(),
            paragraphs: Vec::new(),
        },
        Menu::default(),
    );
    let Some(data) = data else {
        return;
    };
    let mut quiz = match quiz {
        // A quiz set up for replay or review keeps its questions.
        Some(quiz) if quiz.session.current().is_some() => quiz.clone(),
        _ => ActiveQuiz::new(
            &data,
            QuizKind::QuickPlay,
            preferences.settings.ranking(),
            options.seed,
        ),
    };
    quiz.asked_at = time.elapsed();
    play_demo(
        &mut quiz,
        &data,
        options.quiz_demo,
        &mut next_phase,
        &mut next_screen,
        &time,
    );
    commands.insert_resource(quiz);
}

/// `--demo-answers` and `--demo-carry`: put the quiz in a state worth a screenshot.
fn play_demo(
    quiz: &mut ActiveQuiz,
    data: &GameData,
    demo: crate::game::QuizDemo,
    next_phase: &mut NextState<QuizPhase>,
    next_screen: &mut NextState<Screen>,
    time: &Time,
) {
    if let Some(answers) = demo.answers.filter(|&n| n > 0) {
        for number in 0..answers {
            let Some(question) = quiz.session.current().cloned() else {
                break;
            };
            quiz.prepare_answer(data);
            let mut answer = crate::quiz::perfect_answer(&data.dataset, &question);
            if number % 2 == 1 {
                // Every other answer a little off: one swap, the other city, a guess 40 % high.
                answer = match answer {
                    Answer::Order(mut order) => {
                        order.swap(0, 1);
                        Answer::Order(order)
                    }
                    Answer::Pick(city) => match question {
                        Question::HigherOrLower { left, right, .. } => {
                            Answer::Pick(if city == left { right } else { left })
                        }
                        _ => Answer::Pick(city),
                    },
                    Answer::Number(n) => Answer::Number(n / 5 * 7),
                    other => other,
                };
            }
            submit(quiz, data, answer, time, next_phase);
        }
        if quiz.session.current().is_none() {
            next_screen.set(Screen::Results);
        }
    }
    if demo.carry && !quiz.arrangement.is_empty() {
        quiz.grabbed = true;
        move_line(&mut quiz.arrangement, 0, 1);
        quiz.cursor = 1;
    }
}

fn apply_quiz_actions(
    mut actions: MessageReader<QuizAction>,
    mut quiz: ResMut<ActiveQuiz>,
    data: Res<GameData>,
    phase: Res<State<QuizPhase>>,
    mut next_phase: ResMut<NextState<QuizPhase>>,
    mut next_screen: ResMut<NextState<Screen>>,
    time: Res<Time>,
) {
    for action in actions.read() {
        if quiz.paused && *action != QuizAction::Pause {
            continue;
        }
        match (phase.get(), action) {
            (_, QuizAction::Pause) => {
                let paused = !quiz.paused;
                quiz.set_paused(paused, time.elapsed());
            }
            (QuizPhase::Asking, QuizAction::MoveCursor(step)) => {
                let len = quiz.arrangement.len();
                if len == 0 {
                    continue;
                }
                let target = (quiz.cursor as i32 + step).clamp(0, len as i32 - 1) as usize;
                if quiz.grabbed {
                    let from = quiz.cursor;
                    move_line(&mut quiz.arrangement, from, target);
                }
                quiz.cursor = target;
            }
            (QuizPhase::Asking, QuizAction::ToggleGrab) => {
                quiz.grabbed = !quiz.grabbed && !quiz.arrangement.is_empty();
            }
            (QuizPhase::Asking, QuizAction::MoveLine { from, to }) => {
                let len = quiz.arrangement.len();
                if *from < len && *to < len {
                    move_line(&mut quiz.arrangement, *from, *to);
                    quiz.cursor = *to;
                }
            }
            (QuizPhase::Asking, QuizAction::SetGuess(value)) => {
                quiz.guess = *value;
                quiz.typed.clear();
            }
            (QuizPhase::Asking, QuizAction::TypeDigit(digit)) if quiz.typed.len() < 9 => {
                quiz.typed.push(char::from(b'0' + digit.min(&9)));
            }
            (QuizPhase::Asking, QuizAction::DeleteDigit) => {
                quiz.typed.pop();
            }
            (QuizPhase::Asking, QuizAction::Pick(city)) => {
                let answer = Answer::Pick(*city);
                submit(&mut quiz, &data, answer, &time, &mut next_phase);
            }
            (QuizPhase::Asking, QuizAction::Submit) => {
                let answer = quiz.current_answer();
                submit(&mut quiz, &data, answer, &time, &mut next_phase);
            }
            (QuizPhase::Feedback, QuizAction::Next) => {
                quiz.last_grade = None;
                if quiz.session.current().is_some() {
                    quiz.prepare_answer(&data);
                    quiz.asked_at = time.elapsed();
                    next_phase.set(QuizPhase::Asking);
                } else {
                    next_screen.set(Screen::Results);
                }
            }
            _ => {}
        }
    }
}

fn move_line(lines: &mut Vec<CityId>, from: usize, to: usize) {
    if from < lines.len() && to < lines.len() {
        let line = lines.remove(from);
        lines.insert(to, line);
    }
}

fn submit(
    quiz: &mut ActiveQuiz,
    data: &GameData,
    answer: Answer,
    time: &Time,
    next_phase: &mut NextState<QuizPhase>,
) {
    let taken = time.elapsed().saturating_sub(quiz.asked_at);
    let scored_before = quiz.session.results.len();
    if let Some(grade) = quiz.session.answer(&data.dataset, answer.clone(), taken) {
        quiz.last_points = quiz
            .session
            .results
            .get(scored_before)
            .map(|result| (result.points, result.streak_bonus));
        quiz.last_answer = Some(answer);
        quiz.last_grade = Some(grade);
        quiz.grabbed = false;
        next_phase.set(QuizPhase::Feedback);
    }
}

/// Pause, quit, review and replay: chosen from the pause menu or the Results screen.
#[allow(clippy::too_many_arguments)]
fn apply_quiz_commands(
    mut menu_actions: MessageReader<MenuAction>,
    mut quiz: ResMut<ActiveQuiz>,
    data: Res<GameData>,
    options: Res<GameOptions>,
    screen: Res<State<Screen>>,
    mut next_screen: ResMut<NextState<Screen>>,
    mut next_phase: Option<ResMut<NextState<QuizPhase>>>,
    time: Res<Time>,
) {
    for action in menu_actions.read() {
        let MenuAction::Quiz(command) = action else {
            continue;
        };
        match command {
            // Started from the title menu (see `start_chosen_quiz`).
            QuizCommand::Start(_) => {}
            QuizCommand::Resume => quiz.set_paused(false, time.elapsed()),
            QuizCommand::AskQuit => quiz.confirm_quit = true,
            QuizCommand::ConfirmQuit => next_screen.set(Screen::Title),
            QuizCommand::ReviewMistakes => {
                if quiz.session.start_review() {
                    quiz.prepare_answer(&data);
                    quiz.asked_at = time.elapsed();
                    restart_quiz_screen(&screen, &mut next_screen, next_phase.as_deref_mut());
                }
            }
            QuizCommand::PlayAgain { same_seed } => {
                let seed = if *same_seed {
                    quiz.seed
                } else {
                    // A new quiz that is still reproducible: the next seed in a fixed sequence.
                    quiz.seed
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(options.seed | 1)
                };
                *quiz = ActiveQuiz::new(&data, quiz.kind, quiz.settings, seed);
                quiz.asked_at = time.elapsed();
                restart_quiz_screen(&screen, &mut next_screen, next_phase.as_deref_mut());
            }
        }
    }
}

fn restart_quiz_screen(
    screen: &State<Screen>,
    next_screen: &mut NextState<Screen>,
    next_phase: Option<&mut NextState<QuizPhase>>,
) {
    if *screen.get() == Screen::Quiz {
        if let Some(next_phase) = next_phase {
            next_phase.set(QuizPhase::Asking);
        }
    } else {
        next_screen.set(Screen::Quiz);
    }
}

/// While paused, the quiz offers a menu (so the keyboard and the menu system drive it).
fn show_pause_menu(quiz: Res<ActiveQuiz>, mut menu: ResMut<Menu>) {
    if !quiz.is_changed() {
        return;
    }
    let items = if !quiz.paused {
        Vec::new()
    } else if quiz.confirm_quit {
        vec![
            MenuItem::new("Keep playing", MenuAction::Quiz(QuizCommand::Resume)),
            MenuItem::new(
                "Quit, losing this quiz",
                MenuAction::Quiz(QuizCommand::ConfirmQuit),
            ),
        ]
    } else {
        vec![
            MenuItem::new("Resume", MenuAction::Quiz(QuizCommand::Resume)),
            MenuItem::new("Quit the quiz…", MenuAction::Quiz(QuizCommand::AskQuit)),
        ]
    };
    if menu.items != items {
        *menu = Menu::new(items);
    }
}
