import Commission
import Foundation
import Spreadsheet
import Testing
import XLSX

@testable import Inference

/// `plan infer` reads a summary as `reconcile` reads it (`SummaryFigures`): a summary whose reps,
/// periods or headers only `reconcile`'s reader read hid its attainment bonus from inference,
/// and the plan proposed was then found to pay too little. What the summary's true-ups and
/// clawbacks say of the plan is read from it too.
@Suite struct SummaryReadingTests {
    /// How a summary writes its header, its reps and its periods.
    struct Layout: CustomTestStringConvertible, Sendable {
        var name: String
        var headers = ["Rep", "Period", "Commission", "Bonus"]
        var rep: @Sendable (String) -> String = { $0 }
        var period: CellValue = .text("2026")
        /// A pivot table's sheet beside the summary (`Row Labels | 2026 | Grand Total`), which
        /// `reconcile` reads as the summary only under a plan by quarters or months.
        var pivot = false

        var testDescription: String { name }
    }

    static let layouts = [
        // The one rep-period paid is enough where attainment separates it from every other.
        Layout(name: "headers in English"),
        Layout(name: "headers in Italian", headers: ["Venditore", "Periodo", "Provvigioni", "Premi"]),
        Layout(name: "headers in German", headers: ["Verkäufer", "Zeitraum", "Provision", "Prämie"]),
        Layout(name: "reps by e-mail", rep: { $0.lowercased().replacingOccurrences(of: " ", with: ".") + "@acme.com" }),
        Layout(name: "the year typed as a number", period: .number(2026)),
        Layout(name: "the year written `GJ 2026`", period: .text("GJ 2026")),
        Layout(name: "a pivot table's sheet beside it", pivot: true),
        Layout(
            name: "headers among other words",
            headers: ["Account Executive", "Pay Period", "Gross Commission", "SPIFFs & Bonuses"]),
    ]

    /// A year's deals at 5% for three reps of an annual quota of 100,000 (Ana at 184%, Ben at 77%,
    /// Cleo at 37%) and a summary, laid out as `layout` says, whose bonus column pays Ana 500.
    @Test(arguments: layouts)
    func aSummaryReconcileReadsShowsItsAttainmentBonus(layout: Layout) throws {
        let reps = EvidenceRuleTests.reps
        var deals: [[WriteCell]] = [ClaimTests.header]
        var earned: [String: Decimal] = [:]
        for index in 0..<18 {
            let rep = reps[index % 3]
            let amount = Decimal([30000, 12000, 6000][index % 3] + 100 * index)
            let commission = (amount * Decimal(string: "0.05")!).rounded(places: 2, mode: .halfUp)
            earned[rep, default: 0] += commission
            deals.append([
                .text("D-\(index)"), .text(rep), WorkbookLayoutTests.date(2026, 1 + index % 12, 5), .number(amount),
                .number(commission),
            ])
        }
        var summary: [[WriteCell]] = [layout.headers.map { .text($0) }]
        for rep in reps {
            // The year's sums, as a hand-kept summary works them out (their dates name the year).
            let row = summary.count + 1
            let sum =
                "SUMIFS(Deals!E:E,Deals!B:B,A\(row),Deals!C:C,\">=\"&DATE(2026,1,1),Deals!C:C,\"<=\"&DATE(2026,12,31))"
            summary.append([
                .text(layout.rep(rep)), WriteCell(layout.period), WriteCell(.number(earned[rep]!), formula: sum),
                rep == "Ana Lima" ? .number(500) : .empty,
            ])
        }
        let folder = try WorkbookLayoutTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var pivot: [[WriteCell]] = [[.text("Sum of Commission"), .text("Column Labels")]]
        pivot.append(["Row Labels", "2026", "Grand Total"].map { .text($0) })
        for rep in reps { pivot.append([.text(rep), .number(earned[rep]!), .number(earned[rep]!)]) }
        let path = try WorkbookLayoutTests.workbook(
            [("Deals", deals), ("Summary", summary)] + (layout.pivot ? [("Pivot", pivot)] : []), in: folder)
        let roster = reps.enumerated().map { index, name in
            RosterEntry(id: "R\(index + 1)", name: name, annualQuota: 100000)
        }
        let inferred = PlanInference.infer(try WorkbookEvidence.read(path: path, roster: roster), roster: roster)
        let bonus = inferred.plan.bonuses.first { $0.name == layout.headers[3] }
        guard case .atAttainment(let at, let amount)? = bonus?.kind else {
            Issue.record("no attainment bonus: \(inferred.yaml)")
            return
        }
        #expect(amount == 500)
        #expect(at > Decimal(string: "0.771")! && at <= Decimal(string: "1.845")!, "\(inferred.yaml)")
    }

