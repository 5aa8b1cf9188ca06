/// Headers in the languages of the teams that keep commission workbooks (Spanish, Portuguese,
/// French, German, Italian, Dutch, Polish, Swedish, Danish, Norwegian, Finnish, Czech, Turkish, Russian,
/// Greek, Japanese, Chinese, Hebrew, Arabic, Korean, Vietnamese, Hungarian, Indonesian, Ukrainian,
/// Romanian, Slovak, Croatian, Thai, Malay, Persian, Bulgarian, Hindi, Bengali, Lithuanian, Latvian, Estonian,
/// Slovenian; Serbian and Catalan in `serbianAndCatalan`, Georgian and Azerbaijani in
/// `georgianAndAzerbaijani`), by the English field name they stand for: the one table for every
/// reader (deals, summary sheets, total rows). English synonyms stay beside
/// each field (`Field.synonyms`); a plan's `columns:` and `--map` come before all of them.
/// docs/layouts.md lists them.
public enum HeaderSynonyms {
    /// Field name (`deal_id`, `rep`, …, and the summary's `period`, `earned`, …) → headers.
    public static let translations: [String: [String]] = [
        "deal_id": [
            "ID Operación", "Operación", "N.º operación", "Folio", "ID Oportunidad", "Oportunidad", "ID Negocio",
            "ID do negócio", "Negócio", "Oportunidade", "N° affaire", "Affaire", "N° opportunité", "Opportunité",
            "Auftragsnummer", "Auftrag", "Deal-Nr", "Verkaufschance", "ID contratto", "Contratto", "Opportunità",
            "N. contratto", "Auftrags-Nr", "Vertragsnummer", "Vertrags-Nr", "Abschluss-Nr", "Vorgangsnummer",
            "Dealnummer", "Ordernummer", "Opdrachtnummer", "Verkaufsbeleg", "Belegnummer", "Datensatz-ID",
            "ID de registro", "ID de fiche d'informations", "Nr transakcji", "ID transakcji", "Numer transakcji",
            "Nr umowy", "Numer umowy", "Affärs-ID", "Affärsnummer", "Aftalenummer", "Avtalenummer",
            "Kauppa-ID", "Kauppanumero", "Kaupan numero", "Sopimusnumero", "ID obchodu", "Číslo obchodu",
            "Číslo smlouvy", "Anlaşma No", "Anlaşma ID", "Fırsat No", "Fırsat ID", "Sözleşme No", "İşlem No", "案件番号",
            "案件ID", "案件No", "商談ID", "商談番号", "受注番号", "契約番号", "合同编号", "订单编号", "商机编号", "交易编号", "交易ID", "合約編號", "訂單編號",
            "商機編號",
            "№ сделки", "Номер сделки", "ID сделки", "Сделка", "№ договора", "Номер договора", "Αρ. συμφωνίας",
            "Αριθμός συμφωνίας", "Κωδικός συμφωνίας", "Συμφωνία", "Αρ. σύμβασης",
            "מזהה עסקה", "מספר עסקה", "מס' עסקה", "עסקה", "رقم الصفقة", "معرف الصفقة", "الصفقة", "رقم العقد",
            "거래 ID", "거래 번호", "거래번호", "계약 번호", "계약번호", "딜 번호", "Mã giao dịch", "Số giao dịch", "Mã hợp đồng",
            "Số hợp đồng", "Mã đơn hàng", "Số đơn hàng",
            "Ügylet azonosító", "Ügyletazonosító", "Ügyletszám", "Szerződésszám", "ID Transaksi", "No Transaksi",
            "Nomor Transaksi", "No. Transaksi", "Nomor Kontrak",
            "Номер угоди", "№ угоди", "ID угоди", "Угода", "Номер договору", "№ договору",
            "Nr. tranzacție", "ID tranzacție", "Număr tranzacție", "Tranzacție", "Nr. contract", "Număr contract",
            "Číslo zmluvy", "Číslo objednávky", "Broj ugovora", "Broj posla", "ID posla", "เลขที่ดีล", "รหัสดีล", "เลขที่สัญญา",
            "No. Urus Niaga", "ID Urus Niaga", "No. Perjanjian", "شناسه معامله", "شماره معامله", "شماره قرارداد",
            "Номер на сделка", "№ на сделка", "ID на сделка", "Номер на договор", "डील आईडी", "डील नंबर", "सौदा आईडी",
            "सौदा संख्या", "अनुबंध संख्या", "ডিল আইডি", "ডিল নম্বর", "চুক্তি নম্বর",
            "Sandorio Nr.", "Sandorio numeris", "Sandorio ID", "Sutarties Nr.", "Darījuma Nr.", "Darījuma numurs",
            "Darījuma ID", "Līguma Nr.",
            "Tehingu nr", "Tehingu number", "Tehingu ID", "Lepingu nr", "Št. posla", "Številka posla", "ID posla",
            "Št. pogodbe",
        ],
        "rep": [
            "Comercial", "Vendedor", "Representante", "Ejecutivo", "Ejecutivo de cuenta", "Consultor",
            "Chargé d'affaires", "Executivo de vendas",
            "Commercial", "Vendeur", "Représentant", "Vertriebsmitarbeiter", "Verkäufer", "Mitarbeiter",
            "Berater", "Venditore", "Agente", "Commerciale", "Responsabile", "Vendedora", "Vertriebler",
            "Verkäuferin", "Vertriebsmitarbeiterin", "Außendienstmitarbeiter", "Kundenbetreuer", "Verkoper",
            "Verkoopster", "Vertegenwoordiger", "Accountmanager", "Handlowiec", "Sprzedawca", "Przedstawiciel handlowy",
            "Säljare", "Försäljare", "Sælger", "Selger", "Myyjä", "Myyntiedustaja", "Obchodník", "Obchodní zástupce",
            "Prodejce", "Satış Temsilcisi", "Temsilci", "Satıcı", "担当者", "営業担当", "営業担当者", "担当営業", "销售代表", "销售人员", "销售",
            "业务员", "負責業務", "銷售代表", "業務員",
            "Менеджер", "Менеджер по продажам", "Продавец", "Торговый представитель", "Πωλητής", "Πωλήτρια",
            "Υπεύθυνος πωλήσεων", "Εκπρόσωπος πωλήσεων",
            "נציג", "נציג מכירות", "נציגת מכירות", "איש מכירות", "אשת מכירות", "סוכן מכירות", "المندوب", "مندوب",
            "مندوب المبيعات", "مندوب مبيعات", "البائع", "ممثل المبيعات",
            "영업 담당자", "영업담당자", "담당자", "영업 사원", "영업사원", "판매 담당자", "Nhân viên kinh doanh", "Nhân viên bán hàng",
            "Nhân viên", "NVKD", "Người bán", "Đại diện bán hàng",
            "Értékesítő", "Üzletkötő", "Kereskedő", "Tenaga Penjual", "Tenaga Penjualan", "Wiraniaga", "Penjual",
            "Nama Sales",
            "Менеджер з продажу", "Менеджер з продажів", "Продавець", "Торговий представник", "Agent vânzări",
            "Agent de vânzări", "Vânzător", "Reprezentant vânzări",
            "Predajca", "Obchodný zástupca", "Prodavač", "Prodajni predstavnik", "Komercijalist", "พนักงานขาย",
            "ผู้แทนขาย",
            "Jurujual", "Wakil Jualan", "Eksekutif Jualan", "فروشنده", "کارشناس فروش", "نماینده فروش",
            "Търговец", "Търговски представител", "Търговски агент", "विक्रेता", "बिक्री प्रतिनिधि", "सेल्स प्रतिनिधि",
            "বিক্রয়কর্মী", "বিক্রয় প্রতিনিধি", "বিক্রেতা",
            "Pardavėjas", "Pardavimų vadybininkas", "Pardavimų atstovas", "Pārdevējs", "Pārdošanas vadītājs",
            "Pārdošanas pārstāvis",
            "Müügiesindaja", "Müüja", "Müügijuht", "Prodajalec", "Prodajalka", "Komercialist",
        ],
        "date": [
            "Fecha", "Fecha de cierre", "Fecha cierre", "Data", "Data de fechamento", "Data de fecho", "Date",
            "Date de signature", "Date de clôture", "Datum", "Abschlussdatum", "Vertragsdatum", "Auftragsdatum",
            "Data di chiusura",
            "Data chiusura", "Sluitingsdatum", "Afsluitdatum", "Orderdatum", "Belegdatum", "Fakturadatum",
            "Schlusstermin",
            "Date de fermeture", "Data zamknięcia", "Data zawarcia", "Data sprzedaży", "Stängningsdatum",
            "Avslutsdatum", "Affärsdatum", "Dato", "Lukkedato", "Salgsdato", "Päivämäärä", "Päiväys", "Sulkemispäivä",
            "Kauppapäivä", "Datum uzavření", "Datum obchodu", "Tarih", "Kapanış Tarihi", "Satış Tarihi", "成約日", "受注日",
            "契約日", "計上日", "クローズ日", "成交日期", "签约日期", "签单日期", "日期", "成交日", "簽約日期",
            "Дата", "Дата закрытия", "Дата сделки", "Дата заключения", "Ημερομηνία", "Ημερομηνία κλεισίματος",
            "Ημερομηνία συμφωνίας",
            "תאריך", "תאריך סגירה", "תאריך עסקה", "التاريخ", "تاريخ", "تاريخ الإغلاق", "تاريخ الاغلاق", "تاريخ الصفقة",
            "마감일", "계약일", "수주일", "거래일", "성사일", "마감 일자", "계약 일자", "Ngày chốt", "Ngày ký", "Ngày ký hợp đồng",
            "Ngày giao dịch", "Ngày chốt đơn",
            "Zárás dátuma", "Lezárás dátuma", "Szerződés dátuma", "Tanggal", "Tanggal Closing",
            "Tanggal Penutupan", "Tanggal Transaksi", "Tanggal Kontrak",
            "Дата укладання", "Дата закриття", "Дата угоди", "Data închiderii", "Data încheierii", "Data tranzacției",
            "Data semnării",
            "Dátum uzavretia", "Dátum uzatvorenia", "Datum zaključenja", "Datum sklapanja", "Datum ugovora",
            "วันที่ปิดการขาย",
            "วันที่ปิดดีล", "วันที่ทำสัญญา", "วันที่", "Tarikh Tutup", "Tarikh Urus Niaga", "Tarikh Jualan", "Tarikh",
            "تاریخ بستن", "تاریخ بسته شدن", "تاریخ بسته‌شدن", "تاریخ انعقاد", "تاریخ معامله", "تاریخ قرارداد",
            "تاریخ",
            "Дата на приключване", "Дата на сключване", "Дата на сделката", "Дата на затваряне", "समापन तिथि",
            "सौदे की तिथि", "तिथि", "दिनांक", "সমাপ্তির তারিখ", "চুক্তির তারিখ", "তারিখ",
            "Uždarymo data", "Sandorio data", "Sutarties data", "Noslēgšanas datums", "Darījuma datums",
            "Slēgšanas datums", "Līguma datums",
            "Sulgemise kuupäev", "Tehingu kuupäev", "Lepingu kuupäev", "Datum zaključka", "Datum posla",
            "Datum sklenitve",
        ],
        "amount": [
            "Importe", "Monto", "Valor", "Montant", "Montant HT", "Betrag", "Umsatz", "Auftragswert", "Importo",
            "Valore", "Fatturato", "Nettobetrag", "Bruttobetrag", "Gesamtbetrag", "Auftragsvolumen", "Vertragswert",
            "Nettoumsatz", "Bedrag", "Omzet", "Waarde", "Orderwaarde", "Dealwaarde", "Nettowert", "Kwota", "Wartość",
            "Wartość netto", "Kwota netto", "Belopp", "Värde", "Ordervärde", "Affärsvärde", "Beløb", "Beløp", "Summa",
            "Määrä", "Arvo", "Kauppasumma", "Částka", "Hodnota", "Tutar", "Miktar", "Satış Tutarı", "Kwota sprzedaży",
            "Kwota transakcji", "Wartość sprzedaży", "Wartość transakcji", "金額", "受注金額", "契約金額", "売上金額", "売上", "金额",
            "合同金额", "成交金额", "销售额", "合約金額", "成交金額", "銷售額",
            "Сумма", "Сумма сделки", "Стоимость", "Выручка", "Ποσό", "Αξία", "Αξία συμφωνίας",
            "סכום", "סכום עסקה", "שווי עסקה", "ערך עסקה", "المبلغ", "مبلغ", "مبلغ الصفقة", "قيمة الصفقة",
            "금액", "거래 금액", "거래금액", "계약 금액", "계약금액", "수주 금액", "매출", "Số tiền", "Giá trị", "Giá trị hợp đồng",
            "Giá trị giao dịch", "Doanh số", "Thành tiền",
            "Összeg", "Nettó összeg", "Ügylet értéke", "Érték", "Nilai", "Nilai Transaksi", "Nilai Kontrak", "Nominal",
            "Сума", "Сума угоди", "Вартість", "Виручка", "Valoare", "Valoare tranzacție", "Valoarea tranzacției",
            "Sumă",
            "Valoare netă",
            "Suma obchodu", "Čiastka", "Hodnota obchodu", "Iznos", "Iznos posla", "Vrijednost", "Vrijednost posla",
            "มูลค่า",
            "มูลค่าดีล", "ยอดขาย", "จำนวนเงิน", "Amaun", "Nilai Urus Niaga", "Jumlah Jualan", "مبلغ معامله", "ارزش معامله",
            "Сума на сделката", "Стойност на сделката", "Стойност", "राशि", "सौदा राशि", "डील राशि", "পরিমাণ",
            "ডিলের পরিমাণ",
            "Sandorio suma", "Sandorio vertė", "Darījuma summa", "Darījuma vērtība",
            "Tehingu summa", "Tehingu väärtus", "Znesek", "Znesek posla", "Vrednost posla",
        ],
        "split": [
            "Reparto", "Participación", "Participação", "Rateio", "Divisão", "Partilha", "Partage", "Quote-part",
            "Anteil", "Ripartizione", "Aandeel", "Verdeling", "Udział", "Podział", "Andel", "Fördelning", "Osuus",
            "Podíl",
            "Paylaşım", "Pay Oranı", "Paylaşım Oranı", "Bölüşüm", "按分", "按分率", "配分率", "分成比例", "分配比例", "分成", "分潤比例",
            "Доля", "Доля участия", "Μερίδιο", "Ποσοστό συμμετοχής",
            "חלוקה", "אחוז חלוקה", "נתח", "نسبة التقسيم", "التقسيم", "نسبة المشاركة",
            "분할", "분배", "분배율", "배분율", "분할 비율", "분할비율", "Tỷ lệ chia", "Tỷ lệ phân chia", "Phân chia",
            "Megosztás", "Részesedés", "Porsi", "Pembagian",
            "Частка", "Частка участі", "Cotă", "Cotă-parte",
            "Podiel", "Udio", "Udio u poslu", "สัดส่วน", "สัดส่วนการแบ่ง", "Bahagian", "Peratus Bahagian", "سهم", "درصد سهم",
            "Дял", "Дял от сделката", "हिस्सा", "विभाजन", "অংশ", "ভাগ",
            "Dalis", "Daļa",
            "Osakaal", "Delež",
        ],
        "product": [
            "Producto", "Produto", "Produit", "Produkt", "Prodotto", "Materialkurztext", "Materialbezeichnung",
            "Gamme", "Gamme de produits", "Ligne de produits", "Famille de produits", "Línea de producto",
            "Línea de productos", "Familia de productos", "Linha de produto", "Produktkategorie", "Tuote", "Ürün", "商品",
            "製品",
            "商品名", "产品", "产品名称", "產品",
            "Продукт", "Товар", "Προϊόν",
            "מוצר", "المنتج", "منتج",
            "제품", "상품", "품목", "제품명", "상품명", "Sản phẩm", "Tên sản phẩm",
            "Termék", "Produk",
            "Produs",
            "Výrobok", "Proizvod", "สินค้า", "ผลิตภัณฑ์", "محصول", "کالا",
            "उत्पाद", "পণ্য",
            "Produktas", "Produkts",
            "Toode", "Izdelek",
        ],
        "type": [
            "Tipo", "Tipo de operación", "Type d'affaire", "Art", "Typ", "Auftragsart", "Soort", "Tyyppi", "Tür", "種別",
            "区分",
            "类型", "類型",
            "Тип", "Тип сделки", "Τύπος", "Είδος",
            "סוג עסקה", "نوع الصفقة",
            "유형", "거래 유형", "Loại giao dịch",
            "Típus", "Jenis",
            "Тип угоди", "Tip tranzacție",
            "Vrsta", "ประเภท", "نوع معامله",
            "Вид на сделката", "प्रकार", "ধরন",
        ],
        "status": [
            "Estado", "Estatus", "Situação", "Status", "Statut", "Stato", "Etapa", "Étape", "Phase", "Fase", "Tila",
            "Stav", "Durum",
            "ステータス", "状態", "状态", "狀態",
            "Статус", "Этап", "Κατάσταση", "Στάδιο",
            "סטטוס", "الحالة", "المرحلة",
            "상태", "단계", "Trạng thái",
            "Állapot", "Státusz",
            "Етап", "Stare", "Etapă",
            "Fáza", "Faza", "สถานะ", "Peringkat", "وضعیت",
            "स्थिति", "चरण", "অবস্থা", "পর্যায়",
            "Būsena", "Statuss",
            "Olek", "Staatus", "Stanje",
        ],
        "cancel_date": [
            "Fecha de cancelación", "Data de cancelamento", "Date d'annulation", "Stornodatum",
            "Data di annullamento", "Annuleringsdatum", "Data anulowania", "Avbokningsdatum", "Annulleringsdato",
            "Kanselleringsdato", "Peruutuspäivä",
            "Datum storna", "Datum zrušení", "İptal Tarihi", "解約日", "キャンセル日", "取消日期", "退单日期",
            "Дата отмены", "Дата расторжения", "Ημερομηνία ακύρωσης",
            "תאריך ביטול", "تاريخ الإلغاء", "تاريخ الالغاء",
            "취소일", "해지일", "Ngày hủy",
            "Lemondás dátuma", "Sztornó dátuma", "Tanggal Pembatalan", "Tanggal Batal",
            "Дата скасування", "Data anulării",
            "Dátum zrušenia", "Datum otkaza", "Datum storniranja", "วันที่ยกเลิก", "Tarikh Batal", "Tarikh Pembatalan",
            "تاریخ لغو",
            "Дата на анулиране", "रद्द करने की तिथि", "रद्दीकरण तिथि", "বাতিলের তারিখ",
            "Atšaukimo data", "Atcelšanas datums",
            "Tühistamise kuupäev", "Datum preklica",
        ],
        "rate": [
            "Tasa", "Tasa de comisión", "Taxa", "Taxa de comissão", "Percentual de comissão", "Taux",
            "Taux de commission", "Satz", "Provisionssatz", "Aliquota",
            "Percentage",
            "Commissiepercentage", "Provisiepercentage", "Tarief", "Stawka", "Stawka prowizji", "Provisionsprocent",
            "Provisionssats", "Provisjonssats", "Sats", "Provisioprosentti", "Sazba", "Sazba provize", "Oran",
            "Komisyon Oranı", "料率", "コミッション率", "手数料率", "歩合率", "提成比例", "提成率", "佣金率", "佣金比例",
            "Ставка", "Ставка комиссии", "Процент комиссии", "Συντελεστής", "Συντελεστής προμήθειας",
            "Ποσοστό προμήθειας",
            "שיעור עמלה", "אחוז עמלה", "نسبة العمولة", "معدل العمولة",
            "수수료율", "커미션율", "수수료 비율", "커미션 비율", "Tỷ lệ hoa hồng", "Mức hoa hồng",
            "Jutalékkulcs", "Jutalék %", "Jutalékszázalék", "Tarif Komisi", "Persentase Komisi", "Rate Komisi",
            "Ставка комісії", "Відсоток комісії", "Rată comision", "Procent comision",
            "Sadzba provízie", "Percento provízie", "Stopa provizije", "Postotak provizije", "อัตราค่าคอมมิชชั่น",
            "อัตราคอมมิชชั่น", "Kadar Komisen", "Peratus Komisen", "نرخ پورسانت", "درصد پورسانت", "نرخ کمیسیون",
            "Ставка на комисионна", "Ставка на комисионната", "Процент комисионна", "कमीशन दर", "कमीशन प्रतिशत",
            "কমিশনের হার", "কমিশন হার",
            "Komisinių tarifas", "Komisinių procentas", "Komisijos tarifas", "Komisijas likme", "Komisijas procents",
            "Komisjonitasu määr", "Komisjonitasu protsent", "Vahendustasu määr", "Stopnja provizije",
            "Provizijska stopnja", "Odstotek provizije",
        ],
        "commission": [
            "Comisión", "Comisiones", "Comissão", "Commission", "Provision", "Provvigione", "Provvigioni", "Commissie",
            "Provisie", "Prowizja", "Provisjon", "Provisio", "Palkkio", "Provize", "Komisyon", "Komisyon Tutarı",
            "Kwota prowizji", "Wartość prowizji", "Provisionen", "Comissões", "コミッション", "手数料", "歩合", "提成", "佣金", "提成金额",
            "佣金金额", "佣金金額",
            "Комиссия", "Комиссии", "Комиссионные", "Сумма комиссии", "Вознаграждение", "Προμήθεια", "Προμήθειες",
            "Ποσό προμήθειας",
            "עמלה", "עמלות", "סכום עמלה", "العمولة", "عمولة", "العمولات", "مبلغ العمولة",
            "수수료", "커미션", "수수료 금액", "커미션 금액", "Hoa hồng", "Tiền hoa hồng", "Số tiền hoa hồng",
            "Jutalék", "Jutalék összege", "Komisi", "Nilai Komisi", "Jumlah Komisi",
            "Комісія", "Комісійні", "Сума комісії", "Винагорода", "Comision", "Comisioane", "Valoare comision",
            "Provízia", "Výška provízie", "Provizija", "Iznos provizije", "ค่าคอมมิชชั่น", "ค่าคอม", "คอมมิชชั่น", "Komisen",
            "Amaun Komisen", "پورسانت", "کمیسیون", "مبلغ پورسانت",
            "Комисионна", "Комисионни", "Сума на комисионната", "कमीशन", "कमीशन राशि", "কমিশন", "কমিশনের পরিমাণ",
            "Komisiniai", "Komisinių suma", "Komisija", "Komisijas summa",
            "Komisjonitasu", "Vahendustasu", "Komisjonitasu summa", "Znesek provizije",
        ],
        "bonus": [
            "Bono", "Bônus", "Prime", "Bonus", "Prämie", "Premio", "Premi", "Premie", "Premia", "Prémie", "Prim",
            "İkramiye", "Prämien", "Bonos", "Primes", "賞与", "ボーナス", "奖金", "獎金",
            "Бонус", "Премия", "Μπόνους",
            "בונוס", "מענק", "المكافأة", "مكافأة", "الحافز",
            "보너스", "상여금", "성과급", "Thưởng", "Tiền thưởng",
            "Bónusz", "Prémium", "Insentif",
            "Премія", "Primă",
        ],
        "quota": [
            "Cuota", "Objetivo", "Cota", "Meta", "Objectif", "Quote", "Ziel", "Quota", "Obiettivo", "Quotum", "Doel",
            "План", "План продаж", "Στόχος", "Στόχος πωλήσεων",
            "יעד", "מכסה", "الهدف", "الحصة المستهدفة",
            "목표", "할당량", "Chỉ tiêu", "Mục tiêu",
            "Célérték", "Kvóta", "Kuota",
            "Țintă",
        ],
        "period": [
            "Periodo", "Período", "Trimestre", "Mes", "Mês", "Période", "Mois", "Zeitraum", "Quartal", "Monat", "Maand",
            "Kwartaal", "Okres", "Miesiąc", "Kwartał", "Månad", "Måned", "Kvartal", "Kausi", "Kuukausi", "Období",
            "Měsíc",
            "Dönem", "期間", "四半期", "期间", "月份", "季度",
            "Период", "Месяц", "Квартал", "Περίοδος", "Μήνας", "Τρίμηνο",
            "תקופה", "חודש", "רבעון", "الفترة", "فترة", "الشهر", "الربع",
            "기간", "분기", "Kỳ", "Tháng", "Quý",
            "Időszak", "Hónap", "Negyedév", "Periode", "Bulan", "Kuartal",
            "Період", "Місяць", "Perioadă", "Perioada", "Lună", "Luna", "Trimestru",
            "Obdobie", "Mesiac", "Štvrťrok", "Razdoblje", "Mjesec", "Tromjesečje", "งวด", "เดือน", "ไตรมาส", "Tempoh",
            "Suku Tahun", "دوره", "ماه", "فصل",
            "Месец", "Тримесечие", "अवधि", "महीना", "तिमाही", "সময়কাল", "মাস", "ত্রৈমাসিক",
            "Laikotarpis", "Mėnuo", "Ketvirtis", "Periods", "Mēnesis", "Ceturksnis",
            "Periood", "Kuu", "Obdobje", "Mesec", "Četrtletje",
        ],
        "clawback": [
            "Recuperación", "Estorno", "Reprise", "Rückforderung", "Storno", "Storni", "Terugvordering",
            "Zwrot prowizji", "Zwrot", "Återkrav", "Tilbagebetaling", "Tilbakebetaling", "Rückforderungen",
            "Recuperaciones", "Reprises", "Estornos", "Tilbageførsel", "Tilbakeføring", "Takaisinperintä", "Geri Alım",
            "戻し", "返還", "追回", "扣回",
            "Возврат комиссии", "Возврат", "Сторно", "Ανάκτηση προμήθειας", "Ανάκτηση", "Επιστροφή προμήθειας",
            "החזר עמלה", "استرداد العمولة",
            "환수", "수수료 환수", "Thu hồi", "Thu hồi hoa hồng",
            "Jutalék visszavonás", "Visszavonás", "Penarikan Komisi",
            "Повернення комісії", "Recuperare comision",
        ],
        "true_up": [
            "Ajuste", "Acerto", "Régularisation", "Ausgleich", "Conguaglio", "Verrekening", "Wyrównanie", "Justering",
            "Ausgleiche", "Ajustes", "Régularisations", "Acertos", "Regulering", "Oikaisu", "Düzeltme", "Doúčtování",
            "調整", "调整",
            "Корректировка", "Перерасчёт", "Συμψηφισμός", "Διόρθωση", "Προσαρμογή",
            "התאמה", "تسوية",
            "조정", "정산", "Điều chỉnh",
            "Korrekció", "Penyesuaian",
            "Коригування", "Regularizare",
        ],
        "earned": [
            "Total devengado", "Devengado", "Total ganho", "Ganho", "Total acquis", "Acquis", "Verdient",
            "Gesamt verdient", "Totale maturato", "Maturato", "Totaal verdiend", "Verdiend", "Razem naliczone",
            "Naliczone", "Intjänat", "Optjent", "Opptjent", "Ansaittu", "Toplam Hak Ediş", "Hak Ediş", "Nárok celkem",
            "Nárok", "Celkem",
            "Toplam", "支給総額", "合計", "应得合计", "应得", "合计",
            "Итого начислено", "Начислено", "Σύνολο δεδουλευμένων", "Δεδουλευμένα",
            "Нараховано", "Разом нараховано", "Total câștigat",
        ],
        "draw": [
            "Anticipo", "Adiantamento", "Avance", "Vorschuss", "Voorschot", "Zaliczka", "Förskott", "Forskud",
            "Forskudd", "Vorschüsse", "Anticipos", "Avances", "Adiantamentos", "Ennakko", "Avans", "Záloha", "前払",
            "前払金", "预支",
            "Аванс", "Προκαταβολή",
            "מקדמה", "سلفة",
            "선지급", "가불", "Tạm ứng",
            "Előleg", "Uang Muka",
        ],
        "payable": [
            "A pagar", "À payer", "Auszahlung", "Zu zahlen", "Da pagare", "Te betalen", "Uit te betalen", "Do wypłaty",
            "Att betala", "Til udbetaling", "Til utbetaling", "Maksettava", "Ödenecek", "K výplatě", "支払額", "应付", "应发",
            "К выплате", "К оплате", "Πληρωτέο", "Πληρωτέο ποσό",
            "לתשלום", "المستحق",
            "지급액", "Phải trả", "Thực lĩnh",
            "Fizetendő", "Kifizetendő", "Dibayarkan",
            "До виплати", "De plată",
        ],
        "balance": [
            "Saldo", "Solde", "Bakiye", "Zůstatek", "残高", "余额", "Остаток", "Сальдо", "Υπόλοιπο",
            "יתרה", "الرصيد",
            "잔액", "Số dư",
            "Egyenleg",
            "Залишок",
        ],
    ]

