//! What the Scores and mastery screens show, read from the progress database once on entering.

use bevy::prelude::*;

use crate::game::menu::{self, Menu, Page};
use crate::game::progress::Progress;
use crate::game::screen::Screen;
use crate::progress::ScoresView;
use crate::quiz::QuizKind;

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
}

/// The modes in the order their tables show.
pub fn table_order() -> Vec<&'static str> {
    QuizKind::ALL.iter().map(|kind| kind.mode_name()).collect()
}

/// Reads everything the screen shows for the current player.
pub fn read_scores(progress: Res<Progress>, mut data: ResMut<ScoresData>) {
    *data = ScoresData::default();
    data.player = progress.player_name();
    let Some(player) = progress.player else {
        data.problem = Some(if progress.db.is_some() {
            "Nobody has played yet: play a quiz and your scores show here.".into()
        } else {
            "The progress file is not open, so no scores are kept this time.".into()
        });
        return;
    };
    match progress.with_db(|db| db.scores_view(player, &table_order())) {
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
