//! The `cityquiz` binary: parse the command line, then run the game.

use bevy::app::AppExit;
use clap::Parser;

use cityquiz::cli::Cli;

fn main() -> AppExit {
    // clap prints usage errors with a fix and exits with code 2; it never panics on bad input.
    let cli = Cli::parse();
    cityquiz::game::run(cli)
}
