import Foundation
import Ingest
import Spreadsheet
import Testing
import XLSX

/// A two-row header reads each group over the columns it is merged across, and no further.
@Suite struct TwoRowHeaderTests {
    /// The deals table of a workbook whose first two rows are `upper` and `lower`, with `merged`
    /// ranges, and one deal row of `values`.
    static func read(_ upper: [String?], _ lower: [String], merged: [String], _ values: [WriteCell]) throws
        -> DealsTable
    {
        try read(upper, lower, merged: merged, rows: [values])
    }

    /// The deals table of a workbook whose first two rows are `upper` and `lower`, with `merged`
    /// ranges, and the deal `rows`, read with `pins`.
    static func read(
        _ upper: [String?], _ lower: [String], merged: [String], rows: [[WriteCell]], pins: [String: String] = [:]
    ) throws -> DealsTable {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("two-rows.xlsx").path
        let file = try AtomicOutputFile(path: path, inputs: [])
        let writer = WorkbookWriter(handle: file.handle)
        try writer.beginSheet("Deals")
        try writer.writeRow(upper.map { text in text.map { .text($0) } ?? .empty })
        try writer.writeRow(lower.map { .text($0) })
        for values in rows { try writer.writeRow(values) }
        try writer.mergeCells(merged.compactMap(CellRange.init))
        try writer.endSheet()
        try writer.finish()
        try file.commit()
        return try DealsReader.read(TableFile.open(path), pins: pins)
    }

    static let lower = ["ID", "Sales Rep", "Date", "Amount", "Quota", "Product", "Rate", "Amount", "Bonus"]
    static let upper = ["Deal", nil, nil, nil, nil, nil, "Commission", nil, nil]
    static let values: [WriteCell] = [
        .text("D-1"), .text("Ana Lima"), .text("2026-07-06"), .number(20000), .number(50000), .text("Services"),
        .number(0.03), .number(600), .number(50),
    ]

    static func headers(_ table: DealsTable) -> [String: String] {
        Dictionary(uniqueKeysWithValues: table.mapping.headers.map { ($0.key.rawValue, $0.value) })
    }

    @Test func aMergedGroupReachesOnlyOverItsMerge() throws {
        // Reaching past D and H, `Deal` would make E `Deal Quota` and `Commission` I `Commission Bonus`.
        let table = try Self.read(Self.upper, Self.lower, merged: ["A1:D1", "G1:H1"], Self.values)
        let headers = Self.headers(table)
        #expect(headers["deal_id"] == "Deal ID" && headers["amount"] == "Deal Amount")
        #expect(headers["quota"] == "Quota" && headers["bonus"] == "Bonus")
        #expect(headers["rate"] == "Commission Rate" && headers["commission"] == "Commission Amount")
        #expect(table.lines.first?.quota == 50000 && table.lines.first?.product == "Services")
    }

    /// A first row naming every required field (`Commission` among them) with sub-headers under
    /// its group (`Rate | Amount`): the two rows are the header, the rates no commission.
    @Test(arguments: [["E1:F1"], []])
    func subHeadersUnderAWholeHeaderRowJoinIt(merged: [String]) throws {
        let upper = ["Deal ID", "Sales Rep", "Close Date", "Amount", "Commission", nil]
        let lower = ["", "", "", "", "Rate", "Amount"]
        let values: [WriteCell] = [
            .text("D-1"), .text("Ana Lima"), .text("2026-07-06"), .number(20000), .number(0.03), .number(600),
        ]
        let table = try Self.read(upper, lower, merged: merged, values)
        let headers = Self.headers(table)
        #expect(table.mapping.headerRow == 2)
        #expect(headers["rate"] == "Commission Rate" && headers["commission"] == "Commission Amount")
        #expect(headers["amount"] == "Amount")
        #expect(table.lines.count == 1 && table.skipped.isEmpty)
    }

