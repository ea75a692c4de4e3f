"""Theme MANAJEMEN-ASN: transfer (mutasi), promotion (kenaikan pangkat), retirement, leave, data."""

from dsl import B, BR, C, E, IC, IT, L, M, P, Pool, RC, S, SC, SD, SUB, SV, T, U, X, XJ, Model

F = "manajemen-asn/"
NIK = "Process_Dukcapil_VerifikasiNIK"
PERTEK = "Process_BKN_PertekMutasi"

MODELS = [
    # ------------------------------------------------------------------ BKN: technical consideration for inter-agency transfer (callee)
    Model(F + "bkn-pertimbangan-teknis-mutasi.bpmn", "camunda", [
        Pool("Badan Kepegawaian Negara", pid=PERTEK, pname="Pertimbangan Teknis Mutasi Antar Instansi",
             data=[("pertek", "Pertimbangan Teknis Mutasi")], stores=[("siasn", "SIASN")], nodes=[
                 L("Kantor Regional VIII BKN"),
                 S("Usul mutasi masuk", ev="message", n="in"),
                 U("Menerima usul mutasi melalui aplikasi I-Mut", c="terima-usul-kepegawaian", n="imut"),
                 U("Memverifikasi berkas usul mutasi", c="verif-berkas", n="verif", ext={"waktu": "1 hari kerja"}),
                 X("Berkas memenuhi syarat?", alt=[("bts", "Tidak")]),
                 SV("Validasi data ASN di SIASN", c="cek-data-siasn", r=["siasn"]),
                 U("Memeriksa riwayat hukuman disiplin PNS", c="cek-disiplin"),
                 U("Menerbitkan pertimbangan teknis mutasi", w=["pertek"], c="pertek-bkn", n="pertek"),
                 U("TTE pertimbangan teknis oleh Kepala Kantor Regional", c="tanda-tangan", r=["pertek"]),
                 SD("Mengirim pertimbangan teknis kepada instansi pengusul", n="kirim", c="kirim-keputusan-instansi"),
                 SV("Memutakhirkan data mutasi di SIASN", c="input-siasn", w=["siasn"]),
                 T("Mengarsipkan berkas usul mutasi", c="arsip", ext={"waktu": "30 menit"}),
                 E("Pertek terbit"),
                 SD("Mengembalikan usul berstatus BTS kepada instansi", n="bts", c="kembalikan-berkas"),
                 E("Usul dikembalikan"),
             ]),
        Pool("BKPSDM Kabupaten Penajam Paser Utara", blackbox=True),
    ], msgs=[("@1", "in", "Usul mutasi"), ("kirim", "@1", "Pertimbangan teknis"), ("bts", "@1", "Usul BTS")],
          notes=[("verif", "Persyaratan: SK CPNS/PNS, SK pangkat terakhir, SKP 2 tahun terakhir, surat persetujuan PPK asal dan tujuan")]),

    # ------------------------------------------------------------------ Kemendikbudristek: transfer request
    Model(F + "kemendikbudristek-mutasi-pegawai-antar-instansi.bpmn", "signavio", [
        Pool("PNS yang Bersangkutan", pid="sid-ASN-MINTA-PINDAH", pname="Pegawai mengajukan pindah", nodes=[
            S("Ingin pindah instansi"),
            T("Mengajukan permohonan pindah disertai persetujuan instansi penerima", n="ajukan", c="ajukan-pindah"),
            IC("SK mutasi diterima", n="sk"),
            E("Pindah instansi"),
        ]),
        Pool("Kemendikbudristek", pid="sid-KEMENDIKBUD-MUTASI", pname="Mutasi Pegawai Keluar Kemendikbudristek",
             data=[("sk", "SK Mutasi")], nodes=[
                 L("Biro Sumber Daya Manusia Kemendikbudristek"),
                 S("Permohonan pindah diterima", ev="message", n="in"),
                 T("Menerima permohonan pindah pegawai", c="terima-permohonan-pindah", n="terima"),
                 T("Memeriksa kelengkapan berkas permohonan pindah", c="verif-berkas", ext={"durasi": "2 hari kerja"}),
                 T("Meminta pertimbangan pimpinan unit kerja"),
                 X("Disetujui melepas?", alt=[("tolak", "Tidak")]),
                 T("Mengusulkan pertimbangan teknis mutasi ke BKN melalui I-Mut", n="usul", c="kirim-usul-kepegawaian"),
                 IC("Pertimbangan teknis diterima", n="pertek"),
                 T("Menerbitkan SK mutasi pegawai", w=["sk"], c="terbit-sk-kepegawaian", ext={"durasi": "3 hari kerja"}),
                 T("Menandatangani SK mutasi dengan TTE", r=["sk"], c="tanda-tangan"),
                 T("Menyampaikan SK mutasi kepada pegawai", n="kirim", c="notif-pemohon", ext={"durasi": "1 hari kerja", "biaya": "Rp 35.000"}),
                 T("Arsip SK mutasi", c="arsip", ext={"durasi": "30 menit"}),
                 E("Mutasi selesai"),
                 T("Memberitahukan penolakan kepada pegawai", n="tolak", c="notif-pemohon"),
                 E("Permohonan ditolak"),
             ]),
        Pool("BKN", blackbox=True),
    ], msgs=[("ajukan", "in", "Permohonan pindah"), ("usul", "@2", "Usul pertek"), ("@2", "pertek", "Pertimbangan teknis"),
             ("kirim", "sk", "SK mutasi"), ("tolak", "@0", "Penolakan")]),

    # ------------------------------------------------------------------ BKPSDM PPU: regional transfer, calling BKN
    Model(F + "bkpsdm-ppu-mutasi-pns-daerah.bpmn", "camunda", [
        Pool("BKPSDM Kabupaten Penajam Paser Utara", pid="Process_BKPSDM_Mutasi", pname="Mutasi PNS Antar Daerah (Kabupaten PPU)", nodes=[
            L("Bidang Mutasi dan Promosi BKPSDM"),
            S("Permohonan pindah diterima", ev="message", n="in"),
            U("Penerimaan permohonan pindah PNS daerah", c="terima-permohonan-pindah", n="terimapindah"),
            U("Pemeriksaan kelengkapan dokumen permohonan", c="verif-berkas", ext={"waktu": "1 hari kerja"}),
            U("Meminta persetujuan Sekretaris Daerah"),
            C("Pertimbangan teknis mutasi oleh BKN", called=PERTEK, c="pertek-bkn"),
            U("Penyiapan SK mutasi untuk ditandatangani Bupati", c="terbit-sk-kepegawaian", ext={"waktu": "2 hari kerja"}),
            U("TTE SK mutasi oleh Bupati", c="tanda-tangan"),
            U("Penyerahan SK mutasi kepada PNS yang bersangkutan", n="serah", c="notif-pemohon", ext={"waktu": "1 jam"}),
            U("Input data mutasi ke SIASN", c="input-siasn"),
            U("Pengarsipan SK mutasi", c="arsip", ext={"waktu": "30 menit"}),
            E("Mutasi ditetapkan"),
        ]),
        Pool("PNS yang Bersangkutan", blackbox=True),
    ], msgs=[("@1", "in", "Permohonan pindah"), ("serah", "@1", "SK mutasi")]),

    # ------------------------------------------------------------------ Kemenkes: regular promotion
    Model(F + "kemenkes-kenaikan-pangkat-reguler.bpmn", "bizagi", [
        Pool("Kementerian Kesehatan", pid="Id_kemenkes-kp-reguler", pname="Kenaikan Pangkat Reguler PNS Kemenkes", nodes=[
            L("Satuan Kerja Kemenkes"),
            S("Periode kenaikan pangkat", ev="timer"),
            T("Menginventarisasi PNS yang memenuhi syarat kenaikan pangkat", c="inventarisasi-pegawai"),
            T("Mengumpulkan dokumen usul kenaikan pangkat", c="kumpul-berkas"),
            L("Biro Organisasi dan Sumber Daya Manusia Kemenkes"),
            T("Verifikasi dokumen usul kenaikan pangkat", c="verif-berkas"),
            T("Mengunggah usul kenaikan pangkat ke SIASN", n="kirim", c="kirim-usul-kepegawaian"),
            IC("Persetujuan teknis BKN diterima", n="pertek"),
            T("Menerbitkan SK kenaikan pangkat", c="terbit-sk-kepegawaian", n="sk"),
            T("TTE SK kenaikan pangkat", c="tanda-tangan"),
            T("Menyampaikan SK kenaikan pangkat kepada pegawai", c="notif-pemohon"),
            T("Arsip SK kenaikan pangkat", c="arsip"),
            E("Pangkat naik"),
        ]),
        Pool("BKN", blackbox=True),
    ], msgs=[("kirim", "@1", "Usul KP"), ("@1", "pertek", "Persetujuan teknis")]),

    # ------------------------------------------------------------------ BKN: technical approval of promotions
    Model(F + "bkn-persetujuan-teknis-kenaikan-pangkat.bpmn", "legacy", [
        Pool("BKN", pid="Process_BKN_PertekKP", pname="Persetujuan Teknis Kenaikan Pangkat", nodes=[
            L("Direktorat Pengadaan dan Kepangkatan"),
            S("Usul KP masuk", ev="message", n="in"),
            U("Menerima usul kenaikan pangkat dari instansi melalui SIASN", c="terima-usul-kepegawaian"),
            U("Memverifikasi dokumen usul KP", c="verif-berkas"),
            SV("Validasi data ASN di SIASN", c="cek-data-siasn"),
            BR("Memeriksa masa kerja golongan, SKP, dan angka kredit", c="cek-syarat-kp", n="syarat"),
            X("Memenuhi syarat?", alt=[("bts", "Tidak")]),
            U("Menetapkan persetujuan teknis kenaikan pangkat", n="setuju", c="pertek-bkn"),
            SV("Memperbarui data golongan di SIASN", c="input-siasn"),
            SD("Mengirim persetujuan teknis kepada instansi", n="kirim", c="kirim-keputusan-instansi"),
            E("Pertek KP terbit"),
            SD("Mengembalikan usul BTS beserta alasan", n="bts", c="kembalikan-berkas"),
            E("Usul dikembalikan"),
        ]),
        Pool("Kementerian Kesehatan", blackbox=True),
    ], msgs=[("@1", "in", "Usul KP"), ("kirim", "@1", "Persetujuan teknis"), ("bts", "@1", "Usul BTS")], di=False),

    # ------------------------------------------------------------------ BKPSDM: regional promotion
    Model(F + "bkpsdm-ppu-kenaikan-pangkat.bpmn", "semantic", [
        Pool("BKPSDM PPU", pid="_bkpsdm-kp", pname="Kenaikan Pangkat PNS Daerah", nodes=[
            L("Bidang Pengadaan dan Informasi Kepegawaian BKPSDM"),
            S("Periode April/Oktober", ev="timer"),
            T("Pendataan PNS daerah yang akan naik pangkat", c="inventarisasi-pegawai"),
            T("Verifikasi berkas usul KP", c="verif-berkas"),
            X("Berkas lengkap?", alt=[("balik", "Tidak")]),
            T("Menyampaikan usul KP ke Kantor Regional VIII BKN", c="kirim-usul-kepegawaian", n="kirim"),
            IC("Pertek diterima", n="pertek"),
            T("Penerbitan SK kenaikan pangkat oleh Bupati", c="terbit-sk-kepegawaian"),
            T("Penandatanganan elektronik SK KP", c="tanda-tangan"),
            T("Pemberitahuan SK KP kepada PNS", c="notif-pemohon"),
            T("Pengarsipan SK KP", c="arsip"),
            E("Selesai"),
            T("Pengembalian berkas kepada perangkat daerah", n="balik", c="kembalikan-berkas"),
            E("Berkas dikembalikan"),
        ]),
        Pool("Kantor Regional VIII BKN", blackbox=True),
    ], msgs=[("kirim", "@1", "Usul KP"), ("@1", "pertek", "Pertek KP")]),
]

