import Foundation

/// A column the deals sheet can have (plan-format.md 1.1), with the headers it goes by.
public enum Field: String, Sendable, Hashable, CaseIterable {
    case dealID = "deal_id", rep, date, amount, split, product, type, status
    case cancelDate = "cancel_date", rate, commission, bonus, quota

    /// The field's position in `allCases`, for dense per-row arrays.
    var ordinal: Int {
        switch self {
        case .dealID: 0
        case .rep: 1
        case .date: 2
        case .amount: 3
        case .split: 4
        case .product: 5
        case .type: 6
        case .status: 7
        case .cancelDate: 8
        case .rate: 9
        case .commission: 10
        case .bonus: 11
        case .quota: 12
        }
    }

    /// The fields every deals sheet must have.
    public static let required: [Field] = [.dealID, .rep, .date, .amount]

    /// Headers that name this field (plan-format.md section 7, more seen in exports, and the
    /// same in other languages from `HeaderSynonyms`).
    public var synonyms: [String] { english + HeaderSynonyms.other(rawValue) }

    /// The headers plan-format.md §7 lists for this field (the floor every reader accepts), and
    /// its own name: where several columns could be the field, the one named so wins over those
    /// named only by the words trueup adds (`Rep` beside `Rep Name`, `Amount` beside `Value`).
    public var contractSynonyms: [String] {
        switch self {
        case .dealID: ["Deal ID", "Deal", "Opportunity ID", "Opportunity", "ID"]
        case .rep: ["Rep", "Sales Rep", "Salesperson", "Owner", "Account Executive", "AE"]
        case .date: ["Date", "Close Date", "Closed Date", "Date Closed", "Booking Date", "Deal Date"]
        case .amount: ["Amount", "Deal Amount", "Deal Value", "ACV", "Booking", "Revenue"]
        case .split: ["Split", "Split %", "Share", "Credit %"]
        case .product: ["Product", "Product Line", "SKU"]
        case .type: ["Type", "Deal Type"]
        case .status: ["Status", "Stage"]
        case .cancelDate: ["Cancel Date", "Cancelled", "Cancellation Date", "Refund Date"]
        case .rate: ["Rate", "Commission Rate", "Comm %"]
        case .commission: ["Commission", "Commission Earned", "Commission Amount", "Payout", "Comm"]
        case .bonus: ["Bonus", "SPIFF"]
        case .quota: ["Quota", "Target"]
        }
    }

    /// The fields a header may name among other words (`Booking Amount`, `Commission ($)`,
    /// `Invoice Date`; `LooseHeaders`), with names they go by only there: too wide to be synonyms
    /// (a sheet may hold an `Order` column beside its `Deal ID`).
    static let looseNames: [Field: [String]] = [
        .dealID: [
            "Opp", "Order", "Invoice", "Contract", "Transaction", "Booking ID", "Reference", "Pedido", "Commande",
            "Bestellung", "Topic", "Sales Order", "Ordine", "Contrat", "Factura", "Fattura", "Facture", "Rechnung",
            "Referentie", "Ordernr", "Item ID",
        ],
        // The owner as localized CRM exports name it (`Propietario de la oportunidad`,
        // `Opportunity-Inhaber`, `Propriétaire de la transaction`): the rep, not the deal also named.
        .rep: [
            "Employee", "Salesman", "Sales Person", "Account Manager", "Agent", "Representative", "Closer", "Vend",
            "Sold By", "Propietario", "Propriétaire", "Proprietário", "Inhaber", "Eigentümer", "Proprietario",
            "Assigned To", "Consultant", "Asesor", "Responsable", "Consulente",
        ],
        // `Abschluss` (German: the deal's closing) alone is a date; `Abschluss-Nr.` is the deal id.
        // Other days a sale is dated by (an invoice's, a booking's), where no header names the close
        // date: beside `Abschlussdatum`, `Rechnungsdatum` is no second date.
        .date: [
            "Signed", "Signature Date", "Abschluss", "Close Dt", "Closed Dt", "Closing Dt", "Cierre", "F Cierre",
            "Verkaufsdatum", "Rechnungsdatum", "Buchungsdatum", "Verkoopdatum", "Factuurdatum", "Boekingsdatum",
        ],
        .amount: [
            "Sales", "TCV", "ARR", "Contract Value", "Deal Size", "Price", "Amt", "Order Total", "Total venta",
            "Base imponible", "Chiffre d'affaires", "Rechnungsbetrag", "Auftragssumme", "Factuurbedrag", "Orderbedrag",
        ],
        // A share of the deal's credit as CRM exports head it (`Ownership %`, `Allocation %`).
        .split: ["Ownership", "Allocation"],
        // A commission's percentage is its rate (`Commission %`, `% Comisión`).
        .rate: ["Commission Percent"]
            + Field.commission.synonyms.flatMap { ["\($0) %", "% \($0)", "\($0) Pct", "\($0) Percentage"] },
        // Words for pay too wide to be synonyms (a sheet may hold a `Comp` column beside its
        // `Commission`), and a commission that says it holds the bonus (`Commission incl. SPIFF`: the
        // sheet then has no bonus column, plan-format.md §6).
        .commission: [
            "Comp", "Comms", "Incentive", "Incentivo", "Earnings", "Provisionsbetrag", "Provisiebedrag",
            "Commissiebedrag",
        ] + commissionWithBonus,
        // SAP's `Material` and `Material Description` are named among other words, so that of the
        // two the longer name, the description a plan's rules name rather than its code, is the product.
        .product: [
            "Item", "Line of Business", "LOB", "Article", "Artículo", "Artigo", "Articolo", "Artikel", "Produktname",
            "Produktfamilie", "Produktlinie", "Produktgruppe", "Artikelname", "Material",
            "Material Description",
        ],
        .type: [
            "Tipología", "Tipologia", "Auftragstyp", "Vertragsart", "Vertragstyp", "Geschäftsart", "Geschäftstyp",
            "Abschlussart", "Verkaufsart",
        ],
        .status: ["Estágio", "Stadium"],
        .cancelDate: cancelWords.flatMap { word in [word] + ["Date", "On", "Am"].map { "\(word) \($0)" } },
    ]

