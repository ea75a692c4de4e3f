//! Small BPMN documents written by the tests.
#![allow(dead_code)]

use std::path::Path;

/// A collaboration with one pool holding two lanes; the activities are
/// split between the lanes (first half in `lanes.0`, the rest in `lanes.1`)
/// and chained by sequence flows from a start to an end event.
pub fn bpmn(process_id: &str, pool: &str, lanes: (&str, &str), labels: &[&str]) -> String {
    let mut nodes = String::new();
    let mut flows = String::new();
    let (mut lane_a, mut lane_b) = (String::new(), String::new());
    let half = labels.len().div_ceil(2);
    let mut prev = "start".to_string();
    lane_a.push_str("<flowNodeRef>start</flowNodeRef>");
    for (i, label) in labels.iter().enumerate() {
        let id = format!("Task_{i}");
        nodes.push_str(&format!(
            "<userTask id=\"{id}\" name=\"{}\"/>\n",
            label.replace('&', "&amp;").replace('"', "&quot;")
        ));
        flows.push_str(&format!(
            "<sequenceFlow id=\"Flow_{i}\" sourceRef=\"{prev}\" targetRef=\"{id}\"/>\n"
        ));
        let r = format!("<flowNodeRef>{id}</flowNodeRef>");
        if i < half {
            lane_a.push_str(&r);
        } else {
            lane_b.push_str(&r);
        }
        prev = id;
    }
    lane_b.push_str("<flowNodeRef>end</flowNodeRef>");
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs_{process_id}" targetNamespace="http://example.org/peta" exporter="peta-test" exporterVersion="1">
<collaboration id="Collab_{process_id}">
<participant id="Pool_{process_id}" name="{pool}" processRef="{process_id}"/>
</collaboration>
<process id="{process_id}" name="Proses {process_id}" isExecutable="false">
<laneSet id="LaneSet_{process_id}">
<lane id="Lane_A" name="{}">{lane_a}</lane>
<lane id="Lane_B" name="{}">{lane_b}</lane>
</laneSet>
<startEvent id="start" name="Mulai"/>
{nodes}<endEvent id="end" name="Selesai"/>
{flows}<sequenceFlow id="Flow_end" sourceRef="{prev}" targetRef="end"/>
</process>
</definitions>
"#,
        lanes.0, lanes.1
    )
}

pub const AGENCIES: &str = r#"
[[agency]]
code = "BKN"
name = "Badan Kepegawaian Negara"
aliases = ["BKN"]
units = ["Kantor Regional VIII BKN"]

[[agency]]
code = "TASPEN"
name = "PT Taspen (Persero)"
aliases = ["Taspen"]

[[agency]]
code = "PEMOHON"
name = "Pemohon"
aliases = ["Pemohon"]
is_agency = false
"#;

pub const THEMES: &str = r#"
[[theme]]
code = "ASN-IKN"
name_id = "Pemindahan ASN ke IKN"
name_en = "Relocation of civil servants to IKN"
models = ["asn-ikn/*.bpmn"]

[[theme]]
code = "PENSIUN"
name_id = "Pensiun"
name_en = "Retirement"
models = ["pensiun/*.bpmn"]
"#;

pub fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(path, text).unwrap();
}

/// A small two-theme repository with a registry, in `dir`.
pub fn repository(dir: &Path) {
    write(&dir.join("agencies.toml"), AGENCIES);
    write(&dir.join("themes.toml"), THEMES);
    write(
        &dir.join("asn-ikn/bkn-penetapan-nip.bpmn"),
        &bpmn(
            "P_bkn",
            "Badan Kepegawaian Negara",
            ("Kantor Regional VIII BKN", "Direktorat Pengadaan"),
            &[
                "Memverifikasi berkas usulan",
                "Menetapkan NIP",
                "Mengirim SK ke Taspen",
            ],
        ),
    );
    write(
        &dir.join("asn-ikn/pemohon-usul.bpmn"),
        &bpmn(
            "P_usul",
            "Pemohon",
            ("Pemohon", "Pemohon"),
            &["Mengajukan usulan pindah", "Melengkapi dokumen"],
        ),
    );
    write(
        &dir.join("pensiun/taspen-klaim.bpmn"),
        &bpmn(
            "P_taspen",
            "Taspen",
            ("Taspen", "Taspen"),
            &[
                "Verifikasi dokumen klaim",
                "Membayar tunjangan hari tua",
                "Mengarsipkan berkas",
            ],
        ),
    );
}
