"""Theme BANSOS: social-assistance targeting (DTKS) and distribution."""

from dsl import B, BR, C, E, IC, IT, L, M, P, Pool, RC, S, SC, SD, SUB, SV, T, U, X, XJ, Model

F = "bansos/"
NIK = "Process_Dukcapil_VerifikasiNIK"
KPPN = "Process_KPPN_PencairanDana"

MODELS = [
    # ------------------------------------------------------------------ Dinsos: DTKS proposal
    Model(F + "dinsos-usulan-perubahan-dtks.bpmn", "camunda", [
        Pool("Masyarakat", blackbox=True),
        Pool("Dinas Sosial Kabupaten Penajam Paser Utara", pid="Process_Dinsos_UsulanDTKS", pname="Usulan Perubahan DTKS Kabupaten",
             data=[("ba", "Berita Acara Musdes")], stores=[("siks", "SIKS-NG")], nodes=[
                 L("Operator SIKS-NG Desa"),
                 S("Pendaftaran atau usulan warga", ev="message", n="in"),
                 U("Mencatat usulan warga calon penerima bantuan", n="catat", c="catat-usulan-warga"),
                 M("Melaksanakan musyawarah desa/kelurahan", w=["ba"], c="musdes"),
                 U("Input usulan calon penerima ke SIKS-NG", c="input-siks", r=["ba"], w=["siks"]),
                 L("Operator SIKS-NG Kabupaten"),
                 SV("Memadankan NIK calon penerima dengan data Dukcapil", c="validasi-nik", n="nik", ext={"waktu": "1 hari kerja"}),
                 X("NIK padan?", alt=[("perbaiki", "Tidak")]),
                 U("Melakukan verifikasi dan validasi lapangan calon penerima", c="verval-lapangan", n="verval"),
                 L("Bidang Perlindungan dan Jaminan Sosial Dinsos"),
                 U("Menyetujui hasil verifikasi dan validasi", n="setuju"),
                 U("Meminta pengesahan Bupati atas usulan", c="sahkan-usulan-dtks"),
                 L("Operator SIKS-NG Kabupaten"),
                 SD("Mengirim usulan DTKS kepada Kemensos melalui SIKS-NG", n="kirim", c="kirim-usulan-dtks"),
                 T("Mengarsipkan berita acara dan usulan", c="arsip", r=["ba"], ext={"waktu": "1 jam"}),
                 E("Usulan terkirim"),
                 L("Operator SIKS-NG Desa"),
                 U("Mendampingi warga memperbaiki data kependudukan di Disdukcapil", n="perbaiki", go="nik"),
             ]),
        Pool("Kemensos", blackbox=True),
    ], msgs=[("@0", "in", "Usulan warga"), ("kirim", "@2", "Usulan DTKS")],
          notes=[("nik", "NIK tidak padan dikembalikan ke desa untuk diperbaiki bersama warga")]),

    # ------------------------------------------------------------------ Kemensos: DTKS determination
    Model(F + "kemensos-penetapan-dtks.bpmn", "signavio", [
        Pool("Kementerian Sosial", pid="sid-KEMENSOS-PENETAPAN-DTKS", pname="Penetapan Data Terpadu Kesejahteraan Sosial (DTKS)",
             data=[("kep", "Kepmensos Penetapan DTKS")], stores=[("dtks", "DTKS")], nodes=[
                 L("Pusat Data dan Informasi Kesejahteraan Sosial"),
                 S("Batas waktu usulan bulanan", ev="timer"),
                 T("Menerima usulan perubahan DTKS dari pemerintah daerah", c="terima-usulan-dtks"),
                 C("Pemadanan NIK dengan data kependudukan Dukcapil", called=NIK, c="validasi-nik", n="nik", ext={"durasi": "5 hari kerja"}),
                 T("Memadankan usulan dengan data Regsosek BPS", c="padan-regsosek", n="regsosek"),
                 T("Menghapus data ganda dan data tidak padan", c="hapus-data-ganda", n="hapus"),
                 T("Menyusun rancangan DTKS hasil pemutakhiran", r=["dtks"]),
                 L("Direktorat Jenderal Perlindungan dan Jaminan Sosial"),
                 T("Menetapkan DTKS dengan Keputusan Menteri Sosial", w=["kep"], c="tetap-dtks"),
                 T("TTE Keputusan Menteri Sosial", c="tanda-tangan", r=["kep"]),
                 L("Pusat Data dan Informasi Kesejahteraan Sosial"),
                 T("Memperbarui basis data DTKS", w=["dtks"], c="mutakhir-dtks"),
                 T("Menyampaikan DTKS yang ditetapkan kepada pemda", n="sampai"),
                 T("Mengarsipkan keputusan penetapan DTKS", c="arsip", ext={"durasi": "1 jam"}),
                 E("DTKS ditetapkan"),
             ]),
        Pool("Dinas Sosial PPU", blackbox=True),
    ], msgs=[("sampai", "@1", "DTKS terbaru")]),

    # ------------------------------------------------------------------ Kemensos: BPNT distribution order
    Model(F + "kemensos-penyaluran-bpnt.bpmn", "legacy", [
        Pool("Kementerian Sosial", pid="Process_Kemensos_PenyaluranBPNT", pname="Penyaluran Bantuan Pangan Non Tunai (BPNT)",
             data=[("sk", "SK Penetapan KPM"), ("spm", "SPM")], stores=[("dtks", "DTKS")], nodes=[
                 L("Direktorat Jaminan Sosial Keluarga"),
                 S("Jadwal penyaluran tahap berjalan", ev="timer"),
                 U("Menarik data calon KPM dari DTKS", r=["dtks"], c="tarik-dtks"),
                 U("Menetapkan KPM penerima BPNT", w=["sk"], c="tetap-kpm", n="tetap"),
                 U("Penandatanganan SK penetapan KPM secara elektronik", c="tanda-tangan", r=["sk"]),
                 U("Menyusun SPM penyaluran BPNT", w=["spm"], c="susun-spm"),
                 C("Pencairan dana melalui KPPN", called=KPPN, c="terbit-sp2d", n="cair"),
                 SD("Menyampaikan perintah penyaluran kepada bank penyalur", n="perintah", c="perintah-salur"),
                 RC("Menerima laporan penyaluran dari bank", n="lapor", c="terima-lapor-salur"),
                 U("Merekonsiliasi data penyaluran dengan bank", c="rekon-salur"),
                 U("Menyusun laporan realisasi penyaluran BPNT", c="lapor-salur"),
                 E("Penyaluran tahap selesai"),
             ]),
        Pool("BRI", blackbox=True),
    ], msgs=[("perintah", "@1", "Perintah penyaluran dan data KPM"), ("@1", "lapor", "Laporan penyaluran")],
          notes=[("perintah", "Dasar: Permensos tentang penyaluran bantuan sosial secara non tunai")]),

    # ------------------------------------------------------------------ BRI: non-cash distribution
    Model(F + "bri-penyaluran-bansos-non-tunai.bpmn", "bizagi", [
        Pool("PT Bank Rakyat Indonesia (Persero) Tbk", pid="Id_bri-penyaluran-bansos", pname="Penyaluran Bansos Non Tunai melalui Rekening KPM",
             data=[("kks", "KKS")], nodes=[
                 L("Divisi Layanan Bansos BRI"),
                 S("Perintah penyaluran diterima", ev="message", n="in"),
                 T("Menerima data KPM dan perintah penyaluran dari Kemensos", c="terima-perintah-salur"),
                 T("Validasi NIK calon pemilik rekening ke Dukcapil", c="validasi-nik", n="nik"),
                 T("Membuka rekening kolektif KPM", c="buka-rekening"),
                 L("BRI Kantor Cabang Penajam"),
                 T("Mencetak dan mendistribusikan Kartu Keluarga Sejahtera (KKS)", w=["kks"]),
                 T("Memindahbukukan dana bansos ke rekening KPM", c="salur-kpm", n="salur"),
                 T("Mengirim notifikasi SMS penyaluran kepada KPM", c="notif-pemohon", n="sms"),
                 L("Divisi Layanan Bansos BRI"),
                 T("Menyusun laporan penyaluran", c="lapor-salur", n="lapor"),
                 T("Mengembalikan dana tidak tersalur ke kas negara", c="retur-dana"),
                 E("Penyaluran selesai"),
             ]),
        Pool("Kementerian Sosial", blackbox=True),
        Pool("Keluarga Penerima Manfaat", blackbox=True),
    ], msgs=[("@1", "in", "Perintah penyaluran"), ("sms", "@2", "SMS"), ("lapor", "@1", "Laporan penyaluran")]),

    # ------------------------------------------------------------------ PT Pos: cash distribution
    Model(F + "pos-penyaluran-bansos-tunai.bpmn", "semantic", [
        Pool("PT Pos Indonesia", pid="_pos-penyaluran-bansos-tunai", pname="Penyaluran Bantuan Sosial Tunai melalui PT Pos", data=[("ktp", "KTP dan KK")], nodes=[
            L("Kantor Pos Penajam"),
            S("Alokasi penyaluran diterima", ev="message", n="in"),
            T("Menerima data KPM dan alokasi dana dari Kemensos", c="terima-perintah-salur"),
            T("Mencetak surat undangan berkode batang untuk KPM"),
            T("Mengirim undangan pengambilan bantuan kepada KPM", n="undang", c="notif-pemohon"),
            L("Juru Bayar Pos"),
            T("Memeriksa kecocokan KTP dan KK KPM dengan undangan", n="ktp", c="periksa-identitas-kpm", r=["ktp"]),
            X("Identitas sesuai?", alt=[("tunda", "Tidak")]),
            T("Menyerahkan bantuan tunai kepada KPM", c="salur-kpm", n="serah"),
            T("Mendokumentasikan penyerahan dengan foto bergeotag"),
            L("Kantor Pos Penajam"),
            T("Menyusun laporan penyaluran", c="lapor-salur", n="lapor"),
            T("Mengembalikan dana yang tidak tersalur ke rekening kas negara", c="retur-dana"),
            E("Penyaluran selesai"),
            L("Juru Bayar Pos"),
            T("Mengantar bantuan ke rumah KPM lansia atau disabilitas", n="tunda", c="salur-kpm", go="lapor"),
        ]),
        Pool("Kementerian Sosial", blackbox=True),
        Pool("KPM", blackbox=True),
    ], msgs=[("@1", "in", "Data KPM dan alokasi"), ("undang", "@2", "Undangan"), ("lapor", "@1", "Laporan penyaluran")]),

    # ------------------------------------------------------------------ BPS: Regsosek data collection
    Model(F + "bps-pendataan-regsosek.bpmn", "camunda", [
        Pool("Badan Pusat Statistik", pid="Process_BPS_Regsosek", pname="Pendataan Awal Registrasi Sosial Ekonomi (Regsosek)",
             data=[("dok", "Dokumen Regsosek"), ("nik", "Daftar NIK hasil pendataan")], nodes=[
                 L("Direktorat Statistik Ketahanan Sosial"),
                 S("Rencana kegiatan Regsosek ditetapkan"),
                 U("Menyiapkan peta wilayah kerja statistik"),
                 U("Merekrut dan melatih petugas pendataan"),
                 L("BPS Kabupaten Penajam Paser Utara"),
                 M("Mendata rumah tangga dari pintu ke pintu", w=["dok"], c="pendataan-rt"),
                 U("Memeriksa konsistensi isian dokumen Regsosek", r=["dok"], c="cek-kuesioner", n="kues"),
                 U("Entri data hasil pendataan", c="entri-pendataan", w=["nik"]),
                 L("Direktorat Statistik Ketahanan Sosial"),
                 SV("Memadankan NIK hasil pendataan dengan data Dukcapil", c="validasi-nik", n="nik", r=["nik"], ext={"waktu": "3 hari kerja"}),
                 SV("Menyusun peringkat kesejahteraan rumah tangga"),
                 U("Melakukan uji publik hasil pendataan di desa", c="uji-publik"),
                 SD("Menyerahkan data Regsosek kepada Kemensos", n="serah"),
                 E("Data Regsosek diserahkan"),
             ]),
        Pool("Kemensos", blackbox=True),
    ], msgs=[("serah", "@1", "Data Regsosek")]),

    # ------------------------------------------------------------------ Dukcapil: batch NIK matching for Kemensos
    Model(F + "dukcapil-pemadanan-data-bansos.bpmn", "seq", [
        Pool("Kemensos", blackbox=True),
        Pool("Dukcapil", pid="Process_Dukcapil_PemadananBansos", pname="Pemadanan Data Calon Penerima Bansos", nodes=[
            L("Direktorat Fasilitasi Pemanfaatan Data dan Dokumen Kependudukan"),
            S("Berkas data diterima", ev="message", n="in"),
            T("Menerima berkas data calon penerima dari Kemensos", n="terima", c="terima-permintaan-verifikasi"),
            T("Memeriksa format dan jumlah rekaman berkas data", n="format"),
            L("Direktorat Integrasi Data Kependudukan Nasional"),
            T("Memadankan NIK secara massal dengan database kependudukan", c="validasi-nik"),
            T("Menandai NIK tidak ditemukan, ganda, atau sudah meninggal", c="tandai-nik", n="tandai"),
            T("Menyusun berita acara hasil pemadanan", n="bapadan"),
            T("Mengirim hasil pemadanan kepada Kemensos", n="kirim", c="kirim-hasil-verifikasi-nik"),
            T("Mencatat log pemanfaatan data", c="log-akses"),
            T("Menghapus berkas data sumber setelah pemadanan"),
            E("Pemadanan selesai"),
        ]),
    ], msgs=[("@0", "in", "Berkas data calon penerima"), ("kirim", "@0", "Hasil pemadanan")]),
]

