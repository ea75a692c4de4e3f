"""Theme PENGADUAN: public complaints through SP4N-LAPOR!, Ombudsman RI and KSP."""

from dsl import B, BR, C, E, IC, IT, L, M, P, Pool, RC, S, SC, SD, SUB, SV, T, U, X, XJ, Model

F = "pengaduan/"
LAPOR = "Process_LAPOR_PengelolaanNasional"

MODELS = [
    # ------------------------------------------------------------------ KemenPANRB: national SP4N-LAPOR! desk (callee)
    Model(F + "kemenpanrb-pengelolaan-pengaduan-sp4n-lapor.bpmn", "camunda", [
        Pool("Masyarakat", pid="Process_Pelapor_LAPOR", pname="Pelapor menyampaikan pengaduan", nodes=[
            S("Ada keluhan pelayanan publik"),
            U("Menyampaikan laporan melalui aplikasi, SMS 1708, atau situs LAPOR!", n="lapor", c="sampaikan-aduan"),
            IC("Notifikasi status diterima", n="stat"),
            U("Memberi penilaian atas tanggapan", n="nilai"),
            E("Selesai"),
        ]),
        Pool("Kementerian PANRB", pid=LAPOR, pname="Pengelolaan Pengaduan Nasional SP4N-LAPOR!", stores=[("lapor", "Basis Data SP4N-LAPOR!")], nodes=[
            L("Tim Pengelola SP4N-LAPOR!"),
            S("Laporan masuk", ev="message", n="in"),
            SV("Menerima laporan melalui kanal SP4N-LAPOR!", c="terima-aduan", w=["lapor"], n="intake"),
            U("Memverifikasi kelengkapan dan kejelasan laporan", c="verif-laporan", n="verif"),
            X("Laporan jelas?", alt=[("lengkapi", "Tidak")]),
            U("Mengklasifikasikan laporan dan menentukan instansi berwenang", c="klasifikasi-aduan"),
            SD("Meneruskan laporan kepada instansi terlapor", n="terus", c="teruskan-aduan"),
            IC("Tanggapan instansi diterima", n="tgp"),
            U("Memantau tindak lanjut laporan", c="pantau-tl", n="pantau"),
            SD("Mengirim notifikasi status laporan kepada pelapor", n="notif", c="notif-pemohon", ext={"waktu": "5 menit"}),
            U("Menutup laporan setelah tanggapan dinilai", c="tutup-laporan", n="tutup"),
            U("Menyusun statistik pengaduan bulanan", c="statistik-aduan"),
            E("Laporan selesai"),
            SD("Meminta pelapor melengkapi laporan", n="lengkapi", c="minta-lengkapi-laporan"),
            IC("Kelengkapan diterima", go="verif"),
            U("Mengeskalasi laporan kepada pimpinan instansi terlapor", n="eskal", go="tgp"),
        ], boundary=[B("60 hari tanpa tindak lanjut", on="pantau", go="eskal", ev="timer", dur="P60D")]),
        Pool("Pemerintah Kabupaten Penajam Paser Utara", blackbox=True),
    ], msgs=[("lapor", "in", "Laporan"), ("terus", "@2", "Laporan terusan"), ("@2", "tgp", "Tanggapan"), ("notif", "stat", "Status laporan"),
             ("lengkapi", "@0", "Permintaan kelengkapan"), ("nilai", "tutup", "Penilaian")]),

    # ------------------------------------------------------------------ Ombudsman RI
    Model(F + "ombudsman-pemeriksaan-laporan-masyarakat.bpmn", "signavio", [
        Pool("Pelapor", blackbox=True),
        Pool("Ombudsman RI", pid="sid-ORI-PEMERIKSAAN-LAPORAN", pname="Penerimaan, Verifikasi, dan Pemeriksaan Laporan Masyarakat",
             data=[("lahp", "LAHP")], nodes=[
                 L("Keasistenan Penerimaan dan Verifikasi Laporan"),
                 S("Laporan diterima", ev="message", n="in"),
                 T("Menerima dan mencatat laporan masyarakat", c="terima-aduan"),
                 T("Verifikasi formil laporan", c="verif-laporan", n="formil"),
                 X("Syarat formil terpenuhi?", alt=[("lengkapi", "Tidak")]),
                 T("Verifikasi materiil laporan", n="materiil"),
                 L("Keasistenan Pemeriksaan Laporan"),
                 T("Meminta klarifikasi tertulis kepada instansi terlapor", n="klar", c="klarifikasi-terlapor"),
                 IC("Jawaban klarifikasi diterima", n="jawab"),
                 T("Melakukan investigasi lapangan", c="investigasi-aduan"),
                 T("Menyusun Laporan Akhir Hasil Pemeriksaan (LAHP)", w=["lahp"]),
                 X("Maladministrasi terbukti?", alt=[("tutup", "Tidak")]),
                 L("Keasistenan Resolusi dan Monitoring"),
                 T("Menyampaikan tindakan korektif kepada terlapor", r=["lahp"], n="korektif"),
                 T("Memantau pelaksanaan tindakan korektif", c="pantau-tl"),
                 T("Menerbitkan rekomendasi Ombudsman", n="rekom", c="rekomendasi-ombudsman"),
                 XJ(n="gab"),
                 T("Memberitahukan hasil pemeriksaan kepada pelapor", c="notif-pemohon", n="hasil", ext={"durasi": "1 hari kerja", "biaya": "Rp 15.000"}),
                 T("Mengarsipkan berkas laporan", c="arsip", ext={"durasi": "1 jam"}),
                 E("Laporan selesai"),
                 L("Keasistenan Pemeriksaan Laporan"),
                 T("Menutup laporan karena tidak ditemukan maladministrasi", n="tutup", c="tutup-laporan", go="gab"),
                 L("Keasistenan Penerimaan dan Verifikasi Laporan"),
                 T("Meminta pelapor melengkapi syarat formil", n="lengkapi", c="minta-lengkapi-laporan"),
                 E("Menunggu kelengkapan"),
             ]),
        Pool("Dukcapil", blackbox=True),
    ], msgs=[("@0", "in", "Laporan"), ("klar", "@2", "Permintaan klarifikasi"), ("@2", "jawab", "Jawaban klarifikasi"),
             ("korektif", "@2", "Tindakan korektif"), ("hasil", "@0", "Hasil pemeriksaan"), ("lengkapi", "@0", "Permintaan kelengkapan")]),

    # ------------------------------------------------------------------ KSP
    Model(F + "ksp-penanganan-pengaduan-strategis.bpmn", "bizagi", [
        Pool("Kantor Staf Presiden", pid="Id_ksp-pengaduan", pname="Penanganan Pengaduan Masyarakat kepada Presiden", nodes=[
            L("Tim Pengaduan Masyarakat KSP"),
            S("Surat/pengaduan kepada Presiden diterima", ev="message", n="in"),
            T("Menerima pengaduan masyarakat yang ditujukan kepada Presiden", c="terima-aduan"),
            T("Menelaah substansi pengaduan", c="telaah-aduan", n="telaah"),
            BR("Menentukan kategori isu strategis nasional"),
            X("Isu strategis?", alt=[("biasa", "Tidak")]),
            L("Kedeputian V KSP"),
            T("Rapat koordinasi dengan K/L terkait", c="rakor-aduan", n="rakor"),
            T("Mengawal penyelesaian di lapangan", c="pantau-tl"),
            T("Melaporkan perkembangan kepada Kepala Staf Kepresidenan"),
            XJ(n="gab"),
            L("Tim Pengaduan Masyarakat KSP"),
            T("Menyampaikan jawaban kepada pengadu", c="notif-pemohon", n="jawab"),
            E("Pengaduan selesai"),
            C("Penanganan melalui SP4N-LAPOR!", called=LAPOR, n="biasa", go="gab"),
        ]),
        Pool("Masyarakat", blackbox=True),
    ], msgs=[("@1", "in", "Pengaduan"), ("jawab", "@1", "Jawaban")]),

    # ------------------------------------------------------------------ handling agencies: BKN
    Model(F + "bkn-tindak-lanjut-pengaduan-lapor.bpmn", "camunda", [
        Pool("BKN", pid="Process_BKN_TindakLanjutLAPOR", pname="Tindak Lanjut Pengaduan SP4N-LAPOR! di BKN", nodes=[
            L("Biro Hubungan Masyarakat, Protokol, dan Umum"),
            S("Laporan terusan masuk", ev="message", n="in"),
            U("Menerima laporan terusan dari SP4N-LAPOR!", c="terima-laporan-terusan"),
            U("Mendisposisikan laporan kepada unit teknis", c="disposisi"),
            L("Direktorat Status dan Kedudukan Kepegawaian"),
            U("Menelaah substansi laporan", c="telaah-aduan"),
            U("Memeriksa data kepegawaian pelapor di SIASN", c="cek-data-siasn"),
            U("Menindaklanjuti pengaduan sesuai kewenangan", c="tindak-lanjut-aduan"),
            U("Menyusun tanggapan atas laporan", c="susun-tanggapan"),
            L("Biro Hubungan Masyarakat, Protokol, dan Umum"),
            U("Mengunggah tanggapan ke SP4N-LAPOR!", c="unggah-tanggapan", n="unggah"),
            T("Mengarsipkan dokumen tindak lanjut", c="arsip", ext={"waktu": "30 menit"}),
            E("Tindak lanjut selesai"),
        ]),
        Pool("Kementerian PANRB", blackbox=True),
    ], msgs=[("@1", "in", "Laporan terusan"), ("unggah", "@1", "Tanggapan")]),

    # ------------------------------------------------------------------ handling agencies: Dukcapil (no DI)
    Model(F + "dukcapil-tindak-lanjut-pengaduan.bpmn", "legacy", [
        Pool("Ditjen Dukcapil", pid="Process_Dukcapil_Pengaduan", pname="Penanganan Pengaduan Layanan Adminduk", nodes=[
            S("Pengaduan diterima", ev="message", n="in"),
            U("Penerimaan laporan terusan dari LAPOR!", c="terima-laporan-terusan"),
            U("Disposisi kepada direktorat terkait", c="disposisi"),
            U("Menelusuri riwayat perekaman KTP-el pelapor"),
            X("Ada kesalahan data?", alt=[("jelas", "Tidak")]),
            U("Koordinasi perbaikan dengan Disdukcapil kabupaten/kota"),
            U("Perbaikan data kependudukan pelapor", n="perbaiki"),
            XJ(n="gab"),
            U("Penyusunan jawaban pengaduan", c="susun-tanggapan"),
            U("Input tanggapan ke aplikasi LAPOR!", c="unggah-tanggapan", n="unggah"),
            U("Pengarsipan berkas pengaduan", c="arsip"),
            E("Selesai"),
            U("Penjelasan prosedur kepada pelapor", n="jelas", go="gab"),
        ]),
        Pool("Kementerian PANRB", blackbox=True),
    ], msgs=[("@1", "in", "Laporan terusan"), ("unggah", "@1", "Tanggapan")], di=False),

    # ------------------------------------------------------------------ handling agencies: Kemensos
    Model(F + "kemensos-tindak-lanjut-pengaduan-bansos.bpmn", "semantic", [
        Pool("Kementerian Sosial", pid="_kemensos-pengaduan-bansos", pname="Penanganan Pengaduan Bantuan Sosial",
             stores=[("dtks", "DTKS")], nodes=[
                 L("Direktorat Jenderal Perlindungan dan Jaminan Sosial"),
                 S("Pengaduan masuk", ev="message", n="in"),
                 T("Menerima pengaduan bansos dari SP4N-LAPOR! dan Command Center", c="terima-laporan-terusan"),
                 L("Pusat Data dan Informasi Kesejahteraan Sosial"),
                 T("Memeriksa status pengadu di DTKS dan data penyaluran", r=["dtks"], c="cek-status-dtks"),
                 X("Terdaftar sebagai KPM?", alt=[("usul", "Tidak")]),
                 L("Direktorat Jenderal Perlindungan dan Jaminan Sosial"),
                 T("Berkoordinasi dengan Dinas Sosial setempat"),
                 T("Menelusuri kendala penyaluran bersama bank penyalur", n="telusur"),
                 T("Menindaklanjuti pengaduan penyaluran", c="tindak-lanjut-aduan"),
                 XJ(n="gab"),
                 T("Menyampaikan tanggapan melalui SP4N-LAPOR!", c="unggah-tanggapan", n="tgp"),
                 T("Mencatat pengaduan dalam rekap bulanan", c="statistik-aduan"),
                 E("Pengaduan ditangani"),
                 T("Mengarahkan pengadu untuk diusulkan melalui Dinas Sosial", n="usul", go="gab"),
             ]),
        Pool("Kementerian PANRB", blackbox=True),
    ], msgs=[("@1", "in", "Laporan terusan"), ("tgp", "@1", "Tanggapan")]),
]

