import Commission
import Foundation
import Ingest
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Rates looked up from a rate table, traced to the table's cell; reps resolved through the
/// roster's e-mail and aliases columns.
@Suite struct LookupAndIdentityTests {
    static let plan = """
        plan: Lookup tests
        period: quarter
        commission:
          tiers:
            metric: amount
            basis: per_deal
            mode: retroactive
            table:
              - { from: 0, rate: 5% }
              - { from: 20000, rate: 8% }
        """

    /// A deals row whose rate is the formula `rate` (its cached value `cached`), paid amount × rate.
    static func row(_ number: Int, amount: Int, tier: String, rate: String, cached: String) -> [WriteCell] {
        let paid = (Decimal(amount) * Decimal(string: cached)!).rounded(places: 2, mode: .halfUp)
        return [
            .text("D\(number)"), .text("Ana Lima"), LayoutReadingTests.date("2026-01-15"), .number(Decimal(amount)),
            .text(tier), CauseTests.formula(cached, rate),
            CauseTests.formula(paid.plainString, "ROUND(D\(number)*F\(number),2)"),
        ]
    }

    static func reconcile(_ sheets: [(String, [[WriteCell]])], roster: String) throws -> Reconciliation {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook(sheets, in: folder)
        let rosterPath = folder.appendingPathComponent("roster.csv").path
        try roster.write(toFile: rosterPath, atomically: true, encoding: .utf8)
        return try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(Self.plan, file: "plan.yaml"),
            roster: RosterReader.read(TableFile.open(rosterPath)))
    }

    static let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Tier", "Rate", "Commission"].map {
        .text($0)
    }

    @Test func aWrongRateTableCellIsTheFindingAndTheRowsItSpoilsStandUnderIt() throws {
        let rates: [[WriteCell]] = [
            [.text("Tier"), .text("Rate")], [.text("Small"), .number(Decimal(string: "0.05")!)],
            [.text("Large"), .number(Decimal(string: "0.075")!)],
        ]
        let deals: [[WriteCell]] = [
            Self.header,
            Self.row(2, amount: 10000, tier: "Small", rate: "VLOOKUP(E2,Rates!$A$2:$B$3,2,FALSE)", cached: "0.05"),
            Self.row(3, amount: 30000, tier: "Large", rate: "VLOOKUP(E3,Rates!$A$2:$B$3,2,FALSE)", cached: "0.075"),
            Self.row(
                4, amount: 40000, tier: "Large", rate: "INDEX(Rates!$B$2:$B$3,MATCH(E4,Rates!$A$2:$A$3,0))",
                cached: "0.075"),
            Self.row(
                5, amount: 50000, tier: "Large", rate: "IF(E5=\"Small\",Rates!$B$2,Rates!$B$3)", cached: "0.075"),
            Self.row(6, amount: 12000, tier: "Small", rate: "VLOOKUP(E6,Rates!$A$2:$B$3,2,FALSE)", cached: "0.05"),
        ]
        let result = try Self.reconcile([("Deals", deals), ("Rates", rates)], roster: "id,name\nR1,Ana Lima\n")
        let errors = result.errors.map { "\($0.sheet)!\($0.cell) \($0.cause)" }
        #expect(errors == ["Rates!B3 wrong_rate", "Deals!G5 wrong_rate", "Deals!G4 wrong_rate", "Deals!G3 wrong_rate"])
        let table = try #require(result.errors.first)
        #expect(table.manual == Decimal(string: "0.075") && table.expected == Decimal(string: "0.08"))
        #expect(Set(table.lookedUpBy) == ["Deals|G3", "Deals|G4", "Deals|G5"])
        #expect(table.explanation.contains("3 rows look it up"))
        #expect(result.errors.dropFirst().allSatisfy { $0.explanation.contains("looked up from Rates!B3 (7.5%)") })
        // The table cell's difference is a rate, not money: the net is the rows' alone.
        #expect(result.netOverpayment == -600)
    }

    @Test func aRowThatLooksUpTheWrongLineOfARightTableIsTheRowsOwnError() throws {
        let rates: [[WriteCell]] = [
            [.text("Tier"), .text("Rate")], [.text("Small"), .number(Decimal(string: "0.05")!)],
            [.text("Large"), .number(Decimal(string: "0.08")!)],
        ]
        let deals: [[WriteCell]] = [
            Self.header,
            Self.row(2, amount: 10000, tier: "Small", rate: "VLOOKUP(E2,Rates!$A$2:$B$3,2,FALSE)", cached: "0.05"),
            Self.row(3, amount: 30000, tier: "Small", rate: "VLOOKUP(E3,Rates!$A$2:$B$3,2,FALSE)", cached: "0.05"),
            Self.row(4, amount: 40000, tier: "Large", rate: "VLOOKUP(E4,Rates!$A$2:$B$3,2,FALSE)", cached: "0.08"),
        ]
        let result = try Self.reconcile([("Deals", deals), ("Rates", rates)], roster: "id,name\nR1,Ana Lima\n")
        #expect(result.errors.map { "\($0.sheet)!\($0.cell) \($0.cause)" } == ["Deals!G3 wrong_tier"])
    }

    /// Rows that look up the wrong column of a right table (`VLOOKUP(…,3,…)` reading the
    /// accelerated rate) or, over an unsorted table, the line of another band (its threshold
    /// beside its rate), with no correct row reading the cell, are their own errors: the table
    /// cell stays as it is.
    @Test(arguments: [
        (
            "VLOOKUP(E#,Rates!$A$2:$C$3,3,FALSE)", "0.1",
            [["Tier", "Rate", "Accelerated"], ["Small", "0.05", "0.07"], ["Large", "0.08", "0.1"]]
        ),
        ("VLOOKUP(D#,Rates!$A$2:$B$3,2,TRUE)", "0.05", [["From", "Rate"], ["20000", "0.08"], ["0", "0.05"]]),
    ])
    func rowsLookingUpTheWrongCellOfARightTableAreTheirOwnErrors(formula: String, cached: String, table: [[String]])
        throws
    {
        let rates = table.map { line in
            line.map { Decimal(string: $0).map { WriteCell.number($0) } ?? WriteCell.text($0) }
        }
        let deals: [[WriteCell]] =
            [Self.header]
            + [2, 3].map { row in
                Self.row(
                    row, amount: 30000 + row * 1000, tier: "Large",
                    rate: formula.replacingOccurrences(of: "#", with: "\(row)"), cached: cached)
            }
        let result = try Self.reconcile([("Deals", deals), ("Rates", rates)], roster: "id,name\nR1,Ana Lima\n")
        #expect(Set(result.errors.map { "\($0.sheet)!\($0.cell)" }) == ["Deals!G2", "Deals!G3"])
    }

    @Test func repsWrittenAsTheRostersEmailOrAnAliasAreThatRep() throws {
        let roster = """
            id,name,email,aliases
            R1,Ana Lima,alima@corp.example,Annie L.; Ana Souza
            R2,Ben Okafor,,
            """
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rosterPath = folder.appendingPathComponent("roster.csv").path
        try roster.write(toFile: rosterPath, atomically: true, encoding: .utf8)
        let entries = try RosterReader.read(TableFile.open(rosterPath))
        #expect(entries[0].email == "alima@corp.example" && entries[0].aliases == ["Annie L.", "Ana Souza"])
        #expect(entries[1].email == nil && entries[1].aliases.isEmpty)
        let written = ["alima@corp.example", "ana.lima@example.com", "Annie L.", "Ana Souza", "Annie", "ben okafor"]
        let deals: [[WriteCell]] =
            [Self.header]
            + written.enumerated().map { index, rep in
                [
                    .text("D\(index + 2)"), .text(rep), LayoutReadingTests.date("2026-01-15"), .number(1000),
                    .text("Small"), .number(Decimal(string: "0.05")!),
                    CauseTests.formula("50", "ROUND(D\(index + 2)*F\(index + 2),2)"),
                ]
            }
        let result = try Self.reconcile([("Deals", deals)], roster: roster)
        #expect(result.errors.map { "\($0.cell) \($0.cause)" } == ["G6 wrong_rep"])
        for name in ["alima@corp.example", "ana.lima@example.com", "Annie L.", "Ana Souza"] {
            #expect(result.mappingNotes.contains("rep '\(name)' read as Ana Lima (R1), 1 row"))
        }
        #expect(result.mappingNotes.contains("rep 'ben okafor' read as Ben Okafor (R2), 1 row"))
    }
}