    /// Deals of 2026 paid under year-to-date retroactive tiers (4%, 6% from 100,000): Ana's and
    /// Ben's second quarters take them past 100,000 and pay their first quarters' credit 2% more
    /// as a true-up on the summary. Running totals by quarter fit every row as well (a threshold
    /// between 30,000 and 120,000); only the summary's true-ups tell the readings apart.
    @Test func aSummaryPayingTrueUpsNamesYearToDateRetroactiveTiers() throws {
        // (rep, month, amount, rate)
        let deals: [(String, Int, Decimal, Decimal)] = [
            ("Ana Lima", 2, 30000, 4), ("Ana Lima", 4, 30000, 6), ("Ana Lima", 5, 30000, 6), ("Ana Lima", 5, 30000, 6),
            ("Ana Lima", 6, 30000, 6), ("Ben Okafor", 1, 10000, 4), ("Ben Okafor", 4, 40000, 6),
            ("Ben Okafor", 5, 40000, 6), ("Ben Okafor", 6, 40000, 6), ("Cleo Park", 1, 10000, 4),
            ("Cleo Park", 2, 10000, 4), ("Cleo Park", 3, 10000, 4), ("Cleo Park", 4, 10000, 4),
            ("Cleo Park", 5, 10000, 4), ("Cleo Park", 6, 10000, 4),
        ]
        var rows: [[WriteCell]] = [ClaimTests.header]
        var commission: [String: Decimal] = [:]
        for (index, (rep, month, amount, rate)) in deals.enumerated() {
            let paid = amount * rate / 100
            commission["\(rep) \(month <= 3 ? "2026-Q1" : "2026-Q2")", default: 0] += paid
            rows.append([
                .text("D-\(index)"), .text(rep), WorkbookLayoutTests.date(2026, month, 10), .number(amount),
                .number(paid),
            ])
        }
        let trueUps: [String: Decimal] = ["Ana Lima 2026-Q2": 600, "Ben Okafor 2026-Q2": 200]
        var summary: [[WriteCell]] = [["Rep", "Period", "Commission", "True-up"].map { .text($0) }]
        for rep in EvidenceRuleTests.reps {
            for period in ["2026-Q1", "2026-Q2"] {
                let key = "\(rep) \(period)"
                summary.append([.text(rep), .text(period), .number(commission[key]!), .number(trueUps[key] ?? 0)])
            }
        }
        let folder = try WorkbookLayoutTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try WorkbookLayoutTests.workbook([("Deals", rows), ("Summary", summary)], in: folder)
        let inferred = PlanInference.infer(try WorkbookEvidence.read(path: path))
        let tiers = inferred.plan.commission.tiers
        #expect(tiers.basis == .ytd && tiers.mode == .retroactive, "\(inferred.yaml)")
        #expect(tiers.bands.map(\.rate) == [Decimal(string: "0.04")!, Decimal(string: "0.06")!], "\(inferred.yaml)")
    }

    /// Twenty deals at 10% and one cancelled 72 days after its close, whose commission the
    /// summary's Clawback column takes back as a typed figure (no formula names the row): the
    /// cancelled status is clawed back, within a window of 72 days or more.
    @Test func aTypedClawbackFigureOfACancelledRowsCommissionIsAClawback() throws {
        let header = ClaimTests.header + ["Status", "Cancel Date"].map { WriteCell.text($0) }
        var rows: [[WriteCell]] = [header]
        var cancelled: (rep: String, commission: Decimal)?
        for index in 0..<21 {
            let commission = (ClaimTests.amount(index) * Decimal(string: "0.1")!).rounded(places: 2, mode: .halfUp)
            let isCancelled = index == 4
            var row = ClaimTests.row(index, commission: .number(commission))
            row += isCancelled ? [.text("Cancelled"), WorkbookLayoutTests.date(2026, 7, 21)] : [.text("Won"), .empty]
            if isCancelled { cancelled = (index % 2 == 0 ? "Ana Lima" : "Ben Okafor", commission) }
            rows.append(row)
        }
        let (rep, commission) = try #require(cancelled)
        let summary: [[WriteCell]] = [
            ["Rep", "Period", "Clawback"].map { .text($0) },
            [.text(rep), .text("2026-Q3"), .number(-commission)],
            [.text(rep == "Ana Lima" ? "Ben Okafor" : "Ana Lima"), .text("2026-Q3"), .empty],
        ]
        let folder = try WorkbookLayoutTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try WorkbookLayoutTests.workbook([("Deals", rows), ("Summary", summary)], in: folder)
        let inferred = PlanInference.infer(try WorkbookEvidence.read(path: path))
        let clawback = try #require(inferred.plan.clawback, "\(inferred.yaml)")
        #expect(clawback.statuses == ["Cancelled"])
        #expect(clawback.windowDays >= 72, "\(inferred.yaml)")
    }
}

/// The column of what is recovered of a draw breaks a tie toward a recoverable draw: named so in
/// the languages summaries are kept in, not only in English.
@Suite struct RecoveryHeaderTests {
    @Test(arguments: [
        ("Recovered", true), ("Draw Recovery", true), ("Recuperado", true), ("Recupero anticipo", true),
        ("Récupéré", true), ("Verrechnet", true), ("Rückführung", true), ("Verrekend", true), ("Earned", false),
        ("Payable", false), ("Draw", false),
    ])
    func aRecoveryHeaderIsReadInItsLanguage(header: String, names: Bool) {
        #expect(InferenceState.PlacedSummary.namesRecovery(header) == names)
    }
}
