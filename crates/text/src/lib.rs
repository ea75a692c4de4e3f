//! Activity labels -> canonical tokens (Indonesian and English).
//!
//! The pipeline, in order:
//!
//! 1. [`normalize`]: Unicode NFKC, case folding, line breaks and punctuation
//!    folded to spaces, reduplication (`berkas-berkas`) folded.
//! 2. [`normalize::words`]: tokenising that keeps acronyms and alphanumerics
//!    (`SP2D`, `1721`, `PP 17/2020` → `pp`, `17`, `2020`) and remembers which
//!    words were written in capitals and which stood inside parentheses.
//! 3. [`Lexicon::analyze`]: abbreviation expansion (`SK` → `surat keputusan`),
//!    stop words, per-word language choice, Indonesian ([`stem_id`]) or English
//!    (Snowball) stemming, synonym concepts from the thesaurus, adjunct phrases
//!    (`melalui …`, `via …`, `oleh …`) and the action (verb) of the label.
//!
//! The lexical data (stop words, abbreviations, thesaurus, opposite actions,
//! Indonesian root words) is bundled from `data/*.toml` and can be extended
//! with [`Lexicon::load_extra`].
#![cfg_attr(not(test), warn(clippy::unwrap_used))]

mod analyze;
mod lexicon;
pub mod normalize;
pub mod stem_en;
pub mod stem_id;

pub use analyze::{Analysis, Lang, Role, Token};
pub use lexicon::{Concept, ConceptKind, Lexicon, LexiconFile};
pub use normalize::normalize;

/// Errors of this crate: reading or parsing a lexicon file.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    /// The file could not be read.
    #[error("{path}: cannot read lexicon file: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid lexicon TOML.
    #[error("{path}:{line}:{column}: invalid lexicon TOML: {message}")]
    Toml {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}
