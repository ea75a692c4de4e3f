//! Activities -> correspondences and shared-activity groups.
#![cfg_attr(not(test), warn(clippy::unwrap_used))]
