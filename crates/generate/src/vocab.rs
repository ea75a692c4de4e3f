//! The label vocabulary: actions (with their Indonesian morphological forms),
//! business objects (with abbreviations and variants), qualifiers, systems
//! and themes. Everything is a constant; the generator combines them.

/// What an activity does, with the ways officials write it.
#[derive(Debug)]
pub struct Action {
    /// Stable name used in planted cluster names.
    pub key: &'static str,
    /// Active verbs (`Memverifikasi`): `<verb> <object>`.
    pub active: &'static [&'static str],
    /// Nouns (`Verifikasi`, `Pemeriksaan`): `<noun> <object>`.
    pub nominal: &'static [&'static str],
    /// Passive verbs (`diverifikasi`): `<object> <passive>`.
    pub passive: &'static [&'static str],
    /// Imperative/base forms (`Verifikasi`, `Periksa`, `Kirim`).
    pub base: &'static [&'static str],
    /// English verbs for the few English models.
    pub english: &'static [&'static str],
    /// Where it sits in a process (0 intake … 5 closure).
    pub phase: u8,
    /// Object roles this action takes.
    pub roles: &'static [Role],
}

/// The kind of business object a step works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The application file (berkas permohonan).
    File,
    /// The required documents.
    Reqs,
    /// Identity data (NIK, KTP, data kependudukan).
    Ident,
    /// The service's own subject (izin usaha, SK pensiun…), chosen per family.
    Main,
    /// Another object of the theme.
    Aux,
    /// A document the agency issues.
    Output,
    /// A result (hasil verifikasi…).
    Result,
    /// A report.
    Report,
}

/// A business object and its written variants (abbreviation, long form, synonyms).
#[derive(Debug)]
pub struct Object {
    pub key: &'static str,
    pub forms: &'static [&'static str],
    pub english: &'static str,
}

macro_rules! obj {
    ($key:expr, [$($f:expr),+], $en:expr) => {
        Object { key: $key, forms: &[$($f),+], english: $en }
    };
}

use Role::*;

