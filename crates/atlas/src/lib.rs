//! The offline HTML + SVG process atlas.
#![cfg_attr(not(test), warn(clippy::unwrap_used))]
