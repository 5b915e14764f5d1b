use std::time::Duration;

use std::path::Path;

use rusqlite::Connection;

use super::*;
use crate::plan::testing::questions as plan_questions;
use crate::quiz::{Answer, QuizSession, grade, test_dataset};

fn open(dir: &Path) -> ProgressDb {
    let (db, notice) = ProgressDb::open_in(dir).unwrap();
    assert_eq!(notice, None);
    db
}

/// A finished main round: every question answered with its near miss.
fn played(seed: u64) -> QuizSession {
    let d = test_dataset();
    let mut questions = plan_questions(&d, "quick-play", seed);
    questions.extend(plan_questions(&d, "map", seed));
    let mut session = QuizSession::new(questions, None);
    while let Some(question) = session.current().cloned() {
        let answer = question.near_miss(&d).unwrap();
        session
            .answer(&d, answer, Duration::from_millis(4_500))
            .unwrap();
    }
    session
}

fn record(db: &mut ProgressDb, player: PlayerId, mode: &str, session: &QuizSession) -> SessionId {
    let id = db
        .start_session(&SessionStart {
            plan_hash: None,
            player,
            mode: mode.into(),
            seed: 77,
            questions: session.questions.clone(),
        })
        .unwrap();
    for (position, result) in session.results.iter().enumerate() {
        db.record_answer(id, position, result).unwrap();
    }
    db.finish_session(id, &session.summary()).unwrap();
    id
}

#[test]
fn a_new_file_is_at_the_latest_schema_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let db = open(dir.path());
    assert_eq!(db.schema_version().unwrap(), SCHEMA_VERSION);
    let mode: String = db
        .conn
        .pragma_query_value(None, "journal_mode", |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let keys: bool = db
        .conn
        .pragma_query_value(None, "foreign_keys", |row| row.get(0))
        .unwrap();
    assert!(keys);
}

#[test]
fn every_record_survives_a_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let session = played(3);
    let (player, id) = {
        let mut db = open(dir.path());
        let player = db.add_player("Mina").unwrap();
        db.set_last_player(player).unwrap();
        let id = record(&mut db, player, "quick-play", &session);
        (player, id)
    };
    // Reopened from disk.
    let db = open(dir.path());
    assert_eq!(db.players().unwrap(), vec![(player, "Mina".to_string())]);
    assert_eq!(db.last_player().unwrap(), Some(player));
    let answers = db.session_answers(id).unwrap();
    assert_eq!(answers.len(), session.results.len());
    for ((question, answer, points), result) in answers.iter().zip(&session.results) {
        assert_eq!(*question, result.question);
        assert_eq!(*answer, result.answer);
        assert_eq!(*points, result.points);
        // The saved pair grades as it did.
        let regraded = grade(&test_dataset(), question, answer).unwrap();
        assert_eq!(regraded, result.grade);
    }
    let table = db.high_scores("quick-play", 10).unwrap();
    assert_eq!(table.len(), 1);
    assert_eq!(table[0].player, "Mina");
    assert_eq!(table[0].points, session.summary().points);
    assert_eq!(table[0].answered as usize, session.results.len());
    assert_eq!(table[0].seed, 77);
    assert!(db.unfinished_sessions(player).unwrap().is_empty());
    // What a click hit instead is kept for the map questions that hit something.
    let hits: i64 = db
        .conn
        .query_row(
            "SELECT COUNT(*) FROM answer WHERE hit_instead IS NOT NULL",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert!(hits > 0);
}

#[test]
fn players_are_renamed_deleted_with_their_sessions_and_names_stay_unique() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = open(dir.path());
    let mina = db.add_player("Mina").unwrap();
    let err = db.add_player(" mina ").unwrap_err().to_string();
    assert!(err.contains("already a player called"), "{err}");
    assert!(db.add_player("   ").is_err());
    db.rename_player(mina, "Mina K.").unwrap();
    let jun = db.add_player("Jun").unwrap();
    record(&mut db, mina, "map", &played(1));
    record(&mut db, jun, "map", &played(2));
    assert_eq!(db.high_scores("map", 10).unwrap().len(), 2);
    db.delete_player(mina).unwrap();
    let table = db.high_scores("map", 10).unwrap();
    assert_eq!(table.len(), 1);
    assert_eq!(table[0].player, "Jun");
    db.set_last_player(mina).unwrap();
    assert_eq!(
        db.last_player().unwrap(),
        None,
        "a deleted player is not the last"
    );
}

