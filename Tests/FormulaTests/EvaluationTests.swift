import Formula
import Foundation
import Spreadsheet
import Testing

@Suite struct EvaluationTests {
    private func number(_ text: String) -> FormulaValue { .number(Decimal(string: text)!) }

    @Test func blanksCoercionAndBooleans() {
        let sheet = Sheet(["A1": .text("12"), "A2": .bool(true), "A3": .n("5"), "A4": .text("x")])
        #expect(sheet.value("B9") == number("0"))
        #expect(sheet.value("B9+1") == number("1"))
        #expect(sheet.value("B9&\"x\"") == .text("x"))
        #expect(sheet.value("B9=0") == .bool(true))
        #expect(sheet.value("B9=\"\"") == .bool(true))
        #expect(sheet.value("A1*2") == number("24"))
        #expect(sheet.value("A2+1") == number("2"))
        #expect(sheet.value("A4+1") == .error(.value))
        #expect(sheet.value("SUM(A1:A4)") == number("5"))
        #expect(sheet.value("SUM(A1,A3)") == number("5"))
        #expect(sheet.value("SUM(\"12\",A3,TRUE)") == number("18"))
        #expect(sheet.value("COUNT(A1:A4)") == number("1"))
        #expect(sheet.value("COUNTA(A1:A9)") == number("4"))
        #expect(sheet.value("\"abc\"=\"ABC\"") == .bool(true))
        #expect(sheet.value("\"a\"<1") == .bool(false))
        #expect(sheet.value("TRUE>\"z\"") == .bool(true))
        #expect(sheet.value("1&2") == .text("12"))
        #expect(sheet.value("INT(1/3*3)") == number("1"))
        #expect(sheet.value("MOD(1/3*3,1)") == number("0"))
    }

    @Test func errorsPropagateAndAreCaught() {
        let sheet = Sheet(["A1": .n("0"), "A2": .error("#N/A"), "A3": .n("4")])
        #expect(sheet.value("1/A1") == .error(.divisionByZero))
        #expect(sheet.value("SUM(A1:A3)") == .error(.notAvailable))
        #expect(sheet.value("IFERROR(1/A1,\"none\")") == .text("none"))
        #expect(sheet.value("IFNA(A2,0)") == number("0"))
        #expect(sheet.value("IFNA(1/A1,0)") == .error(.divisionByZero))
        #expect(sheet.value("ISERROR(A2)") == .bool(true))
        #expect(sheet.value("ISNUMBER(A3)") == .bool(true))
        #expect(sheet.value("ISBLANK(A9)") == .bool(true))
        #expect(sheet.value("IF(A2,1,2)") == .error(.notAvailable))
        #expect(sheet.value("AGGREGATE(9,6,A1:A3)") == number("4"))
        #expect(sheet.value("#REF!+1") == .error(.reference))
    }

    @Test func roundingIsHalfAwayFromZero() {
        let sheet = Sheet(["A1": .n("2.675"), "A2": .n("-2.5"), "A3": .n("1234.5")])
        #expect(sheet.value("ROUND(A1,2)") == number("2.68"))
        #expect(sheet.value("ROUND(A2,0)") == number("-3"))
        #expect(sheet.value("ROUND(A3,-1)") == number("1230"))
        #expect(sheet.value("ROUND(0.125,2)") == number("0.13"))
        #expect(sheet.value("ROUNDUP(A2,0)") == number("-3"))
        #expect(sheet.value("ROUNDDOWN(A1,1)") == number("2.6"))
        #expect(sheet.value("INT(A2)") == number("-3"))
        #expect(sheet.value("TRUNC(A2)") == number("-2"))
        #expect(sheet.value("MROUND(7.5,5)") == number("10"))
        #expect(sheet.value("CEILING(2.1,0.5)") == number("2.5"))
        #expect(sheet.value("FLOOR(-2.5,2)") == number("-4"))
        #expect(sheet.value("FLOOR(-2.5,-2)") == number("-2"))
        #expect(sheet.value("MOD(-3,2)") == number("1"))
        #expect(sheet.value("-2^2") == number("4"))
        #expect(sheet.value("2^-1") == number("0.5"))
    }

