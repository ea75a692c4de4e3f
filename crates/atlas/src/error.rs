//! The atlas's one error type.

use std::path::PathBuf;

/// Everything that can stop an atlas from being written.
#[derive(Debug, thiserror::Error)]
pub enum AtlasError {
    /// Reading or writing a file or folder failed.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A template failed to load or render (the message names the template and line).
    #[error("template {name}: {source:#}")]
    Template {
        name: String,
        #[source]
        source: minijinja::Error,
    },
    /// A UI string catalogue could not be read.
    #[error("string catalogue {name}: {message}")]
    Catalogue { name: String, message: String },
    /// `--out` exists and does not look like an atlas Peta wrote.
    #[error(
        "refusing to replace {0}: it exists, is not empty and has no `.peta-atlas` marker \
         (it was not written by `peta atlas`); choose another --out"
    )]
    NotAnAtlas(PathBuf),
    /// `--out` has no usable parent folder or name.
    #[error("invalid output folder {0}")]
    BadOutput(PathBuf),
    /// A `--theme` code that the repository does not define.
    #[error("unknown theme `{0}`")]
    UnknownTheme(String),
}

impl AtlasError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        AtlasError::Io {
            path: path.into(),
            source,
        }
    }
    pub(crate) fn template(name: &str, source: minijinja::Error) -> Self {
        AtlasError::Template {
            name: name.to_string(),
            source,
        }
    }
}
