//! Reads agencies.toml and themes.toml and resolves names to agencies.
#![cfg_attr(not(test), warn(clippy::unwrap_used))]
