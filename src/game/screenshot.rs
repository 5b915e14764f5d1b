//! `--screenshot FILE.png`: save the first settled frame of the start screen, then exit. Used by
//! the end-to-end script and for the README's pictures. A dataset with problems is pictured on
//! its problems page, and the run exits with code 1.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};

use super::GameOptions;
use super::data::LoadFailure;
use super::screens::Screen;

/// Frames to wait on the start screen before the picture: egui lays a page out over a couple of
/// passes and the software renderer compiles its shaders during the first frames.
const SETTLE_FRAMES: u32 = 8;
/// Give up (and fail) if no picture came after this many frames.
const GIVE_UP_FRAMES: u32 = 1200;

#[derive(Resource)]
struct ScreenshotRun {
    path: PathBuf,
    /// The screen being waited on, and how many frames it has shown unchanged.
    screen: Screen,
    frames_on_screen: u32,
    frames_total: u32,
    requested: bool,
}

pub(super) fn plugin(app: &mut App) {
    let Some(path) = app
        .world()
        .get_resource::<GameOptions>()
        .and_then(|options| options.screenshot.clone())
    else {
        return;
    };
    app.insert_resource(ScreenshotRun {
        path,
        screen: Screen::Loading,
        frames_on_screen: 0,
        frames_total: 0,
        requested: false,
    })
    .add_systems(Last, take_screenshot_when_settled);
}

fn take_screenshot_when_settled(
    mut commands: Commands,
    mut run: ResMut<ScreenshotRun>,
    screen: Res<State<Screen>>,
    load_failure: Option<Res<LoadFailure>>,
    mut exit: MessageWriter<AppExit>,
) {
    run.frames_total += 1;
    if run.frames_total > GIVE_UP_FRAMES {
        error!("no screenshot after {GIVE_UP_FRAMES} frames; giving up");
        exit.write(AppExit::error());
        return;
    }
    // The start screen may hand over to another (a finished demo quiz shows its results):
    // wait until the screen has stayed the same for a while, wherever that is.
    if *screen.get() != run.screen {
        run.screen = *screen.get();
        run.frames_on_screen = 0;
    }
    // A dataset with problems keeps the game on the loading screen, listing them: that page is
    // the picture, and the run fails so that no script takes it for a game that started.
    let failed_to_load = load_failure.is_some();
    if run.requested || (run.screen == Screen::Loading && !failed_to_load) {
        return;
    }
    run.frames_on_screen += 1;
    if run.frames_on_screen < SETTLE_FRAMES {
        return;
    }
    run.requested = true;
    let path = run.path.clone();
    commands.spawn(Screenshot::primary_window()).observe(
        move |captured: On<ScreenshotCaptured>, mut exit: MessageWriter<AppExit>| {
            let saved = save_png(&captured.image, &path);
            exit.write(if failed_to_load {
                AppExit::error()
            } else {
                saved
            });
        },
    );
}

fn save_png(image: &Image, path: &PathBuf) -> AppExit {
    let saved = image
        .clone()
        .try_into_dynamic()
        .map_err(|err| err.to_string())
        // Drop alpha: a window has none worth keeping, and viewers show RGB as it looked.
        .and_then(|picture| picture.to_rgb8().save(path).map_err(|err| err.to_string()));
    match saved {
        Ok(()) => {
            info!("screenshot saved to {}", path.display());
            AppExit::Success
        }
        Err(err) => {
            error!("could not save the screenshot to {}: {err}", path.display());
            AppExit::error()
        }
    }
}
