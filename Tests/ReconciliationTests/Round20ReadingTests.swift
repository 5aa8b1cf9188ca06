import Foundation
import Ingest
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// The readings held-out round 20 needed (`scripts/make-layouts20`): a close date written in three
/// columns (`Year | Month | Day`), a summary per year, a deal's product on the row under it, a rate
/// table of tiers under the deals, and a deals table turned round (refused, naming its sheet).
@Suite struct Round20ReadingTests {
    static func texts(_ values: [String]) -> [WriteCell] { values.map { .text($0) } }
    static func number(_ text: String) -> WriteCell { .number(Decimal(string: text)!) }

    /// A deal of Ana Lima's: 10,000 at 5% → 500.00, the rate in D and the commission in E.
    static func deal(_ id: String, _ date: String, _ row: Int, commission: String = "500") -> [WriteCell] {
        [
            .text(id), .text("Ana Lima"), LayoutReadingTests.date(date), Self.number("10000"), Self.number("0.05"),
            CauseTests.formula(commission, "ROUND(D\(row)*E\(row),2)"),
        ]
    }

    static let dealHeader = Self.texts(["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"])

    @Test func aDateWrittenInYearMonthAndDayColumnsDatesEachRow() throws {
        let header = Self.texts(["Deal ID", "Year", "Month", "Day", "Rep", "Amount", "Rate", "Commission"])
        func row(_ id: String, _ year: Int, _ month: WriteCell, _ day: Int, _ row: Int) -> [WriteCell] {
            [
                .text(id), Self.number("\(year)"), month, Self.number("\(day)"), .text("Ana Lima"),
                Self.number("10000"),
                Self.number("0.05"), CauseTests.formula("500", "ROUND(F\(row)*G\(row),2)"),
            ]
        }
        let table = try SheetPeriodTests.read([
            (
                "Deals",
                [
                    header, row("D1", 2026, Self.number("3"), 15, 2), row("D2", 2025, .text("Dec"), 31, 3),
                    row("D3", 2026, .text("marzo"), 1, 4),
                ]
            )
        ])
        #expect(SheetPeriodTests.dates(table) == ["D1 2026-03-15", "D2 2025-12-31", "D3 2026-03-01"])
        #expect(table.mapping.headers[.date] == "Day" && table.mapping.dateParts != nil)
        // A day the month has not is unreadable at the row's day cell, never another date.
        let wrong = try SheetPeriodTests.read([
            (
                "Deals",
                [
                    header, row("D1", 2026, Self.number("3"), 15, 2), row("D2", 2026, Self.number("2"), 30, 3),
                    row("D3", 2026, Self.number("4"), 1, 4),
                ]
            )
        ])
        #expect(SheetPeriodTests.dates(wrong) == ["D1 2026-03-15", "D3 2026-04-01"])
        #expect(wrong.skipped.map(\.row) == [3])
        #expect(wrong.diagnostics.contains { "\($0)".contains("Deals!D3") && "\($0)".contains("day of 2026-2") })
    }

