//! "Export" on the Scores screen: every session and every answer as CSV for a spreadsheet.

use bevy::prelude::*;

use crate::export::ExportRows;
use crate::game::messages::ExportRequest;
use crate::game::notices::Notices;
use crate::game::options::GameOptions;
use crate::game::systems::AppSystems;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, export_for_teachers.in_set(AppSystems::Update));
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
    for (what, rows) in [
        ("sessions", ExportRows::Sessions),
        ("answers", ExportRows::Answers),
    ] {
        let out = folder.join(format!("cityquiz-{what}-{stamp}.csv"));
        match crate::export::export(dir, &out, rows) {
            Ok(summary) => notices.push(format!("Exported: {summary}.")),
            Err(problem) => notices.push(format!("Export failed: {problem}.")),
        }
    }
}