    @Test func datesAroundThePhantomLeapDayAndIn1904() {
        let sheet = Sheet()
        #expect(sheet.value("DATE(1900,2,28)") == number("59"))
        #expect(sheet.value("DATE(1900,2,29)") == number("60"))
        #expect(sheet.value("DATE(1900,3,1)") == number("61"))
        #expect(sheet.value("DAY(60)") == number("29"))
        #expect(sheet.value("MONTH(61)") == number("3"))
        #expect(sheet.value("DATE(2026,14,1)") == sheet.value("DATE(2027,2,1)"))
        #expect(sheet.value("EOMONTH(DATE(2024,1,31),1)") == sheet.value("DATE(2024,2,29)"))
        #expect(sheet.value("EDATE(DATE(2024,3,31),-1)") == sheet.value("DATE(2024,2,29)"))
        #expect(sheet.value("YEAR(\"2026-07-15\")") == number("2026"))
        #expect(sheet.value("DATEVALUE(\"15-Jul-2026\")") == sheet.value("DATE(2026,7,15)"))
        #expect(sheet.value("TEXT(DATE(2026,7,5),\"yyyy-mm-dd\")") == .text("2026-07-05"))
        #expect(sheet.value("TEXT(1234.5,\"#,##0.00\")") == .text("1,234.50"))
        #expect(sheet.value("TEXT(0.256,\"0.0%\")") == .text("25.6%"))
        let mac = Sheet(system: .excel1904)
        #expect(mac.value("DATE(1904,1,1)") == number("0"))
        #expect(mac.value("DATE(2026,7,15)") == number(String(46_218 - 1462)))
        #expect(mac.value("YEAR(0)") == number("1904"))
        #expect((try? Sheet().evaluate("TODAY()").get()) == nil)
    }

    /// SUM, COUNT, COUNTA, COUNTBLANK, OR and AND over a range of billions of cells read only the
    /// part of it the sheet stores: the rest is blank, which they pass over or count (found by
    /// fuzzing: `OR(HCI353613:J83)` walked two billion empty cells).
    @Test func foldsOverHugeRangesReadOnlyTheStoredCells() {
        let sheet = Sheet(["H100": .bool(true), "J200": .n("7"), "B3": .n("1")])
        #expect(sheet.value("OR(HCI353613:J83)", at: "A5") == .bool(true))
        #expect(sheet.value("AND(H83:HCI353613)", at: "A5") == .bool(true))
        #expect(sheet.value("SUM(H83:HCI353613)", at: "A5") == number("7"))
        #expect(sheet.value("COUNTA(H2:XFD1000000)", at: "A5") == number("2"))
        #expect(sheet.value("COUNT(H2:XFD1000000)", at: "A5") == number("1"))
        // Ranges wholly past the stored cells: nothing to fold.
        #expect(sheet.value("SUM(M5000:XFD1048576)", at: "A5") == number("0"))
        #expect(sheet.value("OR(M5000:XFD1048576)", at: "A5") == .error(.value))
        #expect(sheet.value("COUNTBLANK(H99:H101)", at: "A5") == number("2"))
        // 5,488 columns × 999,999 rows, less the two cells that hold something.
        #expect(sheet.value("COUNTBLANK(H2:HCI1000000)", at: "A5") == number("5487994510"))
    }

