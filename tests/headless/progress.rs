//! Progress through real processes and the real App: a child killed with SIGKILL at random
//! moments while it records answers loses none it reported committed; two processes writing
//! at once both keep everything; two players find their own sessions in the Scores screen's
//! tables and plot data and in the CSV export.
//!
//! The child processes are this test binary run again on one test (`child_records_answers`),
//! which does nothing unless its environment names a data folder.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::*;
use cityquiz::dataset::Dataset;
use cityquiz::game::messages::ExportRequest;
use cityquiz::game::messages::QuizCommand;
use cityquiz::game::progress::PlayerAction;
use cityquiz::game::testing::ActiveQuiz;
use cityquiz::game::testing::ScoresData;
use cityquiz::plan::{PlanChoices, built_in_plans, deal};
use cityquiz::progress::{ProgressDb, SessionId, SessionStart};
use cityquiz::quiz::QuizSession;
use rand::RngExt;

const CHILD_DIR: &str = "CITYQUIZ_CHILD_DIR";
const CHILD_PLAYER: &str = "CITYQUIZ_CHILD_PLAYER";
const CHILD_SESSIONS: &str = "CITYQUIZ_CHILD_SESSIONS";

/// Not a test of its own: run as a child by the tests below. Records map quizzes answer by
/// answer as the game does, printing "committed SESSION POSITION" after each commit returns;
/// `CITYQUIZ_CHILD_SESSIONS` sessions, or until killed when it is 0.
#[test]
fn child_records_answers() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else {
        return;
    };
    let player_name = std::env::var(CHILD_PLAYER).unwrap_or_else(|_| "Child".into());
    let sessions: u32 = std::env::var(CHILD_SESSIONS)
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let map = cityquiz::geography::MapShapes::built_in().unwrap();
    let dataset = Dataset::built_in(Some(&map.country)).unwrap();
    let (mut db, _) = ProgressDb::open_in(Path::new(&dir)).unwrap();
    let player = db.player_named(&player_name).unwrap();
    let mut out = std::io::stdout().lock();
    let mut seed = std::process::id() as u64;
    let mut done = 0;
    while sessions == 0 || done < sessions {
        seed += 1;
        let map_plan = built_in_plans(&dataset)
            .unwrap()
            .into_iter()
            .find(|plan| plan.id == "map")
            .unwrap();
        let questions = deal(&dataset, &map_plan, &PlanChoices::default(), seed, &[]).questions;
        let mut quiz = QuizSession::new(questions, None);
        let session = db
            .start_session(&SessionStart {
                plan_hash: None,
                player,
                mode: "map".into(),
                seed,
                questions: quiz.questions.clone(),
            })
            .unwrap();
        let mut position = 0;
        while let Some(question) = quiz.current().cloned() {
            if quiz.is_reviewing() {
                break;
            }
            let answer = question.near_miss(&dataset).unwrap();
            quiz.answer(&dataset, answer, Duration::from_millis(2500))
                .unwrap();
            db.record_answer(session, position, &quiz.results[position])
                .unwrap();
            writeln!(out, "committed {} {position}", session.0).unwrap();
            out.flush().unwrap();
            position += 1;
        }
        db.finish_session(session, &quiz.summary()).unwrap();
        done += 1;
    }
}

