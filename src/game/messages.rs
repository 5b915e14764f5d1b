//! The messages between the game's layers. Screens announce what happened (a quiz started, an
//! answer was given, a quiz finished) and ask for what they need (start a drill, export);
//! listeners below the screens (progress, records, and later the flashcards) act on them. A
//! listener needs nothing else: each message carries everything about its event.

use bevy::prelude::*;

use crate::dataset::CityKey;
use crate::progress::{PlayerId, SessionId};
use crate::quiz::{Question, QuestionResult, Summary};

/// What the title menu, the pause menu and the Results screen ask of a quiz (carried in a
/// `MenuAction::Quiz`, so keys and clicks reach it the same way).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuizCommand {
    /// Start the plan (a mode or level of levels/) with this id.
    Start(String),
    /// The Play screen: show this level's instructions (`None`: the list again).
    Preview(Option<String>),
    Resume,
    /// Ask before quitting: the quiz is kept, to be resumed from the title menu.
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

/// Which quiz is being played: its plan, and the table its scores are kept in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Played {
    /// The plan's id (`map`, `ten-largest`).
    pub plan: String,
    pub title: String,
    /// Where its sessions and high scores are kept: the id, with the difficulty where that
    /// narrows the plan (`map/easy`).
    pub mode: String,
    /// It runs until the first miss (endless higher or lower).
    pub endless: bool,
    /// The content hash of the plan's file (`Plan::content_hash`).
    pub plan_hash: String,
}

/// A quiz began (new, played again, or resumed): what it is and what it asks.
#[derive(Message, Clone, Debug, PartialEq)]
pub struct QuizStarted {
    pub played: Played,
    pub seed: u64,
    /// Its questions, so a quiz left mid-way can be resumed (empty for an endless run, whose
    /// questions come one at a time).
    pub questions: Vec<Question>,
    /// A quiz taken up again: the session its answers so far were kept in.
    pub resumed: Option<SessionId>,
}

/// Which round an answer belongs to: the scored main round, or the review of the mistakes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Round {
    Main,
    Review,
}

/// One answer, graded: sent once for every answer of every round.
#[derive(Message, Clone, Debug, PartialEq)]
pub struct AnswerGiven {
    /// Who was playing (none when progress is not kept).
    pub player: Option<PlayerId>,
    /// What was played.
    pub played: Played,
    pub seed: u64,
    pub round: Round,
    /// The answer's place in its round, from 0.
    pub position: usize,
    /// The question, the answer, its grade, points and streak bonus (none in the review), and
    /// how long it took (paused time left out).
    pub result: QuestionResult,
    /// When it was given, in seconds since 1970.
    pub given_at: i64,
}

/// Sent once when the main round of a quiz ends.
#[derive(Message, Clone, Debug, PartialEq)]
pub struct QuizFinished {
    pub player: Option<PlayerId>,
    pub played: Played,
    pub seed: u64,
    pub summary: Summary,
}

/// Start a short drill of exactly these cities (the mastery map's buttons).
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub struct DrillRequest(pub Vec<CityKey>);

/// Write every session and every answer as CSV into the data folder's `exports`.
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportRequest;

/// Hand in a whole answer to the current question, as the core makes it: for scripts and
/// tests that play a quiz without knowing its kind.
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub enum HandIn {
    Right,
    /// Close but not right (a click 100 km off, a figure a little out).
    NearMiss,
    Wrong,
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<QuizStarted>()
        .add_message::<AnswerGiven>()
        .add_message::<QuizFinished>()
        .add_message::<DrillRequest>()
        .add_message::<ExportRequest>()
        .add_message::<HandIn>();
}
