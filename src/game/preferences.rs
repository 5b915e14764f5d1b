//! The player's settings as a resource: loaded at start, saved atomically whenever a menu
//! changes them, and the one place that knows a `--theme` for this run beats the saved theme.

use std::path::PathBuf;

use bevy::prelude::*;

use super::notices::Notices;
use super::options::GameOptions;
use crate::settings::{SettingKind, Settings, Theme};

#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct Preferences {
    pub settings: Settings,
    /// `--theme`: shown this run without being saved, until the player changes the theme.
    theme_for_this_run: Option<Theme>,
    /// Where `settings.toml` is kept; `None` when there is no data folder (nothing is saved).
    data_dir: Option<PathBuf>,
}

impl Preferences {
    /// The theme on screen now.
    pub fn theme(&self) -> Theme {
        self.theme_for_this_run.unwrap_or(self.settings.theme)
    }

    /// Changes one setting from what is on screen and saves the result; an error says why the
    /// change could not be kept (it still applies for this run).
    pub fn adjust(&mut self, kind: SettingKind, step: i32) -> Result<(), String> {
        if kind == SettingKind::Theme {
            // Toggle what the player sees, not the saved value hidden behind `--theme`.
            self.settings.theme = self.theme();
            self.theme_for_this_run = None;
        }
        self.settings.adjust(kind, step);
        match &self.data_dir {
            Some(dir) => self.settings.save(dir).map_err(|err| {
                format!("{err}. The change applies until you quit, but was not saved.")
            }),
            None => Ok(()),
        }
    }

    /// The line the Settings screen shows for one setting, as on screen now.
    pub fn describe(&self, kind: SettingKind) -> String {
        let shown = Settings {
            theme: self.theme(),
            ..self.settings.clone()
        };
        shown.describe(kind)
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Preferences>()
        .add_systems(PreStartup, load_preferences);
}

fn load_preferences(
    options: Res<GameOptions>,
    mut preferences: ResMut<Preferences>,
    mut notices: ResMut<Notices>,
) {
    let settings = match &options.data_dir {
        Some(dir) => {
            let (settings, problem) = Settings::load(dir);
            if let Some(problem) = problem {
                notices.push(problem);
            }
            settings
        }
        None => {
            notices.push(
                "No data folder could be found, so settings and scores are not saved. \
                 Start with --data-dir DIR to choose one.",
            );
            Settings::default()
        }
    };
    *preferences = Preferences {
        settings,
        theme_for_this_run: options.theme,
        data_dir: options.data_dir.clone(),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_for_this_run_is_shown_but_not_saved_until_changed() {
        let dir = tempfile::tempdir().unwrap();
        let mut preferences = Preferences {
            settings: Settings::default(),
            theme_for_this_run: Some(Theme::Dark),
            data_dir: Some(dir.path().to_path_buf()),
        };
        assert_eq!(preferences.theme(), Theme::Dark);
        preferences.adjust(SettingKind::UiScale, 1).unwrap();
        // The saved file keeps the player's own theme, not the one-run `--theme`.
        assert_eq!(Settings::load(dir.path()).0.theme, Theme::Light);
        assert_eq!(preferences.theme(), Theme::Dark);
        // Toggling starts from what is on screen.
        preferences.adjust(SettingKind::Theme, 1).unwrap();
        assert_eq!(preferences.theme(), Theme::Light);
        assert_eq!(Settings::load(dir.path()).0.theme, Theme::Light);
    }
}
