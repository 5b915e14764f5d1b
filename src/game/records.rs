//! The player's records between runs: loaded at start, and kept from the quiz messages (the
//! best higher-or-lower streak from `QuizFinished`, the fastest match board of each size from
//! its `AnswerGiven`). The quiz screen only announces what happened; what is kept, and where,
//! is decided here.

use bevy::prelude::*;

use super::messages::{AnswerGiven, QuizFinished, QuizStarted, Round};
use super::notices::Notices;
use super::options::GameOptions;
use crate::quiz::{Answer, Question};
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

/// A new quiz clears the last one's news; a main-round match board may be the fastest of its
/// size, a finished higher-or-lower run the longest streak; a new best is saved at once.
fn keep_records(
    mut started: MessageReader<QuizStarted>,
    mut answers: MessageReader<AnswerGiven>,
    mut finished: MessageReader<QuizFinished>,
    options: Res<GameOptions>,
    mut records: ResMut<PlayerRecords>,
    mut notices: ResMut<Notices>,
) {
    if started.read().count() > 0 {
        records.new_best = false;
        records.new_board_best = false;
    }
    let mut beaten = false;
    for answer in answers.read().filter(|answer| answer.round == Round::Main) {
        if let (Answer::MatchBoard(board), Question::MatchBoard(question)) =
            (&answer.result.answer, &answer.result.question)
            && records
                .records
                .note_board(question.facts.len(), board.seconds)
        {
            records.new_board_best = true;
            beaten = true;
        }
    }
    for quiz in finished.read() {
        if quiz.played.endless
            && records
                .records
                .note_higher_or_lower(quiz.summary.best_streak)
        {
            records.new_best = true;
            beaten = true;
        }
    }
    if beaten
        && let Some(dir) = &options.data_dir
        && let Err(err) = records.records.save(dir)
    {
        notices.push(format!("{err}. Your new best was not saved."));
    }
}
