"""Theme ASN-IKN: relocating civil servants to Ibu Kota Nusantara, and the IKN shared services
of the SPBE plan (shared office/co-working booking, office transport, shared administration)."""

from dsl import B, BR, C, E, IC, IT, L, M, P, Pool, RC, S, SC, SD, SUB, SV, T, U, X, XJ, Model

F = "asn-ikn/"

MODELS = [
    # ------------------------------------------------------------------ KemenPANRB
    Model(F + "kemenpanrb-penetapan-asn-dipindahkan.bpmn", "camunda", [
        Pool("Kementerian PANRB", pid="Process_KemenPANRB_PenetapanASNPindah",
             pname="Penetapan ASN yang Dipindahkan ke IKN", data=[("kep", "Keputusan MenPANRB")], nodes=[
                 L("Asisten Deputi Perencanaan Kebutuhan SDM Aparatur"),
                 S("Usulan rencana pemindahan diterima", ev="message", n="s"),
                 U("Menerima usulan rencana pemindahan ASN dari K/L", c="terima-usul-kepegawaian"),
                 U("Memverifikasi kelengkapan dokumen usulan", c="verif-berkas", n="verifdok", ext={"waktu": "2 hari kerja"}),
                 X("Dokumen lengkap?", alt=[("kembali", "Tidak")]),
                 U("Menganalisis kesesuaian jabatan dengan peta jabatan Otorita IKN", c="telaah-usulan-pindah"),
                 SD("Meminta validasi data kepegawaian kepada BKN", n="minta"),
                 RC("Menerima hasil validasi data dari BKN", n="terimabkn"),
                 T("Menyusun rancangan daftar ASN yang dipindahkan", n="rancangan"),
                 T("Melaksanakan rapat koordinasi dengan Otorita IKN dan K/L pengusul", c="rakor-pindah", n="rakor"),
                 L("Deputi Bidang SDM Aparatur"),
                 U("Menetapkan Keputusan Menteri PANRB tentang ASN yang dipindahkan", w=["kep"], c="tetap-kep-menpan"),
                 U("Menandatangani keputusan secara elektronik (TTE)", c="tanda-tangan", r=["kep"]),
                 SD("Menyampaikan salinan keputusan kepada K/L, BKN, dan Otorita IKN", n="sampaikan", c="kirim-keputusan-instansi"),
                 T("Mengarsipkan keputusan", c="arsip", n="arsip", ext={"waktu": "30 menit"}),
                 E("Keputusan ditetapkan"),
                 L("Asisten Deputi Perencanaan Kebutuhan SDM Aparatur"),
                 SD("Mengembalikan usulan kepada K/L untuk dilengkapi", n="kembali", c="kembalikan-berkas"),
                 E("Usulan dikembalikan"),
             ]),
        Pool("BKN", blackbox=True),
        Pool("Otorita IKN", blackbox=True),
        Pool("Kemendikbudristek", blackbox=True),
    ], msgs=[("@3", "s", "Surat usulan pemindahan"), ("minta", "@1", "Permintaan validasi"),
             ("@1", "terimabkn", "Hasil validasi"), ("sampaikan", "@1", "Salinan keputusan"),
             ("sampaikan", "@2", "Salinan keputusan"), ("sampaikan", "@3", "Salinan keputusan"),
             ("kembali", "@3", "Usulan dikembalikan")],
          notes=[("sampaikan", "Tembusan kepada Kementerian Keuangan untuk perhitungan kebutuhan anggaran pemindahan")]),

    # ------------------------------------------------------------------ BKN (callee)
    Model(F + "bkn-validasi-data-asn-pindah.bpmn", "signavio", [
        Pool("Badan Kepegawaian Negara", pid="sid-BKN-VALIDASI-DATA-ASN-PINDAH", pname="Validasi Data ASN yang Dipindahkan",
             stores=[("siasn", "SIASN")], nodes=[
                 L("Direktorat Pengolahan Data dan Sistem Informasi ASN"),
                 S("Permintaan validasi diterima", ev="message"),
                 T("Menerima daftar nominatif ASN calon pindah"),
                 SV("Mencocokkan NIP dengan data induk di SIASN", c="cek-data-siasn", r=["siasn"], n="cocok"),
                 SV("Validasi NIK melalui layanan Dukcapil", c="validasi-nik", n="nik", ext={"durasi": "1 hari kerja", "biaya": "Rp 0"}),
                 L("Direktorat Status dan Kedudukan Kepegawaian"),
                 T("Memeriksa riwayat hukuman disiplin", c="cek-disiplin"),
                 T("Memeriksa batas usia pensiun pegawai", c="cek-bup"),
                 X("Data sesuai?", alt=[("catat", "Tidak")]),
                 T("Menetapkan status data tervalidasi", n="tetap"),
                 T("Menyusun rekapitulasi hasil validasi"),
                 SD("Mengirimkan hasil validasi kepada KemenPANRB", n="kirim"),
                 E("Validasi selesai"),
                 T("Mencatat ketidaksesuaian data", n="catat"),
                 SD("Meminta instansi memperbaiki data di SIASN", c="kembalikan-berkas"),
                 IC("Perbaikan data diterima", go="cocok"),
             ]),
        Pool("Kementerian PANRB", blackbox=True),
    ], msgs=[("kirim", "@1", "Hasil validasi")]),

    # ------------------------------------------------------------------ origin ministry 1
    Model(F + "kemendikbudristek-usulan-pemindahan-asn.bpmn", "camunda", [
        Pool("Kemendikbudristek", pid="Process_Kemendikbud_UsulanPindahIKN", pname="Usulan Pemindahan ASN Kemendikbudristek ke IKN",
             data=[("sp", "Surat Pernyataan Kesediaan"), ("sk", "SK Pemindahan")], stores=[("siasn", "SIASN")], nodes=[
                 L("Unit Kerja Eselon I Kemendikbudristek"),
                 S("Surat edaran pemindahan diterima"),
                 U("Menginventarisasi pegawai pada jabatan yang dipindahkan", c="inventarisasi-pegawai"),
                 SD("Menyampaikan formulir kesediaan kepada pegawai", n="form"),
                 RC("Menerima surat pernyataan kesediaan pindah", n="terimasp", w=["sp"], c="terima-kesediaan"),
                 L("Biro Sumber Daya Manusia Kemendikbudristek"),
                 U("Memeriksa kelengkapan berkas pegawai", c="verif-berkas", r=["sp"], n="cekberkas", ext={"waktu": "2 hari kerja"}),
                 X("Berkas lengkap?", alt=[("balik", "Tidak")]),
                 U("Memutakhirkan data pegawai di SIASN", c="input-siasn", w=["siasn"], n="upd"),
                 U("Menyusun usulan daftar ASN yang dipindahkan", c="susun-daftar-usulan", n="usulandaftar"),
                 SD("Mengirimkan usulan pemindahan ke KemenPANRB", n="usul", c="kirim-usul-kepegawaian"),
                 IC("Keputusan MenPANRB diterima", n="kep"),
                 U("Menerbitkan SK Pemindahan pegawai ke IKN", c="terbit-sk-kepegawaian", w=["sk"], ext={"waktu": "3 hari kerja"}),
                 U("TTE SK Pemindahan oleh pejabat pembina kepegawaian", c="tanda-tangan", r=["sk"]),
                 SD("Menyampaikan SK kepada pegawai", n="sksend", c="notif-pemohon", ext={"waktu": "1 hari kerja"}),
                 T("Arsip SK pemindahan", c="arsip", ext={"waktu": "30 menit"}),
                 E("SK pemindahan terbit"),
                 SD("Mengembalikan berkas kepada unit kerja", n="balik", c="kembalikan-berkas", go="-"),
             ]),
        Pool("Pegawai", pid="Process_Kemendikbud_Pegawai", pname="Pegawai Kemendikbudristek", nodes=[
            S("Formulir diterima", ev="message", n="pf"),
            M("Mengisi surat pernyataan kesediaan pindah ke IKN", c="isi-kesediaan"),
            SD("Mengirimkan surat pernyataan", n="pkirim"),
            IC("SK pemindahan diterima", n="pterima"),
            E("Selesai"),
        ]),
        Pool("Kementerian PANRB", blackbox=True),
    ], msgs=[("form", "pf", "Formulir kesediaan"), ("pkirim", "terimasp", "Surat pernyataan"), ("usul", "@2", "Usulan pemindahan"),
             ("@2", "kep", "Keputusan MenPANRB"), ("sksend", "pterima", "SK Pemindahan")]),

    # ------------------------------------------------------------------ origin ministry 2
    Model(F + "kemenkes-usulan-pemindahan-asn.bpmn", "bizagi", [
        Pool("Kementerian Kesehatan", pid="Id_kemenkes-usulan-pindah-ikn", pname="Pengusulan Pemindahan ASN Kemenkes ke IKN", nodes=[
            L("Satuan Kerja Kemenkes"),
            S("Mulai"),
            T("Pendataan pegawai terdampak relokasi", c="inventarisasi-pegawai"),
            T("Sosialisasi rencana pemindahan kepada pegawai"),
            RC("Penerimaan dokumen kesediaan dari pegawai", n="terima", c="terima-kesediaan"),
            L("Biro Organisasi dan Sumber Daya Manusia Kemenkes"),
            T("Verifikasi berkas usulan pemindahan", c="verif-berkas"),
            C("Validasi data ASN oleh BKN", called="sid-BKN-VALIDASI-DATA-ASN-PINDAH", c="cek-data-siasn"),
            X("Memenuhi syarat?", alt=[("tolak", "Tidak")]),
            T("Update data kepegawaian pada SIASN", c="input-siasn"),
            SD("Pengiriman usulan pemindahan kepada Kementerian PANRB", c="kirim-usul-kepegawaian", n="kirim"),
            IC("Penetapan MenPANRB diterima"),
            T("Penerbitan keputusan pemindahan ASN", c="terbit-sk-kepegawaian"),
            T("Penyampaian keputusan kepada pegawai yang bersangkutan", c="notif-pemohon", n="kabar"),
            E("Selesai"),
            T("Pemberitahuan penolakan kepada pegawai", n="tolak", c="notif-pemohon"),
            E("Tidak diusulkan"),
        ]),
        Pool("Pegawai", blackbox=True),
        Pool("Kementerian PANRB", blackbox=True),
    ], msgs=[("@1", "terima", "Dokumen kesediaan"), ("kirim", "@2", "Usulan"), ("kabar", "@1", "Keputusan pemindahan"), ("tolak", "@1", "Pemberitahuan")]),
]