pub const ACTIONS: &[Action] = &[
    Action {
        key: "terima",
        active: &["Menerima"],
        nominal: &["Penerimaan"],
        passive: &["diterima"],
        base: &["Terima"],
        english: &["Receive"],
        phase: 0,
        roles: &[File, Reqs, Main, Aux, Report],
    },
    Action {
        key: "daftar",
        active: &["Mendaftarkan", "Mencatat"],
        nominal: &["Pendaftaran", "Registrasi", "Pencatatan"],
        passive: &["didaftarkan", "dicatat"],
        base: &["Daftarkan", "Catat"],
        english: &["Register", "Record"],
        phase: 0,
        roles: &[File, Main],
    },
    Action {
        key: "unggah",
        active: &["Mengunggah"],
        nominal: &["Unggah", "Upload"],
        passive: &["diunggah"],
        base: &["Unggah"],
        english: &["Upload"],
        phase: 0,
        roles: &[Reqs, File],
    },
    Action {
        key: "verifikasi",
        active: &["Memverifikasi", "Memeriksa", "Memvalidasi"],
        nominal: &["Verifikasi", "Pemeriksaan", "Validasi"],
        passive: &["diverifikasi", "diperiksa", "divalidasi"],
        base: &["Verifikasi", "Periksa", "Cek"],
        english: &["Verify", "Check", "Validate"],
        phase: 1,
        roles: &[Reqs, Ident, Main, Aux, File],
    },
    Action {
        key: "telaah",
        active: &["Menelaah", "Mengkaji", "Menganalisis"],
        nominal: &["Telaah", "Kajian", "Analisis", "Penelaahan"],
        passive: &["ditelaah", "dikaji", "dianalisis"],
        base: &["Telaah", "Kaji"],
        english: &["Review", "Assess", "Analyse"],
        phase: 1,
        roles: &[Main, Aux, Report, File],
    },
    Action {
        key: "input",
        active: &["Menginput", "Memasukkan", "Merekam"],
        nominal: &["Input", "Entri", "Perekaman"],
        passive: &["diinput", "direkam"],
        base: &["Input", "Entri"],
        english: &["Enter", "Key in"],
        phase: 2,
        roles: &[Main, Aux, Ident],
    },
    Action {
        key: "disposisi",
        active: &["Mendisposisikan"],
        nominal: &["Disposisi", "Pendisposisian"],
        passive: &["didisposisikan"],
        base: &["Disposisikan"],
        english: &["Assign", "Dispatch"],
        phase: 2,
        roles: &[File, Main],
    },
    Action {
        key: "tindak-lanjut",
        active: &["Menindaklanjuti"],
        nominal: &["Tindak lanjut", "Penindaklanjutan"],
        passive: &["ditindaklanjuti"],
        base: &["Tindak lanjuti"],
        english: &["Follow up"],
        phase: 2,
        roles: &[Main, Report],
    },
    Action {
        key: "hitung",
        active: &["Menghitung", "Mengkalkulasi"],
        nominal: &["Perhitungan", "Kalkulasi"],
        passive: &["dihitung"],
        base: &["Hitung"],
        english: &["Calculate"],
        phase: 2,
        roles: &[Aux, Main],
    },
    Action {
        key: "susun",
        active: &["Menyusun", "Membuat", "Menyiapkan"],
        nominal: &["Penyusunan", "Pembuatan", "Penyiapan", "Konsep"],
        passive: &["disusun", "dibuat"],
        base: &["Susun", "Buat"],
        english: &["Draft", "Prepare"],
        phase: 3,
        roles: &[Output, Report],
    },
    Action {
        key: "setujui",
        active: &["Menyetujui"],
        nominal: &["Persetujuan"],
        passive: &["disetujui"],
        base: &["Setujui"],
        english: &["Approve"],
        phase: 3,
        roles: &[Output, Main],
    },
    Action {
        key: "tetapkan",
        active: &["Menetapkan", "Memutuskan"],
        nominal: &["Penetapan", "Keputusan"],
        passive: &["ditetapkan", "diputuskan"],
        base: &["Tetapkan"],
        english: &["Decide", "Determine"],
        phase: 3,
        roles: &[Output, Main],
    },
    Action {
        key: "tandatangan",
        active: &["Menandatangani", "Memaraf"],
        nominal: &["Penandatanganan", "Paraf dan tanda tangan"],
        passive: &["ditandatangani"],
        base: &["Tanda tangani", "TTD"],
        english: &["Sign"],
        phase: 3,
        roles: &[Output],
    },
    Action {
        key: "terbit",
        active: &["Menerbitkan", "Mengeluarkan"],
        nominal: &["Penerbitan", "Pengeluaran"],
        passive: &["diterbitkan", "dikeluarkan"],
        base: &["Terbitkan", "Keluarkan"],
        english: &["Issue"],
        phase: 4,
        roles: &[Output],
    },
    Action {
        key: "kirim",
        active: &["Mengirim", "Mengirimkan", "Meneruskan", "Menyampaikan"],
        nominal: &["Pengiriman", "Penerusan", "Penyampaian"],
        passive: &["dikirim", "diteruskan", "disampaikan"],
        base: &["Kirim", "Kirimkan", "Teruskan"],
        english: &["Send", "Forward"],
        phase: 4,
        roles: &[Output, File, Result, Report],
    },
    Action {
        key: "salurkan",
        active: &["Menyalurkan", "Mencairkan"],
        nominal: &["Penyaluran", "Pencairan"],
        passive: &["disalurkan", "dicairkan"],
        base: &["Salurkan", "Cairkan"],
        english: &["Disburse"],
        phase: 4,
        roles: &[Main, Aux],
    },
    Action {
        key: "beritahu",
        active: &["Memberitahukan", "Menginformasikan", "Mengumumkan"],
        nominal: &["Pemberitahuan", "Notifikasi", "Pengumuman"],
        passive: &["diberitahukan", "diinformasikan"],
        base: &["Beritahukan", "Informasikan"],
        english: &["Notify", "Inform"],
        phase: 5,
        roles: &[Result, Main],
    },
    Action {
        key: "arsip",
        active: &["Mengarsipkan", "Menyimpan"],
        nominal: &["Pengarsipan", "Penyimpanan"],
        passive: &["diarsipkan", "disimpan"],
        base: &["Arsipkan", "Simpan"],
        english: &["Archive", "File away"],
        phase: 5,
        roles: &[Output, File],
    },
    Action {
        key: "pantau",
        active: &["Memantau", "Memonitor", "Mengevaluasi"],
        nominal: &["Pemantauan", "Monitoring", "Evaluasi"],
        passive: &["dipantau", "dievaluasi"],
        base: &["Pantau", "Evaluasi"],
        english: &["Monitor", "Evaluate"],
        phase: 5,
        roles: &[Main, Report],
    },
];

