import Commission
import Foundation
import Ingest
import PlanFile
import Reconciliation
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// A deal split between reps on one row, a column per rep (`Rep 1 | Rep 1 % | Rep 2 | Rep 2 %`,
/// `Primary Rep | Secondary Rep | Split %`, `Rep | Split Rep`, `Overlay Rep`): a credit line per rep,
/// each rep's commission compared where it has a column, the row's one commission with the sum of
/// its lines where it has not. Before, `Rep 1 | Rep 2` was refused (no rep column) and a `Split Rep`
/// beside `Rep` was passed over: the second rep's credit was lost.
@Suite struct SplitRowTests {
    /// A flat 10% of each line's credit, three reps.
    static let plan =
        PlanTexts.flat("Split rows", rate: "10%") + """

            reps:
              - { id: R01, name: Ana Ruiz, quota: 100000 }
              - { id: R02, name: Ben Cole, quota: 100000 }
              - { id: R03, name: Cy Diaz, quota: 100000 }
            """

    /// One layout: its header and rows as a CSV writes them (`60%`, `2026-01-10`).
    struct Layout: CustomTestStringConvertible, Sendable {
        let name: String
        let header: [String]
        let rows: [[String]]
        var testDescription: String { name }
    }

    /// A CSV file of `layout`, or a workbook whose figures are numbers and dates.
    static func file(_ layout: Layout, xlsx: Bool, in folder: URL) throws -> String {
        guard xlsx else {
            let path = folder.appendingPathComponent("deals.csv").path
            try ([layout.header] + layout.rows).map { $0.joined(separator: ",") + "\n" }.joined()
                .write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        func cell(_ text: String) -> WriteCell {
            if text.isEmpty { return WriteCell(.empty) }
            if LocalDate(iso: text) != nil { return LayoutReadingTests.date(text) }
            if text.hasSuffix("%"), let number = Decimal(string: String(text.dropLast())) {
                return .number(number / 100)
            }
            if let number = Decimal(string: text), text.drop { $0 == "-" }.first?.isNumber == true {
                return .number(number)
            }
            return .text(text)
        }
        let rows = [layout.header.map { WriteCell.text($0) }] + layout.rows.map { $0.map(cell) }
        return try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
    }

    static func reconcile(_ layout: Layout, xlsx: Bool) throws -> (DealsTable, Reconciliation) {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try file(layout, xlsx: xlsx, in: folder)
        let table = try DealsReader.readWorkbook(TableFile.open(path))
        let plan = try PlanFile.parse(Self.plan, file: "plan.yaml")
        return (table, try Reconciler.reconcile(workbook: path, plan: plan, roster: []))
    }

    /// `layout` reconciled with the cell of `row` (0 the first deal) and `column` (0 for A)
    /// written `text` instead.
    static func planted(_ layout: Layout, row: Int, column: Int, _ text: String, xlsx: Bool) throws -> (
        DealsTable, Reconciliation
    ) {
        var rows = layout.rows
        rows[row][column] = text
        return try reconcile(Layout(name: layout.name, header: layout.header, rows: rows), xlsx: xlsx)
    }

    /// Each line's deal, rep and split, in order.
    static func lines(_ table: DealsTable) -> [String] {
        table.lines.map { "\($0.dealID) \($0.rep) \($0.split)" }
    }

    static let twoReps = Layout(
        name: "Rep 1 | Rep 1 % | Rep 2 | Rep 2 % | Commission 1 | Commission 2",
        header: [
            "Deal ID", "Close Date", "Amount", "Rep 1", "Rep 1 %", "Rep 2", "Rep 2 %", "Commission 1", "Commission 2",
        ],
        rows: [
            ["D-1", "2026-01-10", "10000", "Ana Ruiz", "60%", "Ben Cole", "40%", "600.00", "400.00"],
            ["D-2", "2026-02-10", "20000", "Ben Cole", "100%", "", "", "2000.00", ""],
            ["D-3", "2026-03-10", "5000", "Cy Diaz", "50%", "Ana Ruiz", "50%", "250.00", "250.00"],
        ])

    static let clean: [Layout] = [
        twoReps,
        Layout(
            name: "three reps",
            header: [
                "Deal ID", "Close Date", "Amount", "Rep 1", "Rep 1 %", "Rep 2", "Rep 2 %", "Rep 3", "Rep 3 %",
                "Commission 1", "Commission 2", "Commission 3",
            ],
            rows: [
                [
                    "D-1", "2026-01-10", "10000", "Ana Ruiz", "50%", "Ben Cole", "30%", "Cy Diaz", "20%", "500.00",
                    "300.00", "200.00",
                ],
                ["D-2", "2026-02-10", "20000", "Ben Cole", "100%", "", "", "", "", "2000.00", "", ""],
            ]),
        Layout(
            name: "Primary Rep | Secondary Rep | Split % | Commission (the row's)",
            header: ["Deal ID", "Close Date", "Amount", "Primary Rep", "Secondary Rep", "Split %", "Commission"],
            rows: [
                ["D-1", "2026-01-10", "10000", "Ana Ruiz", "Ben Cole", "70%", "1000.00"],
                ["D-2", "2026-02-10", "20000", "Ben Cole", "", "", "2000.00"],
            ]),
        Layout(
            name: "Rep | Split Rep | Split % | Commission (the row's)",
            header: ["Deal ID", "Close Date", "Amount", "Rep", "Split Rep", "Split %", "Commission"],
            rows: [
                ["D-1", "2026-01-10", "10000", "Ana Ruiz", "Ben Cole", "60%", "1000.00"],
                ["D-2", "2026-02-10", "20000", "Ben Cole", "", "100%", "2000.00"],
            ]),
        Layout(
            name: "Sales Rep | Overlay Rep | Overlay Rep % | Sales Rep Commission | Overlay Commission",
            header: [
                "Deal ID", "Close Date", "Amount", "Sales Rep", "Overlay Rep", "Overlay Rep %", "Sales Rep Commission",
                "Overlay Rep Commission",
            ],
            rows: [
                ["D-1", "2026-01-10", "10000", "Ana Ruiz", "Ben Cole", "25%", "750.00", "250.00"],
                ["D-2", "2026-02-10", "20000", "Ben Cole", "", "", "2000.00", ""],
            ]),
        Layout(
            name: "Verkäufer 1 | Anteil 1 | Verkäufer 2 | Anteil 2 | Provision 1 | Provision 2",
            header: [
                "Auftragsnummer", "Abschlussdatum", "Betrag", "Verkäufer 1", "Anteil 1", "Verkäufer 2", "Anteil 2",
                "Provision 1", "Provision 2",
            ],
            rows: [
                ["D-1", "2026-01-10", "10000", "Ana Ruiz", "60%", "Ben Cole", "40%", "600.00", "400.00"],
                ["D-2", "2026-02-10", "20000", "Ben Cole", "100%", "", "", "2000.00", ""],
            ]),
        Layout(
            name: "Vendedor 1 | Vendedor 2 | % Vendedor 2 | Comisión",
            header: ["Nº operación", "Fecha", "Importe", "Vendedor 1", "Vendedor 2", "% Vendedor 2", "Comisión"],
            rows: [
                ["D-1", "2026-01-10", "10000", "Ana Ruiz", "Ben Cole", "40%", "1000.00"],
                ["D-2", "2026-02-10", "20000", "Ben Cole", "", "", "2000.00"],
            ]),
    ]

    @Test(arguments: clean, [false, true])
    func aCleanSplitRowHasNoFinding(layout: Layout, xlsx: Bool) throws {
        let (table, result) = try Self.reconcile(layout, xlsx: xlsx)
        // Each deal's lines add up to its whole.
        let wholes = Dictionary(grouping: table.lines, by: \.dealID).mapValues { $0.reduce(0) { $0 + $1.split } }
        #expect(wholes.values.allSatisfy { $0 == 1 })
        #expect(table.lines.count > layout.rows.count)
        #expect(result.findings.isEmpty)
    }

    @Test(arguments: [false, true])
    func eachRepIsALineWithItsShare(xlsx: Bool) throws {
        let (table, _) = try Self.reconcile(Self.twoReps, xlsx: xlsx)
        #expect(
            Self.lines(table) == [
                "D-1 Ana Ruiz 0.6", "D-1 Ben Cole 0.4", "D-2 Ben Cole 1", "D-3 Cy Diaz 0.5", "D-3 Ana Ruiz 0.5",
            ])
        #expect(table.mapping.headers[.rep] == "Rep 1")
        #expect(table.mapping.otherReps.map(\.repHeader) == ["Rep 2"])
    }