MODELS += [
    # ------------------------------------------------------------------ end-to-end, one pool, lanes per agency
    Model(F + "alur-pemindahan-asn-ke-ikn.bpmn", "legacy", [
        Pool("Pemindahan ASN ke IKN", pid="Process_AlurPemindahanASN", pname="Alur Pemindahan ASN ke IKN (lintas instansi)",
             data=[("dn", "Daftar Nominatif ASN"), ("kep", "Keputusan MenPANRB"), ("sk", "SK Pemindahan")], nodes=[
                 L("Kemendikbudristek/Biro Sumber Daya Manusia Kemendikbudristek"),
                 S("Rencana pemindahan ditetapkan Presiden"),
                 T("Menyusun daftar nominatif ASN yang akan dipindahkan", w=["dn"], c="susun-daftar-usulan"),
                 L("Kementerian PANRB"),
                 T("Menelaah usulan daftar nominatif", r=["dn"], c="telaah-usulan-pindah"),
                 L("BKN"),
                 C("Validasi data ASN", called="sid-BKN-VALIDASI-DATA-ASN-PINDAH", c="cek-data-siasn"),
                 L("Kementerian PANRB"),
                 T("Menetapkan keputusan ASN yang dipindahkan", w=["kep"], c="tetap-kep-menpan"),
                 L("Kemendikbudristek/Sekretariat Jenderal Kemendikbudristek"),
                 T("Menerbitkan SK pemindahan ASN", c="terbit-sk-kepegawaian", r=["kep"], w=["sk"]),
                 L("BKN"),
                 T("Mencatat mutasi lokasi kerja pada SIASN", r=["sk"], c="input-siasn"),
                 P(alt=[("hunian", "")]),
                 L("Kementerian Keuangan"),
                 T("Membayarkan biaya pindah melalui SP2D", r=["sk"], n="bayar", c="terbit-sp2d"),
                 L("Taspen"),
                 T("Memindahkan kantor bayar peserta ke KC Balikpapan", r=["sk"], n="taspen", c="pindah-kantor-bayar"),
                 L("Otorita IKN"),
                 P(n="join"),
                 T("Melaksanakan orientasi dan penempatan ASN di IKN", n="orientasi", c="orientasi-asn"),
                 E("ASN bertugas di IKN"),
                 L("Kementerian PUPR"),
                 T("Menyediakan unit hunian ASN", n="hunian", go="join", c="alokasi-hunian"),
             ]),
    ], di=True),

    # ------------------------------------------------------------------ PUPR housing (callee)
    Model(F + "pupr-alokasi-hunian-asn.bpmn", "signavio", [
        Pool("Kementerian PUPR", pid="sid-PUPR-ALOKASI-HUNIAN-ASN", pname="Alokasi Hunian ASN di IKN",
             data=[("sip", "Surat Izin Penghunian"), ("ktp", "KTP dan KK")], stores=[("db", "Basis Data Penghuni Rusun ASN")], nodes=[
                 L("Satker Pembangunan Hunian ASN IKN"),
                 S("Daftar calon penghuni diterima", ev="message", n="s"),
                 T("Menerima daftar calon penghuni dari Otorita IKN", n="terimapenghuni"),
                 T("Memeriksa kelengkapan berkas calon penghuni", c="verif-berkas", r=["ktp"], ext={"durasi": "1 hari kerja"}),
                 SV("Verifikasi NIK calon penghuni ke Dukcapil", c="validasi-nik", ext={"durasi": "10 menit", "biaya": "Rp 0"}),
                 BR("Menentukan tipe unit sesuai golongan dan jumlah anggota keluarga"),
                 T("Menetapkan alokasi unit hunian", w=["db"], c="alokasi-hunian", n="alokasi"),
                 T("Menerbitkan Surat Izin Penghunian (SIP)", w=["sip"], n="sip"),
                 SD("Memberitahukan jadwal serah terima kepada ASN", c="notif-pemohon", n="jadwal", ext={"durasi": "30 menit"}),
                 L("Balai Pelaksana Penyediaan Perumahan Kalimantan II"),
                 M("Melaksanakan serah terima kunci unit hunian", r=["sip"]),
                 T("Membuat berita acara serah terima", n="bast"),
                 T("Mengarsipkan dokumen penghunian", c="arsip", ext={"durasi": "30 menit"}),
                 E("Unit hunian diserahterimakan"),
             ]),
        Pool("Otorita IKN", blackbox=True),
        Pool("ASN Pindahan", blackbox=True),
    ], msgs=[("@1", "s", "Daftar calon penghuni"), ("jadwal", "@2", "Jadwal serah terima")]),

    # ------------------------------------------------------------------ OIKN onboarding
    Model(F + "oikn-penerimaan-asn-pindahan.bpmn", "camunda", [
        Pool("Otorita IKN", pid="Process_OIKN_PenerimaanASN", pname="Penerimaan ASN Pindahan di IKN",
             data=[("spmt", "SPMT")], nodes=[
                 L("Direktorat SDM Aparatur OIKN"),
                 S("Salinan keputusan diterima", ev="message", n="s"),
                 U("Menerima salinan keputusan pemindahan", c="terima-salinan-sk"),
                 U("Menyusun jadwal kedatangan ASN per gelombang"),
                 SD("Mengirim daftar calon penghuni kepada Kementerian PUPR", n="kepupr"),
                 C("Alokasi hunian", called="sid-PUPR-ALOKASI-HUNIAN-ASN", c="alokasi-hunian"),
                 L("Biro Umum OIKN"),
                 U("Menyiapkan ruang kerja dan perangkat kerja", n="siapruang"),
                 U("Mendaftarkan akun layanan bersama IKN bagi ASN baru"),
                 L("Direktorat SDM Aparatur OIKN"),
                 SUB("Orientasi ASN baru", n="orient", c="orientasi-asn", children=[
                     S("Mulai orientasi"),
                     T("Pengenalan organisasi dan tata kerja Otorita IKN"),
                     T("Pengenalan layanan bersama dan aplikasi perkantoran"),
                     T("Kunjungan lapangan kawasan inti pusat pemerintahan"),
                     E("Orientasi selesai"),
                 ]),
                 U("Menerbitkan surat pernyataan melaksanakan tugas (SPMT)", w=["spmt"], c="terbit-spmt"),
                 U("Input data penempatan ke SIASN", c="input-siasn", r=["spmt"]),
                 T("Mengarsipkan SPMT", c="arsip", ext={"waktu": "15 menit"}),
                 E("ASN mulai bertugas"),
             ]),
        Pool("Kementerian PANRB", blackbox=True),
        Pool("Kementerian PUPR", blackbox=True),
    ], msgs=[("@1", "s", "Salinan keputusan"), ("kepupr", "@2", "Daftar calon penghuni")]),

    # ------------------------------------------------------------------ relocation cost payment: Satker + KPPN
    Model(F + "kemendikbudristek-pembayaran-biaya-pindah.bpmn", "seq", [
        Pool("Kemendikbudristek", pid="Process_Kemendikbud_BiayaPindah", pname="Pembayaran Biaya Pindah ASN ke IKN",
             data=[("spm", "SPM"), ("dipa", "DIPA")], nodes=[
                 L("Pejabat Pembuat Komitmen"),
                 S("SK pemindahan terbit"),
                 T("Menghitung biaya pindah sesuai SBM", c="hitung-biaya-pindah"),
                 T("Memeriksa ketersediaan pagu DIPA", r=["dipa"], c="cek-pagu", n="pagu"),
                 T("Menerbitkan SPP-LS"),
                 L("Pejabat Penanda Tangan SPM"),
                 T("Menguji SPP dan menerbitkan SPM", c="susun-spm", w=["spm"], n="spp"),
                 SD("Menyampaikan SPM ke KPPN melalui SAKTI", n="kirimspm", c="kirim-spm"),
                 IC("SP2D terbit", n="sp2d"),
                 L("Pejabat Pembuat Komitmen"),
                 T("Memberitahukan pembayaran kepada pegawai", c="notif-pemohon"),
                 T("Mengarsipkan dokumen pembayaran", c="arsip"),
                 E("Biaya pindah dibayarkan"),
             ]),
        Pool("KPPN Jakarta II", pid="Process_KPPN_PencairanDana", pname="Pencairan Dana APBN oleh KPPN", nodes=[
            S("SPM diterima", ev="message", n="kp"),
            T("Menguji SPM secara substantif dan formal", c="uji-spm", n="ujispm"),
            X("SPM memenuhi syarat?", alt=[("tolakspm", "Tidak")]),
            T("Menerbitkan SP2D", c="terbit-sp2d"),
            T("Mentransfer dana ke rekening penerima", n="transfer"),
            T("Mengirim notifikasi SP2D ke satker", n="notif", c="notif-sp2d"),
            E("Dana tersalur"),
            T("Mengembalikan SPM kepada satker", n="tolakspm", c="tolak-spm"),
            E("SPM ditolak"),
        ]),
    ], msgs=[("kirimspm", "kp", "SPM"), ("notif", "sp2d", "SP2D"), ("tolakspm", "@0", "SPM dikembalikan")]),

    # ------------------------------------------------------------------ Taspen
    Model(F + "taspen-pemindahan-kantor-bayar.bpmn", "semantic", [
        Pool("PT Taspen (Persero)", pid="_taspen-pindah-kantor-bayar", pname="Pemindahan Kantor Bayar Peserta ke IKN", nodes=[
            L("Kantor Cabang Utama Taspen Jakarta"),
            S("Data mutasi peserta diterima", ev="message", n="s"),
            T("Menerima data mutasi peserta dari BKN"),
            T("Validasi NIP dan NIK peserta", c="validasi-nik"),
            T("Memeriksa status kepesertaan THT dan pensiun"),
            X("Data peserta sesuai?", alt=[("klar", "Tidak")]),
            T("Memindahkan administrasi peserta ke KC Balikpapan", n="pindah", c="pindah-kantor-bayar"),
            L("Kantor Cabang Taspen Balikpapan"),
            T("Memutakhirkan data peserta", c="mutakhir-peserta-taspen"),
            T("Mencetak kartu peserta baru"),
            T("Menginformasikan perubahan kantor bayar kepada peserta", c="notif-pemohon", n="info"),
            E("Kantor bayar dipindahkan"),
            L("Kantor Cabang Utama Taspen Jakarta"),
            T("Meminta klarifikasi data kepada BKN", n="klar"),
            IC("Klarifikasi diterima", go="pindah"),
        ]),
        Pool("Badan Kepegawaian Negara", blackbox=True),
        Pool("Peserta Taspen", blackbox=True),
    ], msgs=[("@1", "s", "Data mutasi"), ("klar", "@1", "Permintaan klarifikasi"), ("info", "@2", "Informasi kantor bayar")]),
]

