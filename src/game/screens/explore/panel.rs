//! The Explore screen's panels: city labels over the map (decluttered), the name of whatever is
//! under the pointer, and the side panel with the search box and the city card.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::state::{CARD_PANEL_WIDTH, Explore, ExploreAction, Hover};
use crate::dataset::{Amount, City, Dataset, Year};
use crate::format::thousands;
use crate::game::data::GameData;
use crate::game::map::labels::{MapLabels, draw_city_labels};
use crate::game::preferences::Preferences;
use crate::game::screen::Screen;
use crate::game::ui::theme::{Palette, palette};
use crate::game::ui::window::window_ui;
use crate::geography::distance_km;

const SEARCH_RESULTS: usize = 8;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw_explore.run_if(in_state(Screen::Explore).and_then(resource_exists::<Explore>)),
    );
}

fn draw_explore(
    mut contexts: EguiContexts,
    mut explore: ResMut<Explore>,
    data: Res<GameData>,
    preferences: Res<Preferences>,
    mut actions: MessageWriter<ExploreAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let colours = palette(preferences.theme());
    let mut root = window_ui(ctx, "explore");
    let panel = egui::Panel::right("city_card")
        .exact_size(CARD_PANEL_WIDTH)
        .resizable(false)
        .frame(egui::Frame::new().fill(colours.panel).inner_margin(16))
        .show(&mut root, |ui| {
            side_panel(ui, &mut explore, &data, colours, &mut actions)
        });
    let map_rect = ctx.viewport_rect().with_max_x(panel.response.rect.min.x);
    let labels = MapLabels {
        cities: data.dataset.cities.iter().map(|city| city.id).collect(),
        emphasis: explore.emphasis(),
        hangul: explore.show_hangul,
    };
    draw_city_labels(
        ctx,
        map_rect,
        &explore.view,
        &labels,
        &data.cities,
        &preferences,
    );
    draw_hover_name(ctx, &explore, &data, colours);
    Ok(())
}

fn draw_hover_name(ctx: &egui::Context, explore: &Explore, data: &GameData, colours: &Palette) {
    let Some(hovered) = explore.hovered else {
        return;
    };
    let Some(pointer) = ctx.pointer_hover_pos() else {
        return;
    };
    let text = match hovered {
        Hover::City(city) => {
            let city = data.dataset.city(city);
            let province = data.dataset.province(city.province);
            format!("{} · {} — {}", city.name, city.hangul, province.name)
        }
        Hover::Province(index) => {
            let area = &data.map.provinces[index];
            match &area.name_ko {
                Some(korean) => format!("{} · {korean}", area.name),
                None => area.name.clone(),
            }
        }
        Hover::Neighbour(index) => data.map.neighbours[index].name.clone(),
    };
    egui::Area::new("map_hover".into())
        .order(egui::Order::Tooltip)
        .fixed_pos(pointer + egui::vec2(16.0, 18.0))
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style())
                .fill(colours.panel)
                .show(ui, |ui| ui.label(RichText::new(text).strong()));
        });
}

