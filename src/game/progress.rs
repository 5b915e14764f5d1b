//! Keeping progress as the player plays: the progress database is opened at start (a file kept
//! aside, or a newer one refused, is told to the player, and the game goes on), the last player
//! is taken up again (or "Player 1" on a first start), and every answer of a quiz's main round
//! is committed as soon as it is given; the session is closed when the main round ends.

use std::sync::Mutex;

use bevy::prelude::*;

use super::GameOptions;
use super::data::GameData;
use super::menu::MenuAction;
use super::notices::Notices;
use super::preferences::Preferences;
use super::screens::Screen;
use super::screens::quiz::{ActiveQuiz, QuizCommand, QuizFinished, QuizKind};
use crate::progress::{PlayerId, ProgressDb, ProgressError, SessionId, SessionStart, Unfinished};

/// The first player's name when nobody has played yet.
pub const FIRST_PLAYER: &str = "Player 1";

/// The open progress database (none when it could not be opened), the current player, and the
/// session being recorded.
#[derive(Resource, Default)]
pub struct Progress {
    /// A mutex only to make the connection shareable between systems; one system uses it at a
    /// time.
    pub db: Option<Mutex<ProgressDb>>,
    pub player: Option<PlayerId>,
    session: Option<SessionId>,
    recorded: usize,
    /// The session whose main round ended last: the Results screen shows its place.
    pub last_finished: Option<SessionId>,
    /// Nobody had played when the game started: the title asks who is playing.
    pub first_start: bool,
    /// The player asked to discard the unfinished quiz and is asked to confirm.
    pub confirm_discard: bool,
    /// What the last player action answered (a name taken, a player deleted), for the Players
    /// screen.
    pub player_note: Option<String>,
}

/// What the Players screen asks for.
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub enum PlayerAction {
    /// A new player, who then plays.
    Add(String),
    Choose(PlayerId),
    Rename(PlayerId, String),
    /// Deletes the player with every session of theirs (the screen has asked first).
    Delete(PlayerId),
}

impl Progress {
    /// Runs `f` on the database, if it is open.
    pub fn with_db<T>(
        &self,
        f: impl FnOnce(&mut ProgressDb) -> Result<T, ProgressError>,
    ) -> Option<Result<T, ProgressError>> {
        let db = self.db.as_ref()?;
        let mut guard = db.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        Some(f(&mut guard))
    }

    /// Every player, by name (empty when the database is closed).
    pub fn players(&self) -> Vec<(PlayerId, String)> {
        self.with_db(|db| db.players())
            .and_then(Result::ok)
            .unwrap_or_default()
    }

    /// The current player's name.
    pub fn player_name(&self) -> Option<String> {
        let player = self.player?;
        self.players()
            .into_iter()
            .find(|(id, _)| *id == player)
            .map(|(_, name)| name)
    }

    /// The current player's quiz left mid-way, if it can be resumed.
    pub fn resumable(&self) -> Option<Unfinished> {
        let player = self.player?;
        self.with_db(|db| db.resumable(player))?.ok().flatten()
    }

