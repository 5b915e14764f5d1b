//! The command line: what `cityquiz --help` documents. Plain clap types that parse into core
//! values; the game layer reads them, they never name a game type.

use std::ffi::OsStr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::export::ExportRows;
use crate::settings::Theme;

/// cityquiz: learn the cities of North Korea by quiz, map and flashcard.
///
/// With no subcommand it plays (the options below are `play`'s).
#[derive(Debug, Clone, Parser, PartialEq)]
#[command(version, about, long_about = None, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub play: PlayArgs,

    /// Folder where settings, scores and progress are kept, before or after any subcommand
    /// [default: the platform's data folder, e.g. ~/.local/share/cityquiz].
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,
}

impl Cli {
    /// Parses the command line (`std::env::args_os()` in the binary). `--data-dir` is accepted
    /// before a subcommand as well as after it: clap alone would take it for a game option,
    /// which a subcommand excludes, so it is moved behind the subcommand's name first.
    pub fn try_parse_args<I, T>(args: I) -> Result<Cli, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString>,
    {
        use clap::CommandFactory;
        let mut args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
        let command = Cli::command();
        let is_subcommand = |arg: &std::ffi::OsString| {
            command
                .get_subcommands()
                .any(|sub| arg.to_str() == Some(sub.get_name()))
        };
        if let Some(mut sub) = args.iter().skip(1).position(is_subcommand).map(|at| at + 1) {
            let mut moved = Vec::new();
            let mut at = 1;
            while at < sub {
                let arg = args[at].to_string_lossy();
                if arg == "--data-dir" && at + 1 < sub {
                    moved.extend(args.drain(at..at + 2));
                    sub -= 2;
                } else if arg.starts_with("--data-dir=") {
                    moved.push(args.remove(at));
                    sub -= 1;
                } else {
                    at += 1;
                }
            }
            args.extend(moved);
        }
        Cli::try_parse_from(args)
    }

    /// The subcommand to run: `play` with the top-level options when none is named; the data
    /// folder, wherever it was given, goes to the subcommand that uses it.
    pub fn into_command(self) -> Command {
        let mut command = self.command.unwrap_or(Command::Play(self.play));
        match &mut command {
            Command::Play(args) => args.data_dir = self.data_dir,
            Command::Export(args) => args.data_dir = self.data_dir,
            Command::Check(_) => {}
        }
        command
    }
}

#[derive(Debug, Clone, Subcommand, PartialEq)]
pub enum Command {
    /// Play in a window (what `cityquiz` alone does).
    Play(PlayArgs),
    /// Check datasets and levels (told apart by their content) and report every problem with
    /// file, line and column; with no file, the built-in dataset and levels. Exits 1 on any
    /// problem. Needs no window, so it works on a server or a build without the game.
    Check(CheckArgs),
    /// Write every session (player, mode, date, score, accuracy, time, seed) as CSV for a
    /// spreadsheet; with --answers, every answer instead. Needs no window.
    Export(ExportArgs),
}

#[derive(Debug, Clone, Args, PartialEq)]
pub struct ExportArgs {
    /// The CSV file to write (UTF-8, a header row, RFC 4180 quoting).
    #[arg(long, value_name = "FILE.csv")]
    pub out: PathBuf,
    /// Every answer (question, answer given, right answer, points, time) instead of every
    /// session.
    #[arg(long)]
    pub answers: bool,
    /// The folder the progress is kept in: the global `--data-dir`.
    #[arg(skip)]
    pub data_dir: Option<PathBuf>,
}

impl ExportArgs {
    /// Exports from the folder given, else the platform's data folder.
    pub fn run(&self) -> Result<String, String> {
        let dir = self
            .data_dir
            .clone()
            .or_else(crate::storage::default_data_dir)
            .ok_or("no data folder was found: give one with --data-dir DIR")?;
        let rows = if self.answers {
            ExportRows::Answers
        } else {
            ExportRows::Sessions
        };
        crate::export::export(&dir, &self.out, rows)
    }
}

#[derive(Debug, Clone, Args, PartialEq)]
pub struct CheckArgs {
    /// The city dataset to check, and to check the levels against (TOML, in the format of
    /// assets/data/cities.toml) [default: the built-in one].
    #[arg(long, value_name = "FILE")]
    pub dataset: Option<PathBuf>,
    /// Datasets and levels (the format of levels/README.md) to check.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// The options of a game run.
#[derive(Debug, Clone, Args, PartialEq)]
pub struct PlayArgs {
    /// Seed for every random choice, so a quiz can be played again question for question.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,

    /// The folder for settings and progress: the global `--data-dir`.
    #[arg(skip)]
    pub data_dir: Option<PathBuf>,

