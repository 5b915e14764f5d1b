//! Playing a script: one step at a time, each through the path a player's input takes (key and
//! mouse messages, menu actions, map gestures), the next step on the frame after. A step that
//! waits too long ends the run with an error naming it. A dataset with problems keeps the game
//! on its problems page: the script's next screenshot pictures it, and the run exits with 1.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput, NativeKey, NativeKeyCode};
use bevy::input::mouse::{MouseButton, MouseButtonInput};
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};
use bevy::window::{CursorMoved, PrimaryWindow, WindowEvent};

use super::script::{Script, ScriptLine, Step, Target, WindowPoint};
use crate::game::data::{GameData, LoadFailure};
use crate::game::map::MapScene;
use crate::game::map::pointer::MapGesture;
use crate::game::menu::{Menu, MenuAction};
use crate::game::notices::Notices;
use crate::game::options::GameOptions;
use crate::game::progress::Progress;
use crate::game::screen::Screen;
use crate::geography::{LatLon, Projection};

/// Frames a screen must stay unchanged before `wait` counts it as settled: egui lays a page out
/// over a couple of passes and the software renderer compiles its shaders in the first frames.
const SETTLE_FRAMES: u32 = 8;
/// A step still unfinished after this many frames fails the run.
const GIVE_UP_FRAMES: u32 = 1200;
/// Frames to let pass before timing: first layouts and shader compiles would dominate.
const WARM_UP_FRAMES: u32 = 60;
/// Moves a drag makes between its ends.
const DRAG_MOVES: u32 = 6;

#[derive(Resource)]
pub(super) struct ScriptRun {
    script: Script,
    /// The step being played.
    next: usize,
    /// Frames since it began.
    frames_in_step: u32,
    /// The screen now, and how many frames it has shown.
    screen: Screen,
    frames_on_screen: u32,
    /// The city data could not be loaded: the next screenshot pictures the problems, then the
    /// run ends with a failing exit code.
    load_failed: bool,
    /// A screenshot asked for and not yet saved; its outcome once saved.
    picture: Option<Result<(), String>>,
    frame_times: Vec<Duration>,
    last_frame: Option<Instant>,
    done: bool,
}

impl ScriptRun {
    pub(super) fn new(script: Script) -> Self {
        Self {
            script,
            next: 0,
            frames_in_step: 0,
            screen: Screen::Loading,
            frames_on_screen: 0,
            load_failed: false,
            picture: None,
            frame_times: Vec::new(),
            last_frame: None,
            done: false,
        }
    }

    fn current(&self) -> Option<&ScriptLine> {
        self.script.steps.get(self.next)
    }

    fn finish_step(&mut self) {
        self.next += 1;
        self.frames_in_step = 0;
        self.picture = None;
        self.frame_times.clear();
        self.last_frame = None;
    }

    fn settled_on(&self, wanted: Option<Screen>) -> bool {
        let on_wanted = match wanted {
            Some(screen) => self.screen == screen,
            None => self.screen != Screen::Loading,
        };
        on_wanted && self.frames_on_screen >= SETTLE_FRAMES
    }
}

/// What a step did this frame.
enum Progressed {
    Done,
    Waiting,
    Failed(String),
}

/// Plays the script, one frame's worth at a time.
pub(super) fn play_script(world: &mut World) {
    let Some(mut run) = world.remove_resource::<ScriptRun>() else {
        return;
    };
    advance(world, &mut run);
    world.insert_resource(run);
}

