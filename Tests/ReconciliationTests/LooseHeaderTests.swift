import Foundation
import Ingest
import Testing

/// Headers that name a field among other words are read as that field when nothing else claims
/// the column; a column two fields could be, or one whose best name is a field already found, is
/// left alone.
@Suite struct LooseHeaderTests {
    /// The deals table of a CSV file with `header` and one deal row of `values`.
    static func read(_ header: [String], _ values: [String]) throws -> DealsTable {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("deals.csv")
        try (header.joined(separator: ",") + "\n" + values.joined(separator: ",") + "\n")
            .write(to: path, atomically: true, encoding: .utf8)
        return try DealsReader.read(TableFile.open(path.path))
    }

    /// Field name → header, as the table was mapped.
    static func headers(_ table: DealsTable) -> [String: String] {
        Dictionary(uniqueKeysWithValues: table.mapping.headers.map { ($0.key.rawValue, $0.value) })
    }

    @Test func headersThatNameAFieldAmongOtherWordsAreRead() throws {
        let table = try Self.read(
            [
                "Deal #", "Sales Rep Name", "Invoice Date", "Booking Amount (USD)", "Split (%)", "Comm. Rate %",
                "Commission ($)",
            ],
            ["D-1", "Ana Lima", "2026-07-03", "1000", "50%", "5%", "25.00"])
        #expect(
            Self.headers(table) == [
                "deal_id": "Deal #", "rep": "Sales Rep Name", "date": "Invoice Date", "amount": "Booking Amount (USD)",
                "split": "Split (%)", "rate": "Comm. Rate %", "commission": "Commission ($)",
            ])
        #expect(table.lines.count == 1 && table.lines[0].amount == 1000)
        let other = try Self.read(
            ["Invoice #", "Employee", "Close Date", "Net Sales", "Commission %", "Comm. Amount"],
            ["I-1", "Ana Lima", "2026-07-03", "1000", "5%", "50.00"])
        #expect(
            Self.headers(other) == [
                "deal_id": "Invoice #", "rep": "Employee", "date": "Close Date", "amount": "Net Sales",
                "rate": "Commission %", "commission": "Comm. Amount",
            ])
    }

    @Test func aColumnAnotherFieldNamesBetterIsLeftAlone() throws {
        // `Order Date` is a date and `Deal Stage` a status, so neither is the deal id.
        let table = try Self.read(
            ["Opportunity Name", "Rep", "Close Date", "Order Date", "Deal Stage", "Amount"],
            ["Acme renewal", "Ana Lima", "2026-07-03", "2026-06-30", "Won", "1000"])
        #expect(Self.headers(table)["deal_id"] == "Opportunity Name")
        #expect(Self.headers(table)["date"] == "Close Date")
        #expect(!Self.headers(table).values.contains("Order Date"))
        #expect(Self.headers(table)["status"] == "Deal Stage")
        // Two columns that could each be the amount: neither is, and the error says the amount is missing.
        #expect {
            _ = try Self.read(
                ["Deal ID", "Rep", "Date", "Net Sales", "Gross Sales"],
                ["D-1", "Ana Lima", "2026-07-03", "900", "1000"])
        } throws: { error in
            "\(error)".contains("missing amount")
        }
    }

    /// The optional columns under the names hand-kept sheets give them, in the six languages:
    /// each header row holds the required columns, then one product, type, status and cancel date.
    static let optionalHeaders: [[String]] = [
        ["Product Name", "Business Type", "Deal Stage", "Cancelled On"],
        ["Product Family", "Deal type (New/Renewal)", "Opportunity Stage", "Churn Date"],
        ["Product (SKU)", "Opportunity Type", "Stage Name", "Date Cancelled"],
        ["Produktname", "Auftragstyp", "Deal Status", "Storniert am"],
        ["Línea de producto", "Tipo de operación", "Estado del acuerdo", "Fecha cancelación"],
        ["Item", "Type de contrat", "Statut de l'affaire", "Date de résiliation"],
        ["Nome prodotto", "Tipologia", "Stato contratto", "Data annullamento"],
        ["Line of Business", "Vertragsart", "Estágio", "Refunded On"],
    ]

    @Test(arguments: optionalHeaders)
    func optionalColumnsAreReadUnderTheirCommonNames(_ optional: [String]) throws {
        let table = try Self.read(
            ["Deal ID", "Sales Rep", "Close Date", "Amount"] + optional,
            ["D-1", "Ana Lima", "2026-07-03", "1000", "Services", "Renewal", "Cancelled", "2026-08-01"])
        let headers = Self.headers(table)
        #expect(headers["product"] == optional[0])
        #expect(headers["type"] == optional[1])
        #expect(headers["status"] == optional[2])
        #expect(headers["cancel_date"] == optional[3])
        #expect(headers["date"] == "Close Date")
        #expect(table.lines.first?.product == "Services" && table.lines.first?.status == "Cancelled")
    }

    /// The required columns as German compounds and abbreviations name them, and a few other
    /// languages' everyday variants: deal id, rep, date and amount.
    static let requiredHeaders: [[String]] = [
        ["Auftrags-Nr.", "Vertriebler", "Vertragsdatum", "Nettobetrag"],
        ["Vertrags-Nr.", "Verkäuferin", "Datum Abschluss", "Gesamtbetrag"],
        ["Vertragsnummer", "Außendienstmitarbeiter", "Auftragsdatum", "Nettoumsatz"],
        ["Abschluss-Nr.", "Kundenbetreuer", "Abschluss", "Auftragsvolumen"],
        ["Nº de pedido", "Vendedora", "Fecha de venta", "Importe neto"],
        ["Référence", "Commerciale", "Date de vente", "Montant net"],
        ["Opp #", "AE", "Close Dt", "Amt"],
        ["Deal", "Vend.", "F. cierre", "Importe"],
    ]

    @Test(arguments: requiredHeaders)
    func requiredColumnsAreReadUnderCompoundsAndAbbreviations(_ required: [String]) throws {
        let table = try Self.read(required + ["Commission"], ["D-1", "Ana Lima", "2026-07-03", "1000", "50.00"])
        #expect(
            Self.headers(table) == [
                "deal_id": required[0], "rep": required[1], "date": required[2], "amount": required[3],
                "commission": "Commission",
            ])
        #expect(table.lines.first?.amount == 1000 && table.lines.first?.dealID == "D-1")
    }

    @Test(arguments: ["SPIFF ($)", "Bonus/SPIFF", "Spiff Amount", "Bonus (USD)", "Bonus Paid"])
    func bonusColumnsAreReadUnderTheirCommonNames(_ bonus: String) throws {
        let table = try Self.read(
            ["Deal ID", "Sales Rep", "Close Date", "Amount", "Commission", bonus],
            ["D-1", "Ana Lima", "2026-07-03", "1000", "50.00", "250"])
        #expect(Self.headers(table)["bonus"] == bonus)
        #expect(Self.headers(table)["amount"] == "Amount" && Self.headers(table)["commission"] == "Commission")
    }

    /// Columns about the bonus, an amount's kind beside the deal's, and a reference beside an
    /// order number are no bonus, amount or second deal id; `Closed Amount` is the amount.
    @Test func wordsBesideOtherFieldsDoNotTakeTheirColumns() throws {
        let table = try Self.read(
            [
                "Order Number", "Customer Ref", "Sales Rep", "Close Date", "Closed Amount", "Commission",
                "Bonus Eligible",
            ],
            ["O-1", "C-9", "Ana Lima", "2026-07-03", "1000", "50.00", "Yes"])
        let headers = Self.headers(table)
        #expect(headers["deal_id"] == "Order Number" && headers["amount"] == "Closed Amount")
        #expect(headers["bonus"] == nil && headers["date"] == "Close Date")
    }

    /// Split and rate headers that give their unit as a `%` word, before or after, in the six languages.
    static let percentHeaders: [(split: String, rate: String)] = [
        ("Reparto %", "Tasa %"), ("Anteil %", "% Comisión"), ("Share %", "Commission %"), ("% Split", "Rate %"),
        ("Ripartizione %", "% Provvigione"), ("Quote-part %", "Taux %"), ("% Participação", "% Comissão"),
    ]

    @Test(arguments: percentHeaders)
    func percentHeadersNameTheSplitAndTheRate(_ names: (split: String, rate: String)) throws {
        let table = try Self.read(
            ["Deal ID", "Sales Rep", "Close Date", "Amount", names.split, names.rate, "Commission"],
            ["D-1", "Ana Lima", "2026-07-03", "1000", "60%", "5%", "30.00"])
        #expect(Self.headers(table)["split"] == names.split)
        #expect(Self.headers(table)["rate"] == names.rate)
        #expect(Self.headers(table)["commission"] == "Commission")
        #expect(table.lines.first?.split == Decimal(string: "0.6"))
    }
}