/// Index of the "return to applicant" action used on reject branches.
pub const RETURN_ACTION: Action = Action {
    key: "kembalikan",
    active: &["Mengembalikan"],
    nominal: &["Pengembalian"],
    passive: &["dikembalikan"],
    base: &["Kembalikan"],
    english: &["Return"],
    phase: 1,
    roles: &[File],
};

pub const FILE_OBJECTS: &[Object] = &[
    obj!(
        "berkas-permohonan",
        [
            "berkas permohonan",
            "dokumen permohonan",
            "berkas pengajuan",
            "berkas"
        ],
        "application file"
    ),
    obj!(
        "surat-permohonan",
        ["surat permohonan", "surat pengantar", "surat usulan"],
        "request letter"
    ),
];
pub const REQS_OBJECTS: &[Object] = &[
    obj!(
        "persyaratan",
        [
            "dokumen persyaratan",
            "kelengkapan dokumen",
            "persyaratan administrasi",
            "kelengkapan berkas"
        ],
        "required documents"
    ),
    obj!(
        "keabsahan",
        ["keabsahan dokumen", "keaslian dokumen", "legalitas dokumen"],
        "document authenticity"
    ),
];
pub const IDENT_OBJECTS: &[Object] = &[
    obj!(
        "nik",
        ["NIK", "nomor induk kependudukan", "data NIK"],
        "NIK"
    ),
    obj!(
        "ktp",
        ["KTP", "KTP-el", "kartu tanda penduduk", "e-KTP"],
        "ID card"
    ),
    obj!(
        "data-kependudukan",
        ["data kependudukan", "data penduduk", "data adminduk"],
        "population data"
    ),
];
pub const RESULT_OBJECTS: &[Object] = &[
    obj!(
        "hasil-verifikasi",
        ["hasil verifikasi", "hasil pemeriksaan", "hasil validasi"],
        "verification result"
    ),
    obj!(
        "hasil-layanan",
        ["hasil layanan", "status permohonan", "keputusan permohonan"],
        "outcome"
    ),
];
pub const REPORT_OBJECTS: &[Object] = &[
    obj!(
        "laporan",
        ["laporan", "laporan kegiatan", "laporan pelaksanaan"],
        "report"
    ),
    obj!(
        "rekapitulasi",
        ["rekapitulasi", "rekap data", "laporan rekapitulasi"],
        "summary"
    ),
];

/// A cross-cutting theme: a folder of models and the vocabulary its processes use.
#[derive(Debug)]
pub struct Theme {
    pub code: &'static str,
    pub folder: &'static str,
    pub name_id: &'static str,
    pub name_en: &'static str,
    pub description_id: &'static str,
    pub description_en: &'static str,
    /// Subjects of a service (one per family).
    pub main: &'static [Object],
    pub aux: &'static [Object],
    pub output: &'static [Object],
    /// Qualifiers that make a family's service specific (sector, kind…).
    pub qualifiers: &'static [&'static str],
    /// Information systems named inside labels and data stores.
    pub systems: &'static [&'static str],
    /// The actor pool/lane name (an `is_agency = false` registry entry).
    pub actor: &'static str,
    /// Words a process name starts with.
    pub process_words: &'static [&'static str],
}

