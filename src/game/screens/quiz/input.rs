//! Keys on the Quiz screen. Ordering: ↑/↓ move the cursor, Space picks a line up and puts it
//! down (↑/↓ then carry it), a number key moves the line under the cursor to that place.
//! Higher or lower: ← and →. Guessing: type the number, or ↑/↓ to step it. Enter hands in the
//! answer and, on the feedback, goes on. Escape pauses.

use bevy::prelude::*;

use super::{ActiveQuiz, QuizAction, QuizPhase};
use crate::game::AppSystems;
use crate::game::menu::{DIGIT_KEYS, KeyboardTakenByText};
use crate::game::screens::Screen;
use crate::quiz::Question;

/// One ↑/↓ step of the guess: about 10 %.
const GUESS_STEP: f64 = 1.1;

/// The keypad's digits, 0 to 9, read beside the number row's.
const KEYPAD_DIGITS: [KeyCode; 10] = [
    KeyCode::Numpad0,
    KeyCode::Numpad1,
    KeyCode::Numpad2,
    KeyCode::Numpad3,
    KeyCode::Numpad4,
    KeyCode::Numpad5,
    KeyCode::Numpad6,
    KeyCode::Numpad7,
    KeyCode::Numpad8,
    KeyCode::Numpad9,
];

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        read_quiz_keys
            .in_set(AppSystems::RecordInput)
            .run_if(in_state(Screen::Quiz).and_then(resource_exists::<ActiveQuiz>)),
    );
}

fn read_quiz_keys(
    keys: Res<ButtonInput<KeyCode>>,
    taken: Res<KeyboardTakenByText>,
    quiz: Res<ActiveQuiz>,
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
    let submit = keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]);
    if *phase.get() == QuizPhase::Feedback {
        if submit || keys.any_just_pressed([KeyCode::Space, KeyCode::ArrowRight]) {
            actions.write(QuizAction::Next);
        }
        return;
    }
    let digit = (0..10u8).find(|&d| {
        keys.just_pressed(DIGIT_KEYS[usize::from(d)])
            || keys.just_pressed(KEYPAD_DIGITS[usize::from(d)])
    });
    match quiz.session.current() {
        Some(Question::OrderByPopulation { .. }) => {
            if keys.just_pressed(KeyCode::ArrowUp) {
                actions.write(QuizAction::MoveCursor(-1));
            }
            if keys.just_pressed(KeyCode::ArrowDown) {
                actions.write(QuizAction::MoveCursor(1));
            }
            if keys.just_pressed(KeyCode::Space) {
                actions.write(QuizAction::ToggleGrab);
            }
            if let Some(place) = digit.filter(|&d| d >= 1) {
                actions.write(QuizAction::MoveLine {
                    from: quiz.cursor,
                    to: usize::from(place - 1),
                });
            }
        }
        Some(Question::HigherOrLower { left, right, .. }) => {
            if keys.just_pressed(KeyCode::ArrowLeft) {
                actions.write(QuizAction::Pick(*left));
            }
            if keys.just_pressed(KeyCode::ArrowRight) {
                actions.write(QuizAction::Pick(*right));
            }
        }
        Some(Question::GuessPopulation { .. }) => {
            if let Some(digit) = digit {
                actions.write(QuizAction::TypeDigit(digit));
            }
            if keys.just_pressed(KeyCode::Backspace) {
                actions.write(QuizAction::DeleteDigit);
            }
            let stepped = |factor: f64| {
                let now = quiz.typed.parse::<u32>().unwrap_or(quiz.guess).max(1);
                QuizAction::SetGuess(
                    (f64::from(now) * factor).round().min(f64::from(u32::MAX)) as u32
                )
            };
            if keys.just_pressed(KeyCode::ArrowUp) {
                actions.write(stepped(GUESS_STEP));
            }
            if keys.just_pressed(KeyCode::ArrowDown) {
                actions.write(stepped(1.0 / GUESS_STEP));
            }
        }
        None => {}
    }
    if submit && !matches!(quiz.session.current(), Some(Question::HigherOrLower { .. })) {
        actions.write(QuizAction::Submit);
    }
}