    /// A commission's header naming the bonus it holds: `Commission incl. SPIFF`, `Comm + Bonus`,
    /// `Payout including SPIFFs` (what stands between the two is `incl`, `including`, `inc`, `with`,
    /// `plus`, `and`, or no word: `+`, `&`).
    private static let commissionWithBonus: [String] = ["Commission", "Commissions", "Comm", "Comms", "Comp", "Payout"]
        .flatMap { pay in
            ["", "incl", "including", "inc", "with", "plus", "and"].flatMap { joiner in
                ["SPIFF", "SPIFFs", "Bonus", "Bonuses"].map { bonus in
                    [pay, joiner, bonus].filter { !$0.isEmpty }.joined(separator: " ")
                }
            }
        }

    /// Headers that name a field only as the whole header, never among other words: `Percentage`
    /// alone is the rate (a Dutch sheet's `Percentage` beside `Commissie`), but `Split Percentage`
    /// stays the split and `Discount Percentage` no field; `Close` alone is the date, but `Close
    /// Month` a column of months (`MonthColumn`); `Earned` alone is the commission; `Booked` alone
    /// is the date, but `Booked Amount` the amount; `Person` and `People` alone (a monday.com board's
    /// people column) are the rep, but `Contact Person` is no rep.
    static let wholeHeaderOnly: Set<String> = Set(
        ["Percentage", "Close", "Earned", "Booked", "Person", "People"].map(headerKey))

    /// Words that say a deal was cancelled, in the six languages: on their own (`Cancelled On`,
    /// `Storniert am`, `Fecha cancelación`) or before a date word (`Churn Date`), they make a
    /// column the cancel date rather than the close date.
    private static let cancelWords = [
        "Cancel", "Cancelled", "Canceled", "Cancellation", "Cancelation", "Churn", "Churned", "Refund", "Refunded",
        "Terminated", "Cancelación", "Cancelado", "Cancelada", "Anulación", "Anulado", "Baja", "Cancelamento",
        "Annulation", "Annulé", "Annulée", "Résiliation", "Résilié", "Storno", "Storniert", "Stornierung",
        "Stornierungsdatum", "Kündigung", "Gekündigt", "Kündigungsdatum", "Annullamento", "Annullato",
        "Cancellazione", "Cancellato", "Disdetta",
    ]