pub const THEMES: &[Theme] = &[
    Theme {
        code: "ASN",
        folder: "manajemen-asn",
        name_id: "Manajemen ASN",
        name_en: "Civil-service management",
        description_id: "Kenaikan pangkat, mutasi, pensiun dan pengadaan ASN (sintetis).",
        description_en:
            "Promotion, transfer, retirement and recruitment of civil servants (synthetic).",
        main: &[
            obj!(
                "sk-kenaikan-pangkat",
                [
                    "SK kenaikan pangkat",
                    "surat keputusan kenaikan pangkat",
                    "SK KP"
                ],
                "promotion decree"
            ),
            obj!(
                "sk-pensiun",
                [
                    "SK pensiun",
                    "surat keputusan pensiun",
                    "SK pemberhentian dengan hak pensiun"
                ],
                "retirement decree"
            ),
            obj!(
                "usulan-mutasi",
                [
                    "usulan mutasi",
                    "usul pindah instansi",
                    "usulan mutasi pegawai"
                ],
                "transfer request"
            ),
            obj!(
                "formasi",
                ["usulan formasi", "formasi CPNS", "kebutuhan formasi ASN"],
                "staffing plan"
            ),
            obj!(
                "nip",
                ["NIP", "nomor induk pegawai", "NIP CPNS"],
                "civil-servant number"
            ),
            obj!(
                "sk-jabatan",
                [
                    "SK jabatan",
                    "SK pengangkatan jabatan fungsional",
                    "surat keputusan jabatan"
                ],
                "appointment decree"
            ),
        ],
        aux: &[
            obj!(
                "data-pegawai",
                ["data pegawai", "data ASN", "data kepegawaian"],
                "staff data"
            ),
            obj!(
                "skp",
                ["SKP", "sasaran kinerja pegawai", "penilaian kinerja"],
                "performance appraisal"
            ),
            obj!(
                "pertek",
                ["pertimbangan teknis", "pertek", "Pertek BKN"],
                "technical consideration"
            ),
            obj!(
                "dpcp",
                ["DPCP", "data perorangan calon penerima pensiun"],
                "pension data"
            ),
        ],
        output: &[
            obj!("sk", ["SK", "surat keputusan", "keputusan"], "decree"),
            obj!("nota-dinas", ["nota dinas", "ND"], "memo"),
            obj!("berita-acara", ["berita acara", "BA"], "minutes"),
        ],
        qualifiers: &[
            "reguler",
            "pilihan",
            "golongan III",
            "golongan IV",
            "PPPK",
            "jabatan fungsional",
            "jabatan pelaksana",
            "antar instansi",
            "batas usia",
            "janda/duda",
        ],
        systems: &["SIASN", "SAPK", "SIMPEG", "e-Kinerja", "MySAPK"],
        actor: "Pegawai",
        process_words: &["Layanan", "Penerbitan", "Proses", "Pengelolaan"],
    },
    Theme {
        code: "OSS",
        folder: "perizinan-berusaha",
        name_id: "Perizinan Berusaha",
        name_en: "Business licensing",
        description_id: "Perizinan berusaha berbasis risiko melalui OSS (sintetis).",
        description_en: "Risk-based business licensing through OSS (synthetic).",
        main: &[
            obj!(
                "izin-usaha",
                ["izin usaha", "perizinan berusaha", "PB"],
                "business licence"
            ),
            obj!("nib", ["NIB", "nomor induk berusaha"], "business id number"),
            obj!(
                "sertifikat-standar",
                ["sertifikat standar", "SS"],
                "standard certificate"
            ),
            obj!(
                "persetujuan-lingkungan",
                ["persetujuan lingkungan", "dokumen AMDAL", "UKL-UPL"],
                "environmental approval"
            ),
            obj!(
                "pkkpr",
                ["PKKPR", "kesesuaian kegiatan pemanfaatan ruang", "KKPR"],
                "spatial-use approval"
            ),
            obj!(
                "pbg",
                ["PBG", "persetujuan bangunan gedung", "IMB"],
                "building approval"
            ),
        ],
        aux: &[
            obj!("kbli", ["KBLI", "kode KBLI"], "activity code"),
            obj!(
                "retribusi",
                ["retribusi", "biaya retribusi", "SKRD"],
                "levy"
            ),
            obj!("komitmen", ["pemenuhan komitmen", "komitmen"], "commitment"),
            obj!(
                "hasil-survei",
                [
                    "hasil survei lapangan",
                    "hasil peninjauan lokasi",
                    "BAP lapangan"
                ],
                "site survey"
            ),
        ],
        output: &[
            obj!(
                "izin",
                ["izin", "surat izin", "dokumen perizinan"],
                "permit"
            ),
            obj!(
                "rekomendasi",
                ["rekomendasi teknis", "surat rekomendasi"],
                "recommendation"
            ),
            obj!("berita-acara", ["berita acara", "BA"], "minutes"),
        ],
        qualifiers: &[
            "perikanan",
            "pertambangan",
            "kesehatan",
            "pariwisata",
            "perdagangan",
            "industri",
            "pertanian",
            "konstruksi",
            "energi",
            "transportasi",
            "UMK",
            "PMA",
        ],
        systems: &["OSS", "OSS RBA", "SIMBG", "SiCantik", "GISTARU"],
        actor: "Pelaku Usaha",
        process_words: &["Layanan", "Penerbitan", "Pelayanan", "Proses"],
    },
    Theme {
        code: "BANSOS",
        folder: "bantuan-sosial",
        name_id: "Penyaluran Bantuan Sosial",
        name_en: "Social-assistance distribution",
        description_id: "Pendataan, penetapan dan penyaluran bantuan sosial (sintetis).",
        description_en:
            "Registering, selecting and paying social-assistance recipients (synthetic).",
        main: &[
            obj!(
                "bansos",
                ["bantuan sosial", "bansos", "dana bantuan"],
                "social assistance"
            ),
            obj!(
                "pkh",
                ["bantuan PKH", "Program Keluarga Harapan", "PKH"],
                "conditional cash transfer"
            ),
            obj!(
                "bpnt",
                ["BPNT", "bantuan pangan non tunai", "sembako"],
                "food assistance"
            ),
            obj!(
                "pbi-jk",
                ["PBI-JK", "penerima bantuan iuran jaminan kesehatan"],
                "health-insurance subsidy"
            ),
            obj!("blt", ["BLT", "bantuan langsung tunai"], "cash transfer"),
        ],
        aux: &[
            obj!(
                "dtks",
                ["DTKS", "data terpadu kesejahteraan sosial", "data DTKS"],
                "social registry"
            ),
            obj!(
                "data-penerima",
                ["data calon penerima", "daftar penerima manfaat", "data KPM"],
                "beneficiary list"
            ),
            obj!("kks", ["KKS", "kartu keluarga sejahtera"], "welfare card"),
            obj!(
                "usulan-dtks",
                ["usulan pemutakhiran DTKS", "usulan perubahan data DTKS"],
                "registry update"
            ),
        ],
        output: &[
            obj!(
                "sk-penerima",
                ["SK penetapan penerima", "keputusan penetapan KPM"],
                "beneficiary decree"
            ),
            obj!(
                "bast",
                ["berita acara penyaluran", "BAST penyaluran", "BAST"],
                "hand-over minutes"
            ),
            obj!("surat-tugas", ["surat tugas", "ST"], "assignment letter"),
        ],
        qualifiers: &[
            "tahap I",
            "tahap II",
            "triwulan III",
            "lansia",
            "disabilitas",
            "anak yatim",
            "korban bencana",
            "desa",
            "perkotaan",
        ],
        systems: &[
            "SIKS-NG",
            "aplikasi Cek Bansos",
            "SIKS-NG Kemensos",
            "Simpel",
        ],
        actor: "Masyarakat",
        process_words: &["Penyaluran", "Pengelolaan", "Layanan", "Proses"],
    },
    Theme {
        code: "LAPOR",
        folder: "pengaduan-masyarakat",
        name_id: "Pengaduan Masyarakat",
        name_en: "Public complaints",
        description_id: "Penanganan pengaduan melalui SP4N-LAPOR! (sintetis).",
        description_en: "Handling public complaints through SP4N-LAPOR! (synthetic).",
        main: &[
            obj!(
                "pengaduan",
                ["laporan pengaduan", "aduan masyarakat", "pengaduan"],
                "complaint"
            ),
            obj!(
                "aspirasi",
                ["aspirasi masyarakat", "aspirasi", "usulan masyarakat"],
                "public input"
            ),
            obj!(
                "permintaan-informasi",
                ["permintaan informasi publik", "permohonan informasi"],
                "information request"
            ),
        ],
        aux: &[
            obj!(
                "klarifikasi",
                ["permintaan klarifikasi", "klarifikasi"],
                "clarification"
            ),
            obj!(
                "bukti",
                ["bukti pendukung", "dokumen bukti", "lampiran bukti"],
                "evidence"
            ),
            obj!(
                "disposisi",
                ["lembar disposisi", "disposisi"],
                "routing slip"
            ),
        ],
        output: &[
            obj!(
                "tanggapan",
                ["tanggapan", "jawaban pengaduan", "surat tanggapan"],
                "response"
            ),
            obj!(
                "laporan-tl",
                ["laporan tindak lanjut", "hasil tindak lanjut"],
                "follow-up report"
            ),
            obj!(
                "rekomendasi",
                ["rekomendasi", "saran tindakan korektif"],
                "recommendation"
            ),
        ],
        qualifiers: &[
            "pelayanan publik",
            "maladministrasi",
            "pungutan liar",
            "infrastruktur",
            "kesehatan",
            "pendidikan",
            "kepegawaian",
            "lingkungan",
        ],
        systems: &["SP4N-LAPOR!", "aplikasi LAPOR!", "e-Office", "SIMADU"],
        actor: "Masyarakat",
        process_words: &["Penanganan", "Pengelolaan", "Layanan", "Proses"],
    },
    Theme {
        code: "ADMINDUK",
        folder: "administrasi-kependudukan",
        name_id: "Administrasi Kependudukan",
        name_en: "Civil registration",
        description_id: "Pendaftaran penduduk dan pencatatan sipil (sintetis).",
        description_en: "Population registration and civil records (synthetic).",
        main: &[
            obj!("kk", ["KK", "kartu keluarga"], "family card"),
            obj!(
                "akta-kelahiran",
                ["akta kelahiran", "akta lahir"],
                "birth certificate"
            ),
            obj!(
                "ktp-el",
                ["KTP-el", "KTP elektronik", "e-KTP"],
                "electronic ID card"
            ),
            obj!(
                "skpwni",
                ["surat keterangan pindah", "SKPWNI", "SKPWNI pindah datang"],
                "moving certificate"
            ),
            obj!(
                "akta-kematian",
                ["akta kematian", "surat keterangan kematian"],
                "death certificate"
            ),
        ],
        aux: &[
            obj!(
                "biodata",
                ["biodata penduduk", "formulir F-1.01", "F-1.01"],
                "personal data form"
            ),
            obj!(
                "data-biometrik",
                ["data biometrik", "sidik jari", "rekam biometrik"],
                "biometric data"
            ),
            obj!(
                "surat-nikah",
                ["buku nikah", "akta perkawinan"],
                "marriage record"
            ),
        ],
        output: &[
            obj!(
                "dokumen-adminduk",
                ["dokumen kependudukan", "dokumen adminduk"],
                "civil document"
            ),
            obj!(
                "surat-keterangan",
                ["surat keterangan", "SK"],
                "certificate"
            ),
            obj!("berita-acara", ["berita acara", "BA"], "minutes"),
        ],
        qualifiers: &[
            "baru",
            "perubahan data",
            "hilang",
            "rusak",
            "WNA",
            "pindah datang",
            "luar daerah",
            "terlambat",
        ],
        systems: &["SIAK", "SIAK Terpusat", "aplikasi Dukcapil", "IKD"],
        actor: "Pemohon",
        process_words: &["Pelayanan", "Penerbitan", "Layanan", "Pencatatan"],
    },
    Theme {
        code: "KEU",
        folder: "pengelolaan-keuangan",
        name_id: "Pengelolaan Keuangan Negara",
        name_en: "Public financial management",
        description_id: "Perencanaan anggaran, pembayaran dan pelaporan keuangan (sintetis).",
        description_en: "Budgeting, payments and financial reporting (synthetic).",
        main: &[
            obj!(
                "dipa",
                ["DIPA", "daftar isian pelaksanaan anggaran"],
                "budget allotment"
            ),
            obj!("spm", ["SPM", "surat perintah membayar"], "payment order"),
            obj!(
                "sp2d",
                ["SP2D", "surat perintah pencairan dana"],
                "disbursement order"
            ),
            obj!(
                "rka",
                ["RKA-K/L", "rencana kerja dan anggaran", "RKA"],
                "work plan and budget"
            ),
            obj!(
                "revisi-anggaran",
                ["revisi anggaran", "usulan revisi DIPA"],
                "budget revision"
            ),
        ],
        aux: &[
            obj!(
                "spp",
                ["SPP", "surat permintaan pembayaran"],
                "payment request"
            ),
            obj!(
                "tagihan",
                ["tagihan", "dokumen tagihan", "invoice"],
                "invoice"
            ),
            obj!(
                "lk",
                ["laporan keuangan", "LK", "LKPP"],
                "financial statement"
            ),
            obj!(
                "pagu",
                ["pagu anggaran", "pagu indikatif"],
                "budget ceiling"
            ),
        ],
        output: &[
            obj!(
                "surat-pengesahan",
                ["surat pengesahan", "pengesahan"],
                "endorsement"
            ),
            obj!("nota-dinas", ["nota dinas", "ND"], "memo"),
            obj!(
                "berita-acara",
                ["berita acara rekonsiliasi", "BAR"],
                "reconciliation minutes"
            ),
        ],
        qualifiers: &[
            "belanja pegawai",
            "belanja barang",
            "belanja modal",
            "LS",
            "UP",
            "TUP",
            "GUP",
            "semester I",
            "tahunan",
        ],
        systems: &["SAKTI", "SPAN", "SIPD", "OM-SPAN", "SIMAK-BMN"],
        actor: "Pemohon",
        process_words: &["Pengelolaan", "Proses", "Penyusunan", "Penerbitan"],
    },
    Theme {
        code: "PBJ",
        folder: "pengadaan-barang-jasa",
        name_id: "Pengadaan Barang/Jasa",
        name_en: "Public procurement",
        description_id: "Perencanaan, pemilihan penyedia dan serah terima (sintetis).",
        description_en: "Planning, supplier selection and hand-over (synthetic).",
        main: &[
            obj!(
                "paket",
                ["paket pengadaan", "paket pekerjaan"],
                "procurement package"
            ),
            obj!(
                "kontrak",
                ["kontrak", "surat perjanjian", "SPK"],
                "contract"
            ),
            obj!(
                "dokumen-pemilihan",
                ["dokumen pemilihan", "dokumen tender", "dokumen lelang"],
                "tender documents"
            ),
            obj!("rup", ["RUP", "rencana umum pengadaan"], "procurement plan"),
        ],
        aux: &[
            obj!(
                "hps",
                ["HPS", "harga perkiraan sendiri"],
                "owner's estimate"
            ),
            obj!("penawaran", ["dokumen penawaran", "penawaran"], "bid"),
            obj!(
                "jaminan",
                ["jaminan pelaksanaan", "jaminan penawaran"],
                "guarantee"
            ),
            obj!(
                "spesifikasi",
                ["spesifikasi teknis", "KAK", "kerangka acuan kerja"],
                "terms of reference"
            ),
        ],
        output: &[
            obj!(
                "bast",
                ["BAST", "berita acara serah terima"],
                "hand-over minutes"
            ),
            obj!(
                "penetapan-pemenang",
                ["penetapan pemenang", "pengumuman pemenang"],
                "award"
            ),
            obj!(
                "sppbj",
                ["SPPBJ", "surat penunjukan penyedia"],
                "letter of award"
            ),
        ],
        qualifiers: &[
            "konstruksi",
            "barang",
            "jasa konsultansi",
            "jasa lainnya",
            "e-purchasing",
            "tender cepat",
            "swakelola",
            "pengadaan langsung",
        ],
        systems: &["SPSE", "e-Katalog", "SiRUP", "SIKaP"],
        actor: "Pelaku Usaha",
        process_words: &["Pengadaan", "Proses", "Pelaksanaan", "Pengelolaan"],
    },
    Theme {
        code: "DIK",
        folder: "layanan-pendidikan",
        name_id: "Layanan Pendidikan",
        name_en: "Education services",
        description_id: "Beasiswa, legalisasi ijazah dan bantuan pendidikan (sintetis).",
        description_en: "Scholarships, diploma legalisation and education grants (synthetic).",
        main: &[
            obj!(
                "beasiswa",
                ["beasiswa", "usulan beasiswa", "bantuan beasiswa"],
                "scholarship"
            ),
            obj!(
                "ijazah",
                [
                    "legalisir ijazah",
                    "ijazah",
                    "surat keterangan pengganti ijazah"
                ],
                "diploma"
            ),
            obj!(
                "kip",
                ["KIP", "Kartu Indonesia Pintar", "PIP"],
                "school grant card"
            ),
            obj!(
                "bos",
                ["dana BOS", "BOS", "bantuan operasional sekolah"],
                "school operating grant"
            ),
        ],
        aux: &[
            obj!(
                "nisn",
                ["NISN", "nomor induk siswa nasional"],
                "student number"
            ),
            obj!(
                "dapodik",
                ["data Dapodik", "Dapodik", "data pokok pendidikan"],
                "education registry"
            ),
            obj!("rapor", ["nilai rapor", "transkrip nilai"], "transcript"),
        ],
        output: &[
            obj!(
                "sk-penerima",
                ["SK penerima", "keputusan penerima"],
                "recipient decree"
            ),
            obj!(
                "surat-keterangan",
                ["surat keterangan", "SKet"],
                "certificate"
            ),
            obj!("berita-acara", ["berita acara", "BA"], "minutes"),
        ],
        qualifiers: &[
            "SD",
            "SMP",
            "SMA",
            "SMK",
            "perguruan tinggi",
            "afirmasi",
            "prestasi",
            "daerah 3T",
        ],
        systems: &["Dapodik", "SIPINTAR", "SIM PIP", "PDDikti"],
        actor: "Pemohon",
        process_words: &["Layanan", "Pengelolaan", "Penyaluran", "Proses"],
    },
];