MODELS += [
    # ------------------------------------------------------------------ IKN shared service: co-working booking (callee)
    Model(F + "oikn-pemesanan-ruang-kerja-bersama.bpmn", "camunda", [
        Pool("ASN", pid="Process_ASN_PesanRuang", pname="ASN memesan ruang kerja bersama", nodes=[
            S("Kebutuhan ruang kerja"),
            U("Memesan ruang kerja bersama melalui aplikasi Layanan Bersama IKN", n="pesan", c="pesan-ruang"),
            IC("Konfirmasi pemesanan diterima", n="konf"),
            M("Check-in di ruang kerja bersama dengan kode QR", n="checkin"),
            E("Ruang digunakan"),
        ]),
        Pool("Otorita IKN", pid="oikn_pemesanan_ruang_kerja_bersama", pname="Pemesanan Ruang Kerja Bersama (Co-working) IKN",
             stores=[("jadwal", "Jadwal Ruang Kerja Bersama")], nodes=[
                 L("Unit Layanan Bersama IKN"),
                 S("Permintaan pemesanan masuk", ev="message", n="masuk"),
                 SV("Memverifikasi identitas pemesan melalui SSO ASN Digital", c="verif-sso"),
                 SV("Memeriksa ketersediaan ruang dan meja kerja", r=["jadwal"], c="cek-ketersediaan-ruang"),
                 X("Ruang tersedia?", alt=[("alt", "Tidak")]),
                 SV("Mengunci jadwal pemakaian ruang", w=["jadwal"]),
                 SD("Mengirim konfirmasi pemesanan dan kode QR kepada pemesan", n="kirim", c="notif-pemohon"),
                 IC("Pemesan check-in", n="ci"),
                 T("Mencatat pemakaian ruang untuk pelaporan utilisasi"),
                 E("Pemesanan selesai"),
                 SD("Menawarkan ruang atau waktu alternatif", n="alt", c="tawar-alternatif", go="-"),
             ]),
    ], msgs=[("pesan", "masuk", "Permintaan pemesanan"), ("kirim", "konf", "Konfirmasi dan kode QR"), ("checkin", "ci", "Pemindaian QR"),
             ("alt", "@0", "Alternatif ruang")],
          doc="Layanan bersama IKN (rencana SPBE): ruang kerja bersama lintas K/L."),

    # ------------------------------------------------------------------ IKN shared service: office transport (English)
    Model(F + "oikn-office-transport-request.bpmn", "signavio", [
        Pool("Nusantara Capital City Authority", pid="sid-OIKN-OFFICE-TRANSPORT", pname="Office Transport Request (IKN shared service)",
             stores=[("fleet", "Fleet schedule")], nodes=[
                 L("Pusat Layanan Transportasi Perkantoran IKN"),
                 S("Trip request received", ev="message", n="in"),
                 SV("Verify requester identity via ASN Digital SSO", c="verif-sso"),
                 T("Check trip purpose against official duty rules", c="cek-tujuan-perjalanan"),
                 X("Eligible?", alt=[("reject", "No")], yes="Yes"),
                 SV("Assign shuttle seat or pool vehicle", r=["fleet"], w=["fleet"], c="alokasi-kendaraan"),
                 SD("Send booking confirmation to requester", n="conf", c="notif-pemohon"),
                 M("Dispatch driver and vehicle"),
                 T("Record trip completion and mileage", c="catat-perjalanan"),
                 T("Publish monthly fleet utilisation report"),
                 E("Trip completed"),
                 SD("Notify requester of rejection", n="reject", c="notif-pemohon"),
                 E("Request rejected"),
             ]),
        Pool("Civil Servant", pid="sid-ASN-TRANSPORT", pname="Employee requests a ride", nodes=[
            S("Needs office transport"),
            U("Request office shuttle via IKN shared services app", n="req", c="pesan-kendaraan"),
            IC("Confirmation received", n="got"),
            M("Board the vehicle at the pick-up point"),
            E("Arrived"),
        ]),
    ], msgs=[("req", "in", "Trip request"), ("conf", "got", "Booking confirmation"), ("reject", "@1", "Rejection")]),

    # ------------------------------------------------------------------ IKN shared service: shared administration
    Model(F + "oikn-layanan-administrasi-bersama.bpmn", "camunda", [
        Pool("Otorita IKN", pid="Process_OIKN_LayananAdministrasiBersama", pname="Layanan Administrasi Bersama IKN",
             stores=[("srikandi", "SRIKANDI")], nodes=[
                 L("Shared Services Desk IKN"),
                 S("Permintaan layanan masuk dari K/L", ev="message", n="s"),
                 U("Mencatat permintaan layanan pada service desk", c="catat-tiket"),
                 BR("Mengklasifikasikan jenis layanan administrasi", n="klas"),
                 X("Jenis layanan?", alt=[("cuti", "Cuti"), ("atk", "Persediaan")], yes="Persuratan"),
                 U("Registrasi naskah dinas masuk di SRIKANDI", c="agenda-surat", w=["srikandi"]),
                 U("Mendistribusikan naskah dinas kepada unit tujuan", c="distribusi-surat", go="gab"),
                 U("Memverifikasi permohonan cuti dan sisa hak cuti", n="cuti", c="verif-cuti"),
                 U("Menerbitkan surat izin cuti", c="terbit-izin-cuti"),
                 U("Memutakhirkan data cuti di SIASN", c="input-siasn", go="gab"),
                 U("Memproses permintaan alat tulis kantor dari persediaan", n="atk", c="atk"),
                 XJ(n="gab"),
                 U("Mengarsipkan dokumen layanan", c="arsip", r=["srikandi"], ext={"waktu": "15 menit"}),
                 SD("Mengirim notifikasi penyelesaian layanan kepada pemohon", c="notif-pemohon", n="selesai", ext={"waktu": "5 menit"}),
                 T("Menghimpun survei kepuasan layanan", c="survei-kepuasan"),
                 E("Layanan selesai"),
             ]),
        Pool("Kementerian Kesehatan", blackbox=True),
    ], msgs=[("@1", "s", "Permintaan layanan"), ("selesai", "@1", "Notifikasi penyelesaian")],
          doc="Layanan bersama IKN (rencana SPBE): persuratan, cuti, dan persediaan dilayani satu unit untuk seluruh K/L di IKN."),

    # ------------------------------------------------------------------ what the shared services replace: per-ministry booking
    Model(F + "kemendikbudristek-peminjaman-ruang-rapat.bpmn", "bizagi", [
        Pool("Kemendikbudristek", pid="Id_kemendikbud-pinjam-ruang", pname="Peminjaman Ruang Rapat", nodes=[
            L("Unit Kerja Eselon I Kemendikbudristek"),
            S("Mulai"),
            T("Pengajuan peminjaman ruang rapat melalui nota dinas", c="pesan-ruang"),
            L("Biro Umum dan Pengadaan Barang dan Jasa Kemendikbudristek"),
            T("Pengecekan jadwal ketersediaan ruang rapat", c="cek-ketersediaan-ruang"),
            X("Ruang tersedia?", alt=[("tolak", "Tidak")]),
            T("Persetujuan peminjaman oleh Kepala Bagian Rumah Tangga", n="setuju"),
            T("Penyiapan ruang, konsumsi, dan peralatan rapat", n="siaprapat"),
            T("Pemberitahuan persetujuan kepada unit peminjam", c="notif-pemohon"),
            L("Unit Kerja Eselon I Kemendikbudristek"),
            M("Pelaksanaan rapat"),
            L("Biro Umum dan Pengadaan Barang dan Jasa Kemendikbudristek"),
            T("Pemeriksaan kondisi ruang setelah dipakai"),
            E("Selesai"),
            T("Penolakan peminjaman ruang rapat", n="tolak"),
            T("Pemberitahuan penolakan kepada unit peminjam", c="notif-pemohon"),
            E("Peminjaman ditolak"),
        ]),
    ]),

    Model(F + "kemenkes-permintaan-kendaraan-dinas.bpmn", "legacy", [
        Pool("Kementerian Kesehatan", pid="Process_Kemenkes_KendaraanDinas", pname="Permintaan Kendaraan Dinas Operasional", nodes=[
            L("Satuan Kerja Kemenkes"),
            S("Kebutuhan perjalanan dinas"),
            U("Mengajukan permintaan kendaraan dinas", c="pesan-kendaraan"),
            U("Persetujuan atasan langsung", n="atasan"),
            L("Bagian Rumah Tangga Kemenkes"),
            U("Memeriksa ketersediaan kendaraan dan pengemudi", c="alokasi-kendaraan", n="cek"),
            X("Kendaraan tersedia?", alt=[("sewa", "Tidak")]),
            XJ(n="gab"),
            U("Menerbitkan surat perintah jalan pengemudi"),
            U("Menginformasikan jadwal penjemputan kepada pemohon", c="notif-pemohon"),
            M("Menyerahkan kendaraan kepada pengemudi"),
            U("Mencatat pemakaian BBM dan kilometer kendaraan", c="catat-perjalanan"),
            E("Perjalanan selesai"),
            U("Mengajukan sewa kendaraan kepada penyedia", n="sewa", go="gab"),
        ]),
    ], di=False),
]

