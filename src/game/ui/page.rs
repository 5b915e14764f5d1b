//! The page panel: heading, paragraphs, the menu and any notices, centred in the window.
//! `page_panel` is a function over plain data that returns what the player clicked; the system
//! around it turns that into a `MenuAction`.

use bevy::prelude::*;
use bevy_egui::egui::{self, Align, Layout, RichText, Sense};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::theme::{Palette, palette};
use super::window::window_ui;
use crate::game::data::GameData;
use crate::game::map::MapScene;
use crate::game::map::view::fit_whole_country;
use crate::game::menu::{Menu, MenuAction, Page};
use crate::game::notices::Notices;
use crate::game::preferences::Preferences;
use crate::game::screen::Screen;

/// What the player did with the mouse on a page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PageInput {
    pub clicked: Option<usize>,
    pub hovered: Option<usize>,
    pub dismissed_notices: bool,
}

const COLUMN_WIDTH: f32 = 720.0;
const MENU_LINE: egui::Vec2 = egui::vec2(380.0, 40.0);
/// Lines beyond which a menu closes up its spacing.
const LONG_MENU: usize = 9;

/// Where the shared map shows beside a page (a map quiz's results), for overlays to draw in.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq)]
pub struct PageMapRect(pub Option<egui::Rect>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PageMapRect>().add_systems(
        EguiPrimaryContextPass,
        draw_page.run_if(|screen: Res<State<Screen>>| !screen.get().has_own_ui()),
    );
}

#[allow(clippy::too_many_arguments)]
fn draw_page(
    mut contexts: EguiContexts,
    page: Res<Page>,
    mut menu: ResMut<Menu>,
    mut notices: ResMut<Notices>,
    preferences: Res<Preferences>,
    mut actions: MessageWriter<MenuAction>,
    (scene, data, mut map_rect): (
        Option<ResMut<MapScene>>,
        Option<Res<GameData>>,
        ResMut<PageMapRect>,
    ),
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = window_ui(ctx, "root");
    let colours = palette(preferences.theme());
    // A page with a map beside it (a map quiz's results): the page on the left, the map right.
    let input = match (scene, data) {
        (Some(mut scene), Some(data)) => {
            let width = (root.available_width() * 0.52)
                .min(COLUMN_WIDTH + 48.0)
                .round();
            let mut input = PageInput::default();
            egui::Panel::left("page_beside_map")
                .exact_size(width)
                .resizable(false)
                .frame(egui::Frame::new())
                .show(&mut root, |ui| {
                    input = page_panel(ui, &page, &menu, &notices.0, colours);
                });
            let rect = root.available_rect_before_wrap();
            if fit_whole_country(ctx, rect, &mut scene.view, &data) {
                redraw.write(bevy::window::RequestRedraw);
            }
            map_rect.set_if_neq(PageMapRect(Some(rect)));
            input
        }
        _ => {
            map_rect.set_if_neq(PageMapRect(None));
            page_panel(&mut root, &page, &menu, &notices.0, colours)
        }
    };
    if let Some(index) = input.hovered
        && menu.focus != index
    {
        menu.focus = index;
    }
    if let Some(index) = input.clicked
        && let Some(item) = menu.items.get(index)
    {
        actions.write(item.action.clone());
    }
    if input.dismissed_notices {
        notices.0.clear();
    }
    Ok(())
}

pub fn page_panel(
    root: &mut egui::Ui,
    page: &Page,
    menu: &Menu,
    notices: &[String],
    colours: &Palette,
) -> PageInput {
    let mut input = PageInput::default();
    let hints = key_hints(menu);
    egui::Panel::bottom("key_hints")
        .frame(egui::Frame::new().fill(colours.background).inner_margin(10))
        .show(root, |ui| {
            ui.vertical_centered(|ui| {
                ui.label(RichText::new(hints).small().color(colours.weak_text));
            });
        });
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(colours.panel).inner_margin(24))
        .show(root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.vertical_centered(|ui| {
                    ui.set_max_width(COLUMN_WIDTH.min(ui.available_width()));
                    ui.add_space(8.0);
                    ui.heading(RichText::new(&page.heading).strong());
                    ui.add_space(12.0);
                    for paragraph in &page.paragraphs {
                        ui.label(paragraph);
                    }
                    ui.add_space(12.0);
                    (input.clicked, input.hovered) = menu_lines(ui, menu, colours);
                    if !page.details.is_empty() {
                        ui.add_space(20.0);
                        ui.with_layout(Layout::top_down(Align::Min), |ui| {
                            for line in &page.details {
                                ui.label(RichText::new(line).color(colours.text));
                            }
                        });
                    }
                    if !notices.is_empty() {
                        ui.add_space(20.0);
                        input.dismissed_notices = notice_box(ui, notices, colours);
                    }
                });
            });
        });
    input
}

/// The keys that do something on this page, in words (the font has no arrow glyphs).
fn key_hints(menu: &Menu) -> String {
    let mut hints = Vec::new();
    if menu.items.len() > 1 {
        hints.push("Up/Down  choose");
    }
    if !menu.items.is_empty() {
        hints.push("Enter  select");
    }
    if menu
        .items
        .iter()
        .any(|item| matches!(item.action, MenuAction::Adjust(..)))
    {
        hints.push("Left/Right  change");
    }
    if menu
        .items
        .iter()
        .any(|item| item.action == MenuAction::Back)
    {
        hints.push("Esc  back");
    }
    hints.join("      ")
}

/// Draws the menu's lines; returns the line clicked and the line the moving pointer is over.
pub fn menu_lines(
    ui: &mut egui::Ui,
    menu: &Menu,
    colours: &Palette,
) -> (Option<usize>, Option<usize>) {
    let (mut clicked, mut hovered) = (None, None);
    // A long menu (the title's, with a quiz to resume) closes up so it fits without scrolling.
    let spacing = ui.spacing().item_spacing.y;
    if menu.items.len() > LONG_MENU {
        ui.spacing_mut().item_spacing.y = 4.0;
    }
    for (index, item) in menu.items.iter().enumerate() {
        let focused = index == menu.focus;
        // The focus is shown by a marker and by colour, never by colour alone.
        let text = if focused {
            RichText::new(format!("▶  {}", item.label)).color(colours.on_accent)
        } else {
            RichText::new(&item.label)
        };
        // Not focusable in egui: the game's own keys move the focus, so Enter acts once.
        let button = egui::Button::selectable(focused, text)
            .min_size(MENU_LINE)
            .sense(Sense::CLICK);
        let response = ui.add(button);
        if response.hovered() && ui.input(|i| i.pointer.delta() != egui::Vec2::ZERO) {
            hovered = Some(index);
        }
        if response.clicked_by(egui::PointerButton::Primary) {
            clicked = Some(index);
        }
    }
    ui.spacing_mut().item_spacing.y = spacing;
    (clicked, hovered)
}

/// Returns true when the player dismissed the notices.
fn notice_box(ui: &mut egui::Ui, notices: &[String], colours: &Palette) -> bool {
    let mut dismissed = false;
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.5, colours.warning))
        .inner_margin(12)
        .show(ui, |ui| {
            ui.with_layout(Layout::top_down(Align::Min), |ui| {
                for notice in notices {
                    ui.label(RichText::new(format!("⚠ {notice}")).color(colours.warning));
                }
                dismissed = ui.button("Dismiss").clicked();
            });
        });
    dismissed
}
