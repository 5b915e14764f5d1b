use std::time::Duration;

use super::*;
use crate::quiz::{MapSettings, QuizSession, grade, map_quiz, ranking_quiz, test_dataset};

fn open(dir: &Path) -> ProgressDb {
    let (db, notice) = ProgressDb::open_in(dir).unwrap();
    assert_eq!(notice, None);
    db
}

/// A finished main round: every question answered with its near miss.
fn played(seed: u64) -> QuizSession {
    let d = test_dataset();
    let mut questions = ranking_quiz(&d, &Default::default(), seed);
    questions.extend(map_quiz(&d, &MapSettings::default(), seed));
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
            player,
            mode: mode.into(),
            seed: 77,
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
                player,
                mode: "quick-play".into(),
                seed: 5,
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
    assert_eq!(db.schema_version().unwrap(), 2);
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
