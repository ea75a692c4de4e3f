//! The offline HTML + SVG process atlas.
//!
//! [`render`] writes a static site (no server, no network, a little own
//! JavaScript) from an [`AtlasInput`]: the home page, one page per theme
//! (with its thematic map), process (with its BPMN diagram as inline SVG),
//! agency (with the agency × agency heatmaps), shared-activity group, the
//! recommendations and a client-side search. Pages are rendered one by one
//! straight to disk, into a staging folder that replaces `--out` at the end.
#![cfg_attr(not(test), warn(clippy::unwrap_used))]

mod error;
pub mod escape;
mod from_analysis;
pub mod i18n;
mod input;
pub mod names;
pub mod output;
mod site;
pub mod svg;
pub mod templates;
pub mod theme_map;

use std::path::PathBuf;

pub use error::AtlasError;
pub use from_analysis::input_from_analysis;
pub use i18n::{Catalogue, Lang};
pub use input::*;

/// How to render.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The folder to write (replaced if it holds a previous atlas).
    pub out: PathBuf,
    pub lang: Lang,
    /// Only this theme's models (and what touches them).
    pub theme: Option<String>,
    /// A folder whose files replace the built-in templates, assets and
    /// string catalogues (`i18n/id.toml`, `i18n/en.toml`) of the same name.
    pub templates: Option<PathBuf>,
}

/// What [`render`] wrote.
#[derive(Debug, Clone)]
pub struct Summary {
    pub out: PathBuf,
    pub pages: usize,
}

/// Renders the atlas. `progress(done, total)` is called after each page.
pub fn render(
    input: &AtlasInput<'_>,
    options: &Options,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Summary, AtlasError> {
    let restricted;
    let input = match &options.theme {
        Some(code) => {
            if !input.themes.iter().any(|t| &t.code == code) {
                return Err(AtlasError::UnknownTheme(code.clone()));
            }
            restricted = input.restrict_to_theme(code);
            &restricted
        }
        None => input,
    };
    let dir = options.templates.as_deref();
    let cat_name = format!("i18n/{}.toml", options.lang.code());
    let cat_text = templates::source(dir, &cat_name, i18n::embedded(options.lang))?;
    let catalogue = Catalogue::parse(&cat_name, &cat_text)?;
    let env = templates::environment(dir)?;
    let staging = output::Staging::new(&options.out)?;
    for (name, text) in templates::ASSETS {
        let src = templates::source(dir, name, text)?;
        staging.write(name, src.as_bytes())?;
    }
    let site = site::Site::new(input, catalogue, options.lang);
    let pages = site::render_all(&site, &env, &staging, progress)?;
    let out = staging.commit()?;
    Ok(Summary { out, pages })
}
