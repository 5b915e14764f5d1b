//! The Results screen: every question with the player's answer, the right answer and the points,
//! then the total, accuracy, time and stars; and the way on: review the mistakes, play again
//! (the same questions or new ones), or back to the menu.

use bevy::prelude::*;

use super::active::ActiveQuiz;
use crate::dataset::{CityKey, Dataset};
use crate::game::data::GameData;
use crate::game::map::MapScene;
use crate::game::menu::{self, Menu, MenuAction, MenuItem, Page};
use crate::game::messages::QuizCommand;
use crate::game::progress::Progress;
use crate::game::records::KeptRecords;
use crate::game::screen::Screen;
use crate::map_view::MapView;
use crate::quiz::{Answer, Question, QuestionResult, QuizSession};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Results), (show_results, show_results_map))
        .add_systems(OnExit(Screen::Results), hide_results_map);
}

/// A quiz with map questions shows every city asked on the map beside its results (the overlay
/// with clicks and lines is drawn by `results_map`).
fn show_results_map(
    mut commands: Commands,
    quiz: Option<Res<ActiveQuiz>>,
    data: Option<Res<GameData>>,
) {
    let (Some(quiz), Some(data)) = (quiz, data) else {
        return;
    };
    let asked: Vec<CityKey> = quiz
        .session
        .results
        .iter()
        .filter(|result| result.question.is_on_map())
        .flat_map(|result| result.question.cities())
        .collect();
    if asked.is_empty() {
        return;
    }
    let cities = quiz.cities.city_ids(&asked);
    commands.insert_resource(MapScene {
        cities: quiz.cities.clone(),
        view: MapView::fit_in_rect(data.country_bounds(), [1280.0, 720.0], RESULTS_MAP_RECT),
        emphasis: Vec::new(),
        interactive: false,
        markers: Some(cities),
    });
}

/// Where the results map goes in a 1280×720 window until the page has laid itself out.
const RESULTS_MAP_RECT: [f64; 4] = [666.0, 0.0, 1280.0, 680.0];

fn hide_results_map(mut commands: Commands) {
    commands.remove_resource::<MapScene>();
}

fn show_results(
    mut commands: Commands,
    quiz: Option<Res<ActiveQuiz>>,
    records: Res<KeptRecords>,
    progress: Option<Res<Progress>>,
) {
    let Some(quiz) = quiz else {
        menu::show(
            &mut commands,
            Page {
                heading: Screen::Results.title().into(),
                details: Vec::new(),
                paragraphs: vec!["No quiz has been played yet.".into()],
            },
            Menu::new(vec![
                MenuItem::new("Quick play", MenuAction::Open(Screen::Quiz)),
                MenuItem::new("Back", MenuAction::Back),
            ]),
        );
        return;
    };
    let session = &quiz.session;
    let mut items = Vec::new();
    if !session.missed().is_empty() {
        items.push(MenuItem::new(
            format!("Review your {} mistakes", session.missed().len()),
            MenuAction::Quiz(QuizCommand::ReviewMistakes),
        ));
    }
    items.extend([
        MenuItem::new(
            "Play the same questions again",
            MenuAction::Quiz(QuizCommand::PlayAgain { same_seed: true }),
        ),
        MenuItem::new(
            "Play new questions",
            MenuAction::Quiz(QuizCommand::PlayAgain { same_seed: false }),
        ),
        MenuItem::new("Back to the menu", MenuAction::Open(Screen::Title)),
    ]);
    menu::show(
        &mut commands,
        Page {
            heading: Screen::Results.title().into(),
            details: question_lines(&quiz.dataset, session, quiz.seed),
            paragraphs: {
                let mut lines = tally_lines(session);
                if quiz.plan.is_endless() {
                    lines.insert(0, best_streak_line(session.best_streak, &records));
                }
                lines.extend(board_line(session, &records));
                lines.extend(standing_line(progress.as_deref()));
                lines
            },
        },
        Menu::new(items),
    );
}

/// The finished quiz's place in its plan's high-score table, and a new personal best.
fn standing_line(progress: Option<&Progress>) -> Option<String> {
    let progress = progress?;
    let session = progress.last_finished?;
    let standing = progress.with_db(|db| db.standing(session))?.ok()??;
    let best = if standing.personal_best {
        " · a new best for you!"
    } else {
        ""
    };
    Some(format!(
        "Rank {} in this quiz's high scores{best}",
        standing.rank
    ))
}

/// The match board's time, and whether it is the best for its size.
fn board_line(session: &QuizSession, records: &KeptRecords) -> Option<String> {
    let (answer, pairs) =
        session
            .results
            .iter()
            .find_map(|result| match (&result.answer, &result.question) {
                (Answer::MatchBoard(answer), Question::MatchBoard(question)) => {
                    Some((answer, question.facts.len()))
                }
                _ => None,
            })?;
    let misses = match answer.misses {
        1 => "1 miss".to_string(),
        n => format!("{n} misses"),
    };
    let best = if records.new_board_best {
        " — a new best for this size!".to_string()
    } else {
        records
            .records
            .board_best(pairs)
            .map_or_else(String::new, |best| format!(" (your best: {best:.1} s)"))
    };
    Some(format!(
        "Match board: {pairs} pairs in {:.1} s, {misses}{best}",
        answer.seconds
    ))
}

fn best_streak_line(streak: u32, records: &KeptRecords) -> String {
    if records.new_best {
        format!("{streak} right in a row: a new best!")
    } else {
        format!(
            "{streak} right in a row. Your best is {}.",
            records.records.best_streak
        )
    }
}

/// The tally: points, stars, accuracy, streak, time, and the review round's outcome.
fn tally_lines(session: &QuizSession) -> Vec<String> {
    let summary = session.summary();
    let accuracy = summary.percent_right();
    let stars =
        "★".repeat(usize::from(summary.stars)) + &"☆".repeat(3 - usize::from(summary.stars));
    let mut lines = vec![format!(
        "{stars}   {} points ({} of {} for answers, {} streak bonus)   ·   {} of {} right ({accuracy:.0} %)   ·   best streak {}   ·   {:.0} s",
        summary.points,
        summary.points - summary.streak_points,
        summary.max_points,
        summary.streak_points,
        summary.correct,
        summary.answered,
        summary.best_streak,
        summary.time.as_secs_f64()
    )];
    if !session.review_results.is_empty() {
        let right = session.review_results.iter().filter(|(_, ok)| *ok).count();
        lines.push(format!(
            "Review round: {right} of {} answers right (not scored).",
            session.review_results.len()
        ));
    }
    lines
}

/// One line per question with the player's answer, the right one and the points.
fn question_lines(dataset: &Dataset, session: &QuizSession, seed: u64) -> Vec<String> {
    let mut lines: Vec<String> = session
        .results
        .iter()
        .enumerate()
        .map(|(number, result)| result_line(dataset, number + 1, result))
        .collect();
    lines.push(format!(
        "Quiz seed {seed}: start with --seed {seed} to play these questions again."
    ));
    lines
}

fn result_line(dataset: &Dataset, number: usize, result: &QuestionResult) -> String {
    let mark = if result.grade.correct {
        "✔ right"
    } else {
        "✖ wrong"
    };
    let bonus = if result.streak_bonus > 0 {
        format!(" + {} streak", result.streak_bonus)
    } else {
        String::new()
    };
    format!(
        "{number}. {mark} — {} pts{bonus}. Yours: {}. Right: {}.",
        result.points,
        result.answer.describe(dataset),
        result.grade.feedback.describe_truth(dataset)
    )
}
