//! Results do not depend on the number of rayon threads.

use peta_matching::{Activity, ActivityKind, Matcher};

fn repository() -> Vec<Activity> {
    let actions = [
        "Memverifikasi",
        "Verifikasi",
        "Memeriksa",
        "Mengirim",
        "Menerima",
        "Mengarsipkan",
        "Menerbitkan",
        "Check",
        "Send",
        "Receive",
        "Archive",
        "Issue",
    ];
    let objects = [
        "berkas usulan",
        "dokumen permohonan",
        "data kependudukan",
        "data keuangan",
        "SK pensiun",
        "surat keputusan pensiun",
        "application documents",
        "decree",
        "NIK pemohon",
        "SP2D",
    ];
    let mut acts = Vec::new();
    for m in 0..12 {
        for (i, a) in actions.iter().enumerate() {
            let o = objects[(i * 7 + m * 3) % objects.len()];
            let mut act = Activity::new(
                &format!("model-{m}"),
                &format!("Task_{i}"),
                &format!("{a} {o}"),
                ActivityKind::Activity,
            );
            act.predecessors = vec![format!("{} {}", actions[(i + 1) % actions.len()], o)];
            acts.push(act);
        }
        acts.push(Activity::new(
            &format!("model-{m}"),
            "End",
            "Berkas diterima",
            ActivityKind::Event,
        ));
    }
    acts
}

#[test]
fn one_and_two_threads_give_identical_results() {
    let acts = repository();
    let matcher = Matcher::with_defaults();
    let run = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool")
            .install(|| matcher.match_repository(&acts))
    };
    let one = run(1);
    let two = run(2);
    assert!(!one.groups.is_empty(), "the fixture must produce groups");
    assert_eq!(one.groups, two.groups);
    assert_eq!(one.correspondences, two.correspondences);
    let pair1 = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool")
        .install(|| matcher.match_pair(&acts[..13], &acts[13..]));
    let pair2 = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("pool")
        .install(|| matcher.match_pair(&acts[..13], &acts[13..]));
    assert_eq!(pair1, pair2);
}
