//! The player's settings (theme, UI scale), their file format and how the menu changes them.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::plan::PlanChoices;
use crate::quiz::placement::Difficulty;
use crate::quiz::population::Measure;
use crate::storage::{self, StorageError};

/// Colour scheme of the whole interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    pub fn label(self) -> &'static str {
        match self {
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }

    fn toggled(self) -> Self {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

/// How large the interface is drawn. `Auto` fits a layout designed for 1280×720 to the window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum UiScale {
    #[default]
    Auto,
    Percent(u16),
}

/// The fixed steps the settings menu offers after `Auto`.
pub const UI_SCALE_STEPS: [u16; 10] = [75, 90, 100, 110, 125, 150, 175, 200, 250, 300];

/// The window size (in logical pixels) the layout is designed for.
pub const DESIGN_SIZE: (f32, f32) = (1280.0, 720.0);

impl UiScale {
    pub fn label(self) -> String {
        match self {
            UiScale::Auto => "Auto (fit window)".into(),
            UiScale::Percent(p) => format!("{p} %"),
        }
    }

    /// The zoom to apply for a window of this logical size.
    pub fn factor(self, window_width: f32, window_height: f32) -> f32 {
        match self {
            UiScale::Percent(p) => f32::from(p) / 100.0,
            UiScale::Auto => {
                let fit = (window_width / DESIGN_SIZE.0).min(window_height / DESIGN_SIZE.1);
                if fit.is_finite() {
                    fit.clamp(0.75, 3.0)
                } else {
                    1.0
                }
            }
        }
    }

    /// One step up (`step > 0`) or down the list Auto, 75 %, … 300 %, stopping at the ends.
    fn stepped(self, step: i32) -> Self {
        let index = match self {
            UiScale::Auto => 0,
            UiScale::Percent(p) => {
                UI_SCALE_STEPS
                    .iter()
                    .position(|&s| s >= p)
                    .unwrap_or(UI_SCALE_STEPS.len() - 1) as i32
                    + 1
            }
        };
        let last = UI_SCALE_STEPS.len() as i32;
        match (index + step.signum()).clamp(0, last) {
            0 => UiScale::Auto,
            i => UiScale::Percent(UI_SCALE_STEPS[(i - 1) as usize]),
        }
    }
}

impl From<UiScale> for String {
    fn from(scale: UiScale) -> String {
        match scale {
            UiScale::Auto => "auto".into(),
            UiScale::Percent(p) => format!("{p}%"),
        }
    }
}

impl TryFrom<String> for UiScale {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        let trimmed = text.trim();
        if trimmed.eq_ignore_ascii_case("auto") {
            return Ok(UiScale::Auto);
        }
        let number = trimmed.trim_end_matches('%').trim();
        match number.parse::<u16>() {
            Ok(p) if (50..=400).contains(&p) => Ok(UiScale::Percent(p)),
            _ => Err(format!(
                "ui_scale = \"{text}\" is not a scale: write \"auto\" or a percentage from 50% to 400%, e.g. \"125%\""
            )),
        }
    }
}

/// Everything the Settings screen changes. Unknown keys in the file are ignored and missing
/// ones take their defaults, so files from older and newer versions both load.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: Theme,
    pub ui_scale: UiScale,
    /// Cities in an ordering question, 3 to 8.
    pub order_size: u8,
    /// Which census figure population questions use.
    pub population_figure: Measure,
    /// Which cities map questions ask about and show.
    pub map_difficulty: Difficulty,
    /// City names in Hangul beside the English ones (questions and map labels).
    pub hangul: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: Theme::default(),
            ui_scale: UiScale::default(),
            order_size: 5,
            population_figure: Measure::Total,
            map_difficulty: Difficulty::default(),
            hangul: false,
        }
    }
}

/// The range `order_size` may take.
pub const ORDER_SIZES: std::ops::RangeInclusive<u8> = 3..=8;

/// One line of the Settings screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SettingKind {
    Theme,
    UiScale,
    OrderSize,
    PopulationFigure,
    MapDifficulty,
    Hangul,
}

impl Settings {
    pub const FILE_NAME: &'static str = "settings.toml";

