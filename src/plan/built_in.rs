//! The levels compiled into the binary: every file of `levels/` (the build script lists them).

use super::{Plan, parse_plan};
use crate::dataset::Dataset;
use crate::diagnostics::{Problem, Problems};

include!(concat!(env!("OUT_DIR"), "/levels.rs"));

/// (path in the repository, text) of every built-in level, in file-name order.
pub fn built_in_sources() -> &'static [(&'static str, &'static str)] {
    LEVEL_FILES
}

/// Every built-in plan, read and checked against `dataset`, in file-name order; the error lists
/// every problem of every file, and two files with one id.
pub fn built_in_plans(dataset: &Dataset) -> Result<Vec<Plan>, Problems> {
    let mut plans: Vec<Plan> = Vec::new();
    let mut problems: Vec<Problem> = Vec::new();
    for (name, text) in LEVEL_FILES {
        match parse_plan(name, text, dataset) {
            Ok(plan) => {
                if let Some(first) = plans.iter().find(|other| other.id == plan.id) {
                    problems.push(Problem {
                        file: (*name).to_string(),
                        line: 1,
                        column: 1,
                        message: format!("the id \"{}\" is {}'s too", plan.id, first.file),
                        fix: "give every level its own id".into(),
                    });
                }
                plans.push(plan);
            }
            Err(found) => problems.extend(found.0),
        }
    }
    if problems.is_empty() {
        Ok(plans)
    } else {
        Err(Problems(problems))
    }
}