MODELS += [
    # ------------------------------------------------------------------ end-to-end: one pool, lanes per agency
    Model(F + "alur-penyaluran-bantuan-sosial.bpmn", "camunda", [
        Pool("Penyaluran Bantuan Sosial", pid="Process_AlurBansos", pname="Alur Penyaluran Bantuan Sosial (lintas instansi)",
             data=[("usul", "Usulan DTKS"), ("dtks", "DTKS"), ("kpm", "Daftar KPM")], nodes=[
                 L("Dinas Sosial PPU"),
                 S("Usulan warga terkumpul"),
                 U("Melakukan verifikasi dan validasi lapangan atas usulan", w=["usul"], c="verval-lapangan"),
                 L("Kemensos/Pusat Data dan Informasi Kesejahteraan Sosial"),
                 U("Menerima usulan DTKS", r=["usul"], c="terima-usulan-dtks"),
                 L("Dukcapil"),
                 SV("Memadankan NIK usulan", c="validasi-nik", ext={"waktu": "5 hari kerja"}),
                 L("Kemensos/Pusat Data dan Informasi Kesejahteraan Sosial"),
                 U("Menetapkan DTKS", w=["dtks"], c="tetap-dtks"),
                 U("Menetapkan KPM dan jenis bantuan", r=["dtks"], w=["kpm"], c="tetap-kpm"),
                 L("Kementerian Keuangan"),
                 U("Menerbitkan SP2D bansos", c="terbit-sp2d"),
                 X("Mekanisme salur?", alt=[("pos", "Tunai")], yes="Non tunai"),
                 L("BRI"),
                 U("Menyalurkan dana ke rekening KPM", r=["kpm"], c="salur-kpm", n="salurbri"),
                 U("Melaporkan hasil penyaluran", c="lapor-salur", n="bank_lapor"),
                 L("Kemensos/Tim Penyaluran Bansos"),
                 XJ(n="gab"),
                 U("Merekonsiliasi penyaluran", c="rekon-salur"),
                 E("Tahap penyaluran selesai"),
                 L("PT Pos Indonesia"),
                 U("Menyerahkan bantuan tunai kepada KPM", r=["kpm"], c="salur-kpm", n="pos"),
                 U("Melaporkan hasil penyerahan", c="lapor-salur", go="gab"),
             ]),
    ]),

    # ------------------------------------------------------------------ flawed on purpose: old export edited by hand
    Model(F + "dinsos-usulan-dtks-versi-lama.bpmn", "camunda", [
        Pool("Dinas Sosial Kabupaten Penajam Paser Utara", pid="Process_Dinsos_UsulanDTKS_2019", pname="SOP Usulan DTKS (versi 2019)", nodes=[
            L("Operator SIKS-NG Desa"),
            S("Mulai"),
            U("Pendataan calon penerima oleh desa", c="catat-usulan-warga"),
            U("Musyawarah desa", nolane=True, c="musdes"),
            U("Entri data usulan ke SIKS-NG", c="input-siks"),
            L("Operator SIKS-NG Kabupaten"),
            U("Verifikasi NIK ke Disdukcapil", c="validasi-nik"),
            U("Verval lapangan", c="verval-lapangan"),
            L("Bidang Perlindungan dan Jaminan Sosial Dinsos"),
            U("Pengesahan oleh Bupati", c="sahkan-usulan-dtks"),
            U("Pengiriman usulan ke Kemensos", c="kirim-usulan-dtks"),
            U("Pengarsipan", c="arsip"),
            E("Selesai"),
        ]),
    ], flaws=["shape-missing-element"]),

    # ------------------------------------------------------------------ PKH commitment verification by social workers
    Model(F + "kemensos-verifikasi-komitmen-pkh.bpmn", "signavio", [
        Pool("Kementerian Sosial", pid="sid-KEMENSOS-VERKOM-PKH", pname="Verifikasi Komitmen dan Pemutakhiran Data KPM PKH",
             stores=[("epkh", "e-PKH"), ("dtks", "DTKS")], nodes=[
                 L("Pendamping Sosial PKH"),
                 S("Periode verifikasi dibuka", ev="timer"),
                 T("Mengunduh daftar KPM dampingan dari e-PKH", r=["epkh"]),
                 T("Memverifikasi kehadiran anak di sekolah dan ibu hamil di fasilitas kesehatan", c="verif-komitmen"),
                 T("Mencatat perubahan kondisi KPM (pindah, meninggal, mampu)", n="ubah"),
                 T("Memadankan perubahan NIK dengan data kependudukan", c="validasi-nik", n="nik", ext={"durasi": "2 hari kerja"}),
                 T("Entri hasil verifikasi komitmen ke e-PKH", w=["epkh"], c="entri-verkom"),
                 L("Direktorat Jaminan Sosial Keluarga"),
                 T("Memvalidasi hasil verifikasi komitmen", c="validasi-verkom"),
                 T("Menerapkan penangguhan bantuan bagi KPM tidak memenuhi komitmen", n="tangguh"),
                 L("Pusat Data dan Informasi Kesejahteraan Sosial"),
                 T("Memutakhirkan DTKS dengan perubahan kondisi KPM", w=["dtks"], c="mutakhir-dtks"),
                 E("Data KPM mutakhir"),
             ]),
    ]),

    # ------------------------------------------------------------------ English: targeting note drafted with a development partner
    Model(F + "kemensos-beneficiary-targeting.bpmn", "legacy", [
        Pool("Ministry of Social Affairs", pid="Process_Kemensos_Targeting_EN", pname="Beneficiary targeting for cash transfers",
             stores=[("dtks", "DTKS")], nodes=[
                 L("Pusat Data dan Informasi Kesejahteraan Sosial"),
                 S("Quarterly targeting cycle starts", ev="timer"),
                 T("Extract candidate households from DTKS", r=["dtks"], c="tarik-dtks"),
                 SV("Match NIKs with the Dukcapil population register", c="validasi-nik", ext={"processing_time": "3 days"}),
                 BR("Apply eligibility rules (welfare decile, household composition)"),
                 T("Set beneficiary quota per district"),
                 T("Issue the beneficiary decree (SK penetapan KPM)", c="tetap-kpm"),
                 T("Send the beneficiary list to the distributing bank", n="send", c="perintah-salur"),
                 T("Reconcile the list with recipients of the previous cycle"),
                 T("Publish aggregate targeting statistics"),
                 E("Targeting cycle closed"),
             ]),
    ]),
]