MODELS += [
    # ------------------------------------------------------------------ BKN: pension decree
    Model(F + "bkn-penetapan-pensiun-bup.bpmn", "signavio", [
        Pool("BKN", pid="sid-BKN-PENSIUN-BUP", pname="Penetapan Pensiun PNS Batas Usia Pensiun",
             data=[("sk", "SK Pensiun")], nodes=[
                 L("Direktorat Pensiun PNS dan Pejabat Negara"),
                 S("Usul pensiun masuk", ev="message", n="in"),
                 T("Menerima usul pensiun dari instansi", c="terima-usul-kepegawaian"),
                 T("Memverifikasi berkas usul pensiun", c="verif-berkas", ext={"durasi": "3 hari kerja"}),
                 T("Menghitung masa kerja pensiun", c="hitung-masa-kerja"),
                 T("Menetapkan SK pensiun", w=["sk"], c="terbit-sk-kepegawaian", ext={"durasi": "2 hari kerja"}),
                 T("TTE SK pensiun", r=["sk"], c="tanda-tangan"),
                 T("Mengirim SK pensiun kepada Taspen dan instansi", n="kirim", c="kirim-keputusan-instansi"),
                 T("Memutakhirkan status pensiun di SIASN", c="input-siasn"),
                 T("Mengarsipkan SK pensiun", c="arsip", ext={"durasi": "1 jam"}),
                 E("SK pensiun terbit"),
             ]),
        Pool("Taspen", blackbox=True),
    ], msgs=[("kirim", "@1", "SK pensiun")]),

    # ------------------------------------------------------------------ Taspen: first pension payment
    Model(F + "taspen-pembayaran-pensiun-pertama.bpmn", "camunda", [
        Pool("Peserta Taspen", pid="Process_Peserta_Klaim", pname="Peserta mengajukan klaim", nodes=[
            S("SK pensiun diterima"),
            U("Mengajukan klaim pensiun dan THT melalui Taspen Otentikasi", n="klaim", c="ajukan-klaim-pensiun"),
            IC("Dana diterima", n="dana"),
            E("Selesai"),
        ]),
        Pool("PT Taspen (Persero)", pid="Process_Taspen_PensiunPertama", pname="Pembayaran Pensiun Pertama dan THT", data=[("ktp", "KTP")], nodes=[
            L("Bidang Layanan Peserta Taspen"),
            S("Klaim masuk", ev="message", n="in"),
            U("Memverifikasi berkas klaim pensiun", c="verif-berkas", r=["ktp"], ext={"waktu": "1 jam"}),
            C("Validasi NIK peserta ke Dukcapil", called=NIK, c="validasi-nik", ext={"waktu": "5 menit", "biaya": "Rp 1.000"}),
            U("Mencocokkan SK pensiun dengan data BKN", n="cocok", c="cek-data-siasn"),
            BR("Menghitung manfaat pensiun dan THT", c="hitung-manfaat"),
            U("Menerbitkan surat keputusan pembayaran pensiun"),
            SV("Membayarkan pensiun pertama dan THT ke rekening peserta", n="bayar", c="bayar-pensiun"),
            SD("Menginformasikan pembayaran kepada peserta", c="notif-pemohon", ext={"waktu": "15 menit"}),
            U("Mengarsipkan berkas klaim", c="arsip", ext={"waktu": "30 menit"}),
            E("Pembayaran selesai"),
        ]),
    ], msgs=[("klaim", "in", "Klaim"), ("bayar", "dana", "Transfer dana")]),

    # ------------------------------------------------------------------ Kemendikbudristek: pension proposal (no DI)
    Model(F + "kemendikbudristek-usul-pensiun.bpmn", "legacy", [
        Pool("Kemendikbudristek", pid="Process_Kemendikbud_UsulPensiun", pname="Usul Pensiun BUP Pegawai Kemendikbudristek", nodes=[
            L("Biro Sumber Daya Manusia Kemendikbudristek"),
            S("Satu tahun sebelum BUP", ev="timer"),
            U("Inventarisasi PNS yang akan mencapai BUP", c="inventarisasi-pegawai"),
            U("Meminta pegawai menyiapkan berkas pensiun", n="minta"),
            U("Memeriksa kelengkapan berkas usul pensiun", c="verif-berkas"),
            X("Lengkap?", alt=[("minta", "Tidak")]),
            U("Memutakhirkan data pegawai di SIASN sebelum diusulkan", c="input-siasn"),
            U("Mengusulkan pensiun ke BKN melalui SIASN", c="kirim-usul-kepegawaian", n="usul"),
            IC("SK pensiun diterima", n="sk"),
            U("Menyerahkan SK pensiun kepada pegawai", c="notif-pemohon", n="serahsk"),
            U("Menyelenggarakan pembekalan purnabakti"),
            U("Mengarsipkan dokumen pensiun", c="arsip"),
            E("Pegawai purnabakti"),
        ]),
        Pool("BKN", blackbox=True),
    ], msgs=[("usul", "@1", "Usul pensiun"), ("@1", "sk", "SK pensiun")], di=False),

    # ------------------------------------------------------------------ Kemenkes: pension proposal (Signavio)
    Model(F + "kemenkes-usul-pensiun-bup.bpmn", "signavio", [
        Pool("Kementerian Kesehatan", pid="sid-KEMENKES-USUL-PENSIUN", pname="Pengusulan Pensiun PNS Kemenkes", nodes=[
            L("Satuan Kerja Kemenkes"),
            S("Pemberitahuan BUP dari SIASN", ev="message", n="in"),
            T("Pendataan pegawai yang memasuki BUP", c="inventarisasi-pegawai"),
            T("Pengumpulan berkas pensiun dari pegawai", c="kumpul-berkas"),
            L("Biro Organisasi dan Sumber Daya Manusia Kemenkes"),
            T("Pemeriksaan berkas usul pensiun", c="verif-berkas", ext={"durasi": "2 hari kerja"}),
            T("Verifikasi data kepegawaian di SIASN", c="cek-data-siasn"),
            T("Pengusulan pensiun kepada BKN", c="kirim-usul-kepegawaian", n="usul"),
            IC("SK pensiun terbit", n="sk"),
            T("Penyampaian SK pensiun kepada pegawai", c="notif-pemohon", ext={"durasi": "1 hari kerja", "biaya": "Rp 35.000"}),
            T("Penghentian pembayaran gaji pada bulan berikutnya", n="gaji"),
            T("Pengarsipan dokumen pensiun", c="arsip", ext={"durasi": "1 jam"}),
            E("Selesai"),
        ]),
        Pool("BKN", blackbox=True),
    ], msgs=[("@1", "in", "Notifikasi BUP"), ("usul", "@1", "Usul pensiun"), ("@1", "sk", "SK pensiun")]),

    # ------------------------------------------------------------------ end-to-end retirement, one pool with lanes
    Model(F + "alur-pensiun-pns.bpmn", "camunda", [
        Pool("Pensiun PNS", pid="Process_AlurPensiun", pname="Alur Pensiun PNS (lintas instansi)",
             data=[("usul", "Usul Pensiun"), ("sk", "SK Pensiun")], nodes=[
                 L("Kemendikbudristek"),
                 S("PNS mendekati BUP"),
                 U("Menginventarisasi PNS yang mencapai BUP", c="inventarisasi-pegawai"),
                 U("Memeriksa kelengkapan berkas pensiun", c="verif-berkas"),
                 U("Mengusulkan pensiun", w=["usul"], c="kirim-usul-kepegawaian"),
                 L("BKN"),
                 U("Memverifikasi usul pensiun", r=["usul"], c="verif-berkas"),
                 U("Menetapkan SK pensiun", r=["usul"], w=["sk"], c="terbit-sk-kepegawaian"),
                 U("Memutakhirkan status pensiun di SIASN", c="input-siasn"),
                 L("PNS yang Bersangkutan"),
                 U("Mengajukan klaim pensiun", r=["sk"], c="ajukan-klaim-pensiun"),
                 L("Taspen"),
                 U("Memverifikasi klaim pensiun", r=["sk"], c="verif-berkas"),
                 U("Menghitung manfaat pensiun", c="hitung-manfaat"),
                 U("Membayarkan pensiun pertama", c="bayar-pensiun"),
                 L("PNS yang Bersangkutan"),
                 U("Menerima manfaat pensiun", n="terima"),
                 E("Purnabakti"),
             ]),
    ]),

    # ------------------------------------------------------------------ Kemenkes: leave (what the IKN shared admin service replaces)
    Model(F + "kemenkes-pengajuan-cuti-pegawai.bpmn", "camunda", [
        Pool("Pegawai", pid="Process_Pegawai_Cuti", pname="Pegawai mengajukan cuti", nodes=[
            S("Butuh cuti"),
            U("Mengajukan cuti melalui aplikasi kepegawaian", n="ajukan", c="ajukan-cuti"),
            IC("Surat izin cuti diterima", n="izin"),
            E("Cuti"),
        ]),
        Pool("Kementerian Kesehatan", pid="Process_Kemenkes_Cuti", pname="Pemberian Cuti Pegawai Kemenkes", nodes=[
            L("Satuan Kerja Kemenkes"),
            S("Permohonan cuti masuk", ev="message", n="in"),
            U("Memeriksa sisa hak cuti tahunan pegawai", c="verif-cuti"),
            U("Atasan langsung memberikan pertimbangan cuti", n="atasan", c="pertimbangan-atasan-cuti"),
            X("Disetujui?", alt=[("tolak", "Tidak")]),
            L("Biro Organisasi dan Sumber Daya Manusia Kemenkes"),
            U("Menerbitkan surat izin cuti", c="terbit-izin-cuti", n="terbit"),
            U("Mencatat cuti pada SIASN", c="input-siasn"),
            SD("Mengirim surat izin cuti kepada pegawai", n="kirim", c="notif-pemohon"),
            E("Cuti diberikan"),
            L("Satuan Kerja Kemenkes"),
            U("Menangguhkan cuti karena kepentingan dinas", n="tolak"),
            SD("Memberitahukan penangguhan cuti kepada pegawai", c="notif-pemohon", n="kabar"),
            E("Cuti ditangguhkan"),
        ]),
    ], msgs=[("ajukan", "in", "Permohonan cuti"), ("kirim", "izin", "Surat izin cuti"), ("kabar", "@0", "Penangguhan")]),
]