MODELS += [
    # ------------------------------------------------------------------ handling agencies: Pemkab PPU (with Inspektorat)
    Model(F + "pemkab-ppu-tindak-lanjut-pengaduan.bpmn", "signavio", [
        Pool("Pemkab PPU", pid="sid-PEMKAB-PPU-PENGADUAN", pname="Tindak Lanjut Pengaduan di Pemerintah Kabupaten", nodes=[
            L("Admin SP4N-LAPOR! Pemkab PPU"),
            S("Laporan terusan masuk", ev="message", n="in"),
            T("Menerima laporan dari SP4N-LAPOR!", c="terima-laporan-terusan", n="terimaterus"),
            T("Memverifikasi kewenangan penanganan laporan", n="wewenang"),
            X("Kewenangan Pemkab?", alt=[("kembali", "Tidak")]),
            T("Mendisposisikan laporan kepada perangkat daerah", c="disposisi"),
            L("Inspektorat Kabupaten Penajam Paser Utara"),
            T("Melakukan pemeriksaan khusus atas laporan", c="investigasi-aduan"),
            T("Menindaklanjuti hasil pemeriksaan", c="tindak-lanjut-aduan"),
            L("Admin SP4N-LAPOR! Pemkab PPU"),
            T("Menyusun jawaban atas laporan", c="susun-tanggapan"),
            T("Menginput tindak lanjut ke SP4N-LAPOR!", c="unggah-tanggapan", n="input"),
            E("Laporan ditindaklanjuti"),
            T("Mengembalikan laporan kepada pengelola nasional karena bukan kewenangan", n="kembali"),
            E("Laporan dikembalikan"),
        ]),
        Pool("Kementerian PANRB", blackbox=True),
    ], msgs=[("@1", "in", "Laporan terusan"), ("input", "@1", "Tindak lanjut"), ("kembali", "@1", "Laporan dikembalikan")]),

    # ------------------------------------------------------------------ end-to-end: one pool, lanes per agency
    Model(F + "alur-pengaduan-sp4n-lapor.bpmn", "legacy", [
        Pool("Pengelolaan Pengaduan Pelayanan Publik Nasional", pid="Process_AlurSP4N", pname="Alur Pengaduan SP4N-LAPOR! (lintas instansi)",
             data=[("lap", "Laporan Pengaduan"), ("tgp", "Tanggapan")], nodes=[
                 L("Masyarakat"),
                 S("Keluhan pelayanan publik"),
                 U("Menyampaikan pengaduan", w=["lap"], c="sampaikan-aduan"),
                 L("Kementerian PANRB"),
                 U("Memverifikasi laporan", r=["lap"], c="verif-laporan"),
                 U("Meneruskan laporan ke instansi berwenang", c="teruskan-aduan"),
                 L("Pemerintah Kabupaten Penajam Paser Utara"),
                 U("Menindaklanjuti laporan", r=["lap"], c="tindak-lanjut-aduan"),
                 U("Memberikan tanggapan", w=["tgp"], c="susun-tanggapan"),
                 X("Pelapor puas?", alt=[("eskalasi", "Tidak")]),
                 L("Kementerian PANRB"),
                 U("Menutup laporan", r=["tgp"], c="tutup-laporan", n="tutup"),
                 E("Selesai"),
                 L("Ombudsman RI"),
                 U("Memeriksa dugaan maladministrasi", r=["lap", "tgp"], n="eskalasi", c="investigasi-aduan"),
                 U("Menerbitkan rekomendasi", n="rekom", c="rekomendasi-ombudsman"),
                 L("KSP"),
                 U("Mengawal pelaksanaan rekomendasi", c="pantau-tl", go="tutup"),
             ]),
    ]),

    # ------------------------------------------------------------------ English: Ombudsman rapid response
    Model(F + "ombudsman-rapid-response.bpmn", "signavio", [
        Pool("Ombudsman RI Perwakilan Kalimantan Timur", pid="sid-ORI-RAPID-RESPONSE", pname="Rapid response to urgent public-service complaints",
             nodes=[
                 S("Urgent complaint received", ev="message", n="in"),
                 T("Register the complaint", c="terima-aduan"),
                 T("Assess urgency and potential harm to the complainant", n="urgent"),
                 X("Urgent?", alt=[("normal", "No")], yes="Yes"),
                 T("Contact the head of the service unit by phone", n="call"),
                 T("Visit the service unit on the same day", c="investigasi-aduan"),
                 T("Agree on an immediate corrective action", n="agree"),
                 T("Monitor that the service is delivered", c="pantau-tl"),
                 T("Inform the complainant of the outcome", c="notif-pemohon", n="inform"),
                 T("Close the case file", c="tutup-laporan"),
                 E("Resolved"),
                 T("Route the complaint to the regular examination procedure", n="normal"),
                 E("Handled as a regular report"),
             ]),
        Pool("Citizen", blackbox=True),
    ], msgs=[("@1", "in", "Urgent complaint"), ("inform", "@1", "Outcome")]),

    # ------------------------------------------------------------------ KemenPANRB: annual evaluation of complaint handling
    Model(F + "kemenpanrb-evaluasi-pengelolaan-pengaduan.bpmn", "camunda", [
        Pool("Kementerian PANRB", pid="Process_KemenPANRB_EvaluasiPengaduan", pname="Evaluasi Pengelolaan Pengaduan Pelayanan Publik",
             nodes=[
                 L("Asisten Deputi Pengelolaan Pengaduan Masyarakat"),
                 S("Awal tahun evaluasi", ev="timer"),
                 U("Menyusun instrumen evaluasi pengelolaan pengaduan"),
                 SD("Mengirim permintaan pengisian evaluasi kepada instansi", n="minta"),
                 RC("Menerima isian evaluasi dari instansi", n="isian"),
                 U("Memverifikasi bukti dukung isian evaluasi", n="bukti"),
                 U("Menarik data kinerja tindak lanjut dari SP4N-LAPOR!"),
                 U("Menilai kinerja pengelolaan pengaduan instansi"),
                 U("Menetapkan peringkat instansi"),
                 SD("Menyampaikan hasil evaluasi dan rekomendasi perbaikan kepada instansi", n="hasil"),
                 U("Memberikan penghargaan kepada instansi terbaik"),
                 E("Evaluasi selesai"),
             ]),
        Pool("BKN", blackbox=True),
    ], msgs=[("minta", "@1", "Permintaan evaluasi"), ("@1", "isian", "Isian evaluasi"), ("hasil", "@1", "Hasil evaluasi")]),
]

