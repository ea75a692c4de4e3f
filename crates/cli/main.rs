//! `peta`: the command-line front of Peta. All work happens in the library
//! crates; this binary parses arguments, calls them and prints.

mod app;
mod cmd;
mod diagnostics;
mod repo;

fn main() -> std::process::ExitCode {
    app::run()
}
