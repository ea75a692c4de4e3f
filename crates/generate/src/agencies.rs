//! The generated agencies: realistic names first (ministries, agencies,
//! provinces, regencies and cities), then synthetic regencies and cities.
//! Written out as `agencies.toml` in the shared registry format.

use std::collections::HashSet;
use std::io::Write;

use crate::toml_out::{toml_list, toml_str};
use crate::vocab::ACTORS;

/// One generated agency.
#[derive(Debug, Clone)]
pub struct Agency {
    pub code: String,
    pub name: String,
    pub kind: &'static str,
    /// Short form used inside labels (`BKN`, `Kab. Sukamaju`).
    pub short: String,
    pub aliases: Vec<String>,
    pub units: Vec<String>,
}

const CENTRAL: &[(&str, &str, &str, &str)] = &[
    ("BKN", "Badan Kepegawaian Negara", "lembaga", "BKN"),
    (
        "KEMENDAGRI",
        "Kementerian Dalam Negeri",
        "kementerian",
        "Kemendagri",
    ),
    (
        "KEMENKEU",
        "Kementerian Keuangan",
        "kementerian",
        "Kemenkeu",
    ),
    ("KEMENSOS", "Kementerian Sosial", "kementerian", "Kemensos"),
    (
        "KEMENPANRB",
        "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
        "kementerian",
        "KemenPANRB",
    ),
    (
        "BKPM",
        "Kementerian Investasi/Badan Koordinasi Penanaman Modal",
        "kementerian",
        "BKPM",
    ),
    ("TASPEN", "PT Taspen (Persero)", "bumn", "Taspen"),
    ("BPS", "Badan Pusat Statistik", "lembaga", "BPS"),
    (
        "OMBUDSMAN",
        "Ombudsman Republik Indonesia",
        "lembaga",
        "Ombudsman",
    ),
    (
        "KEMENDIKBUDRISTEK",
        "Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi",
        "kementerian",
        "Kemendikbudristek",
    ),
    (
        "LKPP",
        "Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah",
        "lembaga",
        "LKPP",
    ),
    (
        "KEMENKES",
        "Kementerian Kesehatan",
        "kementerian",
        "Kemenkes",
    ),
    (
        "KEMENHUB",
        "Kementerian Perhubungan",
        "kementerian",
        "Kemenhub",
    ),
    (
        "KKP",
        "Kementerian Kelautan dan Perikanan",
        "kementerian",
        "KKP",
    ),
    (
        "KLHK",
        "Kementerian Lingkungan Hidup dan Kehutanan",
        "kementerian",
        "KLHK",
    ),
    (
        "KEMENTAN",
        "Kementerian Pertanian",
        "kementerian",
        "Kementan",
    ),
    (
        "KEMENPERIN",
        "Kementerian Perindustrian",
        "kementerian",
        "Kemenperin",
    ),
    (
        "KEMENDAG",
        "Kementerian Perdagangan",
        "kementerian",
        "Kemendag",
    ),
    (
        "ESDM",
        "Kementerian Energi dan Sumber Daya Mineral",
        "kementerian",
        "Kementerian ESDM",
    ),
    (
        "PUPR",
        "Kementerian Pekerjaan Umum dan Perumahan Rakyat",
        "kementerian",
        "Kementerian PUPR",
    ),
    (
        "ATRBPN",
        "Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional",
        "kementerian",
        "ATR/BPN",
    ),
    ("KEMENAG", "Kementerian Agama", "kementerian", "Kemenag"),
    (
        "KEMENKUMHAM",
        "Kementerian Hukum dan Hak Asasi Manusia",
        "kementerian",
        "Kemenkumham",
    ),
    (
        "BAPPENAS",
        "Kementerian PPN/Bappenas",
        "kementerian",
        "Bappenas",
    ),
    (
        "KOMINFO",
        "Kementerian Komunikasi dan Digital",
        "kementerian",
        "Komdigi",
    ),
    ("OIKN", "Otorita Ibu Kota Nusantara", "lembaga", "OIKN"),
    ("KSP", "Kantor Staf Presiden", "lembaga", "KSP"),
    ("BPJS-KES", "BPJS Kesehatan", "lembaga", "BPJS Kesehatan"),
    (
        "BPJS-TK",
        "BPJS Ketenagakerjaan",
        "lembaga",
        "BPJS Ketenagakerjaan",
    ),
    (
        "BRI",
        "PT Bank Rakyat Indonesia (Persero) Tbk",
        "bumn",
        "BRI",
    ),
    ("POS", "PT Pos Indonesia (Persero)", "bumn", "PT Pos"),
    ("LAN", "Lembaga Administrasi Negara", "lembaga", "LAN"),
    (
        "ANRI",
        "Arsip Nasional Republik Indonesia",
        "lembaga",
        "ANRI",
    ),
    (
        "BPKP",
        "Badan Pengawasan Keuangan dan Pembangunan",
        "lembaga",
        "BPKP",
    ),
    ("BSSN", "Badan Siber dan Sandi Negara", "lembaga", "BSSN"),
];