    /// A first data row of words only under a whole header is no sub-header: nothing of the upper
    /// row reaches over an empty cell.
    @Test func wordsUnderEveryHeaderAreNoSubHeaders() throws {
        let upper = ["Deal ID", "Sales Rep", "Close Date", "Amount", "Status"]
        let lower = ["D-0", "Ben Okafor", "2026-07-01", "1000", "Lost"]
        let values: [WriteCell] = [.text("D-1"), .text("Ana Lima"), .text("2026-07-06"), .number(20000), .text("Won")]
        let table = try Self.read(upper, lower, merged: [], values)
        #expect(table.mapping.headerRow == 1)
        #expect(table.lines.count == 2)
    }

    @Test func aGroupNotMergedStillReachesOverTheEmptyCellsBesideIt() throws {
        let table = try Self.read(Self.upper, Self.lower, merged: [], Self.values)
        let headers = Self.headers(table)
        #expect(headers["deal_id"] == "Deal ID" && headers["commission"] == "Commission Amount")
        #expect(headers["quota"] == nil && headers["bonus"] == nil)
    }

    /// The same groups in Spanish and German: a commission group over its amount is the
    /// commission, over its rate the rate; the deal's group over its amount is the amount.
    @Test(arguments: [
        (["Operación", nil, nil, "Vendedor", "Comisión", nil], ["ID", "Fecha", "Importe", "", "Tasa", "Importe"]),
        (["Auftrag", nil, nil, "Verkäufer", "Provision", nil], ["Nr.", "Datum", "Betrag", "", "Satz", "Betrag"]),
    ])
    func groupsInOtherLanguagesNameTheirColumns(upper: [String?], lower: [String]) throws {
        let values: [WriteCell] = [
            .text("D-1"), .text("2026-07-06"), .number(20000), .text("Ana Lima"), .number(0.03), .number(600),
        ]
        let table = try Self.read(upper, lower, merged: ["A1:C1", "D1:D2", "E1:F1"], values)
        let headers = Self.headers(table)
        #expect(headers["deal_id"] == "\(upper[0]!) \(lower[0])" && headers["date"] == "\(upper[0]!) \(lower[1])")
        #expect(headers["amount"] == "\(upper[0]!) \(lower[2])" && headers["rep"] == upper[3])
        #expect(headers["rate"] == "\(upper[4]!) \(lower[4])" && headers["commission"] == "\(upper[4]!) \(lower[5])")
        #expect(table.lines.first?.amount == 20000)
    }

    /// A French two-row header: `Montant` under the deal's group and under `Commission`, and the
    /// deal's number as `N°` under its group.
    static let frenchUpper: [String?] = ["Affaire", nil, nil, nil, nil, "Commission", nil]
    static let frenchLower = ["N°", "Commercial", "Date de clôture", "Montant", "Part", "Taux", "Montant"]
    static let frenchRows: [[WriteCell]] = [
        [
            .text("D-1"), .text("Ana Lima"), .text("2026-01-12"), .number(10000), .number(1), .number(0.05),
            .number(500),
        ],
        [
            .text("D-2"), .text("Ben Okafor"), .text("2026-01-20"), .number(20000), .number(1), .number(0.07),
            .number(1400),
        ],
    ]

    /// A sub-header under two groups is told by its group: the commission's `Montant` is the
    /// commission, the deal's the amount; `N°` under the deal is its id.
    @Test func aSubHeaderRepeatedUnderTwoGroupsIsToldByItsGroup() throws {
        let table = try Self.read(
            Self.frenchUpper, Self.frenchLower, merged: ["A1:E1", "F1:G1"], rows: Self.frenchRows)
        let headers = Self.headers(table)
        #expect(headers["deal_id"] == "Affaire N°" && headers["rep"] == "Affaire Commercial")
        #expect(headers["amount"] == "Affaire Montant" && headers["commission"] == "Commission Montant")
        #expect(headers["rate"] == "Commission Taux")
        #expect(table.lines.map(\.amount) == [10000, 20000] && table.lines.map(\.dealID) == ["D-1", "D-2"])
    }