    /// A secondary without a share of its own takes the rest; a blank secondary leaves the whole
    /// row's share to the first rep.
    @Test func aSecondaryWithoutAShareTakesTheRest() throws {
        let (table, _) = try Self.reconcile(Self.clean[3], xlsx: false)
        #expect(Self.lines(table) == ["D-1 Ana Ruiz 0.6", "D-1 Ben Cole 0.4", "D-2 Ben Cole 1"])
    }

    /// The second rep's commission wrong: the finding names its own cell.
    @Test(arguments: [false, true])
    func aSecondRepsWrongCommissionIsItsCell(xlsx: Bool) throws {
        let (_, result) = try Self.planted(Self.twoReps, row: 0, column: 8, "450.00", xlsx: xlsx)
        let finding = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(finding.cell == CellAddress("I2"))
        #expect(finding.expected == 400)
        #expect(finding.rep == "R02")
    }

    /// The second rep not paid: its blank cell is the finding's.
    @Test(arguments: [false, true])
    func aSecondRepNotPaidIsItsBlankCell(xlsx: Bool) throws {
        let (_, result) = try Self.planted(Self.twoReps, row: 2, column: 8, "", xlsx: xlsx)
        let finding = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(finding.cell == CellAddress("I4"))
        #expect(finding.expected == 250)
    }