NON_MATCHES = [
    ((F + "kemenpanrb-pengelolaan-pengaduan-sp4n-lapor.bpmn", "intake"), (F + "pemkab-ppu-tindak-lanjut-pengaduan.bpmn", "terimaterus"),
     "menerima laporan baru dari pelapor (intake) vs menerima laporan terusan dari pengelola: two ends of one handoff"),
    ((F + "pemkab-ppu-tindak-lanjut-pengaduan.bpmn", "kembali"), ("asn-ikn/kemenpanrb-penetapan-asn-dipindahkan.bpmn", "kembali"),
     "mengembalikan laporan yang salah alamat vs mengembalikan usulan untuk dilengkapi"),
    ((F + "ombudsman-pemeriksaan-laporan-masyarakat.bpmn", "formil"), (F + "ombudsman-pemeriksaan-laporan-masyarakat.bpmn", "materiil"),
     "verifikasi formil (kelengkapan) vs verifikasi materiil (substansi dan kewenangan)"),
    ((F + "kemenpanrb-pengelolaan-pengaduan-sp4n-lapor.bpmn", "verif"), ("asn-ikn/kemenpanrb-penetapan-asn-dipindahkan.bpmn", "verifdok"),
     "memverifikasi laporan pengaduan vs memverifikasi dokumen usulan"),
    ((F + "kemenpanrb-pengelolaan-pengaduan-sp4n-lapor.bpmn", "terus"), (F + "bkn-tindak-lanjut-pengaduan-lapor.bpmn", "unggah"),
     "meneruskan laporan ke instansi vs mengunggah tanggapan: opposite directions"),
    ((F + "kemenpanrb-evaluasi-pengelolaan-pengaduan.bpmn", "bukti"), ("perizinan/dpmptsp-izin-usaha-risiko-menengah-tinggi.bpmn", "cek"),
     "memverifikasi bukti dukung evaluasi kinerja vs memeriksa kelengkapan persyaratan izin"),
    ((F + "kemenpanrb-evaluasi-pengelolaan-pengaduan.bpmn", "minta"), (F + "kemenpanrb-evaluasi-pengelolaan-pengaduan.bpmn", "isian"),
     "mengirim permintaan vs menerima isian"),
    ((F + "pemkab-ppu-tindak-lanjut-pengaduan.bpmn", "wewenang"), (F + "kemenpanrb-pengelolaan-pengaduan-sp4n-lapor.bpmn", "verif"),
     "memeriksa kewenangan sendiri vs memverifikasi kelengkapan laporan"),
    ((F + "ombudsman-pemeriksaan-laporan-masyarakat.bpmn", "rekom"), (F + "ombudsman-pemeriksaan-laporan-masyarakat.bpmn", "tutup"),
     "menerbitkan rekomendasi vs menutup laporan tanpa temuan"),
    ((F + "dukcapil-tindak-lanjut-pengaduan.bpmn", "perbaiki"), ("bansos/dinsos-usulan-perubahan-dtks.bpmn", "nik"),
     "memperbaiki data kependudukan vs memadankan NIK"),
]