MODELS += [
    # ------------------------------------------------------------------ KemenPANRB: determining ASN needs (formasi)
    Model(F + "kemenpanrb-penetapan-kebutuhan-asn.bpmn", "legacy", [
        Pool("Kementerian PANRB", pid="Process_KemenPANRB_Formasi", pname="Penetapan Kebutuhan ASN Nasional", nodes=[
            L("Deputi Bidang SDM Aparatur"),
            S("Usulan kebutuhan dibuka", ev="timer"),
            U("Menerima usulan kebutuhan ASN dari instansi melalui e-Formasi", c="terima-usul-kepegawaian"),
            U("Memverifikasi usulan berdasarkan analisis jabatan dan beban kerja", n="anjab"),
            SD("Meminta pertimbangan BKN atas usulan kebutuhan", n="bkn"),
            SD("Meminta pertimbangan Kementerian Keuangan atas beban anggaran", n="kemenkeu"),
            IC("Pertimbangan diterima", n="ptb"),
            U("Rapat pembahasan rincian kebutuhan ASN"),
            U("Menetapkan keputusan kebutuhan ASN per instansi", n="kep"),
            U("TTE keputusan MenPANRB", c="tanda-tangan"),
            SD("Menyampaikan keputusan kepada instansi dan BKN", n="sampai", c="kirim-keputusan-instansi"),
            U("Mengarsipkan keputusan penetapan kebutuhan", c="arsip"),
            E("Kebutuhan ASN ditetapkan"),
        ]),
        Pool("BKN", blackbox=True),
        Pool("Kemenkeu", blackbox=True),
    ], msgs=[("bkn", "@1", "Permintaan pertimbangan"), ("kemenkeu", "@2", "Permintaan pertimbangan"), ("@1", "ptb", "Pertimbangan"),
             ("sampai", "@1", "Keputusan")]),

    # ------------------------------------------------------------------ BKN + ASN: self-service data update (MyASN)
    Model(F + "bkn-pemutakhiran-data-mandiri.bpmn", "seq", [
        Pool("ASN", pid="Process_ASN_PDM", pname="ASN memutakhirkan data mandiri", nodes=[
            S("Ada perubahan data"),
            T("Memperbarui data pribadi melalui aplikasi MyASN", n="ubah", c="ajukan-perubahan-data"),
            T("Mengunggah dokumen pendukung perubahan data"),
            IC("Status perubahan diterima", n="stat"),
            E("Selesai"),
        ]),
        Pool("BKN", pid="Process_BKN_PDM", pname="Verifikasi Pemutakhiran Data Mandiri ASN", nodes=[
            L("Direktorat Pengolahan Data dan Sistem Informasi ASN"),
            S("Perubahan data diajukan", ev="message", n="in"),
            T("Memverifikasi dokumen pendukung perubahan data", c="verif-berkas", n="verif"),
            C("Validasi NIK ke Dukcapil", called=NIK, c="validasi-nik", n="nik"),
            X("Data valid?", alt=[("tolak", "Tidak")]),
            T("Menyetujui perubahan data", n="setuju"),
            T("Menyimpan perubahan ke data induk SIASN", c="input-siasn", n="simpan"),
            T("Mengirim notifikasi persetujuan kepada ASN", n="notif", c="notif-pemohon"),
            E("Data diperbarui"),
            T("Menolak perubahan data disertai alasan", n="tolak"),
            T("Mengirim notifikasi penolakan kepada ASN", n="notiftolak", c="notif-pemohon"),
            E("Perubahan ditolak"),
        ]),
    ], msgs=[("ubah", "in", "Perubahan data"), ("notif", "stat", "Persetujuan"), ("notiftolak", "stat", "Penolakan")]),

    # ------------------------------------------------------------------ English: annual performance appraisal
    Model(F + "kemenkes-performance-appraisal.bpmn", "camunda", [
        Pool("Ministry of Health", pid="Process_Kemenkes_Appraisal_EN", pname="Annual performance appraisal (SKP)", nodes=[
            L("Satuan Kerja Kemenkes"),
            S("Performance year starts", ev="timer"),
            U("Agree on performance targets (SKP) with the supervisor"),
            U("Record targets in the BKN e-Kinerja application", n="record"),
            U("Hold quarterly performance dialogues"),
            U("Collect evidence of results"),
            U("Appraise performance and behaviour", n="appraise"),
            X("Rating disputed?", alt=[("appeal", "Yes")], yes="No"),
            XJ(n="gab"),
            U("Sign the performance document electronically", c="tanda-tangan"),
            U("Archive the appraisal", c="arsip"),
            E("Appraisal completed"),
            L("Biro Organisasi dan Sumber Daya Manusia Kemenkes"),
            U("Review the objection with the performance appraisal team", n="appeal", go="gab"),
        ]),
    ]),

    # ------------------------------------------------------------------ Taspen: annual authentication of pensioners
    Model(F + "taspen-otentikasi-peserta-pensiun.bpmn", "bizagi", [
        Pool("Taspen", pid="Id_taspen-otentikasi", pname="Otentikasi Peserta Pensiun", nodes=[
            L("Bidang Layanan Peserta Taspen"),
            S("Jadwal otentikasi tahunan", ev="timer"),
            T("Mengirim pengingat otentikasi kepada peserta", n="ingat"),
            T("Menerima otentikasi wajah melalui aplikasi Taspen Otentikasi"),
            T("Pemadanan NIK peserta dengan data Dukcapil", c="validasi-nik", n="nik"),
            X("Otentikasi berhasil?", alt=[("tunda", "Tidak")]),
            T("Memperbarui status hidup peserta", c="mutakhir-peserta-taspen"),
            T("Mengirim notifikasi hasil otentikasi kepada peserta", c="notif-pemohon", n="notifoten"),
            T("Melanjutkan pembayaran pensiun bulanan", n="lanjut"),
            E("Peserta terotentikasi"),
            T("Menangguhkan pembayaran pensiun", n="tunda"),
            T("Melakukan kunjungan rumah peserta lansia", n="kunjung"),
            E("Menunggu otentikasi"),
        ]),
        Pool("Peserta Taspen", blackbox=True),
    ], msgs=[("ingat", "@1", "Pengingat"), ("@1", "nik", "Swafoto dan NIK")]),
]

