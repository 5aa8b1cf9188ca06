import Foundation
import Testing

/// Deals headers in Polish, Swedish, Danish, Norwegian, Finnish, Czech, Turkish, Russian, Greek, Japanese,
/// Chinese, Hebrew, Arabic, Korean, Vietnamese and more, each read as the field it names
/// (`HeaderSynonyms`); everyday words among them only as the whole header.
@Suite struct MoreLanguageHeaderTests {
    /// `header`, over a deal row, maps each field in order (deal id, rep, date, amount, split, rate,
    /// commission, then status, cancel date and product when the header has ten) to its header.
    static func expectEachFieldNamed(_ header: [String]) throws {
        let fields = [
            "deal_id", "rep", "date", "amount", "split", "rate", "commission", "status", "cancel_date", "product",
        ]
        let row = ["D-1", "Ana Lima", "2026-07-03", "1000", "1", "0.05", "50", "Won", "", "Cloud"]
        let mapped = try CRMExportHeaderTests.mapped(header, Array(row.prefix(header.count)))
        #expect(mapped == Dictionary(uniqueKeysWithValues: zip(fields, header)))
    }

    @Test func polishHeaders() throws {
        let header = ["Nr transakcji", "Handlowiec", "Data zamknięcia", "Kwota", "Udział", "Stawka", "Prowizja"]
        #expect(
            try CRMExportHeaderTests.mapped(header, ["D-1", "Ana Lima", "2026-07-03", "1000", "1", "0.05", "50"])
                == [
                    "deal_id": "Nr transakcji", "rep": "Handlowiec", "date": "Data zamknięcia", "amount": "Kwota",
                    "split": "Udział", "rate": "Stawka", "commission": "Prowizja",
                ])
    }

    @Test(arguments: [
        ["Affärs-ID", "Säljare", "Stängningsdatum", "Belopp", "Andel", "Provisionssats", "Provision"],
        ["Aftalenummer", "Sælger", "Dato", "Beløb", "Andel", "Sats", "Provision"],
        ["Avtalenummer", "Selger", "Dato", "Beløp", "Andel", "Provisjonssats", "Provisjon"],
        ["Kauppa-ID", "Myyjä", "Päivämäärä", "Summa", "Osuus", "Provisioprosentti", "Provisio"],
        ["Číslo obchodu", "Obchodník", "Datum", "Částka", "Podíl", "Sazba", "Provize"],
        ["Anlaşma No", "Satış Temsilcisi", "Tarih", "Tutar", "Paylaşım", "Oran", "Komisyon"],
    ])
    func nordicFinnishCzechAndTurkishHeaders(_ header: [String]) throws {
        try Self.expectEachFieldNamed(header)
    }

    /// Japanese and Chinese headers, each a word of its own (no spaces between them), name their
    /// fields whole; the Turkish, Czech, Norwegian and Finnish split, status, product and cancel date
    /// too, and the Mexican Spanish deal's `Folio` (a document's number there) and `Estatus`.
    @Test(arguments: [
        ["案件番号", "担当者", "成約日", "受注金額", "按分", "料率", "コミッション", "ステータス", "解約日", "商品"],
        ["合同编号", "销售代表", "成交日期", "金额", "分成比例", "提成比例", "提成", "状态", "取消日期", "产品"],
        ["合約編號", "銷售代表", "簽約日期", "合約金額", "分潤比例", "佣金率", "佣金", "狀態", "退单日期", "產品"],
        [
            "Sözleşme No", "Satış Temsilcisi", "Kapanış Tarihi", "Tutar", "Pay Oranı", "Komisyon Oranı", "Komisyon",
            "Durum", "İptal Tarihi", "Ürün",
        ],
        [
            "Číslo obchodu", "Obchodník", "Datum uzavření", "Částka", "Podíl", "Sazba provize", "Provize", "Stav",
            "Datum storna", "Produkt",
        ],
        [
            "Avtalenummer", "Selger", "Salgsdato", "Beløp", "Andel", "Provisjonssats", "Provisjon", "Status",
            "Kanselleringsdato", "Produkt",
        ],
        [
            "Kauppanumero", "Myyjä", "Kauppapäivä", "Kauppasumma", "Osuus", "Provisioprosentti", "Provisio", "Tila",
            "Peruutuspäivä", "Tuote",
        ],
        [
            "Folio", "Ejecutivo", "Fecha de cierre", "Monto", "Reparto", "% Comisión", "Comisión", "Estatus",
            "Fecha de cancelación", "Producto",
        ],
    ])
    func japaneseChineseTurkishAndCzechHeaders(_ header: [String]) throws {
        try Self.expectEachFieldNamed(header)
    }

    /// Hebrew and Arabic headers name their fields; the everyday `סכום` and `المبلغ` (sum, amount)
    /// and `תאריך`, `التاريخ` (date) only as the whole header: `סכום עמלה` and `مبلغ العمولة` are the
    /// commission's amount.
    @Test(arguments: [
        [
            "מזהה עסקה", "נציג מכירות", "תאריך סגירה", "סכום", "חלוקה", "שיעור עמלה", "עמלה", "סטטוס", "תאריך ביטול",
            "מוצר",
        ],
        [
            "מספר עסקה", "איש מכירות", "תאריך", "סכום עסקה", "אחוז חלוקה", "אחוז עמלה", "סכום עמלה", "סטטוס",
            "תאריך ביטול", "מוצר",
        ],
        [
            "رقم الصفقة", "مندوب المبيعات", "تاريخ الإغلاق", "المبلغ", "نسبة التقسيم", "نسبة العمولة", "العمولة",
            "الحالة", "تاريخ الإلغاء", "المنتج",
        ],
        [
            "معرف الصفقة", "المندوب", "التاريخ", "قيمة الصفقة", "نسبة المشاركة", "معدل العمولة", "مبلغ العمولة",
            "المرحلة", "تاريخ الالغاء", "منتج",
        ],
    ])
    func hebrewAndArabicHeaders(_ header: [String]) throws {
        try Self.expectEachFieldNamed(header)
    }

    /// Korean and Vietnamese headers name their fields, the rate beside the commission whose name it
    /// holds (`수수료율` beside `수수료`, `Tỷ lệ hoa hồng` beside `Hoa hồng`); the everyday `금액` and
    /// `Số tiền` (amount) only as the whole header: `수수료 금액` and `Số tiền hoa hồng` are the
    /// commission's amount.
    @Test(arguments: [
        ["거래 ID", "영업 담당자", "마감일", "금액", "분할", "수수료율", "수수료", "상태", "취소일", "제품"],
        ["계약 번호", "담당자", "계약일", "거래 금액", "분배율", "커미션 비율", "수수료 금액", "단계", "해지일", "상품"],
        [
            "Mã giao dịch", "Nhân viên kinh doanh", "Ngày chốt", "Số tiền", "Tỷ lệ chia", "Tỷ lệ hoa hồng", "Hoa hồng",
            "Trạng thái", "Ngày hủy", "Sản phẩm",
        ],
        [
            "Số hợp đồng", "Nhân viên", "Ngày ký", "Giá trị hợp đồng", "Tỷ lệ phân chia", "Mức hoa hồng",
            "Số tiền hoa hồng", "Trạng thái", "Ngày hủy", "Tên sản phẩm",
        ],
    ])
    func koreanAndVietnameseHeaders(_ header: [String]) throws {
        try Self.expectEachFieldNamed(header)
    }

    /// Hungarian and Indonesian headers name their fields, the rate beside the commission whose
    /// name it holds (`Jutalékkulcs` beside `Jutalék`, `Tarif Komisi` beside `Komisi`).
    @Test(arguments: [
        [
            "Ügylet azonosító", "Értékesítő", "Zárás dátuma", "Összeg", "Megosztás", "Jutalékkulcs", "Jutalék",
            "Állapot", "Lemondás dátuma", "Termék",
        ],
        [
            "ID Transaksi", "Tenaga Penjual", "Tanggal Closing", "Nilai", "Porsi", "Tarif Komisi", "Komisi", "Status",
            "Tanggal Pembatalan", "Produk",
        ],
    ])
    func hungarianAndIndonesianHeaders(_ header: [String]) throws {
        try Self.expectEachFieldNamed(header)
    }

    /// Ukrainian and Romanian headers name their fields, the rate beside the commission whose name
    /// it holds (`Ставка комісії` beside `Комісійні`, `Rată comision` beside `Comision`); the everyday
    /// `Сума`, `Sumă` and `Valoare` (sum, amount, value) name the amount only as the whole header.
    @Test(arguments: [
        [
            "Номер угоди", "Менеджер з продажу", "Дата укладання", "Сума угоди", "Частка", "Ставка комісії",
            "Комісійні", "Статус", "Дата скасування", "Продукт",
        ],
        [
            "№ угоди", "Продавець", "Дата закриття", "Сума", "Частка участі", "Відсоток комісії", "Сума комісії",
            "Етап", "Дата скасування", "Товар",
        ],
        [
            "Nr. tranzacție", "Agent vânzări", "Data închiderii", "Valoare", "Cotă", "Rată comision", "Comision",
            "Stare", "Data anulării", "Produs",
        ],
        [
            "Număr contract", "Vânzător", "Data semnării", "Sumă", "Cotă-parte", "Procent comision",
            "Valoare comision", "Etapă", "Data anulării", "Produs",
        ],
    ])
    func ukrainianAndRomanianHeaders(_ header: [String]) throws {
        try Self.expectEachFieldNamed(header)
    }

    /// Slovak, Croatian, Thai, Malay and Persian headers name their fields, the rate beside the
    /// commission whose name it holds (`Sadzba provízie` beside `Provízia`, `Kadar Komisen` beside
    /// `Komisen`, `อัตราค่าคอมมิชชั่น` beside `ค่าคอมมิชชั่น`, `نرخ پورسانت` beside `پورسانت`); the
    /// everyday `Iznos`, `Amaun` (amount) and `Tarikh`, `تاریخ` (date) only as the whole header.
    @Test(arguments: [
        [
            "Číslo zmluvy", "Predajca", "Dátum uzavretia", "Suma obchodu", "Podiel", "Sadzba provízie", "Provízia",
            "Fáza", "Dátum zrušenia", "Výrobok",
        ],
        [
            "Broj ugovora", "Prodavač", "Datum zaključenja", "Iznos", "Udio", "Stopa provizije", "Iznos provizije",
            "Faza", "Datum otkaza", "Proizvod",
        ],
        [
            "เลขที่ดีล", "พนักงานขาย", "วันที่ปิดการขาย", "มูลค่า", "สัดส่วน", "อัตราค่าคอมมิชชั่น", "ค่าคอมมิชชั่น", "สถานะ",
            "วันที่ยกเลิก", "สินค้า",
        ],
        [
            "No. Urus Niaga", "Jurujual", "Tarikh Tutup", "Amaun", "Bahagian", "Kadar Komisen", "Amaun Komisen",
            "Peringkat", "Tarikh Batal", "Produk",
        ],
        [
            "شناسه معامله", "فروشنده", "تاریخ", "مبلغ معامله", "سهم", "نرخ پورسانت", "پورسانت", "وضعیت", "تاریخ لغو",
            "محصول",
        ],
    ])
    func slovakCroatianThaiMalayAndPersianHeaders(_ header: [String]) throws {
        try Self.expectEachFieldNamed(header)
    }

    /// Bulgarian, Hindi, Bengali, Lithuanian and Latvian headers name their fields, the rate beside
    /// the commission whose name it holds (`Ставка на комисионна` beside `Комисионна`, `कमीशन दर`
    /// beside `कमीशन`, `কমিশনের হার` beside `কমিশন`, `Komisinių tarifas` beside `Komisiniai`,
    /// `Komisijas likme` beside `Komisija`); the everyday `राशि` (amount) and `তারিখ` (date) only as
    /// the whole header: `कमीशन राशि` is the commission.
    @Test(arguments: [
        [
            "Номер на сделка", "Търговец", "Дата на приключване", "Сума", "Дял", "Ставка на комисионна", "Комисионна",
            "Етап", "Дата на анулиране", "Продукт",
        ],
        ["डील आईडी", "विक्रेता", "समापन तिथि", "राशि", "हिस्सा", "कमीशन दर", "कमीशन राशि", "स्थिति", "रद्दीकरण तिथि", "उत्पाद"],
        ["ডিল আইডি", "বিক্রয়কর্মী", "তারিখ", "পরিমাণ", "অংশ", "কমিশনের হার", "কমিশন", "অবস্থা", "বাতিলের তারিখ", "পণ্য"],
        [
            "Sandorio Nr.", "Pardavėjas", "Uždarymo data", "Suma", "Dalis", "Komisinių tarifas", "Komisiniai",
            "Būsena", "Atšaukimo data", "Produktas",
        ],
        [
            "Darījuma Nr.", "Pārdevējs", "Noslēgšanas datums", "Summa", "Daļa", "Komisijas likme", "Komisija",
            "Statuss", "Atcelšanas datums", "Produkts",
        ],
    ])
    func bulgarianHindiBengaliLithuanianAndLatvianHeaders(_ header: [String]) throws {
        try Self.expectEachFieldNamed(header)
    }

    /// Estonian and Slovenian headers name their fields, the rate beside the commission whose name
    /// it holds (`Komisjonitasu määr` beside `Komisjonitasu`, `Stopnja provizije` beside `Provizija`).
    @Test(arguments: [
        [
            "Tehingu nr", "Müügiesindaja", "Sulgemise kuupäev", "Summa", "Osakaal", "Komisjonitasu määr",
            "Komisjonitasu", "Olek", "Tühistamise kuupäev", "Toode",
        ],
        [
            "Št. posla", "Prodajalec", "Datum zaključka", "Znesek", "Delež", "Stopnja provizije", "Provizija",
            "Stanje", "Datum preklica", "Izdelek",
        ],
    ])
    func estonianAndSlovenianHeaders(_ header: [String]) throws {
        try Self.expectEachFieldNamed(header)
    }

    /// Serbian headers in Cyrillic and Catalan ones name their fields; the everyday `Износ` and
    /// `Import` (amount) name the amount only as the whole header: `Износ провизије` and `Import de
    /// la comissió` are the commission. Portuguese `Taxa de comissão` is the rate beside `Comissão`.
    @Test(arguments: [
        [
            "Број уговора", "Продавац", "Датум закључења", "Износ", "Удео", "Стопа провизије", "Провизија", "Фаза",
            "Датум отказа", "Производ",
        ],
        [
            "Núm. operació", "Venedor", "Data de tancament", "Import", "Participació", "Taxa de comissió", "Comissió",
            "Estat", "Data de cancel·lació", "Producte",
        ],
        ["Бр. уговора", "Prodavac", "Датум", "Вредност посла", "Udeo", "Проценат провизије", "Износ провизије"],
        [
            "Operació", "Comercial", "Data", "Import net", "Repartiment", "Percentatge de comissió",
            "Import de la comissió",
        ],
        ["Nº do Negócio", "Vendedor", "Data de fechamento", "Valor", "Participação", "Taxa de comissão", "Comissão"],
    ])
    func serbianCatalanAndPortugueseHeaders(_ header: [String]) throws {
        try Self.expectEachFieldNamed(header)
    }

    /// Russian and Greek headers name their fields; the everyday `Сумма` (sum) and `Ποσό` (amount)
    /// name the amount only as the whole header: `Сумма комиссии`, `Ποσό προμήθειας` are the commission.
    @Test(arguments: [
        [
            "№ сделки", "Менеджер", "Дата закрытия", "Сумма сделки", "Доля", "Ставка комиссии", "Комиссия", "Статус",
            "Дата отмены", "Продукт",
        ],
        [
            "Номер сделки", "Продавец", "Дата", "Сумма", "Доля", "Ставка", "Сумма комиссии", "Этап", "Дата отмены",
            "Товар",
        ],
        [
            "Αρ. συμφωνίας", "Πωλητής", "Ημερομηνία κλεισίματος", "Ποσό", "Ποσοστό συμμετοχής",
            "Συντελεστής προμήθειας",
            "Προμήθεια", "Κατάσταση", "Ημερομηνία ακύρωσης", "Προϊόν",
        ],
        [
            "Αριθμός συμφωνίας", "Πωλήτρια", "Ημερομηνία", "Αξία συμφωνίας", "Μερίδιο", "Ποσοστό προμήθειας",
            "Ποσό προμήθειας", "Στάδιο", "Ημερομηνία ακύρωσης", "Προϊόν",
        ],
    ])
    func russianAndGreekHeaders(_ header: [String]) throws {
        try Self.expectEachFieldNamed(header)
    }

    /// `Kwota` (amount) among other words is no amount: `Kwota prowizji` and `Wartość prowizji` are the
    /// commission, `Kwota sprzedaży` the amount, `Kwota (PLN)` still the amount alone.
    @Test(arguments: [
        (["Kwota sprzedaży", "Kwota prowizji"], "Kwota sprzedaży", "Kwota prowizji"),
        (["Kwota (PLN)", "Wartość prowizji"], "Kwota (PLN)", "Wartość prowizji"),
    ])
    func polishAmountsOfTheCommissionAreTheCommission(_ figures: [String], amount: String, commission: String)
        throws
    {
        let header = ["Nr transakcji", "Handlowiec", "Data zamknięcia"] + figures
        let mapped = try CRMExportHeaderTests.mapped(header, ["D-1", "Ana Lima", "2026-07-03", "1000", "50"])
        #expect(mapped["amount"] == amount)
        #expect(mapped["commission"] == commission)
    }

    /// Everyday words (`HeaderSynonyms.wholeHeaderOnly`: `Sats`, `Oran`, `Andel`) name their field
    /// only as the whole header, bar `%` and brackets: a VAT rate (`Moms sats`, `KDV Oran`) or a
    /// share of a discount is no commission rate or split.
    @Test(
        arguments: [
            (["Aftalenummer", "Sælger", "Dato", "Beløb", "Moms sats", "Provision"], "rate", nil),
            (["Aftalenummer", "Sælger", "Dato", "Beløb", "Sats %", "Provision"], "rate", "Sats %"),
            (["Anlaşma No", "Satış Temsilcisi", "Tarih", "Tutar", "KDV Oran", "Komisyon"], "rate", nil),
            (["Anlaşma No", "Satış Temsilcisi", "Tarih", "Tutar", "Oran (%)", "Komisyon"], "rate", "Oran (%)"),
            (["Affärs-ID", "Säljare", "Datum", "Belopp", "Andel rabatt", "Provision"], "split", nil),
            (["Affärs-ID", "Säljare", "Datum", "Belopp", "Andel", "Provision"], "split", "Andel"),
        ] as [([String], String, String?)])
    func everydayWordsNameAFieldOnlyAsTheWholeHeader(_ header: [String], field: String, named: String?) throws {
        let mapped = try CRMExportHeaderTests.mapped(header, ["D-1", "Ana Lima", "2026-07-03", "1000", "0.25", "50"])
        #expect(mapped[field] == named, "\(header)")
    }

    /// A commission's header in the plural (`Provisionen`, `Comissões`) is the commission.
    @Test(arguments: [
        ["Auftragsnummer", "Verkäufer", "Abschlussdatum", "Betrag", "Satz", "Provisionen"],
        ["ID do negócio", "Vendedor", "Data de fechamento", "Valor", "Taxa", "Comissões"],
    ])
    func aCommissionInThePluralIsTheCommission(_ header: [String]) throws {
        let mapped = try CRMExportHeaderTests.mapped(header, ["D-1", "Ana Lima", "2026-07-03", "1000", "0.05", "50"])
        #expect(mapped["commission"] == header[5])
        #expect(mapped["rate"] == header[4])
    }

    /// `Amount Payable` beside the deal's amount is the commission; alone, the amount.
    @Test(arguments: [
        (["Deal ID", "Rep", "Close Date", "Deal Value", "Amount Payable"], "Deal Value", "Amount Payable"),
        (["Deal ID", "Rep", "Close Date", "Amount Payable", "Commission"], "Amount Payable", "Commission"),
    ])
    func amountPayableBesideTheAmountIsTheCommission(_ header: [String], amount: String, commission: String) throws {
        let mapped = try CRMExportHeaderTests.mapped(header, ["D-1", "Ana Lima", "2026-07-03", "1000", "50"])
        #expect(mapped["amount"] == amount)
        #expect(mapped["commission"] == commission)
    }

    /// `Booked` alone is the date; `Booked Amount` beside it stays the amount.
    @Test func bookedAloneIsTheDate() throws {
        let header = ["Deal ID", "Rep", "Booked", "Booked Amount", "Commission"]
        #expect(
            try CRMExportHeaderTests.mapped(header, ["D-1", "Ana Lima", "2026-07-03", "1000", "50"])
                == [
                    "deal_id": "Deal ID", "rep": "Rep", "date": "Booked", "amount": "Booked Amount",
                    "commission": "Commission",
                ])
    }
}