    /// Translations that are everyday words, which name their field only as the whole header
    /// (`LooseHeaders`): `Kwota` alone is the amount, `Kwota prowizji` (the commission's amount) is
    /// not, nor `Kwota VAT`; `Sats`, `Oran` alone are the rate, `Dato` the date, `Andel` the split.
    public static let wholeHeaderOnly: [String] = [
        "Kwota", "Summa", "Andel", "Sats", "Dato", "Tutar", "Oran", "Сумма", "Ποσό", "Дата", "План", "Тип", "Ставка",
        "Συντελεστής", "Ημερομηνία", "Αξία", "סכום", "תאריך", "مبلغ", "المبلغ", "تاريخ", "التاريخ", "금액", "Số tiền",
        "Giá trị", "Nhân viên", "Kỳ", "Tháng", "Érték", "Tanggal", "Nilai", "Nominal", "Bulan", "Сума", "Sumă",
        "Valoare",
        "Luna", "Iznos", "Vrijednost", "Amaun", "Tarikh", "วันที่", "تاریخ", "Стойност", "राशि", "तिथि", "दिनांक", "পরিমাণ",
        "তারিখ", "Износ", "Вредност", "Vrednost", "Датум", "Import",
    ]

    /// Headers cut short as teams write them (`Nº Op.`, `Vdor.`, `F. cierre`, `Imp.`, `Comis.`, and
    /// the German `Betr.`, `Prov.`), by field name: a header names a field by one of these only when
    /// no header names it in full, and only when no other header is cut short the same way (`Prov.`
    /// may be a province beside a `Comisión` column; `Imp.` a tax beside an `Importe`).
    public static let abbreviations: [String: [String]] = [
        "deal_id": [
            "Nº Op.", "Núm. Op.", "Nº Oper.", "Núm. Oper.", "Id. Op.", "Nº Neg.", "Nº Oport.", "Nº Opp.", "Auftr.-Nr.",
            "Vertr.-Nr.", "Cód. Op.", "Ref.", "N° aff.", "N° d'aff.", "Réf. aff.", "N° opp.",
        ],
        "rep": ["Vdor.", "Vdora.", "Vend.", "Vendr.", "Repr.", "Ejec.", "Verk.", "Vertr.-Mitarb.", "Rappr."],
        "date": [
            "F. cierre", "F. cierre op.", "Fec. cierre", "Fch.", "Fch. cierre", "F. operación", "Dt. fechamento",
            "Dt. fecho", "Abschl.-Dat.", "Abschl.-Datum", "Dat.", "D. clôture",
        ],
        "amount": [
            "Imp.", "Imp. neto", "Mto.", "Vlr.", "Betr.", "Nettobetr.", "Mont.", "Imp. total", "Mnt", "Mnt HT", "Mt HT",
        ],
        "rate": [
            "Tasa com.", "% com.", "Prov.-Satz", "Tx. com.", "% Provv.", "Provv. %", "% Prov.", "% Comis.", "% Comm.",
        ],
        "commission": ["Comis.", "Comiss.", "Prov.", "Provis.", "Provv.", "Comm. amt.", "Prov.-Betr."],
        "bonus": ["Bonif.", "Präm."],
        "product": ["Prod.", "Prd.", "Prod. Line", "Prod.-Linie", "Prod.-Gr."],
        "cancel_date": ["F. cancel.", "F. baja", "Storno-Dat."],
    ]

