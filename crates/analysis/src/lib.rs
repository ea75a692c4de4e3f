//! The cross-agency graph: handoffs, duplication, recommendations.
#![cfg_attr(not(test), warn(clippy::unwrap_used))]