NON_MATCHES = [
    ((F + "pos-penyaluran-bansos-tunai.bpmn", "ktp"), (F + "bri-penyaluran-bansos-non-tunai.bpmn", "nik"),
     "memeriksa dokumen identitas fisik di loket vs validasi data kependudukan ke Dukcapil"),
    ((F + "kemensos-penetapan-dtks.bpmn", "regsosek"), (F + "kemensos-penetapan-dtks.bpmn", "nik"),
     "pemadanan dengan data sosial ekonomi BPS vs pemadanan dengan data kependudukan Dukcapil"),
    ((F + "kemensos-penyaluran-bpnt.bpmn", "lapor"), (F + "bri-penyaluran-bansos-non-tunai.bpmn", "lapor"),
     "menerima laporan vs menyusun laporan penyaluran"),
    ((F + "dukcapil-pemadanan-data-bansos.bpmn", "terima"), (F + "dukcapil-pemadanan-data-bansos.bpmn", "kirim"),
     "menerima berkas data vs mengirim hasil"),
    ((F + "bps-pendataan-regsosek.bpmn", "kues"), ("perizinan/dpmptsp-izin-usaha-risiko-menengah-tinggi.bpmn", "cek"),
     "memeriksa isian kuesioner statistik vs memeriksa kelengkapan persyaratan permohonan"),
    ((F + "kemensos-penyaluran-bpnt.bpmn", "tetap"), (F + "kemensos-penetapan-dtks.bpmn", "nik"),
     "menetapkan penerima vs memadankan NIK"),
]

