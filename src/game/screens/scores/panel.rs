//! The Scores screen's panel: each mode's top-ten table (the player's own rows marked) and
//! bests on the left; on the right the player's history as three plots (egui_plot): score over
//! time per mode, accuracy per mode, answers per day. Hovering a point names its session.
//! Each mode has its own colour *and* marker shape.

use bevy::prelude::*;
use bevy_egui::egui::{self, Color32, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use egui_plot::{Bar, BarChart, HoverPosition, Line, MarkerShape, Plot, Points};

use super::data::ScoresData;
use crate::format::date_of;
use crate::game::menu::{MenuAction, Page};
use crate::game::messages::ExportRequest;
use crate::game::notices::Notices;
use crate::game::preferences::Preferences;
use crate::game::screen::Screen;
use crate::game::ui::theme::{Palette, palette};
use crate::game::ui::window::window_ui;
use crate::progress::{HighScore, SessionPoint};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw_scores.run_if(in_state(Screen::Scores)),
    );
}

/// A mode's colour (Okabe–Ito), its marker in the plots and that marker as a symbol for the key.
fn mode_style(mode: &str) -> (Color32, MarkerShape, &'static str) {
    // A plan's tables of each difficulty share its style.
    match mode.split('/').next().unwrap_or(mode) {
        "quick-play" => (
            Color32::from_rgb(0x00, 0x72, 0xB2),
            MarkerShape::Circle,
            "●",
        ),
        "map" => (
            Color32::from_rgb(0xE6, 0x9F, 0x00),
            MarkerShape::Square,
            "■",
        ),
        "facts" => (
            Color32::from_rgb(0x00, 0x9E, 0x73),
            MarkerShape::Diamond,
            "◆",
        ),
        "higher-or-lower" => (Color32::from_rgb(0xCC, 0x79, 0xA7), MarkerShape::Up, "▲"),
        _ => (Color32::from_rgb(0x56, 0xB4, 0xE9), MarkerShape::Cross, "✚"),
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_scores(
    mut contexts: EguiContexts,
    page: Res<Page>,
    data: Res<ScoresData>,
    notices: Res<Notices>,
    preferences: Res<Preferences>,
    mut menu_actions: MessageWriter<MenuAction>,
    mut exports: MessageWriter<ExportRequest>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let colours = palette(preferences.theme());
    let mut root = window_ui(ctx, "scores");
    egui::Panel::top("scores_heading")
        .frame(egui::Frame::new().fill(colours.panel).inner_margin(12))
        .show(&mut root, |ui| {
            ui.horizontal(|ui| {
                ui.heading(RichText::new(&page.heading).strong());
                ui.add_space(24.0);
                if ui.button("Mastery map").clicked() {
                    menu_actions.write(MenuAction::Open(Screen::Mastery));
                }
                if ui.button("Export for a spreadsheet").clicked() {
                    exports.write(ExportRequest);
                }
                if ui.button("Players").clicked() {
                    menu_actions.write(MenuAction::Open(Screen::Players));
                }
                if ui.button("Back").clicked() {
                    menu_actions.write(MenuAction::Back);
                }
            });
            for paragraph in page.paragraphs.iter().chain(&notices.0) {
                ui.label(RichText::new(paragraph).color(colours.accent));
            }
        });
    let width = (root.available_width() * 0.48).round();
    egui::Panel::left("scores_tables")
        .exact_size(width)
        .resizable(false)
        .frame(egui::Frame::new().fill(colours.panel).inner_margin(12))
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| tables(ui, &data, colours));
        });
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(colours.background).inner_margin(12))
        .show(&mut root, |ui| plots(ui, &data, colours));
    Ok(())
}

fn tables(ui: &mut egui::Ui, data: &ScoresData, colours: &Palette) {
    let view = &data.view;
    if !view.bests.is_empty() {
        ui.label(RichText::new("Your bests").strong().size(17.0));
        for best in &view.bests {
            let stars = "★".repeat(usize::from(best.stars))
                + &"☆".repeat(3 - usize::from(best.stars.min(3)));
            ui.label(format!(
                "{}: {} points {stars} · {} played",
                data.title_of(&best.mode),
                crate::format::thousands(best.points),
                best.sessions
            ));
        }
        ui.add_space(10.0);
    }
    for (mode, rows) in &view.tables {
        ui.label(
            RichText::new(format!("{} — top ten", data.title_of(mode)))
                .strong()
                .size(17.0),
        );
        egui::Grid::new(format!("table-{mode}"))
            .striped(true)
            .spacing([14.0, 3.0])
            .show(ui, |ui| {
                for title in ["#", "Player", "Date", "Score", "Accuracy", "Time", "Seed"] {
                    ui.label(RichText::new(title).color(colours.weak_text).small());
                }
                ui.end_row();
                for (rank, row) in rows.iter().enumerate() {
                    table_row(
                        ui,
                        rank + 1,
                        row,
                        data.player.as_deref() == Some(row.player.as_str()),
                    );
                }
            });
        ui.add_space(10.0);
    }
}