fn spawn_child(dir: &Path, player: &str, sessions: u32) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "progress::child_records_answers",
            "--exact",
            "--nocapture",
            "--test-threads=1",
            "--quiet",
        ])
        .env(CHILD_DIR, dir)
        .env(CHILD_PLAYER, player)
        .env(CHILD_SESSIONS, sessions.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// The (session, position) pairs a child reported committed, read to the end of its output.
fn committed(child: &mut Child) -> Vec<(i64, usize)> {
    let stdout = child.stdout.take().unwrap();
    BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .filter_map(|line| {
            let mut words = line.strip_prefix("committed ")?.split(' ');
            Some((words.next()?.parse().ok()?, words.next()?.parse().ok()?))
        })
        .collect()
}

/// SIGKILL at random moments while answers are being committed; afterwards the database passes
/// `integrity_check` and holds every answer reported committed. `CITYQUIZ_CRASH_KILLS` sets the
/// number of kills (500 for the full run; CI runs 40).
#[test]
fn answers_reported_committed_survive_sigkill_at_random_moments() {
    let kills: u32 = std::env::var("CITYQUIZ_CRASH_KILLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(40);
    let dir = tempfile::tempdir().unwrap();
    let mut rng = cityquiz::quiz::rng_from_seed(18);
    let mut reported: BTreeSet<(i64, usize)> = BTreeSet::new();
    let mut killed_before_first_commit = 0;
    for _ in 0..kills {
        let mut child = spawn_child(dir.path(), "Crash", 0);
        // The child needs a few milliseconds to start and open the file; kill anywhere from
        // before its first commit to well into its answers.
        std::thread::sleep(Duration::from_micros(rng.random_range(5_000..80_000)));
        child.kill().unwrap(); // SIGKILL on Unix
        let lines = committed(&mut child);
        child.wait().unwrap();
        if lines.is_empty() {
            killed_before_first_commit += 1;
        }
        reported.extend(lines);
    }
    let (db, notice) = ProgressDb::open_in(dir.path()).unwrap();
    assert_eq!(
        notice, None,
        "the file passed the integrity check on opening"
    );
    assert_eq!(db.integrity_check().unwrap(), "ok");
    let sessions: BTreeSet<i64> = reported.iter().map(|(session, _)| *session).collect();
    let mut present = 0;
    for session in &sessions {
        let kept = db.session_answers(SessionId(*session)).unwrap().len();
        for (_, position) in reported.range((*session, 0)..=(*session, usize::MAX)) {
            assert!(*position < kept, "session {session} lost answer {position}");
            present += 1;
        }
    }
    println!(
        "crash test: {kills} SIGKILLs ({killed_before_first_commit} before a first commit), \
         {} answers reported committed in {} sessions, all {present} present, integrity ok",
        reported.len(),
        sessions.len()
    );
    assert_eq!(present, reported.len());
    assert!(!reported.is_empty(), "the children committed something");
}

#[test]
fn two_processes_writing_at_once_both_keep_every_answer() {
    let dir = tempfile::tempdir().unwrap();
    // The file exists before they race to open it, as when the game has run once.
    drop(ProgressDb::open_in(dir.path()).unwrap());
    let mut children = [
        spawn_child(dir.path(), "Mina", 15),
        spawn_child(dir.path(), "Jun", 15),
    ];
    let reports: Vec<Vec<(i64, usize)>> = children.iter_mut().map(committed).collect();
    for child in &mut children {
        assert!(child.wait().unwrap().success());
    }
    let (db, _) = ProgressDb::open_in(dir.path()).unwrap();
    let table = db.high_scores("map", 100).unwrap();
    for name in ["Mina", "Jun"] {
        assert_eq!(
            table.iter().filter(|row| row.player == name).count(),
            15,
            "{name}"
        );
    }
    for report in &reports {
        assert_eq!(report.len(), 15 * 10);
        for (session, position) in report {
            assert!(*position < db.session_answers(SessionId(*session)).unwrap().len());
        }
    }
}

fn scores(app: &App) -> &ScoresData {
    app.world().resource::<ScoresData>()
}

fn act(app: &mut App, action: PlayerAction) {
    app.world_mut().write_message(action);
    app.update();
    app.update();
}

/// Plays a whole facts quiz from the title menu, right where `right` says, then back to the
/// title.
fn play_facts(app: &mut App, right: impl Fn(usize) -> bool) {
    play_level(app, "facts");
    super::facts_quiz::play(app, right);
    assert_eq!(screen(app), Screen::Results);
    app.world_mut().write_message(MenuAction::Back);
    app.update();
    app.update();
    assert_eq!(screen(app), Screen::Title);
}

#[test]
fn two_players_find_their_own_sessions_in_the_tables_the_plots_and_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = cityquiz::game::testing::untimed_app(dir.path());
    act(&mut app, PlayerAction::Add("Mina".into()));
    play_facts(&mut app, |_| true);
    act(&mut app, PlayerAction::Add("Jun".into()));
    play_facts(&mut app, |n| n % 2 == 0);
    play_facts(&mut app, |n| n < 3);

    choose(&mut app, MenuAction::Open(Screen::Scores));
    assert_eq!(screen(&app), Screen::Scores);
    let data = scores(&app).clone();
    assert_eq!(data.player.as_deref(), Some("Jun"));
    assert_eq!(page(&app).heading, "Scores — Jun");
    let (mode, table) = &data.view.tables[0];
    assert_eq!(mode, "facts");
    let players: Vec<&str> = table.iter().map(|row| row.player.as_str()).collect();
    assert_eq!(players, ["Mina", "Jun", "Jun"], "best first");
    assert!(table[0].points > table[1].points && table[1].points > table[2].points);
    // The plots plot Jun's two sessions, and the answers per day are theirs alone.
    assert_eq!(data.view.sessions.len(), 2);
    assert_eq!(
        data.view
            .sessions
            .iter()
            .map(|s| s.points)
            .collect::<Vec<_>>(),
        [table[1].points, table[2].points]
    );
    let answered: u32 = data.view.answers_per_day.iter().map(|d| d.answers).sum();
    assert_eq!(answered, 2 * 11);
    assert_eq!(data.view.bests.len(), 1);
    assert_eq!(data.view.bests[0].points, table[1].points);

    // Mina's view: her one session.
    let mina = app
        .world()
        .resource::<cityquiz::game::progress::Progress>()
        .players()
        .into_iter()
        .find(|(_, name)| name == "Mina")
        .unwrap()
        .0;
    act(&mut app, PlayerAction::Choose(mina));
    app.world_mut().write_message(MenuAction::Back);
    app.update();
    app.update();
    choose(&mut app, MenuAction::Open(Screen::Scores));
    let data = scores(&app).clone();
    assert_eq!(data.player.as_deref(), Some("Mina"));
    assert_eq!(data.view.sessions.len(), 1);
    assert_eq!(data.view.sessions[0].points, table[0].points);
    assert_eq!(data.view.sessions[0].correct, 11);

    // The export button writes both players' sessions, and every answer.
    app.world_mut().write_message(ExportRequest);
    app.update();
    let exports: Vec<std::path::PathBuf> = std::fs::read_dir(dir.path().join("exports"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(exports.len(), 2);
    let sessions_csv = exports
        .iter()
        .find(|p| p.to_string_lossy().contains("sessions"))
        .unwrap();
    let text = std::fs::read_to_string(sessions_csv).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1 + 3, "{text}");
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with("Mina,facts,"))
            .count(),
        1
    );
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("Jun,facts,")).count(),
        2
    );
    let answers_csv = exports
        .iter()
        .find(|p| p.to_string_lossy().contains("answers"))
        .unwrap();
    assert_eq!(
        std::fs::read_to_string(answers_csv)
            .unwrap()
            .lines()
            .count(),
        1 + 3 * 11
    );
}