    /// Open this screen directly instead of the title screen (case does not matter).
    #[arg(long, value_name = "NAME", ignore_case = true)]
    pub screen: Option<ScreenName>,
    /// Start a quiz straight away: `population` (Quick Play's ranking quiz), `map` or `facts`; with
    /// `--seed`, the same questions every time.
    #[arg(
        long,
        value_name = "MODE",
        ignore_case = true,
        conflicts_with = "level"
    )]
    pub quiz: Option<QuizMode>,
    /// Start this level (or any plan of levels/) straight away, by its id: e.g. `ten-largest`,
    /// `daily`, `higher-or-lower`.
    #[arg(long, value_name = "ID")]
    pub level: Option<String>,
    /// Use this theme for this run, without changing the saved setting.
    #[arg(long, value_name = "THEME", ignore_case = true)]
    pub theme: Option<ThemeArg>,

    /// Save a screenshot of the first settled frame to FILE.png, then exit (after the steps of
    /// `--script` or `--steps`, if given).
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

    /// Play the steps of this script file by itself (wait for a screen, press keys, click,
    /// take screenshots, time frames, quit): see the README's "Scripting the game".
    #[arg(long, value_name = "FILE")]
    pub script: Option<PathBuf>,

    /// The same, with the steps given here, separated by `;` (e.g. "wait quiz; answer right;
    /// screenshot a.png; quit").
    #[arg(long, value_name = "STEPS")]
    pub steps: Option<String>,

    /// Window size as WIDTHxHEIGHT in pixels, e.g. 960x600.
    #[arg(long, value_name = "WxH", value_parser = parse_window_size, default_value = "1280x720")]
    pub window_size: (u32, u32),
}

/// `--quiz` values: the quiz modes a run can start in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum QuizMode {
    /// Ten population questions: order, higher or lower, guess.
    Population,
    /// Ten map questions: where is, find it, name it, which province.
    Map,
    /// Ten questions on what the cities are known for.
    Facts,
}

impl QuizMode {
    /// The id of the built-in plan (in levels/) the mode plays.
    pub fn plan_id(self) -> &'static str {
        match self {
            QuizMode::Population => "quick-play",
            QuizMode::Map => "map",
            QuizMode::Facts => "facts",
        }
    }
}

/// `--screen` values: the screens a run can open on. The game maps each to its own state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ScreenName {
    Title,
    Play,
    Quiz,
    Results,
    Flashcards,
    Explore,
    Scores,
    Mastery,
    Players,
    Settings,
    Credits,
}

#[cfg(feature = "game")]
impl From<ScreenName> for crate::game::Screen {
    fn from(name: ScreenName) -> Self {
        use crate::game::Screen;
        match name {
            ScreenName::Title => Screen::Title,
            ScreenName::Play => Screen::Play,
            ScreenName::Quiz => Screen::Quiz,
            ScreenName::Results => Screen::Results,
            ScreenName::Flashcards => Screen::Flashcards,
            ScreenName::Explore => Screen::Explore,
            ScreenName::Scores => Screen::Scores,
            ScreenName::Players => Screen::Players,
            ScreenName::Mastery => Screen::Mastery,
            ScreenName::Settings => Screen::Settings,
            ScreenName::Credits => Screen::Credits,
        }
    }
}

#[cfg(feature = "game")]
impl PlayArgs {
    /// The plan `--level` or `--quiz` starts.
    pub fn plan_id(&self) -> Option<String> {
        self.level
            .clone()
            .or_else(|| self.quiz.map(|mode| mode.plan_id().to_string()))
    }

    /// What the game is asked to do, in its own terms; a script that cannot be read or parsed
    /// is an error that says where and what to write instead.
    pub fn game_options(&self) -> Result<crate::game::GameOptions, String> {
        use crate::game::automation::Script;
        use crate::game::{ExploreStart, GameOptions, Screen};
        let mut script = match (&self.script, &self.steps) {
            (Some(_), Some(_)) => {
                return Err("give the steps with --script FILE or with --steps, not both".into());
            }
            (Some(path), None) => {
                let text = std::fs::read_to_string(path).map_err(|err| {
                    format!("the script {} could not be read: {err}", path.display())
                })?;
                Some(Script::parse(&path.display().to_string(), &text).map_err(|e| e.to_string())?)
            }
            (None, Some(steps)) => {
                Some(Script::parse("--steps", steps).map_err(|err| err.to_string())?)
            }
            (None, None) => None,
        };
        if let Some(path) = &self.screenshot {
            let picture = Script::screenshot_of_start(path.clone());
            script = Some(match script {
                Some(steps) => steps.then(picture),
                None => picture,
            });
        }
        Ok(GameOptions {
            seed: self
                .seed
                .unwrap_or_else(crate::game::options::seed_from_clock),
            data_dir: self
                .data_dir
                .clone()
                .or_else(crate::storage::default_data_dir),
            start_screen: match (self.screen, self.plan_id()) {
                (Some(screen), _) => Screen::from(screen),
                (None, Some(_)) => Screen::Quiz,
                (None, None) => Screen::Title,
            },
            theme: self.theme.map(Theme::from),
            dataset: self.dataset.clone(),
            explore: ExploreStart {
                city: self.city.clone(),
                zoom: self.zoom,
                hangul: self.hangul,
            },
            quiz: self.plan_id(),
            may_ask_name: self.screen.is_none() && self.plan_id().is_none(),
            untimed: false,
            script,
            window_size: self.window_size,
        })
    }
}

