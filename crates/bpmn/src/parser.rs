//! The pull parser: quick-xml events → [`Model`].
//!
//! Elements are matched by namespace URI and local name, never by prefix.
//! One pass over the events with a stack of [`Frame`]s saying what each open
//! element is; anything unknown (vendor elements, BPMN elements Peta does not
//! model) becomes [`Frame::Other`] and its subtree is skipped cheaply.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{NamespaceResolver, ResolveResult};
use quick_xml::reader::NsReader;

use crate::diagnostic::{Diagnostic, ParseError, Severity};
use crate::locate::{position_of, Locator};
use crate::model::*;
use crate::text::{attr_value, entity, label};
use crate::ParseOptions;

/// BPMN 2.0 semantic model namespace.
pub const BPMN_NS: &str = "http://www.omg.org/spec/BPMN/20100524/MODEL";
/// BPMN 2.0 diagram interchange namespace.
pub const BPMNDI_NS: &str = "http://www.omg.org/spec/BPMN/20100524/DI";
/// OMG Diagram Definition: common elements (`Bounds`).
pub const DC_NS: &str = "http://www.omg.org/spec/DD/20100524/DC";
/// OMG Diagram Definition: diagram interchange (`waypoint`).
pub const DI_NS: &str = "http://www.omg.org/spec/DD/20100524/DI";

/// Which namespace an element is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    Bpmn,
    BpmnDi,
    Dc,
    Di,
    /// Any other namespace, or none.
    Other,
}

/// The owner of `documentation` and `extensionElements`.
#[derive(Debug, Clone, Copy)]
enum Owner {
    None,
    Definitions,
    Process(usize),
    Node(usize, usize),
    Flow(usize, usize),
    Participant(usize, usize),
    MessageFlow(usize, usize),
    /// The innermost lane being built.
    Lane,
}

/// Where a text annotation or association lives.
#[derive(Debug, Clone, Copy)]
enum Holder {
    Process(usize),
    Collab(usize),
}

/// What an open element is. Frames that capture text hold the length of
/// the text buffer when they opened.
#[derive(Debug)]
enum Frame {
    Definitions,
    Process(usize),
    Node {
        proc: usize,
        node: usize,
        /// Sub-processes: children are flow elements of this scope.
        scope: bool,
    },
    Flow(usize, usize),
    Condition(usize, usize, usize),
    Doc(Owner, usize),
    Collab(usize),
    Participant(usize, usize),
    MessageFlow(usize, usize),
    Annotation(Holder, usize),
    AnnotationText(Holder, usize, usize),
    LaneSet,
    Lane,
    FlowNodeRef(usize),
    DataAssoc,
    AssocEnd {
        source: bool,
        start: usize,
    },
    Ext(Owner),
    /// An element inside `extensionElements` that names a key but gives no
    /// value attribute: the value is its text content.
    ExtProp(Owner, String, usize),
    Diagram(usize),
    Plane(usize),
    Shape(usize, usize),
    Edge(usize, usize),
    DiLabel {
        diagram: usize,
        item: usize,
        edge: bool,
    },
    Other,
}

impl Frame {
    fn captures(&self) -> bool {
        matches!(
            self,
            Frame::Condition(..)
                | Frame::Doc(..)
                | Frame::AnnotationText(..)
                | Frame::FlowNodeRef(..)
                | Frame::AssocEnd { .. }
                | Frame::ExtProp(..)
        )
    }
}

/// A lane set or lane under construction (lanes nest through child lane sets).
enum LaneBuild {
    Set(LaneSet),
    Lane(Lane),
}

/// A data association under construction, with both its ends kept until
/// the data elements of the process are known.
struct AssocBuild {
    proc: usize,
    assoc: DataAssociation,
    sources: Vec<String>,
    target: Option<String>,
}

/// One element's attributes, decoded.
struct Attrs<'a> {
    /// `(local name, value)` of unprefixed (or BPMN-prefixed) attributes.
    plain: Vec<(&'a str, Cow<'a, str>)>,
    /// Foreign-namespace attributes, `{uri}local` → value.
    foreign: Vec<(String, String)>,
}

impl<'a> Attrs<'a> {
    fn get(&self, name: &str) -> Option<&str> {
        self.plain
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_ref())
    }
    fn string(&self, name: &str) -> Option<String> {
        self.get(name).map(str::to_string)
    }
    /// A reference attribute (IDREF or QName): a QName's prefix is dropped,
    /// since an id (an NCName) never contains `:` (GenMyModel writes
    /// `bpmnElement="bpmn2:_id"`).
    fn idref(&self, name: &str) -> Option<String> {
        self.get(name).map(|v| {
            let v = v.trim();
            v.rsplit_once(':').map_or(v, |(_, local)| local).to_string()
        })
    }
    fn id(&self) -> String {
        self.get("id").unwrap_or_default().to_string()
    }
    fn label(&self, name: &str) -> Option<Label> {
        self.plain
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| label(v.clone()))
    }
    fn bool(&self, name: &str) -> Option<bool> {
        self.get(name).and_then(|v| match v.trim() {
            "true" | "1" => Some(true),
            "false" | "0" => Some(false),
            _ => None,
        })
    }
    fn f64(&self, name: &str) -> f64 {
        self.get(name)
            .and_then(|v| v.trim().parse::<f64>().ok())
            .filter(|v| v.is_finite())
            .unwrap_or(0.0)
    }
    fn ext(&mut self) -> Extensions {
        Extensions {
            attributes: std::mem::take(&mut self.foreign),
            properties: Vec::new(),
        }
    }
}

