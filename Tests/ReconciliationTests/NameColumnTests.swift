import Commission
import Foundation
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A deals sheet without a rep column whose `Name` column holds the plan's reps: the rep. So is a
/// column of e-mail addresses (a Google Form's responses sheet, `Email Address` the sender) whose
/// addresses are the roster's, or whose part before the `@` is a rep's name.
@Suite struct NameColumnTests {
    static func rows(names: [String]) -> [[WriteCell]] {
        let header: [WriteCell] = ["Deal ID", "Name", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
        return [header]
            + names.enumerated().map { offset, name in
                let n = offset + 2
                // Row 3 pays 7% where the plan pays 6%.
                let rate = n == 3 ? "0.07" : "0.06"
                let paid = n == 3 ? "700" : "600"
                return [
                    .text("D\(n)"), .text(name), LayoutReadingTests.date("2026-04-\(10 + n)"),
                    HeldOutWorkbookTests.number("10000"), HeldOutWorkbookTests.number(rate),
                    CauseTests.formula(paid, "ROUND(D\(n)*E\(n),2)"),
                ]
            }
    }

    @Test func aNameColumnOfKnownRepsIsTheRep() throws {
        let result = try HeldOutWorkbookTests.reconcile(
            [("Deals", Self.rows(names: ["Priya Nair", "Tomás Herrera", "Priya Nair"]))],
            plan: HeldOutWorkbookTests.plan())
        #expect(result.errors.map(\.cell) == [CellAddress("F3")])
        #expect(result.errors.first?.cause == .wrongRate)
    }

    @Test func aNameColumnOfOtherNamesIsNoRep() {
        #expect(throws: (any Error).self) {
            try HeldOutWorkbookTests.reconcile(
                [("Deals", Self.rows(names: ["Acme Corp", "Globex", "Initech"]))], plan: HeldOutWorkbookTests.plan())
        }
    }

    /// The plan's reps with their e-mail addresses, as a roster gives them.
    static let roster: [RosterEntry] = {
        var priya = RosterEntry(id: "E1041", name: "Priya Nair")
        priya.email = "pnair@example.com"
        var tomas = RosterEntry(id: "E1042", name: "Tomás Herrera")
        tomas.email = "therrera@example.com"
        return [priya, tomas]
    }()

    /// `rows(names:)` under a form's headers: the rep column headed `header` (`Email Address`),
    /// the time the form was sent after the commission.
    static func formRows(addresses: [String], header: String = "Email Address") -> [[WriteCell]] {
        rows(names: addresses).enumerated().map { offset, row in
            var row = row
            if offset == 0 { row[1] = .text(header) }
            return row + [offset == 0 ? .text("Timestamp") : LayoutReadingTests.date("2026-04-2\(offset)")]
        }
    }

    @Test(arguments: [
        (["pnair@example.com", "therrera@example.com", "PNair@Example.com"], "Email Address"),
        (["priya.nair@acme.example", "tomas.herrera@acme.example", "priya.nair@acme.example"], "E-mail"),
    ])
    func aColumnOfTheRepsAddressesIsTheRep(addresses: [String], header: String) throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook(
            [("Form Responses 1", Self.formRows(addresses: addresses, header: header))], in: folder)
        let result = try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(HeldOutWorkbookTests.plan(), file: "plan.yaml"), roster: Self.roster)
        #expect(result.errors.map(\.cell) == [CellAddress("F3")])
        #expect(result.errors.first?.cause == .wrongRate)
    }

    @Test func aColumnOfOtherAddressesIsNoRep() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook(
            [
                (
                    "Form Responses 1",
                    Self.formRows(addresses: ["buyer@acme.example", "ap@globex.example", "x@y.example"])
                )
            ],
            in: folder)
        #expect(throws: (any Error).self) {
            try Reconciler.reconcile(
                workbook: path, plan: PlanFile.parse(HeldOutWorkbookTests.plan(), file: "plan.yaml"),
                roster: Self.roster)
        }
    }
}
