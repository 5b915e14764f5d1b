//! Keys every question shares: Escape pauses, Enter checks the answer and, on the feedback,
//! goes on (Space and → too). The keys of each kind (move a line, type a digit, choose left or
//! right) are read by that kind's panel in `kinds`.

use bevy::prelude::*;

use super::active::{ActiveQuiz, QuizAction, QuizPhase};
use super::kinds::kind_keys;
use crate::game::data::GameData;
use crate::game::menu::KeyboardTakenByText;
use crate::game::screen::Screen;
use crate::game::systems::AppSystems;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        read_quiz_keys.in_set(AppSystems::RecordInput).run_if(
            in_state(Screen::Quiz)
                .and_then(resource_exists::<ActiveQuiz>)
                .and_then(resource_exists::<GameData>),
        ),
    );
}

fn read_quiz_keys(
    keys: Res<ButtonInput<KeyCode>>,
    taken: Res<KeyboardTakenByText>,
    quiz: Res<ActiveQuiz>,
    data: Res<GameData>,
    phase: Res<State<QuizPhase>>,
    mut actions: MessageWriter<QuizAction>,
) {
    if keys.just_pressed(KeyCode::Escape) {
        actions.write(QuizAction::Pause);
        return;
    }
    if quiz.paused || taken.0 {
        return;
    }
    let enter = keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]);
    if *phase.get() == QuizPhase::Feedback {
        if enter || keys.any_just_pressed([KeyCode::Space, KeyCode::ArrowRight]) {
            actions.write(QuizAction::Next);
        }
        return;
    }
    if let (Some(question), Some(draft)) = (quiz.session.current(), &quiz.draft) {
        actions.write_batch(kind_keys(&keys, question, draft, &quiz, &data));
    }
    if enter {
        actions.write(QuizAction::Submit);
    }
}
