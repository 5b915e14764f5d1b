//! The loading screen: shown while the game reads what it needs, then on to the start screen.

use bevy::prelude::*;

use super::Screen;
use crate::game::GameOptions;
use crate::game::menu::{self, Menu, Page};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Loading), show_loading)
        .add_systems(Update, finish_loading.run_if(in_state(Screen::Loading)));
}

fn show_loading(mut commands: Commands) {
    menu::show(
        &mut commands,
        Page {
            heading: "Loading…".into(),
            paragraphs: Vec::new(),
        },
        Menu::default(),
    );
}

/// Settings are read in `PreStartup`, so everything is ready on the first frame.
fn finish_loading(options: Res<GameOptions>, mut next_screen: ResMut<NextState<Screen>>) {
    next_screen.set(options.first_screen());
}