MODELS += [
    # ------------------------------------------------------------------ BKN regional office: the same services as the directorates, in sub-processes
    Model(F + "bkn-kanreg-viii-layanan-kepegawaian-daerah.bpmn", "camunda", [
        Pool("Kantor Regional VIII BKN", pid="Process_KanregVIII_Layanan", pname="Layanan Kepegawaian PNS Daerah di Kantor Regional VIII BKN", nodes=[
            L("Bidang Mutasi dan Status Kepegawaian Kanreg VIII"),
            S("Usul layanan dari instansi daerah", ev="message", n="in"),
            U("Menerima usul layanan dari instansi daerah melalui SIASN", c="terima-usul-kepegawaian"),
            BR("Memilah usul berdasarkan jenis layanan"),
            X("Jenis layanan?", alt=[("mutasi", "Mutasi"), ("pensiun", "Pensiun")], yes="Kenaikan pangkat"),
            SUB("Pelayanan kenaikan pangkat PNS daerah", n="kp", go="gab", children=[
                S("Usul KP diterima"),
                U("Memverifikasi dokumen usul KP PNS daerah", c="verif-berkas", ext={"waktu": "3 hari kerja"}),
                BR("Memeriksa masa kerja dan angka kredit", c="cek-syarat-kp"),
                U("Menetapkan persetujuan teknis KP", c="pertek-bkn"),
                SV("Memperbarui golongan di SIASN", c="input-siasn"),
                E("Pertek KP terbit"),
            ]),
            SUB("Pelayanan mutasi PNS antar daerah", n="mutasi", go="gab", children=[
                S("Usul mutasi diterima"),
                U("Memverifikasi berkas usul mutasi PNS daerah", c="verif-berkas", ext={"waktu": "3 hari kerja"}),
                U("Memeriksa riwayat hukuman disiplin", c="cek-disiplin"),
                U("Menerbitkan pertimbangan teknis mutasi antar daerah", c="pertek-bkn"),
                SV("Memutakhirkan data mutasi di SIASN", c="input-siasn"),
                E("Pertek mutasi terbit"),
            ]),
            L("Bidang Informasi Kepegawaian Kanreg VIII"),
            SUB("Pelayanan pensiun PNS daerah", n="pensiun", go="gab", children=[
                S("Usul pensiun diterima"),
                U("Memverifikasi berkas usul pensiun PNS daerah", c="verif-berkas", ext={"waktu": "3 hari kerja"}),
                BR("Menghitung masa kerja pensiun", c="hitung-masa-kerja"),
                U("Menetapkan SK pensiun PNS daerah", c="terbit-sk-kepegawaian", ext={"waktu": "2 hari kerja"}),
                U("TTE SK pensiun oleh Kepala Kantor Regional", c="tanda-tangan"),
                E("SK pensiun terbit"),
            ]),
            L("Bidang Mutasi dan Status Kepegawaian Kanreg VIII"),
            XJ(n="gab"),
            SD("Mengirim hasil layanan kepada instansi daerah", n="kirim", c="kirim-keputusan-instansi"),
            U("Mengarsipkan berkas layanan", c="arsip", ext={"waktu": "30 menit"}),
            E("Layanan selesai"),
        ]),
        Pool("BKPSDM Kabupaten Penajam Paser Utara", blackbox=True),
    ], msgs=[("@1", "in", "Usul layanan"), ("kirim", "@1", "Hasil layanan")]),
]

