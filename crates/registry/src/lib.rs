//! Reads `agencies.toml` and `themes.toml` and resolves names to agencies.
//!
//! A registry folder holds two optional files:
//!
//! * `agencies.toml`: `[[agency]]` tables (`code`, `name`, `kind`, `aliases`,
//!   `units`, `is_agency`);
//! * `themes.toml`: `[[theme]]` tables (`code`, `name_id`, `name_en`,
//!   `description_id`, `description_en`, `spbe_codes`, `models`).
//!
//! A missing file is an empty part, never an error. Names (pool and lane
//! names, aliases, units, codes) are compared after [`normalize_name`]: case,
//! punctuation and whitespace do not matter.
#![cfg_attr(not(test), warn(clippy::unwrap_used))]

mod glob;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use glob::glob_match;

/// Everything that can go wrong while reading a registry folder.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    /// The file exists but could not be read.
    #[error("{file}: cannot read: {source}")]
    Io {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid TOML or does not have the expected shape.
    #[error("{file}:{line}:{column}: {message}")]
    Toml {
        file: PathBuf,
        /// 1-based; 0 when the TOML parser gave no position.
        line: usize,
        /// 1-based; 0 when the TOML parser gave no position.
        column: usize,
        message: String,
    },
    /// Two agencies share a code, or two themes share a code.
    #[error("{file}: duplicate {what} code `{code}`")]
    DuplicateCode {
        file: PathBuf,
        what: &'static str,
        code: String,
    },
}

/// One agency (or, with `is_agency = false`, an actor such as the applicant).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    /// Short, stable code (`BKN`), used everywhere.
    pub code: String,
    /// Full name (`Badan Kepegawaian Negara`).
    pub name: String,
    /// `kementerian | lembaga | pemda | bumn | other`, free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// How pools and lanes name the whole agency.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Sub-units that appear as lanes or pools; they belong to this agency.
    #[serde(default)]
    pub units: Vec<String>,
    /// `false` for actors that are not agencies (applicant, citizen, business).
    #[serde(default = "default_true")]
    pub is_agency: bool,
}

fn default_true() -> bool {
    true
}

impl Agency {
    /// Every name this agency answers to: code, name, aliases, units.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.code.as_str())
            .chain(std::iter::once(self.name.as_str()))
            .chain(self.aliases.iter().map(String::as_str))
            .chain(self.units.iter().map(String::as_str))
    }
}

/// A theme: a named set of models across agencies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    pub code: String,
    #[serde(default)]
    pub name_id: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub description_id: String,
    #[serde(default)]
    pub description_en: String,
    /// SPBE reference-architecture codes (Perpres 132/2022).
    #[serde(default)]
    pub spbe_codes: Vec<String>,
    /// Model paths relative to the registry folder; `*` matches within one
    /// path segment, `**` across segments, `?` one character.
    #[serde(default)]
    pub models: Vec<String>,
}

impl Theme {
    /// The theme's name in the given language (`"en"` gives English, anything
    /// else Bahasa Indonesia), falling back to the other language, then the code.
    pub fn name(&self, lang: &str) -> &str {
        let (first, second) = if lang == "en" {
            (&self.name_en, &self.name_id)
        } else {
            (&self.name_id, &self.name_en)
        };
        if !first.is_empty() {
            first
        } else if !second.is_empty() {
            second
        } else {
            &self.code
        }
    }

    /// Whether a model path (relative to the registry folder, `/` separators)
    /// belongs to this theme.
    pub fn contains(&self, rel_path: &str) -> bool {
        let path = normalize_path(rel_path);
        self.models
            .iter()
            .any(|pat| glob_match(&normalize_path(pat), &path))
    }
}

/// Agencies and themes read from one registry folder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registry {
    pub agencies: Vec<Agency>,
    pub themes: Vec<Theme>,
}

#[derive(Deserialize)]
struct AgenciesFile {
    #[serde(default)]
    agency: Vec<Agency>,
}

#[derive(Deserialize)]
struct ThemesFile {
    #[serde(default)]
    theme: Vec<Theme>,
}

impl Registry {
    /// Reads `agencies.toml` and `themes.toml` from `dir`. A missing file is an
    /// empty part; a malformed one is an error naming file, line and column.
    pub fn load(dir: &Path) -> Result<Registry, RegistryError> {
        let agencies_path = dir.join("agencies.toml");
        let themes_path = dir.join("themes.toml");
        let agencies = match read_optional(&agencies_path)? {
            Some(text) => Self::parse_agencies(&text, &agencies_path)?,
            None => Vec::new(),
        };
        let themes = match read_optional(&themes_path)? {
            Some(text) => Self::parse_themes(&text, &themes_path)?,
            None => Vec::new(),
        };
        Ok(Registry { agencies, themes })
    }