const PROVINCES: &[&str] = &[
    "Aceh",
    "Sumatera Utara",
    "Sumatera Barat",
    "Riau",
    "Jambi",
    "Sumatera Selatan",
    "Bengkulu",
    "Lampung",
    "Kepulauan Bangka Belitung",
    "Kepulauan Riau",
    "DKI Jakarta",
    "Jawa Barat",
    "Jawa Tengah",
    "DI Yogyakarta",
    "Jawa Timur",
    "Banten",
    "Bali",
    "Nusa Tenggara Barat",
    "Nusa Tenggara Timur",
    "Kalimantan Barat",
    "Kalimantan Tengah",
    "Kalimantan Selatan",
    "Kalimantan Timur",
    "Kalimantan Utara",
    "Sulawesi Utara",
    "Sulawesi Tengah",
    "Sulawesi Selatan",
    "Sulawesi Tenggara",
    "Gorontalo",
    "Sulawesi Barat",
    "Maluku",
    "Maluku Utara",
    "Papua",
    "Papua Barat",
    "Papua Selatan",
    "Papua Tengah",
    "Papua Pegunungan",
    "Papua Barat Daya",
];

const REGENCIES: &[&str] = &[
    "Kabupaten Bogor",
    "Kabupaten Bandung",
    "Kabupaten Bekasi",
    "Kabupaten Garut",
    "Kabupaten Cirebon",
    "Kabupaten Sleman",
    "Kabupaten Bantul",
    "Kabupaten Banyumas",
    "Kabupaten Klaten",
    "Kabupaten Kudus",
    "Kabupaten Malang",
    "Kabupaten Jember",
    "Kabupaten Banyuwangi",
    "Kabupaten Sidoarjo",
    "Kabupaten Gresik",
    "Kabupaten Deli Serdang",
    "Kabupaten Karo",
    "Kabupaten Agam",
    "Kabupaten Kampar",
    "Kabupaten Muaro Jambi",
    "Kabupaten Ogan Komering Ilir",
    "Kabupaten Lampung Selatan",
    "Kabupaten Badung",
    "Kabupaten Gianyar",
    "Kabupaten Lombok Timur",
    "Kabupaten Kupang",
    "Kabupaten Kutai Kartanegara",
    "Kabupaten Penajam Paser Utara",
    "Kabupaten Banjar",
    "Kabupaten Kotawaringin Timur",
    "Kabupaten Gowa",
    "Kabupaten Bone",
    "Kabupaten Minahasa",
    "Kabupaten Banggai",
    "Kabupaten Konawe",
    "Kabupaten Halmahera Utara",
    "Kabupaten Jayapura",
    "Kabupaten Merauke",
    "Kota Bandung",
    "Kota Bekasi",
    "Kota Bogor",
    "Kota Depok",
    "Kota Semarang",
    "Kota Surakarta",
    "Kota Yogyakarta",
    "Kota Surabaya",
    "Kota Malang",
    "Kota Medan",
    "Kota Padang",
    "Kota Pekanbaru",
    "Kota Palembang",
    "Kota Bandar Lampung",
    "Kota Denpasar",
    "Kota Mataram",
    "Kota Kupang",
    "Kota Pontianak",
    "Kota Balikpapan",
    "Kota Samarinda",
    "Kota Banjarmasin",
    "Kota Makassar",
    "Kota Manado",
    "Kota Palu",
    "Kota Kendari",
    "Kota Ambon",
    "Kota Jayapura",
    "Kota Tangerang",
    "Kota Serang",
    "Kota Cirebon",
    "Kota Batam",
    "Kota Jambi",
];