/// Lane names that resolve to no agency (they belong to the enclosing pool's agency).
pub const GENERIC_SUBLANES: &[&str] = &[
    "Petugas Loket",
    "Seksi Verifikasi",
    "Kepala Bidang",
    "Operator",
    "Pejabat Penandatangan",
    "Front Office",
    "Back Office",
    "Subbagian Tata Usaha",
    "Analis",
    "Kepala Seksi",
];

/// Actors that are not agencies (`is_agency = false`).
pub const ACTORS: &[(&str, &str, &[&str])] = &[
    ("PEMOHON", "Pemohon", &["Pemohon", "Pemohon Layanan"]),
    ("MASYARAKAT", "Masyarakat", &["Masyarakat", "Warga"]),
    (
        "PELAKU-USAHA",
        "Pelaku Usaha",
        &["Pelaku Usaha", "Badan Usaha"],
    ),
    ("PEGAWAI", "Pegawai", &["Pegawai", "ASN Pemohon"]),
];

/// Start-event, end-event, gateway and timer labels.
pub const START_LABELS: &[&str] = &[
    "Permohonan diterima",
    "Berkas masuk",
    "Mulai",
    "Usulan diterima",
    "Permintaan masuk",
];
pub const END_LABELS: &[&str] = &[
    "Layanan selesai",
    "Selesai",
    "Proses selesai",
    "Dokumen diterbitkan",
];
pub const REJECT_END_LABELS: &[&str] = &[
    "Permohonan dikembalikan",
    "Permohonan ditolak",
    "Berkas tidak lengkap",
];
pub const GATEWAY_LABELS: &[&str] = &[
    "Berkas lengkap?",
    "Data valid?",
    "Memenuhi syarat?",
    "Lengkap dan benar?",
];
pub const TIMER_LABELS: &[&str] = &[
    "Menunggu 3 hari kerja",
    "Batas waktu 14 hari",
    "Tunggu jadwal",
    "SLA 5 hari kerja",
];
pub const ESCALATION_LABELS: &[&str] = &[
    "Eskalasi ke pimpinan",
    "Mengeskalasi ke atasan langsung",
    "Eskalasi keterlambatan",
];
pub const BOUNDARY_LABELS: &[&str] = &["Melewati SLA", "Batas waktu terlampaui"];
pub const ANNOTATIONS: &[&str] = &[
    "Sesuai SOP yang berlaku",
    "Waktu penyelesaian paling lama 5 hari kerja",
    "Dasar hukum: Peraturan Menteri terkait",
    "Dilakukan secara daring bila memungkinkan",
];