#[test]
fn a_session_left_mid_way_keeps_its_answers() {
    let dir = tempfile::tempdir().unwrap();
    let session = played(5);
    let (player, id) = {
        let mut db = open(dir.path());
        let player = db.add_player("Mina").unwrap();
        let id = db
            .start_session(&SessionStart {
                plan_hash: None,
                player,
                mode: "quick-play".into(),
                seed: 5,
                questions: session.questions.clone(),
            })
            .unwrap();
        for (position, result) in session.results.iter().take(3).enumerate() {
            db.record_answer(id, position, result).unwrap();
        }
        // Dropped without finishing: a quit or a crash.
        (player, id)
    };
    let db = open(dir.path());
    assert_eq!(db.unfinished_sessions(player).unwrap(), vec![id]);
    assert_eq!(db.session_answers(id).unwrap().len(), 3);
    assert!(db.high_scores("quick-play", 10).unwrap().is_empty());
}

#[test]
fn the_high_score_table_keeps_the_best_ten_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = open(dir.path());
    let player = db.add_player("Mina").unwrap();
    for seed in 0..12 {
        record(&mut db, player, "quick-play", &played(seed));
    }
    let table = db.high_scores("quick-play", 10).unwrap();
    assert_eq!(table.len(), 10);
    assert!(table.windows(2).all(|w| w[0].points >= w[1].points));
    // A new top score ranks first and is the player's best; a low one ranks below the rest.
    let jun = db.add_player("Jun").unwrap();
    let mut top = played(99);
    top.results.iter_mut().for_each(|r| r.points = 1000);
    let best = record(&mut db, jun, "quick-play", &top);
    let mut summary = top.summary();
    summary.points = table[0].points + 1;
    db.finish_session(best, &summary).unwrap();
    let standing = db.standing(best).unwrap().unwrap();
    assert_eq!((standing.rank, standing.personal_best), (1, true));
    let mut low = played(100);
    low.results.clear();
    let last = record(&mut db, jun, "quick-play", &low);
    let standing = db.standing(last).unwrap().unwrap();
    assert_eq!(standing.rank, 14);
    assert!(!standing.personal_best);
}

#[test]
fn a_version_1_file_is_migrated_and_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(ProgressDb::FILE_NAME);
    ProgressDb::create_at_version(&path, 1).unwrap();
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute(
            "INSERT INTO player (name, created_at) VALUES ('Old Timer', 1)",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO session (player_id, mode, seed, started_at, ended_at, points)
             VALUES (1, 'quick-play', 9, 1, 2, 4321)",
            [],
        )
        .unwrap();
    }
    let db = open(dir.path());
    assert_eq!(db.schema_version().unwrap(), SCHEMA_VERSION);
    let table = db.high_scores("quick-play", 10).unwrap();
    assert_eq!(table[0].player, "Old Timer");
    assert_eq!(table[0].points, 4321);
    // Version 2's additions work on the migrated file.
    db.set_last_player(PlayerId(1)).unwrap();
    assert_eq!(db.last_player().unwrap(), Some(PlayerId(1)));
}

#[test]
fn a_newer_file_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(ProgressDb::FILE_NAME);
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = ProgressDb::open_in(dir.path()).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("newer cityquiz"), "{text}");
    assert!(text.contains("schema 99"), "{text}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn an_unreadable_file_is_kept_aside_and_a_fresh_one_started() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(ProgressDb::FILE_NAME);
    let garbage = b"these are not the bytes of a database, but they are the player's".repeat(100);
    std::fs::write(&path, &garbage).unwrap();
    let (db, notice) = ProgressDb::open_in(dir.path()).unwrap();
    let notice = notice.unwrap();
    assert!(notice.contains("progress.corrupt-"), "{notice}");
    assert_eq!(db.schema_version().unwrap(), SCHEMA_VERSION);
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".corrupt-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        std::fs::read(&kept[0]).unwrap(),
        garbage,
        "kept byte for byte"
    );
}

