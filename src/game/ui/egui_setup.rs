//! bevy_egui's setup in one place: the plugin, the camera its context lives on, the Korean
//! font, and the fix that lets an idle game sleep.

use bevy::prelude::*;
use bevy_egui::egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use bevy_egui::egui::{self, FontData, FontFamily};
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiInput, EguiPlugin, EguiPreUpdateSet, EguiPrimaryContextPass};

use crate::game::menu::{KeyboardTakenByText, PointerTakenByUi};

/// Nanum Gothic (SIL OFL 1.1, licence in assets/fonts/): Hangul for city names in Korean script.
/// Built in, so the game finds it wherever it is started from.
const KOREAN_FONT: &[u8] = include_bytes!("../../../assets/fonts/NanumGothic.ttf");

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default())
        .add_systems(Startup, spawn_camera)
        .add_systems(EguiPrimaryContextPass, install_korean_font)
        .add_systems(
            PreUpdate,
            drop_repeated_modifier_events
                .after(EguiPreUpdateSet::ProcessInput)
                .before(EguiPreUpdateSet::BeginPass),
        )
        .add_systems(PostUpdate, note_what_the_panels_have_taken);
}

/// One 2D camera for the whole game: egui draws on it, and the map will too.
fn spawn_camera(mut commands: Commands) {
    commands.spawn((Name::new("Camera"), Camera2d));
}

fn install_korean_font(mut contexts: EguiContexts, mut installed: Local<bool>) -> Result {
    if *installed {
        return Ok(());
    }
    // A fallback after egui's own fonts: Latin text keeps egui's look, Hangul comes from Nanum.
    let fallback = |family| InsertFontFamily {
        family,
        priority: FontPriority::Lowest,
    };
    contexts.ctx_mut()?.add_font(FontInsert::new(
        "NanumGothic",
        FontData::from_static(KOREAN_FONT),
        vec![
            fallback(FontFamily::Proportional),
            fallback(FontFamily::Monospace),
        ],
    ));
    *installed = true;
    Ok(())
}

/// bevy_egui 0.42.0 sends egui a `ModifiersChanged` event every frame; egui counts any event as
/// input and asks for another frame, so the game would never idle. Drop the repeats: a real
/// change of Shift/Ctrl/Alt still gets through, and so does every other event.
fn drop_repeated_modifier_events(
    mut inputs: Query<&mut EguiInput>,
    mut last_seen: Local<Option<egui::Modifiers>>,
) {
    for mut input in &mut inputs {
        input.0.events.retain(|event| match event {
            egui::Event::ModifiersChanged(modifiers) => {
                let repeated = *last_seen == Some(*modifiers);
                *last_seen = Some(*modifiers);
                !repeated
            }
            _ => true,
        });
    }
}

/// While a text field has the keyboard, menu keys must not act; while the pointer is over a
/// panel, the map must not react to it.
fn note_what_the_panels_have_taken(
    wants: Res<EguiWantsInput>,
    mut keyboard: ResMut<KeyboardTakenByText>,
    mut pointer: ResMut<PointerTakenByUi>,
) {
    keyboard.set_if_neq(KeyboardTakenByText(wants.wants_keyboard_input()));
    pointer.set_if_neq(PointerTakenByUi(
        wants.is_pointer_over_area() || wants.is_using_pointer(),
    ));
}
