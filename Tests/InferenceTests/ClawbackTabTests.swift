import Commission
import Foundation
import Spreadsheet
import Testing
import XLSX

@testable import Inference

/// Clawbacks kept on a tab of their own (`Deal ID | Sales Rep | Cancel Date | Clawback`, each
/// figure `=-Deals!E4`): the deal rows they take back name the clawback statuses and bound the
/// window, as rows a summary subtracts do.
@Suite struct ClawbackTabTests {
    static let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Commission", "Status", "Cancel Date"]
        .map { .text($0) }

    /// Twelve deals at 5%, rows 4 and 9 cancelled (20 and 30 days after the close), row 11
    /// cancelled 200 days after and kept; `takenBack` rows clawed back on the `Clawbacks` tab, each
    /// by minus its commission, or by `typed` when given.
    static func workbook(takenBack: [Int], typed: Decimal? = nil, in folder: URL) throws -> String {
        var deals: [[WriteCell]] = [header]
        var commission: [Int: Decimal] = [:]
        for index in 0..<12 {
            let row = index + 2
            let amount = Decimal(10_000 + 1_000 * index)
            commission[row] = amount * Decimal(string: "0.05")!
            let cancelled = [4: 20, 9: 30, 11: 200][row]
            deals.append([
                .text("D-\(row)"), .text(index % 2 == 0 ? "Ana Lima" : "Ben Okafor"),
                WorkbookLayoutTests.date(2026, 1 + index % 3, 5), .number(amount), .number(commission[row]!),
                .text(cancelled == nil ? "Won" : "Cancelled"),
                cancelled.map { days in
                    let close = LocalDate(year: 2026, month: 1 + index % 3, day: 5)!
                    let date = close.adding(days: days).components
                    return WorkbookLayoutTests.date(date.year, date.month, date.day)
                } ?? .empty,
            ])
        }
        var tab: [[WriteCell]] = [["Deal ID", "Rep", "Cancel Date", "Clawback"].map { .text($0) }]
        for row in takenBack {
            tab.append([
                deals[row - 1][0], deals[row - 1][1], deals[row - 1][6],
                typed.map { WriteCell.number($0) } ?? WriteCell(.number(-commission[row]!), formula: "-Deals!E\(row)"),
            ])
        }
        return try WorkbookLayoutTests.workbook([("Deals", deals), ("Clawbacks", tab)], in: folder)
    }

    @Test func aTabOfClawbacksNamesTheStatusesAndBoundsTheWindow() throws {
        let folder = try WorkbookLayoutTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inferred = PlanInference.infer(
            try WorkbookEvidence.read(path: Self.workbook(takenBack: [4, 9], in: folder)))
        let clawback = try #require(inferred.plan.clawback, "\(inferred.yaml)")
        #expect(clawback.statuses == ["Cancelled"])
        // Cancelled 30 days after the close is taken back, 200 days is not.
        #expect(clawback.windowDays >= 30 && clawback.windowDays < 200, "\(inferred.yaml)")
        #expect(inferred.yaml.contains("taken back by clawback rows"), "\(inferred.yaml)")
    }

    @Test func aClawbackOfAnotherFigureTakesNoRowBack() throws {
        let folder = try WorkbookLayoutTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The deal and rep of row 4, but a figure other than minus its commission (-650.00).
        let path = try Self.workbook(takenBack: [4], typed: -123, in: folder)
        let evidence = try WorkbookEvidence.read(path: path)
        #expect(evidence.clawedBackRows.isEmpty)
        let exact = try WorkbookEvidence.read(path: Self.workbook(takenBack: [4], in: folder))
        #expect(exact.clawedBackRows == [4])
    }
}
