//! The Play screen: the quick modes, then the levels in their order, each with this player's
//! best score and stars. None is locked; the first one not yet passed is marked as the next to
//! try. Choosing one shows what it asks and its instructions, then plays it.

use bevy::prelude::*;

use crate::format::thousands;
use crate::game::data::GameData;
use crate::game::menu::{self, Menu, MenuAction, MenuItem, Page};
use crate::game::messages::QuizCommand;
use crate::game::progress::Progress;
use crate::game::screen::Screen;
use crate::plan::{Plan, Shelf};
use crate::progress::PersonalBest;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Previewed>()
        .add_systems(
            OnEnter(Screen::Play),
            (forget_preview, show_play_page).chain(),
        )
        .add_systems(Update, preview_chosen_level.run_if(in_state(Screen::Play)));
}

/// The level whose instructions show (none: the list).
#[derive(Resource, Clone, Debug, Default, PartialEq, Eq)]
pub struct Previewed(pub Option<String>);

fn forget_preview(mut previewed: ResMut<Previewed>) {
    previewed.0 = None;
}

/// A level chosen from the list shows its instructions; Back shows the list again.
fn preview_chosen_level(
    mut actions: MessageReader<MenuAction>,
    mut previewed: ResMut<Previewed>,
    mut commands: Commands,
    data: Option<Res<GameData>>,
    progress: Res<Progress>,
) {
    let mut changed = false;
    for action in actions.read() {
        if let MenuAction::Quiz(QuizCommand::Preview(id)) = action {
            previewed.0 = id.clone();
            changed = true;
        }
    }
    if changed && let Some(data) = data {
        let (page, menu) = page_for(&data, &progress, previewed.0.as_deref());
        menu::show(&mut commands, page, menu);
    }
}

fn show_play_page(
    mut commands: Commands,
    data: Option<Res<GameData>>,
    progress: Res<Progress>,
    previewed: Res<Previewed>,
) {
    if let Some(data) = data {
        let (page, menu) = page_for(&data, &progress, previewed.0.as_deref());
        menu::show(&mut commands, page, menu);
    }
}

/// The list, or the previewed level's instructions.
fn page_for(data: &GameData, progress: &Progress, previewed: Option<&str>) -> (Page, Menu) {
    let bests = progress
        .player
        .and_then(|player| progress.with_db(|db| db.personal_bests(player)))
        .and_then(Result::ok)
        .unwrap_or_default();
    match previewed.and_then(|id| data.plan(id)) {
        Some(plan) => instructions(&plan, best_of(&bests, &plan.id)),
        None => list(data, &bests),
    }
}

/// The player's best in a plan's tables (each difficulty's, where it has several).
fn best_of<'b>(bests: &'b [PersonalBest], id: &str) -> Option<&'b PersonalBest> {
    bests
        .iter()
        .filter(|best| best.mode == id || best.mode.split('/').next() == Some(id))
        .max_by_key(|best| (best.stars, best.points))
}

/// "★★☆ · best 7,420" or "not played yet".
fn standing(best: Option<&PersonalBest>) -> String {
    match best {
        Some(best) => format!(
            "{}{} · best {}",
            "★".repeat(usize::from(best.stars.min(3))),
            "☆".repeat(3 - usize::from(best.stars.min(3))),
            thousands(best.points)
        ),
        None => "not played yet".into(),
    }
}

fn passed(plan: &Plan, best: Option<&PersonalBest>) -> bool {
    best.is_some_and(|best| best.percent >= u32::from(plan.pass_mark))
}

/// The quick modes, then the levels, the next one to try marked.
fn list(data: &GameData, bests: &[PersonalBest]) -> (Page, Menu) {
    let mut items = Vec::new();
    for plan in data.shelf(Shelf::Title) {
        items.push(MenuItem::new(
            format!("{} — {}", plan.title, standing(best_of(bests, &plan.id))),
            MenuAction::Quiz(QuizCommand::Preview(Some(plan.id.clone()))),
        ));
    }
    let next = data
        .shelf(Shelf::Levels)
        .find(|plan| !passed(plan, best_of(bests, &plan.id)))
        .map(|plan| plan.id.clone());
    // The keyboard starts on the next level to try (else on the first line).
    let mut focus = 0;
    for plan in data.shelf(Shelf::Levels) {
        let best = best_of(bests, &plan.id);
        if next.as_deref() == Some(plan.id.as_str()) {
            focus = items.len();
        }
        let mark = if next.as_deref() == Some(plan.id.as_str()) {
            "Next: "
        } else if passed(plan, best) {
            "✓ "
        } else {
            ""
        };
        items.push(MenuItem::new(
            format!("{mark}{} — {}", plan.title, standing(best)),
            MenuAction::Quiz(QuizCommand::Preview(Some(plan.id.clone()))),
        ));
    }
    items.push(MenuItem::new("Back", MenuAction::Open(Screen::Title)));
    let levels = data.shelf(Shelf::Levels).count();
    let done = data
        .shelf(Shelf::Levels)
        .filter(|plan| passed(plan, best_of(bests, &plan.id)))
        .count();
    (
        Page {
            heading: Screen::Play.title().into(),
            details: Vec::new(),
            paragraphs: vec![format!(
                "The quick modes, then {levels} levels from easy to hard ({done} passed). Any level can be played at any time."
            )],
        },
        Menu { items, focus },
    )
}

/// What a plan asks and its instructions, with Start and Back.
fn instructions(plan: &Plan, best: Option<&PersonalBest>) -> (Page, Menu) {
    let questions: usize = plan.rounds.iter().map(|round| round.questions).sum();
    let clock = match plan.time_limit {
        Some(limit) => format!("{} s a question for the time bonus", limit.as_secs()),
        None => "no clock".into(),
    };
    let length = if plan.is_endless() {
        "until the first miss".to_string()
    } else {
        format!("{questions} questions")
    };
    let mut paragraphs: Vec<String> = vec![plan.description.clone()];
    paragraphs.extend(
        plan.instructions
            .lines()
            .map(|paragraph| paragraph.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|paragraph| !paragraph.is_empty()),
    );
    paragraphs.push(format!(
        "{length} · {clock} · pass at {} % of the points · stars at {} %, {} % and {} %",
        plan.pass_mark, plan.stars[0], plan.stars[1], plan.stars[2]
    ));
    paragraphs.push(format!("You: {}", standing(best)));
    (
        Page {
            heading: plan.title.clone(),
            details: Vec::new(),
            paragraphs,
        },
        Menu::new(vec![
            MenuItem::new(
                "Start",
                MenuAction::Quiz(QuizCommand::Start(plan.id.clone())),
            ),
            MenuItem::new(
                "Back to the levels",
                MenuAction::Quiz(QuizCommand::Preview(None)),
            ),
        ]),
    )
}
