//! The automation script: plain steps, one per line (or separated by `;`), that the game plays
//! by itself as a player would, through the same keys, clicks and menus. The end-to-end check,
//! the frame-time measurements and every screenshot in the README are such scripts.
//!
//! ```text
//! # A comment. Steps:
//! wait                      until the screen has stayed the same for a few frames
//! wait quiz                 until this screen shows, and has settled
//! wait 30 frames            let 30 frames pass
//! press Enter               tap a key; Shift+Tab holds Shift while tapping Tab
//! type Hamhung              type text into the focused field (click into it first)
//! click "Scores"            choose the menu line that reads so (its start is enough)
//! click 640 360             a left click at a window point (logical pixels from top-left)
//! click city hamhung        a click on a city of the map on screen
//! click map 39.9 127.5      a click at a latitude and longitude on the map on screen
//! drag 600 300 to 700 350   drag with the left button held
//! pan 120 -40               move the map on screen by pixels
//! zoom 2                    zoom the map on screen (around its middle, or `at X Y`)
//! answer right              hand in the right answer (or `near-miss`, `wrong`)
//! sample-history Mina Jun   fill the progress with these players' two weeks of quizzes
//! screenshot shot.png       save a picture of the window
//! time 300 frames           time the next 300 frames and print the median, p90 and mean
//! quit                      end the run
//! ```

use std::path::PathBuf;

use bevy::prelude::KeyCode;

use crate::game::keys::{ALPHABET, DIGIT_KEYS};
use crate::game::messages::HandIn;
use crate::game::screen::Screen;

/// A point in the window, in logical pixels from the top-left corner.
pub type WindowPoint = [f64; 2];

/// Where a click lands.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    Window(WindowPoint),
    /// A city of the map on screen, by id.
    City(String),
    /// A latitude and longitude on the map on screen.
    Map {
        lat: f64,
        lon: f64,
    },
    /// The menu line whose label starts with this text.
    Control(String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Until this screen (or, with `None`, whichever shows) has stayed for a few frames.
    Wait(Option<Screen>),
    WaitFrames(u32),
    /// Hold the first keys while tapping the last.
    Press(Vec<KeyCode>),
    Type(String),
    Click(Target),
    Drag {
        from: WindowPoint,
        to: WindowPoint,
    },
    Pan([f64; 2]),
    Zoom {
        factor: f64,
        at: Option<WindowPoint>,
    },
    Answer(HandIn),
    SampleHistory(Vec<String>),
    Screenshot(PathBuf),
    TimeFrames(u32),
    Quit,
}

/// A step and the line it was written on (1-based), for messages.
#[derive(Clone, Debug, PartialEq)]
pub struct ScriptLine {
    pub line: usize,
    pub text: String,
    pub step: Step,
}

/// A whole script, parsed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Script {
    /// Where it came from (a file name, or "--steps").
    pub origin: String,
    pub steps: Vec<ScriptLine>,
}

/// What is wrong with a script, where, and what to write instead.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{origin}:{line}:{column}: {problem}; {fix}")]
pub struct ScriptError {
    pub origin: String,
    pub line: usize,
    pub column: usize,
    pub problem: String,
    pub fix: String,
}

impl Script {
    /// The steps of `text`: one per line, or several on a line separated by `;`. `origin`
    /// names the script in errors.
    pub fn parse(origin: &str, text: &str) -> Result<Script, ScriptError> {
        let mut steps = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let mut column = 1;
            for part in line.split(';') {
                let leading = part.len() - part.trim_start().len();
                let step_text = part.trim();
                if !step_text.is_empty() && !step_text.starts_with('#') {
                    let error = |at: usize, problem: String, fix: &str| ScriptError {
                        origin: origin.to_string(),
                        line: index + 1,
                        column: column + leading + at,
                        problem,
                        fix: fix.to_string(),
                    };
                    let step = parse_step(step_text)
                        .map_err(|(at, problem, fix)| error(at, problem, fix))?;
                    steps.push(ScriptLine {
                        line: index + 1,
                        text: step_text.to_string(),
                        step,
                    });
                }
                column += part.len() + 1;
            }
        }
        Ok(Script {
            origin: origin.to_string(),
            steps,
        })
    }

    /// `--screenshot FILE`: wait for the start screen to settle, picture it, quit.
    pub fn screenshot_of_start(path: PathBuf) -> Script {
        let steps = [Step::Wait(None), Step::Screenshot(path), Step::Quit];
        Script {
            origin: "--screenshot".into(),
            steps: steps
                .into_iter()
                .map(|step| ScriptLine {
                    line: 1,
                    text: format!("{step:?}"),
                    step,
                })
                .collect(),
        }
    }

    /// The same steps, then these.
    pub fn then(mut self, more: Script) -> Script {
        self.steps.extend(more.steps);
        self
    }
}

