//! The shared map during a quiz. A map question is asked on an interactive map that shows only
//! the markers the question allows (none for "where is", so no marker gives the answer away);
//! its feedback, and every ranking feedback, shows the cities answered about beside the
//! figures. Wheel and drag move the question's map; a click goes to the question's kind.

use bevy::prelude::*;

use super::active::{ActiveQuiz, QuizAction, QuizPhase};
use super::kinds::{self, map_click};
use crate::game::data::GameData;
use crate::game::map::MapScene;
use crate::game::map::pointer::{MapGesture, MapInput};
use crate::game::screen::Screen;
use crate::game::systems::AppSystems;
use crate::map_view::MapView;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(QuizPhase::Asking), show_question_map)
        .add_systems(OnEnter(QuizPhase::Feedback), show_answer_map)
        .add_systems(OnExit(Screen::Quiz), hide_map)
        .add_systems(
            Update,
            apply_map_gestures
                .in_set(AppSystems::RecordInput)
                .after(MapInput)
                .run_if(
                    in_state(QuizPhase::Asking)
                        .and_then(resource_exists::<ActiveQuiz>)
                        .and_then(resource_exists::<MapScene>),
                ),
        );
}

/// Where the map goes in a 1280×720 window until the panels have laid themselves out.
const FIRST_MAP_RECT: [f64; 4] = [420.0, 64.0, 1280.0, 680.0];

/// The scene a question is asked on, or `None` for a question without a map.
fn question_scene(quiz: &ActiveQuiz, data: &GameData) -> Option<MapScene> {
    let question = quiz.session.current()?;
    let (markers, emphasis) = kinds::map_markers(question, quiz)?;
    Some(MapScene {
        cities: quiz.cities.clone(),
        view: MapView::fit_in_rect(data.country_bounds(), [1280.0, 720.0], FIRST_MAP_RECT),
        emphasis,
        interactive: true,
        markers: Some(markers),
    })
}

fn show_question_map(mut commands: Commands, quiz: Option<Res<ActiveQuiz>>, data: Res<GameData>) {
    match quiz.and_then(|quiz| question_scene(&quiz, &data)) {
        Some(scene) => commands.insert_resource(scene),
        None => commands.remove_resource::<MapScene>(),
    }
}

/// The feedback shows the cities just answered about on the shared map, beside the text (the
/// panel fits the view into the room it leaves). A map kind shows only those cities' markers.
fn show_answer_map(mut commands: Commands, quiz: Option<Res<ActiveQuiz>>, data: Res<GameData>) {
    let Some(quiz) = quiz else {
        return;
    };
    let Some(grade) = quiz.last_grade.as_ref() else {
        return;
    };
    let cities = quiz.cities.city_ids(&grade.feedback.cities());
    let on_map = grade.feedback.is_on_map();
    commands.insert_resource(MapScene {
        cities: quiz.cities.clone(),
        view: MapView::fit_in_rect(
            data.country_bounds(),
            [1280.0, 720.0],
            if on_map {
                FIRST_MAP_RECT
            } else {
                FEEDBACK_MAP_RECT
            },
        ),
        emphasis: cities.clone(),
        interactive: false,
        markers: on_map.then_some(cities),
    });
}

/// Where the feedback's map goes in a 1280×720 window until the panel has laid itself out.
const FEEDBACK_MAP_RECT: [f64; 4] = [720.0, 64.0, 1280.0, 680.0];

fn hide_map(mut commands: Commands) {
    commands.remove_resource::<MapScene>();
}

/// Wheel and drag move the question's map (it stops fitting itself to the window); a click is
/// the kind's to read.
fn apply_map_gestures(
    mut gestures: MessageReader<MapGesture>,
    mut quiz: ResMut<ActiveQuiz>,
    mut scene: ResMut<MapScene>,
    data: Res<GameData>,
    mut actions: MessageWriter<QuizAction>,
) {
    for gesture in gestures.read() {
        if quiz.paused {
            continue;
        }
        match *gesture {
            MapGesture::Zoom { at, factor } => {
                scene.view.zoom_at(at, factor);
                quiz.map_moved = true;
            }
            MapGesture::Pan(delta) => {
                scene.view.pan_pixels(delta);
                quiz.map_moved = true;
            }
            MapGesture::Click(at) => {
                actions.write_batch(map_click(&quiz, at, &scene, &data));
            }
        }
    }
}