NON_MATCHES += [
    ((F + "ksp-penanganan-pengaduan-strategis.bpmn", "rakor"), ("asn-ikn/kemenpanrb-penetapan-asn-dipindahkan.bpmn", "rakor"),
     "rapat koordinasi penanganan pengaduan vs rapat koordinasi penetapan ASN pindah: different subject"),
    ((F + "ombudsman-pemeriksaan-laporan-masyarakat.bpmn", "klar"), ("asn-ikn/taspen-pemindahan-kantor-bayar.bpmn", "klar"),
     "klarifikasi kepada terlapor dalam pemeriksaan vs klarifikasi data kepesertaan"),
]

THEME = dict(
    code="PENGADUAN",
    name_id="Pengaduan Masyarakat (SP4N-LAPOR!)",
    name_en="Public complaints (SP4N-LAPOR!)",
    description_id="Pengelolaan pengaduan pelayanan publik nasional oleh KemenPANRB, penanganan laporan oleh Ombudsman RI, "
                   "pengaduan strategis oleh KSP, dan tindak lanjut oleh instansi terlapor (BKN, Dukcapil, Kemensos, Pemkab).",
    description_en="National complaint management by KemenPANRB, report examination by the Ombudsman, strategic complaints "
                   "at the Executive Office of the President, and follow-up by the agencies complained about.",
    spbe_codes=["PB.01.05", "LA.02.08"],
    models=["pengaduan/*.bpmn"],
)
