//! A Ui over the whole window, for a screen's panels to divide up.

use bevy_egui::egui;

/// A Ui over the whole window, on the background layer, for a screen's panels to divide up.
pub fn window_ui(ctx: &egui::Context, id: &'static str) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        id.into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}
