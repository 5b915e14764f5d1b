//! The Players screen's panel: the players as a list (the current one marked), each with
//! "Play as", "Rename" and "Delete…"; a field to add a player; on a first start, "Play as
//! Player 1". Everything it changes goes out as a `PlayerAction`.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::form::PlayersForm;
use crate::game::menu::{MenuAction, Page};
use crate::game::preferences::Preferences;
use crate::game::progress::{FIRST_PLAYER, PlayerAction, Progress};
use crate::game::screen::Screen;
use crate::game::ui::theme::palette;
use crate::game::ui::window::window_ui;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw_players.run_if(in_state(Screen::Players)),
    );
}

fn draw_players(
    mut contexts: EguiContexts,
    page: Res<Page>,
    progress: Res<Progress>,
    mut form: ResMut<PlayersForm>,
    preferences: Res<Preferences>,
    mut actions: MessageWriter<PlayerAction>,
    mut menu_actions: MessageWriter<MenuAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let colours = palette(preferences.theme());
    let mut root = window_ui(ctx, "players");
    let players = progress.players();
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(colours.panel).inner_margin(24))
        .show(&mut root, |ui| {
            ui.vertical_centered(|ui| {
                ui.set_max_width(640.0);
                ui.heading(RichText::new(&page.heading).strong());
                ui.add_space(8.0);
                for paragraph in &page.paragraphs {
                    ui.label(paragraph);
                }
                ui.add_space(16.0);
            });
            // The list in a column under the centred heading.
            let margin = ((ui.available_width() - 640.0) / 2.0).max(0.0);
            ui.horizontal_top(|ui| {
                ui.add_space(margin);
                ui.vertical(|ui| {
                    if progress.db.is_none() {
                        ui.colored_label(
                    colours.warning,
                    "The progress file is not open, so players and scores are not kept this time.",
                );
                    }
                    let form = &mut *form;
                    egui::Grid::new("players")
                        .num_columns(2)
                        .spacing([16.0, 10.0])
                        .show(ui, |ui| {
                            for (player, name) in &players {
                                let current = progress.player == Some(*player);
                                let mut finish_rename = false;
                                match &mut form.renaming {
                                    Some((renamed, text)) if renamed == player => {
                                        let field = ui.add(
                                            egui::TextEdit::singleline(text)
                                                .desired_width(220.0)
                                                .char_limit(40),
                                        );
                                        field.request_focus();
                                        ui.horizontal(|ui| {
                                            let enter = field.lost_focus()
                                                && ui.input(|i| i.key_pressed(egui::Key::Enter));
                                            if ui.button("Save").clicked() || enter {
                                                actions.write(PlayerAction::Rename(
                                                    *player,
                                                    text.clone(),
                                                ));
                                                finish_rename = true;
                                            } else if ui.button("Cancel").clicked() {
                                                finish_rename = true;
                                            }
                                        });
                                    }
                                    _ => {
                                        let marker = if current { "▶ " } else { "   " };
                                        let text =
                                            RichText::new(format!("{marker}{name}")).size(18.0);
                                        ui.label(if current { text.strong() } else { text });
                                        ui.horizontal(|ui| {
                                            if form.confirm_delete == Some(*player) {
                                                let sessions = progress
                                                    .with_db(|db| db.finished_sessions(*player))
                                                    .and_then(Result::ok)
                                                    .unwrap_or(0);
                                                ui.colored_label(
                                            colours.warning,
                                            format!(
                                                "Delete {name} and {sessions} finished quizzes? \
                                                 This cannot be undone."
                                            ),
                                        );
                                                if ui.button(format!("Delete {name}")).clicked() {
                                                    actions.write(PlayerAction::Delete(*player));
                                                    form.confirm_delete = None;
                                                }
                                                if ui.button("Keep").clicked() {
                                                    form.confirm_delete = None;
                                                }
                                                return;
                                            }
                                            if !current && ui.button("Play as").clicked() {
                                                actions.write(PlayerAction::Choose(*player));
                                            }
                                            if ui.button("Rename").clicked() {
                                                form.renaming = Some((*player, name.clone()));
                                            }
                                            if ui.button("Delete…").clicked() {
                                                form.confirm_delete = Some(*player);
                                            }
                                        });
                                    }
                                }
                                if finish_rename {
                                    form.renaming = None;
                                }
                                ui.end_row();
                            }
                        });
                    ui.add_space(20.0);
                    ui.horizontal(|ui| {
                        ui.label("New player:");
                        let field = ui.add(
                            egui::TextEdit::singleline(&mut form.new_name)
                                .hint_text("a name, e.g. Mina")
                                .desired_width(220.0)
                                .char_limit(40),
                        );
                        if progress.first_start && form.renaming.is_none() {
                            field.request_focus();
                        }
                        let enter =
                            field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                        let can_add = !form.new_name.trim().is_empty();
                        if (ui
                            .add_enabled(can_add, egui::Button::new("Add and play"))
                            .clicked()
                            || enter)
                            && can_add
                        {
                            actions.write(PlayerAction::Add(std::mem::take(&mut form.new_name)));
                        }
                    });
                    if progress.first_start && players.is_empty() {
                        ui.add_space(8.0);
                        if ui.button(format!("Play as \"{FIRST_PLAYER}\"")).clicked() {
                            actions.write(PlayerAction::Add(FIRST_PLAYER.into()));
                        }
                    }
                    if let Some(note) = &progress.player_note {
                        ui.add_space(12.0);
                        ui.label(RichText::new(note).color(colours.accent));
                    }
                    ui.add_space(20.0);
                    if ui.button("Back").clicked() {
                        menu_actions.write(MenuAction::Back);
                    }
                    ui.add_space(8.0);
                    ui.label(
                        RichText::new(
                            "Tab moves between buttons, Enter presses one, Escape goes back.",
                        )
                        .small()
                        .color(colours.weak_text),
                    );
                });
            });
        });
    Ok(())
}