/// Why a window cannot open here, read from the environment before any window is tried (winit
/// would panic with a backtrace instead). `wayland_built_in`: the binary speaks Wayland natively.
pub fn missing_display(
    display: Option<&OsStr>,
    wayland_display: Option<&OsStr>,
    wayland_built_in: bool,
) -> Option<String> {
    let set = |value: Option<&OsStr>| value.is_some_and(|v| !v.is_empty());
    if !cfg!(all(unix, not(target_os = "macos"))) || set(display) {
        return None;
    }
    if wayland_built_in && set(wayland_display) {
        return None;
    }
    let why = if set(wayland_display) {
        "WAYLAND_DISPLAY is set but this build speaks Wayland only through XWayland, and no DISPLAY is set"
    } else {
        "no DISPLAY is set"
    };
    Some(format!(
        "cityquiz needs a graphical display (X11, or Wayland through XWayland): {why}. \
         Start it from a desktop session, or under `xvfb-run`; `cityquiz check` needs no display."
    ))
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

    fn parse_cli(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_args(std::iter::once("cityquiz").chain(args.iter().copied()))
    }

    /// The options of the game run the arguments ask for.
    fn parse(args: &[&str]) -> Result<PlayArgs, clap::Error> {
        match parse_cli(args)?.into_command() {
            Command::Play(play) => Ok(play),
            other => panic!("expected a game run, got {other:?}"),
        }
    }

    #[test]
    fn subcommands_parse_and_play_is_the_default() {
        assert_eq!(
            parse(&["play", "--seed", "4"]).unwrap().seed,
            Some(4),
            "`play` takes the same options"
        );
        assert_eq!(parse(&["--seed", "4"]).unwrap().seed, Some(4));
        let check = parse_cli(&["check", "--dataset", "mine.toml"])
            .unwrap()
            .into_command();
        assert_eq!(
            check,
            Command::Check(CheckArgs {
                dataset: Some(PathBuf::from("mine.toml")),
                files: Vec::new(),
            })
        );
        let files = parse_cli(&["check", "levels/a.toml", "b.toml"]).unwrap();
        assert!(
            matches!(files.into_command(), Command::Check(args) if args.files.len() == 2),
            "files are positional"
        );
        assert!(parse_cli(&["--seed", "4", "check"]).is_err());
        let export = parse_cli(&["export", "--out", "r.csv", "--answers", "--data-dir", "d"])
            .unwrap()
            .into_command();
        let expected = Command::Export(ExportArgs {
            out: PathBuf::from("r.csv"),
            answers: true,
            data_dir: Some(PathBuf::from("d")),
        });
        assert_eq!(export, expected);
        // The data folder is accepted before the subcommand too.
        let before = parse_cli(&["--data-dir", "d", "export", "--out", "r.csv", "--answers"])
            .unwrap()
            .into_command();
        assert_eq!(before, expected);
        let play = parse_cli(&["play", "--data-dir", "d", "--seed", "1"]).unwrap();
        match play.into_command() {
            Command::Play(args) => assert_eq!(args.data_dir, Some(PathBuf::from("d"))),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_missing_display_is_named() {
        let x = Some(OsStr::new(":0"));
        let wayland = Some(OsStr::new("wayland-0"));
        assert_eq!(missing_display(x, None, false), None);
        if cfg!(all(unix, not(target_os = "macos"))) {
            let message = missing_display(None, None, false).unwrap();
            assert!(message.starts_with(
                "cityquiz needs a graphical display (X11, or Wayland through XWayland): no DISPLAY is set"
            ));
            assert!(missing_display(Some(OsStr::new("")), None, false).is_some());
            assert!(missing_display(None, wayland, false).is_some());
            assert_eq!(missing_display(None, wayland, true), None);
        }
    }

    #[test]
    fn no_arguments_start_the_game_on_defaults() {
        let cli = parse(&[]).unwrap();
        assert_eq!(cli.screen, None);
        assert_eq!(cli.seed, None);
        assert_eq!(cli.window_size, (1280, 720));
    }

    #[test]
    fn a_quiz_mode_opens_from_the_command_line() {
        assert_eq!(parse(&["--quiz", "map"]).unwrap().quiz, Some(QuizMode::Map));
        assert_eq!(
            parse(&["play", "--quiz", "Population", "--seed", "3"])
                .unwrap()
                .quiz,
            Some(QuizMode::Population)
        );
        assert!(parse(&["--quiz", "trivia"]).is_err());
    }

    #[test]
    fn screen_names_ignore_case() {
        assert_eq!(
            parse(&["--screen", "EXPLORE"]).unwrap().screen,
            Some(ScreenName::Explore)
        );
        assert_eq!(
            parse(&["--screen", "title"]).unwrap().screen,
            Some(ScreenName::Title)
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