    private var english: [String] {
        switch self {
        // Besides the contract's, CRM and ERP exports' titles (HubSpot's `Record ID` and `Deal owner`,
        // SAP's `Sales Document` and `Net Value`, NetSuite's `Document Number`, Pipedrive's `Deal - Won
        // time`, Zoho's `Closing Date`, Dynamics' `Actual Close Date` and `Actual Revenue`).
        case .dealID:
            [
                "deal_id", "Deal ID", "Deal", "Opportunity ID", "Opportunity", "ID", "Deal Number", "Opp ID",
                "Record ID", "Sales Document", "Sales Doc", "Document Number", "Document No",
            ]
        case .rep:
            [
                "Rep", "Sales Rep", "Salesperson", "Owner", "Account Executive", "AE", "Rep ID", "Rep Name",
                "Opportunity Owner", "Seller", "Sales Exec", "Sales Executive", "Account Exec", "Deal Owner",
                "Owner Full Name", "Opportunity Owner: Full Name", "Sales Employee", "Employee Responsible", "Person",
                "People",
            ]
        case .date:
            [
                "Date", "Deal Date", "Close Date", "Closed Date", "Date Closed", "Booking Date", "Closed", "Won Date",
                "Close", "Booked On", "Booked Date", "Booked", "Closing Date", "Actual Close Date", "Won Time",
                "Deal Won Time",
            ]
        case .amount:
            [
                "Amount", "Deal Amount", "Deal Value", "ACV", "Booking", "Revenue", "Bookings", "Value", "Net Value",
                "Actual Revenue",
            ]
        case .split:
            [
                "Split", "Split %", "Share", "Credit %", "Split Percent", "Credit Split", "Split Percentage",
                "Share Percentage", "Credit Percentage", "Contribution %", "Commission Split",
            ]
        case .product:
            ["Product", "Product Line", "SKU", "Product Name", "Product Family", "Product Category", "Product Group"]
        case .type: ["Type", "Deal Type", "Opportunity Type"]
        case .status: ["Status", "Stage", "Deal Status"]
        case .cancelDate:
            ["cancel_date", "Cancel Date", "Cancelled", "Cancellation Date", "Refund Date", "Canceled Date"]
        case .rate: ["Rate", "Commission Rate", "Comm %", "Comm Rate", "Rate %"]
        case .commission:
            [
                "Commission", "Commission Earned", "Payout", "Comm", "Commission Amount", "Comm Amount", "Earned",
                "Commissions",
            ]
        // Not named among other words (`Bonus Eligible`, `SPIFF Notes` are no bonus): these forms exactly.
        case .bonus:
            [
                "Bonus", "SPIFF", "Spiff", "Bonuses", "Spiffs", "Bonus/SPIFF", "SPIFF/Bonus", "SPIFF ($)", "Bonus ($)",
                "SPIFF (USD)", "Bonus (USD)", "SPIFF (€)", "Bonus (€)", "Bonus Amount", "Spiff Amount", "Bonus Paid",
                "Spiff Paid", "Bonus Payout", "Spiff Payout",
            ]
        case .quota:
            [
                "Quota", "Target", "Period Quota", "Monthly Quota", "Quarterly Quota", "Monthly Target",
                "Quarterly Target", "Period Target",
            ]
        }
    }
}

/// A column of a roster file (plan-format.md 1.2).
public enum RosterField: String, Sendable, Hashable, CaseIterable {
    case id, name, team, quota
    case annualQuota = "annual_quota"
    case start, end, draw
    case email, aliases

    public var synonyms: [String] {
        switch self {
        case .id: ["id", "Rep ID", "Employee ID", "Rep", "Rep Code"]
        case .name: ["Name", "Rep Name", "Full Name", "Salesperson"]
        case .team: ["Team", "Region", "Territory"]
        case .quota: ["Quota", "Period Quota", "Target"]
        case .annualQuota: ["annual_quota", "Annual Quota", "Annual Target", "Yearly Quota"]
        case .start: ["Start", "Start Date", "Hire Date"]
        case .end: ["End", "End Date", "Termination Date"]
        case .draw: ["Draw", "Draw Amount"]
        case .email: ["Email", "E-mail", "Email Address", "Work Email", "Correo", "Courriel"]
        case .aliases: ["Aliases", "Alias", "Also Known As", "AKA", "Other Names"]
        }
    }
}

/// Whether `headerKey(text) == key`, without making the key when `text` is ASCII: every row's deal
/// id is asked whether it repeats the header, and folding a million ids costs seconds.
func headerKey(of text: String, is key: String) -> Bool {
    // Most texts asked (a deal id on every row) differ from the key within their first bytes.
    let differs = text.utf8.withContiguousStorageIfAvailable { text in
        key.utf8.withContiguousStorageIfAvailable { differsEarly(text, from: $0) }
    }
    if differs == true { return false }
    let text = withoutFootnoteNumber(text)
    let ascii =
        text.utf8.withContiguousStorageIfAvailable { asciiHeaderKey(of: $0, is: key) }
        ?? asciiHeaderKey(of: text.utf8, is: key)
    return ascii ?? (headerKey(String(text)) == key)
}

