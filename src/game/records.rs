//! The current player's records (the best endless streak, the fastest match board of each
//! size), read from the progress database when a quiz starts and followed through its messages,
//! so the Results screen can say when one is beaten. Each player's are their own. The file
//! `records.toml`, which older versions shared between everyone, is renamed aside once.

use bevy::prelude::*;

use super::data::GameData;
use super::messages::{AnswerGiven, QuizFinished, QuizStarted, Round};
use super::notices::Notices;
use super::options::GameOptions;
use super::progress::Progress;
use crate::progress::PlayerRecords;
use crate::quiz::{Answer, Question};

/// The file older versions kept everyone's records in.
const RETIRED_FILE: &str = "records.toml";

/// The player's records, and whether the quiz just finished beat one.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct KeptRecords {
    pub records: PlayerRecords,
    /// Set when the last finished quiz beat the best streak; the Results screen says so.
    pub new_best: bool,
    /// Set when the last finished quiz's match board was the player's fastest of its size.
    pub new_board_best: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<KeptRecords>()
        .add_systems(PreStartup, retire_shared_records)
        // After the quiz screen's systems, before the Results screen opens on the next frame.
        .add_systems(PostUpdate, keep_records);
}

/// An old `records.toml` is renamed aside (not deleted): its records were everyone's at once.
fn retire_shared_records(options: Res<GameOptions>, mut notices: ResMut<Notices>) {
    let Some(dir) = &options.data_dir else {
        return;
    };
    let old = dir.join(RETIRED_FILE);
    if !old.exists() {
        return;
    }
    let aside = dir.join(format!("{RETIRED_FILE}.retired"));
    match std::fs::rename(&old, &aside) {
        Ok(()) => notices.push(format!(
            "Records are now each player's own, read from their games. The old shared file is kept as {}.",
            aside.display()
        )),
        Err(err) => notices.push(format!("{} could not be set aside: {err}.", old.display())),
    }
}

/// A new quiz reads the player's records afresh and clears the last one's news; a main-round
/// match board may be the player's fastest of its size, a finished endless run their longest.
fn keep_records(
    mut started: MessageReader<QuizStarted>,
    mut answers: MessageReader<AnswerGiven>,
    mut finished: MessageReader<QuizFinished>,
    progress: Res<Progress>,
    data: Option<Res<GameData>>,
    mut records: ResMut<KeptRecords>,
) {
    if started.read().count() > 0 {
        let endless: Vec<&str> = data
            .iter()
            .flat_map(|data| data.plans.iter())
            .filter(|plan| plan.is_endless())
            .map(|plan| plan.id.as_str())
            .collect();
        records.records = progress
            .player
            .and_then(|player| progress.with_db(|db| db.player_records(player, &endless)))
            .and_then(Result::ok)
            .unwrap_or_default();
        records.new_best = false;
        records.new_board_best = false;
    }
    for answer in answers.read().filter(|answer| answer.round == Round::Main) {
        if let (Answer::MatchBoard(board), Question::MatchBoard(question)) =
            (&answer.result.answer, &answer.result.question)
        {
            let pairs = question.facts.len();
            if records
                .records
                .board_best(pairs)
                .is_none_or(|best| board.seconds < best)
            {
                records.records.board_best.insert(pairs, board.seconds);
                records.new_board_best = true;
            }
        }
    }
    for quiz in finished.read() {
        if quiz.played.endless && quiz.summary.best_streak > records.records.best_streak {
            records.records.best_streak = quiz.summary.best_streak;
            records.new_best = true;
        }
    }
}
