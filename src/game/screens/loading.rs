//! The loading screen: shown while the game reads what it needs, then on to the start screen.
//! If the city data has problems it stays here and lists them; quitting then exits with code 1.

use bevy::prelude::*;

use crate::game::data::{GameData, LoadFailure};
use crate::game::menu::{self, Menu, MenuAction, MenuItem, Page};
use crate::game::options::GameOptions;
use crate::game::screen::Screen;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Loading), show_loading)
        .add_systems(
            Update,
            (
                finish_loading.run_if(resource_exists::<GameData>),
                show_load_failure.run_if(resource_added::<LoadFailure>),
            )
                .run_if(in_state(Screen::Loading)),
        );
}

fn show_loading(mut commands: Commands) {
    menu::show(
        &mut commands,
        Page {
            heading: "Loading…".into(),
            details: Vec::new(),
            paragraphs: Vec::new(),
        },
        Menu::default(),
    );
}

fn finish_loading(options: Res<GameOptions>, mut next_screen: ResMut<NextState<Screen>>) {
    next_screen.set(options.first_screen());
}

fn show_load_failure(mut commands: Commands, failure: Res<LoadFailure>) {
    let mut paragraphs: Vec<String> = failure.0.lines().map(str::to_string).collect();
    paragraphs.push("Fix the file and start the game again.".into());
    menu::show(
        &mut commands,
        Page {
            heading: "The city data has problems".into(),
            details: Vec::new(),
            paragraphs,
        },
        Menu::new(vec![MenuItem::new("Quit", MenuAction::QuitAfterError)]),
    );
}
