import Foundation
import Spreadsheet
import Testing
import XLSX

/// A worksheet number past what a double holds (`1e400`, `1e-400`) is refused naming its cell:
/// `convert` once wrote it on as if it were a number. One past Decimal's range but within a
/// double's (`1e200`) is kept as written.
@Suite struct NumberRangeTests {
    static func read(_ value: String) throws -> [String] {
        try SheetDataIntegrityTests.read(
            SheetDataIntegrityTests.sheet(
                #"<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2"><v>\#(value)</v></c></row>"#))
    }

    @Test(arguments: ["1e400", "-1E+400", "1e-400", " 1e99999 "])
    func aNumberNoDoubleHoldsIsRefused(value: String) throws {
        #expect(
            try Self.read(value) == [
                "refused: Deals!B2: the number '\(value)' is beyond what a spreadsheet cell holds (a double, about 1.8e308 down to 4.9e-324)"
            ])
    }

    @Test func aNumberPastDecimalButWithinADoubleIsKeptAsWritten() throws {
        #expect(try Self.read("1e200") == ["A1=1", "B2=1e200"])
        #expect(try Self.read(" 2.5E-300") == ["A1=1", "B2= 2.5E-300"])
    }
}