#[test]
fn a_quiz_quit_mid_way_is_resumed_from_the_title_where_it_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = headless_app(dir.path());
    play_level(&mut app, "facts");
    let questions = app
        .world()
        .resource::<ActiveQuiz>()
        .session
        .questions
        .clone();
    // Three answers, then quit from the pause menu.
    let mut answered = 0;
    super::facts_quiz::play_some(&mut app, 3);
    answered += 3;
    tap(&mut app, KeyCode::Escape);
    choose(&mut app, MenuAction::Quiz(QuizCommand::AskQuit));
    choose(&mut app, MenuAction::Quiz(QuizCommand::ConfirmQuit));
    assert_eq!(screen(&app), Screen::Title);
    let resume = MenuAction::Quiz(QuizCommand::ResumeUnfinished);
    let line = menu(&app)
        .items
        .iter()
        .find(|item| item.action == resume)
        .unwrap();
    assert_eq!(
        line.label,
        format!("Resume: Facts quiz, {answered} of 11 answered")
    );
    choose(&mut app, resume);
    assert_eq!(screen(&app), Screen::Quiz);
    let quiz = app.world().resource::<ActiveQuiz>();
    assert_eq!(quiz.session.questions, questions);
    assert_eq!(quiz.session.results.len(), answered);
    assert_eq!(quiz.session.current(), Some(&questions[answered]));
    // The rest of the quiz finishes the same session: one session, eleven answers.
    super::facts_quiz::play(&mut app, |_| true);
    let progress = app.world().resource::<cityquiz::game::progress::Progress>();
    let rows = progress.with_db(|db| db.session_rows()).unwrap().unwrap();
    assert_eq!(rows.len(), 1);
    assert!(rows[0].finished);
    assert_eq!(rows[0].answered, 11);
    assert_eq!(progress.resumable(), None);
}

