//! The title screen: the main menu.

use bevy::prelude::*;

use super::Screen;
use crate::game::menu::{self, Menu, MenuAction, MenuItem, Page};
use crate::game::screens::quiz::{QuizCommand, QuizKind};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Title), show_main_menu);
}

fn show_main_menu(mut commands: Commands) {
    let open = |label: &str, screen| MenuItem::new(label, MenuAction::Open(screen));
    menu::show(
        &mut commands,
        Page {
            heading: "cityquiz".into(),
            details: Vec::new(),
            paragraphs: vec![
                "Learn the cities of North Korea: by rank, by map and by heart.".into(),
                // The five largest cities, in Korean script.
                "평양 · 함흥 · 청진 · 남포 · 원산".into(),
            ],
        },
        Menu::new(vec![
            MenuItem::new(
                "Quick play",
                MenuAction::Quiz(QuizCommand::Start(QuizKind::QuickPlay)),
            ),
            MenuItem::new(
                "Map quiz",
                MenuAction::Quiz(QuizCommand::Start(QuizKind::Map)),
            ),
            MenuItem::new(
                "Facts quiz",
                MenuAction::Quiz(QuizCommand::Start(QuizKind::Facts)),
            ),
            MenuItem::new(
                "Higher or lower",
                MenuAction::Quiz(QuizCommand::Start(QuizKind::HigherOrLower)),
            ),
            open("Play a level", Screen::Play),
            open("Flashcards", Screen::Flashcards),
            open("Explore the map", Screen::Explore),
            open("Scores", Screen::Scores),
            open("Settings", Screen::Settings),
            open("Credits", Screen::Credits),
            MenuItem::new("Quit", MenuAction::Quit),
        ]),
    );
}
