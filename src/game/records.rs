//! The player's records between runs: loaded at start, and updated when a `QuizFinished`
//! message arrives (for now the best higher-or-lower streak). The quiz screen only announces
//! that a quiz ended; what is kept, and where, is decided here.

use bevy::prelude::*;

use super::GameOptions;
use super::notices::Notices;
use super::screens::quiz::{QuizFinished, QuizKind};
use crate::records::Records;

/// The player's records, and whether the quiz just finished beat one.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct PlayerRecords {
    pub records: Records,
    /// Set when the last finished quiz beat the best; the Results screen says so.
    pub new_best: bool,
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

/// A finished higher-or-lower run may set a new best, which is saved at once.
fn keep_records(
    mut finished: MessageReader<QuizFinished>,
    options: Res<GameOptions>,
    mut records: ResMut<PlayerRecords>,
    mut notices: ResMut<Notices>,
) {
    for quiz in finished.read() {
        records.new_best = quiz.kind == QuizKind::HigherOrLower
            && records
                .records
                .note_higher_or_lower(quiz.summary.best_streak);
        if records.new_best
            && let Some(dir) = &options.data_dir
            && let Err(err) = records.records.save(dir)
        {
            notices.push(format!("{err}. Your new best streak was not saved."));
        }
    }
}