NON_MATCHES = [
    ((F + "bkn-pemutakhiran-data-mandiri.bpmn", "setuju"), (F + "bkn-pemutakhiran-data-mandiri.bpmn", "tolak"),
     "menyetujui vs menolak perubahan data"),
    ((F + "kemenkes-pengajuan-cuti-pegawai.bpmn", "terbit"), (F + "kemenkes-pengajuan-cuti-pegawai.bpmn", "tolak"),
     "menerbitkan izin cuti vs menangguhkan cuti"),
    ((F + "taspen-otentikasi-peserta-pensiun.bpmn", "lanjut"), (F + "taspen-otentikasi-peserta-pensiun.bpmn", "tunda"),
     "melanjutkan vs menangguhkan pembayaran"),
    ((F + "taspen-pembayaran-pensiun-pertama.bpmn", "cocok"), ("asn-ikn/bkn-validasi-data-asn-pindah.bpmn", "nik"),
     "mencocokkan SK pensiun dengan data kepegawaian vs validasi NIK kependudukan"),
    ((F + "kemenpanrb-penetapan-kebutuhan-asn.bpmn", "anjab"), (F + "bkn-pertimbangan-teknis-mutasi.bpmn", "verif"),
     "menilai usulan formasi dengan analisis jabatan vs memverifikasi berkas usul mutasi"),
    ((F + "kemendikbudristek-usul-pensiun.bpmn", "usul"), (F + "bkn-penetapan-pensiun-bup.bpmn", "kirim"),
     "mengusulkan pensiun vs mengirim SK pensiun"),
    ((F + "bkn-persetujuan-teknis-kenaikan-pangkat.bpmn", "syarat"), ("asn-ikn/kemendikbudristek-pembayaran-biaya-pindah.bpmn", "pagu"),
     "memeriksa syarat kepangkatan vs memeriksa pagu anggaran"),
    ((F + "kemenkes-usul-pensiun-bup.bpmn", "gaji"), (F + "taspen-pembayaran-pensiun-pertama.bpmn", "bayar"),
     "menghentikan gaji vs membayarkan pensiun"),
    ((F + "kemendikbudristek-mutasi-pegawai-antar-instansi.bpmn", "usul"), (F + "bkn-pertimbangan-teknis-mutasi.bpmn", "kirim"),
     "mengusulkan pertek vs mengirim pertek: two ends of one handoff"),
]

