import Spreadsheet
import Testing

@testable import Ingest

/// A cell is blank when empty or of white space only (`CellValue.isBlank`), the first byte of an
/// ASCII text deciding it without the text broken into characters.
@Suite struct BlankCellTests {
    @Test func aTextIsBlankWhenEveryCharacterIsWhiteSpace() {
        let texts = [
            "", " ", "   ", "\t", "\n", "\r\n", "\u{0B}\u{0C}", "\u{A0}", "\u{2003}", " \u{3000} ", "\u{85}",
            "a", " a", "\ta", "R00057", "1", "-", "\u{1C}", "\u{7F}", "é", "\u{2003}x", " \u{301}", "a\u{301}",
        ]
        for text in texts {
            #expect(CellValue.text(text).isBlank == text.allSatisfy(\.isWhitespace), "\(text.debugDescription)")
        }
        #expect(CellValue.empty.isBlank)
        #expect(!CellValue.number(0).isBlank)
    }
}
