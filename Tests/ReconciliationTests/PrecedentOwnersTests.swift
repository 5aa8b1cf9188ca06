import Commission
import Foundation
import Ingest
import Spreadsheet
import Testing

@testable import Reconciliation

/// The wrong cells of no rep that a rep's total may add up (`FindingPrecedents.NoRepCells`), and
/// the data rows a total row stands for, found by halving over the rows' keys
/// (`TotalRowFindings.RowsByOwn`).
@Suite struct PrecedentOwnersTests {
    private static func finding(_ row: Int, rep: String?, precedents: [Int] = []) -> Finding {
        var finding = Finding(
            sheet: "Deals", cell: CellAddress(row: row, column: 7), dealID: nil, rep: rep, period: nil, manual: 1,
            manualText: nil, expected: 0, causes: [.unexplained], explanation: "", isDerived: false)
        finding.precedents = precedents.map { CellPlace(sheet: "Deals", cell: CellAddress(row: $0, column: 7)) }
        return finding
    }

    private static func noRepCells(_ findings: [Finding]) -> (FindingPrecedents.NoRepCells, [CellPlace]) {
        var index: [CellPlace: Int] = [:]
        for (position, finding) in findings.enumerated() {
            index[CellPlace(sheet: finding.sheet, cell: finding.cell)] = position
        }
        let cells = findings.filter { $0.rep == nil }.map { CellPlace(sheet: $0.sheet, cell: $0.cell) }
        return (FindingPrecedents.NoRepCells(cells, index: index, findings: findings), cells)
    }

    private static func rows(_ places: [CellPlace]) -> [Int] { places.map(\.cell.row).sorted() }

    @Test func aSubtotalIsItsOneRepsAndAGrandTotalNobodys() {
        let findings = [
            Self.finding(2, rep: "Ana"), Self.finding(3, rep: "Ana"), Self.finding(4, rep: nil, precedents: [2, 3]),
            Self.finding(5, rep: "Bo"), Self.finding(6, rep: nil, precedents: [5]),
            Self.finding(7, rep: nil, precedents: [4, 6]),
            // A rate of no rep over no wrong rows, and a cell over one that is not wrong.
            Self.finding(8, rep: nil), Self.finding(9, rep: nil, precedents: [40]),
        ]
        let (cells, _) = Self.noRepCells(findings)
        #expect(Self.rows(cells.cells(addedUpBy: "Ana")) == [4, 8, 9])
        #expect(Self.rows(cells.cells(addedUpBy: "bo")) == [6, 8, 9])
        #expect(Self.rows(cells.cells(addedUpBy: "Cy")) == [8, 9])
    }

    @Test func cellsThatAddUpEachOtherHaveTheRepsOfAllTheyReach() {
        // 10 → 11 → 12 → 10, and 12 over a row of Ana's, 11 over one of Bo's: each has both.
        let findings = [
            Self.finding(2, rep: "Ana"), Self.finding(3, rep: "Bo"),
            Self.finding(10, rep: nil, precedents: [11]), Self.finding(11, rep: nil, precedents: [12, 3]),
            Self.finding(12, rep: nil, precedents: [10, 2]),
            // Over one of the part: both reps too. A part of Ana's alone: hers.
            Self.finding(13, rep: nil, precedents: [12]),
            Self.finding(20, rep: nil, precedents: [21]), Self.finding(21, rep: nil, precedents: [20, 2]),
        ]
        let (cells, _) = Self.noRepCells(findings)
        #expect(Self.rows(cells.cells(addedUpBy: "Ana")) == [20, 21])
        #expect(Self.rows(cells.cells(addedUpBy: "Bo")).isEmpty)
    }

    @Test func aChainOfRunningTotalsIsWalkedWithoutRecursion() {
        // Each running total adds the one above it: 100,000 deep, over a row of Ana's at the top.
        var findings = [Self.finding(1, rep: "Ana")]
        for row in 2...100_001 { findings.append(Self.finding(row, rep: nil, precedents: [row - 1])) }
        let (cells, all) = Self.noRepCells(findings)
        #expect(cells.cells(addedUpBy: "Ana").count == all.count)
        #expect(cells.cells(addedUpBy: "Bo").isEmpty)
    }

    private static func line(sheet: Int, row: Int) -> CreditLine {
        CreditLine(
            row: sheet << 32 | row, dealID: "D\(row)", rep: "Ana", date: LocalDate(year: 2026, month: 1, day: 1)!,
            amount: 1)
    }

    @Test func totalRowsFindTheirRowsByHalvingInTheOrderRead() {
        var generator = SystemRandomNumberGenerator()
        // Sheets 1 and 2 are one sheet read as two tables (a header rearranged below the first):
        // one name, whose rows a total of the sheet stands for alike.
        let names = ["Deals", "East", "East", "West"]
        func name(_ key: Int) -> String { names[key >> 32] }
        for ascending in [true, false] {
            var keys: [(sheet: Int, row: Int)] = []
            for sheet in 0..<4 {
                let rows = sheet == 2 ? 200..<400 : sheet == 1 ? 2..<200 : 2..<400
                for row in stride(
                    from: rows.lowerBound, to: rows.upperBound, by: Int.random(in: 1...3, using: &generator))
                {
                    keys.append((sheet, row))
                }
            }
            if !ascending { keys.shuffle(using: &generator) }
            let lines = keys.map { Self.line(sheet: $0.sheet, row: $0.row) }
            let copies: [(sheet: Int, row: Int)] = [(1, 500), (0, 7), (2, 3), (1, 3)]
            let rows = TotalRowFindings.RowsByOwn(
                lines: lines,
                copies: copies.map {
                    CopiedRow(
                        line: Self.line(sheet: $0.sheet, row: $0.row),
                        manual: ManualCells(row: 0, rate: nil, commission: nil, bonus: nil), original: 0)
                }, name: name)
            // As the rows of each name, lines then copies in the order read, filtered by own row.
            let all = lines.map(\.row) + copies.map { $0.sheet << 32 | $0.row }
            for _ in 0..<300 {
                let sheet = names.randomElement(using: &generator)!
                let first = Int.random(in: -5...520, using: &generator)
                let span = first...(first + Int.random(in: 0...80, using: &generator))
                let expected = all.filter { name($0) == sheet && span.contains($0 & 0xFFFF_FFFF) }
                let found = rows.within(span, onSheet: sheet)
                #expect(found.map(\.key) == expected)
                #expect(found.map(\.own) == expected.map { $0 & 0xFFFF_FFFF })
            }
            for sheet in Set(names) {
                let expected = all.filter { name($0) == sheet }.map { $0 & 0xFFFF_FFFF }.min()
                #expect(rows.firstRow(onSheet: sheet) == expected)
            }
            #expect(rows.firstRow(onSheet: "North") == nil)
            #expect(rows.within(1...1_000, onSheet: "North").isEmpty)
        }
    }
}
