//! Who is playing: the page, the form the panel fills in, and back to the title once a first
//! player is named.

use bevy::prelude::*;

use crate::game::menu::{self, Menu, Page};
use crate::game::progress::{PlayerAction, Progress};
use crate::game::screen::Screen;
use crate::progress::PlayerId;

/// What the panel is in the middle of: a name being typed, a player being renamed, a delete
/// waiting for its confirmation.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct PlayersForm {
    pub new_name: String,
    pub renaming: Option<(PlayerId, String)>,
    pub confirm_delete: Option<PlayerId>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PlayersForm>()
        .add_systems(OnEnter(Screen::Players), show_players)
        .add_systems(
            Update,
            back_to_title_once_named
                .run_if(in_state(Screen::Players))
                .after(crate::game::systems::AppSystems::Update),
        );
}

fn show_players(mut commands: Commands, progress: Res<Progress>, mut form: ResMut<PlayersForm>) {
    *form = PlayersForm::default();
    let paragraphs = if progress.first_start {
        vec!["Welcome! Who is playing? Your name keeps your scores apart from others' on this computer.".into()]
    } else {
        vec!["Choose who is playing. Every score belongs to a player.".into()]
    };
    menu::show(
        &mut commands,
        Page {
            heading: Screen::Players.title().into(),
            paragraphs,
            details: Vec::new(),
        },
        // The panel has its own buttons; Escape goes back.
        Menu::default(),
    );
}

/// On a first start, once a name is given (or "Player 1" chosen) the title menu follows.
fn back_to_title_once_named(
    mut actions: MessageReader<PlayerAction>,
    progress: Res<Progress>,
    mut next_screen: ResMut<NextState<Screen>>,
    mut was_first_start: Local<Option<bool>>,
) {
    let first = *was_first_start.get_or_insert(progress.first_start);
    let added = actions
        .read()
        .any(|action| matches!(action, PlayerAction::Add(_) | PlayerAction::Choose(_)));
    if first && added && progress.player.is_some() {
        *was_first_start = Some(false);
        next_screen.set(Screen::Title);
    }
}
