//! Matching throughput on synthetic repositories of growing size.
//!
//! `cargo bench --bench matching` (set `PETA_BENCH_MAX` to cap the largest
//! size, default 32000 activities). Each repository has 20 activities per
//! model; labels are Indonesian and English verb–object phrases over a
//! vocabulary that grows with the repository (as real repositories do: more
//! agencies bring more business objects), with agency and system adjuncts
//! and synonyms, so every object recurs in about 16 activities. The report
//! gives, per size, the best of three runs of `Matcher::match_repository`
//! (analysis, IDF, inverted index, scoring, clustering): seconds,
//! activities per second, and microseconds per activity (flat = linear).

use std::time::Instant;

use peta_matching::{Activity, ActivityKind, Matcher};

/// A deterministic pseudo-random generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const ACTIONS: &[&str] = &[
    "Memverifikasi",
    "Verifikasi",
    "Memeriksa",
    "Validasi",
    "Mengirim",
    "Menerima",
    "Mengarsipkan",
    "Menerbitkan",
    "Penerbitan",
    "Menyusun",
    "Menetapkan",
    "Mengunggah",
    "Membayar",
    "Mencatat",
    "Mengajukan",
    "Menyetujui",
    "Menolak",
    "Memberitahukan",
    "Menandatangani",
    "Check",
    "Send",
    "Receive",
    "Archive",
    "Issue",
    "Review",
    "Approve",
    "Record",
    "Upload",
    "Notify",
    "Pay",
];
const HEADS: &[&str] = &[
    "berkas",
    "dokumen",
    "data",
    "SK",
    "surat",
    "laporan",
    "usulan",
    "permohonan",
    "formulir",
    "daftar",
    "documents",
    "application",
    "decree",
    "report",
    "form",
    "NIK",
    "NIP",
    "SP2D",
];
const ADJUNCTS: &[&str] = &[
    "melalui SIASN",
    "melalui aplikasi OSS",
    "ke BKN",
    "kepada pemohon",
    "oleh Dukcapil",
    "via the portal",
    "to the applicant",
    "di SIKS-NG",
    "",
];
const SYLLABLES: &[&str] = &[
    "ka", "lu", "pa", "ri", "to", "se", "na", "mi", "da", "go", "ba", "ne", "su", "ti", "ra", "wo",
];

fn word(rng: &mut Rng) -> String {
    (0..3)
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect()
}

/// `n` activities in models of 20, over `n / 16` business objects.
fn repository(n: usize) -> Vec<Activity> {
    let mut rng = Rng(42);
    let objects: Vec<String> = (0..(n / 16).max(8))
        .map(|_| format!("{} {}", HEADS[rng.below(HEADS.len())], word(&mut rng)))
        .collect();
    let mut acts = Vec::with_capacity(n);
    for i in 0..n {
        let model = format!("agency-{}/model-{}", i / 400, i / 20);
        let label = format!(
            "{} {} {}",
            ACTIONS[rng.below(ACTIONS.len())],
            objects[rng.below(objects.len())],
            ADJUNCTS[rng.below(ADJUNCTS.len())]
        );
        let kind = if i % 10 == 9 {
            ActivityKind::Event
        } else {
            ActivityKind::Activity
        };
        let mut a = Activity::new(&model, &format!("Task_{i}"), label.trim(), kind);
        if i % 20 != 0 {
            a.predecessors = vec![acts
                .last()
                .map(|p: &Activity| p.label.clone())
                .unwrap_or_default()];
        }
        acts.push(a);
    }
    acts
}

pub fn main() {
    // `cargo test --benches` runs benches with `--bench`-less args; keep it quick.
    let max: usize = std::env::var("PETA_BENCH_MAX")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(32_000);
    let matcher = Matcher::with_defaults();
    println!(
        "{:>10} {:>10} {:>8} {:>14} {:>12} {:>8}",
        "activities", "seconds", "links", "activities/s", "us/activity", "groups"
    );
    let mut n = 1000;
    while n <= max {
        let acts = repository(n);
        let mut best = f64::MAX;
        let mut links = 0;
        let mut groups = 0;
        for _ in 0..3 {
            let t = Instant::now();
            let r = matcher.match_repository(&acts);
            best = best.min(t.elapsed().as_secs_f64());
            links = r.correspondences.len();
            groups = r.groups.len();
        }
        println!(
            "{:>10} {:>10.3} {:>8} {:>14.0} {:>12.1} {:>8}",
            n,
            best,
            links,
            n as f64 / best,
            best * 1e6 / n as f64,
            groups
        );
        n *= 2;
    }
}
