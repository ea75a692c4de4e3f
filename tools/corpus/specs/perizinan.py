"""Theme PERIZINAN-BERUSAHA: risk-based business licensing through OSS RBA."""

from dsl import B, BR, C, E, IC, IT, L, M, P, Pool, RC, S, SC, SD, SUB, SV, T, U, X, XJ, Model

F = "perizinan/"
NIK = "Process_Dukcapil_VerifikasiNIK"

MODELS = [
    # ------------------------------------------------------------------ Dukcapil: the NIK verification service (callee)
    Model(F + "dukcapil-layanan-verifikasi-nik.bpmn", "camunda", [
        Pool("Ditjen Dukcapil Kemendagri", pid=NIK, pname="Layanan Verifikasi Data Kependudukan (NIK) bagi Lembaga Pengguna",
             stores=[("db", "Database Kependudukan Nasional")], nodes=[
                 L("Direktorat Integrasi Data Kependudukan Nasional"),
                 S("Permintaan verifikasi masuk", ev="message", n="in"),
                 SV("Menerima permintaan verifikasi dari lembaga pengguna", c="terima-permintaan-verifikasi"),
                 SV("Mengautentikasi sistem lembaga pengguna dengan token akses"),
                 SV("Memeriksa hak akses sesuai perjanjian kerja sama", c="cek-hak-akses", n="pks"),
                 X("Hak akses sah?", alt=[("tolak", "Tidak")]),
                 SV("Mencocokkan NIK dan elemen data dengan database kependudukan", r=["db"], c="validasi-nik", n="cocok", ext={"waktu": "10 detik", "biaya": "Rp 0"}),
                 SV("Menandai NIK ganda atau tidak aktif", c="tandai-nik"),
                 SD("Mengirimkan respons hasil verifikasi", n="resp", c="kirim-hasil-verifikasi-nik"),
                 SV("Mencatat log akses data kependudukan", c="log-akses"),
                 E("Permintaan terlayani"),
                 SD("Menolak permintaan dan mengirim kode galat", n="tolak"),
                 SV("Mencatat percobaan akses tidak sah", c="log-akses"),
                 E("Permintaan ditolak"),
             ]),
        Pool("Lembaga OSS", blackbox=True),
    ], msgs=[("@1", "in", "Permintaan verifikasi NIK"), ("resp", "@1", "Hasil verifikasi"), ("tolak", "@1", "Kode galat")]),

    # ------------------------------------------------------------------ OSS: NIB registration
    Model(F + "bkpm-penerbitan-nib-oss.bpmn", "camunda", [
        Pool("Pelaku Usaha", pid="Process_PelakuUsaha_NIB", pname="Pelaku usaha mendaftar NIB", nodes=[
            S("Ingin memulai usaha"),
            U("Membuat akun hak akses OSS menggunakan NIK", n="akun", c="buat-akun-oss"),
            U("Mengisi data pelaku usaha dan memilih KBLI", n="isi", c="isi-data-usaha"),
            U("Menyetujui pernyataan mandiri pemenuhan persyaratan", n="mandiri"),
            IC("NIB diterima", n="terimanib"),
            E("Usaha terdaftar"),
        ]),
        Pool("Kementerian Investasi/BKPM", pid="Process_OSS_PenerbitanNIB", pname="Penerbitan NIB melalui OSS RBA",
             data=[("nib", "NIB")], nodes=[
                 L("Sistem OSS RBA"),
                 S("Data pendaftaran diterima", ev="message", n="in"),
                 C("Validasi NIK pelaku usaha ke Dukcapil", called=NIK, c="validasi-nik", n="nik", ext={"waktu": "1 menit"}),
                 SV("Validasi NPWP ke Direktorat Jenderal Pajak", n="npwp"),
                 X("Data valid?", alt=[("koreksi", "Tidak")]),
                 BR("Menentukan tingkat risiko kegiatan usaha berdasarkan KBLI", c="tentukan-risiko"),
                 SV("Menerbitkan Nomor Induk Berusaha (NIB)", w=["nib"], c="terbit-nib", n="nibterbit"),
                 SV("Mendaftarkan pelaku usaha sebagai peserta BPJS Kesehatan dan BPJS Ketenagakerjaan"),
                 SD("Mengirim NIB ke akun dan surel pelaku usaha", n="kirim", c="notif-pemohon", ext={"waktu": "5 menit"}),
                 SV("Membagikan data NIB kepada K/L dan Pemda terkait", r=["nib"], c="bagi-data-nib"),
                 E("NIB terbit"),
                 SD("Meminta pelaku usaha memperbaiki data", n="koreksi", c="kembalikan-berkas"),
                 E("Pendaftaran belum lengkap"),
             ]),
    ], msgs=[("isi", "in", "Data pendaftaran"), ("kirim", "terimanib", "NIB"), ("koreksi", "@0", "Permintaan perbaikan")]),

    # ------------------------------------------------------------------ DPMPTSP: medium-high risk licence
    Model(F + "dpmptsp-izin-usaha-risiko-menengah-tinggi.bpmn", "signavio", [
        Pool("Pelaku Usaha", blackbox=True),
        Pool("DPMPTSP Provinsi Kalimantan Timur", pid="sid-DPMPTSP-KALTIM-IZIN-MT", pname="Penerbitan Perizinan Berusaha Risiko Menengah Tinggi (kewenangan provinsi)",
             nodes=[
                 L("Bidang Pelayanan Perizinan DPMPTSP"),
                 S("Permohonan masuk melalui OSS", ev="message", n="in"),
                 T("Menerima permohonan perizinan berusaha melalui OSS", c="terima-permohonan-izin", n="terima"),
                 T("Memeriksa kelengkapan persyaratan permohonan", c="verif-berkas", n="cek", ext={"durasi": "1 hari kerja"}),
                 X("Persyaratan lengkap?", alt=[("perbaiki", "Tidak")]),
                 L("Tim Teknis Perizinan Provinsi"),
                 T("Melakukan pemeriksaan lapangan", c="peninjauan-lapangan", n="lapangan"),
                 T("Menyusun berita acara pemeriksaan lapangan", c="bap-lapangan", n="bap"),
                 T("Menyusun rekomendasi teknis", c="kajian-teknis"),
                 L("Bidang Pelayanan Perizinan DPMPTSP"),
                 X("Rekomendasi?", alt=[("tolak", "Tidak layak")], yes="Layak"),
                 T("Menerbitkan perizinan berusaha melalui OSS", c="terbit-izin", n="terbit"),
                 T("Membubuhkan TTE kepala dinas pada dokumen izin", c="tanda-tangan"),
                 T("Memberitahukan izin terbit kepada pelaku usaha", c="notif-pemohon", n="kabar", ext={"durasi": "30 menit"}),
                 T("Mengarsipkan berkas perizinan", c="arsip", ext={"durasi": "30 menit"}),
                 E("Izin terbit"),
                 T("Menolak permohonan disertai alasan", n="tolak"),
                 T("Memberitahukan penolakan kepada pelaku usaha", c="notif-pemohon", n="kabartolak"),
                 E("Permohonan ditolak"),
                 T("Meminta pelaku usaha melengkapi persyaratan", n="perbaiki", c="kembalikan-berkas"),
                 IC("Perbaikan diterima", go="cek"),
             ]),
    ], msgs=[("@0", "in", "Permohonan"), ("kabar", "@0", "Notifikasi izin"), ("kabartolak", "@0", "Notifikasi penolakan"),
             ("perbaiki", "@0", "Permintaan kelengkapan")],
          notes=[("terbit", "SLA: 5 hari kerja sejak persyaratan dinyatakan lengkap (PP 5/2021)")]),

    # ------------------------------------------------------------------ Kementan: plantation business licence
    Model(F + "kementan-izin-usaha-perkebunan.bpmn", "camunda", [
        Pool("Kementerian Pertanian", pid="Process_Kementan_IUP", pname="Perizinan Berusaha Usaha Perkebunan (IUP)",
             data=[("pertek", "Pertimbangan Teknis")], nodes=[
                 L("Pusat Perizinan dan Investasi Kementan"),
                 S("Notifikasi permohonan dari OSS", ev="message", n="in"),
                 U("Menerima permohonan izin usaha perkebunan dari OSS", c="terima-permohonan-izin", n="terima"),
                 U("Verifikasi dokumen persyaratan teknis", c="verif-berkas", n="verif", ext={"waktu": "3 hari kerja"}),
                 X("Dokumen lengkap?", alt=[("minta", "Tidak")]),
                 L("Direktorat Jenderal Perkebunan"),
                 U("Peninjauan lapangan lokasi kebun", c="peninjauan-lapangan"),
                 U("Memeriksa kesesuaian areal dengan peta indikatif moratorium", n="moratorium"),
                 U("Menyusun pertimbangan teknis", c="kajian-teknis", w=["pertek"]),
                 L("Pusat Perizinan dan Investasi Kementan"),
                 U("Menerbitkan IUP melalui OSS", c="terbit-izin", r=["pertek"], n="iup"),
                 U("Menyampaikan notifikasi penerbitan IUP kepada pelaku usaha", c="notif-pemohon", n="kabar", ext={"waktu": "30 menit"}),
                 T("Mengarsipkan dokumen perizinan", c="arsip", ext={"waktu": "1 jam"}),
                 E("IUP terbit"),
                 U("Meminta kelengkapan dokumen melalui OSS", n="minta", c="kembalikan-berkas"),
                 E("Permohonan ditunda"),
             ]),
        Pool("Pelaku Usaha", blackbox=True),
    ], msgs=[("@1", "in", "Permohonan"), ("kabar", "@1", "Notifikasi IUP"), ("minta", "@1", "Permintaan kelengkapan")]),

    # ------------------------------------------------------------------ KLHK: environmental approval (Amdal)
    Model(F + "klhk-persetujuan-lingkungan-amdal.bpmn", "bizagi", [
        Pool("Kementerian Lingkungan Hidup dan Kehutanan", pid="Id_klhk-persetujuan-lingkungan", pname="Persetujuan Lingkungan (Amdal)",
             data=[("skklh", "SKKLH"), ("amdal", "Dokumen Amdal")], nodes=[
                 L("Direktorat Pencegahan Dampak Lingkungan Usaha dan Kegiatan"),
                 S("Permohonan masuk", ev="message", n="in"),
                 T("Penerimaan permohonan persetujuan lingkungan", c="terima-permohonan-izin", w=["amdal"]),
                 T("Pemeriksaan kelengkapan administrasi dokumen Amdal", c="verif-berkas", r=["amdal"], n="adm"),
                 X("Lengkap?", alt=[("kembali", "Tidak")]),
                 T("Pengumuman rencana usaha kepada masyarakat", c="umumkan-rencana"),
                 L("Tim Uji Kelayakan Lingkungan Hidup"),
                 SUB("Uji kelayakan dokumen Amdal", n="uji", children=[
                     S("Dokumen diterima tim"),
                     T("Penilaian substansi Andal dan RKL-RPL", r=["amdal"], n="nilai"),
                     T("Rapat Tim Uji Kelayakan", n="rapat"),
                     T("Penyusunan rekomendasi kelayakan lingkungan"),
                     E("Rekomendasi tersusun"),
                 ]),
                 L("Direktorat Pencegahan Dampak Lingkungan Usaha dan Kegiatan"),
                 T("Penerbitan SKKLH", w=["skklh"], n="skklh", c="terbit-skklh"),
                 T("Pengunggahan SKKLH ke sistem OSS", r=["skklh"], n="unggah", c="unggah-oss"),
                 T("Pemberitahuan kepada pemrakarsa", c="notif-pemohon", n="kabar"),
                 T("Pengarsipan dokumen lingkungan", c="arsip"),
                 E("Persetujuan lingkungan terbit"),
                 T("Pengembalian dokumen kepada pemrakarsa untuk diperbaiki", n="kembali", c="kembalikan-berkas"),
                 E("Dokumen dikembalikan"),
             ]),
        Pool("Pelaku Usaha", blackbox=True),
        Pool("Kementerian Investasi/BKPM", blackbox=True),
    ], msgs=[("@1", "in", "Permohonan dan dokumen Amdal"), ("unggah", "@2", "SKKLH"), ("kabar", "@1", "Pemberitahuan"),
             ("kembali", "@1", "Dokumen dikembalikan")]),
]