#[test]
fn a_drill_from_the_mastery_map_asks_exactly_its_cities() {
    use cityquiz::dataset::CityKey;
    use cityquiz::game::messages::DrillRequest;
    let dir = tempfile::tempdir().unwrap();
    let mut app = headless_app(dir.path());
    let pair = vec![CityKey("hamhung".into()), CityKey("sinpo".into())];
    app.world_mut().write_message(DrillRequest(pair.clone()));
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Quiz);
    let quiz = app.world().resource::<ActiveQuiz>();
    assert_eq!(quiz.plan.id, "drill");
    let mut asked: Vec<CityKey> = quiz
        .session
        .questions
        .iter()
        .filter_map(|q| q.subject())
        .collect();
    asked.sort();
    asked.dedup();
    assert_eq!(asked, pair);
}

#[test]
fn a_first_start_asks_who_is_playing_and_the_name_keeps_the_scores() {
    use cityquiz::game::GameOptions;
    use cityquiz::game::progress::Progress;
    use cityquiz::game::testing::headless_app_with;
    let dir = tempfile::tempdir().unwrap();
    let options = GameOptions {
        data_dir: Some(dir.path().to_path_buf()),
        start_screen: Screen::Title,
        may_ask_name: true,
        ..GameOptions::default()
    };
    let mut app = headless_app_with(options.clone());
    app.update();
    assert_eq!(
        screen(&app),
        Screen::Players,
        "nobody has played: who is it?"
    );
    act(&mut app, PlayerAction::Add("Mina".into()));
    assert_eq!(screen(&app), Screen::Title);
    let line = "Player: Mina (change)";
    assert!(menu(&app).items.iter().any(|item| item.label == line));
    // A name already taken is refused with a note, and nothing changes.
    act(&mut app, PlayerAction::Add("mina".into()));
    let note = app
        .world()
        .resource::<Progress>()
        .player_note
        .clone()
        .unwrap();
    assert!(note.contains("already a player called"), "{note}");
    // The next start remembers Mina and asks nothing.
    drop(app);
    let mut app = headless_app_with(options);
    app.update();
    assert_eq!(screen(&app), Screen::Title);
    assert_eq!(
        app.world().resource::<Progress>().player_name().as_deref(),
        Some("Mina")
    );
}

#[test]
fn a_renamed_player_keeps_their_scores_and_a_deleted_one_takes_theirs_along() {
    use cityquiz::game::progress::Progress;
    let dir = tempfile::tempdir().unwrap();
    let mut app = cityquiz::game::testing::untimed_app(dir.path());
    act(&mut app, PlayerAction::Add("Mina".into()));
    play_facts(&mut app, |_| true);
    act(&mut app, PlayerAction::Add("Jun".into()));
    play_facts(&mut app, |_| false);
    let ids = |app: &App| app.world().resource::<Progress>().players();
    let jun = ids(&app)
        .into_iter()
        .find(|(_, name)| name == "Jun")
        .unwrap()
        .0;
    let mina = ids(&app)
        .into_iter()
        .find(|(_, name)| name == "Mina")
        .unwrap()
        .0;
    act(&mut app, PlayerAction::Rename(jun, "Jun-ho".into()));
    // Renaming to a name taken (in any case) is refused and changes nothing.
    act(&mut app, PlayerAction::Rename(jun, "MINA".into()));
    let progress = app.world().resource::<Progress>();
    assert!(
        progress
            .player_note
            .as_deref()
            .unwrap()
            .contains("already a player called")
    );
    assert_eq!(progress.player_name().as_deref(), Some("Jun-ho"));
    let table = progress
        .with_db(|db| db.high_scores("facts", 10))
        .unwrap()
        .unwrap();
    let names: Vec<&str> = table.iter().map(|row| row.player.as_str()).collect();
    assert_eq!(names, ["Mina", "Jun-ho"]);
    // Deleting the current player deletes their sessions and hands the game to another.
    act(&mut app, PlayerAction::Delete(jun));
    let progress = app.world().resource::<Progress>();
    assert_eq!(progress.player, Some(mina));
    let table = progress
        .with_db(|db| db.high_scores("facts", 10))
        .unwrap()
        .unwrap();
    assert_eq!(table.len(), 1);
    assert_eq!(table[0].player, "Mina");
    assert_eq!(ids(&app).len(), 1);
}
