//! Every place the game can be: one `Screen` state. The screens themselves live in `screens/`,
//! one folder or file each; this enum sits below them, so menus and messages can name a screen
//! without importing one.

use bevy::prelude::*;

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

    /// The screen's name in scripts and on the command line (`--screen quiz`).
    pub fn id(self) -> &'static str {
        match self {
            Screen::Loading => "loading",
            Screen::Title => "title",
            Screen::Play => "play",
            Screen::Quiz => "quiz",
            Screen::Results => "results",
            Screen::Flashcards => "flashcards",
            Screen::Explore => "explore",
            Screen::Scores => "scores",
            Screen::Mastery => "mastery",
            Screen::Players => "players",
            Screen::Settings => "settings",
            Screen::Credits => "credits",
        }
    }

    /// The screen with this id (any case).
    pub fn from_id(id: &str) -> Option<Screen> {
        Screen::ALL
            .into_iter()
            .find(|screen| screen.id().eq_ignore_ascii_case(id))
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

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>();
}

#[cfg(test)]
mod tests {
    use super::Screen;

    #[test]
    fn every_screen_is_found_by_its_id() {
        for screen in Screen::ALL {
            assert_eq!(Screen::from_id(screen.id()), Some(screen));
        }
        assert_eq!(Screen::from_id("QUIZ"), Some(Screen::Quiz));
        assert_eq!(Screen::from_id("nowhere"), None);
    }
}