    /// Words that open a total row's label, in every language: `Total Ana Lima`, `Grand total`,
    /// `Total general`, `Gesamt`, `Totale`, `Σ`; Dutch, Polish, the Nordic languages, Czech,
    /// Turkish, Hungarian, Croatian, Serbian (in either script), Estonian, Slovenian, Russian,
    /// Japanese and Chinese as their Excel writes them (`Totaal`, `Eindtotaal`, `Razem`, `Totalt`,
    /// `I alt`, `Yhteensä`, `Celkem`, `Toplam`, `Укупно`, `Svega`, `Kokku`, `Skupaj`, `合計`).
    public static let totalWords: [String] = [
        "total", "totals", "subtotal", "sub-total", "sub total", "grand total", "grand totals", "sum", "σ",
        "total general", "total geral", "total général", "sous-total", "gesamt", "gesamtsumme", "summe",
        "zwischensumme", "totale", "subtotale", "totale generale", "gesamtergebnis", "totale complessivo", "suma",
        "soma", "somme", "somma", "summa", "totaal", "subtotaal", "eindtotaal", "totaal generaal", "razem", "ogółem",
        "łącznie", "suma końcowa", "suma częściowa", "totalt", "totalsumma", "delsumma", "i alt", "hovedtotal",
        "totalsum", "yhteensä", "välisumma", "kokonaissumma", "celkem", "celkový součet", "mezisoučet", "toplam",
        "genel toplam", "ara toplam", "összesen", "végösszeg", "részösszeg", "ukupno", "sveukupno", "svega", "укупно",
        "свеукупно", "свега", "kokku", "skupaj", "итого", "итог", "всего", "общий итог", "合計", "総計", "小計", "合计", "总计",
        "小计", "tot.", "ttl",
    ]

