//! The results of a map quiz on one map: every city asked, numbered as in the list, with a
//! ring (right) or a cross (wrong); for each "where is" a line from the click to the city.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::active::ActiveQuiz;
use super::kinds;
use crate::game::map::MapScene;
use crate::game::map::overlay::{MapFrame, RIGHT, WRONG};
use crate::game::preferences::Preferences;
use crate::game::screen::Screen;
use crate::game::ui::page::PageMapRect;
use crate::game::ui::theme::colours_dark;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw_results_map.run_if(
            in_state(Screen::Results)
                .and_then(resource_exists::<ActiveQuiz>)
                .and_then(resource_exists::<MapScene>),
        ),
    );
}

fn draw_results_map(
    mut contexts: EguiContexts,
    quiz: Res<ActiveQuiz>,
    scene: Res<MapScene>,
    rect: Res<PageMapRect>,
    preferences: Res<Preferences>,
) -> Result {
    let Some(rect) = rect.0 else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let frame = MapFrame::new(ctx, rect, &scene.view, colours_dark(&preferences));
    for (index, result) in quiz.session.results.iter().enumerate() {
        let number = index + 1;
        // The kind's own marks (a where-is click and its line), and the city it asked about.
        let Some(city_key) = kinds::results_overlay(&frame, &result.grade.feedback) else {
            continue;
        };
        let Some(city) = quiz.dataset.city_by_key(city_key) else {
            continue;
        };
        let at = frame.at(city.location);
        let (mark, colour) = if result.grade.correct {
            ("✔", RIGHT)
        } else {
            ("✖", WRONG)
        };
        if result.grade.correct {
            frame.ring(at, 9.0, colour);
        } else {
            frame.cross(at, colour);
        }
        frame.label(
            at + bevy_egui::egui::vec2(10.0, -9.0),
            &format!("{number} {mark} {}", city.name),
            None,
            14.0,
        );
    }
    Ok(())
}
