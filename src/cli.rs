//! The command line: what `cityquiz --help` documents.

use std::path::PathBuf;

use clap::Parser;

use crate::game::Screen;
use crate::settings::Theme;

/// cityquiz: learn the cities of North Korea by quiz, map and flashcard.
#[derive(Debug, Clone, Parser, PartialEq)]
#[command(version, about, long_about = None)]
pub struct Cli {
    /// Seed for every random choice, so a quiz can be played again question for question.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,

    /// Folder where settings, scores and progress are kept
    /// [default: the platform's data folder, e.g. ~/.local/share/cityquiz].
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Open this screen directly instead of the title screen (case does not matter).
    #[arg(long, value_name = "NAME", ignore_case = true)]
    pub screen: Option<Screen>,

    /// Use this theme for this run, without changing the saved setting.
    #[arg(long, value_name = "THEME", ignore_case = true)]
    pub theme: Option<ThemeArg>,

    /// Save a screenshot of the first settled frame to FILE.png, then exit.
    #[arg(long, value_name = "FILE.png", value_parser = parse_png_path)]
    pub screenshot: Option<PathBuf>,

    /// Use this city dataset (TOML, in the format of assets/data/cities.toml) instead of the
    /// built-in one.
    #[arg(long, value_name = "FILE")]
    pub dataset: Option<PathBuf>,

    /// Explore screen: open this city's card and centre the map on it (an id such as `nampo`).
    #[arg(long, value_name = "CITY")]
    pub city: Option<String>,

    /// Explore screen: zoom in by this factor from the whole country (1 to 200).
    #[arg(long, value_name = "FACTOR", value_parser = parse_zoom)]
    pub zoom: Option<f64>,

    /// Explore screen: show city names in Hangul as well.
    #[arg(long)]
    pub hangul: bool,

    /// For screenshots: on the Quiz screen, answer the first N questions (right and wrong in
    /// turn) and show the last feedback, or the results when all are answered.
    #[arg(long, value_name = "N", hide = true)]
    pub demo_answers: Option<usize>,

    /// For screenshots: on an ordering question, pick up the first line and carry it down one.
    #[arg(long, hide = true)]
    pub demo_carry: bool,

    /// Window size as WIDTHxHEIGHT in pixels, e.g. 960x600.
    #[arg(long, value_name = "WxH", value_parser = parse_window_size, default_value = "1280x720")]
    pub window_size: (u32, u32),
}

/// `--theme` values (a separate type so the core `Theme` carries no clap derive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeArg {
    Light,
    Dark,
}

impl From<ThemeArg> for Theme {
    fn from(arg: ThemeArg) -> Theme {
        match arg {
            ThemeArg::Light => Theme::Light,
            ThemeArg::Dark => Theme::Dark,
        }
    }
}

fn parse_png_path(text: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(text);
    let is_png = path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("png"));
    if is_png {
        Ok(path)
    } else {
        Err(format!(
            "the screenshot is saved as PNG: give a file name ending in .png, e.g. {}.png",
            text.trim_end_matches('.')
        ))
    }
}

fn parse_zoom(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(zoom) if (1.0..=200.0).contains(&zoom) => Ok(zoom),
        _ => Err("write a zoom factor from 1 (the whole country) to 200, e.g. 6".into()),
    }
}

fn parse_window_size(text: &str) -> Result<(u32, u32), String> {
    let parsed = text
        .split_once(['x', 'X'])
        .and_then(|(w, h)| Some((w.trim().parse::<u32>().ok()?, h.trim().parse::<u32>().ok()?)));
    match parsed {
        Some((w, h)) if (320..=16384).contains(&w) && (240..=16384).contains(&h) => Ok((w, h)),
        _ => Err("write WIDTHxHEIGHT with each side from 320x240 to 16384, e.g. 1280x720".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::error::ErrorKind;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("cityquiz").chain(args.iter().copied()))
    }

    #[test]
    fn no_arguments_start_the_game_on_defaults() {
        let cli = parse(&[]).unwrap();
        assert_eq!(cli.screen, None);
        assert_eq!(cli.seed, None);
        assert_eq!(cli.window_size, (1280, 720));
    }

    #[test]
    fn screen_names_ignore_case() {
        assert_eq!(
            parse(&["--screen", "EXPLORE"]).unwrap().screen,
            Some(Screen::Explore)
        );
        assert_eq!(
            parse(&["--screen", "title"]).unwrap().screen,
            Some(Screen::Title)
        );
    }

    #[test]
    fn every_option_parses() {
        let cli = parse(&[
            "--seed",
            "42",
            "--data-dir",
            "/tmp/x",
            "--theme",
            "Dark",
            "--screenshot",
            "shot.PNG",
            "--window-size",
            "960x600",
        ])
        .unwrap();
        assert_eq!(cli.seed, Some(42));
        assert_eq!(cli.data_dir, Some(PathBuf::from("/tmp/x")));
        assert_eq!(cli.theme, Some(ThemeArg::Dark));
        assert_eq!(cli.screenshot, Some(PathBuf::from("shot.PNG")));
        assert_eq!(cli.window_size, (960, 600));
    }

    #[test]
    fn bad_values_are_usage_errors_with_a_fix() {
        let err = parse(&["--screen", "nowhere"]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidValue);
        assert!(err.to_string().contains("explore"), "{err}");

        let err = parse(&["--seed", "-3"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);

        let err = parse(&["--screenshot", "shot.jpg"]).unwrap_err();
        assert!(err.to_string().contains("ending in .png"), "{err}");

        let err = parse(&["--window-size", "big"]).unwrap_err();
        assert!(err.to_string().contains("WIDTHxHEIGHT"), "{err}");

        let err = parse(&["--zoom", "0.5"]).unwrap_err();
        assert!(err.to_string().contains("zoom factor from 1"), "{err}");

        let err = parse(&["--frobnicate"]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnknownArgument);
        assert_eq!(err.exit_code(), 2);
    }
}
