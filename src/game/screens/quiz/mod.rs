//! The Quiz screen: one question at a time (Asking), then its grade (Feedback), then the next;
//! at the end the Results screen. Escape pauses; quitting asks first. This file holds the quiz
//! being played and applies the player's actions to the core's draft and session; `input.rs`
//! reads the keys every kind shares, each kind's panel in `game::ui::quiz` its own keys and
//! drawing. When a quiz ends it sends `QuizFinished`, which the records plugin keeps.

mod input;
mod map;

use std::time::Duration;

use bevy::prelude::*;

use super::Screen;
use crate::dataset::CityKey;
use crate::game::data::GameData;
use crate::game::menu::{self, Menu, MenuAction, MenuItem, Page};
use crate::game::notices::Notices;
use crate::game::preferences::Preferences;
use crate::game::{AppSystems, GameOptions};
use crate::quiz::{
    Answer, Draft, Edit, Grade, QuizSession, QuizSettings, Summary, drill_quiz, facts_quiz,
    map_quiz, next_seed, ranking_quiz,
};

#[derive(SubStates, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[source(Screen = Screen::Quiz)]
pub enum QuizPhase {
    #[default]
    Asking,
    Feedback,
}

pub use crate::quiz::QuizKind;

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
    /// The current player's quiz left mid-way (title menu): take it up again.
    ResumeUnfinished,
    /// Ask before discarding it.
    AskDiscard,
    KeepUnfinished,
    DiscardUnfinished,
}

/// What the player did on the Quiz screen.
#[derive(Message, Clone, Debug, PartialEq)]
pub enum QuizAction {
    /// Change the answer being built (move a line, choose a city, type a digit).
    Edit(Edit),
    /// Hand in the answer as it stands.
    Submit,
    /// From the feedback, on to the next question (or the results).
    Next,
    Pause,
}

/// Sent once when the main round of a quiz ends: what the records and, later, the progress
/// database keep.
#[derive(Message, Clone, Debug, PartialEq)]
pub struct QuizFinished {
    pub kind: QuizKind,
    pub seed: u64,
    pub summary: Summary,
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
    fn prepare_draft(&mut self, data: &GameData) {
        self.incomplete = false;
        self.map_moved = false;
        self.draft = self
            .session
            .current()
            .map(|question| question.draft(&data.dataset));
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

    /// Grades `answer`, records it and shows the feedback. A grading error (a question the
    /// data cannot grade) is told to the player and the question stays.
    fn submit(&mut self, data: &GameData, answer: Answer, now: Duration) -> Result<(), String> {
        let taken = now.saturating_sub(self.asked_at);
        let grade = self
            .session
            .answer(&data.dataset, answer.clone(), taken)
            .map_err(|err| format!("This question cannot be graded: {err}."))?;
        self.last_answer = Some(answer);
        self.last_grade = Some(grade);
        // Handed in: a second submit in the same frame finds nothing to hand in.
        self.draft = None;
        Ok(())
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        start_chosen_quiz
            .in_set(AppSystems::Update)
            .run_if(resource_exists::<GameData>),
    );
    app.add_sub_state::<QuizPhase>()
        .add_message::<QuizAction>()
        .add_message::<QuizFinished>()
        .add_plugins(input::plugin)
        .add_plugins(map::plugin)
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
            let quiz = ActiveQuiz::new(&data, *kind, preferences.settings.quiz(), options.seed);
            commands.insert_resource(quiz);
            next_screen.set(Screen::Quiz);
        }
    }
}

/// Quick Play, or a quiz the Results screen asked for, starts here.
#[allow(clippy::too_many_arguments)]
fn start_quiz(
    mut commands: Commands,
    data: Option<Res<GameData>>,
    options: Res<GameOptions>,
    quiz: Option<Res<ActiveQuiz>>,
    (time, preferences): (Res<Time>, Res<Preferences>),
    mut next_phase: ResMut<NextState<QuizPhase>>,
    mut next_screen: ResMut<NextState<Screen>>,
    mut finished: MessageWriter<QuizFinished>,
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
            options.quiz.map_or(QuizKind::QuickPlay, QuizKind::from),
            preferences.settings.quiz(),
            options.seed,
        ),
    };
    quiz.asked_at = time.elapsed();
    if let Some(answers) = options.quiz_demo.answers.filter(|&n| n > 0) {
        play_demo(&mut quiz, &data, answers, time.elapsed());
        if quiz.session.current().is_none() {
            finished.write(finished_message(&quiz));
            next_screen.set(Screen::Results);
        } else if options.quiz_demo.next {
            quiz.last_grade = None;
        } else if quiz.last_grade.is_some() {
            next_phase.set(QuizPhase::Feedback);
        }
    }
    if options.quiz_demo.carry
        && let Some(draft) = &mut quiz.draft
    {
        demo_part_answer(draft);
    }
    commands.insert_resource(quiz);
}

/// `--demo-answers N`: answer the first N questions, right and a near miss in turn, so a
/// screenshot can show feedback and results.
fn play_demo(quiz: &mut ActiveQuiz, data: &GameData, answers: usize, now: Duration) {
    for number in 0..answers {
        let Some(question) = quiz.session.current().cloned() else {
            break;
        };
        let answer = if number % 2 == 0 {
            question.right_answer(&data.dataset)
        } else {
            question.near_miss(&data.dataset)
        };
        let graded = answer
            .map_err(|err| err.to_string())
            .and_then(|answer| quiz.submit(data, answer, now));
        if let Err(err) = graded {
            error!("demo answer {number}: {err}");
            break;
        }
        quiz.prepare_draft(data);
    }
}

