//! The `cityquiz` binary: parse the command line, then run the subcommand it names. Nothing
//! builds an App before this dispatch, so `check` needs no window and no `game` feature.

use std::process::ExitCode;

use cityquiz::cli::{Cli, Command, PlayArgs};

fn main() -> ExitCode {
    // clap prints usage errors with a fix and exits with code 2; it never panics on bad input.
    let cli = Cli::try_parse_args(std::env::args_os()).unwrap_or_else(|err| err.exit());
    match cli.into_command() {
        Command::Play(args) => play(args),
        Command::Check(args) => {
            match cityquiz::check::check(args.dataset.as_deref(), &args.files) {
                Ok(summary) => {
                    println!("{summary}");
                    ExitCode::SUCCESS
                }
                Err(problems) => {
                    eprintln!("{problems}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Export(args) => match args.run() {
            Ok(summary) => {
                println!("{summary}");
                ExitCode::SUCCESS
            }
            Err(problem) => {
                eprintln!("{problem}");
                ExitCode::FAILURE
            }
        },
    }
}

#[cfg(feature = "game")]
fn play(args: PlayArgs) -> ExitCode {
    let display = std::env::var_os("DISPLAY");
    let wayland = std::env::var_os("WAYLAND_DISPLAY");
    let wayland_built_in = cfg!(feature = "wayland");
    if let Some(problem) =
        cityquiz::cli::missing_display(display.as_deref(), wayland.as_deref(), wayland_built_in)
    {
        eprintln!("{problem}");
        return ExitCode::from(2);
    }
    let options = match args.game_options() {
        Ok(options) => options,
        Err(problem) => {
            eprintln!("{problem}");
            return ExitCode::from(2);
        }
    };
    match cityquiz::game::run(options) {
        bevy::app::AppExit::Success => ExitCode::SUCCESS,
        bevy::app::AppExit::Error(code) => ExitCode::from(code.get()),
    }
}

#[cfg(not(feature = "game"))]
fn play(_args: PlayArgs) -> ExitCode {
    eprintln!(
        "This cityquiz was built without its window (the `game` feature is off), so it cannot \
         play. Build the game with `cargo build --release` (default features on). \
         `cityquiz check` works in this build."
    );
    ExitCode::from(2)
}
