import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Rates written in whole percent (`5` for 5%, `=ROUND(D*E*F/100,2)`) or in basis points (`500`,
/// `/10000`) name the same causes as rates written as fractions.
@Suite struct RateScaleTests {
    /// Rows 2–5 at 10,000 and 5% written as `5`, row `n` with `rate` and its commission.
    static func rows(row n: Int, rate: String, commission: String) -> [CauseTests.Row] {
        (2...5).map { row in
            CauseTests.Row(
                deal: "D\(row)", amount: 10000, rate: CauseTests.rate(row == n ? rate : "5"),
                commission: CauseTests.formula(row == n ? commission : "500", "ROUND(D\(row)*E\(row)*F\(row)/100,2)"))
        }
    }

    @Test func aTypedRateInWholePercentIsAWrongRate() throws {
        let result = try CauseTests.reconcile(CauseTests.workbook(Self.rows(row: 3, rate: "6", commission: "600")))
        let finding = try #require(CauseTests.onlyError(result))
        #expect(finding.cause == .wrongRate)
        #expect(finding.explanation.contains("rate 6% is not the plan's 5%"))
    }

    @Test func anotherBandsRateInWholePercentIsAWrongTier() throws {
        let result = try CauseTests.reconcile(CauseTests.workbook(Self.rows(row: 4, rate: "8", commission: "800")))
        #expect(CauseTests.onlyError(result)?.cause == .wrongTier)
    }

    /// Rows 2–5 at 10,000 and 5% written in basis points (`500`, `=ROUND(D*E*F/10000,2)`), row `n`
    /// with `rate` and its commission.
    static func basisPoints(row n: Int, rate: String, commission: String) -> [CauseTests.Row] {
        (2...5).map { row in
            CauseTests.Row(
                deal: "D\(row)", amount: 10000, rate: CauseTests.rate(row == n ? rate : "500"),
                commission: CauseTests.formula(
                    row == n ? commission : "500", "ROUND(D\(row)*E\(row)*F\(row)/10000,2)"))
        }
    }

    @Test func aTypedRateInBasisPointsIsAWrongRate() throws {
        let result = try CauseTests.reconcile(
            CauseTests.workbook(Self.basisPoints(row: 3, rate: "600", commission: "600")))
        let finding = try #require(CauseTests.onlyError(result))
        #expect(finding.cause == .wrongRate)
        #expect(finding.explanation.contains("rate 6% is not the plan's 5%"))
    }

    @Test func anotherBandsRateInBasisPointsIsAWrongTier() throws {
        let result = try CauseTests.reconcile(
            CauseTests.workbook(Self.basisPoints(row: 4, rate: "800", commission: "800")))
        #expect(CauseTests.onlyError(result)?.cause == .wrongTier)
    }

    /// A rate table in whole percent: its wrong cell is found, and corrected in whole percent.
    @Test func aWholePercentRateTablesWrongCellIsTheFindingInItsOwnUnits() throws {
        let rates: [[WriteCell]] = [
            [.text("Tier"), .text("Rate %")], [.text("Small"), .number(5)],
            [.text("Large"), .number(Decimal(string: "7.5")!)],
        ]
        let rows: [(Int, String)] = [(10000, "Small"), (30000, "Large"), (40000, "Large"), (12000, "Small")]
        let deals: [[WriteCell]] =
            [LookupAndIdentityTests.header]
            + rows.enumerated().map { offset, deal in
                let row = offset + 2
                let rate = Decimal(string: deal.1 == "Small" ? "5" : "7.5")!
                return [
                    .text("D\(row)"), .text("Ana Lima"), LayoutReadingTests.date("2026-01-15"),
                    .number(Decimal(deal.0)),
                    .text(deal.1), CauseTests.formula(rate.plainString, "VLOOKUP(E\(row),Rates!$A$2:$B$3,2,FALSE)"),
                    CauseTests.formula(
                        (Decimal(deal.0) * rate / 100).plainString, "ROUND(D\(row)*F\(row)/100,2)"),
                ]
            }
        let result = try LookupAndIdentityTests.reconcile(
            [("Deals", deals), ("Rates", rates)], roster: "id,name\nR1,Ana Lima\n")
        let table = try #require(result.errors.first)
        #expect("\(table.sheet)!\(table.cell)" == "Rates!B3")
        #expect(table.manual == Decimal(string: "7.5") && table.expected == 8)
        #expect(Set(table.lookedUpBy) == ["Deals|G3", "Deals|G4"])
        #expect(result.errors.count == 3)
    }

    /// Rows 2–5 at 10,000 and 5% with the rate per mille under `Rate (‰)` (`50` as a number, the
    /// formula dividing by 1,000; or `50 ‰` as text beside a typed commission), row `n` at `rate`.
    static func perMille(row n: Int, rate: String, commission: String, asText: Bool) throws -> String {
        let folder = try LayoutReadingTests.folder()
        let header = ["Deal ID", "Rep", "Close Date", "Amount", "Split", asText ? "Rate" : "Rate (‰)", "Commission"]
        let rows: [[WriteCell]] = (2...5).map { row in
            let mille = row == n ? rate : "50"
            let figure = row == n ? commission : "500"
            return [
                .text("D\(row)"), .text("R1"), LayoutReadingTests.date("2026-01-15"), .number(10000), .number(1),
                asText ? .text("\(mille) ‰") : CauseTests.rate(mille),
                asText ? CauseTests.rate(figure) : CauseTests.formula(figure, "ROUND(D\(row)*E\(row)*F\(row)/1000,2)"),
            ]
        }
        return try LayoutReadingTests.workbook([("Deals", [header.map { .text($0) }] + rows)], in: folder)
    }

    /// `60` under `Rate (‰)` is 6%, not the 60% whole percents would make it; `60 ‰` as text alike.
    @Test(arguments: [false, true])
    func aTypedRatePerMilleIsAWrongRate(asText: Bool) throws {
        let path = try Self.perMille(row: 3, rate: "60", commission: "600", asText: asText)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let finding = try #require(CauseTests.onlyError(try CauseTests.reconcile(path)))
        #expect(finding.cause == .wrongRate)
        #expect(finding.explanation.contains("rate 6% is not the plan's 5%"))
    }

    @Test(arguments: [false, true])
    func ratesPerMilleAtThePlansRateAreRight(asText: Bool) throws {
        let path = try Self.perMille(row: 3, rate: "50", commission: "500", asText: asText)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        #expect(try CauseTests.reconcile(path).errors.isEmpty)
    }
}
