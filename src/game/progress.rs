//! Keeping progress as the player plays: the progress database is opened at start (a file kept
//! aside, or a newer one refused, is told to the player, and the game goes on), the last player
//! is taken up again (or "Player 1" on a first start), and every answer of a quiz's main round
//! is committed as soon as it is given; the session is closed when the main round ends.

use std::sync::Mutex;

use bevy::prelude::*;

use super::GameOptions;
use super::notices::Notices;
use super::screens::quiz::{ActiveQuiz, QuizFinished, QuizKind};
use crate::progress::{PlayerId, ProgressDb, ProgressError, SessionId, SessionStart};

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
}

/// How a quiz mode is named in the database (and in exports).
pub fn mode_name(kind: QuizKind) -> &'static str {
    match kind {
        QuizKind::QuickPlay => "quick-play",
        QuizKind::HigherOrLower => "higher-or-lower",
        QuizKind::Map => "map",
        QuizKind::Facts => "facts",
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Progress>()
        .add_systems(PreStartup, open_progress)
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
    let player = db.last_player().and_then(|last| match last {
        Some(player) => Ok(player),
        None => match db.players()?.first() {
            Some((player, _)) => Ok(*player),
            None => db.add_player(FIRST_PLAYER),
        },
    });
    match player.and_then(|player| db.set_last_player(player).map(|()| player)) {
        Ok(player) => progress.player = Some(player),
        Err(err) => notices.push(format!("{err}. Scores will not be kept this time.")),
    }
    progress.db = Some(Mutex::new(db));
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
    let Some(player) = progress.player else {
        return;
    };
    let start = SessionStart {
        player,
        mode: mode_name(quiz.kind).into(),
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
