//! How a quiz runs: started from a menu, a drill request or a quiz left mid-way; each action of
//! the player applied to the draft and the session; every graded answer announced with
//! `AnswerGiven` and the end of the main round with `QuizFinished`; pause, quit, review and
//! replay from the pause menu and the Results screen.

use std::sync::Arc;
use std::time::Duration;

use bevy::prelude::*;

use super::active::{ActiveQuiz, QuizAction, QuizPhase, QuizRequest};
use crate::dataset::CityKey;
use crate::game::data::GameData;
use crate::game::menu::{self, Menu, MenuAction, MenuItem, Page};
use crate::game::messages::{
    AnswerGiven, DrillRequest, HandIn, QuizCommand, QuizFinished, QuizStarted, Round,
};
use crate::game::notices::Notices;
use crate::game::options::GameOptions;
use crate::game::preferences::Preferences;
use crate::game::progress::Progress;
use crate::game::screen::Screen;
use crate::game::systems::AppSystems;
use crate::plan::{Plan, Shelf};
use crate::quiz::{Answer, Draft, next_seed};

pub(super) fn plugin(app: &mut App) {
    app.add_sub_state::<QuizPhase>()
        .add_message::<QuizAction>()
        .add_systems(OnEnter(Screen::Quiz), start_quiz)
        .add_systems(
            Update,
            start_requested_quiz
                .in_set(AppSystems::Update)
                .run_if(resource_exists::<GameData>),
        )
        .add_systems(
            Update,
            (
                hand_in_whole_answers.run_if(in_state(Screen::Quiz)),
                apply_quiz_actions.run_if(in_state(Screen::Quiz)),
                // One reader for both screens, so no command is read twice.
                apply_quiz_commands
                    .run_if(in_state(Screen::Quiz).or_else(in_state(Screen::Results))),
                show_pause_menu.run_if(in_state(Screen::Quiz)),
            )
                .chain()
                .in_set(AppSystems::Update)
                .run_if(resource_exists::<ActiveQuiz>.and_then(resource_exists::<GameData>)),
        );
}

/// How a new quiz of `plan` is made: with the player's settings where the plan gives none,
/// without the clock where the run asks.
fn request(
    plan: Arc<Plan>,
    preferences: &Preferences,
    options: &GameOptions,
    given: Vec<CityKey>,
) -> QuizRequest {
    QuizRequest {
        plan,
        choices: preferences.settings.choices(),
        untimed: options.untimed,
        seed: options.seed,
        given,
    }
}

/// What `QuizStarted` says of this quiz.
fn started(quiz: &ActiveQuiz, resumed: Option<crate::progress::SessionId>) -> QuizStarted {
    QuizStarted {
        played: quiz.played(),
        seed: quiz.seed,
        // An endless run's questions come one at a time: it cannot be resumed.
        questions: if quiz.session.endless.is_some() {
            Vec::new()
        } else {
            quiz.session.questions.clone()
        },
        resumed,
    }
}

/// The plan a session's table name stands for ("map/easy" is the map plan's).
fn plan_of_mode(mode: &str) -> &str {
    mode.split('/').next().unwrap_or(mode)
}