    /// Parses the text of an `agencies.toml`; `file` only names it in errors.
    pub fn parse_agencies(text: &str, file: &Path) -> Result<Vec<Agency>, RegistryError> {
        let parsed: AgenciesFile = toml::from_str(text).map_err(|e| toml_error(file, text, &e))?;
        check_unique(
            parsed.agency.iter().map(|a| a.code.as_str()),
            file,
            "agency",
        )?;
        Ok(parsed.agency)
    }

    /// Parses the text of a `themes.toml`; `file` only names it in errors.
    pub fn parse_themes(text: &str, file: &Path) -> Result<Vec<Theme>, RegistryError> {
        let parsed: ThemesFile = toml::from_str(text).map_err(|e| toml_error(file, text, &e))?;
        check_unique(parsed.theme.iter().map(|t| t.code.as_str()), file, "theme")?;
        Ok(parsed.theme)
    }

    /// The agency (or actor) a pool, lane or unit name stands for: matched
    /// against codes, names, aliases and units after [`normalize_name`].
    /// For many look-ups build a [`NameIndex`] once instead.
    pub fn resolve(&self, name: &str) -> Option<&Agency> {
        let key = normalize_name(name);
        if key.is_empty() {
            return None;
        }
        // Codes, names and aliases first, so that a unit named like another
        // agency's alias never shadows that agency.
        self.agencies
            .iter()
            .find(|a| {
                std::iter::once(a.code.as_str())
                    .chain(std::iter::once(a.name.as_str()))
                    .chain(a.aliases.iter().map(String::as_str))
                    .any(|n| normalize_name(n) == key)
            })
            .or_else(|| {
                self.agencies
                    .iter()
                    .find(|a| a.units.iter().any(|n| normalize_name(n) == key))
            })
    }

    /// A look-up table for repeated [`Registry::resolve`] calls.
    pub fn index(&self) -> NameIndex {
        let mut map = HashMap::new();
        // Units first, then names/aliases overwrite, then the first agency wins
        // among equals: insert in reverse order.
        for (i, a) in self.agencies.iter().enumerate().rev() {
            for n in &a.units {
                map.insert(normalize_name(n), i);
            }
        }
        for (i, a) in self.agencies.iter().enumerate().rev() {
            for n in std::iter::once(a.code.as_str())
                .chain(std::iter::once(a.name.as_str()))
                .chain(a.aliases.iter().map(String::as_str))
            {
                map.insert(normalize_name(n), i);
            }
        }
        map.remove("");
        NameIndex { map }
    }

    /// The themes a model belongs to, in registry order. `rel_path` is the
    /// model's path relative to the registry folder, with `/` separators.
    pub fn themes_of(&self, rel_path: &str) -> Vec<&Theme> {
        self.themes
            .iter()
            .filter(|t| t.contains(rel_path))
            .collect()
    }

    /// The theme with this code (case-insensitive).
    pub fn theme(&self, code: &str) -> Option<&Theme> {
        self.themes
            .iter()
            .find(|t| t.code.eq_ignore_ascii_case(code.trim()))
    }

    /// The agency with this code (case-insensitive).
    pub fn agency(&self, code: &str) -> Option<&Agency> {
        self.agencies
            .iter()
            .find(|a| a.code.eq_ignore_ascii_case(code.trim()))
    }

    /// The agency a model belongs to by its place in the repository, used when
    /// neither its lanes nor its pools name one: the innermost folder whose
    /// name resolves, else the file stem, else the stem's first word (the part
    /// before the first `-`, `_`, `.` or space, as in `bkn-penetapan-nip.bpmn`).
    pub fn agency_of_path(&self, rel_path: &str) -> Option<&Agency> {
        place_names(rel_path).iter().find_map(|n| self.resolve(n))
    }
}

/// The names that place a model in the repository, in the order they are
/// tried ([`Registry::agency_of_path`]): its folders innermost first, its
/// file stem, the stem's first word (before the first `-`, `_`, `.` or space).
pub fn place_names(rel_path: &str) -> Vec<String> {
    let path = normalize_path(rel_path);
    let mut segments: Vec<&str> = path
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .collect();
    let Some(file) = segments.pop() else {
        return Vec::new();
    };
    let stem = file.rsplit_once('.').map(|(s, _)| s).unwrap_or(file);
    let first_word = stem.split(['-', '_', '.', ' ']).next().unwrap_or(stem);
    segments
        .iter()
        .rev()
        .chain([&stem, &first_word])
        .map(|s| s.to_string())
        .collect()
}

