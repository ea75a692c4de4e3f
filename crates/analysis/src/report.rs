//! Rendering an [`crate::Analysis`] for people: Markdown in Bahasa Indonesia
//! (default) or English, and CSV.
