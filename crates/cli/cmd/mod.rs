//! One module per subcommand. Each exposes `Args` (clap) and
//! `run(Args) -> anyhow::Result<ExitCode>`.

pub mod analyze;
pub mod atlas;
pub mod build;
pub mod eval_match;
pub mod generate;
pub mod import;
pub mod inspect;
pub mod link;
pub mod matching;
pub mod overlaps;
pub mod recommend;
pub mod search;
pub mod status;