MODELS += [
    # ------------------------------------------------------------------ end-to-end: one pool, lanes per agency
    Model(F + "alur-perizinan-berusaha-berbasis-risiko.bpmn", "camunda", [
        Pool("Perizinan Berusaha Berbasis Risiko", pid="Process_AlurPBBR", pname="Alur Perizinan Berusaha Berbasis Risiko (lintas instansi)",
             data=[("nib", "NIB"), ("pl", "Persetujuan Lingkungan"), ("izin", "Perizinan Berusaha")], nodes=[
                 L("Pelaku Usaha"),
                 S("Pelaku usaha mengajukan"),
                 U("Mengajukan permohonan perizinan berusaha melalui OSS", n="ajukan", c="ajukan-izin-oss"),
                 L("Dukcapil"),
                 SV("Memvalidasi NIK pemohon", c="validasi-nik"),
                 L("Kementerian Investasi/BKPM"),
                 SV("Menerbitkan NIB", w=["nib"], c="terbit-nib"),
                 BR("Menetapkan tingkat risiko usaha", c="tentukan-risiko"),
                 X("Tingkat risiko?", alt=[("rendah", "Rendah")], yes="Menengah tinggi / tinggi"),
                 L("KLHK"),
                 U("Menilai dan menerbitkan persetujuan lingkungan", r=["nib"], w=["pl"], c="terbit-skklh"),
                 L("Kementerian Pertanian"),
                 U("Memverifikasi pemenuhan standar usaha", r=["pl"], n="standar"),
                 L("DPMPTSP Provinsi Kalimantan Timur"),
                 U("Menerbitkan izin melalui OSS", w=["izin"], c="terbit-izin", n="izin"),
                 L("Pelaku Usaha"),
                 U("Mengunduh perizinan berusaha", r=["izin"], n="unduh", c="unduh-izin"),
                 E("Usaha dapat beroperasi"),
                 L("Pelaku Usaha"),
                 U("Mengunduh NIB sebagai perizinan tunggal", n="rendah", r=["nib"], c="unduh-izin"),
                 E("Usaha risiko rendah beroperasi"),
             ]),
    ]),

    # ------------------------------------------------------------------ BKPM + DPMPTSP: LKPM supervision
    Model(F + "bkpm-pengawasan-lkpm.bpmn", "legacy", [
        Pool("Pelaku Usaha", pid="Process_PU_LKPM", pname="Pelaku usaha melapor LKPM", nodes=[
            S("Akhir triwulan", ev="timer"),
            U("Menyusun laporan kegiatan penanaman modal (LKPM)"),
            U("Menyampaikan LKPM triwulan melalui OSS", n="lapor"),
            IC("Tanggapan diterima", n="tgp"),
            E("Selesai"),
        ]),
        Pool("DPMPTSP Provinsi Kalimantan Timur", pid="Process_DPMPTSP_LKPM", pname="Verifikasi LKPM oleh DPMPTSP", nodes=[
            S("LKPM masuk", ev="message", n="dmasuk"),
            U("Memeriksa kewajaran realisasi investasi dalam LKPM", c="verif-lkpm", n="dcek"),
            X("LKPM wajar?", alt=[("dklar", "Tidak")]),
            U("Menyetujui LKPM", n="dsetuju", c="setujui-lkpm"),
            U("Merekapitulasi realisasi investasi provinsi", c="rekap-realisasi"),
            SD("Melaporkan rekapitulasi kepada Kementerian Investasi", n="drekap"),
            E("Selesai"),
            SD("Meminta klarifikasi kepada pelaku usaha", n="dklar", c="klarifikasi-lkpm"),
            E("Menunggu perbaikan"),
        ]),
        Pool("Kementerian Investasi/BKPM", pid="Process_BKPM_LKPM", pname="Pengawasan LKPM nasional", nodes=[
            L("Direktorat Pengendalian Pelaksanaan Penanaman Modal"),
            S("Rekapitulasi diterima", ev="message", n="bmasuk"),
            U("Verifikasi LKPM penanaman modal asing", c="verif-lkpm", n="bcek"),
            U("Menyetujui LKPM yang telah sesuai", c="setujui-lkpm"),
            U("Menyusun laporan realisasi investasi nasional", c="rekap-realisasi"),
            U("Mengidentifikasi pelaku usaha yang tidak melapor"),
            U("Menerbitkan surat peringatan kepada pelaku usaha", n="sp"),
            E("Pengawasan triwulan selesai"),
        ]),
    ], msgs=[("lapor", "dmasuk", "LKPM"), ("drekap", "bmasuk", "Rekapitulasi LKPM"), ("dklar", "tgp", "Permintaan klarifikasi"),
             ("sp", "@0", "Surat peringatan")], di=False),

    # ------------------------------------------------------------------ English: MPP front office drafted with a development partner
    Model(F + "mpp-licensing-front-office.bpmn", "signavio", [
        Pool("Business Applicant", blackbox=True),
        Pool("DPMPTSP Kaltim", pid="sid-MPP-FRONT-OFFICE", pname="Licensing front office at the Public Service Mall",
             data=[("ktp", "KTP")], nodes=[
                 L("Mal Pelayanan Publik Balikpapan"),
                 S("Applicant arrives at the counter", n="in"),
                 T("Take a queue number and register the visit", c="catat-tiket"),
                 T("Scan the applicant's identity card (KTP)", w=["ktp"], c="pindai-ktp"),
                 T("Verify the applicant's NIK against Dukcapil records", r=["ktp"], c="validasi-nik", n="nik", ext={"duration": "15 min"}),
                 T("Check completeness of the licensing documents", c="verif-berkas", n="docs", ext={"duration": "30 min"}),
                 X("Complete?", alt=[("back", "No")], yes="Yes"),
                 T("Assist the applicant in submitting the application in OSS", c="ajukan-izin-oss"),
                 T("Hand over the submission receipt", n="receipt", c="tanda-terima"),
                 T("Archive copies of the submitted documents", c="arsip", ext={"duration": "20 min"}),
                 E("Application submitted"),
                 T("Return the documents with a checklist of missing items", n="back", c="kembalikan-berkas"),
                 E("Applicant to come back"),
             ]),
    ], msgs=[("@0", "in", "Walk-in"), ("receipt", "@0", "Receipt"), ("back", "@0", "Checklist")]),

    # ------------------------------------------------------------------ Latin-1: KKPR technical review (Yaoqiang, ISO-8859-1)
    Model(F + "dpmptsp-pertimbangan-teknis-kkpr.bpmn", "yaoqiang", [
        Pool("DPMPTSP Provinsi Kalimantan Timur", pid="_kkpr_pertek", pname="Pertimbangan Teknis Pertanahan untuk KKPR", nodes=[
            L("Tim Teknis Perizinan Provinsi"),
            S("Permohonan KKPR diterima", ev="message", n="in"),
            T("Memeriksa titik koordinat lokasi (° LS / ° BT) pada peta", n="koord"),
            T("Menghitung luas lahan yang dimohon (± ha)"),
            T("Pemeriksaan lapangan · pengukuran batas bidang", c="peninjauan-lapangan"),
            T("Menyusun berita acara hasil peninjauan lokasi", c="bap-lapangan"),
            T("Analisis kesesuaian dengan RTRW / RDTR - « zonasi »", n="zona"),
            T("Menyusun pertimbangan teknis pertanahan", c="kajian-teknis"),
            T("Paraf hierarki dan penandatanganan oleh Kepala Dinas", c="tanda-tangan"),
            T("Mengunggah pertimbangan teknis ke OSS", n="unggah", c="unggah-oss"),
            E("Pertimbangan teknis terbit"),
        ]),
        Pool("Pemohon", blackbox=True),
    ], msgs=[("@1", "in", "Permohonan KKPR")], encoding="ISO-8859-1"),

    # ------------------------------------------------------------------ flawed on purpose: dangling flow, old export
    Model(F + "dpmptsp-izin-lama-tanpa-lane.bpmn", "legacy", [
        Pool("DPMPTSP Provinsi Kalimantan Timur", pid="Process_DPMPTSP_IzinLama", pname="SOP Izin Usaha Lama (sebelum OSS)", nodes=[
            S("Pemohon datang"),
            U("Penerimaan berkas permohonan di loket", c="terima-permohonan-izin"),
            U("Berkas diperiksa kelengkapannya oleh petugas loket", c="verif-berkas"),
            U("Validasi KTP pemohon ke database Dukcapil", c="validasi-nik"),
            U("Pemeriksaan lokasi oleh tim teknis", c="peninjauan-lapangan"),
            U("Konsep izin diparaf oleh kepala bidang", n="paraf"),
            U("Izin ditandatangani kepala dinas", c="tanda-tangan", n="ttd"),
            U("Penyerahan izin kepada pemohon", c="notif-pemohon"),
            U("Berkas diarsipkan", c="arsip"),
            E("Selesai"),
        ]),
    ], di=False, flaws=["dangling-flow"]),
]

