import Commission
import Foundation
import Ingest
import PlanFile
import Spreadsheet
import TestSupport
import Testing
import XLSX

@testable import Inference

/// `plan infer` reads the layouts `reconcile` reads (docs/layouts.md), through the same reader:
/// a tab per month, a tab per rep. Small workbooks written with trueup's own writer.
@Suite struct WorkbookLayoutTests {
    static let reps = ["Ana Lima", "Ben Okafor"]

    static func folder() throws -> URL {
        let folder = Scratch.folder.appendingPathComponent("trueup-infer-layout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A workbook of `sheets`, each a name and rows of cells.
    static func workbook(_ sheets: [(String, [[WriteCell]])], in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("book.xlsx").path
        let file = try AtomicOutputFile(path: path, inputs: [])
        let writer = WorkbookWriter(handle: file.handle)
        for (name, rows) in sheets {
            try writer.beginSheet(name)
            for row in rows { try writer.writeRow(row) }
            try writer.endSheet()
        }
        try writer.finish()
        try file.commit()
        return path
    }

    static func roster(in folder: URL) throws -> [RosterEntry] {
        let path = folder.appendingPathComponent("roster.csv").path
        try "id,name,annual_quota\nR1,Ana Lima,600000\nR2,Ben Okafor,600000\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        return try RosterReader.read(TableFile.open(path))
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> WriteCell {
        WriteCell(.date(DateTimeValue(kind: .date, year: year, month: month, day: day)))
    }

    /// The deals of one rep in one month: 2 to 5 deals of 4,000 to 16,000, never one of 30,000.
    static func amounts(month: Int, rep: Int) -> [Decimal] {
        (0..<(2 + (month + 2 * rep) % 4)).map { deal in Decimal(4000 + 1500 * ((month * 5 + deal * 3 + rep * 7) % 9)) }
    }

    static func commission(_ amount: Decimal, rate: Decimal) -> Decimal {
        (amount * rate).rounded(places: 2, mode: .halfUp)
    }

    /// Tabs `Jan 2026` … `Jun 2026` without a date column: each rep-month pays 4% of its deals, all
    /// of them at 7% once the month's total reaches 30,000 (period, retroactive).
    @Test func everyMonthTabIsRead() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = ["Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026", "May 2026", "Jun 2026"]
        var total = 0
        var above = 0
        let sheets = names.enumerated().map { month, name in
            var rows: [[WriteCell]] = [["Deal ID", "Rep", "Amount", "Commission"].map { .text($0) }]
            for (rep, repName) in Self.reps.enumerated() {
                let amounts = Self.amounts(month: month, rep: rep)
                let reached = amounts.reduce(0, +) >= 30000
                if reached { above += 1 }
                for amount in amounts {
                    total += 1
                    let commission = Self.commission(amount, rate: Decimal(string: reached ? "0.07" : "0.04")!)
                    rows.append([.text("D-\(month)\(total)"), .text(repName), .number(amount), .number(commission)])
                }
            }
            return (name, rows)
        }
        #expect(above >= 3 && above <= 9)
        let path = try Self.workbook(sheets, in: folder)
        let evidence = try WorkbookEvidence.read(path: path)
        let inferred = PlanInference.infer(evidence, roster: try Self.roster(in: folder))
        #expect(evidence.observations.count == total)
        #expect(inferred.fit.rows == total && inferred.fit.reproduced == total, "\(inferred.yaml)")
        let tiers = inferred.plan.commission.tiers
        #expect(inferred.plan.period == .month, "\(inferred.yaml)")
        #expect(
            tiers.basis == .period && tiers.bands.map(\.rate) == [Decimal(string: "0.04")!, Decimal(string: "0.07")!])
        #expect(inferred.source.contains("Jun 2026"), "\(inferred.source)")
    }

    /// A tab per rep (the README's `q3-by-rep` layout): the rep named by the tab and a title line,
    /// no rep column, 7% inside every formula. Read with the roster, as `reconcile` reads it.
    @Test func everyRepTabIsReadWithTheRoster() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var total = 0
        let sheets = Self.reps.enumerated().map { rep, name in
            var rows: [[WriteCell]] = [
                [.text(name)], ["Deal ID", "Close Date", "Amount", "Commission"].map { .text($0) },
            ]
            for (month, amount) in (0..<6).flatMap({ month in Self.amounts(month: month, rep: rep).map { (month, $0) } }
            ) {
                total += 1
                let row = rows.count + 1
                let commission = Self.commission(amount, rate: Decimal(string: "0.07")!)
                rows.append([
                    .text("D-\(total)"), Self.date(2026, month + 1, 10), .number(amount),
                    WriteCell(.number(commission), formula: "ROUND(C\(row)*0.07,2)"),
                ])
            }
            return (name, rows)
        }
        let path = try Self.workbook(sheets, in: folder)
        let roster = try Self.roster(in: folder)
        let evidence = try WorkbookEvidence.read(path: path, roster: roster)
        let inferred = PlanInference.infer(evidence, roster: roster)
        #expect(evidence.observations.count == total)
        #expect(Set(evidence.observations.map(\.line.rep)) == Set(Self.reps))
        #expect(inferred.fit.rows == total && inferred.fit.reproduced == total, "\(inferred.yaml)")
        #expect(inferred.plan.commission.tiers.bands.map(\.rate) == [Decimal(string: "0.07")!], "\(inferred.yaml)")
    }
}

