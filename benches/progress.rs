//! How fast progress is kept and read back, on a year of daily play.
//!
//! `cargo bench --no-default-features --bench progress` prints, each as the median of many
//! runs (with the 10th and 90th percentiles):
//! - recording one answer, its commit included (synchronous = FULL, WAL), the game's path;
//! - every query the Scores screen makes (`ProgressDb::scores_view`) for one player;
//! - the mastery and confused-pair queries alone.
//!
//! The history is made by `fill_sample`: two players, 365 days, real quizzes.

use std::time::{Duration, Instant};

use cityquiz::dataset::Dataset;
use cityquiz::plan::{PlanChoices, built_in_plans, deal};
use cityquiz::progress::{ProgressDb, SAMPLE_MODES, SampleHistory, SessionStart};
use cityquiz::quiz::QuizSession;

fn main() {
    let dataset = Dataset::built_in(None).expect("the built-in dataset");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (mut db, _) = ProgressDb::open_in(dir.path()).expect("a fresh database");

    let started = Instant::now();
    let counts = db
        .fill_sample(
            &dataset,
            &SampleHistory {
                players: &["Mina", "Jun"],
                days: 365,
                sessions_per_day: 14,
                seed: 2026,
                until: 1_780_000_000,
            },
        )
        .expect("a year of play");
    println!(
        "history: {} sessions, {} answers over 365 days for 2 players (made in {:.1} s)",
        counts.sessions,
        counts.answers,
        started.elapsed().as_secs_f64()
    );
    let mina = db.player_named("Mina").unwrap();

    // Recording answers: the game's own call, committed with synchronous = FULL.
    let plans = built_in_plans(&dataset).expect("the built-in levels");
    let map = plans
        .iter()
        .find(|plan| plan.id == "map")
        .expect("the map quiz");
    let questions = deal(&dataset, map, &PlanChoices::default(), 1, &[]).questions;
    let mut quiz = QuizSession::new(questions, None);
    while let Some(question) = quiz.current().cloned() {
        if quiz.is_reviewing() {
            break;
        }
        let answer = question.near_miss(&dataset).unwrap();
        quiz.answer(&dataset, answer, Duration::from_secs(5))
            .unwrap();
    }
    let start = SessionStart {
        plan_hash: None,
        player: mina,
        mode: "map".into(),
        seed: 1,
        questions: quiz.questions.clone(),
    };
    let mut commits = Vec::new();
    for _ in 0..50 {
        let session = db.start_session(&start).unwrap();
        for (position, result) in quiz.results.iter().enumerate() {
            let begun = Instant::now();
            db.record_answer(session, position, result).unwrap();
            commits.push(begun.elapsed());
        }
        db.finish_session(session, &quiz.summary()).unwrap();
    }
    report("record one answer (commit)", &mut commits, 5.0);

    let mut views = time(30, || {
        db.scores_view(mina, &SAMPLE_MODES).unwrap();
    });
    report("Scores screen queries (scores_view)", &mut views, 50.0);
    let mut mastery = time(30, || {
        db.mastery(mina).unwrap();
    });
    report("  of which mastery per city", &mut mastery, f64::NAN);
    let mut confused = time(30, || {
        db.confused_pairs(mina, 5).unwrap();
    });
    report("  of which confused pairs", &mut confused, f64::NAN);
    let mut tables = time(30, || {
        db.tables(&SAMPLE_MODES).unwrap();
    });
    report("  of which top-ten tables", &mut tables, f64::NAN);
    let mut sessions = time(30, || {
        db.session_points(mina, 0).unwrap();
    });
    report("  of which sessions (score plots)", &mut sessions, f64::NAN);
    let mut days = time(30, || {
        db.answers_per_day(mina, 0).unwrap();
    });
    report("  of which answers per day", &mut days, f64::NAN);
}

fn time(runs: usize, mut f: impl FnMut()) -> Vec<Duration> {
    f(); // warm the page cache and the statement plans
    (0..runs)
        .map(|_| {
            let begun = Instant::now();
            f();
            begun.elapsed()
        })
        .collect()
}

fn report(what: &str, samples: &mut [Duration], target_ms: f64) {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |q: f64| ms(samples[((samples.len() - 1) as f64 * q).round() as usize]);
    let target = if target_ms.is_nan() {
        String::new()
    } else {
        format!("  (target < {target_ms} ms)")
    };
    println!(
        "{what:<40} median {:>8.3} ms   p10 {:>8.3}   p90 {:>8.3}   n = {}{target}",
        at(0.5),
        at(0.1),
        at(0.9),
        samples.len()
    );
}