fn advance(world: &mut World, run: &mut ScriptRun) {
    if run.done {
        return;
    }
    let screen = *world.resource::<State<Screen>>().get();
    if screen != run.screen {
        run.screen = screen;
        run.frames_on_screen = 0;
    }
    run.frames_on_screen += 1;
    if !run.load_failed && world.contains_resource::<LoadFailure>() {
        run.load_failed = true;
        // Picture the problems page (it stays on the loading screen) with the next screenshot.
        let next_picture = run.script.steps[run.next..]
            .iter()
            .position(|line| matches!(line.step, Step::Screenshot(_)));
        run.next = next_picture.map_or(run.script.steps.len(), |skip| run.next + skip);
        run.frames_in_step = 0;
        run.frames_on_screen = 0;
    }
    let Some(line) = run.current().cloned() else {
        if run.load_failed {
            end(world, run, AppExit::error());
        }
        return;
    };
    run.frames_in_step += 1;
    let outcome = play_step(world, run, &line);
    match outcome {
        Progressed::Done => {
            if line.step == Step::Quit {
                return;
            }
            run.finish_step();
            if run.load_failed && run.current().is_some() {
                // Nothing else can be played without the data.
                run.next = run.script.steps.len();
            }
        }
        Progressed::Waiting if run.frames_in_step > GIVE_UP_FRAMES => {
            let problem = format!(
                "{} line {}: `{}` did not finish in {GIVE_UP_FRAMES} frames (the game is on the {} screen)",
                run.script.origin,
                line.line,
                line.text,
                run.screen.id()
            );
            fail(world, run, problem);
        }
        Progressed::Waiting => {}
        Progressed::Failed(problem) => {
            let problem = format!(
                "{} line {}: `{}`: {problem}",
                run.script.origin, line.line, line.text
            );
            fail(world, run, problem);
        }
    }
}

fn fail(world: &mut World, run: &mut ScriptRun, problem: String) {
    error!("{problem}");
    eprintln!("{problem}");
    end(world, run, AppExit::error());
}

fn end(world: &mut World, run: &mut ScriptRun, exit: AppExit) {
    run.done = true;
    world.write_message(exit);
}

fn play_step(world: &mut World, run: &mut ScriptRun, line: &ScriptLine) -> Progressed {
    let phase = run.frames_in_step - 1;
    match &line.step {
        Step::Wait(screen) => done_if(run.settled_on(*screen)),
        Step::WaitFrames(frames) => done_if(phase >= *frames),
        Step::Press(keys) => {
            for key in keys {
                send_key(world, *key, None, tap_state(phase));
            }
            done_if(phase >= 1)
        }
        Step::Type(text) => {
            for c in text.chars() {
                send_key(
                    world,
                    KeyCode::Unidentified(NativeKeyCode::Unidentified),
                    Some(c),
                    tap_state(phase),
                );
            }
            done_if(phase >= 1)
        }
        Step::Click(Target::Control(label)) => choose_menu_line(world, label),
        Step::Click(target) => {
            let at = match window_point(world, target) {
                Ok(at) => at,
                Err(problem) => return Progressed::Failed(problem),
            };
            match phase {
                0 => move_pointer(world, at),
                1 => send_button(world, ButtonState::Pressed),
                _ => {
                    send_button(world, ButtonState::Released);
                    return Progressed::Done;
                }
            }
            Progressed::Waiting
        }
        Step::Drag { from, to } => {
            match phase {
                0 => move_pointer(world, *from),
                1 => send_button(world, ButtonState::Pressed),
                n if n < 2 + DRAG_MOVES => {
                    let share = f64::from(n - 1) / f64::from(DRAG_MOVES);
                    let at = [
                        from[0] + (to[0] - from[0]) * share,
                        from[1] + (to[1] - from[1]) * share,
                    ];
                    move_pointer(world, at);
                }
                _ => {
                    send_button(world, ButtonState::Released);
                    return Progressed::Done;
                }
            }
            Progressed::Waiting
        }
        Step::Pan(by) => {
            world.write_message(MapGesture::Pan(*by));
            Progressed::Done
        }
        Step::Zoom { factor, at } => {
            let Some(scene) = world.get_resource::<MapScene>() else {
                return Progressed::Failed("no map is on screen".into());
            };
            let at = at.unwrap_or_else(|| scene.view.visible_center());
            world.write_message(MapGesture::Zoom {
                at,
                factor: *factor,
            });
            Progressed::Done
        }
        Step::Answer(answer) => {
            if run.screen != Screen::Quiz {
                return Progressed::Failed(format!(
                    "no question to answer on the {} screen",
                    run.screen.id()
                ));
            }
            world.write_message(*answer);
            Progressed::Done
        }
        Step::SampleHistory(players) => fill_sample_history(world, players),
        Step::Screenshot(path) => take_screenshot(world, run, path),
        Step::TimeFrames(frames) => time_frames(run, *frames),
        Step::Quit => {
            let exit = if run.load_failed {
                AppExit::error()
            } else {
                AppExit::Success
            };
            end(world, run, exit);
            Progressed::Done
        }
    }
}

