import Commission
import Foundation
import Ingest
import Spreadsheet
import Testing
import XLSX

@testable import Inference

/// What the report claims holds: no clause from float noise, no 0% band for a `MIN(…, cap)`, a
/// threshold the formulas state is not "anywhere", a clawback window the rows leave open is a range.
@Suite struct ClaimTests {
    static let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Commission"].map { .text($0) }

    static func infer(_ rows: [[WriteCell]], header: [WriteCell] = header) throws -> InferredPlan {
        let folder = try WorkbookLayoutTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try WorkbookLayoutTests.workbook([("Deals", [header] + rows)], in: folder)
        return PlanInference.infer(try WorkbookEvidence.read(path: path))
    }

    static func amount(_ index: Int) -> Decimal { Decimal(3000 + (index * 7919) % 97000) }

    static func row(_ index: Int, commission: WriteCell) -> [WriteCell] {
        [
            .text("D-\(index)"), .text(index % 2 == 0 ? "Ana Lima" : "Ben Okafor"),
            WorkbookLayoutTests.date(2026, 1 + index % 6, 10), .number(amount(index)), commission,
        ]
    }

    /// Typed cents whose doubles are written with 16 digits (8820.030000000001) are cents.
    @Test func floatNoiseIsNoEvidenceOfUnroundedFigures() throws {
        let rows = (0..<20).map { index in
            let cents = (Self.amount(index) * Decimal(string: "0.07")!).rounded(places: 2, mode: .halfUp)
            let noisy = index % 4 == 0 ? cents + Decimal(string: "0.0000000000001")! : cents
            return Self.row(index, commission: .number(noisy))
        }
        let inferred = try Self.infer(rows)
        #expect(inferred.plan.rounding.level == .line, "\(inferred.yaml)")
        #expect(inferred.fit.reproduced == 20)
        #expect(inferred.fit.money == inferred.fit.money.rounded(places: 2, mode: .halfUp), "\(inferred.fit.money)")
    }

    /// `ROUND(…, 9223372036854775807)` in every formula is no rounding rule: the plan keeps
    /// its default places and is priced without a trap (tester5's `f_round_huge_digits`).
    @Test func roundToPlacesNoPlanCanHaveIsNotARoundingRule() throws {
        let rows = (0..<30).map { index in
            let n = index + 2
            let value = (Self.amount(index) * Decimal(string: "0.1")!).rounded(places: 2, mode: .halfUp)
            return Self.row(
                index, commission: WriteCell(.number(value), formula: "ROUND(D\(n)*0.1,9223372036854775807)"))
        }
        let inferred = try Self.infer(rows)
        #expect(inferred.plan.rounding.places == 2, "\(inferred.yaml)")
        #expect(inferred.fit.reproduced == 30)
        // Said at the workbook's cell that holds the formula, not at a line of the proposed plan.
        #expect(
            inferred.notEstablished.contains(
                "rounding places: ROUND(…, 9223372036854775807) in Deals!E2 (and 29 other commission formulas) asks for places no plan states (whole places from 0 to 10); not read (the default 2 places apply)"
            ), "\(inferred.notEstablished)")
    }

    /// `MIN(ROUND(D*0.1,2),6000)` in every formula is a cap per deal of 6,000, not a 0% band.
    @Test func aMinInTheFormulasIsACapNotABand() throws {
        let rows = (0..<30).map { index in
            let n = index + 2
            let value = min((Self.amount(index) * Decimal(string: "0.1")!).rounded(places: 2, mode: .halfUp), 6000)
            return Self.row(index, commission: WriteCell(.number(value), formula: "MIN(ROUND(D\(n)*0.1,2),6000)"))
        }
        let inferred = try Self.infer(rows)
        #expect(inferred.plan.commission.capPerDeal == 6000, "\(inferred.yaml)")
        #expect(inferred.plan.commission.tiers.bands.count == 1, "\(inferred.yaml)")
        #expect(inferred.fit.reproduced == 30)
    }

    /// `IF(D>=50000,0.08,0.05)` states the threshold: 50,000, and no "could be anywhere".
    @Test func aThresholdTheFormulasStateIsTheThreshold() throws {
        let rows = (0..<30).map { index in
            let n = index + 2
            let amount = Self.amount(index) < 50000 ? min(Self.amount(index), 41000) : max(Self.amount(index), 58000)
            let value = (amount * Decimal(string: amount >= 50000 ? "0.08" : "0.05")!).rounded(places: 2, mode: .halfUp)
            var cells = Self.row(
                index, commission: WriteCell(.number(value), formula: "ROUND(D\(n)*IF(D\(n)>=50000,0.08,0.05),2)"))
            cells[3] = .number(amount)
            return cells
        }
        let inferred = try Self.infer(rows)
        #expect(inferred.plan.commission.tiers.bands.map(\.from) == [0, 50000], "\(inferred.yaml)")
        #expect(!inferred.ambiguities.contains { $0.contains("could be anywhere") }, "\(inferred.ambiguities)")
        #expect(inferred.fit.reproduced == 30)
    }

    /// Cancellations 20 and 45 days after the close are clawed back, one after 100 days is not:
    /// the window is anything from 45 to 99 days, and the report says so.
    @Test func aClawbackWindowTheRowsLeaveOpenIsARange() throws {
        let header = Self.header + ["Status", "Cancel Date"].map { WriteCell.text($0) }
        var rows = (0..<12).map { index in
            let value = (Self.amount(index) * Decimal(string: "0.06")!).rounded(places: 2, mode: .halfUp)
            return Self.row(index, commission: .number(value)) + [.text("Won")]
        }
        for (index, days, clawed) in [(12, 20, true), (13, 45, true), (14, 100, false)] {
            let value = (Self.amount(index) * Decimal(string: "0.06")!).rounded(places: 2, mode: .halfUp)
            let cancel = LocalDate(year: 2026, month: 1 + index % 6, day: 10)!.adding(days: days)
            let parts = cancel.components
            rows.append(
                Self.row(index, commission: .number(clawed ? -value : value)) + [
                    .text("Cancelled"), WorkbookLayoutTests.date(parts.year, parts.month, parts.day),
                ])
        }
        let inferred = try Self.infer(rows, header: header)
        #expect(inferred.plan.clawback != nil, "\(inferred.yaml)")
        #expect(inferred.ambiguities.contains { $0.contains("45 to 99 days") }, "\(inferred.ambiguities)")
    }

    /// A row whose commission cell holds `abc` is named in the report, not dropped in silence.
    @Test func anUnreadableRowIsNamed() throws {
        let folder = try WorkbookLayoutTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("small.csv").path
        try """
        Deal ID,Rep,Close Date,Amount,Commission
        D1,Ana,2026-01-05,1000,70
        D2,Ana,2026-02-05,2000,140
        D3,Ben,2026-02-07,3000,abc

        """.write(toFile: path, atomically: true, encoding: .utf8)
        let inferred = PlanInference.infer(try WorkbookEvidence.read(path: path))
        #expect(inferred.unread.count == 1 && inferred.unread[0].contains("D3"), "\(inferred.unread)")
        #expect(inferred.reportText.contains("row 4, deal D3"), "\(inferred.reportText)")
        #expect(inferred.yaml.contains("row 4, deal D3"))
    }
}