    /// COUNTIF and the other criteria functions over a range of billions of cells walk only the
    /// part the sheets store; the blank positions past it are tested once and counted (found by
    /// fuzzing: `COUNTIF(HCI353613:J83,"")` held a 1 for each of two billion blank cells and ran
    /// out of memory).
    @Test func criteriaOverHugeRangesCountTheBlankPartAtOnce() {
        let sheet = Sheet(["J200": .n("7"), "K300": .n("-2"), "L90": .text("x"), "B3": .n("1")])
        // 5,486 columns × 353,531 rows, less the three cells that hold something.
        #expect(sheet.value("COUNTIF(HCI353613:J83,\"\")", at: "A5") == number("1939471063"))
        #expect(sheet.value("COUNTIF(J83:HCI353613,\"<>\")", at: "A5") == number("3"))
        #expect(sheet.value("COUNTIF(J83:HCI353613,\">0\")", at: "A5") == number("1"))
        #expect(sheet.value("SUMIFS(J83:HCI353613,J83:HCI353613,\"<>x\")", at: "A5") == number("5"))
        #expect(sheet.value("AVERAGEIFS(J83:HCI353613,J83:HCI353613,\"<>x\")", at: "A5") == number("2.5"))
        #expect(sheet.value("SUMIF(J83:HCI353613,\"<>x\")", at: "A5") == number("5"))
        // Ranges offset from each other: a position is blank where it lies past every range's
        // stored part. Five positions hold something in one range or the other (J200, K300 and
        // L90 in the first; K300 and L90, a row up and a column left, in the second).
        #expect(
            sheet.value("COUNTIFS(J83:HCI353613,\"\",K84:HCJ353614,\"\")", at: "A5") == number("1939471061"))
        #expect(sheet.value("MINIFS(J83:HCI353613,K84:HCJ353614,\"\")", at: "A5") == number("-2"))
        #expect(sheet.value("MAXIFS(J83:HCI353613,K84:HCJ353614,\"\",J83:HCI353613,\"<7\")", at: "A5") == number("-2"))
    }

    /// A product or a whole power below the smallest magnitude a Decimal holds (about 1e-128) is
    /// 0, not a trap in Foundation's multiplication (found by fuzzing: `B$2%%%…%^31`, B2 cut by a
    /// hundred 35 times and raised to the 31st power); its reciprocal is #NUM!.
    @Test func productsTooSmallForADecimalAreZero() {
        let sheet = Sheet(["B2": .n("2")])
        let hundredths = String(repeating: "%", count: 35)
        #expect(sheet.value("B$2\(hundredths)^31", at: "A5") == number("0"))
        #expect(sheet.value("B$2\(hundredths)^2", at: "A5") == number("0"))
        #expect(sheet.value("2\(hundredths)*3\(hundredths)", at: "A5") == number("0"))
        #expect(sheet.value("10^-100*10^-100", at: "A5") == number("0"))
        #expect(sheet.value("(B$2\(hundredths))^-3", at: "A5") == .error(.number))
        // What a Decimal holds stays exact.
        #expect(sheet.value("10^-60*10^-60", at: "A5") == number("1e-120"))
        #expect(sheet.value("B$2\(hundredths)*3", at: "A5") == number("6e-70"))
        #expect(sheet.value("(B$2%%)^3", at: "A5") == number("0.000000000008"))
        // PRODUCT and SUMPRODUCT multiply the same way.
        #expect(sheet.value("PRODUCT(10^-100,10^-100)", at: "A5") == number("0"))
        #expect(sheet.value("PRODUCT(10^-60,10^-60,2)", at: "A5") == number("2e-120"))
        #expect(sheet.value("SUMPRODUCT(10^-100,10^-100)", at: "A5") == number("0"))
        #expect(sheet.value("SUMPRODUCT(B2:B2,B2:B2)", at: "A5") == number("4"))
        // A quotient or sum a Decimal cannot hold (Foundation's NaN) is 0 below its smallest
        // magnitude and #NUM! past its largest, never a NaN passed on.
        #expect(sheet.value("10^-100/10^100", at: "A5") == number("0"))
        #expect(sheet.value("TEXT(10^-100/10^100,\"0.00\")", at: "A5") == .text("0.00"))
        #expect(sheet.value("ROUND(B2/(10^80*10^80*10^80),2)", at: "A5") == .error(.number))
        #expect(sheet.value("10^100*10^100", at: "A5") == .error(.number))
        #expect(sheet.value("10^165*3+10^165*3", at: "A5") == .error(.number))
        #expect(sheet.value("B2\(String(repeating: "%", count: 66))", at: "A5") == number("0"))
        #expect(sheet.value("B2/4", at: "A5") == number("0.5"))
    }

    /// SUBSTITUTE and FIND match code units exactly: a NUL in the text sought is a character like
    /// any other (found by fuzzing: Foundation's search matched past the text's end and trapped).
    @Test func substituteAndFindMatchCodeUnitsExactly() {
        let sheet = Sheet()
        let nuls = String(repeating: "\u{0}", count: 8)
        #expect(sheet.value("SUBSTITUTE(\"ABCBBDBEB\",\"B\(nuls)\",\"x\",1)") == .text("ABCBBDBEB"))
        #expect(sheet.value("SUBSTITUTE(\"ABCBBDBEB\",\"B\(nuls)\",\"x\")") == .text("ABCBBDBEB"))
        #expect(sheet.value("SUBSTITUTE(\"A\(nuls)B\",\"\(nuls)\",\"-\")") == .text("A-B"))
        #expect(sheet.value("SUBSTITUTE(\"ABCBBDBEB\",\"B\",\"|\")") == .text("A|C||D|E|"))
        #expect(sheet.value("SUBSTITUTE(\"ABCBBDBEB\",\"B\",\"|\",3)") == .text("ABCB|DBEB"))
        #expect(sheet.value("SUBSTITUTE(\"aaaa\",\"aa\",\"b\")") == .text("bb"))
        #expect(sheet.value("SUBSTITUTE(\"aaa\",\"aa\",\"b\",2)") == .text("aaa"))
        #expect(sheet.value("SUBSTITUTE(\"e\u{301}té\",\"é\",\"E\")") == .text("e\u{301}tE"))
        #expect(sheet.value("SUBSTITUTE(\"ABC\",\"B\",\"x\",0)") == .error(.value))
        // FIND finds what SUBSTITUTE replaces, from its start.
        #expect(sheet.value("FIND(\"B\(nuls)\",\"ABCBBDBEB\")") == .error(.value))
        #expect(sheet.value("FIND(\"\(nuls)\",\"A\(nuls)B\")") == number("2"))
        #expect(sheet.value("FIND(\"B\",\"ABCBBDBEB\",3)") == number("4"))
        #expect(sheet.value("FIND(\"b\",\"ABC\")") == .error(.value))
        #expect(sheet.value("SEARCH(\"b\",\"ABC\")") == number("2"))
        // SEARCH compares the same code units with their case folded: a NUL is a character to it too.
        #expect(sheet.value("SEARCH(\"b\(nuls)\",\"ABCBBDBEB\")") == .error(.value))
        #expect(sheet.value("SEARCH(\"b\(nuls)\",\"AB\(nuls)C\")") == number("2"))
        #expect(sheet.value("SEARCH(\"\(nuls)\",\"A\(nuls)B\")") == number("2"))
        #expect(sheet.value("SEARCH(\"ÉT\",\"e\u{301}tét\")") == number("4"))
        #expect(sheet.value("SEARCH(\"b\",\"ABCBBDBEB\",3)") == number("4"))
        #expect(sheet.value("SEARCH(\"x\",\"ABC\")") == .error(.value))
    }

    @Test func conditionalAggregates() {
        var cells: [String: CellValue] = [:]
        let reps = ["West", "East", "West", "west", "North"]
        for (index, rep) in reps.enumerated() {
            cells["A\(index + 1)"] = .text(rep)
            cells["B\(index + 1)"] = .n(String((index + 1) * 100))
        }
        cells["A6"] = .empty
        let sheet = Sheet(cells)
        #expect(sheet.value("SUMIF(A1:A5,\"West\",B1:B5)") == number("800"))
        #expect(sheet.value("SUMIFS(B:B,A:A,\"W*\",B:B,\">150\")") == number("700"))
        #expect(sheet.value("COUNTIF(A1:A5,\"<>West\")") == number("2"))
        #expect(sheet.value("COUNTIFS(B1:B5,\">=200\",B1:B5,\"<=400\")") == number("3"))
        #expect(sheet.value("AVERAGEIF(A1:A5,\"East\",B1:B5)") == number("200"))
        #expect(sheet.value("MAXIFS(B1:B5,A1:A5,\"west\")") == number("400"))
        #expect(sheet.value("SUMPRODUCT((A1:A5=\"West\")*B1:B5)") == number("800"))
        #expect(sheet.value("COUNTIF(A1:A6,\"\")") == number("1"))
        #expect(sheet.value("SUBTOTAL(9,B1:B5)") == number("1500"))
    }

    /// TEXT over a range inside SUMPRODUCT formats each value alone, as a summary adding up a
    /// rep's month by `TEXT(dates,"yyyy-mm")=$B2` needs.
    @Test func textFormatsEachValueOfARange() {
        let sheet = Sheet([
            "A1": .n("46208"), "A2": .n("46239"), "A3": .n("46213"), "B1": .n("100"), "B2": .n("200"), "B3": .n("300"),
        ])
        #expect(sheet.value("SUMPRODUCT((TEXT(A1:A3,\"yyyy-mm\")=\"2026-07\")*B1:B3)") == number("400"))
        #expect(sheet.value("TEXT(A1,\"yyyy-mm\")") == .text("2026-07"))
    }

    @Test func impliedIntersectionOutsideArrayFormulas() {
        let sheet = Sheet(["A1": .n("1"), "A2": .n("2"), "A3": .n("3")])
        #expect(sheet.value("A1:A3*10", at: "B2") == number("20"))
        #expect(sheet.value("A1:A3*10", at: "B9") == .error(.value))
        var array = sheet.workbook
        array.setCell(sheet: 0, row: 1, column: 3, value: .empty, formula: "SUM(A1:A3*10)", isArrayFormula: true)
        #expect(array.evaluate().first?.value == number("60"))
    }

    /// SUBTOTAL and AGGREGATE leave out the cells whose formulas call either, written in any
    /// case; other formulas' cells are counted.
    @Test func subtotalsLeaveOutTheCellsOfOtherSubtotals() {
        var workbook = FormulaWorkbook()
        workbook.addSheet(named: "Sheet1")
        workbook.setCell(sheet: 0, row: 1, column: 2, value: .number(100))
        workbook.setCell(sheet: 0, row: 2, column: 2, value: .number(200))
        workbook.setCell(sheet: 0, row: 3, column: 2, value: .empty, formula: "subtotal(9,B1:B2)")
        workbook.setCell(sheet: 0, row: 4, column: 2, value: .empty, formula: "1+Aggregate(9,4,B1:B2)")
        workbook.setCell(sheet: 0, row: 5, column: 2, value: .empty, formula: "SUM(B1:B2)")
        workbook.setCell(sheet: 0, row: 6, column: 2, value: .empty, formula: "(B5)+SUBTOTAL(9,B1:B5)")
        workbook.setCell(sheet: 0, row: 7, column: 2, value: .empty, formula: "SUM(B1:B6)")
        let values = workbook.evaluate().map(\.value)
        #expect(values == [number("300"), number("301"), number("300"), number("900"), number("2101")])
        // B6 calls SUBTOTAL too: a SUBTOTAL over them all leaves out B3, B4 and B6.
        workbook.setCell(sheet: 0, row: 8, column: 2, value: .empty, formula: "SUBTOTAL(9,B1:B7)")
        #expect(workbook.evaluate().last?.value == number("2701"))
    }

    /// SUBTOTAL's codes over 100 and AGGREGATE's options 1, 3, 5 and 7 leave out the rows their
    /// sheet hides (a filtered list); code 9 and option 4 count them.
    @Test func subtotalsOver100LeaveOutHiddenRows() {
        var workbook = FormulaWorkbook()
        workbook.addSheet(named: "Sheet1")
        for row in 1...4 { workbook.setCell(sheet: 0, row: row, column: 2, value: .number(Decimal(row * 100))) }
        workbook.setHiddenRows([2, 3], ofSheet: 0)
        for (column, formula) in [
            "SUBTOTAL(9,B1:B4)", "SUBTOTAL(109,B1:B4)", "SUBTOTAL(102,B1:B4)", "AGGREGATE(9,5,B1:B4)",
            "AGGREGATE(9,4,B1:B4)", "SUM(B1:B4)",
        ].enumerated() {
            workbook.setCell(sheet: 0, row: 6, column: column + 3, value: .empty, formula: formula)
        }
        let values = workbook.evaluate().map(\.value)
        #expect(values == ["1000", "500", "2", "500", "1000", "1000"].map(number))
        #expect(workbook.isHidden(sheet: 0, row: 2) && !workbook.isHidden(sheet: 0, row: 4))
    }

    @Test func unknownFunctionsAndCyclesAreNotEvaluable() throws {
        var sheet = Sheet(["A1": .n("1")])
        sheet.set("B1", .n("7"), formula: "C1+1")
        sheet.set("C1", .n("6"), formula: "B1+1")
        sheet.set("D1", .n("9"), formula: "B1*2")
        sheet.set("E1", .n("3"), formula: "FANCY(A1)+1")
        sheet.set("F1", .n("4"), formula: "E1+1")
        let results = sheet.workbook.evaluate()
        func reason(_ address: String) -> NotEvaluable? {
            guard
                case .failure(let reason) = results.first(where: { $0.cell.address == CellAddress(address)! })?.outcome
            else { return nil }
            return reason
        }
        #expect(reason("B1")?.description.contains("circular reference") == true)
        #expect(reason("C1")?.description.contains("circular reference") == true)
        #expect(reason("D1")?.description.contains("not evaluable") == true)
        #expect(reason("E1")?.function == "FANCY")
        #expect(reason("F1")?.description == "it reads 'Sheet1'!E1, which is not evaluable")
    }

    @Test func totalsSharingARangeComeAfterItsFormulasAndACycleThroughItIsFound() {
        func workbook(a3: String) -> FormulaWorkbook {
            var sheet = Sheet(["B1": .n("1"), "B2": .n("2"), "B3": .n("3"), "B4": .n("4")])
            // The totals come first; each reads the range of formulas below, one reads another total.
            sheet.set("D1", .empty, formula: "SUM(A1:A4)")
            sheet.set("D2", .empty, formula: "SUM(A1:A4)+D1")
            sheet.set("D3", .empty, formula: "SUM(A2:A4)+SUM(A1:A4)")
            for row in 1...4 { sheet.set("A\(row)", .empty, formula: row == 3 ? a3 : "B\(row)*2") }
            return sheet.workbook
        }
        let values = workbook(a3: "B3*2").evaluate().map(\.value)
        #expect(values == ["20", "40", "38", "2", "4", "6", "8"].map(number))

        // A3 adds up the range it stands in: a cycle, and every total over the range reads it.
        let results = workbook(a3: "SUM(A1:A4)").evaluate()
        func reason(_ address: String) -> String? {
            guard
                case .failure(let reason) = results.first(where: { $0.cell.address == CellAddress(address)! })?.outcome
            else { return nil }
            return reason.description
        }
        #expect(reason("A3")?.contains("circular reference") == true)
        for total in ["D1", "D2", "D3"] { #expect(reason(total)?.contains("not evaluable") == true) }
        #expect(results.first { $0.cell.address == CellAddress("A4")! }?.value == number("8"))
    }

    /// A criterion's text looked up in a long column (indexed at its first use) finds what testing
    /// every cell finds: each spelling of a name in any case, none of the numbers or blanks, and,
    /// of two errors in the sum range, the one on the first row.
    @Test func aLongCriteriaColumnIsLookedUpAsTestingEveryCellWould() {
        let names = ["Ana", "ana", "aNa", "ANA", "Bo", "José", "JOSÉ", "", "7"]
        var sheet = Sheet()
        var sums: [String: Decimal] = [:]
        for row in 1...5000 {
            let name = names[row % names.count]
            if name == "7" {
                sheet.set("A\(row)", .n("7"))
            } else if !name.isEmpty {
                sheet.set("A\(row)", .text(name))
                sums[name.lowercased(), default: 0] += Decimal(row)
            }
            sheet.set("B\(row)", .n("\(row)"))
        }
        #expect(sheet.value("SUMIFS(B1:B5000,A1:A5000,\"ANA\")") == .number(sums["ana"]!))
        #expect(sheet.value("SUMIFS(B1:B5000,A1:A5000,\"josé\")") == .number(sums["josé"]!))
        #expect(sheet.value("COUNTIFS(A1:A5000,\"bo\")") == .number(Decimal((1...5000).count { $0 % 9 == 4 })))
        #expect(sheet.value("COUNTIFS(A1:A5000,\"nobody\")") == .number(0))
        // Row 10 is `ana`, rows 4896–4899 the other spellings: the first row's error is the one given.
        for row in 4896...4899 { sheet.set("B\(row)", .error("#DIV/0!")) }
        sheet.set("B10", .error("#N/A"))
        #expect(sheet.value("SUMIFS(B1:B5000,A1:A5000,\"Ana\")") == .error(.notAvailable))
    }

    /// A filled-down shape is asked once whether it reads a column holding formulas, per sheet and
    /// per column it was moved to: moved onto a formula column, or read from another sheet's, its
    /// formulas still come after the formulas they read, though the file lists them first.
    @Test func aFilledDownShapeComesAfterTheFormulasOfTheColumnsItReads() {
        var sheet = Sheet(["A1": .n("1"), "A2": .n("2"), "A4": .n("4"), "B3": .n("10")])
        for row in 1...3 {
            sheet.set("E\(row)", .n("\(row + 4)"))
            // The shape first met reading a column of values (E), then moved onto one with a formula (A).
            sheet.set("G\(row)", .empty, formula: "E\(row)*2")
        }
        for row in 1...4 { sheet.set("C\(row)", .empty, formula: "A\(row)*2") }
        sheet.set("A3", .empty, formula: "B3+1")
        _ = sheet.workbook.addSheet(named: "Sheet2")
        for row in 1...3 { sheet.set("B\(row)", .empty, formula: "Sheet1!C\(row)+1", sheet: 1) }
        sheet.set("C1", .empty, formula: "Sheet1!E1+1", sheet: 1)
        let results = sheet.workbook.evaluate()
        func value(_ address: String, sheet: Int = 0) -> FormulaValue? {
            results.first { $0.cell.address == CellAddress(address)! && $0.cell.sheet == sheet }?.value
        }
        #expect([1, 2, 3].map { value("G\($0)") } == ["10", "12", "14"].map(number))
        #expect([1, 2, 3, 4].map { value("C\($0)") } == ["2", "4", "22", "8"].map(number))
        #expect([1, 2, 3].map { value("B\($0)", sheet: 1) } == ["3", "5", "23"].map(number))
        #expect(value("C1", sheet: 1) == number("6"))
    }

    /// Formulas without cached values are evaluated after every formula cell they may read: the
    /// box a range joined from INDEX's result gives, and SUMIF's sum range in its criteria's shape.
    /// The totals stand above the formulas they read, so the file's order would evaluate them first.
    @Test func aJoinedRangeAndAResizedSumRangeComeAfterTheFormulasInThem() {
        var sheet = Sheet()
        sheet.set("E1", .empty, formula: "SUM(A2:INDEX(C:C,4))")
        sheet.set("F1", .empty, formula: "SUMIF(A2:A4,\">0\",B2)")
        sheet.set("G1", .empty, formula: "AVERAGEIF(A2:A4,\">0\",B2)")
        for row in 2...4 {
            sheet.set("A\(row)", .n("\(row)"))
            sheet.set("B\(row)", .empty, formula: "A\(row)*10")
            sheet.set("C\(row)", .n("1"))
        }
        let values = sheet.workbook.evaluate().prefix(3).map(\.value)
        // A2:C4 holds 2+3+4, 20+30+40 and three 1s; B2:B4 holds 20, 30 and 40.
        #expect(values == ["102", "90", "30"].map(number))
    }

    /// The box of a joined range spans only what its ends may return: the COUNTA that picks
    /// INDEX's row, and a name that stands for a plain range, make no cycle of a total beside it.
    @Test func theArgumentsThatPickARowMakeNoCycle() {
        var sheet = Sheet()
        for row in 2...4 {
            sheet.set("A\(row)", .text("x"))
            sheet.set("E\(row)", .n("\(row)"))
        }
        sheet.set("C7", .empty, formula: "SUM(E2:INDEX(E:E,COUNTA(A:A)))")
        sheet.workbook.defineName("Reps", formula: "Sheet1!$A$2:$A$4")
        sheet.workbook.defineName("Comm", formula: "Sheet1!$E$2:$E$4")
        sheet.set("E6", .empty, formula: "SUMIF(Reps,\"x\",Comm)")
        let values = sheet.workbook.evaluate().map(\.value)
        // COUNTA(A:A) is 3: E2:E3 holds 2 and 3.
        #expect(values == ["5", "9"].map(number))
    }

    @Test func filledDownFormulasReadTheirOwnRowsAndANameItsOwnCell() {
        var sheet = Sheet(["H1": .n("0.1")])
        sheet.workbook.addSheet(named: "Other")
        sheet.workbook.defineName("Rate", formula: "Sheet1!$H$1")
        // One shape filled down: evaluated from the first row's tree, its references moved to
        // each row, but not the cell the name stands for.
        for row in 2...5 {
            sheet.set("A\(row)", .n("\(row * 10)"))
            sheet.set("C\(row)", .n("\(row)"), sheet: 1)
            sheet.set("B\(row)", .empty, formula: "A\(row)*Rate+Other!C\(row)+MAX(A\(row),0)")
        }
        #expect(sheet.workbook.evaluate().map(\.value) == (2...5).map { number("\($0 * 12)") })
    }

    @Test func dependencyOrderAndStaleValues() {
        var sheet = Sheet(["A1": .n("100"), "A2": .n("200")])
        // Written bottom-up: C1 reads B1, which reads A1:A2, though C1 comes first.
        sheet.set("C1", .n("999"), formula: "B1*2")
        sheet.set("B1", .n("250"), formula: "SUM(A1:A2)")
        let recalculated = sheet.workbook.evaluate()
        #expect(recalculated.map(\.value) == [number("600"), number("300")])
        let checked = sheet.workbook.evaluate(precedents: .cachedWhereAvailable)
        // C1 from B1's cached 250 gives 500 (its cache 999 is stale); B1 gives 300 (250 is stale).
        #expect(checked.map(\.value) == [number("500"), number("300")])
        #expect(checked.map(\.agreesWithCached) == [false, false])
    }

    @Test func namesAndTables() {
        var sheet = Sheet(["A1": .text("Amount"), "A2": .n("10"), "A3": .n("20"), "A4": .n("30"), "H1": .n("0.1")])
        sheet.workbook.defineName("Rate", formula: "Sheet1!$H$1")
        sheet.workbook.addTable(
            TableDefinition(
                name: "tblDeals", sheet: 0, range: CellRange("A1:B4")!, columns: ["Amount", "Commission"],
                headerRows: 1,
                totalsRows: 0))
        #expect(sheet.value("SUM(tblDeals[Amount])*Rate") == number("6"))
        #expect(sheet.value("[@Amount]*Rate", at: "B3") == number("2"))
        #expect(sheet.value("tblDeals[[#This Row],[Amount]]", at: "B4") == number("30"))
        #expect(sheet.value("ROWS(tblDeals[#All])") == number("4"))
        #expect((try? sheet.evaluate("Missing*2").get()) == nil)
    }
}
