//! Deterministic synthetic BPMN repositories for benchmarks.
#![cfg_attr(not(test), warn(clippy::unwrap_used))]