/// `text` without a footnote's number in brackets at its end (`Rate (2)`, `Amount [1]`): one or
/// two digits, after something.
private func withoutFootnoteNumber(_ text: String) -> Substring {
    let utf8 = text.utf8
    guard let last = utf8.last, last == UInt8(ascii: ")") || last == UInt8(ascii: "]") else { return text[...] }
    let open = last == UInt8(ascii: ")") ? UInt8(ascii: "(") : UInt8(ascii: "[")
    guard let start = utf8.lastIndex(of: open), start != utf8.startIndex else { return text[...] }
    let inside = utf8[utf8.index(after: start)..<utf8.index(before: utf8.endIndex)]
    guard (1...2).contains(inside.count), inside.allSatisfy({ $0 &- 48 < 10 }) else { return text[...] }
    return text[..<start]
}

/// Whether the header key of `bytes` is `key`, when they are ASCII; nil when they are not.
private func asciiHeaderKey(of bytes: some Sequence<UInt8>, is key: String) -> Bool? {
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
    var expected = key.utf8.makeIterator()
    for byte in bytes {
        guard let byte = headerKeyByte(byte) else { continue }
        guard expected.next() == byte else { return false }
    }
    return expected.next() == nil
}

/// How headers are compared: case- and accent-insensitively, ignoring white space (a header wrapped
/// across lines, `Commission\n(USD)`, is the header on one line), `_`, `-`, `.`, `°` and `º`
/// (`Comisión` is `comision`, `N° affaire` is `naffaire`), and footnote marks (`Amount*`,
/// `Commission¹`, `Close Date†`, `Rate (2)`). ASCII text is keyed byte by byte (a header search
/// keys every cell of a sheet's first rows, and folding is slow).
public func headerKey(_ text: String) -> String {
    let text = withoutFootnoteNumber(text)
    guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return foldedHeaderKey(text) }
    var key: [UInt8] = []
    key.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
        if let byte = headerKeyByte(byte) { key.append(byte) }
    }
    return String(decoding: key, as: UTF8.self)
}

/// The header key of a text holding more than ASCII: footnote marks dropped, case and accents
/// folded, white space and `_-.°º*` dropped. Each character is told by its one scalar (none of
/// those signs is another character's canonical form): comparing each character with a string
/// of them took most of a small run's instructions, in every process that keys the synonyms of
/// its header words.
private func foldedHeaderKey(_ text: Substring) -> String {
    var marked = String()
    for character in text where !isFootnoteMark(character) { marked.append(character) }
    var key = String()
    for character in marked.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased() {
        switch onlyScalar(character) {
        case 0x5F, 0x2D, 0x2E, 0xB0, 0xBA, 0x2A: continue  // _-.°º*
        default: if !character.isWhitespace { key.append(character) }
        }
    }
    return key
}

/// Whether `character` marks a footnote: `†`, `‡`, `§`, or a superscript digit (`¹`, `⁴`).
func isFootnoteMark(_ character: Character) -> Bool {
    switch onlyScalar(character) {
    case 0x2020, 0x2021, 0xA7, 0xB9, 0xB2, 0xB3, 0x2070, 0x2074...0x2079: true  // †‡§¹²³⁰⁴–⁹
    default: false
    }
}

/// The value of `character`'s scalar when it is one scalar; `UInt32.max`, no scalar's value, when
/// it is several.
private func onlyScalar(_ character: Character) -> UInt32 {
    var scalars = character.unicodeScalars.makeIterator()
    guard let first = scalars.next(), scalars.next() == nil else { return .max }
    return first.value
}

/// Whether the header key of an ASCII `text` is known not to be `key` from its bytes before any
/// bracket (a footnote's number, `(2)`, goes from a bracket to the end): their key bytes, compared
/// in turn, already differ. False when that is not known, and for a text with other characters,
/// which is keyed by folding the whole text (a vertical tab is white space there, dropped, and
/// `<` with a combining mark after it is one character).
private func differsEarly(_ text: UnsafeBufferPointer<UInt8>, from key: UnsafeBufferPointer<UInt8>) -> Bool {
    var next = 0
    for byte in text {
        if byte >= 0x80 || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") { return false }
        guard let byte = headerKeyByte(byte) else { continue }
        if next == key.count || key[next] != byte { return !text.contains { $0 >= 0x80 } }
        next += 1
    }
    return false
}

/// An ASCII byte as a header key holds it: lowercased, or nil for the ignored ` `, `_`, `-`, `.`, tab,
/// line breaks and a footnote's `*`.
private func headerKeyByte(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: " "), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "\t"),
        UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "*"):
        nil
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
    default: byte
    }
}