fn side_panel(
    ui: &mut egui::Ui,
    explore: &mut Explore,
    data: &GameData,
    colours: &Palette,
    actions: &mut MessageWriter<ExploreAction>,
) {
    ui.heading(Screen::Explore.title());
    ui.add_space(6.0);
    let search = ui.add(
        egui::TextEdit::singleline(&mut explore.search)
            .hint_text("Find a city: any spelling, or 한글")
            .desired_width(ui.available_width()),
    );
    let results = data.dataset.search(&explore.search);
    if search.lost_focus()
        && ui.input(|i| i.key_pressed(egui::Key::Enter))
        && let Some(&first) = results.first()
    {
        actions.write(ExploreAction::Select(Some(first)));
    }
    if !explore.search.trim().is_empty() {
        if results.is_empty() {
            ui.label(RichText::new("No city by that name.").color(colours.weak_text));
        }
        for &id in results.iter().take(SEARCH_RESULTS) {
            let city = data.dataset.city(id);
            let label = format!("{} · {} · {}", city.name, city.name_mr, city.hangul);
            if ui
                .selectable_label(explore.selected == Some(id), label)
                .clicked()
            {
                actions.write(ExploreAction::Select(Some(id)));
            }
        }
    }
    let mut hangul = explore.show_hangul;
    if ui.checkbox(&mut hangul, "Names in Hangul (H)").changed() {
        actions.write(ExploreAction::ToggleHangul);
    }
    if ui.button("Show the whole country (0)").clicked() {
        actions.write(ExploreAction::Reset);
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .max_height(ui.available_height() - 56.0)
        .show(ui, |ui| match explore.selected {
            Some(id) => {
                if city_card(ui, &data.dataset, data.dataset.city(id), colours) {
                    actions.write(ExploreAction::Select(None));
                }
            }
            None => {
                ui.label("Click a city on the map, or find it by name, to open its card.");
                ui.add_space(8.0);
                ui.label(
                    RichText::new("Dots grow with the population (2008 census).")
                        .color(colours.weak_text),
                );
            }
        });
    ui.with_layout(egui::Layout::bottom_up(egui::Align::Min), |ui| {
        ui.label(
            RichText::new("Drag or arrows: move · Wheel or + −: zoom · Esc: back")
                .small()
                .color(colours.weak_text),
        );
    });
}

pub fn describe_amount(amount: Amount) -> String {
    match amount {
        Amount::Count(n) => thousands(n),
        Amount::Range {
            min: Some(low),
            max: Some(high),
        } => format!("{}–{}", thousands(low), thousands(high)),
        Amount::Range {
            min: None,
            max: Some(high),
        } => format!("up to {}", thousands(high)),
        Amount::Range {
            min: Some(low),
            max: None,
        } => format!("at least {}", thousands(low)),
        Amount::Range {
            min: None,
            max: None,
        } => "unknown".into(),
    }
}

/// The card of one city. Returns true when the player closed it.
fn city_card(ui: &mut egui::Ui, dataset: &Dataset, city: &City, colours: &Palette) -> bool {
    let mut closed = false;
    ui.horizontal(|ui| {
        ui.label(RichText::new(&city.name).size(28.0).strong());
        ui.label(RichText::new(&city.hangul).size(26.0));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            closed = ui.button("Close").clicked();
        });
    });
    let weak = |text: String| RichText::new(text).color(colours.weak_text);
    ui.label(weak(format!(
        "McCune–Reischauer {} · Revised {}",
        city.name_mr, city.name_rr
    )));
    if !city.aliases.is_empty() {
        ui.label(weak(format!("Also: {}", city.aliases.join(", "))));
    }
    let province = dataset.province(city.province);
    ui.label(format!(
        "{} · {} ({})",
        capitalised(city.status.label()),
        province.name,
        province.hangul
    ));
    if let Some(capital) = dataset.city_by_slug("pyongyang")
        && capital.id != city.id
    {
        let km = distance_km(city.location, capital.location);
        ui.label(format!("{km:.0} km from Pyongyang as the crow flies"));
    }
    ui.add_space(8.0);
    ui.label(RichText::new("Population").strong());
    for figure in &city.population {
        let year = match figure.year {
            Year::In(year) => year.to_string(),
            Year::Undated => "undated".into(),
        };
        ui.label(format!(
            "{}  ({year}, {})",
            describe_amount(figure.amount),
            figure.kind.label()
        ));
        ui.label(
            weak(format!(
                "   source: {}",
                short_source(dataset, figure.source)
            ))
            .small(),
        );
    }
    ui.add_space(8.0);
    ui.label(RichText::new("Facts").strong());
    for fact in &city.facts {
        ui.label(format!("• {}", fact.text));
        ui.label(weak(format!("   source: {}", short_source(dataset, fact.source))).small());
    }
    ui.add_space(8.0);
    ui.label(
        weak(format!(
            "{:.4}° N, {:.4}° E · coordinates: {}",
            city.location.lat,
            city.location.lon,
            short_source(dataset, city.coord_source)
        ))
        .small(),
    );
    closed
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A source's title, cut to its first clause so the card stays readable.
fn short_source(dataset: &Dataset, source: crate::dataset::SourceId) -> String {
    let title = &dataset.source(source).title;
    let short = title.split([':', '(']).next().unwrap_or(title).trim();
    let short = short.trim_matches('"');
    if short.chars().count() > 70 {
        format!("{}…", short.chars().take(69).collect::<String>())
    } else {
        short.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_a_person_writes_them() {
        assert_eq!(describe_amount(Amount::Count(768_551)), "768,551");
        assert_eq!(describe_amount(Amount::Count(999)), "999");
        assert_eq!(
            describe_amount(Amount::Range {
                min: Some(700_000),
                max: Some(800_000)
            }),
            "700,000–800,000"
        );
        assert_eq!(
            describe_amount(Amount::Range {
                min: None,
                max: Some(200_000)
            }),
            "up to 200,000"
        );
    }
}
