//! `--frame-times N`: a measuring mode. Once the start screen has settled, time the next N
//! frames (wall clock, from one frame's end to the next's), print their median, 90th percentile
//! and mean, and exit. Comparing screens in one build and window (a map question against
//! Explore) shows what a screen costs to draw.

use std::time::{Duration, Instant};

use bevy::prelude::*;

use super::GameOptions;
use super::screens::Screen;

/// Frames to let pass on the start screen first: egui's first layouts and the software
/// renderer's shader compiles would dominate otherwise.
const WARM_UP_FRAMES: u32 = 60;

#[derive(Resource)]
struct FrameTimes {
    wanted: usize,
    warm_up_left: u32,
    last_frame_end: Option<Instant>,
    samples: Vec<Duration>,
}

pub(super) fn plugin(app: &mut App) {
    let Some(wanted) = app
        .world()
        .get_resource::<GameOptions>()
        .and_then(|options| options.frame_times)
    else {
        return;
    };
    app.insert_resource(FrameTimes {
        wanted: wanted.max(1) as usize,
        warm_up_left: WARM_UP_FRAMES,
        last_frame_end: None,
        samples: Vec::new(),
    })
    .add_systems(Last, time_frames);
}

fn time_frames(
    mut times: ResMut<FrameTimes>,
    screen: Res<State<Screen>>,
    mut exit: MessageWriter<AppExit>,
) {
    if *screen.get() == Screen::Loading {
        return;
    }
    if times.warm_up_left > 0 {
        times.warm_up_left -= 1;
        return;
    }
    let now = Instant::now();
    if let Some(before) = times.last_frame_end.replace(now) {
        times.samples.push(now - before);
    }
    if times.samples.len() >= times.wanted {
        let summary = summarise(&mut times.samples);
        println!("frame times on {:?}: {summary}", screen.get());
        exit.write(AppExit::Success);
    }
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
