import Formula
import Foundation
import Spreadsheet
import Testing

/// Functions commission sheets use that a workbook written by openpyxl or a generator leaves
/// without cached values: DATEDIF, NETWORKDAYS and WORKDAY (and their `.INTL` forms), WEEKDAY,
/// XMATCH, LET, OFFSET and INDIRECT, evaluated as Excel does.
@Suite struct CommissionSheetFunctionsTests {
    private func number(_ value: Int) -> FormulaValue { .number(Decimal(value)) }

    /// A sheet with A1 2024-01-31, A2 2024-03-01, A3 2025-02-28, A4 2023-05-15, A5 2026-12-31.
    private var dates: Sheet {
        Sheet([
            "A1": .n("45322"), "A2": .n("45352"), "A3": .n("45716"), "A4": .n("45061"), "A5": .n("46387"),
        ])
    }

    @Test func dateDifferenceInEachUnit() {
        let sheet = dates
        #expect(sheet.value("DATEDIF(A4,A3,\"Y\")") == number(1))
        #expect(sheet.value("DATEDIF(A4,A3,\"m\")") == number(21))
        #expect(sheet.value("DATEDIF(A4,A3,\"D\")") == number(655))
        #expect(sheet.value("DATEDIF(A4,A3,\"YM\")") == number(9))
        #expect(sheet.value("DATEDIF(A4,A3,\"MD\")") == number(13))
        #expect(sheet.value("DATEDIF(A4,A3,\"YD\")") == number(289))
        // A day the month lacks rolls over: 2024-02-31 is 2024-03-02, a day past the end.
        #expect(sheet.value("DATEDIF(A1,A2,\"MD\")") == number(-1))
        #expect(sheet.value("DATEDIF(A1,A2,\"M\")") == number(1))
        #expect(sheet.value("DATEDIF(A1,A5,\"Y\")") == number(2))
        #expect(sheet.value("DATEDIF(\"2026-01-15\",\"2026-07-14\",\"M\")") == number(5))
        #expect(sheet.value("DATEDIF(A2,A1,\"D\")") == .error(.number))
        #expect(sheet.value("DATEDIF(A1,A2,\"W\")") == .error(.number))
        #expect(sheet.value("DATEDIF(A1,\"soon\",\"D\")") == .error(.value))
    }

    @Test func workingDays() {
        // 2026-07-01 (Wednesday) to 2026-07-31 (Friday): 23 weekdays; 2026-07-03 a holiday.
        let sheet = Sheet(["A1": .n("46204"), "A2": .n("46234"), "H1": .n("46206"), "H2": .n("46207")])
        #expect(sheet.value("NETWORKDAYS(A1,A2)") == number(23))
        // The holiday on a Friday counts, the one on a Saturday does not.
        #expect(sheet.value("NETWORKDAYS(A1,A2,H1:H2)") == number(22))
        #expect(sheet.value("NETWORKDAYS(A2,A1)") == number(-23))
        #expect(sheet.value("NETWORKDAYS(A1,A1)") == number(1))
        // Whole weeks, no day left over (found by fuzzing: the days after the weeks were a range
        // from past its end, which trapped).
        #expect(sheet.value("NETWORKDAYS(A1,A1+6)") == number(5))
        #expect(sheet.value("NETWORKDAYS(A1+13,A1)") == number(-10))
        #expect(sheet.value("NETWORKDAYS.INTL(A1,A1+6,11)") == number(6))
        // Friday and Saturday off (7), Sunday alone (11), and as a string from Monday.
        #expect(sheet.value("NETWORKDAYS.INTL(A1,A2,7)") == number(22))
        #expect(sheet.value("NETWORKDAYS.INTL(A1,A2,11)") == number(27))
        #expect(sheet.value("NETWORKDAYS.INTL(A1,A2,\"0000011\",H1)") == number(22))
        #expect(sheet.value("NETWORKDAYS.INTL(A1,A2,\"1111111\")") == .error(.value))
        #expect(sheet.value("NETWORKDAYS.INTL(A1,A2,9)") == .error(.number))
        #expect(sheet.value("_xlfn.NETWORKDAYS.INTL(A1,A2)") == number(23))
        // Five working days from Wednesday 2026-07-01 over the holiday: Thursday 2026-07-09.
        #expect(sheet.value("WORKDAY(A1,5,H1)") == number(46212))
        #expect(sheet.value("WORKDAY(A1,-3)") == number(46199))
        #expect(sheet.value("WORKDAY(A1,0)") == number(46204))
        #expect(sheet.value("WORKDAY.INTL(A1,2,\"0000111\")") == number(46209))
        // Long counts go by whole weeks less the holidays among them: the same day stepping gives.
        #expect(sheet.value("NETWORKDAYS(A1,WORKDAY(A1,1000,H1:H2),H1:H2)") == number(1001))
        #expect(sheet.value("NETWORKDAYS(WORKDAY(A1,-1000,H1:H2),A1,H1:H2)") == number(1001))
        #expect(sheet.value("NETWORKDAYS.INTL(A1,WORKDAY.INTL(A1,500,7,H1),7,H1)") == number(501))
        #expect(sheet.value("WORKDAY(A1,2999999)") == .error(.number))
        #expect(sheet.value("WEEKDAY(A1)") == number(4))
        #expect(sheet.value("WEEKDAY(A1,2)") == number(3))
        #expect(sheet.value("WEEKDAY(A1,3)") == number(2))
    }