NON_MATCHES += [
    ((F + "kemensos-penetapan-dtks.bpmn", "hapus"), (F + "dukcapil-pemadanan-data-bansos.bpmn", "tandai"),
     "menghapus data dari DTKS vs menandai status NIK"),
    ((F + "kemensos-verifikasi-komitmen-pkh.bpmn", "tangguh"), ("manajemen-asn/taspen-otentikasi-peserta-pensiun.bpmn", "tunda"),
     "penangguhan bansos karena komitmen vs penangguhan pensiun karena belum otentikasi: different benefit and rule"),
]

THEME = dict(
    code="BANSOS",
    name_id="Penyaluran Bantuan Sosial",
    name_en="Social assistance distribution",
    description_id="Usulan dan penetapan DTKS, pemadanan NIK dengan Dukcapil, data Regsosek BPS, penetapan KPM, pencairan "
                   "melalui KPPN, penyaluran non tunai oleh bank Himbara (BRI) dan tunai oleh PT Pos, serta rekonsiliasi.",
    description_en="Proposing and fixing the social registry (DTKS), NIK matching with Dukcapil, BPS socio-economic "
                   "registration, selecting beneficiaries, disbursement through KPPN, non-cash distribution by BRI and cash "
                   "delivery by PT Pos, and reconciliation.",
    spbe_codes=["PB.09.02", "LA.01.06"],
    models=["bansos/*.bpmn"],
)

