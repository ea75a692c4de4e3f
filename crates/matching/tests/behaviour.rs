//! What the matcher links and what it must not link, on real-style labels.

use peta_matching::{Activity, ActivityKind, MatchConfig, Matcher, MessageRole};
use peta_text::Lexicon;

fn act(model: &str, id: &str, label: &str) -> Activity {
    Activity::new(model, id, label, ActivityKind::Activity)
}

/// Score of two labels in a small repository (so that IDF is meaningful).
fn score(a: &str, b: &str) -> Option<f64> {
    let filler = [
        "Menerima permohonan izin",
        "Mengirim surat undangan",
        "Membayar biaya layanan",
        "Menyusun laporan bulanan",
        "Mengunggah dokumen persyaratan",
        "Receive application",
        "Send invoice",
    ];
    let mut acts = vec![act("a", "1", a), act("b", "2", b)];
    for (i, l) in filler.iter().enumerate() {
        acts.push(act(&format!("f{i}"), "x", l));
    }
    Matcher::with_defaults()
        .explain(&acts, 0, 1)
        .map(|e| e.score)
}

fn linked(a: &str, b: &str) -> bool {
    score(a, b).is_some_and(|s| s >= peta_matching::config::MATCH_THRESHOLD)
}

#[test]
fn links_inflections_synonyms_and_languages() {
    assert!(linked(
        "Memverifikasi berkas usulan",
        "Verifikasi dokumen usulan"
    ));
    assert!(linked(
        "Pemeriksaan berkas permohonan",
        "Memeriksa berkas permohonan"
    ));
    assert!(linked(
        "Verify application documents",
        "Memverifikasi berkas permohonan"
    ));
    assert!(linked(
        "Menerbitkan SK pensiun",
        "Penerbitan surat keputusan pensiun"
    ));
    assert!(linked(
        "Mengajukan usulan pensiun",
        "Pengajuan usulan pensiun"
    ));
}

#[test]
fn separates_business_objects() {
    assert!(!linked(
        "Verifikasi data kependudukan",
        "Verifikasi data keuangan"
    ));
    assert!(!linked("Menerbitkan SK pensiun", "Menerbitkan SP2D"));
}

#[test]
fn opposite_actions_veto() {
    assert_eq!(score("Menerima berkas", "Mengirim berkas"), None);
    assert_eq!(score("Receive application", "Send application"), None);
    assert_eq!(score("Menyetujui permohonan", "Menolak permohonan"), None);
}

#[test]
fn different_actions_on_one_object_do_not_match() {
    assert!(!linked(
        "Memeriksa berkas usulan",
        "Mengarsipkan berkas usulan"
    ));
    assert!(!linked("Check documents", "Send documents"));
}

#[test]
fn long_indonesian_labels_with_agencies_and_systems() {
    // Agencies and systems sit in adjunct phrases and weigh less.
    assert!(linked(
        "Validasi NIK pemohon melalui layanan Dukcapil",
        "Memvalidasi data kependudukan pemohon"
    ));
    assert!(linked(
        "Mengunggah dokumen persyaratan ke SIASN",
        "Unggah dokumen persyaratan melalui aplikasi OSS"
    ));
}

#[test]
fn events_match_activities_that_do_their_work() {
    let mut rejected = Activity::new("a", "1", "Rejected", ActivityKind::Event);
    rejected.message = Some(MessageRole::Receive);
    let acts = vec![
        Activity::new("a", "0", "Berkas diterima", ActivityKind::Event),
        act("b", "1", "Berkas diterima"),
        rejected,
        act("c", "2", "Receive rejection"),
        act("d", "3", "Send rejection"),
    ];
    let m = Matcher::with_defaults();
    // The same label on an event and a task.
    assert!(m.explain(&acts, 0, 1).is_some_and(|e| e.score >= 0.8));
    // A caught "Rejected" is the outcome of receiving the rejection, not of
    // sending it (the catching event's implicit action vetoes "send").
    assert!(m.explain(&acts, 2, 3).is_some_and(|e| e.score >= 0.8));
    assert!(m.explain(&acts, 2, 4).is_none());
    let r = m.match_repository(&acts);
    let members: Vec<Vec<usize>> = r.groups.iter().map(|g| g.members.clone()).collect();
    assert!(members.contains(&vec![0, 1]));
    assert!(members.iter().any(|g| g.contains(&2) && g.contains(&3)));
    assert!(!members.iter().any(|g| g.contains(&2) && g.contains(&4)));
}

