//! Opening Explore (the view the run asked for), its keys, and what the player's actions do to
//! the view and the shared map.

use bevy::prelude::*;

use super::state::{DEFAULT_VIEWPORT, Explore, ExploreAction, panel_inset};
use crate::game::data::GameData;
use crate::game::map::MapScene;
use crate::game::menu::{self, KeyboardTakenByText, Menu, Page};
use crate::game::options::GameOptions;
use crate::game::preferences::Preferences;
use crate::game::screen::Screen;
use crate::game::systems::AppSystems;
use crate::map_view::MapView;

/// One press of an arrow key moves the map this many pixels; +/- zoom by this factor.
const KEY_PAN_PIXELS: f64 = 90.0;
const KEY_ZOOM: f64 = 1.25;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<ExploreAction>()
        .add_systems(OnEnter(Screen::Explore), open_explore)
        .add_systems(OnExit(Screen::Explore), close_explore)
        .add_systems(
            Update,
            (
                read_explore_keys.in_set(AppSystems::RecordInput),
                (apply_explore_actions, show_on_map)
                    .chain()
                    .in_set(AppSystems::Update),
            )
                .run_if(in_state(Screen::Explore).and_then(resource_exists::<Explore>)),
        );
}

fn open_explore(
    mut commands: Commands,
    data: Option<Res<GameData>>,
    options: Res<GameOptions>,
    preferences: Res<Preferences>,
) {
    menu::show(
        &mut commands,
        Page {
            heading: Screen::Explore.title().into(),
            details: Vec::new(),
            paragraphs: Vec::new(),
        },
        Menu::default(),
    );
    let Some(data) = data else {
        return;
    };
    let inset = panel_inset(&preferences, DEFAULT_VIEWPORT);
    let home = MapView::fit(data.country_bounds(), DEFAULT_VIEWPORT, inset);
    let mut explore = Explore {
        view: home,
        home,
        selected: None,
        hovered: None,
        show_hangul: options.explore.hangul,
        search: String::new(),
    };
    if let Some(slug) = &options.explore.city {
        match data.dataset.city_by_slug(slug) {
            Some(city) => {
                explore.selected = Some(city.id);
                explore.view.center_on(data.position(city.id));
            }
            None => warn!("--city {slug}: no city has this id"),
        }
    }
    if let Some(zoom) = options.explore.zoom {
        let center = explore.view.visible_center();
        explore.view.zoom_at(center, zoom);
    }
    commands.insert_resource(MapScene {
        cities: data.cities.clone(),
        markers: None,
        view: explore.view,
        emphasis: Vec::new(),
        interactive: true,
    });
    commands.insert_resource(explore);
}

fn close_explore(mut commands: Commands) {
    commands.remove_resource::<MapScene>();
}

/// The shared map shows Explore's view, the selected and the hovered city larger.
fn show_on_map(explore: Res<Explore>, scene: Option<ResMut<MapScene>>) {
    let Some(mut scene) = scene else {
        return;
    };
    let wanted = MapScene {
        cities: scene.cities.clone(),
        markers: None,
        view: explore.view,
        emphasis: explore.emphasis(),
        interactive: true,
    };
    scene.set_if_neq(wanted);
}

/// Arrows pan, + and − zoom, 0 resets, H shows Hangul names. Escape (back) is the menu's.
fn read_explore_keys(
    keys: Res<ButtonInput<KeyCode>>,
    taken: Res<KeyboardTakenByText>,
    explore: Res<Explore>,
    mut actions: MessageWriter<ExploreAction>,
) {
    if taken.0 {
        return;
    }
    let pans = [
        (KeyCode::ArrowLeft, [KEY_PAN_PIXELS, 0.0]),
        (KeyCode::ArrowRight, [-KEY_PAN_PIXELS, 0.0]),
        (KeyCode::ArrowUp, [0.0, KEY_PAN_PIXELS]),
        (KeyCode::ArrowDown, [0.0, -KEY_PAN_PIXELS]),
    ];
    for (key, delta) in pans {
        if keys.just_pressed(key) {
            actions.write(ExploreAction::Pan(delta));
        }
    }
    let center = explore.view.visible_center();
    if keys.any_just_pressed([KeyCode::Equal, KeyCode::NumpadAdd]) {
        actions.write(ExploreAction::Zoom {
            at: center,
            factor: KEY_ZOOM,
        });
    }
    if keys.any_just_pressed([KeyCode::Minus, KeyCode::NumpadSubtract]) {
        actions.write(ExploreAction::Zoom {
            at: center,
            factor: 1.0 / KEY_ZOOM,
        });
    }
    if keys.any_just_pressed([KeyCode::Digit0, KeyCode::Numpad0, KeyCode::Home]) {
        actions.write(ExploreAction::Reset);
    }
    if keys.just_pressed(KeyCode::KeyH) {
        actions.write(ExploreAction::ToggleHangul);
    }
}

fn apply_explore_actions(
    mut actions: MessageReader<ExploreAction>,
    mut explore: ResMut<Explore>,
    data: Res<GameData>,
) {
    for action in actions.read() {
        match *action {
            ExploreAction::Select(city) => {
                explore.selected = city;
                if let Some(city) = city {
                    let at = data.position(city);
                    let on_screen = explore.view.map_to_screen(at);
                    // Bring a city found by search into view; a clicked one already is.
                    if !explore.view.is_visible(on_screen) {
                        explore.view.center_on(at);
                    }
                }
            }
            ExploreAction::Zoom { at, factor } => explore.view.zoom_at(at, factor),
            ExploreAction::Pan(delta) => explore.view.pan_pixels(delta),
            ExploreAction::Reset => explore.view = explore.home,
            ExploreAction::ToggleHangul => explore.show_hangul = !explore.show_hangul,
        }
    }
}