    /// Pins name a column of a two-row header by its joined text (`Dossier Montant`, written in any
    /// case or accents) or by its sub-header alone where no other sub-header is written so (`Code`).
    @Test func pinsNameTheJoinedHeaderOrASubHeaderOfItsOwn() throws {
        let upper: [String?] = ["Dossier", nil, nil, nil, "Rémunération", nil]
        let lower = ["Code", "Commercial", "Date", "Montant", "Taux", "Montant"]
        let rows: [[WriteCell]] = [
            [.text("D-1"), .text("Ana Lima"), .text("2026-01-12"), .number(10000), .number(0.05), .number(500)]
        ]
        let pins = ["deal_id": "code", "amount": "DOSSIER montant", "commission": "Remuneration Montant"]
        let table = try Self.read(upper, lower, merged: ["A1:D1", "E1:F1"], rows: rows, pins: pins)
        let headers = Self.headers(table)
        #expect(headers["deal_id"] == "Dossier Code" && headers["amount"] == "Dossier Montant")
        #expect(headers["commission"] == "Rémunération Montant")
        #expect(table.mapping.columns[.amount] == 4 && table.mapping.columns[.commission] == 6)
        #expect(table.mapping.pinsNotFound.isEmpty)
    }

    /// When no group tells a repeated sub-header apart, the error names the joined headers, which
    /// a pin then names.
    @Test func anAmbiguityNamesTheJoinedHeaders() throws {
        let upper: [String?] = ["Vente", nil, nil, nil, "Marge", nil]
        let lower = ["N° affaire", "Commercial", "Date", "Montant", "Taux", "Montant"]
        let rows: [[WriteCell]] = [
            [.text("D-1"), .text("Ana Lima"), .text("2026-01-12"), .number(10000), .number(0.3), .number(3000)]
        ]
        let merged = ["A1:D1", "E1:F1"]
        var message = ""
        do {
            _ = try Self.read(upper, lower, merged: merged, rows: rows)
        } catch {
            message = "\(error)"
        }
        #expect(message.contains("several columns could be 'amount': 'Vente Montant' (D), 'Marge Montant' (F)"))
        let pinned = try Self.read(upper, lower, merged: merged, rows: rows, pins: ["amount": "Vente Montant"])
        #expect(pinned.mapping.columns[.amount] == 4)
    }

    /// A number's header (`N°`, `#`, `No.`) alone is the deal id over ids, and no column over a
    /// row counter (1, 2, 3).
    @Test(arguments: ["N°", "#", "No.", "Nº"])
    func aNumbersHeaderIsTheDealIDUnlessItCountsRows(header: String) throws {
        let lower = [header, "Commercial", "Date de clôture", "Montant"]
        func rows(_ ids: [WriteCell]) -> [[WriteCell]] {
            ids.map { [$0, .text("Ana Lima"), .text("2026-01-12"), .number(10000)] }
        }
        let table = try Self.read(
            [nil], lower, merged: [], rows: rows([.text("D-7"), .text("D-3"), .number(1042)]))
        #expect(Self.headers(table)["deal_id"] == header)
        #expect(table.lines.map(\.dealID) == ["D-7", "D-3", "1042"])
        #expect(throws: (any Error).self) {
            try Self.read([nil], lower, merged: [], rows: rows([.number(1), .number(2), .number(3)]))
        }
    }

    /// A row of groups over a header that names every required field alone (the amount pinned to
    /// `TCV (net)`): `Amount` under `Commission` is the commission, read from the two rows as one,
    /// not left unread.
    @Test func aGroupRowOverAHeaderThatNamesEveryRequiredFieldAloneStillNamesItsColumns() throws {
        let table = try Self.read(
            ["Deal", nil, nil, nil, "Commission", nil], ["ID", "Date", "Sales Rep", "TCV (net)", "Rate", "Amount"],
            merged: ["A1:B1", "E1:F1"],
            rows: [
                [.text("D-1"), .text("2026-07-06"), .text("Ana Lima"), .number(20000), .number(0.03), .number(600)]
            ],
            pins: ["amount": "TCV (net)"])
        let headers = Self.headers(table)
        #expect(headers["amount"] == "TCV (net)" && headers["deal_id"] == "Deal ID")
        #expect(headers["rate"] == "Commission Rate" && headers["commission"] == "Commission Amount")
    }

}
