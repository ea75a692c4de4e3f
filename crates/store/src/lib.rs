//! The SQLite repository: incremental import, links, search.
#![cfg_attr(not(test), warn(clippy::unwrap_used))]