MODELS += [
    # ------------------------------------------------------------------ what shared administration replaces: per-ministry correspondence
    Model(F + "kemenkes-pengelolaan-naskah-dinas-masuk.bpmn", "signavio", [
        Pool("Kementerian Kesehatan", pid="sid-KEMENKES-NASKAH-MASUK", pname="Pengelolaan Naskah Dinas Masuk",
             stores=[("srikandi", "SRIKANDI")], nodes=[
                 L("Biro Umum Kemenkes"),
                 S("Naskah dinas diterima", ev="message", n="in"),
                 T("Menerima naskah dinas fisik dan elektronik"),
                 T("Memindai naskah dinas fisik"),
                 T("Mencatat naskah dinas masuk di SRIKANDI", c="agenda-surat", w=["srikandi"], n="catatsurat"),
                 T("Meneruskan naskah kepada pimpinan"),
                 T("Mendisposisikan naskah dinas kepada unit kerja", c="disposisi"),
                 L("Satuan Kerja Kemenkes"),
                 T("Mendistribusikan naskah dinas ke unit pengolah", c="distribusi-surat"),
                 T("Menyusun konsep naskah balasan"),
                 T("Paraf berjenjang dan TTE naskah balasan", c="tanda-tangan"),
                 T("Mengirim naskah balasan melalui SRIKANDI", n="balas"),
                 L("Biro Umum Kemenkes"),
                 T("Mengarsipkan naskah dinas", c="arsip", r=["srikandi"], ext={"durasi": "15 menit"}),
                 E("Naskah selesai diproses"),
             ]),
        Pool("Otorita IKN", blackbox=True),
    ], msgs=[("@1", "in", "Naskah dinas"), ("balas", "@1", "Naskah balasan")]),

    # ------------------------------------------------------------------ what shared administration replaces: per-ministry office supplies
    Model(F + "kemendikbudristek-permintaan-persediaan-atk.bpmn", "semantic", [
        Pool("Kemendikbudristek", pid="_kemendikbud-atk", pname="Permintaan Persediaan Alat Tulis Kantor", nodes=[
            L("Unit Kerja Eselon I Kemendikbudristek"),
            S("Kebutuhan ATK unit kerja"),
            T("Mengajukan permintaan ATK melalui aplikasi persediaan", c="minta-atk"),
            L("Biro Umum dan Pengadaan Barang dan Jasa Kemendikbudristek"),
            T("Persetujuan permintaan ATK oleh Kepala Bagian Umum", n="setujuatk"),
            T("Memeriksa stok persediaan di gudang", n="stok"),
            X("Stok cukup?", alt=[("beli", "Tidak")]),
            XJ(n="gab"),
            T("Menyerahkan ATK kepada unit peminta", c="atk"),
            T("Mencatat mutasi persediaan di SAKTI"),
            T("Menyusun laporan persediaan bulanan"),
            E("Permintaan terpenuhi"),
            T("Mengajukan pengadaan ATK melalui e-Katalog", n="beli"),
            T("Menerima dan memeriksa barang dari penyedia", go="gab"),
        ]),
    ]),
]