/// A parse problem: the byte offset in the step, what is wrong, what to write.
type StepError = (usize, String, &'static str);

fn parse_step(text: &str) -> Result<Step, StepError> {
    let words: Vec<(usize, &str)> = words_with_offsets(text);
    let (_, verb) = words[0];
    let args = &words[1..];
    let number = |at: usize, fix: &'static str| -> Result<f64, StepError> {
        let (offset, word) =
            args.get(at)
                .copied()
                .ok_or((text.len(), "a number is missing".to_string(), fix))?;
        word.parse::<f64>()
            .map_err(|_| (offset, format!("\"{word}\" is not a number"), fix))
    };
    let point = |from: usize, fix: &'static str| -> Result<WindowPoint, StepError> {
        Ok([number(from, fix)?, number(from + 1, fix)?])
    };
    let expect_end = |after: usize, fix: &'static str| -> Result<(), StepError> {
        match args.get(after) {
            Some((offset, word)) => Err((*offset, format!("\"{word}\" is one word too many"), fix)),
            None => Ok(()),
        }
    };
    match verb {
        "wait" => match args {
            [] => Ok(Step::Wait(None)),
            [(_, count), (_, "frames" | "frame")] => {
                let frames = count
                    .parse()
                    .map_err(|_| (args[0].0, format!("\"{count}\" is not a number of frames"), "write e.g. `wait 30 frames`"))?;
                Ok(Step::WaitFrames(frames))
            }
            [(offset, name)] => Screen::from_id(name).map(|screen| Step::Wait(Some(screen))).ok_or((
                *offset,
                format!("there is no screen \"{name}\""),
                "write one of title, play, quiz, results, flashcards, explore, scores, mastery, players, settings, credits",
            )),
            [_, (offset, word), ..] => Err((*offset, format!("\"{word}\" is not understood here"), "write `wait`, `wait SCREEN` or `wait N frames`")),
        },
        "press" => {
            let fix = "write a key such as Enter, Space, Escape, Tab, Up, Down, Left, Right, A to Z or 0 to 9; Shift+Tab holds Shift";
            let (offset, keys) = args.first().copied().ok_or((text.len(), "the key is missing".to_string(), fix))?;
            expect_end(1, fix)?;
            let mut codes = Vec::new();
            let mut at = offset;
            for name in keys.split('+') {
                codes.push(key_code(name).ok_or((at, format!("there is no key \"{name}\""), fix))?);
                at += name.len() + 1;
            }
            Ok(Step::Press(codes))
        }
        "type" => {
            let rest = text["type".len()..].trim();
            if rest.is_empty() {
                return Err((text.len(), "the text to type is missing".into(), "write e.g. `type Hamhung`"));
            }
            Ok(Step::Type(rest.to_string()))
        }
        "click" => {
            let fix = "write `click \"Menu line\"`, `click X Y`, `click city ID` or `click map LAT LON`";
            let rest = text["click".len()..].trim();
            if let Some(quoted) = rest.strip_prefix('"') {
                let label = quoted
                    .strip_suffix('"')
                    .ok_or((text.len(), "the label has no closing quote".to_string(), fix))?;
                return Ok(Step::Click(Target::Control(label.to_string())));
            }
            match args.first().map(|(_, word)| *word) {
                Some("city") => {
                    let (_, id) = args.get(1).copied().ok_or((text.len(), "the city's id is missing".to_string(), "write e.g. `click city hamhung`"))?;
                    expect_end(2, fix)?;
                    Ok(Step::Click(Target::City(id.to_string())))
                }
                Some("map") => {
                    let (lat, lon) = (number(1, fix)?, number(2, fix)?);
                    expect_end(3, fix)?;
                    Ok(Step::Click(Target::Map { lat, lon }))
                }
                _ => {
                    let at = point(0, fix)?;
                    expect_end(2, fix)?;
                    Ok(Step::Click(Target::Window(at)))
                }
            }
        }
        "drag" => {
            let fix = "write `drag X Y to X Y`";
            let from = point(0, fix)?;
            match args.get(2) {
                Some((_, "to")) => {}
                Some((offset, word)) => return Err((*offset, format!("\"{word}\" should be `to`"), fix)),
                None => return Err((text.len(), "where the drag ends is missing".into(), fix)),
            }
            let to = point(3, fix)?;
            expect_end(5, fix)?;
            Ok(Step::Drag { from, to })
        }
        "pan" => {
            let fix = "write `pan DX DY` in pixels, e.g. `pan 120 -40`";
            let by = point(0, fix)?;
            expect_end(2, fix)?;
            Ok(Step::Pan(by))
        }
        "zoom" => {
            let fix = "write `zoom FACTOR` or `zoom FACTOR at X Y`, e.g. `zoom 2`";
            let factor = number(0, fix)?;
            if factor <= 0.0 {
                return Err((args[0].0, "a zoom factor is more than 0".into(), fix));
            }
            let at = match args.get(1) {
                None => None,
                Some((_, "at")) => {
                    let at = point(2, fix)?;
                    expect_end(4, fix)?;
                    Some(at)
                }
                Some((offset, word)) => return Err((*offset, format!("\"{word}\" should be `at`"), fix)),
            };
            Ok(Step::Zoom { factor, at })
        }
        "answer" => {
            let fix = "write `answer right`, `answer near-miss` or `answer wrong`";
            let answer = match args.first() {
                Some((_, "right")) => HandIn::Right,
                Some((_, "near-miss")) => HandIn::NearMiss,
                Some((_, "wrong")) => HandIn::Wrong,
                Some((offset, word)) => return Err((*offset, format!("\"{word}\" is not an answer"), fix)),
                None => return Err((text.len(), "which answer is missing".into(), fix)),
            };
            expect_end(1, fix)?;
            Ok(Step::Answer(answer))
        }
        "sample-history" => {
            let players: Vec<String> = args.iter().map(|(_, name)| name.to_string()).collect();
            if players.is_empty() {
                return Err((text.len(), "the players are missing".into(), "write e.g. `sample-history Mina Jun`"));
            }
            Ok(Step::SampleHistory(players))
        }
        "screenshot" => {
            let fix = "write `screenshot FILE.png`";
            let (offset, file) = args.first().copied().ok_or((text.len(), "the file is missing".to_string(), fix))?;
            expect_end(1, fix)?;
            if !file.to_ascii_lowercase().ends_with(".png") {
                return Err((offset, format!("\"{file}\" is not a .png file"), fix));
            }
            Ok(Step::Screenshot(PathBuf::from(file)))
        }
        "time" => {
            let fix = "write `time N frames`, e.g. `time 300 frames`";
            match args {
                [(offset, count), (_, "frames")] => count
                    .parse::<u32>()
                    .ok()
                    .filter(|&n| n > 0)
                    .map(Step::TimeFrames)
                    .ok_or((*offset, format!("\"{count}\" is not a number of frames"), fix)),
                _ => Err((args.first().map_or(text.len(), |(o, _)| *o), "this is not `time N frames`".into(), fix)),
            }
        }
        "quit" => {
            expect_end(0, "write `quit` alone")?;
            Ok(Step::Quit)
        }
        other => Err((
            0,
            format!("\"{other}\" is not a step"),
            "write one of wait, press, type, click, drag, pan, zoom, answer, sample-history, screenshot, time, quit",
        )),
    }
}

