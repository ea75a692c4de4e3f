//! The minijinja environment: templates built into the binary, each
//! replaceable by a file of the same name in `--templates DIR`.

use std::path::Path;

use minijinja::{AutoEscape, Environment};

use crate::AtlasError;

/// The page templates (auto-escaped as HTML).
pub const PAGES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../../templates/base.html")),
    (
        "macros.html",
        include_str!("../../../templates/macros.html"),
    ),
    ("home.html", include_str!("../../../templates/home.html")),
    ("theme.html", include_str!("../../../templates/theme.html")),
    (
        "process.html",
        include_str!("../../../templates/process.html"),
    ),
    (
        "processes.html",
        include_str!("../../../templates/processes.html"),
    ),
    (
        "agency.html",
        include_str!("../../../templates/agency.html"),
    ),
    ("group.html", include_str!("../../../templates/group.html")),
    (
        "recommendations.html",
        include_str!("../../../templates/recommendations.html"),
    ),
    (
        "search.html",
        include_str!("../../../templates/search.html"),
    ),
    ("list.html", include_str!("../../../templates/list.html")),
];

/// Static files copied as they are.
pub const ASSETS: &[(&str, &str)] = &[
    ("style.css", include_str!("../../../templates/style.css")),
    ("atlas.js", include_str!("../../../templates/atlas.js")),
];

/// Reads `name` from the override folder if it has it, else the embedded text.
pub fn source(
    dir: Option<&Path>,
    name: &str,
    embedded: &'static str,
) -> Result<String, AtlasError> {
    if let Some(d) = dir {
        let p = d.join(name);
        if p.is_file() {
            return std::fs::read_to_string(&p).map_err(|e| AtlasError::io(p, e));
        }
    }
    Ok(embedded.to_string())
}

/// The environment with every page template loaded. Everything is
/// auto-escaped as HTML; only SVG built (and escaped) by this crate is
/// passed in as safe strings.
pub fn environment(dir: Option<&Path>) -> Result<Environment<'static>, AtlasError> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    // strings are escaped by `escape::write_html` (no `&#x2f;` for every
    // `/` of every URL); safe strings and other values as minijinja does
    env.set_formatter(|out, state, value| {
        if state.auto_escape() == AutoEscape::Html && !value.is_safe() {
            if let Some(s) = value.as_str() {
                return crate::escape::write_html(out, s).map_err(minijinja::Error::from);
            }
        }
        minijinja::escape_formatter(out, state, value)
    });
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    for (name, text) in PAGES {
        let src = source(dir, name, text)?;
        env.add_template_owned(name.to_string(), src)
            .map_err(|e| AtlasError::template(name, e))?;
    }
    Ok(env)
}