#[test]
fn events_match_events_only_when_configured() {
    let acts = vec![
        Activity::new("a", "1", "Berkas diterima", ActivityKind::Event),
        act("b", "2", "Berkas diterima"),
        Activity::new("c", "3", "Berkas diterima", ActivityKind::Event),
    ];
    let config = MatchConfig {
        events_match_activities: false,
        ..MatchConfig::default()
    };
    let m = Matcher::new(config, Lexicon::bundled());
    assert!(m.explain(&acts, 0, 1).is_none());
    assert!(m.explain(&acts, 0, 2).is_some());
    let r = m.match_repository(&acts);
    assert_eq!(r.groups.len(), 1);
    assert_eq!(r.groups[0].members, vec![0, 2]);
}

#[test]
fn one_to_many_and_explanations() {
    let a = vec![act("a", "1", "Check and evaluate application")];
    let b = vec![
        act("b", "1", "Check application"),
        act("b", "2", "Evaluate application"),
        act("b", "3", "Archive application"),
    ];
    let found = Matcher::with_defaults().match_pair(&a, &b);
    let targets: Vec<usize> = found.iter().map(|c| c.b).collect();
    assert_eq!(targets, vec![0, 1]);
    for c in &found {
        assert!(c.why.shared_tokens.contains(&"application".to_string()));
        assert!(c.why.summary().contains("score"));
    }
}

#[test]
fn groups_gather_across_models_with_confidence() {
    let acts = vec![
        act("bkn", "1", "Memverifikasi berkas usulan pensiun"),
        act("taspen", "2", "Verifikasi berkas usul pensiun"),
        act("pemda", "3", "Pemeriksaan berkas usulan pensiun"),
        act("bkn", "4", "Menerbitkan SK pensiun"),
        act("taspen", "5", "Membayar tunjangan hari tua"),
    ];
    let r = Matcher::with_defaults().match_repository(&acts);
    assert_eq!(r.groups.len(), 1, "{:?}", r.groups);
    let g = &r.groups[0];
    assert_eq!(g.members, vec![0, 1, 2]);
    assert!(g.confidence > 0.6 && g.confidence <= 1.0);
    assert!(!g.label.is_empty());
}

#[test]
fn pair_recall_counts_known_pairs_recovered() {
    let acts = vec![
        act("bkn", "1", "Memverifikasi berkas usulan pensiun"),
        act("taspen", "2", "Verifikasi berkas usul pensiun"),
        act("bkn", "4", "Menerbitkan SK pensiun"),
        act("taspen", "5", "Membayar tunjangan hari tua"),
    ];
    let r = Matcher::with_defaults().match_repository(&acts);
    let end = |m: &str, id: &str| (m.to_string(), id.to_string());
    let pairs = vec![
        (end("bkn", "1"), end("taspen", "2")), // the same work: recovered
        (end("bkn", "4"), end("taspen", "5")), // different work: not
        (end("bkn", "1"), end("nowhere", "9")), // an end not in the input
    ];
    let recall = peta_matching::eval::pair_recall(&acts, &r, &pairs);
    assert_eq!(recall.pairs, 3);
    assert_eq!(recall.known, 2);
    assert_eq!(recall.found, 1);
    assert_eq!(recall.grouped, 1);
}

#[test]
fn a_decision_on_a_person_served_is_a_decision_on_their_application() {
    assert!(linked("Accept applicant", "Accept application"));
    assert!(linked("Menolak pemohon", "Menolak permohonan"));
    // Other actions keep the person apart from the application.
    assert!(!linked("Invite applicant", "Invite application"));
}

#[test]
fn manner_and_standard_phrases_are_context() {
    // "secara massal" and "against ... records" say how, not what.
    assert!(linked(
        "Memadankan NIK secara massal dengan database kependudukan",
        "Memadankan NIK dengan data Dukcapil"
    ));
    let lex = Lexicon::bundled();
    let a = lex.analyze("Verify the applicant's NIK against Dukcapil records");
    assert!(a.adjuncts().any(|t| t.canonical == "civil_registry"));
    assert!(!a.object().any(|t| t.text == "records"));
    // The registry is one actor however it is named.
    let b = lex.analyze("Verifikasi NIK ke Disdukcapil");
    assert!(b.adjuncts().any(|t| t.canonical == "civil_registry"));
}