MODELS += [
    # ------------------------------------------------------------------ shared services end-to-end: tenant ministry, OIKN desk, BKN
    Model(F + "alur-layanan-bersama-ikn.bpmn", "signavio", [
        Pool("Layanan Bersama Perkantoran IKN", pid="sid-ALUR-LAYANAN-BERSAMA-IKN", pname="Alur Layanan Bersama Perkantoran IKN (lintas instansi)",
             data=[("izin", "Surat Izin Cuti")], nodes=[
                 L("Pegawai"),
                 S("Pegawai K/L di IKN membutuhkan layanan"),
                 X("Jenis layanan?", alt=[("ruang", "Ruang rapat"), ("shuttle", "Transportasi")], yes="Cuti"),
                 U("Mengajukan cuti melalui aplikasi Layanan Bersama IKN", c="ajukan-cuti"),
                 L("Kementerian Kesehatan"),
                 U("Atasan langsung menyetujui permohonan cuti", c="pertimbangan-atasan-cuti", n="atasancuti"),
                 L("Unit Layanan Bersama IKN"),
                 U("Memverifikasi sisa hak cuti pegawai", c="verif-cuti"),
                 U("Menerbitkan surat izin cuti elektronik", c="terbit-izin-cuti", w=["izin"]),
                 L("BKN"),
                 SV("Mencatat cuti pegawai di SIASN", c="input-siasn", r=["izin"]),
                 L("Unit Layanan Bersama IKN"),
                 XJ(n="gab"),
                 SD("Mengirim notifikasi layanan selesai kepada pemohon", c="notif-pemohon"),
                 E("Layanan selesai"),
                 L("Kementerian Kesehatan"),
                 U("Mengajukan pemesanan ruang rapat bersama", n="ruang", c="pesan-ruang"),
                 L("Unit Layanan Bersama IKN"),
                 SV("Memeriksa ketersediaan ruang rapat bersama", c="cek-ketersediaan-ruang", go="gab"),
                 L("Pegawai"),
                 U("Memesan shuttle perkantoran", n="shuttle", c="pesan-kendaraan"),
                 L("Pusat Layanan Transportasi Perkantoran IKN"),
                 SV("Menjadwalkan kendaraan dan pengemudi", c="alokasi-kendaraan", go="gab"),
             ]),
    ], doc="Layanan bersama IKN (rencana SPBE): satu meja layanan untuk cuti, ruang rapat, dan transportasi seluruh K/L."),
]

