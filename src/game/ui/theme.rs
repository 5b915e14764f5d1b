//! The look: one egui style in a light and a dark variant, and the interface size, both from
//! the player's settings.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::egui::{self, Color32, CornerRadius, FontFamily, FontId, Stroke, TextStyle};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use crate::game::preferences::Preferences;
use crate::settings::Theme;

/// Colours of one theme. The accent marks focus and selection; text says the same in words.
pub struct Palette {
    pub background: Color32,
    pub panel: Color32,
    pub text: Color32,
    pub weak_text: Color32,
    pub accent: Color32,
    pub on_accent: Color32,
    pub warning: Color32,
}

pub const LIGHT: Palette = Palette {
    background: Color32::from_rgb(0xEE, 0xEA, 0xE0),
    panel: Color32::from_rgb(0xF7, 0xF4, 0xEC),
    text: Color32::from_rgb(0x1C, 0x22, 0x2B),
    weak_text: Color32::from_rgb(0x55, 0x5E, 0x6A),
    accent: Color32::from_rgb(0x1F, 0x5F, 0x8B),
    on_accent: Color32::WHITE,
    warning: Color32::from_rgb(0x9A, 0x4A, 0x00),
};

pub const DARK: Palette = Palette {
    background: Color32::from_rgb(0x14, 0x17, 0x1C),
    panel: Color32::from_rgb(0x1D, 0x22, 0x29),
    text: Color32::from_rgb(0xE6, 0xE8, 0xEB),
    weak_text: Color32::from_rgb(0xA2, 0xAA, 0xB4),
    accent: Color32::from_rgb(0x5F, 0xA8, 0xD3),
    on_accent: Color32::from_rgb(0x0B, 0x14, 0x1C),
    warning: Color32::from_rgb(0xF0, 0xB0, 0x5A),
};

pub fn palette(theme: Theme) -> &'static Palette {
    match theme {
        Theme::Light => &LIGHT,
        Theme::Dark => &DARK,
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, (apply_theme, apply_ui_scale));
}

fn style_for(theme: Theme) -> egui::Style {
    let colours = palette(theme);
    let mut style = egui::Style {
        visuals: match theme {
            Theme::Light => egui::Visuals::light(),
            Theme::Dark => egui::Visuals::dark(),
        },
        // Sizes chosen for reading at arm's length on a 1280×720 layout.
        text_styles: [
            (
                TextStyle::Heading,
                FontId::new(36.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(19.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(21.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(15.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(17.0, FontFamily::Monospace),
            ),
        ]
        .into(),
        ..Default::default()
    };
    style.spacing.item_spacing = egui::vec2(10.0, 10.0);
    style.spacing.button_padding = egui::vec2(16.0, 8.0);
    // Scroll bars take their own room: a floating one would hide the end of a wrapped line.
    style.spacing.scroll = egui::style::ScrollStyle::solid();
    let visuals = &mut style.visuals;
    visuals.override_text_color = Some(colours.text);
    visuals.panel_fill = colours.panel;
    visuals.window_fill = colours.panel;
    visuals.extreme_bg_color = colours.background;
    visuals.selection.bg_fill = colours.accent;
    visuals.selection.stroke = Stroke::new(1.5, colours.on_accent);
    visuals.hyperlink_color = colours.accent;
    for widget in [
        &mut visuals.widgets.inactive,
        &mut visuals.widgets.hovered,
        &mut visuals.widgets.active,
    ] {
        widget.corner_radius = CornerRadius::same(8);
    }
    visuals.widgets.hovered.bg_stroke = Stroke::new(1.5, colours.accent);
    style
}

fn apply_theme(
    mut contexts: EguiContexts,
    preferences: Res<Preferences>,
    mut clear_colour: ResMut<ClearColor>,
    mut applied: Local<Option<Theme>>,
) -> Result {
    let theme = preferences.theme();
    if *applied == Some(theme) {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    ctx.set_theme(match theme {
        Theme::Light => egui::Theme::Light,
        Theme::Dark => egui::Theme::Dark,
    });
    ctx.set_global_style(style_for(theme));
    let [r, g, b, _] = palette(theme).background.to_array();
    clear_colour.0 = Color::srgb_u8(r, g, b);
    *applied = Some(theme);
    Ok(())
}

/// Zooms the whole interface: `Auto` fits the 1280×720 design to the window.
fn apply_ui_scale(
    mut contexts: EguiContexts,
    preferences: Res<Preferences>,
    window: Single<&Window, With<PrimaryWindow>>,
) -> Result {
    let zoom = preferences
        .settings
        .ui_scale
        .factor(window.width(), window.height());
    let ctx = contexts.ctx_mut()?;
    if (ctx.zoom_factor() - zoom).abs() > f32::EPSILON {
        ctx.set_zoom_factor(zoom);
    }
    Ok(())
}

/// Whether the current theme is dark (the map's overlays pick their text and halo by it).
pub fn colours_dark(preferences: &Preferences) -> bool {
    preferences.theme() == Theme::Dark
}