#[test]
fn bilingual_concepts_for_returns_claims_and_responses() {
    assert!(linked(
        "Mengembalikan berkas kepada pemohon",
        "Return the documents to the applicant"
    ));
    assert!(linked(
        "Memverifikasi klaim pensiun",
        "Verify pension claim"
    ));
    assert!(linked(
        "Menyusun jawaban pengaduan",
        "Menyusun tanggapan pengaduan"
    ));
}

#[test]
fn a_returned_application_is_its_file() {
    // What is returned is the file, whether named as the application or as
    // its documents; elsewhere the two stay apart.
    assert!(linked(
        "Mengembalikan usulan kepada instansi",
        "Mengembalikan berkas kepada instansi"
    ));
    assert!(!linked("Memverifikasi usulan", "Memverifikasi berkas"));
    // Asking for a file to be completed or corrected is returning it.
    assert!(linked(
        "Meminta pemohon melengkapi berkas",
        "Mengembalikan berkas untuk dilengkapi"
    ));
}

#[test]
fn the_other_party_of_a_handoff_is_part_of_the_work() {
    assert!(linked(
        "Mengirim usulan kepada BKN",
        "Pengiriman usulan ke BKN"
    ));
    assert!(!linked(
        "Mengirim usulan kepada BKN",
        "Mengirim usulan kepada Taspen"
    ));
    assert!(linked(
        "Mengirimkan usulan ke KemenPANRB",
        "Pengiriman usulan kepada Kementerian PANRB"
    ));
    // Channels and systems stay context.
    assert!(linked(
        "Menerima laporan melalui aplikasi LAPOR",
        "Menerima laporan"
    ));
    // Notifying serves whoever is notified: the recipient stays context.
    assert!(linked(
        "Memberitahukan penolakan kepada pemohon",
        "Memberitahukan penolakan kepada pegawai"
    ));
}

#[test]
fn composing_an_action_noun_is_doing_that_action() {
    assert!(linked(
        "Menyusun laporan penyaluran",
        "Melaporkan penyaluran"
    ));
    // A composed document that is not an action noun stays created.
    assert!(!linked(
        "Menyusun surat undangan",
        "Mengirim surat undangan"
    ));
}

#[test]
fn examining_any_submission_file_is_the_same_kind_of_work() {
    use peta_matching::config::{GROUP_THRESHOLD, MATCH_THRESHOLD};
    let s = score(
        "Memverifikasi usul pensiun",
        "Memverifikasi berkas usul mutasi",
    )
    .unwrap_or(0.0);
    assert!(
        (GROUP_THRESHOLD..MATCH_THRESHOLD).contains(&s),
        "grouped, not the same activity: {s}"
    );
    // Handing a file over is defined by what moves and between whom.
    let h = score(
        "Menerima usul pensiun dari instansi",
        "Menerima berkas izin dari pemohon",
    )
    .unwrap_or(0.0);
    assert!(h < GROUP_THRESHOLD, "{h}");
}

#[test]
fn keeping_records_in_one_system_is_the_same_kind_of_work() {
    use peta_matching::config::{GROUP_THRESHOLD, MATCH_THRESHOLD};
    let s = score(
        "Mencatat cuti pegawai di SIASN",
        "Memperbarui golongan di SIASN",
    )
    .unwrap_or(0.0);
    assert!(
        (GROUP_THRESHOLD..MATCH_THRESHOLD).contains(&s),
        "grouped, not the same activity: {s}"
    );
    // The same record in two systems is still the same work.
    assert!(linked(
        "Mencatat cuti pegawai di SIMPEG",
        "Mencatat cuti pegawai di SIASN"
    ));
    // Different records in different systems are not.
    let d = score(
        "Mencatat cuti pegawai di SIASN",
        "Memperbarui golongan di SIMPEG",
    )
    .unwrap_or(0.0);
    assert!(d < GROUP_THRESHOLD, "{d}");
}
