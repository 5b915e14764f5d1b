//! `cityquiz export --out results.csv [--answers]`: every session (or every answer) from the
//! progress database as CSV a spreadsheet opens (UTF-8, a header row, RFC 4180 quoting by the
//! csv crate). Needs no window, so it works in a build without the game.

use std::path::Path;

use crate::dataset::Dataset;
use crate::geography::MapShapes;
use crate::plan::{Plan, built_in_plans, table_title};
use crate::progress::{AnswerRow, ProgressDb, SessionRow};
use crate::quiz::grade;

/// What an export writes: one row per session, or one per answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportRows {
    Sessions,
    Answers,
}

/// Writes the progress kept in `data_dir` to `out` as CSV; `Ok` says how many rows went where.
pub fn export(data_dir: &Path, out: &Path, rows: ExportRows) -> Result<String, String> {
    let file = data_dir.join(ProgressDb::FILE_NAME);
    if !file.exists() {
        return Err(format!(
            "there is no progress to export yet: {} does not exist (play a quiz first, or give \
             the folder it is in with --data-dir DIR)",
            file.display()
        ));
    }
    let (db, notice) = ProgressDb::open(&file).map_err(|err| err.to_string())?;
    if let Some(notice) = notice {
        return Err(notice);
    }
    let map = MapShapes::built_in().map_err(|err| err.to_string())?;
    let dataset = Dataset::built_in(Some(&map.country)).map_err(|err| err.to_string())?;
    // Each level's rows are named by its title beside its id.
    let plans = built_in_plans(&dataset).map_err(|err| err.to_string())?;
    let (count, what) = match rows {
        ExportRows::Answers => {
            let rows = db.answer_rows().map_err(|err| err.to_string())?;
            write_answers(out, &rows, &dataset, &plans)?;
            (rows.len(), "answers")
        }
        ExportRows::Sessions => {
            let rows = db.session_rows().map_err(|err| err.to_string())?;
            write_sessions(out, &rows, &plans)?;
            (rows.len(), "sessions")
        }
    };
    Ok(format!("wrote {count} {what} to {}", out.display()))
}

const SESSION_HEADER: [&str; 10] = [
    "player",
    "mode",
    "quiz",
    "started (UTC)",
    "finished",
    "score",
    "accuracy %",
    "right",
    "time (s)",
    "seed",
];

/// The title a row's mode stands for (the mode itself for a table no plan keeps).
fn title(plans: &[Plan], mode: &str) -> String {
    table_title(plans, mode).unwrap_or_else(|| mode.to_string())
}

fn write_sessions(out: &Path, rows: &[SessionRow], plans: &[Plan]) -> Result<(), String> {
    let mut writer = csv_writer(out)?;
    let mut write = || -> csv::Result<()> {
        writer.write_record(SESSION_HEADER)?;
        for row in rows {
            let accuracy = if row.answered == 0 {
                0.0
            } else {
                100.0 * f64::from(row.correct) / f64::from(row.answered)
            };
            writer.write_record([
                row.player.clone(),
                row.mode.clone(),
                title(plans, &row.mode),
                row.started.clone(),
                if row.finished { "yes" } else { "no" }.to_string(),
                row.points.to_string(),
                format!("{accuracy:.0}"),
                format!("{} of {}", row.correct, row.answered),
                format!("{:.1}", row.seconds),
                row.seed.to_string(),
            ])?;
        }
        writer.flush()?;
        Ok(())
    };
    write().map_err(|err| format!("could not write {}: {err}", out.display()))
}

const ANSWER_HEADER: [&str; 12] = [
    "player",
    "mode",
    "quiz",
    "started (UTC)",
    "question number",
    "question",
    "answer given",
    "right answer",
    "right",
    "points",
    "time (s)",
    "hit instead",
];