    /// The total words that are one word, as a header's words are written (`LooseHeaders.terms`):
    /// `Total Commission`, `Provision gesamt`, `Commissione totale`.
    public static let totalTerms: Set<String> = Set(
        totalWords.compactMap { word in
            let terms = LooseHeaders<String>.terms(word)
            return terms.count == 1 ? terms[0] : nil
        })

    /// Total words that open a total of every row above it (`Grand total`, `Gesamtergebnis`): a
    /// typed one stands for the whole sheet, not the rows since the last subtotal.
    public static let grandTotalWords: [String] = [
        "grand total", "total general", "total geral", "total général", "totale generale", "totale complessivo",
        "gesamtsumme", "gesamtergebnis", "eindtotaal", "totaal generaal", "suma końcowa", "ogółem", "totalsumma",
        "hovedtotal", "totalsum", "kokonaissumma", "celkový součet", "genel toplam", "végösszeg", "sveukupno",
        "свеукупно", "общий итог", "総計", "总计",
    ]

    /// Total words that are also names (`Suma`, `Soma`, the surname `Somma`): in a rep's cell they mark a total
    /// only on a row without a deal of its own.
    public static let totalWordsThatAreNames: [String] = ["suma", "soma", "summa", "somma", "somme"]

    /// Words saying a figure or a tab was paid, accents folded (`Commission Paid`, `Comisión
    /// pagada`, `Jul 2026 bezahlt`): of two commission columns the paid one is what the sheet pays
    /// (`LooseHeaders`), and beside a tab's period they are no part of it (`SheetPeriod`).
    public static let paidWords: Set<String> = [
        "paid", "pagado", "pagada", "pago", "pagos", "bezahlt", "ausgezahlt", "ausbezahlt", "paye", "payee", "verse",
        "versee", "pagato", "pagata", "betaald", "uitbetaald",
    ]

