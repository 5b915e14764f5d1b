//! Keeping progress as the player plays: the progress database is opened at start (a file kept
//! aside, or a newer one refused, is told to the player, and the game goes on), the last player
//! is taken up again (or "Player 1" on a first start). It listens to the quiz messages: each
//! main-round `AnswerGiven` is committed in its own transaction as it arrives (the session is
//! made at the first), and `QuizFinished` closes the session. Nothing here reads a screen.

use std::sync::Mutex;

use bevy::prelude::*;

use super::menu::MenuAction;
use super::messages::{AnswerGiven, QuizCommand, QuizFinished, QuizStarted, Round};
use super::notices::Notices;
use super::options::GameOptions;
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
    /// The quiz being played, as it started; its session is made at its first answer.
    playing: Option<QuizStarted>,
    session: Option<SessionId>,
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

    /// Fills the database with `players`' two weeks of real quizzes, a few a day, ending now;
    /// the first of them plays next. For screenshots and demonstrations (a script's
    /// `sample-history` step).
    pub fn fill_sample_history(
        &mut self,
        dataset: &crate::dataset::Dataset,
        players: &[&str],
        seed: u64,
    ) -> Result<(), String> {
        let history = crate::progress::SampleHistory {
            players,
            days: 14,
            sessions_per_day: 3,
            seed,
            until: crate::progress::now(),
        };
        let first = players.first().copied().unwrap_or("Player 1");
        let filled = self.with_db(|db| {
            db.fill_sample(dataset, &history)?;
            let player = db.player_named(first)?;
            db.set_last_player(player)?;
            Ok(player)
        });
        match filled {
            Some(Ok(player)) => {
                self.player = Some(player);
                self.first_start = false;
                Ok(())
            }
            Some(Err(err)) => Err(format!("The sample history could not be made: {err}.")),
            None => Err("The sample history needs the progress file, which is not open.".into()),
        }
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
            (apply_player_actions, discard_unfinished).in_set(super::systems::AppSystems::Update),
        )
        // After the screens have sent this frame's messages.
        .add_systems(
            PostUpdate,
            (begin_session, record_answers, close_session).chain(),
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
    let db = match ProgressDb::open_in(dir) {
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

/// "Discard" on the title menu: the current player's quiz left mid-way, asked first. (Resuming
/// it is the quiz screen's: it builds the quiz and announces it with `QuizStarted`.)
fn discard_unfinished(
    mut menu_actions: MessageReader<MenuAction>,
    mut progress: ResMut<Progress>,
    mut notices: ResMut<Notices>,
) {
    for action in menu_actions.read() {
        let MenuAction::Quiz(command) = action else {
            continue;
        };
        match command {
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

/// A quiz began: its answers go to a new session (made at its first answer), or to the one it
/// was resumed from.
fn begin_session(
    mut started: MessageReader<QuizStarted>,
    mut progress: ResMut<Progress>,
    mut notices: ResMut<Notices>,
) {
    for quiz in started.read() {
        if let Err(err) = progress.current_player() {
            notices.push(format!("{err}. This quiz's answers will not be kept."));
        }
        progress.session = quiz.resumed;
        progress.playing = Some(quiz.clone());
    }
}

/// Commits each main-round answer as it arrives, in its own transaction (the quiz's session is
/// made at its first).
fn record_answers(
    mut answers: MessageReader<AnswerGiven>,
    mut progress: ResMut<Progress>,
    mut notices: ResMut<Notices>,
) {
    for answer in answers.read() {
        if answer.round != Round::Main || progress.db.is_none() {
            continue;
        }
        let player = match answer
            .player
            .map_or_else(|| progress.current_player(), |p| Ok(Some(p)))
        {
            Ok(Some(player)) => player,
            Ok(None) => continue,
            Err(err) => {
                notices.push(format!("{err}. This answer was not kept."));
                continue;
            }
        };
        let start = SessionStart {
            plan_hash: Some(answer.played.plan_hash.clone()),
            player,
            mode: answer.played.mode.clone(),
            seed: answer.seed,
            questions: progress
                .playing
                .as_ref()
                .map(|quiz| quiz.questions.clone())
                .unwrap_or_default(),
        };
        let session = progress.session;
        let outcome = progress.with_db(|db| {
            let session = match session {
                Some(session) => session,
                None => db.start_session(&start)?,
            };
            db.record_answer(session, answer.position, &answer.result)?;
            Ok(session)
        });
        match outcome {
            Some(Ok(session)) => progress.session = Some(session),
            Some(Err(err)) => notices.push(format!("{err}. This answer was not kept.")),
            None => {}
        }
    }
}
/// The main round is over: the session gets its final tally.
fn close_session(
    mut finished: MessageReader<QuizFinished>,
    mut progress: ResMut<Progress>,
    mut notices: ResMut<Notices>,
) {
    for quiz in finished.read() {
        // Later answers (the review round's) belong to no session.
        progress.playing = None;
        let Some(session) = progress.session.take() else {
            continue;
        };
        match progress.with_db(|db| db.finish_session(session, &quiz.summary)) {
            Some(Ok(())) => progress.last_finished = Some(session),
            Some(Err(err)) => notices.push(format!("{err}. The quiz's total was not kept.")),
            None => {}
        }
    }
}
