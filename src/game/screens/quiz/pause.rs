//! While paused: the pause menu over the question, driven by the menu system's keys too.

use bevy::prelude::*;
use bevy_egui::egui;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::active::ActiveQuiz;
use crate::game::menu::{Menu, MenuAction};
use crate::game::preferences::Preferences;
use crate::game::screen::Screen;
use crate::game::ui::page::menu_lines;
use crate::game::ui::theme::palette;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw_pause_menu.run_if(in_state(Screen::Quiz).and_then(resource_exists::<ActiveQuiz>)),
    );
}

fn draw_pause_menu(
    mut contexts: EguiContexts,
    quiz: Res<ActiveQuiz>,
    preferences: Res<Preferences>,
    mut menu: ResMut<Menu>,
    mut actions: MessageWriter<MenuAction>,
) -> Result {
    if !quiz.paused {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let colours = palette(preferences.theme());
    egui::Area::new("pause".into())
        .order(egui::Order::Foreground)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style())
                .fill(colours.panel)
                .inner_margin(24)
                .show(ui, |ui| {
                    ui.vertical_centered(|ui| {
                        ui.heading("Paused");
                        ui.add_space(12.0);
                        let (clicked, hovered) = menu_lines(ui, &menu, colours);
                        if let Some(index) = hovered {
                            menu.focus = index;
                        }
                        if let Some(item) = clicked.and_then(|index| menu.items.get(index)) {
                            actions.write(item.action.clone());
                        }
                    });
                });
        });
    Ok(())
}