NON_MATCHES = [
    ((F + "bkpm-penerbitan-nib-oss.bpmn", "nik"), (F + "bkpm-penerbitan-nib-oss.bpmn", "npwp"),
     "data kependudukan (NIK, Dukcapil) vs data perpajakan (NPWP, DJP)"),
    ((F + "kementan-izin-usaha-perkebunan.bpmn", "iup"), (F + "klhk-persetujuan-lingkungan-amdal.bpmn", "skklh"),
     "izin usaha vs persetujuan lingkungan: different decision and object"),
    ((F + "alur-perizinan-berusaha-berbasis-risiko.bpmn", "ajukan"), (F + "dpmptsp-izin-usaha-risiko-menengah-tinggi.bpmn", "terima"),
     "mengajukan vs menerima permohonan: two ends of one handoff"),
    ((F + "bkpm-pengawasan-lkpm.bpmn", "dcek"), (F + "dpmptsp-izin-usaha-risiko-menengah-tinggi.bpmn", "cek"),
     "memeriksa realisasi investasi (data keuangan) vs memeriksa kelengkapan persyaratan"),
    ((F + "dpmptsp-izin-usaha-risiko-menengah-tinggi.bpmn", "terbit"), (F + "dpmptsp-izin-usaha-risiko-menengah-tinggi.bpmn", "tolak"),
     "menerbitkan vs menolak permohonan"),
    ((F + "bkpm-pengawasan-lkpm.bpmn", "dsetuju"), (F + "bkpm-pengawasan-lkpm.bpmn", "dklar"),
     "menyetujui LKPM vs meminta klarifikasi"),
    ((F + "alur-perizinan-berusaha-berbasis-risiko.bpmn", "unduh"), (F + "klhk-persetujuan-lingkungan-amdal.bpmn", "unggah"),
     "mengunduh vs mengunggah dokumen"),
    ((F + "dukcapil-layanan-verifikasi-nik.bpmn", "pks"), (F + "dukcapil-layanan-verifikasi-nik.bpmn", "cocok"),
     "memeriksa hak akses lembaga vs mencocokkan data penduduk"),
    ((F + "mpp-licensing-front-office.bpmn", "docs"), (F + "mpp-licensing-front-office.bpmn", "nik"),
     "checking documents vs verifying population data"),
]

