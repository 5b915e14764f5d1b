//! The Scores screen: every mode's top-ten table, the player's bests, and their history as plots
//! (score over time per mode, accuracy per mode, answers per day). From here the mastery map
//! opens, and "Export" writes every session and every answer as CSV for a spreadsheet. What it
//! shows is read once on entering (`ScoresData`); the panel is `game::ui::scores`.

use bevy::prelude::*;

use super::Screen;
use super::quiz::{ActiveQuiz, QuizKind};
use crate::cli::ExportArgs;
use crate::dataset::CityKey;
use crate::game::GameOptions;
use crate::game::data::GameData;
use crate::game::menu::{self, Menu, Page};
use crate::game::notices::Notices;
use crate::game::preferences::Preferences;
use crate::game::progress::Progress;
use crate::progress::ScoresView;

/// What the Scores and mastery screens show, read from the progress database.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct ScoresData {
    pub player: Option<String>,
    pub view: ScoresView,
    /// Why nothing could be read, in words.
    pub problem: Option<String>,
}

/// Start a short drill of exactly these cities (the mastery map's buttons).
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub struct DrillRequest(pub Vec<CityKey>);

/// Write every session and every answer as CSV into the data folder's `exports`.
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportRequest;

/// The modes in the order their tables show.
pub fn table_order() -> Vec<&'static str> {
    QuizKind::ALL.iter().map(|kind| kind.mode_name()).collect()
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ScoresData>()
        .add_message::<DrillRequest>()
        .add_message::<ExportRequest>()
        .add_systems(
            OnEnter(Screen::Scores),
            (read_scores, show_scores_page).chain(),
        )
        .add_systems(
            Update,
            (
                start_drill.run_if(resource_exists::<GameData>),
                export_for_teachers,
            )
                .in_set(crate::game::AppSystems::Update),
        );
}

/// Reads everything the screen shows for the current player.
pub fn read_scores(progress: Res<Progress>, mut data: ResMut<ScoresData>) {
    *data = ScoresData::default();
    data.player = progress.player_name();
    let Some(player) = progress.player else {
        data.problem = Some(if progress.db.is_some() {
            "Nobody has played yet: play a quiz and your scores show here.".into()
        } else {
            "The progress file is not open, so no scores are kept this time.".into()
        });
        return;
    };
    match progress.with_db(|db| db.scores_view(player, &table_order())) {
        Some(Ok(view)) => data.view = view,
        Some(Err(err)) => data.problem = Some(format!("The scores could not be read: {err}.")),
        None => {}
    }
}

fn show_scores_page(mut commands: Commands, data: Res<ScoresData>) {
    show_page_of(&mut commands, Screen::Scores, &data);
}

/// The heading ("Scores — Mina") and any problem, for a screen that reads `ScoresData`; its
/// panel has its own buttons and Escape goes back.
pub fn show_page_of(commands: &mut Commands, screen: Screen, data: &ScoresData) {
    let heading = match &data.player {
        Some(name) => format!("{} — {name}", screen.title()),
        None => screen.title().into(),
    };
    menu::show(
        commands,
        Page {
            heading,
            paragraphs: data.problem.iter().cloned().collect(),
            details: Vec::new(),
        },
        Menu::default(),
    );
}

fn start_drill(
    mut requests: MessageReader<DrillRequest>,
    mut commands: Commands,
    data: Res<GameData>,
    options: Res<GameOptions>,
    preferences: Res<Preferences>,
    mut next_screen: ResMut<NextState<Screen>>,
) {
    for DrillRequest(cities) in requests.read() {
        let quiz = ActiveQuiz::drill(
            &data,
            cities.clone(),
            preferences.settings.quiz(),
            options.seed,
        );
        if quiz.session.current().is_some() {
            commands.insert_resource(quiz);
            next_screen.set(Screen::Quiz);
        }
    }
}

/// Writes `cityquiz-sessions-<time>.csv` and `cityquiz-answers-<time>.csv` into
/// `<data folder>/exports` and says where (the same files `cityquiz export` writes).
fn export_for_teachers(
    mut requests: MessageReader<ExportRequest>,
    options: Res<GameOptions>,
    mut notices: ResMut<Notices>,
) {
    if requests.read().count() == 0 {
        return;
    }
    let Some(dir) = &options.data_dir else {
        notices.push("There is no data folder to export from.");
        return;
    };
    let folder = dir.join("exports");
    if let Err(err) = std::fs::create_dir_all(&folder) {
        notices.push(format!("Could not make {}: {err}.", folder.display()));
        return;
    }
    let stamp = crate::progress::now();
    for (what, answers) in [("sessions", false), ("answers", true)] {
        let args = ExportArgs {
            out: folder.join(format!("cityquiz-{what}-{stamp}.csv")),
            answers,
            data_dir: Some(dir.clone()),
        };
        match crate::export::export(&args) {
            Ok(summary) => notices.push(format!("Exported: {summary}.")),
            Err(problem) => notices.push(format!("Export failed: {problem}.")),
        }
    }
}
