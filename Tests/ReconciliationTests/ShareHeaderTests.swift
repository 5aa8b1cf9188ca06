import Foundation
import Ingest
import Spreadsheet
import Testing
import XLSX

/// Headers that may name a deal's shares or a rep's quota (the Italian `Quota %` and `Quota`, the
/// Spanish `Porcentaje`): the split over shares that add up to each deal's whole, the quota over
/// money, and an error naming the column over anything else; never passed over in silence.
@Suite struct ShareHeaderTests {
    /// The rows of an Italian sheet with `header` over the shares: D-1 split 60/40, D-2 whole, and
    /// D-3 split 50/50 whose first line pays on the whole amount (`split_not_applied`, G5).
    static func rows(header: String, shares: [WriteCell]) -> [[WriteCell]] {
        let head: [WriteCell] = [
            "Contratto", "Venditore", "Data chiusura", "Importo", header, "Aliquota", "Provvigione",
        ]
        .map { .text($0) }
        let lines: [(String, String, Decimal, Decimal)] = [
            ("D-1", "Ana Lima", 10000, 300), ("D-1", "Ben Okafor", 10000, 200), ("D-2", "Ana Lima", 20000, 1000),
            ("D-3", "Ana Lima", 8000, 400), ("D-3", "Ben Okafor", 8000, 200),
        ]
        return [head]
            + zip(lines, shares).map { line, share in
                [
                    .text(line.0), .text(line.1), LayoutReadingTests.date("2026-01-12"), .number(line.2), share,
                    .number(Decimal(string: "0.05")!), .number(line.3),
                ]
            }
    }

    static let fractions: [WriteCell] = ["0.6", "0.4", "1", "0.5", "0.5"].map { .number(Decimal(string: $0)!) }
    static let wholePercents: [WriteCell] = ([60, 40, 100, 50, 50] as [Decimal]).map { .number($0) }
    /// Percents written as text with a decimal comma, as an Italian sheet types them (`60,0%`).
    static let commaPercents: [WriteCell] = ["60,0%", "40,0%", "100%", "50,0 %", "50,0 %"].map { .text($0) }

    @Test(arguments: [
        ("Quota %", Self.fractions), ("Quota %", Self.wholePercents), ("% Quota", Self.fractions),
        ("Quota", Self.fractions), ("Quota", Self.wholePercents), ("Percentuale", Self.wholePercents),
        ("Porcentaje", Self.fractions), ("Participação", Self.fractions), ("Part", Self.fractions),
        ("Répartition", Self.wholePercents), ("Quota %", Self.commaPercents),
    ])
    func aShareHeaderOverSharesIsTheSplit(header: String, shares: [WriteCell]) throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook([("Foglio1", Self.rows(header: header, shares: shares))], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
        #expect(read.lines.map(\.split) == ["0.6", "0.4", "1", "0.5", "0.5"].map { Decimal(string: $0)! })
        #expect(read.sheets.first?.mapping.headers[.quota] == nil)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.errors.map { "\($0.cell) \($0.cause.rawValue)" } == ["G5 split_not_applied"])
    }

    /// A rep's quota in money stays the quota under a quota's word alone.
    @Test(arguments: ["Quota", "Cuota"])
    func aShareHeaderOverMoneyIsTheQuota(header: String) throws {
        let read = try Self.read(header: "\(header)", figures: [50000, 40000, 50000, 50000, 40000])
        #expect(read.sheets.first?.mapping.headers[.quota] == header)
        #expect(read.sheets.first?.mapping.headers[.split] == nil)
        #expect(read.lines.map(\.quota) == [50000, 40000, 50000, 50000, 40000])
    }

    /// A quota's word with a percent sign over money or over attainments (`Quota %` as `% to
    /// quota`: 85%, 120%) is neither the split nor the quota: no field reads it, and the run goes on.
    @Test(arguments: [
        ["50000", "40000", "50000", "50000", "40000"], ["0.85", "0.9", "0.7", "0.3", "0.2"],
        ["85", "120", "70", "30", "20"],
    ])
    func aQuotaPercentOverAnythingButSharesIsNoField(figures: [String]) throws {
        let read = try Self.read(header: "Quota %", figures: figures.map { Decimal(string: $0)! })
        #expect(read.sheets.first?.mapping.headers[.quota] == nil)
        #expect(read.sheets.first?.mapping.headers[.split] == nil)
        #expect(read.lines.allSatisfy { $0.quota == nil && $0.split == 1 })
    }

    /// `Part` over part numbers (English) is no share: no field reads it.
    @Test func aPartNumberIsNoSplit() throws {
        let read = try Self.read(header: "Part", figures: [4711, 4712, 88, 12, 3])
        #expect(read.sheets.first?.mapping.headers[.split] == nil)
        #expect(read.lines.allSatisfy { $0.split == 1 })
    }

    /// The deals under `header` over `figures`, read.
    static func read(header: String, figures: [Decimal]) throws -> DealsTable {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cells: [WriteCell] = figures.map { .number($0) }
        let path = try LayoutReadingTests.workbook([("Foglio1", Self.rows(header: header, shares: cells))], in: folder)
        return try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
    }
}