/// A tap: the key goes down on a step's first frame and up on the next.
fn tap_state(phase: u32) -> ButtonState {
    if phase == 0 {
        ButtonState::Pressed
    } else {
        ButtonState::Released
    }
}

fn done_if(done: bool) -> Progressed {
    if done {
        Progressed::Done
    } else {
        Progressed::Waiting
    }
}

fn primary_window(world: &mut World) -> Option<Entity> {
    world
        .query_filtered::<Entity, With<PrimaryWindow>>()
        .iter(world)
        .next()
}

/// A key pressed or released, as the window would report it (with its text, when it types).
fn send_key(world: &mut World, key_code: KeyCode, text: Option<char>, state: ButtonState) {
    let window = primary_window(world).unwrap_or(Entity::PLACEHOLDER);
    let logical_key = match text {
        Some(' ') => Key::Space,
        Some(c) => Key::Character(c.to_string().into()),
        None => Key::Unidentified(NativeKey::Unidentified),
    };
    world.write_message(KeyboardInput {
        key_code,
        logical_key,
        state,
        text: text.map(|c| c.to_string().into()),
        repeat: false,
        window,
    });
}

/// The pointer moves to a window point: the window's cursor follows (the map reads it there),
/// and egui hears of it as from the window.
fn move_pointer(world: &mut World, at: WindowPoint) {
    let Some(window) = primary_window(world) else {
        return;
    };
    let position = Vec2::new(at[0] as f32, at[1] as f32);
    if let Some(mut state) = world.get_mut::<Window>(window) {
        state.set_cursor_position(Some(position));
    }
    let moved = CursorMoved {
        window,
        position,
        delta: None,
    };
    world.write_message(WindowEvent::CursorMoved(moved.clone()));
    world.write_message(moved);
}

fn send_button(world: &mut World, state: ButtonState) {
    let window = primary_window(world).unwrap_or(Entity::PLACEHOLDER);
    let input = MouseButtonInput {
        button: MouseButton::Left,
        state,
        window,
    };
    world.write_message(WindowEvent::MouseButtonInput(input));
    world.write_message(input);
}

/// Where a click on a city or a map point lands on the map now on screen.
fn window_point(world: &World, target: &Target) -> Result<WindowPoint, String> {
    let scene = || {
        world
            .get_resource::<MapScene>()
            .ok_or("no map is on screen")
    };
    let place = match target {
        Target::Window(at) => return Ok(*at),
        Target::Control(label) => return Err(format!("\"{label}\" is a menu line, not a point")),
        Target::Map { lat, lon } => LatLon {
            lat: *lat,
            lon: *lon,
        },
        // A city of the map on screen (a quiz's own cities on a quiz's map).
        Target::City(id) => {
            scene()?
                .cities
                .dataset
                .city_by_slug(id)
                .ok_or_else(|| format!("no city on this map has the id \"{id}\""))?
                .location
        }
    };
    Ok(scene()?
        .view
        .map_to_screen(Projection::NORTH_KOREA.project(place)))
}

