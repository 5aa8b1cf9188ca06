import Commission
import Foundation
import Spreadsheet
import Testing
import XLSX

@testable import Inference

/// Rules on what counts as evidence: no plan from no figures, a few wrong rows are findings and not
/// a tier, the summary's own labels (a year written `2026`, a fiscal quarter) are read as labels.
@Suite struct EvidenceRuleTests {
    static let reps = ["Ana Lima", "Ben Okafor", "Cleo Park"]

    /// Ten deals rows whose commission cells are blank: nothing sets a rate, so nothing is proposed.
    @Test func noCommissionFiguresIsARefusalNotAZeroRatePlan() throws {
        let rows = (0..<10).map { ClaimTests.row($0, commission: .empty) }
        let inferred = try ClaimTests.infer(rows)
        let refusal = try #require(inferred.refusal, "\(inferred.yaml)")
        #expect(refusal.contains("none of the 10 deals rows has a commission figure"), "\(refusal)")
        #expect(!inferred.established.contains("tiers"))
    }

    /// 22 deals at a flat 10% in a workbook whose summary sums calendar quarters (`2026-Q1`), of
    /// which the 2nd and 3rd smallest are typed at 8%. An 8% band below them would reproduce one row
    /// more and break the smallest: the plan is the flat 10% by quarter, the two rows findings.
    @Test func twoWrongRowsAreFindingsNotATier() throws {
        let count = 22
        let bySize = (0..<count).sorted { ClaimTests.amount($0) < ClaimTests.amount($1) }
        let wrong = Set(bySize[1...2])
        var earned: [String: Decimal] = [:]
        let rows = (0..<count).map { index -> [WriteCell] in
            let rate = Decimal(string: wrong.contains(index) ? "0.08" : "0.10")!
            let commission = (ClaimTests.amount(index) * rate).rounded(places: 2, mode: .halfUp)
            let rep = index % 2 == 0 ? "Ana Lima" : "Ben Okafor"
            earned["\(rep) \(index % 6 < 3 ? 1 : 2)", default: 0] += commission
            return ClaimTests.row(index, commission: .number(commission))
        }
        var summary: [[WriteCell]] = [["Rep", "Period", "Commission"].map { .text($0) }]
        for rep in ["Ana Lima", "Ben Okafor"] {
            for quarter in 1...2 {
                let first = 3 * quarter - 2
                let last = 3 * quarter
                summary.append([
                    .text(rep), .text("2026-Q\(quarter)"),
                    WriteCell(
                        .number(earned["\(rep) \(quarter)"] ?? 0),
                        formula:
                            "SUMIFS(Deals!E:E,Deals!B:B,A\(summary.count + 1),Deals!C:C,\">=\"&DATE(2026,\(first),1),Deals!C:C,\"<=\"&DATE(2026,\(last),\(last == 3 ? 31 : 30)))"
                    ),
                ])
            }
        }
        let folder = try WorkbookLayoutTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try WorkbookLayoutTests.workbook(
            [("Deals", [ClaimTests.header] + rows), ("Summary", summary)], in: folder)
        let inferred = PlanInference.infer(try WorkbookEvidence.read(path: path))
        #expect(inferred.plan.commission.tiers.bands.map(\.rate) == [Decimal(string: "0.1")!], "\(inferred.yaml)")
        #expect(inferred.plan.period == .quarter, "\(inferred.yaml)")
        #expect(inferred.fit.reproduced == count - 2, "\(inferred.yaml)")
    }

    /// The fiscal quarters a summary's labels name beside the first months of their rows' date
    /// ranges (in 2026), and the fiscal year start they tell.
    static let fiscalQuarterLabels: [(labels: [(String, Int)], start: Int)] = [
        ([("2025-Q4", 4), ("2026-Q1", 7), ("2026-Q2", 10)], 7),
        // A fiscal year named by its last calendar year, as most companies name it.
        ([("FY2027 Q1", 4), ("FY2027 Q2", 7), ("FY2027 Q3", 10)], 4),
        ([("Q2 FY27", 5), ("Q3 FY27", 8)], 2),
        ([("Q1 2026", 1), ("Q2 2026", 4)], 1),
    ]

