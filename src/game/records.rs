//! The player's records between runs: loaded at start, and updated when a `QuizFinished`
//! message arrives (for now the best higher-or-lower streak). The quiz screen only announces
//! that a quiz ended; what is kept, and where, is decided here.

use bevy::prelude::*;

use super::GameOptions;
use super::notices::Notices;
use super::screens::quiz::{ActiveQuiz, QuizFinished, QuizKind};
use crate::quiz::Answer;
use crate::records::Records;

/// The player's records, and whether the quiz just finished beat one.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct PlayerRecords {
    pub records: Records,
    /// Set when the last finished quiz beat the best; the Results screen says so.
    pub new_best: bool,
    /// Set when the last finished quiz's match board was the fastest of its size.
    pub new_board_best: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PlayerRecords>()
        .add_systems(PreStartup, load_records)
        // After the quiz screen's systems, before the Results screen opens on the next frame.
        .add_systems(PostUpdate, keep_records);
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

/// A finished higher-or-lower run may set a new best streak, a finished match board a new best
/// time for its size; either is saved at once.
fn keep_records(
    mut finished: MessageReader<QuizFinished>,
    options: Res<GameOptions>,
    active: Option<Res<ActiveQuiz>>,
    mut records: ResMut<PlayerRecords>,
    mut notices: ResMut<Notices>,
) {
    for quiz in finished.read() {
        records.new_best = quiz.kind == QuizKind::HigherOrLower
            && records
                .records
                .note_higher_or_lower(quiz.summary.best_streak);
        records.new_board_best = false;
        let boards = active.iter().flat_map(|active| &active.session.results);
        for result in boards {
            if let (Answer::MatchBoard(board), crate::quiz::Question::MatchBoard(question)) =
                (&result.answer, &result.question)
            {
                let beaten = records
                    .records
                    .note_board(question.facts.len(), board.seconds);
                records.new_board_best |= beaten;
            }
        }
        if (records.new_best || records.new_board_best)
            && let Some(dir) = &options.data_dir
            && let Err(err) = records.records.save(dir)
        {
            notices.push(format!("{err}. Your new best was not saved."));
        }
    }
}
