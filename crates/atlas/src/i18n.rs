//! UI string catalogues: one flat TOML table of `key = "text"` per language,
//! embedded from `templates/i18n/` (overridable with `--templates`).

use std::collections::BTreeMap;

use crate::AtlasError;

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Bahasa Indonesia (the default).
    #[default]
    Id,
    English,
}

impl Lang {
    /// The BCP 47 code used in `<html lang>` and for the catalogue file name.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::English => "en",
        }
    }
    /// Parses `id` or `en` (case-insensitive).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "id" | "ind" | "indonesia" => Some(Lang::Id),
            "en" | "eng" | "english" => Some(Lang::English),
            _ => None,
        }
    }
}

/// The embedded catalogue text for a language.
pub(crate) fn embedded(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => include_str!("../../../templates/i18n/id.toml"),
        Lang::English => include_str!("../../../templates/i18n/en.toml"),
    }
}

/// Every interface string of one language.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    /// Flattened: `[nav] home = ".."` is `nav.home`.
    strings: BTreeMap<String, String>,
    /// As written (tables), for templates: `{{ t.nav.home }}`.
    tree: toml::Table,
}

impl Catalogue {
    /// Parses a catalogue; `name` is used in errors.
    pub fn parse(name: &str, text: &str) -> Result<Catalogue, AtlasError> {
        let tree: toml::Table = toml::from_str(text).map_err(|e| AtlasError::Catalogue {
            name: name.to_string(),
            message: e.to_string(),
        })?;
        let mut strings = BTreeMap::new();
        flatten("", &tree, &mut strings).map_err(|key| AtlasError::Catalogue {
            name: name.to_string(),
            message: format!("`{key}` is not a string or a table"),
        })?;
        Ok(Catalogue { strings, tree })
    }
    /// The embedded catalogue of a language.
    pub fn embedded(lang: Lang) -> Result<Catalogue, AtlasError> {
        Catalogue::parse(&format!("{}.toml", lang.code()), embedded(lang))
    }
    /// The string for `key`; a missing key shows as the key itself so it is
    /// visible rather than silently empty (tests check no key is missing).
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.strings.get(key).map(String::as_str).unwrap_or(key)
    }
    /// [`Catalogue::get`] with `{n}` replaced.
    pub fn count(&self, key: &str, n: usize) -> String {
        self.get(key).replace("{n}", &n.to_string())
    }
    /// All strings (for templates).
    pub fn strings(&self) -> &BTreeMap<String, String> {
        &self.strings
    }
    /// The catalogue as nested tables, for templates.
    pub fn tree(&self) -> &toml::Table {
        &self.tree
    }
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.strings.keys().map(String::as_str)
    }
}

fn flatten(
    prefix: &str,
    t: &toml::Table,
    out: &mut BTreeMap<String, String>,
) -> Result<(), String> {
    for (k, v) in t {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::String(s) => {
                out.insert(key, s.clone());
            }
            toml::Value::Table(inner) => flatten(&key, inner, out)?,
            _ => return Err(key),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogues_have_the_same_keys_and_no_empty_string() {
        let id = Catalogue::embedded(Lang::Id).unwrap();
        let en = Catalogue::embedded(Lang::English).unwrap();
        let a: Vec<_> = id.keys().collect();
        let b: Vec<_> = en.keys().collect();
        assert_eq!(a, b, "id.toml and en.toml must define the same keys");
        assert!(a.len() > 50);
        for (k, v) in id.strings().iter().chain(en.strings()) {
            assert!(!v.trim().is_empty(), "{k} is empty");
        }
        assert_ne!(id.get("nav.home"), en.get("nav.home"));
    }
}
