import Formula
import Foundation
import Spreadsheet
import Testing

@Suite struct LookupTests {
    @Test func approximateLookupsSearchAsExcelDoes() {
        let sheet = Sheet([
            "A1": .n("0"), "A2": .n("10000"), "A3": .n("50000"), "B1": .n("0.05"), "B2": .n("0.07"), "B3": .n("0.1"),
            "C1": .text("INTEGRAL"), "D1": .text("DOUBLE"), "E1": .text("BLANK"), "F1": .text("STRING"),
            "G1": .text("REF"), "H1": .text("AREA"), "C2": .n("1"), "D2": .n("2"), "E2": .n("3"), "F2": .n("4"),
            "G2": .n("5"), "H2": .n("6"),
        ])
        #expect(sheet.value("VLOOKUP(25000,A1:B3,2)") == .number(Decimal(string: "0.07")!))
        #expect(sheet.value("VLOOKUP(25000,A1:B3,2,TRUE)") == .number(Decimal(string: "0.07")!))
        #expect(sheet.value("VLOOKUP(-1,A1:B3,2)") == .error(.notAvailable))
        #expect(sheet.value("VLOOKUP(99999,A1:B3,2)") == .number(Decimal(string: "0.1")!))
        #expect(sheet.value("VLOOKUP(25000,A1:B3,2,FALSE)") == .error(.notAvailable))
        #expect(sheet.value("VLOOKUP(10000,A1:B3,3,FALSE)") == .error(.reference))
        #expect(sheet.value("MATCH(50000,A1:A3,0)") == .number(3))
        #expect(sheet.value("INDEX(B1:B3,MATCH(10000,A1:A3,0))") == .number(Decimal(string: "0.07")!))
        // Unsorted: Excel's binary search stops at STRING (F) when it meets it, and else lands
        // where the halving leads (H for "SUM"), not where a linear scan would.
        #expect(sheet.value("HLOOKUP(\"STRING\",C1:I2,2,TRUE)") == .number(4))
        #expect(sheet.value("HLOOKUP(\"SUM\",C1:I2,2,TRUE)") == .number(6))
        #expect(sheet.value("HLOOKUP(\"string\",C1:H2,2,FALSE)") == .number(4))
        #expect(sheet.value("XLOOKUP(\"REF\",C1:H1,C2:H2)") == .number(5))
        #expect(sheet.value("XLOOKUP(\"nope\",C1:H1,C2:H2,\"none\")") == .text("none"))
        #expect(sheet.value("LOOKUP(20000,A1:A3,B1:B3)") == .number(Decimal(string: "0.07")!))
    }
}