/// The menu line whose label starts with `label`, chosen as a click on it would.
fn choose_menu_line(world: &mut World, label: &str) -> Progressed {
    let menu = world.resource::<Menu>();
    let Some(item) = menu.items.iter().find(|item| item.label.starts_with(label)) else {
        let lines: Vec<&str> = menu.items.iter().map(|item| item.label.as_str()).collect();
        return Progressed::Failed(format!(
            "no menu line reads \"{label}\"; the lines are: {}",
            if lines.is_empty() {
                "none".to_string()
            } else {
                lines.join(" | ")
            }
        ));
    };
    let action: MenuAction = item.action.clone();
    world.write_message(action);
    Progressed::Done
}

fn fill_sample_history(world: &mut World, players: &[String]) -> Progressed {
    let Some(data) = world.get_resource::<GameData>().cloned() else {
        return Progressed::Waiting;
    };
    let seed = world.resource::<GameOptions>().seed;
    let names: Vec<&str> = players.iter().map(String::as_str).collect();
    let filled = world
        .resource_mut::<Progress>()
        .fill_sample_history(&data.dataset, &names, seed);
    match filled {
        Ok(()) => Progressed::Done,
        Err(problem) => {
            world.resource_mut::<Notices>().push(problem.clone());
            Progressed::Failed(problem)
        }
    }
}

fn take_screenshot(world: &mut World, run: &mut ScriptRun, path: &Path) -> Progressed {
    match run.picture.take() {
        Some(Ok(())) => return Progressed::Done,
        Some(Err(problem)) => return Progressed::Failed(problem),
        None => {}
    }
    // A page is laid out over a few frames: picture it once it has settled (the problems page
    // the run jumped to, say).
    if run.frames_on_screen < SETTLE_FRAMES {
        run.frames_in_step = 0;
        return Progressed::Waiting;
    }
    if run.frames_in_step == 1 {
        let path: PathBuf = path.to_path_buf();
        world.spawn(Screenshot::primary_window()).observe(
            move |captured: On<ScreenshotCaptured>, mut commands: Commands| {
                let saved = save_png(&captured.image, &path);
                commands.queue(move |world: &mut World| {
                    if let Some(mut run) = world.get_resource_mut::<ScriptRun>() {
                        run.picture = Some(saved);
                    }
                });
            },
        );
    }
    Progressed::Waiting
}

fn save_png(image: &Image, path: &Path) -> Result<(), String> {
    let saved = image
        .clone()
        .try_into_dynamic()
        .map_err(|err| err.to_string())
        // Drop alpha: a window has none worth keeping, and viewers show RGB as it looked.
        .and_then(|picture| picture.to_rgb8().save(path).map_err(|err| err.to_string()));
    match saved {
        Ok(()) => {
            info!("screenshot saved to {}", path.display());
            Ok(())
        }
        Err(err) => Err(format!(
            "could not save the screenshot to {}: {err}",
            path.display()
        )),
    }
}

/// Lets the first frames pass, then times `frames` frames (wall clock, from one frame's end to
/// the next's) and prints their median, 90th percentile and mean.
fn time_frames(run: &mut ScriptRun, frames: u32) -> Progressed {
    if run.frames_in_step <= WARM_UP_FRAMES {
        return Progressed::Waiting;
    }
    let now = Instant::now();
    if let Some(before) = run.last_frame.replace(now) {
        run.frame_times.push(now - before);
    }
    if run.frame_times.len() < frames as usize {
        return Progressed::Waiting;
    }
    println!(
        "frame times on {}: {}",
        run.screen.id(),
        summarise(&mut run.frame_times)
    );
    Progressed::Done
}

/// "300 frames: median 4.10 ms, p90 4.90 ms, mean 4.25 ms".
fn summarise(samples: &mut [Duration]) -> String {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |share: f64| ms(samples[((samples.len() - 1) as f64 * share).round() as usize]);
    let mean = samples.iter().map(|&d| ms(d)).sum::<f64>() / samples.len() as f64;
    format!(
        "{} frames: median {:.2} ms, p90 {:.2} ms, mean {:.2} ms",
        samples.len(),
        at(0.5),
        at(0.9),
        mean
    )
}
