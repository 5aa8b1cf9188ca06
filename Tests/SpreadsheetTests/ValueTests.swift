import Foundation
import Spreadsheet
import Testing

@Suite struct ValueTests {
    @Test(arguments: [
        ("A1", 1, 1), ("B7", 7, 2), ("$AB$12", 12, 28), ("XFD1048576", 1_048_576, 16_384),
    ])
    func cellAddressesParse(_ text: String, _ row: Int, _ column: Int) {
        #expect(CellAddress(text) == CellAddress(row: row, column: column))
        #expect(CellAddress(row: row, column: column).description == text.replacingOccurrences(of: "$", with: ""))
    }

    @Test(arguments: ["A0", "XFE1", "A1048577", "1A", "", "A", "A1B"])
    func impossibleAddressesAreRejected(_ text: String) {
        #expect(CellAddress(text) == nil)
    }

    @Test(arguments: [
        ("1250.0999999999999", "1250.0999999999999"), ("-0.5e3", "-500"), ("1E+20", "100000000000000000000"),
        ("0.000", "0"), ("+12", "12"), ("12345678901234567890123", "12345678901234567890123"), (" 7 ", "7"),
    ])
    func decimalsParseExactly(_ text: String, _ expected: String) {
        #expect(Decimal.parse(text) == .value(Decimal(string: expected)!))
    }

    @Test(arguments: ["", "-", "1.2.3", "1e", "abc", "1,5", "0x10"])
    func nonNumbersAreInvalid(_ text: String) {
        #expect(Decimal.parse(text) == .invalid)
    }

    @Test func numbersBeyondDecimalAreOutOfRange() {
        #expect(Decimal.parse("1e-300") == .outOfRange)
        #expect(Decimal.parse("1e300") == .outOfRange)
    }

    @Test(arguments: [
        ("yyyy-mm-dd", NumberFormatKind.date), ("0.00%", .number), ("\"Days: \"0", .number), ("[h]:mm:ss", .duration),
        ("[$-409]mmmm d, yyyy", .date), ("#,##0.00_);[Red](#,##0.00)", .number), ("General", .number),
        ("0.00E+00", .number), ("[Red]h:mm", .date), ("mm:ss.0", .date),
    ])
    func numberFormatsClassify(_ code: String, _ kind: NumberFormatKind) {
        #expect(NumberFormat.kind(code: code) == kind)
    }

    @Test func serialsConvertInBothDateSystems() {
        #expect(DateSystem.excel1900.value(serial: 45322, duration: false)?.iso8601 == "2024-01-31")
        #expect(DateSystem.excel1904.value(serial: 43860, duration: false)?.iso8601 == "2024-01-31")
        #expect(DateSystem.excel1900.value(serial: Decimal(string: "0.5")!, duration: false)?.iso8601 == "12:00:00")
        #expect(
            DateSystem.excel1900.value(serial: Decimal(string: "1.0000115740740741")!, duration: false)?.iso8601
                == "1900-01-01T00:00:01")
        #expect(DateSystem.excel1900.value(serial: Decimal(string: "2.25")!, duration: true)?.iso8601 == "54:00:00")
    }

    @Test func locationsPrintTheWayDiagnosticsNeed() {
        #expect(
            Location(file: "Q3.xlsx", sheet: "Deals", cell: CellAddress("F57")).description == "Q3.xlsx › Deals!F57")
        #expect(
            Location(file: "Q3.xlsx", sheet: "Q3 Deals", cell: CellAddress("A1")).description
                == "Q3.xlsx › 'Q3 Deals'!A1")
        #expect(Location(file: "deals.csv", line: 12).description == "deals.csv:12")
    }
}