fn write_answers(
    out: &Path,
    rows: &[AnswerRow],
    dataset: &Dataset,
    plans: &[Plan],
) -> Result<(), String> {
    let mut writer = csv_writer(out)?;
    let mut write = || -> csv::Result<()> {
        writer.write_record(ANSWER_HEADER)?;
        for row in rows {
            // Graded again against today's dataset for the right answer in words; a question
            // the dataset no longer knows says so instead.
            let truth = grade(dataset, &row.question, &row.given).map_or_else(
                |err| format!("({err})"),
                |graded| graded.feedback.describe_truth(dataset),
            );
            writer.write_record([
                row.player.clone(),
                row.mode.clone(),
                title(plans, &row.mode),
                row.started.clone(),
                (row.position + 1).to_string(),
                row.question.prompt(dataset),
                row.given.describe(dataset),
                truth,
                if row.correct { "yes" } else { "no" }.to_string(),
                row.points.to_string(),
                format!("{:.1}", row.seconds),
                row.hit_instead.clone().unwrap_or_default(),
            ])?;
        }
        writer.flush()?;
        Ok(())
    };
    write().map_err(|err| format!("could not write {}: {err}", out.display()))
}

fn csv_writer(out: &Path) -> Result<csv::Writer<std::fs::File>, String> {
    csv::Writer::from_path(out).map_err(|err| format!("could not write {}: {err}", out.display()))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::plan::testing::questions;
    use crate::progress::SessionStart;
    use crate::quiz::{QuizSession, test_dataset};

    /// A database with one finished facts quiz by a player whose name needs quoting.
    fn played(dir: &Path) {
        let d = test_dataset();
        let (mut db, _) = ProgressDb::open_in(dir).unwrap();
        let player = db.add_player("Kim, \"Mina\"").unwrap();
        let mut session = QuizSession::new(questions(&d, "facts", 4), None);
        let id = db
            .start_session(&SessionStart {
                plan_hash: None,
                player,
                mode: "facts".into(),
                seed: 4,
                questions: session.questions.clone(),
            })
            .unwrap();
        let mut position = 0;
        while let Some(question) = session.current().cloned() {
            let answer = question.wrong_answer(&d).unwrap();
            session.answer(&d, answer, Duration::from_secs(3)).unwrap();
            db.record_answer(id, position, session.results.last().unwrap())
                .unwrap();
            position += 1;
        }
        db.finish_session(id, &session.summary()).unwrap();
    }

    #[test]
    fn sessions_and_answers_export_as_csv_a_spreadsheet_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        played(dir.path());
        let out = dir.path().join("results.csv");
        let said = export(dir.path(), &out, ExportRows::Sessions).unwrap();
        assert!(said.contains("wrote 1 sessions"), "{said}");
        let mut reader = csv::Reader::from_path(&out).unwrap();
        assert_eq!(
            reader.headers().unwrap().iter().collect::<Vec<_>>(),
            SESSION_HEADER
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 1);
        assert_eq!(&rows[0][0], "Kim, \"Mina\"", "quoted and read back whole");
        assert_eq!(&rows[0][1], "facts");
        assert_eq!(&rows[0][2], "Facts quiz");
        assert_eq!(&rows[0][4], "yes");
        assert_eq!(&rows[0][9], "4");
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(
            text.contains("\"Kim, \"\"Mina\"\"\""),
            "RFC 4180 quoting: {text}"
        );

        let answers = dir.path().join("answers.csv");
        let said = export(dir.path(), &answers, ExportRows::Answers).unwrap();
        assert!(said.contains("wrote 11 answers"), "{said}");
        let mut reader = csv::Reader::from_path(&answers).unwrap();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 11);
        assert!(rows.iter().all(|row| &row[8] == "no"));
        assert!(!rows[0][5].is_empty() && !rows[0][7].is_empty());
    }

    #[test]
    fn no_progress_yet_says_where_it_looked() {
        let dir = tempfile::tempdir().unwrap();
        let err = export(dir.path(), &dir.path().join("r.csv"), ExportRows::Sessions).unwrap_err();
        assert!(err.contains("no progress to export yet"), "{err}");
        assert!(err.contains("progress.sqlite"), "{err}");
    }
}
