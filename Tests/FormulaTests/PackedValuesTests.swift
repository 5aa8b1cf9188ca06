import Foundation
import Spreadsheet
import Testing

@testable import Formula

/// A sheet's cells and a workbook's formulas, packed, read back as they were given: every kind of
/// value, each Decimal bit for bit, and each formula's text byte for byte.
@Suite struct PackedValuesTests {
    static func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

    /// A Decimal's storage bytes: two equal Decimals may differ here (`1.0` and `1`), a packed one must not.
    static func storage(_ number: Decimal) -> [UInt8] { withUnsafeBytes(of: number) { Array($0) } }

    static let numbers: [Decimal] =
        [
            "0", "1", "-1", "0.1", "78623.11", "-0.005", "46275", "1.50", "100", "281474976710655",
            "281474976710656", "-281474976710656", "12345678901234567890123456789012345678", "1e120", "1e-120",
            "-3.4e-100", "0.30000000000000004", "99999999999999999999",
        ].map(decimal) + [
            Decimal(), Decimal.nan, Decimal.greatestFiniteMagnitude, Decimal.leastNonzeroMagnitude,
            Decimal(46_275) + Decimal(43_200_000) / 86_400_000, Decimal(1) / 3, Decimal(-2) / 3,
        ]

    static let values: [FormulaValue] =
        numbers.map { .number($0) } + [
            .blank, .text(""), .text("R00057"), .text("Deal with a name longer than fifteen bytes"),
            .text("Müller & Søn – ½"), .text("D00000000"), .text("R00057"), .bool(true), .bool(false),
            .array(FormulaArray(rows: 1, columns: 2, values: [.number(1), .text("x")])),
        ] + FormulaError.allCases.map { .error($0) }

    static func same(_ a: FormulaValue, _ b: FormulaValue) -> Bool {
        if case .number(let x) = a, case .number(let y) = b { return storage(x) == storage(y) }
        return a == b
    }