    /// A split that does not add up: the commission paid on the other share is `split_total`.
    @Test(arguments: [false, true])
    func aWrongSplitIsSplitTotal(xlsx: Bool) throws {
        let (table, result) = try Self.planted(Self.twoReps, row: 0, column: 6, "50%", xlsx: xlsx)
        #expect(Self.lines(table).prefix(2) == ["D-1 Ana Ruiz 0.6", "D-1 Ben Cole 0.5"])
        let finding = try #require(result.errors.first)
        #expect(finding.cell == CellAddress("I2"))
        #expect(finding.causes.contains(.splitTotal))
    }

    /// The row's one commission is compared with the sum of its reps' lines: the first rep's alone
    /// is a finding at that cell, for the whole row.
    @Test(arguments: [false, true])
    func theRowsOneCommissionIsItsLinesSum(xlsx: Bool) throws {
        let (_, result) = try Self.planted(Self.clean[3], row: 0, column: 6, "600.00", xlsx: xlsx)
        let finding = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(finding.cell == CellAddress("G2"))
        #expect(finding.expected == 1000)
    }

    /// A total row under the row's one commission adds every rep's lines, not the first's alone.
    @Test(arguments: [false, true])
    func aTotalOfTheRowsCommissionsAddsEveryRep(xlsx: Bool) throws {
        let layout = Self.clean[3]
        let total = ["Total", "", "", "", "", "", "3000.00"]
        let (_, result) = try Self.reconcile(
            Layout(name: layout.name, header: layout.header, rows: layout.rows + [total]), xlsx: xlsx)
        #expect(result.findings.isEmpty)
    }

    /// Commission columns that do not pair one with each rep, and two reps without a share, are
    /// refused naming the headers, not guessed.
    @Test(arguments: [
        [
            "Deal ID", "Close Date", "Amount", "Rep 1", "Rep 1 %", "Rep 2", "Rep 2 %", "Rep 3", "Commission 1",
            "Commission 2",
        ],
        ["Deal ID", "Close Date", "Amount", "Rep 1", "Rep 2", "Commission"],
        ["Deal ID", "Close Date", "Amount", "Rep 1", "Rep 1 %", "Rep 2", "Commission 2"],
    ])
    func anAmbiguousSplitRowIsRefused(header: [String]) throws {
        let layout = Layout(
            name: "", header: header,
            rows: [["D-1", "2026-01-10", "10000"] + Array(repeating: "", count: header.count - 3)])
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.file(layout, xlsx: false, in: folder)
        do {
            _ = try DealsReader.readWorkbook(TableFile.open(path))
            Issue.record("read \(header)")
        } catch {
            #expect("\(error)".contains("deals.csv"))
            #expect("\(error)".contains("split between reps on one row"))
        }
    }

    /// A rep's share headed with the rep's word (`Rep Split`) names no other rep (`Split Rep` would).
    @Test func aRepsShareNamesNoOtherRep() throws {
        let layout = Layout(
            name: "", header: ["Deal ID", "Close Date", "Sales Rep", "Amount", "Rep Split", "Commission"],
            rows: [["D-1", "2026-01-10", "Ana Ruiz", "10000", "60%", "600.00"]])
        let (table, _) = try Self.reconcile(layout, xlsx: false)
        #expect(Self.lines(table) == ["D-1 Ana Ruiz 0.6"])
        #expect(table.mapping.otherReps.isEmpty)
    }

    /// One rep a row with its `Split %` reads as it did: no other rep, its share as written.
    @Test func oneRepARowReadsAsBefore() throws {
        let layout = Layout(
            name: "", header: ["Deal ID", "Close Date", "Amount", "Rep", "Split %", "Commission"],
            rows: [
                ["D-1", "2026-01-10", "10000", "Ana Ruiz", "60%", "600.00"],
                ["D-1", "2026-01-10", "10000", "Ben Cole", "40%", "400.00"],
            ])
        let (table, result) = try Self.reconcile(layout, xlsx: false)
        #expect(Self.lines(table) == ["D-1 Ana Ruiz 0.6", "D-1 Ben Cole 0.4"])
        #expect(table.mapping.otherReps.isEmpty)
        #expect(table.lines.map(\.row) == [2, 3])
        #expect(result.findings.isEmpty)
    }
}