fn table_row(ui: &mut egui::Ui, rank: usize, row: &HighScore, own: bool) {
    let text = |text: String| {
        let text = RichText::new(text);
        if own { text.strong() } else { text }
    };
    ui.label(text(format!("{rank}{}", if own { " ▶" } else { "" })));
    ui.label(text(row.player.clone()));
    ui.label(text(date_of(row.ended_at)));
    ui.label(text(crate::format::thousands(row.points)));
    let accuracy = if row.answered == 0 {
        0.0
    } else {
        100.0 * f64::from(row.correct) / f64::from(row.answered)
    };
    ui.label(text(format!(
        "{accuracy:.0} % ({}/{})",
        row.correct, row.answered
    )));
    ui.label(text(format!("{:.0} s", row.seconds)));
    ui.label(text(row.seed.to_string()));
    ui.end_row();
}

fn plots(ui: &mut egui::Ui, data: &ScoresData, colours: &Palette) {
    let view = &data.view;
    if view.sessions.is_empty() {
        ui.label(
            RichText::new("Your history shows here once you have finished a quiz.")
                .color(colours.weak_text),
        );
        return;
    }
    // Three plots under a key and three titles, the last one's axis labels inside the window.
    let height = ((ui.available_height() - 150.0) / 3.0).max(90.0);
    let modes: Vec<&str> = {
        let mut modes: Vec<&str> = view.sessions.iter().map(|s| s.mode.as_str()).collect();
        modes.sort();
        modes.dedup();
        modes
    };
    let per_mode = |mode: &str| -> Vec<&SessionPoint> {
        view.sessions.iter().filter(|s| s.mode == mode).collect()
    };
    let day = |session: &SessionPoint| session.ended_at as f64 / 86_400.0;
    // Hovering a point names its session: the mode's series and the point's index say which.
    let describe = |plot_name: &str, index: usize| -> Option<String> {
        let mode = modes.iter().find(|mode| data.title_of(mode) == plot_name)?;
        let session = *per_mode(mode).get(index)?;
        Some(format!(
            "{} · {}\n{} points · {}/{} right",
            plot_name,
            session.when,
            crate::format::thousands(session.points),
            session.correct,
            session.answered
        ))
    };
    let label = |pos: &HoverPosition<'_>| match pos {
        HoverPosition::NearDataPoint {
            plot_name, index, ..
        } => describe(plot_name, *index),
        HoverPosition::Elsewhere { .. } => None,
    };
    // The key: each mode's marker in its colour (the plots' own legend would cover points).
    ui.horizontal_wrapped(|ui| {
        for mode in &modes {
            let (colour, _, symbol) = mode_style(mode);
            ui.label(
                RichText::new(format!("{symbol} {}", data.title_of(mode)))
                    .color(colour)
                    .strong(),
            );
        }
    });
    for (title, accuracy) in [
        ("Score over time", false),
        ("Accuracy per mode (% right)", true),
    ] {
        ui.label(RichText::new(title).strong());
        Plot::new(title)
            .height(height)
            .include_y(if accuracy { 100.0 } else { 0.0 })
            .allow_scroll(false)
            .x_axis_formatter(|mark, _| date_of((mark.value * 86_400.0) as i64))
            .label_formatter(label)
            .include_y(0.0)
            .show(ui, |plot| {
                for mode in &modes {
                    let (colour, shape, _) = mode_style(mode);
                    let points: Vec<[f64; 2]> = per_mode(mode)
                        .into_iter()
                        .map(|s| {
                            let y = if accuracy {
                                100.0 * s.accuracy()
                            } else {
                                f64::from(s.points)
                            };
                            [day(s), y]
                        })
                        .collect();
                    let name = data.title_of(mode);
                    plot.line(
                        Line::new(name.clone(), points.clone()).color(colour.gamma_multiply(0.6)),
                    );
                    plot.points(
                        Points::new(name, points)
                            .color(colour)
                            .shape(shape)
                            .radius(3.5)
                            .filled(true),
                    );
                }
            });
        ui.add_space(6.0);
    }
    ui.label(RichText::new("Answers per day").strong());
    let bars: Vec<Bar> = view
        .answers_per_day
        .iter()
        .map(|day| {
            Bar::new(day.day_number as f64, f64::from(day.answers))
                .name(&day.day)
                .width(0.8)
        })
        .collect();
    Plot::new("answers per day")
        .height(height)
        .allow_scroll(false)
        .x_axis_formatter(|mark, _| date_of((mark.value * 86_400.0) as i64))
        .include_y(0.0)
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new("answers", bars).color(colours.accent));
        });
}
