//! The game's screens: one `Screen` state, one file per screen.

mod credits;
pub mod explore;
mod flashcards;
mod loading;
pub mod mastery;
mod play;
pub mod players;
pub mod quiz;
pub mod results;
pub mod scores;
mod settings;
mod title;

use bevy::prelude::*;

use crate::cli::ScreenName;

/// Every place the game can be. `--screen NAME` opens one directly (see `cityquiz --help`).
#[derive(States, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Screen {
    /// Reads the saved settings (and, later, the dataset) before the first menu.
    #[default]
    Loading,
    /// The main menu.
    Title,
    /// Choose a level (question set) to play.
    Play,
    /// A quiz in progress.
    Quiz,
    /// The outcome of the last quiz.
    Results,
    /// Self-study with spaced repetition.
    Flashcards,
    /// The map of North Korea with every city.
    Explore,
    /// High scores, history and progress.
    Scores,
    /// How well the player knows each city, on the map, with drills for the weakest.
    Mastery,
    /// Who is playing: choose, add, rename or delete a player.
    Players,
    /// Theme and interface size.
    Settings,
    /// Data sources, fonts and licences.
    Credits,
}

impl Screen {
    /// Every screen, in the order the main menu and the tests walk them.
    pub const ALL: [Screen; 12] = [
        Screen::Loading,
        Screen::Title,
        Screen::Play,
        Screen::Quiz,
        Screen::Results,
        Screen::Flashcards,
        Screen::Explore,
        Screen::Scores,
        Screen::Mastery,
        Screen::Players,
        Screen::Settings,
        Screen::Credits,
    ];

    /// Where Escape leads from this screen; `None` where there is nowhere further back.
    pub fn back(self) -> Option<Screen> {
        match self {
            // Escape pauses a quiz instead; quitting one asks first.
            Screen::Loading | Screen::Title | Screen::Quiz => None,
            Screen::Play
            | Screen::Results
            | Screen::Flashcards
            | Screen::Explore
            | Screen::Scores
            | Screen::Players
            | Screen::Settings
            | Screen::Credits => Some(Screen::Title),
            Screen::Mastery => Some(Screen::Scores),
        }
    }

    /// Screens that draw their own panels instead of the standard page of heading and menu.
    pub fn has_own_ui(self) -> bool {
        matches!(
            self,
            Screen::Explore | Screen::Quiz | Screen::Scores | Screen::Mastery | Screen::Players
        )
    }

    /// The screen's name as the player sees it in headings and menus.
    pub fn title(self) -> &'static str {
        match self {
            Screen::Loading => "Loading",
            Screen::Title => "cityquiz",
            Screen::Play => "Play",
            Screen::Quiz => "Quiz",
            Screen::Results => "Results",
            Screen::Flashcards => "Flashcards",
            Screen::Explore => "Explore the map",
            Screen::Scores => "Scores",
            Screen::Players => "Players",
            Screen::Mastery => "Mastery map",
            Screen::Settings => "Settings",
            Screen::Credits => "Credits",
        }
    }
}

impl From<ScreenName> for Screen {
    fn from(name: ScreenName) -> Screen {
        match name {
            ScreenName::Title => Screen::Title,
            ScreenName::Play => Screen::Play,
            ScreenName::Quiz => Screen::Quiz,
            ScreenName::Results => Screen::Results,
            ScreenName::Flashcards => Screen::Flashcards,
            ScreenName::Explore => Screen::Explore,
            ScreenName::Scores => Screen::Scores,
            ScreenName::Players => Screen::Players,
            ScreenName::Mastery => Screen::Mastery,
            ScreenName::Settings => Screen::Settings,
            ScreenName::Credits => Screen::Credits,
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>();
    app.add_plugins((
        loading::plugin,
        title::plugin,
        play::plugin,
        quiz::plugin,
        results::plugin,
        flashcards::plugin,
        explore::plugin,
        scores::plugin,
        players::plugin,
        mastery::plugin,
        settings::plugin,
        credits::plugin,
    ));
}