NON_MATCHES += [
    ((F + "kemenpanrb-penetapan-kebutuhan-asn.bpmn", "bkn"), (F + "kemenpanrb-penetapan-kebutuhan-asn.bpmn", "kemenkeu"),
     "meminta pertimbangan kepegawaian (BKN) vs pertimbangan anggaran (Kemenkeu)"),
    (("asn-ikn/bkn-validasi-data-asn-pindah.bpmn", "kirim"), ("perizinan/dukcapil-layanan-verifikasi-nik.bpmn", "resp"),
     "mengirim hasil validasi data kepegawaian vs respons verifikasi data kependudukan"),
]

THEME = dict(
    code="MANAJEMEN-ASN",
    name_id="Manajemen ASN",
    name_en="Civil service management",
    description_id="Mutasi antar instansi, kenaikan pangkat, pensiun dan pembayaran pensiun pertama, cuti, pemutakhiran data "
                   "mandiri, penilaian kinerja, dan penetapan kebutuhan ASN oleh KemenPANRB, BKN, Taspen, dan instansi.",
    description_en="Inter-agency transfer, promotion, retirement and first pension payment, leave, self-service data updates, "
                   "performance appraisal and workforce planning across KemenPANRB, BKN, Taspen and the agencies.",
    spbe_codes=["PB.06.01", "PB.06.03", "LA.02.05"],
    models=["manajemen-asn/*.bpmn"],
)

