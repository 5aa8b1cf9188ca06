import Foundation
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A second table under the first whose header writes the same columns in another order (July's
/// deals, then August's with the rep first and the rate last): its rows are never read by the
/// first header's columns (a rep taken for the deal, a rate for the commission), but by its own.
@Suite struct MovedHeaderTests {
    static func texts(_ values: [String]) -> [WriteCell] { values.map { .text($0) } }

    /// `header`, and under it a deal of Priya Nair's at 6%, its cells in the order `header` names them.
    static func deal(_ id: String, amount: String, on date: String, under header: [String]) -> [[WriteCell]] {
        let paid = Decimal(string: amount)! * Decimal(string: "0.06")!
        let cells: [String: WriteCell] = [
            "Deal ID": .text(id), "Rep": .text("Priya Nair"), "Close Date": LayoutReadingTests.date(date),
            "Amount": HeldOutWorkbookTests.number(amount), "Rate": HeldOutWorkbookTests.number("0.06"),
            "Commission": .number(paid),
        ]
        return [texts(header), header.map { cells[$0]! }]
    }

    static let order = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"]

    static let july: [[WriteCell]] =
        [texts(["JULY 2026"])] + deal("D1", amount: "10000", on: "2026-07-03", under: order) + [[]]

    @Test func aHeaderRearrangedUnderTheTableHeadsATableOfItsOwn() throws {
        let rearranged = ["Rep", "Deal ID", "Close Date", "Amount", "Commission", "Rate"]
        var august =
            [Self.texts(["AUGUST 2026"])] + Self.deal("D2", amount: "20000", on: "2026-08-03", under: rearranged)
            + Self.deal("D3", amount: "30000", on: "2026-08-04", under: rearranged).dropFirst()
        // D3 (sheet row 8) pays 1,900 where 6% of 30,000 is 1,800.
        august[august.count - 1][4] = .number(1900)
        let result = try HeldOutWorkbookTests.reconcile(
            [("Q3", Self.july + august)], plan: HeldOutWorkbookTests.plan())
        #expect(result.errors.map(\.cell) == [CellAddress("E8")], "\(result.errors.map(\.explanation))")
        #expect(result.errors.first?.dealID == "D3")
    }

    /// A table of another kind under the deals, after a blank row and a title (`Rep | Quota |
    /// Bookings | Attainment`, a row per rep in the deals' first columns): no deals, and no rows
    /// that cannot be read; the deals above are read as before.
    @Test func aTableOfAnotherKindUnderTheDealsHoldsNoDeals() throws {
        let quotas: [[WriteCell]] = [
            [], Self.texts(["Quota attainment"]), Self.texts(["Rep", "Quota", "Bookings", "Attainment"]),
            [
                .text("Priya Nair"), HeldOutWorkbookTests.number("250000"), HeldOutWorkbookTests.number("10000"),
                HeldOutWorkbookTests.number("0.04"),
            ],
        ]
        let result = try HeldOutWorkbookTests.reconcile(
            [("Q3", Self.july + quotas)], plan: HeldOutWorkbookTests.plan())
        #expect(result.findings.isEmpty, "\(result.findings.map { "\($0.cell) \($0.cause) \($0.explanation)" })")
        #expect(result.statement.lineGroups.joined().compactMap(\.dealID) == ["D1"])
    }

    @Test func theHeaderRepeatedInItsOwnOrderIsNoRow() throws {
        let august =
            [Self.texts(["AUGUST 2026"])] + Self.deal("D2", amount: "20000", on: "2026-08-03", under: Self.order)
        let result = try HeldOutWorkbookTests.reconcile(
            [("Q3", Self.july + august)], plan: HeldOutWorkbookTests.plan())
        #expect(result.errors.isEmpty, "\(result.errors.map(\.explanation))")
    }

    /// A workbook past the size whose rows are set aside as each sheet is read: the second table is
    /// read under its own header all the same, the sheets read before it kept as set aside.
    @Test func aRearrangedTableIsReadWhereRowsAreSetAside() throws {
        let rearranged = ["Rep", "Deal ID", "Close Date", "Amount", "Commission", "Rate"]
        var august =
            [Self.texts(["AUGUST 2026"])] + Self.deal("D2", amount: "20000", on: "2026-08-03", under: rearranged)
        august[august.count - 1][4] = .number(1300)
        let sheets = [
            ("June", Self.deal("D0", amount: "5000", on: "2026-06-03", under: Self.order)), ("Q3", Self.july + august),
        ]
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook(sheets, in: folder)
        let plan = try PlanFile.parse(HeldOutWorkbookTests.plan(), file: "plan.yaml")
        for budget in [nil, 0] as [Int?] {
            let result = try Reconciler.reconcile(workbook: path, plan: plan, roster: [], rowBudget: budget)
            #expect(
                result.errors.map { "\($0.sheet)!\($0.cell) \($0.dealID ?? "")" } == ["Q3!E7 D2"],
                "budget \(String(describing: budget)): \(result.errors.map(\.explanation))")
        }
    }

    /// A second table whose header names no close date cannot be read: each of its rows is an
    /// `unreadable` finding at its own cell (plan-format.md §7: every row is accounted for), the
    /// table above it read as ever, and the same where rows are set aside.
    @Test func aSecondTableWithoutARequiredColumnHasItsRowsUnreadable() throws {
        let dateless = ["Rep", "Deal ID", "Amount", "Commission", "Rate"]
        let august =
            [Self.texts(["AUGUST 2026"])] + Self.deal("D2", amount: "20000", on: "2026-08-03", under: dateless)
            + Self.deal("D3", amount: "30000", on: "2026-08-04", under: dateless).dropFirst()
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook([("Q3", Self.july + august)], in: folder)
        let plan = try PlanFile.parse(HeldOutWorkbookTests.plan(), file: "plan.yaml")
        for budget in [nil, 0] as [Int?] {
            let result = try Reconciler.reconcile(workbook: path, plan: plan, roster: [], rowBudget: budget)
            #expect(
                result.errors.map { "\($0.cell) \($0.cause.rawValue)" } == ["A7 unreadable", "A8 unreadable"],
                "\(result.errors.map(\.explanation))")
            #expect(result.errors.allSatisfy { $0.explanation.contains("'Close Date'") })
            #expect(result.statement.lines.map(\.dealID) == ["D1"])
        }
    }
}