    /// A year and a month without a day (`Year | Month`, SAP's `Fiscal Year | Posting Period`) date
    /// each row its month's first day; a fiscal year's periods under a plan whose fiscal year starts
    /// in April are refused, the sheet not saying which year its fiscal years are named by.
    @Test func aYearAndAMonthWithoutADayDateEachRowItsMonthsFirstDay() throws {
        func row(_ id: String, _ year: Int, _ month: WriteCell, _ row: Int) -> [WriteCell] {
            [
                .text(id), Self.number("\(year)"), month, .text("Ana Lima"), Self.number("10000"), Self.number("0.05"),
                CauseTests.formula("500", "ROUND(E\(row)*F\(row),2)"),
            ]
        }
        let calendar = try SheetPeriodTests.read([
            (
                "Deals",
                [
                    Self.texts(["Deal ID", "Year", "Month", "Rep", "Amount", "Rate", "Commission"]),
                    row("D1", 2026, .text("March"), 2), row("D2", 2025, Self.number("12"), 3),
                ]
            )
        ])
        #expect(SheetPeriodTests.dates(calendar) == ["D1 2026-03-01", "D2 2025-12-01"])
        #expect(calendar.mapping.headers[.date] == "Month" && calendar.mapping.dateParts?.dayless == true)
        // `March` is the date's part, no date stored as text.
        #expect(calendar.textNumbers[.date] == nil)
        let sap = [
            Self.texts(["Deal ID", "Fiscal Year", "Posting Period", "Rep", "Amount", "Rate", "Commission"]),
            row("D1", 2026, .text("003"), 2), row("D2", 2026, .text("011"), 3),
        ]
        let fiscal = try SheetPeriodTests.read([("Deals", sap)])
        #expect(SheetPeriodTests.dates(fiscal) == ["D1 2026-03-01", "D2 2026-11-01"])
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook([("Deals", sap)], in: folder)
        let april = try PlanFile.parse(
            HeldOutWorkbookTests.plan().replacingOccurrences(
                of: "period: month", with: "period: quarter\nfiscal_year_start: 4"),
            file: "plan.yaml")
        #expect {
            try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima"], plan: april)
        } throws: { error in
            "\(error)".contains("Deals") && "\(error)".contains("'Fiscal Year' and 'Posting Period'")
        }
    }

    @Test func aYearColumnAloneDatesNoRow() throws {
        let header = Self.texts(["Deal ID", "Year", "Rep", "Amount", "Rate", "Commission"])
        let row: [WriteCell] = [
            .text("D1"), Self.number("2026"), .text("Ana Lima"), Self.number("10000"), Self.number("0.05"),
            CauseTests.formula("500", "ROUND(D2*E2,2)"),
        ]
        #expect {
            try SheetPeriodTests.read([("Deals", [header, row])])
        } throws: { error in
            "\(error)".contains("missing date")
        }
    }

    @Test func aSummaryPerYearIsEachCompared() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let summaryHeader = Self.texts(["Rep", "Period", "Commission"])
        let path = try LayoutReadingTests.workbook(
            [
                ("Deals 2025", [Self.dealHeader, Self.deal("D1", "2025-02-10", 2)]),
                ("Deals 2026", [Self.dealHeader, Self.deal("D2", "2026-02-10", 2)]),
                ("Summary 2025", [summaryHeader, [.text("Ana Lima"), .text("2025-Q1"), Self.number("500")]]),
                ("Summary 2026", [summaryHeader, [.text("Ana Lima"), .text("2026-Q1"), Self.number("700")]]),
                // A copy of a summary kept as a backup names the periods another names: not compared.
                ("Summary (old)", [summaryHeader, [.text("Ana Lima"), .text("2025-Q1"), Self.number("900")]]),
            ], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.errors.map { "\($0.sheet)!\($0.cell)" } == ["Summary 2026!C2"])
    }

    @Test func aDealsProductOnTheRowUnderItIsTheDeals() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = Self.texts(["Deal ID", "Rep", "Close Date", "Product", "Amount", "Rate", "Commission", "Notes"])
        func deal(_ id: String, _ row: Int, rate: String, commission: String) -> [WriteCell] {
            [
                .text(id), .text("Ana Lima"), LayoutReadingTests.date("2026-02-10"), .empty, Self.number("10000"),
                Self.number(rate), CauseTests.formula(commission, "ROUND(E\(row)*F\(row),2)"),
            ]
        }
        func under(_ product: String, _ note: String) -> [WriteCell] {
            [.empty, .empty, .empty, .text(product), .empty, .empty, .empty, .text(note)]
        }
        let path = try LayoutReadingTests.workbook(
            [
                (
                    "Deals",
                    [
                        header, deal("D1", 2, rate: "0.02", commission: "200"), under("Services", "renewal"),
                        deal("D2", 4, rate: "0.04", commission: "400"), under("Platform", "PO received"),
                        deal("D3", 6, rate: "0.04", commission: "400"), under("Services", "per VP"),
                    ]
                )
            ], in: folder)
        let table = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima"])
        #expect(
            table.lines.map { "\($0.dealID) \($0.product ?? "-")" } == ["D1 Services", "D2 Platform", "D3 Services"])
        // Each second row is said as read with its deal, no row unread.
        #expect(table.skipped.map(\.row) == [3, 5, 7] && table.skipped.allSatisfy(\.isNote))
        let result = try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(MultipliedRateTests.plan, file: "plan.yaml"), roster: [])
        #expect(result.errors.map { "\($0.sheet)!\($0.cell) \($0.cause)" } == ["Deals!G6 override_not_applied"])
    }

    @Test func aRowUnderADealWithItsOwnProductIsNoContinuation() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = Self.texts(["Deal ID", "Rep", "Close Date", "Product", "Amount", "Rate", "Commission"])
        let row: [WriteCell] = [
            .text("D1"), .text("Ana Lima"), LayoutReadingTests.date("2026-02-10"), .text("Platform"),
            Self.number("10000"), Self.number("0.05"), CauseTests.formula("500", "ROUND(E2*F2,2)"),
        ]
        let path = try LayoutReadingTests.workbook(
            [("Deals", [header, row, [.empty, .empty, .empty, .text("Services")]])], in: folder)
        let table = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima"])
        #expect(table.lines.map { $0.product } == ["Platform"])
        // A note of its own, not the deal's product.
        #expect(table.skipped.map(\.row) == [3])
        #expect(!table.diagnostics.contains { "\($0)".contains("continues the deal") })
    }

    @Test func aRateTableOfTiersUnderTheDealsIsNoDeals() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook(
            [
                (
                    "Deals",
                    [
                        Self.dealHeader, Self.deal("D1", "2026-02-10", 2), [], [], [.text("Rates")],
                        Self.texts(["From", "Rate"]), [Self.number("0"), Self.number("0.05")],
                        [Self.number("50000"), Self.number("0.08")],
                    ]
                )
            ], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.errors.isEmpty)
        let table = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima"])
        #expect(table.lines.count == 1 && table.skipped.allSatisfy(\.isNote))
    }

    @Test func aDealsTableTurnedRoundIsRefusedNamingItsSheet() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook(
            [
                (
                    "Deals",
                    [
                        [.text("Deal ID"), .text("D1"), .text("D2")],
                        [
                            .text("Close Date"), LayoutReadingTests.date("2026-02-10"),
                            LayoutReadingTests.date("2026-02-11"),
                        ],
                        [.text("Rep"), .text("Ana Lima"), .text("Ana Lima")],
                        [.text("Amount"), Self.number("10000"), Self.number("20000")],
                        [.text("Commission"), Self.number("500"), Self.number("1000")],
                    ]
                )
            ], in: folder)
        #expect {
            try LayoutReadingTests.reconcile(path, in: folder)
        } throws: { error in
            "\(error)".contains("Deals") && "\(error)".contains("down column A") && "\(error)".contains("turned round")
        }
    }
}