#[test]
fn two_connections_writing_at_once_both_keep_their_answers() {
    let dir = tempfile::tempdir().unwrap();
    let players: Vec<PlayerId> = {
        let db = open(dir.path());
        vec![db.add_player("A").unwrap(), db.add_player("B").unwrap()]
    };
    let session = played(8);
    std::thread::scope(|scope| {
        for &player in &players {
            let (dir, session) = (dir.path(), &session);
            scope.spawn(move || {
                let mut db = open(dir);
                for _ in 0..5 {
                    record(&mut db, player, "quick-play", session);
                }
            });
        }
    });
    let db = open(dir.path());
    let answers: i64 = db
        .conn
        .query_row("SELECT COUNT(*) FROM answer", [], |row| row.get(0))
        .unwrap();
    assert_eq!(answers as usize, 2 * 5 * session.results.len());
    assert_eq!(db.high_scores("quick-play", 100).unwrap().len(), 10);
}

#[test]
fn a_version_2_file_gets_each_answers_city_from_its_saved_question() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(ProgressDb::FILE_NAME);
    ProgressDb::create_at_version(&path, 2).unwrap();
    let d = test_dataset();
    let questions = plan_questions(&d, "map", 12);
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "INSERT INTO player (name, created_at) VALUES ('Old Timer', 1);
             INSERT INTO session (player_id, mode, seed, started_at) VALUES (1, 'map', 12, 1);",
        )
        .unwrap();
        for (position, question) in questions.iter().enumerate() {
            conn.execute(
                "INSERT INTO answer (session_id, position, kind, question, given, points,
                                     streak_bonus, correct, seconds)
                 VALUES (1, ?1, ?2, ?3, 'NoAnswer = true', 0, 0, 0, 1.0)",
                rusqlite::params![
                    position as i64,
                    question.kind_name(),
                    toml::to_string(question).unwrap()
                ],
            )
            .unwrap();
        }
    }
    let db = open(dir.path());
    assert_eq!(db.schema_version().unwrap(), super::SCHEMA_VERSION);
    let cities: Vec<Option<String>> = {
        let mut statement = db
            .conn
            .prepare("SELECT city FROM answer ORDER BY position")
            .unwrap();
        statement
            .query_map([], |row| row.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let expected: Vec<Option<String>> = questions
        .iter()
        .map(|question| question.subject().map(|city| city.0))
        .collect();
    assert!(expected.iter().all(Option::is_some));
    assert_eq!(cities, expected);
    // Every city counts towards the mastery map now.
    assert_eq!(
        db.mastery(PlayerId(1))
            .unwrap()
            .iter()
            .map(|m| m.answered)
            .sum::<u32>() as usize,
        questions.len()
    );
}

#[test]
fn a_session_left_mid_way_can_be_resumed_where_it_stopped_or_discarded() {
    let dir = tempfile::tempdir().unwrap();
    let session = played(6);
    let mut db = open(dir.path());
    let player = db.add_player("Mina").unwrap();
    let id = db
        .start_session(&SessionStart {
            plan_hash: None,
            player,
            mode: "quick-play".into(),
            seed: 6,
            questions: session.questions.clone(),
        })
        .unwrap();
    for (position, result) in session.results.iter().take(4).enumerate() {
        db.record_answer(id, position, result).unwrap();
    }
    drop(db);
    let mut db = open(dir.path());
    let left = db.resumable(player).unwrap().expect("resumable");
    assert_eq!(left.session, id);
    assert_eq!((left.mode.as_str(), left.seed), ("quick-play", 6));
    assert_eq!(left.questions, session.questions);
    let given: Vec<Answer> = left.answers.iter().map(|(a, _)| a.clone()).collect();
    let expected: Vec<Answer> = session.results[..4]
        .iter()
        .map(|r| r.answer.clone())
        .collect();
    assert_eq!(given, expected);
    assert_eq!(left.answers[0].1, 4.5);
    // Another player has nothing to resume; a finished session is never resumable.
    let other = db.add_player("Jun").unwrap();
    assert_eq!(db.resumable(other).unwrap(), None);
    let finished = record(&mut open(dir.path()), player, "map", &session);
    assert_eq!(db.resumable(player).unwrap().unwrap().session, id);
    db.discard_session(finished).unwrap();
    assert_eq!(db.high_scores("map", 10).unwrap().len(), 1, "finished kept");
    let about_cities = |results: &[crate::quiz::QuestionResult]| {
        results
            .iter()
            .filter(|r| r.question.subject().is_some())
            .count() as u32
    };
    let counted = |db: &ProgressDb| {
        db.mastery(player)
            .unwrap()
            .iter()
            .map(|m| m.answered)
            .sum::<u32>()
    };
    assert_eq!(
        counted(&db),
        about_cities(&session.results[..4]) + about_cities(&session.results)
    );
    db.discard_session(id).unwrap();
    assert_eq!(db.resumable(player).unwrap(), None);
    // The discarded answers no longer count towards the mastery map.
    assert_eq!(counted(&db), about_cities(&session.results));
    assert!(db.session_answers(id).unwrap().is_empty());
}

#[test]
fn the_scores_view_keeps_two_players_apart() {
    let dir = tempfile::tempdir().unwrap();
    let d = test_dataset();
    let mut db = open(dir.path());
    let counts = db
        .fill_sample(
            &d,
            &SampleHistory {
                players: &["Mina", "Jun"],
                days: 4,
                sessions_per_day: 3,
                seed: 1,
                until: 1_780_000_000,
            },
        )
        .unwrap();
    assert_eq!(counts.sessions, 2 * 4 * 3);
    let mina = db.player_named("Mina").unwrap();
    let jun = db.player_named("Jun").unwrap();
    let view = db.scores_view(mina, &SAMPLE_MODES).unwrap();
    let modes: Vec<&str> = view.tables.iter().map(|(m, _)| m.as_str()).collect();
    assert_eq!(modes, SAMPLE_MODES);
    for (_, table) in &view.tables {
        assert!(table.len() <= TABLE_SIZE);
        assert!(table.windows(2).all(|w| w[0].points >= w[1].points));
        assert!(
            table
                .iter()
                .all(|row| row.player == "Mina" || row.player == "Jun")
        );
    }
    assert_eq!(view.sessions.len(), 12, "Mina's sessions only");
    assert!(
        view.sessions
            .windows(2)
            .all(|w| w[0].ended_at <= w[1].ended_at)
    );
    assert_eq!(view.answers_per_day.len(), 4);
    let answered: u32 = view.answers_per_day.iter().map(|day| day.answers).sum();
    let in_sessions: u32 = view.sessions.iter().map(|s| s.answered).sum();
    assert_eq!(answered, in_sessions);
    let bests: Vec<&str> = view.bests.iter().map(|b| b.mode.as_str()).collect();
    assert_eq!(bests, ["facts", "map/normal", "quick-play"]);
    for best in &view.bests {
        let top = view
            .sessions
            .iter()
            .filter(|s| s.mode == best.mode)
            .map(|s| s.points)
            .max();
        assert_eq!(Some(best.points), top);
    }
    // Mastery counts Mina's answers about each city and no one else's.
    let jun_view = db.scores_view(jun, &SAMPLE_MODES).unwrap();
    let about_a_city = |player: PlayerId| -> u32 {
        db.conn
            .query_row(
                "SELECT COUNT(*) FROM answer a JOIN session s ON s.id = a.session_id
                 WHERE s.player_id = ?1 AND a.city IS NOT NULL",
                [player.0],
                |row| row.get(0),
            )
            .unwrap()
    };
    assert_eq!(
        view.mastery.iter().map(|m| m.answered).sum::<u32>(),
        about_a_city(mina)
    );
    assert_eq!(
        jun_view.mastery.iter().map(|m| m.answered).sum::<u32>(),
        about_a_city(jun)
    );
    for city in &view.mastery {
        assert!(city.right <= city.answered);
        assert!((0.0..=1.0).contains(&city.recent));
        assert_ne!(city.level, Mastery::Unseen);
    }
    assert!(view.confused.windows(2).all(|w| w[0].times >= w[1].times));
    for pair in &view.confused {
        assert_ne!(pair.cities[0], pair.cities[1]);
        assert!(pair.cities[0] < pair.cities[1], "each pair once, in order");
    }
}

#[test]
fn mastery_judges_the_latest_answers() {
    assert_eq!(Mastery::judge(0, 0), Mastery::Unseen);
    assert_eq!(Mastery::judge(1, 3), Mastery::Weak);
    assert_eq!(Mastery::judge(1, 2), Mastery::Learning);
    assert_eq!(
        Mastery::judge(2, 2),
        Mastery::Learning,
        "too few to call known"
    );
    assert_eq!(Mastery::judge(3, 3), Mastery::Known);
    assert_eq!(Mastery::judge(6, 8), Mastery::Learning);
    assert_eq!(Mastery::judge(7, 8), Mastery::Known);
}

#[test]
fn confused_pairs_count_both_directions_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = open(dir.path());
    let player = db.add_player("Mina").unwrap();
    let d = test_dataset();
    let start = SessionStart {
        plan_hash: None,
        player,
        mode: "drill".into(),
        seed: 1,
        questions: Vec::new(),
    };
    let session = db.start_session(&start).unwrap();
    // Named Sinpo for Hamhung, then Hamhung for Sinpo: one pair, twice.
    let pairs = [("hamhung", "sinpo"), ("sinpo", "hamhung")];
    for (position, (city, named)) in pairs.iter().enumerate() {
        let id = d
            .city_by_key(&crate::dataset::CityKey(city.to_string()))
            .unwrap()
            .id;
        let question =
            crate::quiz::Question::NameMarked(crate::quiz::name_marked::NameQuestion::generate(
                &d,
                id,
                &[id],
                &mut crate::quiz::rng_from_seed(1),
            ));
        let answer = Answer::NameMarked(crate::quiz::name_marked::NameAnswer::Choice {
            city: crate::dataset::CityKey(named.to_string()),
        });
        let mut quiz = QuizSession::new(vec![question], None);
        quiz.answer(&d, answer, Duration::from_secs(2)).unwrap();
        db.record_answer(session, position, &quiz.results[0])
            .unwrap();
    }
    let confused = db.confused_pairs(player, 5).unwrap();
    assert_eq!(confused.len(), 1);
    assert_eq!(confused[0].times, 2);
    assert_eq!(confused[0].cities[0].0, "hamhung");
    // Rebuilt from the answers (a discarded session does that), the pairs are the same.
    let other = db.start_session(&start).unwrap();
    db.discard_session(other).unwrap();
    assert_eq!(db.confused_pairs(player, 5).unwrap(), confused);
    // Discarding the session that made them takes them away.
    db.discard_session(session).unwrap();
    assert!(db.confused_pairs(player, 5).unwrap().is_empty());
}