THEME = dict(
    code="ASN-IKN",
    name_id="Pemindahan ASN ke IKN",
    name_en="Relocation of civil servants to IKN",
    description_id="Penetapan, validasi, pemindahan, pembayaran biaya pindah, hunian, dan penerimaan ASN di Ibu Kota Nusantara, "
                   "serta layanan bersama IKN dalam rencana SPBE: pemesanan ruang kerja bersama, transportasi perkantoran, "
                   "dan layanan administrasi bersama.",
    description_en="Deciding, validating and relocating civil servants to Nusantara, paying relocation costs, housing and "
                   "onboarding, plus the IKN shared services of the SPBE plan: shared office/co-working booking, office "
                   "transport and shared administrative services.",
    spbe_codes=["PB.06.01", "PB.06.02", "LA.02.05"],
    models=["asn-ikn/*.bpmn"],
)

NON_MATCHES = [
    ((F + "pupr-alokasi-hunian-asn.bpmn", "terimapenghuni"), (F + "oikn-penerimaan-asn-pindahan.bpmn", "kepupr"),
     "menerima vs mengirim daftar calon penghuni: two ends of one handoff, not the same work"),
    ((F + "kemendikbudristek-pembayaran-biaya-pindah.bpmn", "pagu"), (F + "kemendikbudristek-usulan-pemindahan-asn.bpmn", "cekberkas"),
     "memeriksa pagu anggaran (data keuangan) vs memeriksa berkas kepegawaian"),
    ((F + "kemendikbudristek-pembayaran-biaya-pindah.bpmn", "spp"), (F + "kemendikbudristek-pembayaran-biaya-pindah.bpmn", "ujispm"),
     "PPSPM menguji SPP dan menerbitkan SPM; KPPN menguji SPM: different step and role in the payment chain"),
    ((F + "kemendikbudristek-pembayaran-biaya-pindah.bpmn", "tolakspm"), (F + "kemendikbudristek-usulan-pemindahan-asn.bpmn", "balik"),
     "mengembalikan SPM (dokumen keuangan) vs mengembalikan berkas kepegawaian"),
    ((F + "kemendikbudristek-peminjaman-ruang-rapat.bpmn", "setuju"), (F + "kemendikbudristek-peminjaman-ruang-rapat.bpmn", "tolak"),
     "menyetujui vs menolak peminjaman"),
    ((F + "bkn-validasi-data-asn-pindah.bpmn", "cocok"), (F + "bkn-validasi-data-asn-pindah.bpmn", "nik"),
     "data kepegawaian (NIP, SIASN) vs data kependudukan (NIK, Dukcapil)"),
    ((F + "kemendikbudristek-usulan-pemindahan-asn.bpmn", "upd"), (F + "bkn-validasi-data-asn-pindah.bpmn", "cocok"),
     "memutakhirkan data di SIASN vs mencocokkan data dengan SIASN"),
]

