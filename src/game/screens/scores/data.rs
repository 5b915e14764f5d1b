//! What the Scores and mastery screens show, read from the progress database once on entering.

use bevy::prelude::*;

use crate::game::data::GameData;
use crate::game::menu::{self, Menu, Page};
use crate::game::progress::Progress;
use crate::game::screen::Screen;
use crate::plan::{Plan, difficulty_name};
use crate::progress::ScoresView;
use crate::quiz::placement::Difficulty;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ScoresData>().add_systems(
        OnEnter(Screen::Scores),
        (read_scores, show_scores_page).chain(),
    );
}

/// What the Scores and mastery screens show, read from the progress database.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct ScoresData {
    pub player: Option<String>,
    pub view: ScoresView,
    /// Why nothing could be read, in words.
    pub problem: Option<String>,
    /// (table name, what the player calls it), in the order the tables show.
    pub tables: Vec<(String, String)>,
}

impl ScoresData {
    /// What the player calls the quiz a table name stands for.
    pub fn title_of(&self, mode: &str) -> String {
        self.tables
            .iter()
            .find(|(name, _)| name == mode)
            .map_or_else(|| mode.to_string(), |(_, title)| title.clone())
    }
}

/// Every table the plans keep, in file-name order, with its title: a plan that follows the map
/// difficulty keeps one per difficulty (and its sessions from before they were kept apart).
pub fn tables_of<'p>(plans: impl IntoIterator<Item = &'p Plan>) -> Vec<(String, String)> {
    let mut tables = Vec::new();
    for plan in plans {
        if plan.follows_difficulty() {
            for difficulty in Difficulty::ALL {
                let name = difficulty_name(difficulty);
                tables.push((
                    plan.table_name(difficulty),
                    format!("{} ({name})", plan.title),
                ));
            }
            tables.push((
                plan.id.clone(),
                format!("{} (any difficulty, before 0.2)", plan.title),
            ));
        } else {
            tables.push((plan.id.clone(), plan.title.clone()));
        }
    }
    tables
}

/// Reads everything the screen shows for the current player.
pub fn read_scores(
    progress: Res<Progress>,
    game: Option<Res<GameData>>,
    mut data: ResMut<ScoresData>,
) {
    *data = ScoresData::default();
    if let Some(game) = &game {
        data.tables = tables_of(game.plans.iter().map(|plan| plan.as_ref()));
    }
    data.player = progress.player_name();
    let Some(player) = progress.player else {
        data.problem = Some(if progress.db.is_some() {
            "Nobody has played yet: play a quiz and your scores show here.".into()
        } else {
            "The progress file is not open, so no scores are kept this time.".into()
        });
        return;
    };
    let order: Vec<&str> = data.tables.iter().map(|(name, _)| name.as_str()).collect();
    match progress.with_db(|db| db.scores_view(player, &order)) {
        Some(Ok(view)) => data.view = view,
        Some(Err(err)) => data.problem = Some(format!("The scores could not be read: {err}.")),
        None => {}
    }
}

fn show_scores_page(mut commands: Commands, data: Res<ScoresData>) {
    show_page_of(&mut commands, Screen::Scores, &data);
}

/// The heading ("Scores — Mina") and any problem, for a screen that reads `ScoresData`; its
/// panel has its own buttons and Escape goes back.
pub fn show_page_of(commands: &mut Commands, screen: Screen, data: &ScoresData) {
    let heading = match &data.player {
        Some(name) => format!("{} — {name}", screen.title()),
        None => screen.title().into(),
    };
    menu::show(
        commands,
        Page {
            heading,
            paragraphs: data.problem.iter().cloned().collect(),
            details: Vec::new(),
        },
        Menu::default(),
    );
}