/// A quiz chosen on the title menu, a drill asked for by the mastery map, or the quiz left
/// mid-way taken up again: made here, announced, and played on the Quiz screen.
#[allow(clippy::too_many_arguments)]
fn start_requested_quiz(
    mut menu_actions: MessageReader<MenuAction>,
    mut drills: MessageReader<DrillRequest>,
    mut commands: Commands,
    data: Res<GameData>,
    (options, preferences, progress): (Res<GameOptions>, Res<Preferences>, Res<Progress>),
    mut notices: ResMut<Notices>,
    mut next_screen: ResMut<NextState<Screen>>,
    mut announce: MessageWriter<QuizStarted>,
) {
    let mut chosen = Vec::new();
    for action in menu_actions.read() {
        match action {
            MenuAction::Quiz(QuizCommand::Start(id)) => match data.plan(id) {
                Some(plan) => {
                    let request = request(plan, &preferences, &options, Vec::new());
                    chosen.push((ActiveQuiz::new(&data, request), None));
                }
                None => notices.push(format!("There is no level \"{id}\".")),
            },
            MenuAction::Quiz(QuizCommand::ResumeUnfinished) => {
                let Some(left) = progress.resumable() else {
                    continue;
                };
                let Some(plan) = data.plan(plan_of_mode(&left.mode)) else {
                    notices.push(format!(
                        "A quiz of \"{}\" cannot be resumed: this version has no such level.",
                        left.mode
                    ));
                    continue;
                };
                let request = request(plan, &preferences, &options, Vec::new());
                match ActiveQuiz::resume(&data, request, &left) {
                    Ok(quiz) => chosen.push((quiz, Some(left.session))),
                    Err(problem) => notices.push(problem),
                }
            }
            _ => {}
        }
    }
    for DrillRequest(cities) in drills.read() {
        let Some(plan) = data.shelf(Shelf::Drill).next().cloned() else {
            notices.push("This version has no drill level.".to_string());
            continue;
        };
        let quiz = ActiveQuiz::new(&data, request(plan, &preferences, &options, cities.clone()));
        if quiz.session.current().is_some() {
            chosen.push((quiz, None));
        }
    }
    if let Some((quiz, resumed)) = chosen.pop() {
        announce.write(started(&quiz, resumed));
        commands.insert_resource(quiz);
        next_screen.set(Screen::Quiz);
    }
}

/// The Quiz screen opens on the quiz made for it (new, replayed, reviewed or resumed), or on a
/// new one of the mode the run asked for (`--quiz`, else Quick Play).
#[allow(clippy::too_many_arguments)]
fn start_quiz(
    mut commands: Commands,
    data: Option<Res<GameData>>,
    (options, preferences): (Res<GameOptions>, Res<Preferences>),
    quiz: Option<Res<ActiveQuiz>>,
    (time, mut notices): (Res<Time>, ResMut<Notices>),
    mut announce: MessageWriter<QuizStarted>,
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
        _ => {
            let id = options.quiz.as_deref().unwrap_or("quick-play");
            let Some(plan) = data.plan(id).or_else(|| data.plan("quick-play")) else {
                return;
            };
            if plan.id != id {
                notices.push(format!("There is no level \"{id}\": here is Quick play."));
            }
            let quiz = ActiveQuiz::new(&data, request(plan, &preferences, &options, Vec::new()));
            announce.write(started(&quiz, None));
            quiz
        }
    };
    quiz.asked_at = time.elapsed();
    commands.insert_resource(quiz);
}

