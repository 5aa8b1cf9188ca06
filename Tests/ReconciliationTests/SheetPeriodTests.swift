import Commission
import Foundation
import Ingest
import PlanFile
import Spreadsheet
import Testing
import XLSX

/// Tabs per month named without a year (`July`, `Julio`): dated deals keep their own dates; a tab
/// without a date column is dated by its name, its year from the rest of the workbook, and an
/// error naming it when the workbook cannot tell the year.
@Suite struct SheetPeriodTests {
    static let dated: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
    static let undated: [WriteCell] = ["Deal ID", "Rep", "Amount", "Rate", "Commission"].map { .text($0) }

    /// A dated deal row: 10,000 at 5% → 500.00, its commission in F.
    static func datedRow(_ deal: String, _ date: String, _ row: Int) -> [WriteCell] {
        [
            .text(deal), .text("Ana Lima"), LayoutReadingTests.date(date), .number(10000),
            .number(Decimal(string: "0.05")!), CauseTests.formula("500", "ROUND(D\(row)*E\(row),2)"),
        ]
    }

    /// An undated deal row: 10,000 at 5% → 500.00, its commission in E.
    static func undatedRow(_ deal: String, _ row: Int) -> [WriteCell] {
        [
            .text(deal), .text("Ana Lima"), .number(10000), .number(Decimal(string: "0.05")!),
            CauseTests.formula("500", "ROUND(C\(row)*D\(row),2)"),
        ]
    }

    static func read(_ sheets: [(String, [[WriteCell]])]) throws -> DealsTable {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook(sheets, in: folder)
        return try readBothWays(path) {
            try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima"], passingLinesTo: $0)
        }
    }

    /// The table `read` returns keeping the lines, after checking that with `passingLinesTo` the
    /// same lines are passed on, in the same order, and none kept (a spooled calculation reads so).
    static func readBothWays(
        _ path: String, _ read: ((([CreditLine]) throws -> Void)?) throws -> DealsTable
    ) throws -> DealsTable {
        let table = try read(nil)
        var passed: [CreditLine] = []
        let streamed = try read { passed += $0 }
        #expect(passed == table.lines, "\(path): the lines passed on differ from those kept")
        #expect(streamed.lines.isEmpty)
        #expect(streamed.rowsRead == table.rowsRead && streamed.sheets.map(\.name) == table.sheets.map(\.name))
        return table
    }

    /// Each line's deal and date, in sheet order.
    static func dates(_ table: DealsTable) -> [String] { table.lines.map { "\($0.dealID) \($0.date)" } }

    @Test func tabsWithoutAYearWhoseDealsAreDatedKeepTheirDates() throws {
        let table = try Self.read([
            ("July", [Self.dated, Self.datedRow("D1", "2026-07-03", 2), Self.datedRow("D2", "2026-07-20", 3)]),
            ("Q3", [Self.dated, Self.datedRow("D3", "2026-08-14", 2)]),
        ])
        #expect(table.sheets.map(\.name) == ["July", "Q3"])
        #expect(Self.dates(table) == ["D1 2026-07-03", "D2 2026-07-20", "D3 2026-08-14"])
        #expect(table.sheets.allSatisfy { $0.date == nil })
    }

    @Test func anUndatedTabPerMonthTakesItsYearFromTheOtherSheets() throws {
        // From the dates of the deals on another sheet.
        let fromDeals = try Self.read([
            ("Junio", [Self.dated, Self.datedRow("D1", "2026-06-10", 2)]),
            ("Julio", [Self.undated, Self.undatedRow("D2", 2), Self.undatedRow("D3", 3)]),
        ])
        #expect(Self.dates(fromDeals) == ["D1 2026-06-10", "D2 2026-07-01", "D3 2026-07-01"])
        #expect(fromDeals.sheets.map { $0.date?.description } == [nil, "2026-07-01"])
        // From another sheet's name, the sheet after it read first; a year in its own name wins.
        let fromNames = try Self.read([
            ("Aug", [Self.undated, Self.undatedRow("D4", 2)]),
            ("Jul 2025", [Self.undated, Self.undatedRow("D5", 2)]),
        ])
        #expect(Self.dates(fromNames) == ["D4 2025-08-01", "D5 2025-07-01"])
    }