NON_MATCHES += [
    ((F + "dpmptsp-izin-usaha-risiko-menengah-tinggi.bpmn", "tolak"), ("manajemen-asn/bkn-pemutakhiran-data-mandiri.bpmn", "tolak"),
     "menolak permohonan izin vs menolak perubahan data kepegawaian"),
    ((F + "alur-perizinan-berusaha-berbasis-risiko.bpmn", "standar"), (F + "kementan-izin-usaha-perkebunan.bpmn", "verif"),
     "verifikasi pemenuhan standar usaha (substansi) vs verifikasi kelengkapan dokumen"),
]

MODELS += [
    # ------------------------------------------------------------------ Public Service Mall: counters of several agencies in one pool
    Model(F + "mpp-balikpapan-layanan-terpadu.bpmn", "camunda", [
        Pool("Mal Pelayanan Publik Terpadu", pid="Process_MPP_LayananTerpadu", pname="Layanan Terpadu di Mal Pelayanan Publik (lintas instansi)",
             data=[("ktp", "KTP Pemohon"), ("bukti", "Bukti Pembayaran PNBP")], nodes=[
                 L("Pemohon"),
                 S("Pemohon datang ke MPP"),
                 M("Mengambil nomor antrean dan memilih layanan"),
                 L("Mal Pelayanan Publik Balikpapan"),
                 U("Mencatat kunjungan pemohon di meja informasi", c="catat-tiket"),
                 U("Memindai KTP pemohon", w=["ktp"], c="pindai-ktp"),
                 SV("Memvalidasi NIK pemohon melalui layanan Dukcapil", r=["ktp"], c="validasi-nik", ext={"waktu": "5 menit"}),
                 X("Jenis layanan?", alt=[("taspen", "Klaim pensiun")], yes="Perizinan berusaha"),
                 L("Bidang Pelayanan Perizinan DPMPTSP"),
                 U("Memeriksa kelengkapan berkas perizinan", c="verif-berkas", n="cekizin", ext={"waktu": "1 jam"}),
                 X("Berkas lengkap?", alt=[("kurang", "Tidak")]),
                 U("Membantu pemohon mengajukan permohonan di OSS", c="ajukan-izin-oss"),
                 L("PT Pos Indonesia"),
                 U("Menerima pembayaran PNBP di loket Pos", n="bayar"),
                 U("Mencetak bukti pembayaran", w=["bukti"]),
                 L("Bidang Pelayanan Perizinan DPMPTSP"),
                 U("Menyerahkan tanda terima permohonan", r=["bukti"], c="tanda-terima"),
                 L("Mal Pelayanan Publik Balikpapan"),
                 XJ(n="gab"),
                 U("Meminta pemohon mengisi survei kepuasan", c="survei-kepuasan"),
                 L("PT Pos Indonesia"),
                 U("Mengirimkan dokumen hasil layanan ke alamat pemohon", c="notif-pemohon", n="kirim", ext={"waktu": "2 hari kerja", "biaya": "Rp 25.000"}),
                 L("Mal Pelayanan Publik Balikpapan"),
                 U("Mengarsipkan salinan dokumen layanan", c="arsip", ext={"waktu": "15 menit"}),
                 E("Layanan selesai"),
                 L("Bidang Pelayanan Perizinan DPMPTSP"),
                 U("Mengembalikan berkas dengan daftar kekurangan", n="kurang", c="kembalikan-berkas"),
                 E("Pemohon melengkapi berkas"),
                 L("Taspen"),
                 U("Memverifikasi berkas klaim peserta", n="taspen", c="verif-berkas"),
                 U("Merekam klaim di aplikasi Taspen"),
                 U("Menyerahkan tanda terima klaim", c="tanda-terima", go="gab"),
             ]),
    ], notes=[("bayar", "Loket Pos di MPP menerima pembayaran PNBP/retribusi atas nama instansi")]),
]