    /// A summary labelled `2025-Q4` beside SUMIFS over April to June 2026 names a fiscal year
    /// starting in July (`FY2027 Q1` beside April to June, one starting in April); the date ranges
    /// alone give the start only modulo three months.
    @Test(arguments: fiscalQuarterLabels.indices)
    func aFiscalQuarterLabelBesideItsDateRangeNamesTheFiscalYearStart(_ index: Int) {
        let (labels, start) = Self.fiscalQuarterLabels[index]
        var rows: [[SheetCell]] = []
        var texts: [String] = []
        var formulas: [String] = []
        for (index, (label, month)) in labels.enumerated() {
            let formula =
                "SUMIFS(Deals!J:J,Deals!D:D,A\(index + 2),Deals!F:F,\">=\"&DATE(2026,\(month),1),Deals!F:F,\"<=\"&DATE(2026,\(month + 2),30))"
            rows.append([
                SheetCell(row: index + 2, column: 1, value: .text("Ana Lima")),
                SheetCell(row: index + 2, column: 2, value: .text(label)),
                SheetCell(row: index + 2, column: 3, value: .number(100), formula: formula),
            ])
            texts += ["Ana Lima", label]
            formulas.append(formula)
        }
        var evidence = WorkbookEvidence(
            file: "fiscal.xlsx", sheet: "Deals", observations: [], hasBonusColumn: false, hasCommissionColumn: true)
        evidence.otherSheets = [SheetText(name: "Summary", texts: texts, formulas: formulas, rows: rows)]
        let clues = WorkbookClues(evidence)
        #expect(clues.period == .quarter)
        #expect(clues.fiscalYearStart == (start == 1 ? nil : start), "\(clues.periodWords ?? "")")
    }

    /// A workbook of three reps' deals at 5% and a summary `Commission | Draw | Payable = MAX(C,D)`
    /// by `periods`; `ownDraw` gives reps a draw of their own (on the roster and in the Draw column).
    static func drawWorkbook(periods: [(label: String, months: ClosedRange<Int>)], ownDraw: [String: Decimal])
        throws -> (path: String, folder: URL)
    {
        let folder = try WorkbookLayoutTests.folder()
        var deals: [[WriteCell]] = [ClaimTests.header]
        var earned: [String: Decimal] = [:]
        for index in 0..<24 {
            let rep = Self.reps[index % 3]
            let month = 1 + index % 6
            let amount = Decimal(index % 3 == 0 ? 40000 + 1000 * index : 1000 + 100 * index)
            let commission = (amount * Decimal(string: "0.05")!).rounded(places: 2, mode: .halfUp)
            let period = periods.first { $0.months.contains(month) }!.label
            earned["\(rep) \(period)", default: 0] += commission
            deals.append([
                .text("D-\(index)"), .text(rep), WorkbookLayoutTests.date(2026, month, 5), .number(amount),
                .number(commission),
            ])
        }
        var summary: [[WriteCell]] = [["Rep", "Period", "Commission", "Draw", "Payable"].map { .text($0) }]
        for rep in Self.reps {
            for period in periods {
                let row = summary.count + 1
                let commission = earned["\(rep) \(period.label)"] ?? 0
                let draw = ownDraw[rep] ?? 3000
                summary.append([
                    .text(rep), .text(period.label), .number(commission), .number(draw),
                    WriteCell(.number(max(commission, draw)), formula: "MAX(C\(row),D\(row))"),
                ])
            }
        }
        let path = try WorkbookLayoutTests.workbook([("Deals", deals), ("Summary", summary)], in: folder)
        return (path, folder)
    }

