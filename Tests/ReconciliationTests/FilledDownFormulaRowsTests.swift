import Commission
import Foundation
import PlanFile
import Reconciliation
import TestSupport
import Testing
import XLSX

/// Teams fill a deals sheet's formulas down past the last deal, ready for the next ones: rows
/// with no deal id, rep, date or amount whose commission formula gives 0 (`=ROUND(D4*E4,2)`), ""
/// (`=IF(D4="","",…)`) or an error (a rate's `VLOOKUP` of a blank key). They are no deals and pay
/// nothing; a row whose formula gives money is still reported, as every row is accounted for.
@Suite struct FilledDownFormulaRowsTests {
    static let plan = PlanTexts.flat("Filled down")

    static func workbook(in folder: URL, lastFormula: WriteCell) throws -> String {
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
        func deal(_ row: Int, _ id: String, _ amount: Decimal) -> [WriteCell] {
            [
                .text(id), .text("Ana Lima"), LayoutReadingTests.date("2026-01-15"), .number(amount),
                .number(Decimal(string: "0.05")!),
                CauseTests.formula("\(amount * Decimal(string: "0.05")!)", "ROUND(D\(row)*E\(row),2)"),
            ]
        }
        func blank(_ rate: WriteCell, _ commission: WriteCell) -> [WriteCell] {
            [.empty, .empty, .empty, .empty, rate, commission]
        }
        let rows: [[WriteCell]] = [
            header, deal(2, "D1", 10000), deal(3, "D2", 20000),
            blank(.empty, CauseTests.formula("0", "ROUND(D4*E4,2)")),
            blank(.empty, WriteCell(.text(""), formula: "IF(D5=\"\",\"\",ROUND(D5*E5,2))")),
            blank(WriteCell(.error("#N/A"), formula: "VLOOKUP(B6,Rates!A:B,2,FALSE)"), CauseTests.formula("0", "0")),
            blank(.empty, lastFormula),
        ]
        return try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
    }

    /// The last filled-down row's formula giving 0 is no deal; one giving 250.00 is reported.
    @Test(arguments: [
        (CauseTests.formula("0", "ROUND(D7*E7,2)"), [String]()), (CauseTests.formula("250", "250"), ["A7 unreadable"]),
    ])
    func rowsOfFormulasFilledDownPastTheDealsAreNoDeals(_ last: WriteCell, found: [String]) throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.workbook(in: folder, lastFormula: last)
        let plan = try PlanFile.parse(Self.plan, file: "plan.yaml")
        let result = try Reconciler.reconcile(workbook: path, plan: plan, roster: [])
        #expect(
            result.findings.map { "\($0.cell) \($0.cause.rawValue)" } == found,
            "\(result.findings.map { "\($0.cell) \($0.cause) \($0.explanation)" })")
    }
}
