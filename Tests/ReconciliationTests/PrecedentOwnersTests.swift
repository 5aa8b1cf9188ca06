import Commission
import Foundation
import Ingest
import Spreadsheet
import Testing

@testable import Reconciliation

/// The wrong cells of no rep that a rep's total may add up (`FindingPrecedents.NoRepCells`).
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
}
