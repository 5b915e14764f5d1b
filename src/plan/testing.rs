//! Test helpers: the built-in plans' questions, for the unit tests of the quiz and progress.

use super::{Plan, PlanChoices, built_in_plans, deal};
use crate::dataset::Dataset;
use crate::quiz::{Question, QuizSession};

/// The built-in plan with this id, read against `dataset`.
pub(crate) fn plan(dataset: &Dataset, id: &str) -> Plan {
    built_in_plans(dataset)
        .expect("the built-in levels pass their checks")
        .into_iter()
        .find(|plan| plan.id == id)
        .unwrap_or_else(|| panic!("no built-in plan {id}"))
}

/// The questions of a built-in plan for `seed`, with the default choices.
pub(crate) fn questions(dataset: &Dataset, id: &str, seed: u64) -> Vec<Question> {
    deal(
        dataset,
        &plan(dataset, id),
        &PlanChoices::default(),
        seed,
        &[],
    )
    .questions
}

/// Endless higher or lower for `seed`.
pub(crate) fn endless(dataset: &Dataset, seed: u64) -> QuizSession {
    let dealt = deal(
        dataset,
        &plan(dataset, "higher-or-lower"),
        &PlanChoices::default(),
        seed,
        &[],
    );
    QuizSession::new(dealt.questions, None).with_endless(dealt.endless)
}