const PLACE_HEADS: &[&str] = &[
    "Suka", "Tanjung", "Sungai", "Batu", "Muara", "Bukit", "Pulau", "Teluk", "Kuala", "Air",
    "Tanah", "Lubuk", "Padang", "Karang", "Mekar", "Sari", "Jaya", "Sido", "Rejo", "Wono",
];
const PLACE_TAILS: &[&str] = &[
    "maju",
    "jaya",
    "sari",
    "makmur",
    "raya",
    "baru",
    "indah",
    "asri",
    "mulya",
    "rejo",
    "harjo",
    "tengah",
    "lestari",
    "agung",
    "permai",
    "wangi",
    "mukti",
    "kencana",
    "sejahtera",
    "bening",
];

fn slug_code(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_uppercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn central(code: &str, name: &str, kind: &'static str, short: &str) -> Agency {
    let mut aliases = vec![code.to_string(), name.to_string()];
    if !short.eq_ignore_ascii_case(code) && short != name {
        aliases.push(short.to_string());
    }
    let mut units = vec![
        format!("Sekretariat {short}"),
        format!("Biro Umum {short}"),
        format!("Direktorat Pelayanan {short}"),
        format!("Bagian Verifikasi {short}"),
    ];
    if code == "KEMENDAGRI" {
        units.push("Direktorat Jenderal Kependudukan dan Pencatatan Sipil".to_string());
        units.push("Ditjen Dukcapil".to_string());
    }
    if code == "BKN" {
        units.push("Kantor Regional VIII BKN".to_string());
        units.push("Direktorat Pengadaan dan Kepangkatan".to_string());
    }
    Agency {
        code: code.to_string(),
        name: name.to_string(),
        kind,
        short: short.to_string(),
        aliases,
        units,
    }
}

fn pemda(name: String, short: String, code: String) -> Agency {
    let units = vec![
        format!("Sekretariat Daerah {short}"),
        format!("Dinas Sosial {name}"),
        format!("DPMPTSP {name}"),
        format!("Disdukcapil {name}"),
        format!("BKPSDM {name}"),
        format!("BPKAD {name}"),
    ];
    Agency {
        aliases: vec![
            code.clone(),
            format!("Pemerintah {name}"),
            format!("Pemda {short}"),
        ],
        code,
        name: format!("Pemerintah {name}"),
        kind: "pemda",
        short,
        units,
    }
}

/// The first `n` agencies, deterministic (no randomness needed: the order is the list's).
pub fn agencies(n: usize) -> Vec<Agency> {
    let mut out = Vec::with_capacity(n);
    let mut codes = HashSet::new();
    let mut push = |a: Agency, out: &mut Vec<Agency>| {
        let mut a = a;
        if !codes.insert(a.code.clone()) {
            // Guarantees unique codes even if two synthetic names collide.
            let mut i = 2;
            while !codes.insert(format!("{}-{i}", a.code)) {
                i += 1;
            }
            a.code = format!("{}-{i}", a.code);
            a.aliases[0] = a.code.clone();
        }
        out.push(a);
    };
    for (code, name, kind, short) in CENTRAL {
        if out.len() == n {
            return out;
        }
        push(central(code, name, kind, short), &mut out);
    }
    for p in PROVINCES {
        if out.len() == n {
            return out;
        }
        let name = format!("Provinsi {p}");
        push(
            pemda(
                name.clone(),
                format!("Prov. {p}"),
                format!("PROV-{}", slug_code(p)),
            ),
            &mut out,
        );
    }
    for r in REGENCIES {
        if out.len() == n {
            return out;
        }
        let (short, code) = short_and_code(r);
        push(pemda(r.to_string(), short, code), &mut out);
    }
    let mut k = 0usize;
    while out.len() < n {
        let head = PLACE_HEADS[k % PLACE_HEADS.len()];
        let tail = PLACE_TAILS[(k / PLACE_HEADS.len()) % PLACE_TAILS.len()];
        let round = k / (PLACE_HEADS.len() * PLACE_TAILS.len() * 2);
        let city = (k / (PLACE_HEADS.len() * PLACE_TAILS.len())) % 2 == 1;
        let mut place = format!("{head}{tail}");
        if round > 0 {
            place = format!("{place} {}", round + 1);
        }
        let name = if city {
            format!("Kota {place}")
        } else {
            format!("Kabupaten {place}")
        };
        let (short, code) = short_and_code(&name);
        push(pemda(name, short, code), &mut out);
        k += 1;
    }
    out
}

fn short_and_code(name: &str) -> (String, String) {
    if let Some(rest) = name.strip_prefix("Kabupaten ") {
        (format!("Kab. {rest}"), format!("KAB-{}", slug_code(rest)))
    } else if let Some(rest) = name.strip_prefix("Kota ") {
        (format!("Kota {rest}"), format!("KOTA-{}", slug_code(rest)))
    } else {
        (name.to_string(), slug_code(name))
    }
}

/// Writes `agencies.toml`: the agencies, then the actors (`is_agency = false`).
pub fn write_agencies_toml(w: &mut impl Write, agencies: &[Agency]) -> std::io::Result<()> {
    writeln!(
        w,
        "# Generated by peta-generate: synthetic registry, not an official list."
    )?;
    for a in agencies {
        writeln!(w)?;
        writeln!(w, "[[agency]]")?;
        writeln!(w, "code = {}", toml_str(&a.code))?;
        writeln!(w, "name = {}", toml_str(&a.name))?;
        writeln!(w, "kind = {}", toml_str(a.kind))?;
        writeln!(w, "aliases = {}", toml_list(&a.aliases))?;
        writeln!(w, "units = {}", toml_list(&a.units))?;
    }
    for (code, name, aliases) in ACTORS {
        writeln!(w)?;
        writeln!(w, "[[agency]]")?;
        writeln!(w, "code = {}", toml_str(code))?;
        writeln!(w, "name = {}", toml_str(name))?;
        writeln!(w, "kind = \"other\"")?;
        let aliases: Vec<String> = aliases.iter().map(|s| s.to_string()).collect();
        writeln!(w, "aliases = {}", toml_list(&aliases))?;
        writeln!(w, "units = []")?;
        writeln!(w, "is_agency = false")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_at_national_scale() {
        let list = agencies(3000);
        assert_eq!(list.len(), 3000);
        let codes: HashSet<_> = list.iter().map(|a| a.code.to_lowercase()).collect();
        assert_eq!(codes.len(), 3000);
        // The registry compares names by their letters and digits, lower-cased.
        let norm = |s: &str| -> String {
            s.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        let mut names = HashSet::new();
        for a in &list {
            let mut own: Vec<String> = std::iter::once(&a.name)
                .chain(&a.aliases)
                .chain(&a.units)
                .map(|n| norm(n))
                .collect();
            own.sort();
            own.dedup();
            for n in own {
                assert!(names.insert(n.clone()), "{n} names two agencies");
            }
        }
    }

    #[test]
    fn prefix_is_stable() {
        let small = agencies(50);
        let large = agencies(500);
        for (a, b) in small.iter().zip(&large) {
            assert_eq!(a.code, b.code);
        }
    }
}
