//! A made-up history of real quizzes: for screenshots (a script's `sample-history` step), the
//! benchmark and the tests. Each session is a quiz the core builds, answered by a player who
//! gets better with practice, recorded through the same calls the game makes, dated in the past.

use std::time::Duration;

use rand::RngExt;

use super::{PlayerId, ProgressDb, ProgressError, SessionStart};
use crate::dataset::Dataset;
use crate::plan::{Plan, PlanChoices, built_in_plans, deal};
use crate::quiz::{QuizSession, rng_from_seed};

/// What to make up.
#[derive(Clone, Debug)]
pub struct SampleHistory<'a> {
    pub players: &'a [&'a str],
    pub days: u32,
    /// Sessions each player plays a day.
    pub sessions_per_day: u32,
    pub seed: u64,
    /// The last day's end, seconds since 1970.
    pub until: i64,
}

/// The built-in plans a sample history plays, in turn.
const SAMPLE_PLANS: [&str; 3] = ["quick-play", "map", "facts"];

/// Their names in the progress database (the map quiz at the normal difficulty).
pub const SAMPLE_MODES: [&str; 3] = ["quick-play", "map/normal", "facts"];

/// What was made.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SampleCounts {
    pub sessions: u32,
    pub answers: u32,
}

impl ProgressDb {
    /// Plays and records `history`. Writes without waiting for the disk (it is a sample, not
    /// a player's work), then goes back to full durability.
    pub fn fill_sample(
        &mut self,
        dataset: &Dataset,
        history: &SampleHistory,
    ) -> Result<SampleCounts, ProgressError> {
        self.conn
            .pragma_update(None, "synchronous", "OFF")
            .map_err(|err| self.error(err))?;
        let result = self.fill_sample_unsynced(dataset, history);
        self.conn
            .pragma_update(None, "synchronous", "FULL")
            .map_err(|err| self.error(err))?;
        result
    }

    fn fill_sample_unsynced(
        &mut self,
        dataset: &Dataset,
        history: &SampleHistory,
    ) -> Result<SampleCounts, ProgressError> {
        let mut rng = rng_from_seed(history.seed);
        let all = built_in_plans(dataset).map_err(|err| ProgressError::Invalid(err.to_string()))?;
        let plans: Vec<&Plan> = SAMPLE_PLANS
            .iter()
            .filter_map(|id| all.iter().find(|plan| plan.id == *id))
            .collect();
        let choices = PlanChoices::default();
        let mut counts = SampleCounts::default();
        let players: Vec<PlayerId> = history
            .players
            .iter()
            .map(|name| self.player_named(name))
            .collect::<Result<_, _>>()?;
        let day = 86_400;
        let first_day = history.until - i64::from(history.days) * day;
        for day_index in 0..history.days {
            for (index, &player) in players.iter().enumerate() {
                // Each player starts at their own level and improves with practice.
                let progress = f64::from(day_index + 1) / f64::from(history.days.max(1));
                let skill = (0.35 + 0.15 * index as f64 + 0.4 * progress).min(0.95);
                for number in 0..history.sessions_per_day {
                    let plan = plans[(day_index + number) as usize % plans.len()];
                    let seed = rng.random_range(0..1_000_000u64);
                    let questions = deal(dataset, plan, &choices, seed, &[]).questions;
                    let start = SessionStart {
                        plan_hash: Some(plan.content_hash.clone()),
                        player,
                        mode: plan.table_name(choices.difficulty),
                        seed,
                        questions: questions.clone(),
                    };
                    let hour = 8 + i64::from(number % 12) + 2 * index as i64;
                    let started_at = first_day + i64::from(day_index) * day + hour * 3600;
                    let session = self.start_session_at(&start, started_at)?;
                    let mut quiz = QuizSession::new(questions, Some(Duration::from_secs(30)));
                    let mut position = 0;
                    while let Some(question) = quiz.current().cloned() {
                        if quiz.is_reviewing() {
                            break;
                        }
                        let answer = if rng.random_bool(skill) {
                            question.right_answer(dataset)
                        } else if rng.random_bool(0.5) {
                            question.near_miss(dataset)
                        } else {
                            question.wrong_answer(dataset)
                        }
                        .map_err(|err| ProgressError::Invalid(err.to_string()))?;
                        let time = Duration::from_millis(rng.random_range(2_000..20_000));
                        quiz.answer(dataset, answer, time)
                            .map_err(|err| ProgressError::Invalid(err.to_string()))?;
                        let result = &quiz.results[position];
                        self.record_answer(session, position, result)?;
                        position += 1;
                        counts.answers += 1;
                    }
                    let summary = quiz.summary();
                    let ended_at = started_at + summary.time.as_secs() as i64 + 5;
                    self.finish_session_at(session, &summary, ended_at)?;
                    counts.sessions += 1;
                }
            }
        }
        Ok(counts)
    }

    /// The player of that name, added if new.
    pub fn player_named(&self, name: &str) -> Result<PlayerId, ProgressError> {
        match self
            .players()?
            .into_iter()
            .find(|(_, known)| known.eq_ignore_ascii_case(name.trim()))
        {
            Some((player, _)) => Ok(player),
            None => self.add_player(name),
        }
    }
}
