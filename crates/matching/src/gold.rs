//! Gold standards in the Alignment API RDF/XML format (OAEI): `<Cell>`s with
//! `entity1`/`entity2` `rdf:resource` URIs `http://<Model>#<element id>` and a
//! `<relation>` (`=` for equivalence).

use std::path::Path;

use quick_xml::events::Event;
use quick_xml::Reader;
use serde::{Deserialize, Serialize};

use crate::MatchError;

/// An element named by an alignment URI.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct GoldEntity {
    /// The model name: the URI's authority or last path segment, without `.bpmn`.
    pub model: String,
    /// The element id (after `#`).
    pub id: String,
}

/// One correspondence of an alignment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldCell {
    pub entity1: GoldEntity,
    pub entity2: GoldEntity,
    /// `=` for equivalence; `<`, `>` and others for subsumption and the like.
    pub relation: String,
    pub measure: Option<f64>,
}

/// One alignment file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    pub cells: Vec<GoldCell>,
}

impl Alignment {
    /// The equivalence cells (`relation` `=`).
    pub fn equivalences(&self) -> impl Iterator<Item = &GoldCell> {
        self.cells.iter().filter(|c| c.relation == "=")
    }
}

/// Splits `http://Cologne#sid-123` into model `Cologne` and id `sid-123`.
pub fn parse_uri(uri: &str) -> Option<GoldEntity> {
    let (base, id) = uri.split_once('#')?;
    let base = base.split_once("://").map(|(_, r)| r).unwrap_or(base);
    let model = base.trim_end_matches('/').rsplit('/').next()?;
    let model = model.strip_suffix(".bpmn").unwrap_or(model);
    if model.is_empty() || id.is_empty() {
        return None;
    }
    Some(GoldEntity {
        model: model.to_string(),
        id: id.to_string(),
    })
}

/// Reads one alignment file.
pub fn read_alignment(path: &Path) -> Result<Alignment, MatchError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| MatchError::Io {
        path: name.clone(),
        source,
    })?;
    parse_alignment(&name, &text)
}

/// Parses alignment RDF/XML held in memory; `name` is used in errors.
pub fn parse_alignment(name: &str, text: &str) -> Result<Alignment, MatchError> {
    let mut reader = Reader::from_str(text);
    let err = |offset: u64, message: String| {
        let (line, column) = line_col(text, offset as usize);
        MatchError::Gold {
            path: name.to_string(),
            line,
            column,
            message,
        }
    };
    let mut cells = Vec::new();
    let mut in_cell: Option<u64> = None;
    let mut entity1: Option<GoldEntity> = None;
    let mut entity2: Option<GoldEntity> = None;
    let mut relation = String::new();
    let mut measure_text = String::new();
    let mut field: Option<&'static str> = None;
    loop {
        let pos = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| err(reader.error_position(), format!("XML syntax: {e}")))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let local = e.local_name();
                let is_empty = matches!(event, Event::Empty(_));
                match local.as_ref() {
                    "Cell" => {
                        in_cell = Some(pos);
                        entity1 = None;
                        entity2 = None;
                        relation.clear();
                        measure_text.clear();
                    }
                    "entity1" | "entity2" if in_cell.is_some() => {
                        let mut resource = None;
                        for attr in e.attributes().flatten() {
                            if attr.key.local_name().as_ref() == "resource" {
                                resource = Some(attr.value.to_string());
                            }
                        }
                        let uri = resource.ok_or_else(|| {
                            err(pos, "expected an rdf:resource attribute on <entity>".into())
                        })?;
                        let entity = parse_uri(&uri).ok_or_else(|| {
                            err(
                                pos,
                                format!("expected a URI like http://<Model>#<id>, found `{uri}`"),
                            )
                        })?;
                        if local.as_ref() == "entity1" {
                            entity1 = Some(entity);
                        } else {
                            entity2 = Some(entity);
                        }
                    }
                    "relation" if in_cell.is_some() && !is_empty => field = Some("relation"),
                    "measure" if in_cell.is_some() && !is_empty => field = Some("measure"),
                    _ => {}
                }
            }
            Event::Text(t) => match field {
                Some("relation") => relation.push_str(&t.xml10_content()),
                Some("measure") => measure_text.push_str(&t.xml10_content()),
                _ => {}
            },
            Event::GeneralRef(r) => {
                let s = match r.as_ref() {
                    "gt" => ">",
                    "lt" => "<",
                    "amp" => "&",
                    _ => "",
                };
                match field {
                    Some("relation") => relation.push_str(s),
                    Some("measure") => measure_text.push_str(s),
                    _ => {}
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "relation" | "measure" => field = None,
                "Cell" => {
                    let start = in_cell.take().unwrap_or(pos);
                    let (Some(e1), Some(e2)) = (entity1.take(), entity2.take()) else {
                        return Err(err(
                            start,
                            "expected <entity1> and <entity2> in <Cell>".into(),
                        ));
                    };
                    let relation = relation.trim();
                    cells.push(GoldCell {
                        entity1: e1,
                        entity2: e2,
                        relation: if relation.is_empty() {
                            "=".into()
                        } else {
                            relation.into()
                        },
                        measure: measure_text.trim().parse().ok(),
                    });
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(Alignment { cells })
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut o = offset.min(text.len());
    while !text.is_char_boundary(o) {
        o -= 1;
    }
    let before = &text[..o];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<rdf:RDF xmlns='http://knowledgeweb.semanticweb.org/heterogeneity/alignment#'
         xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>
<Alignment>
  <map><Cell>
    <entity1 rdf:resource='http://Cologne#sid-1'/>
    <entity2 rdf:resource='http://Frankfurt#sid-2'/>
    <relation>=</relation>
    <measure rdf:datatype='http://www.w3.org/2001/XMLSchema#float'>1.0</measure>
  </Cell></map>
  <map><Cell>
    <entity1 rdf:resource='http://Cologne#sid-3'/>
    <entity2 rdf:resource='http://Frankfurt#sid-4'/>
    <relation>&lt;</relation>
  </Cell></map>
</Alignment>
</rdf:RDF>"#;

    #[test]
    fn reads_cells_and_relations() {
        let a = parse_alignment("x.rdf", SAMPLE).unwrap();
        assert_eq!(a.cells.len(), 2);
        assert_eq!(a.cells[0].entity1.model, "Cologne");
        assert_eq!(a.cells[0].entity2.id, "sid-2");
        assert_eq!(a.cells[0].measure, Some(1.0));
        assert_eq!(a.cells[1].relation, "<");
        assert_eq!(a.equivalences().count(), 1);
    }

    #[test]
    fn uri_forms() {
        let e = parse_uri("http://example.org/models/Muenster.bpmn#Task_1").unwrap();
        assert_eq!((e.model.as_str(), e.id.as_str()), ("Muenster", "Task_1"));
        assert!(parse_uri("http://Cologne").is_none());
    }

    #[test]
    fn errors_name_position() {
        let bad =
            "<Alignment>\n<map><Cell>\n<entity1 rdf:resource='nohash'/>\n</Cell></map></Alignment>";
        let e = parse_alignment("bad.rdf", bad).unwrap_err().to_string();
        assert!(e.starts_with("bad.rdf:3:1:"), "{e}");
        let broken = "<Alignment><map><Cell></map>";
        assert!(parse_alignment("broken.rdf", broken).is_err());
    }
}