NON_MATCHES += [
    ((F + "kemenpanrb-penetapan-asn-dipindahkan.bpmn", "rancangan"), (F + "kemendikbudristek-usulan-pemindahan-asn.bpmn", "usulandaftar"),
     "KemenPANRB menyusun rancangan daftar nasional dari usulan vs K/L menyusun usulannya sendiri: different step and level"),
    ((F + "kemenkes-permintaan-kendaraan-dinas.bpmn", "atasan"), ("manajemen-asn/kemenkes-pengajuan-cuti-pegawai.bpmn", "atasan"),
     "persetujuan atasan atas permintaan kendaraan vs pertimbangan atasan atas cuti: different object"),
    ((F + "kemendikbudristek-pembayaran-biaya-pindah.bpmn", "transfer"), ("bansos/bri-penyaluran-bansos-non-tunai.bpmn", "salur"),
     "KPPN mentransfer pembayaran APBN vs bank menyalurkan bansos ke rekening KPM"),
]

NON_MATCHES += [
    ((F + "pupr-alokasi-hunian-asn.bpmn", "sip"), ("manajemen-asn/kemenkes-pengajuan-cuti-pegawai.bpmn", "terbit"),
     "surat izin penghunian vs surat izin cuti: different permit"),
    ((F + "oikn-penerimaan-asn-pindahan.bpmn", "siapruang"), (F + "kemendikbudristek-peminjaman-ruang-rapat.bpmn", "siaprapat"),
     "menyiapkan ruang kerja pegawai baru vs menyiapkan ruang rapat"),
    ((F + "pupr-alokasi-hunian-asn.bpmn", "bast"), ("perizinan/dpmptsp-izin-usaha-risiko-menengah-tinggi.bpmn", "bap"),
     "berita acara serah terima unit vs berita acara pemeriksaan lapangan"),
]

NON_MATCHES += [
    ((F + "kemendikbudristek-permintaan-persediaan-atk.bpmn", "setujuatk"), (F + "kemendikbudristek-peminjaman-ruang-rapat.bpmn", "setuju"),
     "menyetujui permintaan ATK vs menyetujui peminjaman ruang: different object"),
    ((F + "kemenkes-pengelolaan-naskah-dinas-masuk.bpmn", "balas"), (F + "kemenkes-pengelolaan-naskah-dinas-masuk.bpmn", "catatsurat"),
     "mengirim naskah keluar vs mencatat naskah masuk"),
]

NON_MATCHES += [
    ((F + "alur-layanan-bersama-ikn.bpmn", "atasancuti"), (F + "kemenkes-permintaan-kendaraan-dinas.bpmn", "atasan"),
     "persetujuan atasan atas cuti vs atas permintaan kendaraan: different object"),
]
