import Foundation
import Ingest
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// The bonus written in two columns under two names, with their currencies (`SPIFF (EUR)`,
/// `Bonus EUR`): both are the bonus, added up, the SPIFF's column first.
@Suite struct TwoBonusColumnsTests {
    static func header(_ bonuses: [String]) -> [WriteCell] {
        (["Deal ID", "Rep", "Close Date", "Amount", "Product", "Commission"] + bonuses).map { .text($0) }
    }

    @Test(arguments: [["SPIFF (EUR)", "Bonus (EUR)"], ["Bonus EUR", "SPIFF €"], ["SPIFF (€)", "Bonus EUR"]])
    func twoBonusColumnsUnderTwoNamesAreBoth(bonuses: [String]) throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows: [[WriteCell]] = [
            Self.header(bonuses),
            SpiffWithoutBonusColumnTests.row("D1", "R1", 10000, "Analytics", 500) + [.number(200)],
            SpiffWithoutBonusColumnTests.row("D2", "R1", 20000, "Core", 1000),
            SpiffWithoutBonusColumnTests.row("D3", "R2", 8000, "Analytics", 400) + [.empty, .empty],
            SpiffWithoutBonusColumnTests.row("D4", "R2", 12000, "Analytics", 600) + [.empty, .number(200)],
        ]
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["R1", "R2"])
        let spiff = bonuses.firstIndex { $0.hasPrefix("SPIFF") }! + 7
        #expect(read.mapping.columns[.bonus] == spiff)
        #expect(read.mapping.addedColumns[.bonus] == [spiff == 7 ? 8 : 7])
        let result = try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(SpiffWithoutBonusColumnTests.plan, file: "plan.yaml"), roster: [])
        let spiffColumn = CellAddress.columnName(spiff)
        #expect(result.errors.map { "\($0.cell) \($0.cause.rawValue)" } == ["\(spiffColumn)4 bonus_missing"])
        let other = CellAddress.columnName(spiff == 7 ? 8 : 7)
        #expect(
            result.mappingNotes.contains {
                $0.contains("bonus ← '\(bonuses[spiff - 7])' + column \(other)")
            })
    }

    @Test func oneBonusInTwoCurrenciesIsNeither() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows: [[WriteCell]] = [
            Self.header(["Bonus (GBP)", "Bonus (EUR)"]),
            SpiffWithoutBonusColumnTests.row("D1", "R1", 10000, "Analytics", 500) + [.number(170), .number(200)],
        ]
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["R1", "R2"])
        #expect(read.mapping.columns[.bonus] == nil)
    }
}