    @Test func everyValueReadsBackAsPacked() {
        var packed = PackedValues()
        let words = Self.values.map { packed.pack($0) }
        for (value, word) in zip(Self.values, words) {
            #expect(Self.same(packed.value(word), value), "\(value)")
        }
        // Earlier words stay readable as the tables grow.
        for value in Self.values { _ = packed.pack(value) }
        for (value, word) in zip(Self.values, words) { #expect(Self.same(packed.value(word), value)) }
        #expect(words[Self.values.firstIndex(of: .blank)!] == PackedValues.blank)
    }

    @Test func everydayNumbersAreHeldInTheirWord() {
        for text in ["0", "0.1", "78623.11", "-12.5", "46275", "281474976710655", "1e-100"] {
            #expect(PackedValues.isHeldInWord(.number(Self.decimal(text))), "\(text)")
        }
        #expect(!PackedValues.isHeldInWord(.number(Self.decimal("281474976710656"))))
        #expect(!PackedValues.isHeldInWord(.number(Decimal(1) / 3)))
        #expect(!PackedValues.isHeldInWord(.text("R00057")))
    }

    @Test func aRepeatedTextIsKeptOnce() {
        var packed = PackedValues()
        let first = packed.pack(.text("R00057"))
        _ = packed.pack(.text("R00058"))
        #expect(packed.pack(.text("R00057")) == first)
        #expect(packed.pack(.text("R00059")) != first)
    }

    /// Texts alike but for their length, a NUL, a byte past the hashed first 32 or past the seven a
    /// slot holds, among a stream of unique ones that grows the table of recent texts: each reads
    /// back as it was, two words are equal only for one text, and a text that repeats is kept
    /// about once.
    @Test func textsAlikeButNotTheSameAreToldApart() {
        let long = String(repeating: "x", count: 32)
        let alike = [
            "", "R1", "R1\u{0}", "R1 ", "R00057", "R000570", "R0005700", "R0005701", "Ana Ruiz", "Ana Ruíz",
            long + "a", long + "b", long + "ab", "Ω", "Ω\u{0}",
        ]
        var packed = PackedValues()
        var textOfWord: [UInt64: String] = [:]
        for n in 0..<80_000 {
            let text = n % 3 == 0 ? "D\(n)" : alike[(n - n / 3 - 1) % alike.count]
            let word = packed.pack(.text(text))
            #expect(packed.value(word) == .text(text))
            if let known = textOfWord[word] { #expect(known == text, "one word for \(known) and \(text)") }
            textOfWord[word] = text
        }
        // Two texts alike in their first 32 bytes and their length share a slot, and each
        // takes it from the other; every other text keeps its slot among the unique ones.
        let wordsOfText = Dictionary(grouping: textOfWord.values, by: { $0 }).mapValues(\.count)
        for text in alike where !text.hasPrefix(long) {
            #expect((wordsOfText[text] ?? 0) <= 3, "\(wordsOfText[text] ?? 0) words for \(text)")
        }
    }

    @Test func aGridReadsBackEveryCellAndBlanksAroundThem() {
        var grid = SheetGrid(name: "Deals")
        var expected: [CellAddress: FormulaValue] = [:]
        for (position, value) in Self.values.enumerated() {
            let address = CellAddress(row: 1 + position, column: 1 + position % 5)
            grid[address.row, address.column] = value
            if value == .blank { expected[address] = nil } else { expected[address] = value }
        }
        // A value replaced: the new one is read, and a blank set past the end stores nothing.
        grid[2, 2] = .text("replaced")
        expected[CellAddress(row: 2, column: 2)] = .text("replaced")
        grid[500, 9] = .blank
        #expect(grid.maxRow == expected.keys.map(\.row).max())
        #expect(grid.maxColumn == expected.keys.map(\.column).max())
        for row in 0...(grid.maxRow + 2) {
            for column in 0...(grid.maxColumn + 2) {
                let value = grid[row, column]
                guard row >= 1, column >= 1 else {
                    #expect(value == .blank)
                    continue
                }
                #expect(Self.same(value, expected[CellAddress(row: row, column: column)] ?? .blank))
                #expect(Self.same(grid.column(column)[row - 1], value))
            }
        }
    }

    @Test func storedCellValuesReadAsFormulasSeeThem() {
        var workbook = FormulaWorkbook()
        workbook.addSheet(named: "Deals")
        let cells: [CellValue] = [
            .number(Self.decimal("78623.11")), .text("R00057"), .bool(true), .error("#N/A"), .error("#WHAT?"),
            .date(DateTimeValue(kind: .dateTime, year: 2026, month: 9, day: 30, hour: 12, minute: 34, second: 56)),
            .date(DateTimeValue(kind: .date, year: 2026, month: 9, day: 30, serial: 46295)),
            .date(DateTimeValue(kind: .duration, durationMilliseconds: 90_061_001)),
            .date(DateTimeValue(kind: .time, hour: 8, minute: 30)), .outOfRangeNumber("1e400"), .empty,
        ]
        for (column, value) in cells.enumerated() {
            workbook.setCell(sheet: 0, row: 2, column: column + 1, value: value)
            #expect(Self.same(workbook.sheets[0][2, column + 1], FormulaValue(value, dateSystem: .excel1900)))
        }
    }

    /// A sheet's cell values as read: every kind, dates of each sort, numbers held in their word
    /// and not, texts met again.
    static let cellValues: [CellValue] =
        numbers.map { .number($0) } + [
            .empty, .text(""), .text("R00057"), .text("Deal with a name longer than fifteen bytes"),
            .text("Müller & Søn – ½"), .text("R00057"), .bool(true), .bool(false), .error("#DIV/0!"),
            .error("#n/a"), .error("#BOGUS!"), .outOfRangeNumber("1e200"),
            .date(DateTimeValue(kind: .date, year: 2026, month: 7, day: 6)),
            .date(DateTimeValue(kind: .date, year: 2026, month: 7, day: 6, serial: 46_209)),
            .date(DateTimeValue(kind: .dateTime, year: 2026, month: 7, day: 6, hour: 10, minute: 5, second: 3)),
            .date(DateTimeValue(kind: .time, hour: 23, minute: 59, second: 59, microsecond: 250_000)),
            .date(DateTimeValue(kind: .duration, durationMilliseconds: 90_061_000)),
        ]

    /// A cell value packed as it stands gives the word, and the value, its formula value gives.
    @Test(arguments: [DateSystem.excel1900, .excel1904])
    func aCellValueIsPackedAsItsFormulaValue(dateSystem: DateSystem) {
        var direct = PackedValues()
        var through = PackedValues()
        for value in Self.cellValues {
            let word = direct.pack(value, dateSystem: dateSystem)
            let formulaValue = FormulaValue(value, dateSystem: dateSystem)
            #expect(word == through.pack(formulaValue), "\(value)")
            #expect(Self.same(direct.value(word), formulaValue), "\(value)")
        }
    }

    /// A row's cells set at once (`setCells`) leave the workbook as setting each with `setCell` does:
    /// its values, formulas and the cells SUBTOTAL skips.
    @Test func aRowSetAtOnceIsTheRowSetCellByCell() {
        var byCell = FormulaWorkbook(dateSystem: .excel1904)
        var byRow = FormulaWorkbook(dateSystem: .excel1904)
        byCell.addSheet(named: "Deals")
        byRow.addSheet(named: "Deals")
        let rows: [[Cell]] = [
            [Cell(column: 1, value: .text("Deal ID")), Cell(column: 3, value: .text("Commission"))],
            (1...Self.cellValues.count).map { Cell(column: $0, value: Self.cellValues[$0 - 1]) },
            [
                Cell(column: 1, value: .text("D1")),
                Cell(column: 2, value: .date(DateTimeValue(kind: .date, year: 2026, month: 7, day: 6))),
                Cell(column: 3, value: .number(Self.decimal("78623.11")), formula: "ROUND(B3*0.1,2)"),
                Cell(column: 4, value: .empty, formula: "SUBTOTAL(9,C1:C3)"),
            ],
            [Cell(column: 2, value: .empty), Cell(column: 40, value: .text("far"), formula: "\"far\"")],
        ]
        for (index, cells) in rows.enumerated() {
            var cells = cells
            if index == 2 { cells[2].isArrayFormula = true }
            for cell in cells {
                byCell.setCell(
                    sheet: 0, row: index + 1, column: cell.column, value: cell.value, formula: cell.formula,
                    isArrayFormula: cell.isArrayFormula)
            }
            byRow.setCells(cells, row: index + 1, inSheet: 0)
        }
        #expect(byRow.sheets[0].maxRow == byCell.sheets[0].maxRow)
        #expect(byRow.sheets[0].maxColumn == byCell.sheets[0].maxColumn)
        for row in 1...rows.count + 1 {
            for column in 1...byCell.sheets[0].maxColumn + 1 {
                #expect(Self.same(byRow.sheets[0][row, column], byCell.sheets[0][row, column]), "\(row), \(column)")
                #expect(
                    byRow.isSubtotal(sheet: 0, row: row, column: column)
                        == byCell.isSubtotal(sheet: 0, row: row, column: column))
            }
        }
        #expect(Array(byRow.formulas) == Array(byCell.formulas))
    }
}