/// Parses decoded text into a model. `warnings` are carried over from decoding.
pub(crate) fn parse(
    key: &str,
    file: &str,
    src: &str,
    encoding: &str,
    opts: &ParseOptions,
    warnings: Vec<Diagnostic>,
) -> Result<Model, ParseError> {
    let mut reader = NsReader::from_str(src);
    {
        let cfg = reader.config_mut();
        cfg.check_end_names = true;
        cfg.expand_empty_elements = false;
        cfg.trim_text(false);
    }
    let mut b = Builder {
        src,
        file,
        loc: Locator::new(src),
        model: Model {
            key: key.to_string(),
            encoding: encoding.to_string(),
            diagnostics: warnings,
            ..Model::default()
        },
        stack: Vec::with_capacity(32),
        starts: Vec::with_capacity(32),
        text: String::new(),
        capturing: 0,
        lanes: Vec::new(),
        assoc: None,
        assocs: Vec::new(),
        seen_root: false,
        virtual_root: 0,
        undeclared: Vec::new(),
        plane_pos: Vec::new(),
        root_pos: Position::default(),
        unknown: Vec::new(),
        bad_name_seen: false,
        max_depth: opts.max_depth,
    };
    // Positions of decoding warnings.
    for d in &mut b.model.diagnostics {
        if let Some(off) = d.offset {
            let p = position_of(src, off);
            d.line = p.line;
            d.column = p.column;
        }
    }
    loop {
        let offset = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(ev) => ev,
            Err(err) => {
                let at = reader.error_position() as usize;
                return Err(b.xml_error(&err, at));
            }
        };
        match event {
            Event::Start(e) => {
                let frame = b.open(reader.resolver(), &e, offset)?;
                b.push(frame, offset)?;
            }
            Event::Empty(e) => {
                let frame = b.open(reader.resolver(), &e, offset)?;
                if frame.captures() {
                    b.capturing += 1;
                }
                b.close(frame);
            }
            Event::End(_) => {
                if let Some(frame) = b.stack.pop() {
                    b.starts.pop();
                    b.close(frame);
                }
            }
            Event::Text(t) => {
                if b.capturing > 0 {
                    b.text.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if b.capturing > 0 {
                    b.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if b.capturing > 0 {
                    match entity(&r) {
                        Some(c) => b.text.push(c),
                        None => {
                            // Never expanded: kept literally.
                            b.text.push('&');
                            b.text.push_str(&r);
                            b.text.push(';');
                        }
                    }
                }
            }
            Event::DocType(_) => {
                let pos = b.loc.at(offset);
                b.warn_at(
                    "doctype-ignored",
                    "the document has a DOCTYPE declaration; it is ignored and its entities are never expanded",
                    pos,
                    offset,
                    None,
                );
            }
            Event::Eof => break,
            Event::Decl(d) => {
                let misplaced = offset > 0;
                let malformed = !declaration_is_well_formed(&d);
                if misplaced || malformed {
                    let pos = b.loc.at(offset);
                    let (msg, hint) = if misplaced {
                        (
                            "the XML declaration is not at the very start of the file",
                            "remove what comes before `<?xml` (blank lines, spaces)",
                        )
                    } else {
                        (
                            "malformed XML declaration: pseudo-attributes must be separated by spaces",
                            "expected e.g. <?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                        )
                    };
                    b.warn_at("xml-declaration", msg, pos, offset, Some(hint.into()));
                }
            }
            Event::PI(_) | Event::Comment(_) => {}
        }
    }
    let real_open = b.stack.len().saturating_sub(b.virtual_root);
    if real_open > 0 {
        let open_at = b.starts.last().copied().unwrap_or(0);
        let name = tag_name_at(src, open_at);
        let open_pos = position_of(src, open_at);
        return Err(b.fatal(
            "xml-syntax",
            format!(
                "unexpected end of file: expected `</{name}>` to close the element opened at line {}, column {}",
                open_pos.line, open_pos.column
            ),
            src.len(),
            Some("the file is truncated or an end tag is missing".into()),
        ));
    }
    if !b.seen_root {
        return Err(b.fatal(
            "not-bpmn",
            "the file holds no XML element; expected a BPMN `<definitions>` root element".into(),
            src.len(),
            None,
        ));
    }
    b.finish();
    let plane_pos = std::mem::take(&mut b.plane_pos);
    let mut model = b.model;
    crate::validate::validate(&mut model, src, &plane_pos, b.root_pos);
    Ok(model)
}

/// The qualified tag name of the start tag at `offset` (for messages).
fn tag_name_at(src: &str, offset: usize) -> &str {
    let rest = src.get(offset + 1..).unwrap_or("");
    let end = rest
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(rest.len());
    &rest[..end]
}

struct Builder<'s> {
    src: &'s str,
    file: &'s str,
    loc: Locator<'s>,
    model: Model,
    stack: Vec<Frame>,
    /// Start offsets of the open elements (parallel to `stack`).
    starts: Vec<usize>,
    /// Text captured for the innermost capturing frames.
    text: String,
    capturing: usize,
    lanes: Vec<LaneBuild>,
    assoc: Option<AssocBuild>,
    assocs: Vec<(usize, usize, Vec<String>, Option<String>)>,
    seen_root: bool,
    /// The root element was a BPMN fragment (not `definitions`): this many
    /// frames (`Definitions`, and for DI fragments a diagram and plane)
    /// were pushed in place of the missing ancestors.
    virtual_root: usize,
    /// An invalid attribute name was already reported.
    bad_name_seen: bool,
    /// Unknown element names already warned about.
    unknown: Vec<String>,
    /// Position of the root element.
    root_pos: Position,
    /// Position of each diagram's plane (for validation messages).
    plane_pos: Vec<Position>,
    /// Undeclared element prefixes already warned about.
    undeclared: Vec<String>,
    max_depth: usize,
}

impl<'s> Builder<'s> {
    fn push(&mut self, frame: Frame, offset: usize) -> Result<(), ParseError> {
        if self.stack.len() >= self.max_depth {
            return Err(self.fatal(
                "too-deep",
                format!(
                    "elements nest deeper than the limit of {} levels",
                    self.max_depth
                ),
                offset,
                Some("BPMN files rarely nest beyond 30 levels; raise the limit only for a trusted file".into()),
            ));
        }
        if frame.captures() {
            self.capturing += 1;
        }
        self.stack.push(frame);
        self.starts.push(offset);
        Ok(())
    }

    fn fatal(
        &self,
        code: &str,
        message: String,
        offset: usize,
        hint: Option<String>,
    ) -> ParseError {
        let offset = offset.min(self.src.len());
        let pos = position_of(self.src, offset);
        let mut diagnostics = vec![Diagnostic {
            severity: Severity::Error,
            code: code.into(),
            message,
            line: pos.line,
            column: pos.column,
            offset: Some(offset),
            hint,
        }];
        diagnostics.extend(self.model.diagnostics.iter().cloned());
        ParseError {
            file: self.file.to_string(),
            diagnostics,
            source_text: Some(self.src.to_string()),
        }
    }

    fn warn_at(
        &mut self,
        code: &str,
        message: &str,
        pos: Position,
        offset: usize,
        hint: Option<String>,
    ) {
        self.model.diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            code: code.into(),
            message: message.into(),
            line: pos.line,
            column: pos.column,
            offset: Some(offset),
            hint,
        });
    }

    fn xml_error(&self, err: &quick_xml::Error, at: usize) -> ParseError {
        use quick_xml::errors::{IllFormedError, SyntaxError};
        use quick_xml::Error as E;
        let (message, hint): (String, Option<&str>) = match err {
            E::Syntax(s) => (
                format!("malformed XML: {s}"),
                Some(match s {
                    SyntaxError::UnclosedTag => "expected `>` to close this tag",
                    SyntaxError::UnclosedComment => "expected `-->` to close this comment",
                    SyntaxError::UnclosedCData => "expected `]]>` to close this CDATA section",
                    SyntaxError::UnclosedDoctype => "expected `>` to close this DOCTYPE",
                    SyntaxError::UnclosedPI | SyntaxError::UnclosedXmlDecl => {
                        "expected `?>` to close this processing instruction"
                    }
                    SyntaxError::UnclosedSingleQuotedAttributeValue => {
                        "expected `'` to close this attribute value"
                    }
                    SyntaxError::UnclosedDoubleQuotedAttributeValue => {
                        "expected `\"` to close this attribute value"
                    }
                    SyntaxError::InvalidBangMarkup => {
                        "expected `<!--`, `<![CDATA[` or `<!DOCTYPE` after `<!`"
                    }
                }),
            ),
            E::IllFormed(IllFormedError::MismatchedEndTag { expected, found }) => (
                format!("mismatched end tag: expected `</{expected}>`, found `</{found}>`"),
                Some("every start tag needs the matching end tag, in order"),
            ),
            E::IllFormed(IllFormedError::UnmatchedEndTag(t)) => (
                format!("end tag `</{t}>` closes no open element"),
                Some("remove the stray end tag or add its start tag"),
            ),
            E::IllFormed(i) => (format!("malformed XML: {i}"), None),
            E::InvalidAttr(a) => (
                format!("malformed attribute: {a}"),
                Some("expected name=\"value\" pairs with quoted values and no duplicates"),
            ),
            E::Escape(e) => (
                format!("malformed entity or character reference: {e}"),
                Some("expected `&lt;`, `&gt;`, `&amp;`, `&apos;`, `&quot;` or `&#NN;`; write a bare `&` as `&amp;`"),
            ),
            E::Namespace(n) => (format!("namespace error: {n}"), None),
            E::Encoding(e) => (format!("encoding error: {e}"), None),
            E::Io(e) => (format!("read error: {e}"), None),
        };
        self.fatal("xml-syntax", message, at, hint.map(str::to_string))
    }

    /// Warns once per file and element name about an unknown element.
    fn warn_unknown(&mut self, local: &str, offset: usize, message: String) {
        if self.unknown.iter().any(|u| u == local) {
            return;
        }
        self.unknown.push(local.to_string());
        let pos = self.loc.at(offset);
        self.warn_at(
            "unknown-element",
            &message,
            pos,
            offset,
            Some("vendor data belongs in <extensionElements> or a namespace of its own".into()),
        );
    }

    /// A malformed attribute, positioned at the fault inside the tag.
    fn attr_error(&self, err: &quick_xml::events::attributes::AttrError, tag: usize) -> ParseError {
        use quick_xml::events::attributes::AttrError as A;
        let (at, message, hint) = match *err {
            A::ExpectedEq(p) => (
                p,
                "attribute name not followed by `=`".to_string(),
                "expected name=\"value\"",
            ),
            A::ExpectedValue(p) => (
                p,
                "attribute has no value after `=`".into(),
                "expected a quoted value",
            ),
            A::UnquotedValue(p) => (
                p,
                "attribute value is not quoted".into(),
                "expected name=\"value\"",
            ),
            A::ExpectedQuote(p, q) => (
                p,
                format!("attribute value is not closed by `{}`", q as char),
                "expected the closing quote",
            ),
            A::Duplicated(p, prev) => {
                let prev_pos = position_of(self.src, tag + 1 + prev);
                (
                    p,
                    format!(
                        "duplicate attribute (first given at line {}, column {})",
                        prev_pos.line, prev_pos.column
                    ),
                    "an attribute may appear only once per element",
                )
            }
        };
        self.fatal(
            "xml-syntax",
            format!("malformed attribute: {message}"),
            tag + 1 + at,
            Some(hint.to_string()),
        )
    }

    /// Decodes an element's attributes.
    fn attrs<'e>(
        &mut self,
        resolver: &NamespaceResolver,
        e: &'e BytesStart<'_>,
        offset: usize,
    ) -> Result<Attrs<'e>, ParseError> {
        let mut out = Attrs {
            plain: Vec::with_capacity(8),
            foreign: Vec::new(),
        };
        for a in e.attributes() {
            let a = a.map_err(|err| self.attr_error(&err, offset))?;
            let qname = a.key.into_inner();
            if !self.bad_name_seen && !qname.split(':').all(is_xml_name) {
                self.bad_name_seen = true;
                let pos = self.loc.at(offset);
                self.warn_at(
                    "invalid-name",
                    &format!("`{qname}` is not a valid XML attribute name; the file is not well-formed XML"),
                    pos,
                    offset,
                    Some("names start with a letter or `_` and hold letters, digits, `-`, `_` or `.`".into()),
                );
            }
            match qname.split_once(':') {
                None => {
                    if qname != "xmlns" {
                        let value = match a.value {
                            Cow::Borrowed(v) => attr_value(v),
                            Cow::Owned(v) => Cow::Owned(attr_value(&v).into_owned()),
                        };
                        out.plain.push((qname, value));
                    }
                }
                Some((prefix, local)) => {
                    if prefix == "xmlns" || prefix == "xml" {
                        continue;
                    }
                    let (ns, _) = resolver.resolve_attribute(a.key);
                    match ns {
                        ResolveResult::Bound(n) if n.into_inner() == BPMN_NS => {
                            let value = match a.value {
                                Cow::Borrowed(v) => attr_value(v),
                                Cow::Owned(v) => Cow::Owned(attr_value(&v).into_owned()),
                            };
                            out.plain.push((local, value));
                        }
                        ResolveResult::Bound(n) => {
                            let uri = n.into_inner();
                            if uri == "http://www.w3.org/2001/XMLSchema-instance" {
                                continue;
                            }
                            out.foreign.push((
                                format!("{{{uri}}}{local}"),
                                attr_value(&a.value).into_owned(),
                            ));
                        }
                        _ => {
                            if !self.undeclared.iter().any(|p| p == prefix) {
                                self.undeclared.push(prefix.to_string());
                                let pos = self.loc.at(offset);
                                self.warn_at(
                                    "undeclared-prefix",
                                    &format!("attribute `{qname}` uses the undeclared namespace prefix `{prefix}`"),
                                    pos,
                                    offset,
                                    Some(format!("declare it, e.g. xmlns:{prefix}=\"…\", on an enclosing element")),
                                );
                            }
                            out.foreign
                                .push((qname.to_string(), attr_value(&a.value).into_owned()))
                        }
                    }
                }
            }
        }
        Ok(out)
    }

    /// Decides what a start tag is, creating model elements as needed.
    fn open(
        &mut self,
        resolver: &NamespaceResolver,
        e: &BytesStart<'_>,
        offset: usize,
    ) -> Result<Frame, ParseError> {
        let top = self.stack.last();
        // Fast path: inside an ignored subtree nothing is of interest; markup
        // inside text (HTML in documentation) only adds to the text.
        if matches!(
            top,
            Some(Frame::Other | Frame::Doc(..) | Frame::AnnotationText(..) | Frame::Condition(..))
        ) {
            return Ok(Frame::Other);
        }
        let (resolved, local) = resolver.resolve_element(e.name());
        let local = local.into_inner();
        let ns = match &resolved {
            ResolveResult::Bound(n) => match n.into_inner() {
                BPMN_NS => Ns::Bpmn,
                BPMNDI_NS => Ns::BpmnDi,
                DC_NS => Ns::Dc,
                DI_NS => Ns::Di,
                _ => Ns::Other,
            },
            ResolveResult::Unknown(prefix) if self.seen_root => {
                if !self.undeclared.iter().any(|p| p == prefix) {
                    let prefix = prefix.clone();
                    let pos = self.loc.at(offset);
                    self.warn_at(
                        "undeclared-prefix",
                        &format!("element `{prefix}:{local}` uses the undeclared namespace prefix `{prefix}`; elements with this prefix are ignored"),
                        pos,
                        offset,
                        Some(format!("declare it on an enclosing element, e.g. xmlns:{prefix}=\"{BPMN_NS}\"")),
                    );
                    self.undeclared.push(prefix);
                }
                Ns::Other
            }
            _ => Ns::Other,
        };
        if !self.seen_root {
            self.seen_root = true;
            return self.open_root(resolver, e, offset, ns, &resolved, local);
        }
        let top = match self.stack.last() {
            Some(f) => f,
            None => return Ok(Frame::Other),
        };
        // Extension elements: any namespace.
        if let Frame::Ext(owner) | Frame::ExtProp(owner, ..) = *top {
            return self.open_extension(resolver, e, offset, owner);
        }
        match ns {
            Ns::Bpmn if !crate::elements::is_bpmn_element(local) => {
                self.warn_unknown(
                    local,
                    offset,
                    format!("`{local}` is not an element of BPMN 2.0; it is ignored"),
                );
                Ok(Frame::Other)
            }
            Ns::Other if matches!(resolved, ResolveResult::Unbound) => {
                self.warn_unknown(
                    local,
                    offset,
                    format!(
                        "element `{local}` is in no namespace, so it is not BPMN; it is ignored"
                    ),
                );
                Ok(Frame::Other)
            }
            Ns::Bpmn => self.open_bpmn(resolver, e, offset, local),
            Ns::BpmnDi | Ns::Dc | Ns::Di => self.open_di(resolver, e, offset, ns, local),
            Ns::Other => Ok(Frame::Other),
        }
    }

    fn open_root(
        &mut self,
        resolver: &NamespaceResolver,
        e: &BytesStart<'_>,
        offset: usize,
        ns: Ns,
        resolved: &ResolveResult<'_>,
        local: &str,
    ) -> Result<Frame, ParseError> {
        // Malformed or duplicate attributes on the root are fatal whatever it is.
        let mut a = self.attrs(resolver, e, offset)?;
        self.root_pos = self.loc.at(offset);
        if ns == Ns::Bpmn && local == "definitions" {
            self.model.definitions = Definitions {
                id: a.string("id"),
                name: a.string("name"),
                exporter: a.string("exporter"),
                exporter_version: a.string("exporterVersion"),
                target_namespace: a.string("targetNamespace"),
                ext: a.ext(),
            };
            return Ok(Frame::Definitions);
        }
        if ns == Ns::Bpmn {
            // A fragment (e.g. a lone `<process>`): read it as if it were
            // wrapped in `<definitions>`.
            let pos = self.loc.at(offset);
            self.warn_at(
                "no-definitions",
                &format!(
                    "the root element is `{local}`, not `definitions`; read as a BPMN fragment"
                ),
                pos,
                offset,
                None,
            );
            self.stack.push(Frame::Definitions);
            self.starts.push(offset);
            self.virtual_root = 1;
            return self.open_bpmn(resolver, e, offset, local);
        }
        if ns == Ns::BpmnDi
            && matches!(
                local,
                "BPMNDiagram" | "BPMNPlane" | "BPMNShape" | "BPMNEdge"
            )
        {
            // A diagram-interchange fragment: supply the missing diagram
            // and plane.
            let pos = self.loc.at(offset);
            self.warn_at(
                "no-definitions",
                &format!("the root element is the diagram element `{local}`, not `definitions`; read as a fragment"),
                pos,
                offset,
                None,
            );
            self.stack.push(Frame::Definitions);
            self.starts.push(offset);
            self.virtual_root = 1;
            if local != "BPMNDiagram" {
                self.model.diagrams.push(Diagram::default());
                let d = self.model.diagrams.len() - 1;
                self.stack.push(Frame::Diagram(d));
                self.starts.push(offset);
                self.virtual_root += 1;
                if local != "BPMNPlane" {
                    self.stack.push(Frame::Plane(d));
                    self.starts.push(offset);
                    self.virtual_root += 1;
                }
            }
            return self.open_di(resolver, e, offset, ns, local);
        }
        let found = match resolved {
            ResolveResult::Bound(n) => format!("`{local}` in namespace `{}`", n.into_inner()),
            ResolveResult::Unbound => format!("`{local}` in no namespace"),
            ResolveResult::Unknown(p) => format!("`{p}:{local}` with an undeclared prefix"),
        };
        Err(self.fatal(
            "not-bpmn",
            format!("not a BPMN 2.0 document: the root element is {found}"),
            offset,
            Some(format!("expected `<definitions xmlns=\"{BPMN_NS}\">`")),
        ))
    }

    /// The flow-element scope at the top of the stack: `(process, parent sub-process node)`.
    fn scope(&self) -> Option<(usize, Option<usize>)> {
        match self.stack.last()? {
            Frame::Process(p) => Some((*p, None)),
            Frame::Node {
                proc,
                node,
                scope: true,
            } => Some((*proc, Some(*node))),
            _ => None,
        }
    }

    fn owner_of_top(&self) -> Owner {
        match self.stack.last() {
            Some(Frame::Definitions) => Owner::Definitions,
            Some(Frame::Process(p)) => Owner::Process(*p),
            Some(Frame::Node { proc, node, .. }) => Owner::Node(*proc, *node),
            Some(Frame::Flow(p, f)) => Owner::Flow(*p, *f),
            Some(Frame::Participant(c, i)) => Owner::Participant(*c, *i),
            Some(Frame::MessageFlow(c, i)) => Owner::MessageFlow(*c, *i),
            Some(Frame::Lane) => Owner::Lane,
            _ => Owner::None,
        }
    }

    fn open_bpmn(
        &mut self,
        resolver: &NamespaceResolver,
        e: &BytesStart<'_>,
        offset: usize,
        local: &str,
    ) -> Result<Frame, ParseError> {
        // Elements valid under many parents.
        match local {
            "documentation" => return Ok(Frame::Doc(self.owner_of_top(), self.text.len())),
            "extensionElements" => return Ok(Frame::Ext(self.owner_of_top())),
            _ => {}
        }
        if let Some((proc, parent)) = self.scope() {
            if let Some(frame) = self.open_flow_element(resolver, e, offset, local, proc, parent)? {
                return Ok(frame);
            }
        }
        let top = match self.stack.last() {
            Some(f) => f,
            None => return Ok(Frame::Other),
        };
        let frame = match (top, local) {
            (Frame::Definitions, "process") => {
                let mut a = self.attrs(resolver, e, offset)?;
                let pos = self.loc.at(offset);
                self.model.processes.push(Process {
                    id: a.id(),
                    name: a.label("name"),
                    is_executable: a.bool("isExecutable"),
                    ext: a.ext(),
                    pos,
                    ..Process::default()
                });
                Frame::Process(self.model.processes.len() - 1)
            }
            (Frame::Definitions, "collaboration") => {
                let a = self.attrs(resolver, e, offset)?;
                let pos = self.loc.at(offset);
                self.model.collaborations.push(Collaboration {
                    id: a.id(),
                    name: a.label("name"),
                    pos,
                    ..Collaboration::default()
                });
                Frame::Collab(self.model.collaborations.len() - 1)
            }
            (Frame::Definitions, "dataStore") => {
                let a = self.attrs(resolver, e, offset)?;
                let pos = self.loc.at(offset);
                self.model.data_stores.push(DataStore {
                    id: a.id(),
                    name: a.label("name"),
                    pos,
                });
                Frame::Other
            }
            (Frame::Definitions, "message") => {
                let a = self.attrs(resolver, e, offset)?;
                let pos = self.loc.at(offset);
                self.model.messages.push(Message {
                    id: a.id(),
                    name: a.label("name"),
                    pos,
                });
                Frame::Other
            }
            (&Frame::Collab(c), "participant") => {
                let mut a = self.attrs(resolver, e, offset)?;
                let pos = self.loc.at(offset);
                let list = &mut self.model.collaborations[c].participants;
                list.push(Participant {
                    id: a.id(),
                    name: a.label("name"),
                    process_ref: a.idref("processRef"),
                    documentation: Vec::new(),
                    ext: a.ext(),
                    pos,
                });
                Frame::Participant(c, list.len() - 1)
            }
            (&Frame::Collab(c), "messageFlow") => {
                let mut a = self.attrs(resolver, e, offset)?;
                let pos = self.loc.at(offset);
                let list = &mut self.model.collaborations[c].message_flows;
                list.push(MessageFlow {
                    id: a.id(),
                    name: a.label("name"),
                    source_ref: a.idref("sourceRef").unwrap_or_default(),
                    target_ref: a.idref("targetRef").unwrap_or_default(),
                    message_ref: a.idref("messageRef"),
                    ext: a.ext(),
                    pos,
                });
                Frame::MessageFlow(c, list.len() - 1)
            }
            (&Frame::Collab(c), "textAnnotation") => {
                let a = self.attrs(resolver, e, offset)?;
                let pos = self.loc.at(offset);
                let list = &mut self.model.collaborations[c].text_annotations;
                list.push(TextAnnotation {
                    id: a.id(),
                    text: String::new(),
                    pos,
                });
                Frame::Annotation(Holder::Collab(c), list.len() - 1)
            }
            (&Frame::Collab(c), "association") => {
                let assoc = self.association(resolver, e, offset)?;
                self.model.collaborations[c].associations.push(assoc);
                Frame::Other
            }
            (&Frame::Annotation(h, i), "text") => Frame::AnnotationText(h, i, self.text.len()),
            (Frame::LaneSet, "lane") => {
                let mut a = self.attrs(resolver, e, offset)?;
                let pos = self.loc.at(offset);
                self.lanes.push(LaneBuild::Lane(Lane {
                    id: a.id(),
                    name: a.label("name"),
                    ext: a.ext(),
                    pos,
                    ..Lane::default()
                }));
                Frame::Lane
            }
            (Frame::Lane, "flowNodeRef") => Frame::FlowNodeRef(self.text.len()),
            (Frame::Lane, "childLaneSet") => {
                let a = self.attrs(resolver, e, offset)?;
                self.lanes.push(LaneBuild::Set(LaneSet {
                    id: a.string("id"),
                    name: a.label("name"),
                    lanes: Vec::new(),
                }));
                Frame::LaneSet
            }
            (&Frame::Flow(p, f), "conditionExpression") => Frame::Condition(p, f, self.text.len()),
            (&Frame::Node { proc, node, .. }, _) => {
                return self.open_node_child(resolver, e, offset, local, proc, node)
            }
            (Frame::DataAssoc, "sourceRef") => Frame::AssocEnd {
                source: true,
                start: self.text.len(),
            },
            (Frame::DataAssoc, "targetRef") => Frame::AssocEnd {
                source: false,
                start: self.text.len(),
            },
            _ => Frame::Other,
        };
        Ok(frame)
    }

    fn association(
        &mut self,
        resolver: &NamespaceResolver,
        e: &BytesStart<'_>,
        offset: usize,
    ) -> Result<Association, ParseError> {
        let a = self.attrs(resolver, e, offset)?;
        let pos = self.loc.at(offset);
        Ok(Association {
            id: a.id(),
            source_ref: a.idref("sourceRef").unwrap_or_default(),
            target_ref: a.idref("targetRef").unwrap_or_default(),
            pos,
        })
    }

    /// Flow elements and other content of a process or sub-process.
    fn open_flow_element(
        &mut self,
        resolver: &NamespaceResolver,
        e: &BytesStart<'_>,
        offset: usize,
        local: &str,
        proc: usize,
        parent_node: Option<usize>,
    ) -> Result<Option<Frame>, ParseError> {
        let kind = match flow_node_kind(local) {
            Some(k) => Some(k),
            None => match local {
                "sequenceFlow"
                | "dataObject"
                | "dataObjectReference"
                | "dataStoreReference"
                | "textAnnotation"
                | "association"
                | "laneSet" => None,
                _ => return Ok(None),
            },
        };
        let mut a = self.attrs(resolver, e, offset)?;
        let pos = self.loc.at(offset);
        let parent = parent_node.map(|n| self.model.processes[proc].flow_nodes[n].id.clone());
        let process = &mut self.model.processes[proc];
        let frame = if let Some(mut kind) = kind {
            let scope = matches!(kind, FlowNodeKind::SubProcess { .. });
            match &mut kind {
                FlowNodeKind::SubProcess {
                    kind: sp,
                    triggered_by_event,
                    ..
                } if a.bool("triggeredByEvent") == Some(true) => {
                    *triggered_by_event = true;
                    if *sp == SubProcessKind::Embedded {
                        *sp = SubProcessKind::Event;
                    }
                }
                FlowNodeKind::CallActivity { called_element } => {
                    *called_element = a.string("calledElement");
                }
                FlowNodeKind::Event {
                    attached_to,
                    cancel_activity,
                    ..
                } => {
                    *attached_to = a.idref("attachedToRef");
                    *cancel_activity = a.bool("cancelActivity").unwrap_or(true);
                }
                _ => {}
            }
            process.flow_nodes.push(FlowNode {
                id: a.id(),
                name: a.label("name"),
                kind,
                parent,
                default_flow: a.idref("default"),
                documentation: Vec::new(),
                ext: a.ext(),
                pos,
            });
            Frame::Node {
                proc,
                node: process.flow_nodes.len() - 1,
                scope,
            }
        } else {
            match local {
                "sequenceFlow" => {
                    process.sequence_flows.push(SequenceFlow {
                        id: a.id(),
                        name: a.label("name"),
                        source_ref: a.idref("sourceRef").unwrap_or_default(),
                        target_ref: a.idref("targetRef").unwrap_or_default(),
                        condition: None,
                        is_default: false,
                        parent,
                        ext: a.ext(),
                        pos,
                    });
                    Frame::Flow(proc, process.sequence_flows.len() - 1)
                }
                "dataObject" => {
                    process.data_objects.push(DataObject {
                        id: a.id(),
                        name: a.label("name"),
                        is_collection: a.bool("isCollection").unwrap_or(false),
                        parent,
                        pos,
                    });
                    Frame::Other
                }
                "dataObjectReference" => {
                    process.data_object_refs.push(DataObjectReference {
                        id: a.id(),
                        name: a.label("name"),
                        data_object_ref: a.idref("dataObjectRef"),
                        parent,
                        pos,
                    });
                    Frame::Other
                }
                "dataStoreReference" => {
                    process.data_store_refs.push(DataStoreReference {
                        id: a.id(),
                        name: a.label("name"),
                        data_store_ref: a.idref("dataStoreRef"),
                        parent,
                        pos,
                    });
                    Frame::Other
                }
                "textAnnotation" => {
                    process.text_annotations.push(TextAnnotation {
                        id: a.id(),
                        text: String::new(),
                        pos,
                    });
                    Frame::Annotation(Holder::Process(proc), process.text_annotations.len() - 1)
                }
                "association" => {
                    process.associations.push(Association {
                        id: a.id(),
                        source_ref: a.idref("sourceRef").unwrap_or_default(),
                        target_ref: a.idref("targetRef").unwrap_or_default(),
                        pos,
                    });
                    Frame::Other
                }
                _ => {
                    // laneSet
                    self.lanes.push(LaneBuild::Set(LaneSet {
                        id: a.string("id"),
                        name: a.label("name"),
                        lanes: Vec::new(),
                    }));
                    Frame::LaneSet
                }
            }
        };
        Ok(Some(frame))
    }

    /// Children of a flow node: event definitions, data associations.
    fn open_node_child(
        &mut self,
        resolver: &NamespaceResolver,
        e: &BytesStart<'_>,
        offset: usize,
        local: &str,
        proc: usize,
        node: usize,
    ) -> Result<Frame, ParseError> {
        if let Some(def) = event_definition(local) {
            if let FlowNodeKind::Event { definitions, .. } =
                &mut self.model.processes[proc].flow_nodes[node].kind
            {
                definitions.push(def);
            }
            return Ok(Frame::Other);
        }
        let direction = match local {
            "dataInputAssociation" => DataDirection::Input,
            "dataOutputAssociation" => DataDirection::Output,
            _ => return Ok(Frame::Other),
        };
        let a = self.attrs(resolver, e, offset)?;
        let pos = self.loc.at(offset);
        let node_id = self.model.processes[proc].flow_nodes[node].id.clone();
        self.assoc = Some(AssocBuild {
            proc,
            assoc: DataAssociation {
                id: a.id(),
                direction,
                node: node_id,
                data_refs: Vec::new(),
                pos,
            },
            sources: Vec::new(),
            target: None,
        });
        Ok(Frame::DataAssoc)
    }

    /// An element inside `extensionElements`: a key/value property when it
    /// carries a key attribute (`name`, `key`, `metaKey`) and a value
    /// attribute (`value`, `metaValue`, `stringValue`), or a key and text.
    fn open_extension(
        &mut self,
        resolver: &NamespaceResolver,
        e: &BytesStart<'_>,
        offset: usize,
        owner: Owner,
    ) -> Result<Frame, ParseError> {
        if matches!(owner, Owner::None) {
            return Ok(Frame::Ext(owner));
        }
        let a = self.attrs(resolver, e, offset)?;
        let key = a
            .get("name")
            .or_else(|| a.get("key"))
            .or_else(|| a.get("metaKey"));
        let Some(key) = key else {
            return Ok(Frame::Ext(owner));
        };
        let value = a
            .get("value")
            .or_else(|| a.get("metaValue"))
            .or_else(|| a.get("stringValue"));
        match value {
            Some(v) => {
                let prop = (key.to_string(), v.to_string());
                if let Some(ext) = self.ext_mut(owner) {
                    ext.properties.push(prop);
                }
                Ok(Frame::Ext(owner))
            }
            None => Ok(Frame::ExtProp(owner, key.to_string(), self.text.len())),
        }
    }

    fn ext_mut(&mut self, owner: Owner) -> Option<&mut Extensions> {
        let m = &mut self.model;
        match owner {
            Owner::None => None,
            Owner::Definitions => Some(&mut m.definitions.ext),
            Owner::Process(p) => Some(&mut m.processes.get_mut(p)?.ext),
            Owner::Node(p, n) => Some(&mut m.processes.get_mut(p)?.flow_nodes.get_mut(n)?.ext),
            Owner::Flow(p, f) => Some(&mut m.processes.get_mut(p)?.sequence_flows.get_mut(f)?.ext),
            Owner::Participant(c, i) => {
                Some(&mut m.collaborations.get_mut(c)?.participants.get_mut(i)?.ext)
            }
            Owner::MessageFlow(c, i) => {
                Some(&mut m.collaborations.get_mut(c)?.message_flows.get_mut(i)?.ext)
            }
            Owner::Lane => match self.lanes.last_mut() {
                Some(LaneBuild::Lane(l)) => Some(&mut l.ext),
                _ => None,
            },
        }
    }

    fn open_di(
        &mut self,
        resolver: &NamespaceResolver,
        e: &BytesStart<'_>,
        offset: usize,
        ns: Ns,
        local: &str,
    ) -> Result<Frame, ParseError> {
        let top = match self.stack.last() {
            Some(f) => f,
            None => return Ok(Frame::Other),
        };
        let frame = match (top, ns, local) {
            (Frame::Definitions, Ns::BpmnDi, "BPMNDiagram") => {
                let a = self.attrs(resolver, e, offset)?;
                self.model.diagrams.push(Diagram {
                    id: a.string("id"),
                    name: a.string("name"),
                    ..Diagram::default()
                });
                Frame::Diagram(self.model.diagrams.len() - 1)
            }
            (&Frame::Diagram(d), Ns::BpmnDi, "BPMNPlane") => {
                let a = self.attrs(resolver, e, offset)?;
                self.model.diagrams[d].plane_element = a.idref("bpmnElement");
                let pos = self.loc.at(offset);
                if self.plane_pos.len() <= d {
                    self.plane_pos.resize(d + 1, Position::default());
                }
                self.plane_pos[d] = pos;
                Frame::Plane(d)
            }
            (&Frame::Plane(d), Ns::BpmnDi, "BPMNShape") => {
                let a = self.attrs(resolver, e, offset)?;
                let pos = self.loc.at(offset);
                let shapes = &mut self.model.diagrams[d].shapes;
                shapes.push(Shape {
                    id: a.string("id"),
                    bpmn_element: a.idref("bpmnElement").unwrap_or_default(),
                    bounds: Bounds::default(),
                    is_horizontal: a.bool("isHorizontal"),
                    is_expanded: a.bool("isExpanded"),
                    label_bounds: None,
                    pos,
                });
                Frame::Shape(d, shapes.len() - 1)
            }
            (&Frame::Plane(d), Ns::BpmnDi, "BPMNEdge") => {
                let a = self.attrs(resolver, e, offset)?;
                let pos = self.loc.at(offset);
                let edges = &mut self.model.diagrams[d].edges;
                edges.push(Edge {
                    id: a.string("id"),
                    bpmn_element: a.idref("bpmnElement").unwrap_or_default(),
                    waypoints: Vec::new(),
                    label_bounds: None,
                    pos,
                });
                Frame::Edge(d, edges.len() - 1)
            }
            (&Frame::Shape(d, s), Ns::Dc, "Bounds") => {
                let a = self.attrs(resolver, e, offset)?;
                self.model.diagrams[d].shapes[s].bounds = bounds(&a);
                Frame::Other
            }
            (&Frame::Shape(d, s), Ns::BpmnDi, "BPMNLabel") => Frame::DiLabel {
                diagram: d,
                item: s,
                edge: false,
            },
            (&Frame::Edge(d, i), Ns::BpmnDi, "BPMNLabel") => Frame::DiLabel {
                diagram: d,
                item: i,
                edge: true,
            },
            (&Frame::Edge(d, i), Ns::Di, "waypoint") => {
                let a = self.attrs(resolver, e, offset)?;
                self.model.diagrams[d].edges[i]
                    .waypoints
                    .push((a.f64("x"), a.f64("y")));
                Frame::Other
            }
            (
                &Frame::DiLabel {
                    diagram,
                    item,
                    edge,
                },
                Ns::Dc,
                "Bounds",
            ) => {
                let a = self.attrs(resolver, e, offset)?;
                let b = Some(bounds(&a));
                let dg = &mut self.model.diagrams[diagram];
                if edge {
                    dg.edges[item].label_bounds = b;
                } else {
                    dg.shapes[item].label_bounds = b;
                }
                Frame::Other
            }
            _ => Frame::Other,
        };
        Ok(frame)
    }

    /// Takes the text captured since `start`.
    fn take_text(&mut self, start: usize) -> String {
        let s = self.text.get(start..).unwrap_or("").to_string();
        self.text.truncate(start);
        s
    }

    fn close(&mut self, frame: Frame) {
        if frame.captures() {
            self.capturing = self.capturing.saturating_sub(1);
        }
        match frame {
            Frame::Condition(p, f, start) => {
                let t = self.take_text(start);
                if let Some(flow) = self
                    .model
                    .processes
                    .get_mut(p)
                    .and_then(|pr| pr.sequence_flows.get_mut(f))
                {
                    flow.condition = Some(t.trim().to_string());
                }
            }
            Frame::Doc(owner, start) => {
                let t = self.take_text(start);
                let t = t.trim();
                if t.is_empty() {
                    return;
                }
                let m = &mut self.model;
                let docs = match owner {
                    Owner::Process(p) => m.processes.get_mut(p).map(|x| &mut x.documentation),
                    Owner::Node(p, n) => m
                        .processes
                        .get_mut(p)
                        .and_then(|x| x.flow_nodes.get_mut(n))
                        .map(|x| &mut x.documentation),
                    Owner::Participant(c, i) => m
                        .collaborations
                        .get_mut(c)
                        .and_then(|x| x.participants.get_mut(i))
                        .map(|x| &mut x.documentation),
                    _ => None,
                };
                if let Some(docs) = docs {
                    docs.push(t.to_string());
                }
            }
            Frame::AnnotationText(h, i, start) => {
                let t = self.take_text(start);
                let ann = match h {
                    Holder::Process(p) => self
                        .model
                        .processes
                        .get_mut(p)
                        .and_then(|x| x.text_annotations.get_mut(i)),
                    Holder::Collab(c) => self
                        .model
                        .collaborations
                        .get_mut(c)
                        .and_then(|x| x.text_annotations.get_mut(i)),
                };
                if let Some(ann) = ann {
                    if !ann.text.is_empty() {
                        ann.text.push('\n');
                    }
                    ann.text.push_str(t.trim());
                }
            }
            Frame::FlowNodeRef(start) => {
                let t = self.take_text(start);
                let t = t.trim();
                let t = t.rsplit_once(':').map_or(t, |(_, local)| local);
                if let (false, Some(LaneBuild::Lane(l))) = (t.is_empty(), self.lanes.last_mut()) {
                    l.flow_node_refs.push(t.to_string());
                }
            }
            Frame::AssocEnd { source, start } => {
                let t = self.take_text(start);
                let t = t.trim();
                let t = t.rsplit_once(':').map_or(t, |(_, local)| local);
                if let (false, Some(b)) = (t.is_empty(), self.assoc.as_mut()) {
                    if source {
                        b.sources.push(t.to_string());
                    } else {
                        b.target = Some(t.to_string());
                    }
                }
            }
            Frame::DataAssoc => {
                if let Some(b) = self.assoc.take() {
                    if let Some(p) = self.model.processes.get_mut(b.proc) {
                        p.data_associations.push(b.assoc);
                        self.assocs.push((
                            b.proc,
                            p.data_associations.len() - 1,
                            b.sources,
                            b.target,
                        ));
                    }
                }
            }
            Frame::ExtProp(owner, key, start) => {
                let t = self.take_text(start);
                let t = t.trim();
                if !t.is_empty() {
                    let prop = (key, t.to_string());
                    if let Some(ext) = self.ext_mut(owner) {
                        ext.properties.push(prop);
                    }
                }
            }
            Frame::Lane => {
                if let Some(LaneBuild::Lane(lane)) = self.lanes.pop() {
                    if let Some(LaneBuild::Set(set)) = self.lanes.last_mut() {
                        set.lanes.push(lane);
                    }
                }
            }
            Frame::LaneSet => {
                if let Some(LaneBuild::Set(set)) = self.lanes.pop() {
                    match self.lanes.last_mut() {
                        Some(LaneBuild::Lane(l)) => l.child_lanes.push(set),
                        _ => {
                            // A top-level lane set: it belongs to the
                            // process whose scope encloses it.
                            let proc = self.stack.iter().rev().find_map(|f| match f {
                                Frame::Process(p) => Some(*p),
                                Frame::Node { proc, .. } => Some(*proc),
                                _ => None,
                            });
                            if let Some(p) = proc.and_then(|p| self.model.processes.get_mut(p)) {
                                p.lane_sets.push(set);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// Cross-element fix-ups once everything is read: default flows,
    /// `isExpanded` from the diagram, data association ends.
    fn finish(&mut self) {
        let m = &mut self.model;
        // Default flows.
        for p in &mut m.processes {
            let defaults: std::collections::HashSet<&str> = p
                .flow_nodes
                .iter()
                .filter_map(|n| n.default_flow.as_deref())
                .collect();
            if !defaults.is_empty() {
                for f in &mut p.sequence_flows {
                    if defaults.contains(f.id.as_str()) {
                        f.is_default = true;
                    }
                }
            }
        }
        // isExpanded of sub-processes, from the first shape that says so.
        let mut expanded: std::collections::HashMap<&str, bool> = std::collections::HashMap::new();
        for s in m.diagrams.iter().flat_map(|d| d.shapes.iter()) {
            if let Some(x) = s.is_expanded {
                expanded.entry(s.bpmn_element.as_str()).or_insert(x);
            }
        }
        if !expanded.is_empty() {
            for p in &mut m.processes {
                for n in &mut p.flow_nodes {
                    if let FlowNodeKind::SubProcess { is_expanded, .. } = &mut n.kind {
                        if let Some(&x) = expanded.get(n.id.as_str()) {
                            *is_expanded = Some(x);
                        }
                    }
                }
            }
        }
        // Data association ends: inputs read their sources, outputs write
        // their target. When the expected end names no data element of the
        // process but the other end does (tools that write it the other
        // way round), the other end is used.
        for (p, a, sources, target) in std::mem::take(&mut self.assocs) {
            let Some(process) = m.processes.get_mut(p) else {
                continue;
            };
            let is_data = |id: &str| {
                process.data_object_refs.iter().any(|r| r.id == id)
                    || process.data_store_refs.iter().any(|r| r.id == id)
                    || process.data_objects.iter().any(|o| o.id == id)
            };
            let Some(assoc) = process.data_associations.get(a) else {
                continue;
            };
            let refs: Vec<String> = match assoc.direction {
                DataDirection::Input => {
                    if !sources.iter().any(|s| is_data(s))
                        && target.as_deref().is_some_and(&is_data)
                    {
                        target.into_iter().collect()
                    } else {
                        sources
                    }
                }
                DataDirection::Output => {
                    if !target.as_deref().is_some_and(&is_data)
                        && sources.iter().any(|s| is_data(s))
                    {
                        sources.into_iter().filter(|s| is_data(s)).collect()
                    } else {
                        target.into_iter().collect()
                    }
                }
            };
            if let Some(assoc) = process.data_associations.get_mut(a) {
                assoc.data_refs = refs;
            }
        }
    }
}

/// An XML name (without `:`): a letter, `_` or non-ASCII character first,
/// then also digits, `-` and `.`.
fn is_xml_name(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_alphabetic() || c == '_' || !c.is_ascii() => {}
        _ => return false,
    }
    chars.all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.') || !c.is_ascii())
}

/// Checks an XML declaration's pseudo-attributes are separated by
/// whitespace (`version="1.0"encoding=…` is not well-formed).
fn declaration_is_well_formed(content: &str) -> bool {
    let mut quote: Option<char> = None;
    let mut after_value = false;
    for c in content.chars() {
        match quote {
            Some(q) if c == q => {
                quote = None;
                after_value = true;
            }
            Some(_) => {}
            None => {
                if after_value && !c.is_whitespace() && c != '?' {
                    return false;
                }
                after_value = false;
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
            }
        }
    }
    quote.is_none()
}

fn bounds(a: &Attrs<'_>) -> Bounds {
    Bounds {
        x: a.f64("x"),
        y: a.f64("y"),
        width: a.f64("width"),
        height: a.f64("height"),
    }
}

/// The kind of a flow node element, by BPMN local name.
fn flow_node_kind(local: &str) -> Option<FlowNodeKind> {
    let task = |t| Some(FlowNodeKind::Task(t));
    let event = |kind| {
        Some(FlowNodeKind::Event {
            kind,
            definitions: Vec::new(),
            attached_to: None,
            cancel_activity: true,
        })
    };
    let sub = |kind| {
        Some(FlowNodeKind::SubProcess {
            kind,
            triggered_by_event: false,
            is_expanded: None,
        })
    };
    match local {
        "task" => task(TaskKind::Task),
        "userTask" => task(TaskKind::User),
        "manualTask" => task(TaskKind::Manual),
        "serviceTask" => task(TaskKind::Service),
        "sendTask" => task(TaskKind::Send),
        "receiveTask" => task(TaskKind::Receive),
        "scriptTask" => task(TaskKind::Script),
        "businessRuleTask" => task(TaskKind::BusinessRule),
        "subProcess" => sub(SubProcessKind::Embedded),
        "transaction" => sub(SubProcessKind::Transaction),
        "adHocSubProcess" => sub(SubProcessKind::AdHoc),
        "callActivity" => Some(FlowNodeKind::CallActivity {
            called_element: None,
        }),
        "startEvent" => event(EventKind::Start),
        "endEvent" => event(EventKind::End),
        "intermediateCatchEvent" => event(EventKind::IntermediateCatch),
        "intermediateThrowEvent" => event(EventKind::IntermediateThrow),
        "boundaryEvent" => event(EventKind::Boundary),
        "exclusiveGateway" => Some(FlowNodeKind::Gateway(GatewayKind::Exclusive)),
        "inclusiveGateway" => Some(FlowNodeKind::Gateway(GatewayKind::Inclusive)),
        "parallelGateway" => Some(FlowNodeKind::Gateway(GatewayKind::Parallel)),
        "complexGateway" => Some(FlowNodeKind::Gateway(GatewayKind::Complex)),
        "eventBasedGateway" => Some(FlowNodeKind::Gateway(GatewayKind::EventBased)),
        _ => None,
    }
}

fn event_definition(local: &str) -> Option<EventDefinition> {
    Some(match local {
        "messageEventDefinition" => EventDefinition::Message,
        "timerEventDefinition" => EventDefinition::Timer,
        "errorEventDefinition" => EventDefinition::Error,
        "escalationEventDefinition" => EventDefinition::Escalation,
        "cancelEventDefinition" => EventDefinition::Cancel,
        "compensateEventDefinition" => EventDefinition::Compensate,
        "conditionalEventDefinition" => EventDefinition::Conditional,
        "linkEventDefinition" => EventDefinition::Link,
        "signalEventDefinition" => EventDefinition::Signal,
        "terminateEventDefinition" => EventDefinition::Terminate,
        _ => return None,
    })
}