extension WorkbookLayoutTests {
    /// A summary written `Commission | Draw | Payable = MAX(C,D)`: the commission is what was
    /// earned and the Draw column the draw, whether it binds (Ben's 2026-Q1) or not.
    @Test func aDrawBesideTheCommissionColumnIsTheDraw() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var deals: [[WriteCell]] = [["Deal ID", "Rep", "Close Date", "Amount", "Commission"].map { .text($0) }]
        var earned: [String: Decimal] = [:]
        for index in 0..<16 {
            let rep = Self.reps[index % 2]
            let month = 1 + index % 6
            let amount = Decimal(index % 2 == 0 ? 20000 + 1000 * index : 2000 + 100 * index)
            let commission = Self.commission(amount, rate: Decimal(string: "0.05")!)
            earned["\(rep) 2026-Q\((month - 1) / 3 + 1)", default: 0] += commission
            deals.append([
                .text("D-\(index)"), .text(rep), Self.date(2026, month, 5), .number(amount), .number(commission),
            ])
        }
        var summary: [[WriteCell]] = [["Rep", "Period", "Commission", "Draw", "Payable"].map { .text($0) }]
        for rep in Self.reps {
            for quarter in ["2026-Q1", "2026-Q2"] {
                let row = summary.count + 1
                let commission = earned["\(rep) \(quarter)"] ?? 0
                summary.append([
                    .text(rep), .text(quarter), .number(commission), .number(3000),
                    WriteCell(.number(max(commission, 3000)), formula: "MAX(C\(row),D\(row))"),
                ])
            }
        }
        let path = try Self.workbook([("Deals", deals), ("Summary", summary)], in: folder)
        let inferred = PlanInference.infer(try WorkbookEvidence.read(path: path))
        #expect(inferred.plan.draw?.amount == 3000, "\(inferred.yaml)")
        #expect(inferred.plan.draw?.recoverable == false, "\(inferred.yaml)")
    }
}

extension WorkbookLayoutTests {
    /// A CSV saved by a German Excel: `;` between fields, decimal commas (`2708,74`), a title
    /// above the header. Its commissions are read as `reconcile` reads them: the digits of
    /// `2708,74` were taken for 270,874, and every rate came out a hundred times too high.
    @Test func decimalCommaCommissionsInATextFileAreReadInTheirStyle() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text =
            "Provisionsabrechnung 2026;;;;;\n;;;;;\nAuftragsnummer;Abschlussdatum;Verkäufer;Betrag;Provisionssatz;Provision\n"
        let rate = Decimal(string: "0.06")!
        for index in 0..<12 {
            let amount = Decimal(12_000 + 3_517 * index) + Decimal(string: "0.35")!
            let commission = Self.commission(amount, rate: rate)
            let comma = { (value: Decimal) in value.plainString.replacingOccurrences(of: ".", with: ",") }
            text +=
                "OP-\(4100 + index);\(10 + index).0\(1 + index % 6).2026;\(Self.reps[index % 2]);\(comma(amount));6,00%;\(comma(commission))\n"
        }
        let path = folder.appendingPathComponent("provisionen.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let inferred = PlanInference.infer(try WorkbookEvidence.read(path: path))
        #expect(inferred.fit.reproduced == 12, "\(inferred.yaml)")
        #expect(inferred.plan.commission.tiers.bands.map(\.rate) == [rate], "\(inferred.yaml)")
    }
}
