//! The settings screen: theme and interface size, each changed with Enter or ←/→ and saved at once.

use bevy::prelude::*;

use crate::game::menu::{self, Menu, MenuAction, MenuItem, Page};
use crate::game::preferences::Preferences;
use crate::game::screen::Screen;
use crate::settings::SettingKind;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Settings), show_settings)
        .add_systems(
            Update,
            relabel_settings
                .run_if(in_state(Screen::Settings).and_then(resource_changed::<Preferences>)),
        );
}

const LINES: [SettingKind; 6] = [
    SettingKind::Theme,
    SettingKind::UiScale,
    SettingKind::OrderSize,
    SettingKind::PopulationFigure,
    SettingKind::MapDifficulty,
    SettingKind::Hangul,
];

fn settings_menu(preferences: &Preferences) -> Vec<MenuItem> {
    LINES
        .iter()
        .map(|&kind| MenuItem::new(preferences.describe(kind), MenuAction::Adjust(kind, 1)))
        .chain([MenuItem::new("Back", MenuAction::Back)])
        .collect()
}

fn show_settings(
    mut commands: Commands,
    preferences: Res<Preferences>,
    options: Res<crate::game::options::GameOptions>,
) {
    let data_folder = match &options.data_dir {
        Some(dir) => format!(
            "Your settings and progress are kept in {} (progress in {}; start with --data-dir DIR to use another folder).",
            dir.display(),
            crate::progress::ProgressDb::FILE_NAME
        ),
        None => "No data folder was found, so nothing is kept: start with --data-dir DIR.".into(),
    };
    menu::show(
        &mut commands,
        Page {
            heading: Screen::Settings.title().into(),
            details: Vec::new(),
            paragraphs: vec![
                "Enter or the Right key changes a setting, the Left key steps back. Changes are saved at once.".into(),
                data_folder,
            ],
        },
        Menu::new(settings_menu(&preferences)),
    );
}

/// Keeps the labels in step with the values without moving the focus.
fn relabel_settings(preferences: Res<Preferences>, mut menu: ResMut<Menu>) {
    menu.items = settings_menu(&preferences);
}
