//! Activity labels -> canonical tokens (Indonesian and English).
#![cfg_attr(not(test), warn(clippy::unwrap_used))]