/// The words of a step with their byte offsets.
fn words_with_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(from)) => {
                words.push((from, &text[from..at]));
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    if let Some(from) = start {
        words.push((from, &text[from..]));
    }
    words
}

/// The key a name stands for (any case): Enter, Space, Escape, Tab, Backspace, the arrows (Up
/// or ArrowUp), Home, End, Shift, Ctrl, Alt, Plus, Minus, A–Z and 0–9.
pub fn key_code(name: &str) -> Option<KeyCode> {
    let lower = name.to_ascii_lowercase();
    let single = |table: &[KeyCode], first: u8| {
        let byte = *lower.as_bytes().first()?;
        table.get(usize::from(byte.checked_sub(first)?)).copied()
    };
    let code = match lower.as_str() {
        "enter" | "return" => KeyCode::Enter,
        "space" => KeyCode::Space,
        "escape" | "esc" => KeyCode::Escape,
        "tab" => KeyCode::Tab,
        "backspace" => KeyCode::Backspace,
        "up" | "arrowup" => KeyCode::ArrowUp,
        "down" | "arrowdown" => KeyCode::ArrowDown,
        "left" | "arrowleft" => KeyCode::ArrowLeft,
        "right" | "arrowright" => KeyCode::ArrowRight,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "shift" => KeyCode::ShiftLeft,
        "ctrl" | "control" => KeyCode::ControlLeft,
        "alt" => KeyCode::AltLeft,
        "plus" | "equal" => KeyCode::Equal,
        "minus" => KeyCode::Minus,
        _ if lower.len() == 1 && lower.as_bytes()[0].is_ascii_lowercase() => {
            single(&ALPHABET, b'a')?
        }
        _ if lower.len() == 1 && lower.as_bytes()[0].is_ascii_digit() => single(&DIGIT_KEYS, b'0')?,
        _ => return None,
    };
    Some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(text: &str) -> Vec<Step> {
        Script::parse("test", text)
            .unwrap()
            .steps
            .into_iter()
            .map(|line| line.step)
            .collect()
    }

    #[test]
    fn every_step_parses() {
        let parsed = steps(
            "# a comment\nwait; wait quiz; wait 3 frames\npress Shift+Tab\ntype Hamhŭng 2\n\
             click \"Quick play\"; click 640 360; click city nampo; click map 39.0 125.7\n\
             drag 1 2 to 3 4; pan 10 -5; zoom 2; zoom 0.5 at 100 200\n\
             answer near-miss; sample-history Mina Jun; screenshot a.PNG; time 30 frames; quit",
        );
        assert_eq!(
            parsed,
            vec![
                Step::Wait(None),
                Step::Wait(Some(Screen::Quiz)),
                Step::WaitFrames(3),
                Step::Press(vec![KeyCode::ShiftLeft, KeyCode::Tab]),
                Step::Type("Hamhŭng 2".into()),
                Step::Click(Target::Control("Quick play".into())),
                Step::Click(Target::Window([640.0, 360.0])),
                Step::Click(Target::City("nampo".into())),
                Step::Click(Target::Map {
                    lat: 39.0,
                    lon: 125.7
                }),
                Step::Drag {
                    from: [1.0, 2.0],
                    to: [3.0, 4.0]
                },
                Step::Pan([10.0, -5.0]),
                Step::Zoom {
                    factor: 2.0,
                    at: None
                },
                Step::Zoom {
                    factor: 0.5,
                    at: Some([100.0, 200.0])
                },
                Step::Answer(HandIn::NearMiss),
                Step::SampleHistory(vec!["Mina".into(), "Jun".into()]),
                Step::Screenshot(PathBuf::from("a.PNG")),
                Step::TimeFrames(30),
                Step::Quit,
            ]
        );
    }

    #[test]
    fn a_mistake_names_line_column_and_the_fix() {
        let err = Script::parse("e2e.steps", "wait title\npress Enter; press Entr").unwrap_err();
        assert_eq!((err.line, err.column), (2, 20));
        assert!(err.problem.contains("no key \"Entr\""), "{err}");
        assert!(err.fix.contains("Enter, Space"), "{err}");
        assert!(err.to_string().starts_with("e2e.steps:2:20: "), "{err}");

        let err = Script::parse("s", "wait nowhere").unwrap_err();
        assert_eq!(err.column, 6);
        assert!(err.fix.contains("title, play, quiz"), "{err}");
        let err = Script::parse("s", "jump 3").unwrap_err();
        assert!(err.problem.contains("\"jump\" is not a step"), "{err}");
        let err = Script::parse("s", "click 10").unwrap_err();
        assert!(err.problem.contains("missing"), "{err}");
        let err = Script::parse("s", "screenshot shot.jpg").unwrap_err();
        assert!(err.problem.contains("not a .png"), "{err}");
    }

    #[test]
    fn keys_are_named_in_any_case() {
        assert_eq!(key_code("ENTER"), Some(KeyCode::Enter));
        assert_eq!(key_code("a"), Some(KeyCode::KeyA));
        assert_eq!(key_code("Z"), Some(KeyCode::KeyZ));
        assert_eq!(key_code("7"), Some(KeyCode::Digit7));
        assert_eq!(key_code("F13"), None);
    }
}