/// `--demo-carry`: a part-made answer to show. An ordering question carries its first line
/// down one; a find-it question misses once; a map question moves its crosshair; a match board
/// has two pairs made, a wrong pair tried and a fact picked up.
fn demo_part_answer(draft: &mut Draft) {
    use crate::quiz::find_on_map::FindEdit;
    use crate::quiz::order_by_population::OrderEdit;
    use crate::quiz::where_is::PlaceEdit;
    use crate::quiz::which_province::ProvinceEdit;
    match draft {
        Draft::OrderByPopulation(draft) => {
            draft.apply(&OrderEdit::ToggleCarry);
            draft.apply(&OrderEdit::MoveCursor(1));
        }
        Draft::FindOnMap(find) => {
            let miss = find
                .markers
                .iter()
                .find(|marker| **marker != find.city)
                .cloned();
            if let Some(miss) = miss {
                find.apply(&FindEdit::Click(miss));
            }
        }
        Draft::WhereIs(place) => place.apply(&PlaceEdit::Nudge([60.0, 40.0])),
        Draft::WhichProvince(province) => province.apply(&ProvinceEdit::Nudge([60.0, 40.0])),
        // Two pairs made and a wrong one tried (marked ✖ until the next pick).
        Draft::MatchBoard(board) => {
            use crate::quiz::match_board::BoardEdit;
            for fact in 0..2 {
                if let Some(city) = board.right_city(fact) {
                    board.apply(&BoardEdit::SelectFact(fact));
                    board.apply(&BoardEdit::PickCity {
                        index: city,
                        at_seconds: 4.0,
                    });
                }
            }
            if let Some(city) = board.right_city(2) {
                let wrong = board.right_city(3).unwrap_or(city);
                board.apply(&BoardEdit::SelectFact(2));
                board.apply(&BoardEdit::PickCity {
                    index: wrong,
                    at_seconds: 9.0,
                });
            }
        }
        _ => {}
    }
}

fn finished_message(quiz: &ActiveQuiz) -> QuizFinished {
    QuizFinished {
        kind: quiz.kind,
        seed: quiz.seed,
        summary: quiz.session.summary(),
    }
}

#[allow(clippy::too_many_arguments)]
fn apply_quiz_actions(
    mut actions: MessageReader<QuizAction>,
    mut quiz: ResMut<ActiveQuiz>,
    data: Res<GameData>,
    phase: Res<State<QuizPhase>>,
    mut next_phase: ResMut<NextState<QuizPhase>>,
    mut next_screen: ResMut<NextState<Screen>>,
    mut finished: MessageWriter<QuizFinished>,
    (time, mut notices): (Res<Time>, ResMut<Notices>),
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
            (QuizPhase::Asking, QuizAction::Edit(_) | QuizAction::Submit) => {
                // Edits are stamped with the question's clock (paused time left out).
                let seconds = time.elapsed().saturating_sub(quiz.asked_at).as_secs_f64();
                let finished_by_edit = match (action, &mut quiz.draft) {
                    (QuizAction::Edit(edit), Some(draft)) => {
                        draft.apply(&edit.clone().at(seconds));
                        draft.finished()
                    }
                    _ => false,
                };
                if matches!(action, QuizAction::Edit(_)) {
                    quiz.incomplete = false;
                    // A click on the map or the last try answers at once.
                    if !finished_by_edit {
                        continue;
                    }
                }
                let Some(answer) = quiz.draft.as_ref().and_then(Draft::answer) else {
                    quiz.incomplete = true;
                    continue;
                };
                let was_main_round = !quiz.session.is_reviewing();
                match quiz.submit(&data, answer, time.elapsed()) {
                    Ok(()) => {
                        if was_main_round && quiz.session.current().is_none() {
                            finished.write(finished_message(&quiz));
                        }
                        next_phase.set(QuizPhase::Feedback);
                    }
                    Err(problem) => notices.push(problem),
                }
            }
            (QuizPhase::Feedback, QuizAction::Next) => {
                quiz.last_grade = None;
                if quiz.session.current().is_some() {
                    quiz.prepare_draft(&data);
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
            // Started from the title menu (see `start_chosen_quiz`), or taken up again there
            // (see `game::progress`).
            QuizCommand::Start(_)
            | QuizCommand::ResumeUnfinished
            | QuizCommand::AskDiscard
            | QuizCommand::KeepUnfinished
            | QuizCommand::DiscardUnfinished => {}
            QuizCommand::Resume => quiz.set_paused(false, time.elapsed()),
            QuizCommand::AskQuit => quiz.confirm_quit = true,
            QuizCommand::ConfirmQuit => next_screen.set(Screen::Title),
            QuizCommand::ReviewMistakes => {
                if quiz.session.start_review() {
                    quiz.prepare_draft(&data);
                    quiz.asked_at = time.elapsed();
                    restart_quiz_screen(&screen, &mut next_screen, next_phase.as_deref_mut());
                }
            }
            QuizCommand::PlayAgain { same_seed } => {
                let seed = if *same_seed {
                    quiz.seed
                } else {
                    next_seed(quiz.seed, options.seed)
                };
                *quiz = quiz.again(&data, seed);
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
                "Quit for now (resume it from the title menu)",
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
