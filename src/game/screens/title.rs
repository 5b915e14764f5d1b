//! The title screen: the main menu.

use bevy::prelude::*;

use crate::game::data::GameData;
use crate::game::map::MapScene;
use crate::game::menu::{self, Menu, MenuAction, MenuItem, Page};
use crate::game::messages::QuizCommand;
use crate::game::options::GameOptions;
use crate::game::progress::Progress;
use crate::game::screen::Screen;
use crate::map_view::MapView;
use crate::plan::{Shelf, day_number};
use crate::progress::DailyRun;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        OnEnter(Screen::Title),
        (ask_who_plays_first, show_main_menu, show_country).chain(),
    )
    .add_systems(OnExit(Screen::Title), hide_country)
    .add_systems(
        Update,
        relist_main_menu.run_if(in_state(Screen::Title).and_then(resource_changed::<Progress>)),
    );
}

/// A first start (nobody has played yet) asks for a name first, unless the run was told which
/// screen or quiz to open.
fn ask_who_plays_first(
    progress: Res<Progress>,
    options: Res<GameOptions>,
    mut next_screen: ResMut<NextState<Screen>>,
    mut asked: Local<bool>,
) {
    if progress.first_start && !*asked && options.may_ask_name {
        *asked = true;
        next_screen.set(Screen::Players);
    }
}

/// The player's line and the resume lines change with the progress: the menu follows, keeping
/// the focus where it was.
fn relist_main_menu(
    progress: Res<Progress>,
    data: Option<Res<GameData>>,
    mut menu: ResMut<Menu>,
    mut page: ResMut<Page>,
) {
    let player = progress.player_name();
    page.set_if_neq(title_page());
    let items = main_menu(&progress, data.as_deref(), player.as_deref());
    if menu.items != items {
        let focus = menu.focus.min(items.len().saturating_sub(1));
        *menu = Menu::new(items);
        menu.focus = focus;
    }
}

/// The lines for the current player's quiz left mid-way: resume it, or discard it (asked
/// first).
fn resume_lines(progress: &Progress, data: Option<&GameData>) -> Vec<MenuItem> {
    let Some(left) = progress.resumable() else {
        return Vec::new();
    };
    let plan = data.and_then(|data| data.plan(left.mode.split('/').next().unwrap_or_default()));
    let title = plan.as_ref().map_or("quiz", |plan| plan.title.as_str());
    let (answered, of) = (left.answers.len(), left.questions.len());
    if progress.confirm_discard {
        return vec![
            MenuItem::new(
                format!("Keep the unfinished {title}"),
                MenuAction::Quiz(QuizCommand::KeepUnfinished),
            ),
            MenuItem::new(
                format!("Discard it and its {answered} answers"),
                MenuAction::Quiz(QuizCommand::DiscardUnfinished),
            ),
        ];
    }
    vec![
        MenuItem::new(
            format!("Resume: {title}, {answered} of {of} answered"),
            MenuAction::Quiz(QuizCommand::ResumeUnfinished),
        ),
        MenuItem::new(
            format!("Discard the unfinished {title}…"),
            MenuAction::Quiz(QuizCommand::AskDiscard),
        ),
    ]
}

/// The title menu, short enough to fit without scrolling; `player` is the current player's name.
fn main_menu(progress: &Progress, data: Option<&GameData>, player: Option<&str>) -> Vec<MenuItem> {
    let open = |label: &str, screen| MenuItem::new(label, MenuAction::Open(screen));
    let player = match player {
        Some(name) => format!("Player: {name} (change)"),
        None if progress.db.is_some() => "Player: who is playing?".into(),
        None => "Players (scores are not kept this time)".into(),
    };
    let mut items = resume_lines(progress, data);
    if let Some(daily) = data.and_then(|data| data.shelf(Shelf::Daily).next()) {
        let today = day_number(crate::progress::now());
        let run = progress
            .player
            .and_then(|player| progress.with_db(|db| db.daily_run(player, &daily.id, today)))
            .and_then(Result::ok)
            .unwrap_or_default();
        items.push(MenuItem::new(
            daily_line(&daily.title, run),
            MenuAction::Quiz(QuizCommand::Start(daily.id.clone())),
        ));
    }
    items.extend([
        open("Play", Screen::Play),
        open("Flashcards", Screen::Flashcards),
        open("Explore the map", Screen::Explore),
        open("Scores", Screen::Scores),
        MenuItem::new(player, MenuAction::Open(Screen::Players)),
        open("Settings", Screen::Settings),
        open("Credits", Screen::Credits),
        MenuItem::new("Quit", MenuAction::Quit),
    ]);
    items
}

/// "Quiz of the day — done today ✓ · 3 days in a row", or what is waiting.
fn daily_line(title: &str, run: DailyRun) -> String {
    let days = |n: u32| {
        if n == 1 {
            "1 day".to_string()
        } else {
            format!("{n} days")
        }
    };
    match (run.done_today, run.days) {
        (true, n) => format!("{title} — done today ✓ · {} in a row", days(n)),
        (false, 0) => format!("{title} — ten new questions today"),
        (false, n) => format!("{title} — today's is waiting · {} in a row so far", days(n)),
    }
}

/// The title's text: what the game is (who is playing is the menu's Player line).
fn title_page() -> Page {
    Page {
        heading: "cityquiz".into(),
        details: Vec::new(),
        paragraphs: vec![
            "Learn the cities of North Korea: by rank, by map and by heart.".to_string(),
            // The five largest cities, in Korean script.
            "평양 · 함흥 · 청진 · 남포 · 원산".into(),
        ],
    }
}

/// Where the country goes in a 1280×720 window until the page has laid itself out beside it.
const TITLE_MAP_RECT: [f64; 4] = [666.0, 0.0, 1280.0, 680.0];

/// The whole country, every city marked, beside the menu: the game's picture of itself.
fn show_country(mut commands: Commands, data: Option<Res<GameData>>) {
    let Some(data) = data else {
        return;
    };
    commands.insert_resource(MapScene {
        cities: data.cities.clone(),
        view: MapView::fit_in_rect(data.country_bounds(), [1280.0, 720.0], TITLE_MAP_RECT),
        emphasis: Vec::new(),
        interactive: false,
        markers: None,
    });
}

fn hide_country(mut commands: Commands) {
    commands.remove_resource::<MapScene>();
}

fn show_main_menu(mut commands: Commands, progress: Res<Progress>, data: Option<Res<GameData>>) {
    let player = progress.player_name();
    menu::show(
        &mut commands,
        title_page(),
        Menu::new(main_menu(&progress, data.as_deref(), player.as_deref())),
    );
}
