"""Agencies and actors of the corpus; writes agencies.toml and themes.toml and resolves names
exactly as docs describe (aliases or units, case- and whitespace-insensitive)."""

import json

# (code, name, kind, aliases, units, is_agency)
AGENCIES = [
    ("KEMENPANRB", "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "kementerian",
     ["KemenPANRB", "Kementerian PANRB", "Kementerian PAN-RB", "Ministry of Administrative and Bureaucratic Reform"],
     ["Deputi Bidang SDM Aparatur", "Deputi Bidang Pelayanan Publik", "Asisten Deputi Pengelolaan Pengaduan Masyarakat",
      "Tim Pengelola SP4N-LAPOR!", "Biro SDM dan Umum KemenPANRB"], True),
    ("BKN", "Badan Kepegawaian Negara", "lembaga", ["BKN", "Badan Kepegawaian Negara", "National Civil Service Agency"],
     ["Kantor Regional VIII BKN", "Direktorat Pengadaan dan Kepangkatan", "Direktorat Pensiun PNS dan Pejabat Negara",
      "Direktorat Status dan Kedudukan Kepegawaian", "Direktorat Pengolahan Data dan Sistem Informasi ASN",
      "Direktorat Kinerja ASN"], True),
    ("OIKN", "Otorita Ibu Kota Nusantara", "lembaga", ["Otorita IKN", "OIKN", "Otorita Ibu Kota Nusantara", "Nusantara Capital City Authority"],
     ["Deputi Bidang Sosial, Budaya, dan Pemberdayaan Masyarakat", "Direktorat Pelayanan Dasar OIKN",
      "Unit Layanan Bersama IKN", "Pusat Layanan Transportasi Perkantoran IKN", "Shared Services Desk IKN",
      "Biro Umum OIKN", "Direktorat SDM Aparatur OIKN"], True),
    ("KEMENKEU", "Kementerian Keuangan", "kementerian", ["Kemenkeu", "Kementerian Keuangan", "Ministry of Finance"],
     ["Direktorat Jenderal Perbendaharaan", "DJPb", "KPPN Balikpapan", "KPPN Jakarta II", "Direktorat Jenderal Anggaran",
      "Direktorat Sistem Perbendaharaan"], True),
    ("PUPR", "Kementerian Pekerjaan Umum dan Perumahan Rakyat", "kementerian",
     ["Kementerian PUPR", "PUPR", "Kementerian Pekerjaan Umum dan Perumahan Rakyat"],
     ["Direktorat Jenderal Perumahan", "Satker Pembangunan Hunian ASN IKN", "Balai Pelaksana Penyediaan Perumahan Kalimantan II"], True),
    ("TASPEN", "PT Taspen (Persero)", "bumn", ["Taspen", "PT Taspen", "PT Taspen (Persero)"],
     ["Kantor Cabang Taspen Balikpapan", "Kantor Cabang Utama Taspen Jakarta", "Bidang Layanan Peserta Taspen"], True),
    ("KEMENDIKBUDRISTEK", "Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi", "kementerian",
     ["Kemendikbudristek", "Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi"],
     ["Biro Sumber Daya Manusia Kemendikbudristek", "Biro Umum dan Pengadaan Barang dan Jasa Kemendikbudristek",
      "Sekretariat Jenderal Kemendikbudristek", "Unit Kerja Eselon I Kemendikbudristek"], True),
    ("KEMENKES", "Kementerian Kesehatan", "kementerian", ["Kemenkes", "Kementerian Kesehatan", "Ministry of Health"],
     ["Biro Organisasi dan Sumber Daya Manusia Kemenkes", "Biro Umum Kemenkes", "Satuan Kerja Kemenkes", "Bagian Rumah Tangga Kemenkes"], True),
    ("BKPM", "Kementerian Investasi/Badan Koordinasi Penanaman Modal", "kementerian",
     ["Kementerian Investasi/BKPM", "Kementerian Investasi", "BKPM", "Lembaga OSS"],
     ["Direktorat Pelayanan Perizinan Berusaha", "Deputi Bidang Pelayanan Penanaman Modal", "Direktorat Pengendalian Pelaksanaan Penanaman Modal",
      "Sistem OSS RBA"], True),
    ("KEMENTAN", "Kementerian Pertanian", "kementerian", ["Kementan", "Kementerian Pertanian", "Ministry of Agriculture"],
     ["Direktorat Jenderal Perkebunan", "Pusat Perizinan dan Investasi Kementan", "Direktorat Jenderal Peternakan dan Kesehatan Hewan"], True),
    ("KLHK", "Kementerian Lingkungan Hidup dan Kehutanan", "kementerian", ["KLHK", "Kementerian Lingkungan Hidup dan Kehutanan", "Kementerian LHK"],
     ["Direktorat Pencegahan Dampak Lingkungan Usaha dan Kegiatan", "Direktorat Jenderal Planologi Kehutanan dan Tata Lingkungan",
      "Tim Uji Kelayakan Lingkungan Hidup"], True),
    ("DPMPTSP-KALTIM", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Provinsi Kalimantan Timur", "pemda",
     ["DPMPTSP Provinsi Kalimantan Timur", "DPMPTSP Kaltim", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Provinsi Kalimantan Timur"],
     ["Bidang Pelayanan Perizinan DPMPTSP", "Tim Teknis Perizinan Provinsi", "Mal Pelayanan Publik Balikpapan"], True),
    ("DUKCAPIL", "Direktorat Jenderal Kependudukan dan Pencatatan Sipil, Kementerian Dalam Negeri", "kementerian",
     ["Dukcapil", "Ditjen Dukcapil", "Ditjen Dukcapil Kemendagri", "Direktorat Jenderal Kependudukan dan Pencatatan Sipil"],
     ["Direktorat Integrasi Data Kependudukan Nasional", "Direktorat Fasilitasi Pemanfaatan Data dan Dokumen Kependudukan"], True),
    ("KEMENSOS", "Kementerian Sosial", "kementerian", ["Kemensos", "Kementerian Sosial", "Ministry of Social Affairs"],
     ["Direktorat Jenderal Perlindungan dan Jaminan Sosial", "Pusat Data dan Informasi Kesejahteraan Sosial",
      "Direktorat Jaminan Sosial Keluarga", "Pendamping Sosial PKH"], True),
    ("DINSOS-PPU", "Dinas Sosial Kabupaten Penajam Paser Utara", "pemda",
     ["Dinas Sosial Kabupaten Penajam Paser Utara", "Dinsos PPU", "Dinas Sosial PPU"],
     ["Bidang Perlindungan dan Jaminan Sosial Dinsos", "Operator SIKS-NG Kabupaten", "Operator SIKS-NG Desa"], True),
    ("BPS", "Badan Pusat Statistik", "lembaga", ["BPS", "Badan Pusat Statistik", "Statistics Indonesia"],
     ["BPS Kabupaten Penajam Paser Utara", "Direktorat Statistik Ketahanan Sosial"], True),
    ("BRI", "PT Bank Rakyat Indonesia (Persero) Tbk", "bumn", ["BRI", "Bank BRI", "PT Bank Rakyat Indonesia (Persero) Tbk"],
     ["BRI Kantor Cabang Penajam", "Divisi Layanan Bansos BRI"], True),
    ("POS", "PT Pos Indonesia (Persero)", "bumn", ["PT Pos Indonesia", "Pos Indonesia", "PT Pos Indonesia (Persero)"],
     ["Kantor Pos Penajam", "Juru Bayar Pos"], True),
    ("OMBUDSMAN", "Ombudsman Republik Indonesia", "lembaga", ["Ombudsman RI", "Ombudsman", "Ombudsman Republik Indonesia"],
     ["Keasistenan Penerimaan dan Verifikasi Laporan", "Keasistenan Pemeriksaan Laporan", "Keasistenan Resolusi dan Monitoring",
      "Ombudsman RI Perwakilan Kalimantan Timur"], True),
    ("KSP", "Kantor Staf Presiden", "lembaga", ["KSP", "Kantor Staf Presiden", "Executive Office of the President"],
     ["Kedeputian V KSP", "Tim Pengaduan Masyarakat KSP"], True),
    ("BKPSDM-PPU", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Penajam Paser Utara", "pemda",
     ["BKPSDM Kabupaten Penajam Paser Utara", "BKPSDM PPU", "BKPSDM"],
     ["Bidang Mutasi dan Promosi BKPSDM", "Bidang Pengadaan dan Informasi Kepegawaian BKPSDM"], True),
    ("PEMKAB-PPU", "Pemerintah Kabupaten Penajam Paser Utara", "pemda",
     ["Pemerintah Kabupaten Penajam Paser Utara", "Pemkab PPU"],
     ["Inspektorat Kabupaten Penajam Paser Utara", "Bagian Organisasi Setda PPU", "Admin SP4N-LAPOR! Pemkab PPU"], True),
    # actors, not agencies
    ("PEMOHON", "Pemohon", "other", ["Pemohon", "Applicant", "Pemohon Layanan"], [], False),
    ("MASYARAKAT", "Masyarakat", "other", ["Masyarakat", "Pelapor", "Citizen", "Warga"], [], False),
    ("PELAKU-USAHA", "Pelaku Usaha", "other", ["Pelaku Usaha", "Business Applicant", "Investor", "Pemohon Izin"], [], False),
    ("ASN", "ASN/Pegawai (sebagai pemohon)", "other",
     ["ASN", "Pegawai", "ASN Pindahan", "PNS yang Bersangkutan", "Pegawai Pemohon", "Employee", "Civil Servant", "Peserta Taspen"], [], False),
    ("KPM", "Keluarga Penerima Manfaat", "other", ["Keluarga Penerima Manfaat", "KPM", "Penerima Bantuan"], [], False),
]


def norm(s):
    return " ".join(s.lower().split())


class Resolver:
    def __init__(self):
        self.map = {}
        self.agency = {}
        for code, name, _kind, aliases, units, is_ag in AGENCIES:
            self.agency[code] = is_ag
            for s in [name] + aliases + units:
                k = norm(s)
                if k in self.map and self.map[k] != code:
                    raise SystemExit(f"name {s!r} resolves to two agencies")
                self.map[k] = code

    def resolve(self, name):
        return self.map.get(norm(name or ""))

    def is_agency(self, code):
        return self.agency.get(code, False)


def count_agencies():
    return sum(1 for a in AGENCIES if a[5])


def count_actors():
    return sum(1 for a in AGENCIES if not a[5])


def t(s):
    return json.dumps(s, ensure_ascii=False)


def tl(xs):
    return "[" + ", ".join(t(x) for x in xs) + "]"


def render(themes):
    """agencies.toml and themes.toml as text, keyed by file name."""
    files = {}
    lines = ["# Agencies and actors of the corpus. GENERATED by tools/corpus/gen.py (tools/corpus/registry.py).", ""]
    for code, name, kind, aliases, units, is_ag in AGENCIES:
        lines += ["[[agency]]", f"code = {t(code)}", f"name = {t(name)}", f"kind = {t(kind)}", f"aliases = {tl(aliases)}",
                  f"units = {tl(units)}"]
        if not is_ag:
            lines.append("is_agency = false")
        lines.append("")
    files["agencies.toml"] = "\n".join(lines)
    lines = ["# Themes of the corpus. GENERATED by tools/corpus/gen.py (tools/corpus/specs/__init__.py).", ""]
    for th in themes:
        lines += ["[[theme]]", f"code = {t(th['code'])}", f"name_id = {t(th['name_id'])}", f"name_en = {t(th['name_en'])}",
                  f"description_id = {t(th['description_id'])}", f"description_en = {t(th['description_en'])}",
                  f"spbe_codes = {tl(th['spbe_codes'])}", f"models = {tl(th['models'])}", ""]
    files["themes.toml"] = "\n".join(lines)
    return files