    /// Tabs per month named as workbooks name them: `202601`, `M02` (its year from the others),
    /// `Q1 Mar 2026`, a copied tab's `Apr 2026 (2)`; `Notes 2026` beside them is no month's.
    @Test func undatedTabsNamedInTabsOwnFormsAreDatedByThem() throws {
        let table = try Self.read([
            ("202601", [Self.undated, Self.undatedRow("D1", 2)]),
            ("M02", [Self.undated, Self.undatedRow("D2", 2)]),
            ("Q1 Mar 2026", [Self.undated, Self.undatedRow("D3", 2)]),
            ("Apr 2026 (2)", [Self.undated, Self.undatedRow("D4", 2)]),
            ("Notes 2026", [["Note"].map { .text($0) }, ["Reviewed by finance"].map { .text($0) }]),
        ])
        #expect(Self.dates(table) == ["D1 2026-01-01", "D2 2026-02-01", "D3 2026-03-01", "D4 2026-04-01"])
        #expect(table.otherSheets.map(\.sheet) == ["Notes 2026"])
    }

    /// Tabs `M01` to `M03` alone take their year from the plan's name (`FY2026 Inside Sales`), when
    /// the fiscal year starts in January; a plan naming no year, two, or a fiscal year starting in
    /// July leaves the sheet an error naming it.
    @Test func undatedMonthTabsTakeTheirYearFromThePlansName() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook(
            (1...3).map { ("M0\($0)", [Self.undated, Self.undatedRow("D\($0)", 2)]) }, in: folder)
        func read(_ name: String, start: Int = 1) throws -> DealsTable {
            let plan = try PlanFile.parse(
                WholeEurosInTextTests.plan.replacingOccurrences(of: "Whole euros", with: name)
                    + "\nfiscal_year_start: \(start)\n", file: "plan.yaml")
            return try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Priya Nair"], plan: plan)
        }
        #expect(try Self.dates(read("FY2026 Inside Sales")) == ["D1 2026-01-01", "D2 2026-02-01", "D3 2026-03-01"])
        #expect(try Self.dates(read("2026 Mid-Market AEs")).first == "D1 2026-01-01")
        #expect(try Self.dates(read("FY26 AEs")).first == "D1 2026-01-01")
        for (name, start) in [("Inside Sales", 1), ("2025-2026 Plan", 1), ("FY2026 Inside Sales", 7)] {
            #expect {
                try read(name, start: start)
            } throws: { error in
                (error as? SpreadsheetError)?.location.sheet == "M01" && "\(error)".contains("gives no year")
            }
        }
    }

    @Test func anUndatedTabWhoseYearTheWorkbookCannotTellIsAnErrorNamingIt() throws {
        for sheets in [
            [
                ("July", [Self.undated, Self.undatedRow("D1", 2)]),
                ("August", [Self.undated, Self.undatedRow("D2", 2)]),
            ],
            [
                ("Dec 2025", [Self.undated, Self.undatedRow("D1", 2)]),
                ("Jan 2026", [Self.undated, Self.undatedRow("D2", 2)]),
                ("Feb", [Self.undated, Self.undatedRow("D3", 2)]),
            ],
        ] {
            let unsettled = sheets.last!.0 == "Feb" ? "Feb" : "July"
            #expect {
                try Self.read(sheets)
            } throws: { error in
                guard let error = error as? SpreadsheetError else { return false }
                return error.location.sheet == unsettled && "\(error)".contains("gives no year")
            }
        }
    }

    /// A table without a date column whose `Month` column names each row's month (`Jul 2026`,
    /// `2026-08`) dates each row its month's first day; a column of quarters dates none.
    @Test func aMonthColumnDatesEachRow() throws {
        let header: [WriteCell] = ["Deal ID", "Rep", "Month", "Amount", "Rate", "Commission"].map { .text($0) }
        func row(_ deal: String, _ month: String, _ row: Int) -> [WriteCell] {
            [
                .text(deal), .text("Ana Lima"), .text(month), .number(10000), .number(Decimal(string: "0.05")!),
                CauseTests.formula("500", "ROUND(D\(row)*E\(row),2)"),
            ]
        }
        let table = try Self.read([
            ("Commissions", [header, row("D1", "Jul 2026", 2), row("D2", "2026-08", 3), row("D3", "julio 2026", 4)])
        ])
        #expect(Self.dates(table) == ["D1 2026-07-01", "D2 2026-08-01", "D3 2026-07-01"])
        #expect(table.mapping.headers[.date] == "Month" && table.mapping.datesNameMonths)
        #expect {
            try Self.read([("Commissions", [header, row("D1", "Q3 2026", 2)])])
        } throws: { error in
            "\(error)".contains("missing date")
        }
    }

    /// Under a plan paid by quarter, a `Quarter` column naming each row's quarter with its year
    /// (`Q3-2026`, `2026 Q4`, `2026-Q1`) dates each row its quarter's first day, the quarters
    /// numbered in the plan's fiscal year; a quarter that could be either of two fiscal years'
    /// (`Q1 2026` when the year starts in April) dates none, nor does a plan paid by month.
    @Test func aQuarterColumnDatesEachRowUnderAPlanByQuarter() throws {
        func plan(_ period: String, start: Int = 1) throws -> Plan {
            let text = HeldOutWorkbookTests.plan().replacingOccurrences(
                of: "period: month", with: "period: \(period)\nfiscal_year_start: \(start)")
            return try PlanFile.parse(text, file: "plan.yaml")
        }
        let header: [WriteCell] = ["Deal ID", "Rep", "Booked Qtr", "Amount", "Rate", "Commission"].map { .text($0) }
        func row(_ deal: String, _ quarter: String, _ row: Int) -> [WriteCell] {
            [
                .text(deal), .text("Priya Nair"), .text(quarter), .number(10000), .number(Decimal(string: "0.05")!),
                CauseTests.formula("500", "ROUND(D\(row)*E\(row),2)"),
            ]
        }
        func read(_ quarters: [String], plan: Plan) throws -> DealsTable {
            let folder = try LayoutReadingTests.folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let rows = [header] + quarters.enumerated().map { row("D\($0.offset + 1)", $0.element, $0.offset + 2) }
            let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
            return try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Priya Nair"], plan: plan)
        }
        let table = try read(["Q3-2026", "2026 Q4", "2026-Q1"], plan: plan("quarter"))
        #expect(Self.dates(table) == ["D1 2026-07-01", "D2 2026-10-01", "D3 2026-01-01"])
        #expect(table.mapping.headers[.date] == "Booked Qtr" && table.mapping.quartersFiscalYearStart == 1)
        let april = try read(["2026-Q1", "2026-Q2"], plan: plan("quarter", start: 4))
        #expect(Self.dates(april) == ["D1 2026-04-01", "D2 2026-07-01"])
        for (quarters, plan) in [(["Q1 2026"], try plan("quarter", start: 4)), (["Q3 2026"], try plan("month"))] {
            #expect {
                try read(quarters, plan: plan)
            } throws: { error in
                "\(error)".contains("missing date")
            }
        }
    }

    /// Two months' deals side by side on one sheet, an empty column between (`January` over
    /// A–F, `February` over H–M): each table read, its rows from its own columns.
    @Test func monthsSideBySideAreEachRead() throws {
        let title: [WriteCell] = [.text("January 2026")] + Array(repeating: .empty, count: 6) + [.text("February 2026")]
        let header = Self.dated + [.empty] + Self.dated
        func row(_ january: String?, _ february: String, _ row: Int) -> [WriteCell] {
            let left: [WriteCell] =
                january.map { Self.datedRow($0, "2026-01-05", row) } ?? Array(repeating: .empty, count: 6)
            return left + [.empty]
                + [
                    .text(february), .text("Ana Lima"), LayoutReadingTests.date("2026-02-03"), .number(10000),
                    .number(Decimal(string: "0.05")!), CauseTests.formula("500", "ROUND(K\(row)*L\(row),2)"),
                ]
        }
        let table = try Self.read([
            ("Jan-Feb 2026", [title, header, row("D1", "D2", 3), row(nil, "D3", 4)])
        ])
        #expect(Self.dates(table) == ["D1 2026-01-05", "D2 2026-02-03", "D3 2026-02-03"])
        #expect(table.sheets.map(\.mapping.columnSpan) == [1...6, 8...13])
        #expect(table.sheets.map { $0.mapping.columns[.commission] } == [6, 13])
        #expect(table.skipped.isEmpty)
    }
}