NON_MATCHES += [
    ((F + "dukcapil-pemadanan-data-bansos.bpmn", "format"), ("perizinan/dpmptsp-izin-usaha-risiko-menengah-tinggi.bpmn", "cek"),
     "memeriksa format berkas data elektronik vs memeriksa kelengkapan berkas persyaratan"),
    ((F + "dukcapil-pemadanan-data-bansos.bpmn", "bapadan"), ("perizinan/dpmptsp-izin-usaha-risiko-menengah-tinggi.bpmn", "bap"),
     "berita acara pemadanan data vs berita acara pemeriksaan lapangan"),
    ((F + "dinsos-usulan-perubahan-dtks.bpmn", "perbaiki"), ("pengaduan/dukcapil-tindak-lanjut-pengaduan.bpmn", "perbaiki"),
     "mendampingi warga vs memperbaiki data kependudukan (kewenangan Dukcapil)"),
]

NON_MATCHES += [
    ((F + "alur-penyaluran-bantuan-sosial.bpmn", "salurbri"), (F + "kemensos-penyaluran-bpnt.bpmn", "cair"),
     "bank menyalurkan ke rekening KPM vs KPPN mencairkan dana APBN"),
    ((F + "dinsos-usulan-perubahan-dtks.bpmn", "verval"), ("perizinan/dpmptsp-izin-usaha-risiko-menengah-tinggi.bpmn", "lapangan"),
     "verifikasi lapangan calon penerima bansos vs pemeriksaan lapangan lokasi usaha"),
]