    /// Changes one setting by one step: `step` is +1 (Enter, →) or −1 (←).
    pub fn adjust(&mut self, kind: SettingKind, step: i32) {
        match kind {
            SettingKind::Theme => self.theme = self.theme.toggled(),
            SettingKind::UiScale => self.ui_scale = self.ui_scale.stepped(step),
            SettingKind::OrderSize => {
                let size = i32::from(self.order_size) + step.signum();
                self.order_size = size.clamp(3, 8) as u8;
            }
            SettingKind::PopulationFigure => {
                self.population_figure = match self.population_figure {
                    Measure::Total => Measure::Urban,
                    Measure::Urban => Measure::Total,
                }
            }
            SettingKind::MapDifficulty => {
                self.map_difficulty = if step < 0 {
                    self.map_difficulty.previous()
                } else {
                    self.map_difficulty.next()
                }
            }
            SettingKind::Hangul => self.hangul = !self.hangul,
        }
    }

    /// What a quiz takes from these settings where its plan gives nothing (an out-of-range size
    /// from a hand-edited file is brought into range).
    pub fn choices(&self) -> PlanChoices {
        PlanChoices {
            order_size: usize::from(
                self.order_size
                    .clamp(*ORDER_SIZES.start(), *ORDER_SIZES.end()),
            ),
            measure: self.population_figure,
            difficulty: self.map_difficulty,
        }
    }

    /// The line the Settings screen shows for one setting.
    pub fn describe(&self, kind: SettingKind) -> String {
        match kind {
            SettingKind::Theme => format!("Theme: {}", self.theme.label()),
            SettingKind::UiScale => format!("Interface size: {}", self.ui_scale.label()),
            SettingKind::OrderSize => format!("Cities to put in order: {}", self.order_size),
            SettingKind::PopulationFigure => format!(
                "Population figure: census {}",
                self.population_figure.kind().label()
            ),
            SettingKind::MapDifficulty => {
                format!("Map questions: {}", self.map_difficulty.label())
            }
            SettingKind::Hangul => format!(
                "City names in Hangul too: {}",
                if self.hangul { "on" } else { "off" }
            ),
        }
    }