    @Test func xmatchModes() {
        let sheet = Sheet([
            "A1": .n("0"), "A2": .n("10000"), "A3": .n("50000"), "A4": .n("100000"), "B1": .text("Gold"),
            "B2": .text("Silver"), "B3": .text("Bronze"), "C1": .n("100000"), "C2": .n("50000"), "C3": .n("0"),
        ])
        #expect(sheet.value("XMATCH(50000,A1:A4)") == number(3))
        #expect(sheet.value("XMATCH(60000,A1:A4)") == .error(.notAvailable))
        #expect(sheet.value("XMATCH(60000,A1:A4,-1)") == number(3))
        #expect(sheet.value("XMATCH(60000,A1:A4,1)") == number(4))
        #expect(sheet.value("XMATCH(\"silver\",B1:B3)") == number(2))
        #expect(sheet.value("XMATCH(\"*ze\",B1:B3,2)") == number(3))
        #expect(sheet.value("XMATCH(\"*l*\",B1:B3,2,-1)") == number(2))
        #expect(sheet.value("XMATCH(60000,A1:A4,-1,2)") == number(3))
        #expect(sheet.value("XMATCH(60000,C1:C3,1,-2)") == number(1))
        #expect(sheet.value("XMATCH(60000,C1:C3,-1,-2)") == number(2))
        #expect(sheet.value("_xlfn.XMATCH(10000,A1:A4,0,2)") == number(2))
        #expect(sheet.value("XMATCH(1,A1:A4,3)") == .error(.value))
        #expect(sheet.value("INDEX(B1:B3,XMATCH(50000,C1:C3))") == .text("Silver"))
    }

    @Test func letNamesValuesAndReferences() {
        let sheet = Sheet(["A1": .n("10000"), "A2": .n("20000"), "A3": .n("0.05")])
        #expect(sheet.value("LET(x,A1,y,A2,x+y)") == number(30000))
        #expect(sheet.value("LET(total,SUM(A1:A2),total*A3)") == number(1500))
        // A bound reference stays one, a later value sees an earlier name, names ignore case.
        #expect(sheet.value("LET(r,A1:A2,n,ROWS(r),SUM(r)/N)") == number(15000))
        #expect(sheet.value("_xlfn.LET(_xlpm.rate,A3,_xlpm.amt,A2,_xlpm.amt*_xlpm.rate)") == number(1000))
        // An inner LET hides an outer name; outside it the outer one holds.
        #expect(sheet.value("LET(x,1,LET(x,2,x)+x)") == number(3))
        #expect(sheet.value("LET(x,1)") == .error(.value))
    }

    @Test func offsetAndIndirectMakeReferences() {
        var sheet = Sheet([
            "A1": .n("1"), "A2": .n("2"), "A3": .n("3"), "A4": .n("4"), "B1": .text("A2"), "C1": .n("3"),
        ])
        sheet.workbook.addSheet(named: "Rates Q3")
        sheet.set("B2", .n("0.07"), sheet: 1)
        #expect(sheet.value("SUM(OFFSET(A1,1,0,3,1))") == number(9))
        #expect(sheet.value("OFFSET(A1,C1,0)") == number(4))
        #expect(sheet.value("SUM(OFFSET(A4,0,0,-2))") == number(7))
        #expect(sheet.value("OFFSET(A1,-1,0)") == .error(.reference))
        #expect(sheet.value("OFFSET(A1,0,0,0)") == .error(.reference))
        #expect(sheet.value("INDIRECT(B1)") == number(2))
        #expect(sheet.value("SUM(INDIRECT(\"A1:A\"&C1))") == number(6))
        #expect(sheet.value("INDIRECT(\"'Rates Q3'!B2\")") == .number(Decimal(string: "0.07")!))
        #expect(sheet.value("INDIRECT(\"Nowhere!B2\")") == .error(.reference))
        #expect(sheet.value("INDIRECT(\"not a reference\")") == .error(.reference))
    }

    /// A formula reaching through OFFSET or INDIRECT a formula cell that the file's order (and the
    /// graph, which cannot see it) evaluates later reads that cell's value, not its missing cache;
    /// a running total of `OFFSET(own cell,-1,0)` is no cycle; a cycle through OFFSET is refused.
    @Test func referencesMadeWhileEvaluatingWaitForTheCellsTheyReach() {
        var sheet = Sheet(["A1": .n("5"), "D1": .text("C2")])
        sheet.set("B1", .empty, formula: "INDIRECT(D1)*2")
        sheet.set("C1", .empty, formula: "SUM(OFFSET(C2,0,0,2,1))")
        sheet.set("C2", .empty, formula: "A1*10")
        sheet.set("C3", .empty, formula: "C2+1")
        // Running totals: each row the one above plus its own.
        for row in 2...4 { sheet.set("F\(row)", .n("\(row)")) }
        sheet.set("G2", .empty, formula: "F2")
        sheet.set("G3", .empty, formula: "OFFSET(G3,-1,0)+F3")
        sheet.set("G4", .empty, formula: "OFFSET(G4,-1,0)+F4")
        sheet.set("H1", .empty, formula: "OFFSET(H2,0,0)")
        sheet.set("H2", .empty, formula: "H1+1")
        let results = sheet.workbook.evaluate()
        func outcome(_ address: String) -> Result<FormulaValue, NotEvaluable>? {
            results.first { $0.cell.address == CellAddress(address)! }?.outcome
        }
        func value(_ address: String) -> FormulaValue? { try? outcome(address)?.get() }
        #expect(value("B1") == number(100), "\(results.map { "\($0.cell.address) \($0.outcome)" })")
        #expect(value("C1") == number(101))
        #expect(value("G4") == number(9))
        guard case .failure(let reason)? = outcome("H1") else {
            Issue.record("a cycle through OFFSET has a value")
            return
        }
        #expect(reason.description.contains("H2"))
    }
}
