//! Behaviour of the importer on small hand-written documents.

use peta_bpmn::*;

fn parse(src: &str) -> Model {
    match parse_bytes("m", "m.bpmn", src.as_bytes(), &ParseOptions::default()) {
        Ok(m) => m,
        Err(e) => panic!("parse failed: {e}"),
    }
}

fn parse_err(src: &[u8]) -> ParseError {
    match parse_bytes("m", "m.bpmn", src, &ParseOptions::default()) {
        Ok(_) => panic!("expected an error"),
        Err(e) => e,
    }
}

fn codes(m: &Model) -> Vec<&str> {
    m.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

const FULL: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<sem:definitions xmlns:sem="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
    xmlns:omgdc="http://www.omg.org/spec/DD/20100524/DC"
    xmlns:omgdi="http://www.omg.org/spec/DD/20100524/DI"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
    xmlns:signavio="http://www.signavio.com"
    xmlns:vendor="http://example.com/vendor"
    id="D1" exporter="Test Modeler" exporterVersion="1.2" targetNamespace="http://x">
  <sem:collaboration id="C1">
    <sem:participant id="P_BKN" name="Badan Kepegawaian&#10;Negara" processRef="Proc1"/>
    <sem:participant id="P_Citizen" name="Pemohon"/>
    <sem:messageFlow id="MF1" sourceRef="P_Citizen" targetRef="Start" messageRef="Msg1"/>
  </sem:collaboration>
  <sem:message id="Msg1" name="Berkas"/>
  <sem:dataStore id="Store1" name="SIASN"/>
  <sem:process id="Proc1" name="Penetapan NIP" isExecutable="false">
    <sem:documentation>Proses &amp; dokumen</sem:documentation>
    <sem:laneSet id="LS1">
      <sem:lane id="L_Top" name="Kantor Regional">
        <sem:flowNodeRef>Start</sem:flowNodeRef>
        <sem:childLaneSet id="LS2">
          <sem:lane id="L_Sub" name="Bidang Mutasi">
            <sem:flowNodeRef>Verify</sem:flowNodeRef>
            <sem:flowNodeRef>Gw</sem:flowNodeRef>
            <sem:flowNodeRef>Sub</sem:flowNodeRef>
            <sem:flowNodeRef>End</sem:flowNodeRef>
            <sem:flowNodeRef>Call</sem:flowNodeRef>
          </sem:lane>
        </sem:childLaneSet>
      </sem:lane>
    </sem:laneSet>
    <sem:startEvent id="Start" name="Berkas diterima">
      <sem:messageEventDefinition/>
    </sem:startEvent>
    <sem:userTask id="Verify" name="  Verifikasi   berkas&#10;usulan " camunda:assignee="kepala" default="F_def">
      <sem:documentation>Periksa kelengkapan</sem:documentation>
      <sem:extensionElements>
        <camunda:properties>
          <camunda:property name="sla" value="3 hari"/>
        </camunda:properties>
        <signavio:signavioMetaData metaKey="owner" metaValue="BKN"/>
        <vendor:meta name="note"><vendor:value>free text</vendor:value></vendor:meta>
      </sem:extensionElements>
      <sem:ioSpecification>
        <sem:dataInput id="DI_1"/>
      </sem:ioSpecification>
      <sem:dataInputAssociation id="DIA1">
        <sem:sourceRef>DOR1</sem:sourceRef>
        <sem:targetRef>DI_1</sem:targetRef>
      </sem:dataInputAssociation>
      <sem:dataOutputAssociation id="DOA1">
        <sem:targetRef>DSR1</sem:targetRef>
      </sem:dataOutputAssociation>
    </sem:userTask>
    <sem:boundaryEvent id="Timer" attachedToRef="Verify" cancelActivity="false">
      <sem:timerEventDefinition/>
    </sem:boundaryEvent>
    <sem:exclusiveGateway id="Gw" name="Lengkap?" default="F_no"/>
    <sem:subProcess id="Sub" name="Penetapan">
      <sem:startEvent id="SubStart"/>
      <sem:serviceTask id="Inner" name="Terbitkan NIP"/>
      <sem:sequenceFlow id="SF_in" sourceRef="SubStart" targetRef="Inner"/>
    </sem:subProcess>
    <sem:callActivity id="Call" name="Arsip" calledElement="ArchiveProcess"/>
    <sem:endEvent id="End"><sem:terminateEventDefinition/></sem:endEvent>
    <sem:dataObject id="DO1" name="Berkas" isCollection="true"/>
    <sem:dataObjectReference id="DOR1" name="Berkas usulan" dataObjectRef="DO1"/>
    <sem:dataStoreReference id="DSR1" dataStoreRef="Store1"/>
    <sem:sequenceFlow id="F1" sourceRef="Start" targetRef="Verify"/>
    <sem:sequenceFlow id="F_def" sourceRef="Verify" targetRef="Gw"/>
    <sem:sequenceFlow id="F_yes" name="ya" sourceRef="Gw" targetRef="Sub">
      <sem:conditionExpression xsi:type="tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${lengkap &amp;&amp; ok}</sem:conditionExpression>
    </sem:sequenceFlow>
    <sem:sequenceFlow id="F_no" sourceRef="Gw" targetRef="End"/>
    <sem:sequenceFlow id="F2" sourceRef="Sub" targetRef="Call"/>
    <sem:sequenceFlow id="F3" sourceRef="Call" targetRef="End"/>
    <sem:textAnnotation id="TA1"><sem:text>Catatan</sem:text></sem:textAnnotation>
    <sem:association id="A1" sourceRef="TA1" targetRef="Verify"/>
  </sem:process>
  <bpmndi:BPMNDiagram id="Dia1" name="Main">
    <bpmndi:BPMNPlane id="Plane1" bpmnElement="C1">
      <bpmndi:BPMNShape id="S_Pool" bpmnElement="P_BKN" isHorizontal="true">
        <omgdc:Bounds x="0" y="0" width="800" height="300"/>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="S_Sub" bpmnElement="Sub" isExpanded="true">
        <omgdc:Bounds x="300.5" y="50" width="200" height="120"/>
        <bpmndi:BPMNLabel><omgdc:Bounds x="310" y="55" width="40" height="14"/></bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="E_F1" bpmnElement="F1">
        <omgdi:waypoint x="10" y="20"/>
        <omgdi:waypoint x="30" y="20"/>
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
  <bpmndi:BPMNDiagram id="Dia2">
    <bpmndi:BPMNPlane id="Plane2" bpmnElement="Sub"/>
  </bpmndi:BPMNDiagram>
</sem:definitions>
"#;

#[test]
fn reads_every_part_of_a_full_document() {
    let m = parse(FULL);
    assert_eq!(m.key, "m");
    assert_eq!(m.encoding, "UTF-8");
    assert_eq!(m.definitions.exporter.as_deref(), Some("Test Modeler"));
    assert_eq!(m.definitions.exporter_version.as_deref(), Some("1.2"));
    assert_eq!(m.definitions.target_namespace.as_deref(), Some("http://x"));

    let c = &m.collaborations[0];
    assert_eq!(c.participants.len(), 2);
    let bkn = &c.participants[0];
    let name = bkn.name.as_ref().expect("pool name");
    assert_eq!(name.raw, "Badan Kepegawaian\nNegara");
    assert_eq!(name.display, "Badan Kepegawaian Negara");
    assert_eq!(bkn.process_ref.as_deref(), Some("Proc1"));
    assert_eq!(c.message_flows[0].source_ref, "P_Citizen");
    assert_eq!(c.message_flows[0].message_ref.as_deref(), Some("Msg1"));
    assert_eq!(m.messages[0].id, "Msg1");
    assert_eq!(m.data_stores[0].id, "Store1");

    let p = &m.processes[0];
    assert_eq!(p.documentation, vec!["Proses & dokumen".to_string()]);
    assert_eq!(p.is_executable, Some(false));
    let kinds: Vec<&str> = p.flow_nodes.iter().map(|n| n.element_name()).collect();
    assert_eq!(
        kinds,
        [
            "startEvent",
            "userTask",
            "boundaryEvent",
            "exclusiveGateway",
            "subProcess",
            "startEvent",
            "serviceTask",
            "callActivity",
            "endEvent"
        ]
    );

    let verify = p.node("Verify").expect("Verify");
    assert_eq!(verify.label(), "Verifikasi berkas usulan");
    assert_eq!(
        verify.name.as_ref().map(|l| l.raw.as_str()),
        Some("  Verifikasi   berkas\nusulan ")
    );
    assert_eq!(
        verify.documentation,
        vec!["Periksa kelengkapan".to_string()]
    );
    assert_eq!(verify.ext.property("sla"), Some("3 hari"));
    assert_eq!(verify.ext.property("owner"), Some("BKN"));
    assert_eq!(verify.ext.property("note"), Some("free text"));
    assert!(verify.ext.attributes.contains(&(
        "{http://camunda.org/schema/1.0/bpmn}assignee".into(),
        "kepala".into()
    )));
    assert_eq!(verify.default_flow.as_deref(), Some("F_def"));

    let timer = p.node("Timer").expect("Timer");
    match &timer.kind {
        FlowNodeKind::Event {
            kind,
            definitions,
            attached_to,
            cancel_activity,
        } => {
            assert_eq!(*kind, EventKind::Boundary);
            assert_eq!(definitions, &[EventDefinition::Timer]);
            assert_eq!(attached_to.as_deref(), Some("Verify"));
            assert!(!cancel_activity);
        }
        other => panic!("{other:?}"),
    }
    match &p.node("End").expect("End").kind {
        FlowNodeKind::Event { definitions, .. } => {
            assert_eq!(definitions, &[EventDefinition::Terminate])
        }
        other => panic!("{other:?}"),
    }
    match &p.node("Call").expect("Call").kind {
        FlowNodeKind::CallActivity { called_element } => {
            assert_eq!(called_element.as_deref(), Some("ArchiveProcess"))
        }
        other => panic!("{other:?}"),
    }
    // Sub-process children are flat, with their parent.
    assert_eq!(
        p.node("Inner").and_then(|n| n.parent.as_deref()),
        Some("Sub")
    );
    assert_eq!(p.node("Sub").and_then(|n| n.parent.as_deref()), None);
    match &p.node("Sub").expect("Sub").kind {
        FlowNodeKind::SubProcess {
            kind, is_expanded, ..
        } => {
            assert_eq!(*kind, SubProcessKind::Embedded);
            assert_eq!(*is_expanded, Some(true));
        }
        other => panic!("{other:?}"),
    }
    let sf_in = p
        .sequence_flows
        .iter()
        .find(|f| f.id == "SF_in")
        .expect("SF_in");
    assert_eq!(sf_in.parent.as_deref(), Some("Sub"));

    // Conditions and defaults.
    let yes = p
        .sequence_flows
        .iter()
        .find(|f| f.id == "F_yes")
        .expect("F_yes");
    assert_eq!(yes.condition.as_deref(), Some("${lengkap && ok}"));
    let defaults: Vec<&str> = p
        .sequence_flows
        .iter()
        .filter(|f| f.is_default)
        .map(|f| f.id.as_str())
        .collect();
    assert_eq!(defaults, ["F_def", "F_no"]);

    // Lanes nest; the innermost lane wins.
    let lanes: Vec<(&str, usize)> = p.lanes().iter().map(|(l, d)| (l.id.as_str(), *d)).collect();
    assert_eq!(lanes, [("L_Top", 0), ("L_Sub", 1)]);
    assert_eq!(p.lane_of("Verify").map(|l| l.id.as_str()), Some("L_Sub"));
    assert_eq!(p.lane_of("Start").map(|l| l.id.as_str()), Some("L_Top"));

    // Data.
    assert!(p.data_objects[0].is_collection);
    assert_eq!(
        p.data_object_refs[0].data_object_ref.as_deref(),
        Some("DO1")
    );
    assert_eq!(
        p.data_store_refs[0].data_store_ref.as_deref(),
        Some("Store1")
    );
    let dia = &p.data_associations;
    assert_eq!(dia.len(), 2);
    assert_eq!(dia[0].direction, DataDirection::Input);
    assert_eq!(dia[0].node, "Verify");
    assert_eq!(dia[0].data_refs, ["DOR1"]);
    assert_eq!(dia[1].direction, DataDirection::Output);
    assert_eq!(dia[1].data_refs, ["DSR1"]);

    assert_eq!(p.text_annotations[0].text, "Catatan");
    assert_eq!(p.associations[0].target_ref, "Verify");

    // Diagrams.
    assert_eq!(m.diagrams.len(), 2);
    let d = &m.diagrams[0];
    assert_eq!(d.plane_element.as_deref(), Some("C1"));
    assert_eq!(d.shapes[0].is_horizontal, Some(true));
    assert_eq!(d.shapes[1].bounds.x, 300.5);
    assert_eq!(d.shapes[1].label_bounds.map(|b| b.width), Some(40.0));
    assert_eq!(d.edges[0].waypoints, [(10.0, 20.0), (30.0, 20.0)]);
    assert_eq!(m.diagrams[1].plane_element.as_deref(), Some("Sub"));

    // Positions: line and column of the start tag.
    let start = p.node("Start").expect("Start");
    assert_eq!(
        start.pos,
        Position {
            line: 33,
            column: 5
        }
    );
    assert_eq!(d.edges[0].pos.line, 90);

    // Counts by BPMN local name.
    let counts = m.counts();
    assert_eq!(counts.get("userTask"), Some(&1));
    assert_eq!(counts.get("startEvent"), Some(&2));
    assert_eq!(counts.get("sequenceFlow"), Some(&7));
    assert_eq!(counts.get("participant"), Some(&2));
    assert_eq!(counts.get("lane"), Some(&2));
    assert_eq!(counts.get("messageFlow"), Some(&1));

    // Only the black-box pool is worth a mention, and only as a note (an idiom, not a defect).
    assert_eq!(codes(&m), ["black-box-pool"], "{:?}", m.diagnostics);
    assert_eq!(m.diagnostics[0].severity, Severity::Note);
}

#[test]
fn prefixes_do_not_matter_namespaces_do() {
    let with_default = r#"<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
      <process id="p"><task id="t" name="A"/></process></definitions>"#;
    let with_prefix = r#"<bpmn20:definitions xmlns:bpmn20="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
      <bpmn20:process id="p"><bpmn20:task id="t" name="A"/></bpmn20:process></bpmn20:definitions>"#;
    // A vendor element called `task` in another namespace is not a task.
    let vendor_collision = r#"<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
        xmlns:v="http://vendor" id="d">
      <process id="p"><task id="t" name="A"/><v:task id="vt" name="not bpmn"/></process></definitions>"#;
    for src in [with_default, with_prefix, vendor_collision] {
        let m = parse(src);
        assert_eq!(m.processes[0].flow_nodes.len(), 1, "{src}");
        assert_eq!(m.processes[0].flow_nodes[0].label(), "A");
    }
}

#[test]
fn validation_reports_dangling_and_duplicate_references_with_positions() {
    let src = r#"<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
  <collaboration id="c">
    <participant id="pa" processRef="missing"/>
  </collaboration>
  <process id="p">
    <laneSet><lane id="l"><flowNodeRef>a</flowNodeRef><flowNodeRef>ghost</flowNodeRef></lane></laneSet>
    <task id="a"/>
    <task id="a"/>
    <task id="b"/>
    <boundaryEvent id="be" attachedToRef="nowhere"/>
    <sequenceFlow id="f" sourceRef="a" targetRef="zzz"/>
    <sequenceFlow id="g" sourceRef="a" targetRef="q1"/>
  </process>
  <process id="q"><task id="q1"/></process>
</definitions>"#;
    let m = parse(src);
    let find = |code: &str, needle: &str| {
        m.diagnostics
            .iter()
            .find(|d| d.code == code && d.message.contains(needle))
            .unwrap_or_else(|| panic!("no {code} about {needle}: {:#?}", m.diagnostics))
    };
    let d = find("duplicate-id", "`a`");
    assert_eq!((d.line, d.column), (8, 5));
    assert!(d.message.contains("line 7"));
    assert_eq!(find("dangling-ref", "missing").line, 3);
    assert_eq!(find("dangling-ref", "ghost").line, 6);
    assert_eq!(find("dangling-ref", "nowhere").line, 10);
    assert_eq!(find("dangling-ref", "zzz").line, 11);
    assert_eq!(find("cross-process-flow", "q1").line, 12);
    let no_lane = find("no-lane", "`b`");
    assert_eq!((no_lane.line, no_lane.column), (9, 5));
    assert!(m
        .diagnostics
        .iter()
        .all(|d| d.severity == Severity::Warning));
}

#[test]
fn references_to_unmodelled_elements_are_not_dangling() {
    // `group` and `dataInput` are not kept in the model, but exist.
    let src = r#"<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
        xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" id="d">
  <process id="p">
    <task id="t"><ioSpecification><dataInput id="in1"/></ioSpecification></task>
    <group id="grp"/>
  </process>
  <bpmndi:BPMNDiagram><bpmndi:BPMNPlane bpmnElement="p">
    <bpmndi:BPMNShape bpmnElement="grp"/>
    <bpmndi:BPMNShape bpmnElement="bpmn2:t"/>
    <bpmndi:BPMNShape bpmnElement="nothing"/>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</definitions>"#;
    let m = parse(src);
    let dangling: Vec<&str> = m
        .diagnostics
        .iter()
        .filter(|d| d.code == "dangling-ref")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(dangling.len(), 1, "{dangling:?}");
    assert!(dangling[0].contains("`nothing`"));
}

#[test]
fn malformed_xml_is_an_error_with_position_and_expectation() {
    let e = parse_err(
        b"<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n  <process id=\"p\">\n  </task>\n</definitions>",
    );
    let d = &e.diagnostics[0];
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.code, "xml-syntax");
    assert_eq!((d.line, d.column), (3, 3));
    assert!(d.message.contains("expected `</process>`"), "{}", d.message);
    assert!(e.to_string().starts_with("m.bpmn:3:3:"), "{e}");

    let e = parse_err(
        b"<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<process id=\"p\">",
    );
    let d = &e.diagnostics[0];
    assert!(
        d.message.contains("unexpected end of file"),
        "{}",
        d.message
    );
    assert!(d.message.contains("`</process>`"), "{}", d.message);
    assert_eq!(d.line, 2);

    let e = parse_err(b"<root xmlns=\"http://not-bpmn\"/>");
    assert_eq!(e.diagnostics[0].code, "not-bpmn");
    assert_eq!((e.diagnostics[0].line, e.diagnostics[0].column), (1, 1));

    let e = parse_err(b"");
    assert_eq!(e.diagnostics[0].code, "not-bpmn");
}

