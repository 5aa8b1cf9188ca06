import Reports
import Testing

/// Terminal tables: columns line up, and a table wider than the terminal wraps its widest text
/// column so that every line fits.
@Suite struct TextTableTests {
    static let table = TextTable(
        header: ["Cell", "Amount", "Why"],
        rows: [
            ["Deals!G6", "1,685.13", "manual 6,740.52, the plan pays 8,425.65; rate 8% is another tier's rate"],
            ["Summary!D5", "-15,556.33", "its range covers rows 5–35, the data rows 5–41"],
        ], rightAligned: [1])

    @Test func withoutAWidthNothingWraps() {
        let lines = Self.table.render().split(separator: "\n")
        #expect(lines.count == 4)
        #expect(
            lines[2]
                == "Deals!G6      1,685.13  manual 6,740.52, the plan pays 8,425.65; rate 8% is another tier's rate")
        #expect(lines[3].hasPrefix("Summary!D5  -15,556.33  its range"))
    }

    @Test(arguments: [40, 50, 60, 80])
    func everyLineFitsTheWidthAndNoWordIsLost(_ width: Int) {
        let text = Self.table.render(width: width)
        let lines = text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= width }, "\(text)")
        let why = lines.dropFirst(2).map { $0.dropFirst(24) }.joined(separator: " ")
        let words = Self.table.rows.flatMap { $0[2].split(separator: " ") }
        #expect(why.split(separator: " ") == words)
    }

    @Test func aTableThatCannotFitIsPrintedWide() {
        let text = Self.table.render(width: 30)
        #expect(text == Self.table.render())
    }

    @Test func wrapBreaksBetweenWordsAndCutsOnlyLongerWords() {
        #expect(TextTable.wrap("a bb ccc dddd", to: 6) == ["a bb", "ccc", "dddd"])
        #expect(TextTable.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
        #expect(TextTable.wrap("short", to: 10) == ["short"])
    }
}
