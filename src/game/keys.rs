//! Keys by position, for lists a player chooses from by number or letter.

use bevy::prelude::KeyCode;

/// The digit keys 0 to 9, in order (the number row; the keypad is read beside them).
pub const DIGIT_KEYS: [KeyCode; 10] = [
    KeyCode::Digit0,
    KeyCode::Digit1,
    KeyCode::Digit2,
    KeyCode::Digit3,
    KeyCode::Digit4,
    KeyCode::Digit5,
    KeyCode::Digit6,
    KeyCode::Digit7,
    KeyCode::Digit8,
    KeyCode::Digit9,
];

/// The letter keys A to Z, in order.
pub const ALPHABET: [KeyCode; 26] = [
    KeyCode::KeyA,
    KeyCode::KeyB,
    KeyCode::KeyC,
    KeyCode::KeyD,
    KeyCode::KeyE,
    KeyCode::KeyF,
    KeyCode::KeyG,
    KeyCode::KeyH,
    KeyCode::KeyI,
    KeyCode::KeyJ,
    KeyCode::KeyK,
    KeyCode::KeyL,
    KeyCode::KeyM,
    KeyCode::KeyN,
    KeyCode::KeyO,
    KeyCode::KeyP,
    KeyCode::KeyQ,
    KeyCode::KeyR,
    KeyCode::KeyS,
    KeyCode::KeyT,
    KeyCode::KeyU,
    KeyCode::KeyV,
    KeyCode::KeyW,
    KeyCode::KeyX,
    KeyCode::KeyY,
    KeyCode::KeyZ,
];

/// The letter keys A to H, for lists labelled by letter (the match board's facts).
pub const LETTER_KEYS: [KeyCode; 8] = [
    ALPHABET[0],
    ALPHABET[1],
    ALPHABET[2],
    ALPHABET[3],
    ALPHABET[4],
    ALPHABET[5],
    ALPHABET[6],
    ALPHABET[7],
];