/// `HandIn`: the core's right, near or wrong answer to the current question, handed in as the
/// player would.
fn hand_in_whole_answers(
    mut requests: MessageReader<HandIn>,
    quiz: Res<ActiveQuiz>,
    phase: Res<State<QuizPhase>>,
    mut actions: MessageWriter<QuizAction>,
    mut notices: ResMut<Notices>,
) {
    for request in requests.read() {
        let Some(question) = quiz.session.current() else {
            continue;
        };
        if *phase.get() != QuizPhase::Asking {
            continue;
        }
        let answer = match request {
            HandIn::Right => question.right_answer(&quiz.dataset),
            HandIn::NearMiss => question.near_miss(&quiz.dataset),
            HandIn::Wrong => question.wrong_answer(&quiz.dataset),
        };
        match answer {
            Ok(answer) => {
                actions.write(QuizAction::HandIn(answer));
            }
            Err(err) => notices.push(format!("No answer to hand in: {err}.")),
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn apply_quiz_actions(
    mut actions: MessageReader<QuizAction>,
    mut quiz: ResMut<ActiveQuiz>,
    progress: Res<Progress>,
    phase: Res<State<QuizPhase>>,
    mut next_phase: ResMut<NextState<QuizPhase>>,
    mut next_screen: ResMut<NextState<Screen>>,
    (mut answered, mut finished): (MessageWriter<AnswerGiven>, MessageWriter<QuizFinished>),
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
            (
                QuizPhase::Asking,
                QuizAction::Edit(_) | QuizAction::Submit | QuizAction::HandIn(_),
            ) => {
                let Some(answer) = answer_to_hand_in(&mut quiz, action, time.elapsed()) else {
                    continue;
                };
                let round = if quiz.session.is_reviewing() {
                    Round::Review
                } else {
                    Round::Main
                };
                let position = match round {
                    Round::Main => quiz.session.results.len(),
                    Round::Review => quiz.session.review_results.len(),
                };
                match quiz.submit(answer, time.elapsed()) {
                    Ok(result) => {
                        answered.write(AnswerGiven {
                            player: progress.player,
                            played: quiz.played(),
                            seed: quiz.seed,
                            round,
                            position,
                            result,
                            given_at: crate::progress::now(),
                        });
                        if round == Round::Main && quiz.session.current().is_none() {
                            finished.write(QuizFinished {
                                player: progress.player,
                                played: quiz.played(),
                                seed: quiz.seed,
                                summary: quiz.session.summary(),
                            });
                        }
                        next_phase.set(QuizPhase::Feedback);
                    }
                    Err(problem) => notices.push(problem),
                }
            }
            (QuizPhase::Feedback, QuizAction::Next) => {
                quiz.last_grade = None;
                if quiz.session.current().is_some() {
                    quiz.prepare_draft();
                    quiz.asked_at = time.elapsed();
                    next_phase.set(QuizPhase::Asking);
                } else {
                    next_screen.set(Screen::Results);
                }
            }
            (QuizPhase::Asking, QuizAction::Next)
            | (
                QuizPhase::Feedback,
                QuizAction::Edit(_) | QuizAction::Submit | QuizAction::HandIn(_),
            ) => {}
        }
    }
}

/// The answer an action hands in, if it does: a whole answer, the draft on Submit, or the
/// draft once an edit finishes it (a click on the map, the last try). Edits are stamped with
/// the question's clock (paused time left out).
fn answer_to_hand_in(quiz: &mut ActiveQuiz, action: &QuizAction, now: Duration) -> Option<Answer> {
    let seconds = now.saturating_sub(quiz.asked_at).as_secs_f64();
    match action {
        // Handed in already this frame (the draft goes with the answer): nothing more to hand in.
        QuizAction::HandIn(answer) => return quiz.draft.is_some().then(|| answer.clone()),
        QuizAction::Edit(edit) => {
            quiz.incomplete = false;
            let finished = quiz.draft.as_mut().is_some_and(|draft| {
                draft.apply(&edit.clone().at(seconds));
                draft.finished()
            });
            if !finished {
                return None;
            }
        }
        _ => {}
    }
    let answer = quiz.draft.as_ref().and_then(Draft::answer);
    quiz.incomplete = answer.is_none();
    answer
}

/// Pause, quit, review and replay: chosen from the pause menu or the Results screen.
#[allow(clippy::too_many_arguments)]
fn apply_quiz_commands(
    mut menu_actions: MessageReader<MenuAction>,
    mut quiz: ResMut<ActiveQuiz>,
    options: Res<GameOptions>,
    screen: Res<State<Screen>>,
    mut next_screen: ResMut<NextState<Screen>>,
    mut next_phase: Option<ResMut<NextState<QuizPhase>>>,
    time: Res<Time>,
    mut announce: MessageWriter<QuizStarted>,
) {
    for action in menu_actions.read() {
        let MenuAction::Quiz(command) = action else {
            continue;
        };
        match command {
            // Started from the title menu, or taken up again there (`start_requested_quiz`);
            // discarded by `game::progress`.
            QuizCommand::Start(_)
            | QuizCommand::Preview(_)
            | QuizCommand::ResumeUnfinished
            | QuizCommand::AskDiscard
            | QuizCommand::KeepUnfinished
            | QuizCommand::DiscardUnfinished => {}
            QuizCommand::Resume => quiz.set_paused(false, time.elapsed()),
            QuizCommand::AskQuit => quiz.confirm_quit = true,
            QuizCommand::ConfirmQuit => next_screen.set(Screen::Title),
            QuizCommand::ReviewMistakes => {
                if quiz.session.start_review() {
                    quiz.prepare_draft();
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
                *quiz = quiz.again(seed);
                quiz.asked_at = time.elapsed();
                announce.write(started(&quiz, None));
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