#[test]
fn entities_are_never_expanded_and_doctype_is_ignored() {
    // A "billion laughs" document: must neither expand nor hang.
    let src = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
  <process id="p"><task id="t" name="x &lol3; y"><documentation>&lol3;</documentation></task></process>
</definitions>"#;
    let m = parse(src);
    let t = m.processes[0].node("t").expect("t");
    assert_eq!(t.label(), "x &lol3; y");
    assert_eq!(t.documentation, ["&lol3;"]);
    assert_eq!(codes(&m), ["doctype-ignored"]);
    assert_eq!(m.diagnostics[0].line, 2);
}

#[test]
fn depth_and_size_limits() {
    let mut src =
        String::from(r#"<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">"#);
    for _ in 0..300 {
        src.push_str("<x>");
    }
    for _ in 0..300 {
        src.push_str("</x>");
    }
    src.push_str("</definitions>");
    let e = parse_err(src.as_bytes());
    assert_eq!(e.diagnostics[0].code, "too-deep");
    let opts = ParseOptions {
        max_depth: 400,
        ..Default::default()
    };
    assert!(parse_bytes("m", "m", src.as_bytes(), &opts).is_ok());
    let opts = ParseOptions {
        max_file_size: 10,
        ..Default::default()
    };
    let e = parse_bytes("m", "m", src.as_bytes(), &opts).expect_err("too big");
    assert!(e.to_string().contains("byte limit"), "{e}");
}

#[test]
fn declared_encodings_are_honoured_and_positions_stay_right() {
    let body = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<process id=\"p\">\n  <task id=\"t\" name=\"Pengesahan \u{e9}\u{e8}\"/>\n</process></definitions>";
    let latin1 = {
        let mut v = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n".to_vec();
        v.extend(body.chars().map(|c| c as u32 as u8));
        v
    };
    let win1252 = {
        let mut v = b"<?xml version='1.0' encoding='windows-1252'?>\n".to_vec();
        v.extend(body.chars().map(|c| c as u32 as u8));
        v
    };
    let utf16 = |le: bool, bom: bool| {
        let s = format!("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n{body}");
        let mut v = Vec::new();
        if bom {
            v.extend(if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
        }
        for u in s.encode_utf16() {
            v.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        v
    };
    let utf8_bom = {
        let mut v = vec![0xEF, 0xBB, 0xBF];
        v.extend(format!("<?xml version=\"1.0\"?>\n{body}").bytes());
        v
    };
    for (bytes, enc) in [
        (latin1, "windows-1252"),
        (win1252, "windows-1252"),
        (utf16(true, true), "UTF-16LE"),
        (utf16(false, true), "UTF-16BE"),
        (utf16(true, false), "UTF-16LE"),
        (utf16(false, false), "UTF-16BE"),
        (utf8_bom, "UTF-8"),
    ] {
        let m = parse_bytes("m", "m", &bytes, &ParseOptions::default()).expect("parses");
        assert_eq!(m.encoding, enc);
        let t = m.processes[0].node("t").expect("t");
        assert_eq!(t.label(), "Pengesahan éè");
        assert_eq!(t.pos, Position { line: 4, column: 3 });
        assert!(m.diagnostics.is_empty(), "{:?}", m.diagnostics);
    }
}

#[test]
fn invalid_utf8_is_read_lossily_with_a_positioned_warning() {
    let bytes = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<process id=\"p\"><task id=\"t\" name=\"Caf\xe9\"/></process></definitions>";
    let m = parse_bytes("m", "m", bytes, &ParseOptions::default()).expect("parses");
    assert_eq!(codes(&m), ["invalid-utf8"]);
    assert_eq!((m.diagnostics[0].line, m.diagnostics[0].column), (3, 39));
    assert_eq!(m.processes[0].flow_nodes[0].label(), "Caf\u{FFFD}");
}

#[test]
fn fragments_and_undeclared_prefixes_are_read_with_warnings() {
    let m = parse(
        r#"<process xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="p"><task id="t"/></process>"#,
    );
    assert_eq!(m.processes[0].flow_nodes.len(), 1);
    assert_eq!(codes(&m), ["no-definitions"]);

    let m = parse(
        r#"<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p">
        <task id="t"/><bpmn:task id="u"/></process></definitions>"#,
    );
    assert_eq!(m.processes[0].flow_nodes.len(), 1);
    assert_eq!(codes(&m), ["undeclared-prefix"]);
    assert_eq!(m.diagnostics[0].line, 2);
}

#[test]
fn data_associations_written_the_other_way_round_still_resolve() {
    // An output association whose data reference is in sourceRef.
    let src = r#"<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">
  <process id="p">
    <task id="t">
      <dataOutputAssociation id="o"><sourceRef>DOR</sourceRef><targetRef>out1</targetRef></dataOutputAssociation>
      <dataInputAssociation id="i"><sourceRef>DO</sourceRef></dataInputAssociation>
    </task>
    <dataObject id="DO"/>
    <dataObjectReference id="DOR" dataObjectRef="DO"/>
  </process></definitions>"#;
    let m = parse(src);
    let a = &m.processes[0].data_associations;
    assert_eq!(a[0].data_refs, ["DOR"]);
    assert_eq!(a[1].data_refs, ["DO"]);
}

#[test]
fn unresolved_calls_are_found_across_models() {
    let a = parse(
        r#"<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">
        <process id="main"><callActivity id="c1" calledElement="other"/><callActivity id="c2" calledElement="nowhere"/></process></definitions>"#,
    );
    let b = parse(
        r#"<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="other"/></definitions>"#,
    );
    let found = unresolved_calls(&[&a, &b]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, 0);
    assert_eq!(found[0].1.code, "external-call");
    assert!(found[0].1.message.contains("nowhere"));
}