NON_MATCHES += [
    ((F + "taspen-otentikasi-peserta-pensiun.bpmn", "ingat"), (F + "taspen-otentikasi-peserta-pensiun.bpmn", "notifoten"),
     "mengirim pengingat (permintaan) vs memberitahukan hasil"),
]

NON_MATCHES += [
    ((F + "bkn-pemutakhiran-data-mandiri.bpmn", "simpan"), ("asn-ikn/kemenpanrb-penetapan-asn-dipindahkan.bpmn", "arsip"),
     "menyimpan perubahan ke data induk (basis data) vs mengarsipkan dokumen"),
    ((F + "bkn-penetapan-pensiun-bup.bpmn", "kirim"), (F + "kemendikbudristek-usul-pensiun.bpmn", "serahsk"),
     "mengirim SK kepada instansi untuk ditindaklanjuti vs menyerahkan SK kepada pegawai yang bersangkutan"),
    ((F + "taspen-pembayaran-pensiun-pertama.bpmn", "klaim"), (F + "kemendikbudristek-usul-pensiun.bpmn", "usul"),
     "pegawai mengajukan klaim manfaat vs instansi mengusulkan pensiun"),
    ((F + "bkn-pertimbangan-teknis-mutasi.bpmn", "imut"), (F + "bkpsdm-ppu-mutasi-pns-daerah.bpmn", "terimapindah"),
     "menerima usul mutasi dari instansi vs menerima permohonan pindah dari pegawai"),
]

NON_MATCHES += [
    ((F + "bkn-kanreg-viii-layanan-kepegawaian-daerah.bpmn", "kirim"), ("perizinan/mpp-balikpapan-layanan-terpadu.bpmn", "kirim"),
     "mengirim hasil layanan kepada instansi vs mengirim dokumen hasil kepada pemohon"),
]