NON_MATCHES += [
    ((F + "mpp-balikpapan-layanan-terpadu.bpmn", "bayar"), ("asn-ikn/kemendikbudristek-pembayaran-biaya-pindah.bpmn", "transfer"),
     "menerima pembayaran dari pemohon vs mentransfer dana kepada penerima"),
]

THEME = dict(
    code="PERIZINAN-BERUSAHA",
    name_id="Perizinan Berusaha Berbasis Risiko",
    name_en="Risk-based business licensing",
    description_id="Pendaftaran NIB, penetapan tingkat risiko, persetujuan lingkungan, pertimbangan teknis sektor, penerbitan "
                   "izin oleh K/L dan DPMPTSP melalui OSS RBA, validasi NIK ke Dukcapil, serta pengawasan LKPM.",
    description_en="NIB registration, risk rating, environmental approval, sector technical review, licence issuance by "
                   "ministries and the provincial one-stop service through OSS RBA, NIK validation with Dukcapil, and "
                   "investment-report (LKPM) supervision.",
    spbe_codes=["PB.04.03", "LA.01.04"],
    models=["perizinan/*.bpmn"],
)

NON_MATCHES += [
    ((F + "dpmptsp-izin-lama-tanpa-lane.bpmn", "paraf"), (F + "dpmptsp-izin-lama-tanpa-lane.bpmn", "ttd"),
     "memaraf konsep (persetujuan berjenjang) vs menandatangani keputusan"),
]