    /// The current player, made on first need ("Player 1") when nobody chose a name.
    fn current_player(&mut self) -> Result<Option<PlayerId>, ProgressError> {
        if self.player.is_none() && self.db.is_some() {
            let made = self.with_db(|db| {
                let player = db.player_named(FIRST_PLAYER)?;
                db.set_last_player(player)?;
                Ok(player)
            });
            if let Some(made) = made {
                self.player = Some(made?);
            }
        }
        Ok(self.player)
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Progress>()
        .add_message::<PlayerAction>()
        .add_systems(PreStartup, open_progress)
        .add_systems(
            Update,
            (
                apply_player_actions,
                resume_or_discard.run_if(resource_exists::<GameData>),
            )
                .in_set(super::AppSystems::Update),
        )
        .add_systems(
            PostUpdate,
            (record_answers, close_session)
                .chain()
                .run_if(resource_exists::<ActiveQuiz>),
        );
}

fn open_progress(
    options: Res<GameOptions>,
    mut progress: ResMut<Progress>,
    mut notices: ResMut<Notices>,
) {
    let Some(dir) = &options.data_dir else {
        return;
    };
    let mut db = match ProgressDb::open_in(dir) {
        Ok((db, notice)) => {
            if let Some(notice) = notice {
                notices.push(notice);
            }
            db
        }
        Err(err) => {
            notices.push(format!("{err}. Scores will not be kept this time."));
            return;
        }
    };
    if options.demo_history {
        fill_demo_history(&mut db, options.seed, &mut notices);
    }
    // The last player, else the first by name; nobody yet is a first start, which asks for a
    // name ("Player 1" is made at the first answer if none is given).
    let player = db.last_player().and_then(|last| match last {
        Some(player) => Ok(Some(player)),
        None => Ok(db.players()?.first().map(|(player, _)| *player)),
    });
    match player {
        Ok(Some(player)) => progress.player = Some(player),
        Ok(None) => progress.first_start = true,
        Err(err) => notices.push(format!("{err}. Scores will not be kept this time.")),
    }
    progress.db = Some(Mutex::new(db));
}

/// `--demo-history`: two players' two weeks of real quizzes, a few a day, ending now; the first
/// plays next.
fn fill_demo_history(db: &mut ProgressDb, seed: u64, notices: &mut Notices) {
    let filled = crate::geography::MapShapes::built_in()
        .map_err(|err| err.to_string())
        .and_then(|map| {
            crate::dataset::Dataset::built_in(Some(&map.country)).map_err(|err| err.to_string())
        })
        .and_then(|dataset| {
            let history = crate::progress::SampleHistory {
                players: &["Mina", "Jun"],
                days: 14,
                sessions_per_day: 3,
                seed,
                until: crate::progress::now(),
            };
            db.fill_sample(&dataset, &history)
                .and_then(|_| db.player_named("Mina"))
                .and_then(|mina| db.set_last_player(mina))
                .map_err(|err| err.to_string())
        });
    if let Err(problem) = filled {
        notices.push(format!("The demo history could not be made: {problem}."));
    }
}

/// Adds, chooses, renames and deletes players; what went wrong is kept for the Players screen.
fn apply_player_actions(mut actions: MessageReader<PlayerAction>, mut progress: ResMut<Progress>) {
    for action in actions.read() {
        let current = progress.player;
        let outcome = progress.with_db(|db| match action {
            PlayerAction::Add(name) => {
                let player = db.add_player(name)?;
                db.set_last_player(player)?;
                Ok((Some(player), format!("Welcome, {}!", name.trim())))
            }
            PlayerAction::Choose(player) => {
                db.set_last_player(*player)?;
                Ok((Some(*player), String::new()))
            }
            PlayerAction::Rename(player, name) => {
                db.rename_player(*player, name)?;
                Ok((current, format!("Renamed to {}.", name.trim())))
            }
            PlayerAction::Delete(player) => {
                db.delete_player(*player)?;
                let next = if current == Some(*player) {
                    db.players()?.first().map(|(next, _)| *next)
                } else {
                    current
                };
                if let Some(next) = next {
                    db.set_last_player(next)?;
                }
                Ok((next, "The player and their scores were deleted.".into()))
            }
        });
        match outcome {
            Some(Ok((player, note))) => {
                if player != progress.player {
                    progress.player = player;
                    // A new player's answers go to a new session.
                    progress.session = None;
                }
                progress.first_start = false;
                progress.player_note = (!note.is_empty()).then_some(note);
            }
            Some(Err(err)) => progress.player_note = Some(format!("{err}.")),
            None => {
                progress.player_note =
                    Some("Players cannot be kept: the progress file is not open.".into())
            }
        }
    }
}

/// "Resume" and "Discard" on the title menu: the current player's quiz left mid-way.
#[allow(clippy::too_many_arguments)]
fn resume_or_discard(
    mut menu_actions: MessageReader<MenuAction>,
    mut commands: Commands,
    mut progress: ResMut<Progress>,
    data: Res<GameData>,
    preferences: Res<Preferences>,
    mut notices: ResMut<Notices>,
    mut next_screen: ResMut<NextState<Screen>>,
) {
    for action in menu_actions.read() {
        let MenuAction::Quiz(command) = action else {
            continue;
        };
        match command {
            QuizCommand::ResumeUnfinished => {
                let Some(left) = progress.resumable() else {
                    continue;
                };
                let Some(kind) = QuizKind::from_mode_name(&left.mode) else {
                    notices.push(format!(
                        "A quiz of mode \"{}\" cannot be resumed.",
                        left.mode
                    ));
                    continue;
                };
                match ActiveQuiz::resume(&data, kind, &left, preferences.settings.quiz()) {
                    Ok(quiz) => {
                        progress.session = Some(left.session);
                        progress.recorded = quiz.session.results.len();
                        commands.insert_resource(quiz);
                        next_screen.set(Screen::Quiz);
                    }
                    Err(problem) => notices.push(problem),
                }
            }
            QuizCommand::AskDiscard => progress.confirm_discard = true,
            QuizCommand::KeepUnfinished => progress.confirm_discard = false,
            QuizCommand::DiscardUnfinished => {
                progress.confirm_discard = false;
                let Some(left) = progress.resumable() else {
                    continue;
                };
                if let Some(Err(err)) = progress.with_db(|db| db.discard_session(left.session)) {
                    notices.push(format!("{err}. The quiz was kept."));
                }
            }
            _ => {}
        }
    }
}

/// Commits every main-round answer not yet recorded; a new quiz (fewer results than recorded)
/// starts a new session at its first answer.
fn record_answers(
    quiz: Res<ActiveQuiz>,
    mut progress: ResMut<Progress>,
    mut notices: ResMut<Notices>,
) {
    let results = &quiz.session.results;
    if results.len() < progress.recorded {
        progress.session = None;
        progress.recorded = 0;
    }
    if results.len() == progress.recorded {
        return;
    }
    let player = match progress.current_player() {
        Ok(Some(player)) => player,
        Ok(None) => return,
        Err(err) => {
            notices.push(format!("{err}. This answer was not kept."));
            progress.recorded = results.len();
            return;
        }
    };
    let start = SessionStart {
        player,
        mode: quiz.kind.mode_name().into(),
        seed: quiz.seed,
        // An endless run's questions come one at a time: it cannot be resumed.
        questions: if quiz.session.endless.is_some() {
            Vec::new()
        } else {
            quiz.session.questions.clone()
        },
    };
    let (session, recorded) = (progress.session, progress.recorded);
    let outcome = progress.with_db(|db| {
        let session = match session {
            Some(session) => session,
            None => db.start_session(&start)?,
        };
        for (position, result) in results.iter().enumerate().skip(recorded) {
            db.record_answer(session, position, result)?;
        }
        Ok(session)
    });
    match outcome {
        Some(Ok(session)) => {
            progress.session = Some(session);
            progress.recorded = results.len();
        }
        Some(Err(err)) => {
            notices.push(format!("{err}. This answer was not kept."));
            // Not retried every frame: the next answer tries again.
            progress.recorded = results.len();
        }
        None => {}
    }
}

/// The main round is over: the session gets its final tally.
fn close_session(
    mut finished: MessageReader<QuizFinished>,
    mut progress: ResMut<Progress>,
    mut notices: ResMut<Notices>,
) {
    for quiz in finished.read() {
        let Some(session) = progress.session else {
            continue;
        };
        match progress.with_db(|db| db.finish_session(session, &quiz.summary)) {
            Some(Ok(())) => progress.last_finished = Some(session),
            Some(Err(err)) => notices.push(format!("{err}. The quiz's total was not kept.")),
            None => {}
        }
    }
}