    /// Words that mark a tab as a copy of another, folded (`Jul 2026 copy`, `Deals (Sicherung)`):
    /// beside a period they are no part of it (`SheetPeriod`), and such a tab is taken for a copy
    /// (`CopiedSheets`).
    public static let copyWords: Set<String> = [
        "copy", "copia", "copie", "kopie", "backup", "sicherung", "respaldo", "old", "alt", "antiguo", "ancien",
        "vecchio",
    ]

    /// Words that close a total row's label, as Excel's Subtotal command writes them in each
    /// language (`Ana Lima Total`, `Ana Lima Ergebnis`, `Ana Lima Totale`, `Ana Lima Totaal`); not
    /// the `Suma` and `Summa` of Polish and Swedish, which are also surnames.
    public static let totalSuffixes: [String] = [
        "total", "totals", "subtotal", "ergebnis", "summe", "totale", "totaal", "totalt", "i alt", "yhteensä",
        "celkem", "toplam", "razem", "összesen", "ukupno", "укупно", "svega", "свега", "kokku", "skupaj", "итог",
        "итого", "合計", "合计", "小計", "小计",
    ]

    /// The translations of `field`'s name, or none.
    public static func other(_ field: String) -> [String] {
        (translations[field] ?? []) + (serbianAndCatalan[field] ?? []) + (georgianAndAzerbaijani[field] ?? [])
    }
}