    pub fn from_toml(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    pub fn to_toml(&self) -> String {
        // Serialising this plain struct of enums cannot fail.
        toml::to_string(self).unwrap_or_default()
    }

    /// Reads `settings.toml` from the data folder. A missing file gives the defaults; an
    /// unreadable one is set aside (never overwritten) and the message says where it went.
    pub fn load(data_dir: &Path) -> (Settings, Option<String>) {
        storage::load_toml_or_default(&data_dir.join(Self::FILE_NAME), "settings")
    }

    /// Writes `settings.toml` into the data folder atomically.
    pub fn save(&self, data_dir: &Path) -> Result<(), StorageError> {
        storage::write_atomic(&data_dir.join(Self::FILE_NAME), self.to_toml().as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_through_toml() {
        let settings = Settings {
            theme: Theme::Dark,
            ui_scale: UiScale::Percent(125),
            order_size: 7,
            population_figure: Measure::Urban,
            map_difficulty: Difficulty::Hard,
            hangul: true,
        };
        let text = settings.to_toml();
        assert!(text.contains("theme = \"dark\""), "{text}");
        assert!(text.contains("ui_scale = \"125%\""), "{text}");
        assert_eq!(Settings::from_toml(&text).unwrap(), settings);
    }

    #[test]
    fn missing_and_unknown_keys_are_tolerated() {
        let settings = Settings::from_toml("future_option = 3\ntheme = \"dark\"\n").unwrap();
        assert_eq!(settings.theme, Theme::Dark);
        assert_eq!(settings.ui_scale, UiScale::Auto);
    }

    #[test]
    fn bad_scale_names_the_fix() {
        let err = Settings::from_toml("ui_scale = \"huge\"").unwrap_err();
        assert!(err.contains("write \"auto\" or a percentage"), "{err}");
    }

    #[test]
    fn ui_scale_steps_walk_the_list_and_stop_at_the_ends() {
        let mut settings = Settings::default();
        settings.adjust(SettingKind::UiScale, -1);
        assert_eq!(settings.ui_scale, UiScale::Auto);
        settings.adjust(SettingKind::UiScale, 1);
        assert_eq!(settings.ui_scale, UiScale::Percent(75));
        for _ in 0..20 {
            settings.adjust(SettingKind::UiScale, 1);
        }
        assert_eq!(settings.ui_scale, UiScale::Percent(300));
        settings.adjust(SettingKind::UiScale, -1);
        assert_eq!(settings.ui_scale, UiScale::Percent(250));
        // A hand-written value between steps moves to the neighbouring step.
        settings.ui_scale = UiScale::Percent(130);
        settings.adjust(SettingKind::UiScale, 1);
        assert_eq!(settings.ui_scale, UiScale::Percent(175));
    }

    #[test]
    fn auto_scale_fits_the_design_size() {
        assert_eq!(UiScale::Auto.factor(1280.0, 720.0), 1.0);
        assert_eq!(UiScale::Auto.factor(960.0, 600.0), 0.75);
        assert_eq!(UiScale::Auto.factor(3840.0, 2160.0), 3.0);
        assert_eq!(UiScale::Auto.factor(0.0, 0.0), 0.75);
        assert_eq!(UiScale::Percent(150).factor(960.0, 600.0), 1.5);
    }

    #[test]
    fn save_then_load_round_trips_and_a_corrupt_file_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Settings::load(dir.path()), (Settings::default(), None));
        let dark = Settings {
            theme: Theme::Dark,
            ..Settings::default()
        };
        dark.save(dir.path()).unwrap();
        assert_eq!(Settings::load(dir.path()), (dark, None));

        std::fs::write(dir.path().join(Settings::FILE_NAME), "theme = 7").unwrap();
        let (settings, notice) = Settings::load(dir.path());
        assert_eq!(settings, Settings::default());
        let notice = notice.unwrap();
        assert!(notice.contains("settings.toml.corrupt-"), "{notice}");
        let kept: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(kept.len(), 1, "only the kept-aside file remains");
    }

    #[test]
    fn quiz_settings_step_within_their_range() {
        let mut settings = Settings::default();
        assert_eq!(settings.choices().order_size, 5);
        for _ in 0..10 {
            settings.adjust(SettingKind::OrderSize, 1);
        }
        assert_eq!(settings.order_size, 8);
        for _ in 0..10 {
            settings.adjust(SettingKind::OrderSize, -1);
        }
        assert_eq!(settings.order_size, 3);
        settings.adjust(SettingKind::PopulationFigure, 1);
        assert_eq!(settings.choices().measure, Measure::Urban);
        assert_eq!(
            settings.describe(SettingKind::PopulationFigure),
            "Population figure: census urban"
        );
        // A hand-edited size out of range is brought into range.
        let edited = Settings::from_toml("order_size = 40").unwrap();
        assert_eq!(edited.choices().order_size, 8);
    }

    #[test]
    fn map_difficulty_cycles_both_ways_and_reaches_the_map_quiz() {
        let mut settings = Settings::default();
        assert_eq!(settings.choices().difficulty, Difficulty::Normal);
        settings.adjust(SettingKind::MapDifficulty, 1);
        assert_eq!(settings.choices().difficulty, Difficulty::Hard);
        settings.adjust(SettingKind::MapDifficulty, -1);
        settings.adjust(SettingKind::MapDifficulty, -1);
        assert_eq!(settings.map_difficulty, Difficulty::Easy);
        assert_eq!(
            settings.describe(SettingKind::MapDifficulty),
            "Map questions: Easy (12 largest cities)"
        );
        settings.adjust(SettingKind::Hangul, 1);
        assert!(settings.hangul);
        let edited = Settings::from_toml("map_difficulty = \"hard\"").unwrap();
        assert_eq!(edited.map_difficulty, Difficulty::Hard);
    }

    #[test]
    fn theme_toggles() {
        let mut settings = Settings::default();
        settings.adjust(SettingKind::Theme, 1);
        assert_eq!(settings.theme, Theme::Dark);
        settings.adjust(SettingKind::Theme, -1);
        assert_eq!(settings.theme, Theme::Light);
    }
}