/// `tests/fixtures/progress-v1.sqlite` is a file as version 1 of the schema wrote it (made with
/// Python's sqlite3 from V1's SQL): a player, a finished map session and two answers.
#[test]
fn the_version_1_fixture_file_is_migrated_to_the_latest_with_nothing_lost() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/progress-v1.sqlite");
    std::fs::copy(&fixture, dir.path().join(ProgressDb::FILE_NAME)).unwrap();
    let db = open(dir.path());
    assert_eq!(db.schema_version().unwrap(), SCHEMA_VERSION);
    let table = db.high_scores("map", 10).unwrap();
    assert_eq!(table.len(), 1);
    assert_eq!(
        (
            table[0].player.as_str(),
            table[0].points,
            table[0].correct,
            table[0].answered
        ),
        ("Old Timer", 1531, 1, 2)
    );
    let answers = db.session_answers(SessionId(1)).unwrap();
    assert_eq!(answers.len(), 2);
    assert_eq!(answers[0].1, Answer::NoAnswer);
    let mastery: Vec<(String, u32, u32)> = db
        .mastery(PlayerId(1))
        .unwrap()
        .into_iter()
        .map(|m| (m.city.0, m.answered, m.right))
        .collect();
    assert_eq!(
        mastery,
        [("hamhung".to_string(), 1, 1), ("sinpo".to_string(), 1, 0)]
    );
    // The new columns are written by new answers.
    assert_eq!(db.resumable(PlayerId(1)).unwrap(), None, "it was finished");
}
