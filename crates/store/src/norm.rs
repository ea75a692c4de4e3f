//! Label normalisation for the stored `label_norm` columns and the
//! full-text index: the canonical tokens of the text crate (the same the
//! matcher compares), space-joined, so that an indexed label and a query
//! are normalised the same way.

/// Canonical tokens of `label`, space-joined (e.g. "Memverifikasi berkas"
/// and "verifikasi dokumen" share the token for *verifikasi*).
pub fn canonical(label: &str) -> String {
    tokens(label).join(" ")
}

/// The bundled lexicon, built once.
fn lexicon() -> &'static peta_text::Lexicon {
    static LEXICON: std::sync::OnceLock<peta_text::Lexicon> = std::sync::OnceLock::new();
    LEXICON.get_or_init(peta_text::Lexicon::bundled)
}

/// Canonical tokens of `text` ([`peta_text::Lexicon::analyze`] with the
/// bundled lexicon: stop words dropped, abbreviations expanded, words
/// stemmed or mapped to their thesaurus concept), each made one FTS token
/// (characters other than letters and digits removed).
pub fn tokens(text: &str) -> Vec<String> {
    lexicon()
        .analyze(text)
        .canonical()
        .into_iter()
        .map(|t| {
            t.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// Probe labels whose normal forms identify the normalisation in use.
const PROBES: &[&str] = &[
    "Memverifikasi berkas usulan",
    "Verifikasi dokumen",
    "Menerbitkan SK pengangkatan",
    "Pengajuan permohonan NIK",
    "Diperiksa oleh petugas",
    "Validasi data kependudukan",
    "Mengirimkan surat keputusan",
    "Receive application documents",
    "Checking the forms",
    "Penetapan NIP ASN",
    "Pembayaran tunjangan",
    "Cek kelengkapan KTP",
];

/// A fingerprint of the normalisation: the hash of the probes' normal
/// forms. When it differs from the one stored in `meta`, the store
/// recomputes every normalised label and rebuilds the full-text index.
pub fn fingerprint() -> String {
    let mut h = blake3::Hasher::new();
    for p in PROBES {
        h.update(canonical(p).as_bytes());
        h.update(b"\n");
    }
    h.finalize().to_hex()[..16].to_string()
}
