//! The Bevy layer: states, screens, input and drawing. It calls the plain-Rust core and holds
//! no game rules of its own.

pub mod data;
mod frame_times;
pub mod map;
pub mod menu;
pub mod notices;
pub mod preferences;
pub mod progress;
pub mod records;
pub mod screens;
mod screenshot;
pub mod testing;
mod ui;

use std::path::PathBuf;
use std::time::Instant;

use bevy::prelude::*;
use bevy::window::{WindowResizeConstraints, WindowResolution};
use bevy::winit::{UpdateMode, WinitSettings};

use crate::cli::{PlayArgs, QuizMode};
use crate::settings::Theme;
pub use screens::Screen;

/// What the command line chose for this run.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct GameOptions {
    /// Seed of the one RNG every random choice comes from.
    pub seed: u64,
    /// Where settings, scores and progress are kept; `None` if no folder could be found.
    pub data_dir: Option<PathBuf>,
    /// The screen shown once loading is done.
    pub start_screen: Screen,
    /// `--theme`: this run's theme, not saved.
    pub theme: Option<Theme>,
    /// `--screenshot`: save the first settled frame of `start_screen` here and exit.
    pub screenshot: Option<PathBuf>,
    /// `--dataset`: a city dataset to use instead of the built-in one.
    pub dataset: Option<PathBuf>,
    /// `--city`, `--zoom`, `--hangul`: how the Explore screen opens.
    pub explore: ExploreStart,
    /// `--demo-answers`, `--demo-carry`: a quiz part-played, for screenshots.
    pub quiz_demo: QuizDemo,
    /// `--quiz`: the quiz mode to start in.
    pub quiz: Option<QuizMode>,
    /// `--frame-times N`: time N frames of the start screen, print the figures and exit.
    pub frame_times: Option<u32>,
    /// No `--screen` or `--quiz`: a first start may ask who is playing before the title.
    pub may_ask_name: bool,
    /// `--demo-history`: fill the progress with a made-up history (for screenshots).
    pub demo_history: bool,
}

/// A quiz part-played at start, so screenshots can show feedback, results and a carried line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QuizDemo {
    pub answers: Option<usize>,
    /// Go on to the next question after the demo answers.
    pub next: bool,
    pub carry: bool,
}

/// How the Explore screen opens (the command line sets it for screenshots and links).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExploreStart {
    /// A city id whose card opens, with the map centred on it.
    pub city: Option<String>,
    /// Zoom factor from the whole-country view.
    pub zoom: Option<f64>,
    pub hangul: bool,
}

impl GameOptions {
    /// The screen loading hands over to (asking for the loading screen itself gives the title).
    pub fn first_screen(&self) -> Screen {
        match self.start_screen {
            Screen::Loading => Screen::Title,
            screen => screen,
        }
    }

    pub fn from_cli(cli: &PlayArgs) -> Self {
        let data_dir = cli
            .data_dir
            .clone()
            .or_else(crate::storage::default_data_dir);
        Self {
            seed: cli.seed.unwrap_or_else(seed_from_clock),
            data_dir,
            start_screen: match (cli.screen, cli.quiz) {
                (Some(screen), _) => Screen::from(screen),
                (None, Some(_)) => Screen::Quiz,
                (None, None) => Screen::Title,
            },
            theme: cli.theme.map(Theme::from),
            screenshot: cli.screenshot.clone(),
            dataset: cli.dataset.clone(),
            explore: ExploreStart {
                city: cli.city.clone(),
                zoom: cli.zoom,
                hangul: cli.hangul,
            },
            quiz_demo: QuizDemo {
                answers: cli.demo_answers,
                next: cli.demo_next,
                carry: cli.demo_carry,
            },
            quiz: cli.quiz,
            frame_times: cli.frame_times,
            may_ask_name: cli.screen.is_none() && cli.quiz.is_none(),
            demo_history: cli.demo_history,
        }
    }
}

/// A fresh seed for a run without `--seed`: the clock's nanoseconds are different every run.
fn seed_from_clock() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_nanos() as u64)
}

/// The order the game's `Update` systems run in: a new system picks a set, not an ad-hoc
/// `.after(..)`.
#[derive(SystemSet, Debug, Clone, Copy, Eq, PartialEq, Hash, PartialOrd, Ord)]
pub enum AppSystems {
    /// Advance timers.
    TickTimers,
    /// Turn keys and clicks into messages.
    RecordInput,
    /// Act on those messages: change state, grade answers, save.
    Update,
}

/// Everything but drawing: states, screens, menus, settings. The headless tests run exactly this.
pub struct GameLogicPlugin {
    pub options: GameOptions,
}

impl Plugin for GameLogicPlugin {
    fn build(&self, app: &mut App) {
        app.insert_resource(self.options.clone());
        app.configure_sets(
            Update,
            (
                AppSystems::TickTimers,
                AppSystems::RecordInput,
                AppSystems::Update,
            )
                .chain(),
        );
        app.add_plugins((
            notices::plugin,
            preferences::plugin,
            data::plugin,
            menu::plugin,
            screens::plugin,
            records::plugin,
            progress::plugin,
            map::pointer::plugin,
        ));
    }
}

/// Runs the game in a window until the player quits.
pub fn run(cli: PlayArgs) -> AppExit {
    let started = Instant::now();
    let options = GameOptions::from_cli(&cli);
    let (width, height) = cli.window_size;
    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(Window {
            title: "cityquiz — the cities of North Korea".into(),
            name: Some("cityquiz".into()),
            resolution: WindowResolution::new(width, height),
            resize_constraints: WindowResizeConstraints {
                min_width: 640.0,
                min_height: 400.0,
                ..default()
            },
            ..default()
        }),
        ..default()
    }));
    // Redraw only on input or when asked, so a game waiting for the player uses no CPU.
    // A screenshot or a frame-timing run needs frames to keep coming until it is done.
    app.insert_resource(
        if options.screenshot.is_some() || options.frame_times.is_some() {
            WinitSettings {
                focused_mode: UpdateMode::Continuous,
                unfocused_mode: UpdateMode::Continuous,
            }
        } else {
            WinitSettings::desktop_app()
        },
    );
    app.add_plugins(GameLogicPlugin {
        options: options.clone(),
    });
    app.add_plugins((
        ui::plugin,
        map::plugin,
        screenshot::plugin,
        frame_times::plugin,
    ));
    app.add_systems(Last, move |mut logged: Local<bool>| {
        if !*logged {
            info!(
                "first frame {} ms after start",
                started.elapsed().as_millis()
            );
            *logged = true;
        }
    });
    app.run()
}