    /// `2026` is the engine's own label of a calendar year: a summary by year is a summary.
    @Test func aSummaryLabelledByYearIsReadForTheDraw() throws {
        let (path, folder) = try Self.drawWorkbook(periods: [("2026", 1...12)], ownDraw: [:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let inferred = PlanInference.infer(try WorkbookEvidence.read(path: path))
        #expect(inferred.plan.draw?.amount == 3000, "\(inferred.yaml)")
        #expect(!inferred.notEstablished.contains { $0.hasPrefix("attainment bonus and draw: no summary") })
    }

    /// Two reps topped up to 3,000 and one, whose roster row gives a draw of 2,000, topped up to
    /// 2,000: the plan's draw is 3,000 and the roster's own draw explains the third.
    @Test func aRepsOwnDrawOnTheRosterIsNotThePlansDraw() throws {
        let (path, folder) = try Self.drawWorkbook(
            periods: [("2026-Q1", 1...3), ("2026-Q2", 4...6)], ownDraw: ["Ben Okafor": 2000])
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = Self.reps.enumerated().map { index, name in
            RosterEntry(id: "R\(index + 1)", name: name, draw: name == "Ben Okafor" ? 2000 : nil)
        }
        let inferred = PlanInference.infer(try WorkbookEvidence.read(path: path, roster: roster), roster: roster)
        #expect(inferred.plan.draw?.amount == 3000, "\(inferred.yaml)")
    }

    /// Twenty `Won` deals at 10% and one `Open` deal paid nothing: one row of a status that never
    /// pays is enough to leave it out of the eligible statuses (and the report says how thin that is).
    @Test func aStatusWhoseOnlyRowEarnsNothingIsNotEligible() throws {
        let header = ClaimTests.header + [.text("Status")]
        let rows = (0..<21).map { index -> [WriteCell] in
            let open = index == 7
            let commission =
                open ? 0 : (ClaimTests.amount(index) * Decimal(string: "0.1")!).rounded(places: 2, mode: .halfUp)
            return ClaimTests.row(index, commission: .number(commission)) + [.text(open ? "Open" : "Won")]
        }
        let inferred = try ClaimTests.infer(rows, header: header)
        #expect(inferred.plan.eligibleStatuses == ["Won"], "\(inferred.yaml)")
        #expect(inferred.ambiguities.contains { $0.hasPrefix("eligible: status Open has one row") })
        #expect(inferred.fit.reproduced == 21, "\(inferred.yaml)")
    }

    /// Eighteen `Closed Won` deals at 10%, and three `Closed Lost` and `Proposal` ones kept among
    /// them with their commission cells left blank: a blank commission earns nothing, so those
    /// statuses are not eligible, where the blank rows were passed over and the lost deals paid.
    @Test func statusesWhoseCommissionIsLeftBlankAreNotEligible() throws {
        let header = ClaimTests.header + [.text("Stage")]
        let rows = (0..<21).map { index -> [WriteCell] in
            let stage = index == 4 || index == 12 ? "Closed Lost" : index == 17 ? "Proposal" : "Closed Won"
            let commission =
                stage == "Closed Won"
                ? WriteCell.number(
                    (ClaimTests.amount(index) * Decimal(string: "0.1")!).rounded(places: 2, mode: .halfUp))
                : .empty
            return ClaimTests.row(index, commission: commission) + [.text(stage)]
        }
        let inferred = try ClaimTests.infer(rows, header: header)
        #expect(inferred.plan.eligibleStatuses == ["Closed Won"], "\(inferred.yaml)")
        #expect(inferred.fit.reproduced == 18, "\(inferred.yaml)")
    }

    /// Deals priced by the engine under a flat 10%, a per-period cap of 10,000 and a per-deal bonus
    /// of 100 on `New` deals that counts toward the cap: Ana's quarters stop at 10,000 with no bonus.
    @Test func aBonusTheCapStopsCountsTowardTheCap() throws {
        let bonus = Bonus(
            name: "Kicker", kind: .perDeal(amount: 100, when: LineCondition(type: "New")), countsTowardCap: true)
        let tiers = TierTable(metric: .amount, basis: .perDeal, mode: .retroactive, bands: [.init(from: 0, rate: 0.1)])
        let plan = Plan(
            name: "true", currency: "", period: .quarter,
            commission: CommissionRules(tiers: tiers, capPerPeriod: 10000), bonuses: [bonus])
        let lines = (0..<24).map { index in
            CreditLine(
                row: index + 2, dealID: "D-\(index)", rep: Self.reps[index % 3],
                date: LocalDate(year: 2026, month: 1 + index % 6, day: 5)!,
                amount: Decimal(index % 3 == 0 ? 40000 + 100 * index : 3000 + 100 * index),
                type: index % 2 == 0 ? "New" : "Upsell")
        }
        let statement = try CommissionEngine.calculate(plan: plan, roster: [], lines: lines)
        var commission: [Int: Decimal] = [:]
        var paid: [Int: Decimal] = [:]
        for line in statement.lines {
            guard let row = line.row else { continue }
            if line.kind == .commission { commission[row, default: 0] += line.amount }
            if line.kind == .bonus { paid[row, default: 0] += line.amount }
        }
        #expect(paid.values.contains(0) || paid.count < 8, "the cap must stop some bonus for the test to mean anything")
        let header = ClaimTests.header + [.text("Type"), .text("Bonus")]
        let rows = lines.map { line -> [WriteCell] in
            [
                .text(line.dealID), .text(line.rep), WorkbookLayoutTests.date(2026, line.date.month, 5),
                .number(line.amount), .number(commission[line.row] ?? 0), .text(line.type ?? ""),
                .number(paid[line.row] ?? 0),
            ]
        }
        let inferred = try ClaimTests.infer(rows, header: header)
        #expect(inferred.plan.commission.capPerPeriod == 10000, "\(inferred.yaml)")
        #expect(inferred.plan.bonuses.first?.countsTowardCap == true, "\(inferred.yaml)")
        #expect(inferred.yaml.contains("counts_toward_cap: true"))
    }

    /// 24 deals at 10%, four of product Widget and type New, three of them paid half (one typed at
    /// the full rate): one wrong row of four does not hide the group's override.
    @Test func oneWrongRowDoesNotHideAnOverrideGroup() throws {
        let header = ClaimTests.header + [.text("Product"), .text("Type")]
        let group: Set<Int> = [3, 9, 15, 21]
        let rows = (0..<24).map { index -> [WriteCell] in
            let half = group.contains(index) && index != 21
            let rate = Decimal(string: half ? "0.05" : "0.1")!
            let commission = (ClaimTests.amount(index) * rate).rounded(places: 2, mode: .halfUp)
            let product = group.contains(index) || index % 4 == 0 ? "Widget" : "Gadget"
            let type = group.contains(index) || index % 4 == 1 ? "New" : "Renewal"
            return ClaimTests.row(index, commission: .number(commission)) + [.text(product), .text(type)]
        }
        let inferred = try ClaimTests.infer(rows, header: header)
        let override = inferred.plan.commission.overrides.first
        #expect(override?.when.product == "Widget" && override?.when.type == "New", "\(inferred.yaml)")
        #expect(inferred.fit.reproduced == 23, "\(inferred.yaml)")
    }
}