/// A prepared name → agency table (see [`Registry::index`]).
#[derive(Debug, Clone, Default)]
pub struct NameIndex {
    map: HashMap<String, usize>,
}

impl NameIndex {
    /// The position in [`Registry::agencies`] of the agency `name` stands for.
    pub fn resolve(&self, name: &str) -> Option<usize> {
        self.map.get(&normalize_name(name)).copied()
    }
}

/// The comparison form of a name: lower case, letters and digits only
/// (punctuation and whitespace dropped), so `Kantor Regional VIII - BKN`,
/// `kantor  regional viii BKN` and `KANTOR REGIONAL VIII BKN` are equal.
pub fn normalize_name(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `\` to `/`, leading `./` removed.
fn normalize_path(p: &str) -> String {
    let p = p.replace('\\', "/");
    let mut s = p.as_str();
    while let Some(rest) = s.strip_prefix("./") {
        s = rest;
    }
    s.to_string()
}

fn read_optional(path: &Path) -> Result<Option<String>, RegistryError> {
    match std::fs::read_to_string(path) {
        Ok(t) => Ok(Some(t)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(RegistryError::Io {
            file: path.to_path_buf(),
            source: e,
        }),
    }
}

fn toml_error(file: &Path, text: &str, e: &toml::de::Error) -> RegistryError {
    let (line, column) = match e.span() {
        Some(span) => line_col(text, span.start),
        None => (0, 0),
    };
    RegistryError::Toml {
        file: file.to_path_buf(),
        line,
        column,
        message: e.message().to_string(),
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

fn check_unique<'a>(
    codes: impl Iterator<Item = &'a str>,
    file: &Path,
    what: &'static str,
) -> Result<(), RegistryError> {
    let mut seen = std::collections::HashSet::new();
    for code in codes {
        if !seen.insert(code.to_ascii_lowercase()) {
            return Err(RegistryError::DuplicateCode {
                file: file.to_path_buf(),
                what,
                code: code.to_string(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const AGENCIES: &str = r#"
[[agency]]
code = "BKN"
name = "Badan Kepegawaian Negara"
kind = "lembaga"
aliases = ["BKN", "Badan Kepegawaian Negara"]
units = ["Kantor Regional VIII BKN", "Direktorat Pengadaan dan Kepangkatan"]

[[agency]]
code = "TASPEN"
name = "PT Taspen (Persero)"
kind = "bumn"
aliases = ["Taspen", "PT. TASPEN"]

[[agency]]
code = "PEMOHON"
name = "Pemohon"
aliases = ["Pemohon", "Masyarakat"]
is_agency = false
"#;

    const THEMES: &str = r#"
[[theme]]
code = "ASN-IKN"
name_id = "Pemindahan ASN ke IKN"
name_en = "Relocation of civil servants to IKN"
spbe_codes = ["RAB.01"]
models = ["asn-ikn/*.bpmn"]

[[theme]]
code = "ALL-BKN"
name_id = "Semua BKN"
models = ["**/bkn-*.bpmn"]
"#;

    fn registry() -> Registry {
        Registry {
            agencies: Registry::parse_agencies(AGENCIES, Path::new("agencies.toml")).unwrap(),
            themes: Registry::parse_themes(THEMES, Path::new("themes.toml")).unwrap(),
        }
    }

    #[test]
    fn resolves_aliases_units_and_codes_ignoring_case_spacing_punctuation() {
        let r = registry();
        assert_eq!(r.resolve("bkn").unwrap().code, "BKN");
        assert_eq!(
            r.resolve("  Badan  Kepegawaian\nNegara ").unwrap().code,
            "BKN"
        );
        assert_eq!(r.resolve("Kantor Regional VIII - BKN").unwrap().code, "BKN");
        assert_eq!(r.resolve("PT Taspen").unwrap().code, "TASPEN");
        assert_eq!(r.resolve("pt. taspen").unwrap().code, "TASPEN");
        assert_eq!(r.resolve("taspen").unwrap().code, "TASPEN");
        assert!(!r.resolve("masyarakat").unwrap().is_agency);
        assert!(r.resolve("Kementerian Keuangan").is_none());
        assert!(r.resolve("  ").is_none());
        assert!(r.resolve("-").is_none());
    }

    #[test]
    fn index_agrees_with_resolve() {
        let r = registry();
        let idx = r.index();
        for name in [
            "bkn",
            "PT. TASPEN",
            "Kantor Regional VIII BKN",
            "Masyarakat",
            "x",
            "",
        ] {
            let a = idx.resolve(name).map(|i| r.agencies[i].code.as_str());
            let b = r.resolve(name).map(|a| a.code.as_str());
            assert_eq!(a, b, "{name}");
        }
    }

    #[test]
    fn alias_beats_unit_of_another_agency() {
        let mut r = registry();
        r.agencies[1].units.push("BKN".into());
        assert_eq!(r.resolve("BKN").unwrap().code, "BKN");
        assert_eq!(r.index().resolve("BKN"), Some(0));
    }

    #[test]
    fn is_agency_defaults_to_true() {
        let r = registry();
        assert!(r.agency("bkn").unwrap().is_agency);
        assert!(!r.agency("PEMOHON").unwrap().is_agency);
        assert_eq!(r.agency("taspen").unwrap().kind.as_deref(), Some("bumn"));
    }

    #[test]
    fn themes_of_matches_globs() {
        let r = registry();
        let codes = |p: &str| {
            r.themes_of(p)
                .iter()
                .map(|t| t.code.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            codes("asn-ikn/bkn-penetapan-nip.bpmn"),
            ["ASN-IKN", "ALL-BKN"]
        );
        assert_eq!(codes("./asn-ikn/taspen.bpmn"), ["ASN-IKN"]);
        assert_eq!(codes("asn-ikn\\taspen.bpmn"), ["ASN-IKN"]);
        assert!(codes("asn-ikn/sub/taspen.bpmn").is_empty());
        assert_eq!(codes("manajemen-asn/bkn-mutasi.bpmn"), ["ALL-BKN"]);
        assert!(codes("bansos/dinsos.bpmn").is_empty());
        assert_eq!(
            r.theme("asn-ikn").unwrap().name("en"),
            "Relocation of civil servants to IKN"
        );
        assert_eq!(r.theme("ALL-BKN").unwrap().name("en"), "Semua BKN");
    }

    #[test]
    fn agency_of_path_uses_folder_then_stem() {
        let r = registry();
        assert_eq!(r.agency_of_path("bkn/mutasi.bpmn").unwrap().code, "BKN");
        assert_eq!(
            r.agency_of_path("asn-ikn/taspen.bpmn").unwrap().code,
            "TASPEN"
        );
        assert_eq!(
            r.agency_of_path("asn-ikn/bkn-penetapan-nip.bpmn")
                .unwrap()
                .code,
            "BKN"
        );
        assert!(r.agency_of_path("asn-ikn/kemenkeu-dipa.bpmn").is_none());
    }

    #[test]
    fn load_reads_files_and_tolerates_missing_ones() {
        let dir = tempfile::tempdir().unwrap();
        let empty = Registry::load(dir.path()).unwrap();
        assert!(empty.agencies.is_empty() && empty.themes.is_empty());
        std::fs::write(dir.path().join("agencies.toml"), AGENCIES).unwrap();
        let r = Registry::load(dir.path()).unwrap();
        assert_eq!(r.agencies.len(), 3);
        assert!(r.themes.is_empty());
        std::fs::write(dir.path().join("themes.toml"), THEMES).unwrap();
        assert_eq!(Registry::load(dir.path()).unwrap(), registry());
    }

    #[test]
    fn toml_errors_name_file_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("agencies.toml"),
            "[[agency]]\ncode = \"BKN\"\nname = \"Badan\"\naliases = [\"BKN\",\n",
        )
        .unwrap();
        let err = Registry::load(dir.path()).unwrap_err();
        let RegistryError::Toml { file, line, .. } = &err else {
            panic!("expected a TOML error, got {err}")
        };
        assert!(file.ends_with("agencies.toml"));
        assert!(*line >= 4, "line {line}");
        let msg = err.to_string();
        assert!(msg.contains("agencies.toml:"), "{msg}");

        std::fs::write(
            dir.path().join("agencies.toml"),
            "[[agency]]\ncode = \"BKN\"\nname = 3\n",
        )
        .unwrap();
        let err = Registry::load(dir.path()).unwrap_err();
        let RegistryError::Toml { line, column, .. } = &err else {
            panic!("expected a TOML error, got {err}")
        };
        assert_eq!((*line, *column), (3, 8), "{err}");
    }

    #[test]
    fn duplicate_codes_are_refused() {
        let text =
            "[[agency]]\ncode = \"A\"\nname = \"x\"\n[[agency]]\ncode = \"a\"\nname = \"y\"\n";
        let err = Registry::parse_agencies(text, Path::new("agencies.toml")).unwrap_err();
        assert!(matches!(err, RegistryError::DuplicateCode { .. }), "{err}");
    }

    #[test]
    fn serde_round_trip() {
        let r = registry();
        let text = toml::to_string(&r).unwrap();
        let back: Registry = toml::from_str(&text).unwrap();
        assert_eq!(back, r);
    }
}
