import Foundation
import Spreadsheet

/// A row of the deals sheet that totals others ("Total", "Subtotal R-101", "Grand total").
///
/// Held in 104 bytes: what few total rows have (a bonus cell, a commission's text) is kept apart,
/// for a sheet of ten million rows may hold a subtotal every 30.
public struct TotalRow: Sendable, Hashable {
    public var row: Int
    /// The text that marks it, e.g. `Total Ana Lima`.
    public var label: String
    public var commission: Cell?
    /// The text the commission cell holds when `commission` writes it again in its column's style
    /// (`1.000` held, `1000` read: `DealsReader.inColumnStyle`); nil when it is what the cell holds.
    public var commissionText: String? {
        get { apart?.commissionText }
        set { apart = Apart.of(commissionText: newValue, bonus: bonus) }
    }
    /// The cell in the bonus column, when the table has one: a total row may total the bonuses
    /// too (an Excel Table's totals row `=SUBTOTAL(109,Comms[Bonus])`).
    public var bonus: Cell? {
        get { apart?.bonus }
        set { apart = Apart.of(commissionText: commissionText, bonus: newValue) }
    }
    private var apart: Apart?

    public init(row: Int, label: String, commission: Cell?, commissionText: String? = nil, bonus: Cell? = nil) {
        self.row = row
        self.label = label
        self.commission = commission
        apart = Apart.of(commissionText: commissionText, bonus: bonus)
    }

    /// What a total row rarely has, shared by its copies and replaced, never changed.
    private final class Apart: Sendable, Hashable {
        let commissionText: String?
        let bonus: Cell?

        private init(commissionText: String?, bonus: Cell?) {
            self.commissionText = commissionText
            self.bonus = bonus
        }

        static func of(commissionText: String?, bonus: Cell?) -> Apart? {
            commissionText == nil && bonus == nil ? nil : Apart(commissionText: commissionText, bonus: bonus)
        }

        static func == (a: Apart, b: Apart) -> Bool { a.commissionText == b.commissionText && a.bonus == b.bonus }

        func hash(into hasher: inout Hasher) {
            hasher.combine(commissionText)
            hasher.combine(bonus)
        }
    }
}

extension TotalRow {
    /// The label of a row that totals others: its first text cell opens with a total word in one of
    /// the languages (`Total Ana Lima`, `Grand total`, `Gesamt`, `Σ`) or closes with one
    /// (`Ana Lima Total`, `Ana Lima (total)`) and it names no deal of its own; or, unlabelled, a
    /// row without a deal whose commission is a `SUBTOTAL`/`AGGREGATE`, or a `SUM` over ranges of
    /// the rows above it (`=SUM(H2:H4)`) or of the rows below it (a total over the rows it adds,
    /// `=SUM(H3:H40)` on row 2). A deal row whose commission is a `SUM` stays a deal.
    ///
    /// A rep cell marks a total with a word that is no one's name only (`Suma`, `Soma` are
    /// given names): those words mark a row without a deal of its own. A row with a date, and a
    /// rep or a deal id that no total word marks, is a deal (`Total Energies Renewal`, `R1`, a
    /// close date): never a total, never left out in silence.
    ///
    /// A label in no language trueup knows (`Kokku`, `Ana Lima — March 2026`) marks a total when the
    /// row has neither date nor rep and its commission is a `SUM` or a `SUBTOTAL(9,…)` of the rows
    /// above or below it: `date` is the row's
    /// date cell, nil when the table has no date column (a tab per month, whose rows have none).
    static func label(of row: Row, dealID: CellValue, rep: CellValue, date: CellValue?, commission: Cell?)
        -> String?
    {
        // A dated row with a rep or a deal id no total word marks is a deal, whatever its other
        // cell says (`Total Energies Renewal`, `Acme total` as its id; `Total` as its rep, a rep
        // the roster then refuses): a total row dates nothing. The rep is looked at first: a
        // deal row's deal id need not be.
        let dated = date.map { !$0.isBlank && label(of: $0) == nil } ?? false
        let repLabel = label(of: rep, allowingNames: false)
        if dated, !rep.isBlank, repLabel == nil { return nil }
        let dealLabel = label(of: dealID)
        if dated, !dealID.isBlank, dealLabel == nil { return nil }
        if let label = dealLabel ?? repLabel { return label }
        let first = row.cells.first { if case .empty = $0.value { false } else { true } }
        // On a row without a date, a total's figure may stand before its label (`2800 | Total`,
        // the commission first; `Ana Lima totaal` beside a block's subtotal): the first text with a
        // letter labels it then. (A dated row's text is a customer's name, `Total Wine & More`.)
        let firstText =
            date?.isBlank != false
            ? row.cells.first { cell in
                if case .text(let text) = cell.value {
                    text.unicodeScalars.contains(where: \.properties.isAlphabetic)
                } else {
                    false
                }
            } : nil
        let hasDeal = ValueReading.text(dealID) != nil
        if !hasDeal, let first, let label = label(of: first.value) { return label }
        if !hasDeal, let firstText, let label = label(of: firstText.value) { return label }
        if hasDeal, date?.isBlank == true, rep.isBlank, let formula = commission?.formula?.uppercased(),
            sumsOtherRows(formula, row: row.index), let text = ValueReading.text(dealID)
        {
            return text
        }
        if !hasDeal, let formula = commission?.formula?.uppercased(),
            formula.hasPrefix("SUBTOTAL(") || formula.hasPrefix("AGGREGATE(")
                || sumsOtherRows(formula, row: row.index)
        {
            return "(total)"
        }
        return nil
    }

    /// Whether `row`, read after a total on its table, is a typed total without a label: it holds
    /// nothing but a typed number in `commissionColumn` (no deal id, rep, date, amount or word; a
    /// bold figure under a block, as the blocks above it are closed by their totals). A deal row
    /// always holds more than its commission.
    static func isTypedUnlabelled(_ row: Row, commissionColumn: Int?, afterTotals: Bool) -> Bool {
        guard afterTotals, let commissionColumn else { return false }
        var figure = false
        for cell in row.cells {
            switch cell.value {
            case .empty: continue
            case .number where cell.column == commissionColumn && cell.formula == nil: figure = true
            default: return false
            }
        }
        return figure
    }

    /// A row above the header that totals the table: its first text opens or closes with a total
    /// word (`Total`, `Grand total`, `Gesamt`) and its cell in `commissionColumn` holds a number
    /// or a formula; or, unlabelled, that cell is a `SUM` of the rows below it.
    static func aboveHeader(_ row: Row, commissionColumn: Int?) -> TotalRow? {
        guard let commissionColumn, let commission = row.cell(at: commissionColumn),
            commission.formula != nil || { if case .number = commission.value { true } else { false } }()
        else { return nil }
        if let first = row.cells.first(where: { $0.value.isText && $0.column < commissionColumn }),
            let label = label(of: first.value)
        {
            return TotalRow(row: row.index, label: label, commission: commission)
        }
        guard let formula = commission.formula?.uppercased(), sumsOtherRows(formula, row: row.index) else {
            return nil
        }
        return TotalRow(row: row.index, label: "(total)", commission: commission)
    }

    /// Whether `formula` (upper case, without `=`) is `SUM` of ranges and cells that all stand
    /// above `row` (`SUM(H2:H4)`, `SUM($H$2:$H$4,H6)`), or all below it (`SUM(H3:H9)` on row 2),
    /// or such a sum by `SUBTOTAL(9,…)` or `SUBTOTAL(109,…)`: a total, not a deal's own figure. A
    /// range over one cell (`SUM(H4:H4)`, a block of one deal's subtotal) is written as a total
    /// is; a bare cell (`SUM(H4)`) is not.
    static func sumsOtherRows(_ formula: String, row: Int) -> Bool {
        guard formula.hasSuffix(")"),
            let opening = ["SUM(", "SUBTOTAL(9,", "SUBTOTAL(109,"].first(where: formula.hasPrefix)
        else { return false }
        let arguments = formula.dropFirst(opening.count).dropLast().split(
            separator: ",", omittingEmptySubsequences: false)
        var spansRows = false
        var above = false
        var below = false
        for argument in arguments {
            let ends = argument.trimmingCharacters(in: .whitespaces).split(
                separator: ":", omittingEmptySubsequences: false)
            guard (1...2).contains(ends.count) else { return false }
            var rows: [Int] = []
            for end in ends {
                guard let at = cellRow(end) else { return false }
                rows.append(at)
            }
            guard let first = rows.min(), let last = rows.max(), last < row || first > row else { return false }
            if last < row { above = true } else { below = true }
            let oneCell = ends.count == 2 && ends[0].filter { $0 != "$" } == ends[1].filter { $0 != "$" }
            spansRows = spansRows || rows.count == 2 && (rows[0] != rows[1] || oneCell) || arguments.count > 1
        }
        return spansRows && above != below
    }

    /// The row of a cell reference such as `H4` or `$H$4`, or nil for anything else.
    private static func cellRow(_ reference: Substring) -> Int? {
        var rest = reference.utf8[...]
        if rest.first == UInt8(ascii: "$") { rest = rest.dropFirst() }
        let letters = rest.prefix { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
        guard (1...3).contains(letters.count) else { return nil }
        rest = rest.dropFirst(letters.count)
        if rest.first == UInt8(ascii: "$") { rest = rest.dropFirst() }
        guard !rest.isEmpty, rest.count <= 7, rest.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        return Int(Substring(rest))
    }

    /// The cell's text when it marks a total row: it starts with a total word, or ends with one
    /// as Excel's Subtotal command writes it (`Ana Lima Total`, `Ana Lima Ergebnis`).
    /// `allowingNames: false` leaves out the words that are also given names
    /// (`HeaderSynonyms.totalWordsThatAreNames`).
    public static func label(of value: CellValue, allowingNames: Bool = true) -> String? {
        guard case .text(let text) = value else { return nil }
        // Most cells are deal ids and names: their first and last words are looked at as bytes
        // before any string is made of them.
        let mayMark =
            text.utf8.withContiguousStorageIfAvailable { mayMarkTotal($0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { mayMarkTotal($0) }
        guard mayMark else { return nil }
        let lower = text.trimmingCharacters(in: .whitespaces).lowercased()
        // A count of the rows it totals after the label (`Grand Totals (24 records)`, `Razem (12)`).
        let core = RepTitle.withoutCount(lower)
        // A label opens with a total word only if its first word is one's first word, and closes
        // with one only if its last word is one's last word or it ends in a bracket: checked
        // before the words themselves, which are many (a million deal ids and names are asked).
        let mayOpen = Self.firstWordsOfTotals.contains(Self.firstWord(core))
        let mayClose =
            core.last == ")" || core.last == "]" || lower.last == ")" || lower.last == "]"
            || Self.lastWordsOfClosings.contains(Self.lastWord(core))
            || Self.lastWordsOfClosings.contains(Self.lastWord(lower))
        guard mayOpen || mayClose else { return nil }
        let opens = HeaderSynonyms.totalWords.contains(core) || totalOpenings.contains { core.hasPrefix($0) }
        let marks = opens || totalEndings.contains { core.hasSuffix($0) || lower.hasSuffix($0) }
        guard marks, !allowingNames else { return marks ? text : nil }
        let asName = HeaderSynonyms.totalWordsThatAreNames.contains {
            lower == $0 || lower.hasPrefix($0 + " ") || lower.hasPrefix($0 + ":")
        }
        return asName && !bracketedEndings.contains(where: lower.hasSuffix) ? nil : text
    }

    /// Whether `label(of:)` may find a total word in text of these bytes. False only when the
    /// text, trimmed of spaces and tabs, is ASCII, does not end in a bracket, and neither its first
    /// word (to a space or a colon) is a total word's first word nor its last word a closing word's
    /// last word, in any case: the checks `label(of:)` makes first, made here on the bytes without
    /// the trimmed, lower-case string (a million deal ids and names are asked). Text beyond ASCII
    /// is let through, for `label(of:)` to trim other spaces and lower other letters.
    private static func mayMarkTotal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 }
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        guard start < end else { return false }
        var firstEnd = end
        var lastStart = start
        for index in start..<end {
            let byte = bytes[index]
            if byte >= 0x80 { return true }
            if byte == 32 || byte == UInt8(ascii: ":"), firstEnd == end { firstEnd = index }
            if byte == 32 { lastStart = index + 1 }
        }
        if bytes[end - 1] == UInt8(ascii: ")") || bytes[end - 1] == UInt8(ascii: "]") { return true }
        return isWord(bytes[start..<firstEnd], of: firstWordEnds) || isWord(bytes[lastStart..<end], of: lastWordEnds)
    }

    /// Whether the ASCII `word`, in lower case, is one of `words`, which `ends` lists by the pair
    /// of their first and last bytes (none is longer than `longest` bytes).
    private static func isWord(_ word: Slice<UnsafeBufferPointer<UInt8>>, of words: WordEnds) -> Bool {
        guard let first = word.first, let last = word.last, word.count <= words.longest,
            words.pairs[WordEnds.pair(first, last)]
        else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { lower in
            for (index, byte) in zip(lower.indices, word) { lower[index] = WordEnds.lower(byte) }
            return words.words.contains(String(decoding: lower, as: UTF8.self))
        }
    }

    /// Words in lower case, with a flag for each pair of first and last bytes one of them has: most
    /// words a sheet holds are told apart from them by these two bytes, without hashing.
    private struct WordEnds {
        let words: Set<String>
        let longest: Int
        let pairs: [Bool]

        init(_ words: some Sequence<Substring>) {
            self.words = Set(words.map(String.init))
            longest = self.words.map(\.utf8.count).max() ?? 0
            var pairs = [Bool](repeating: false, count: 1 << 16)
            for word in self.words {
                if let first = word.utf8.first, let last = word.utf8.last { pairs[Self.pair(first, last)] = true }
            }
            self.pairs = pairs
        }

        static func lower(_ byte: UInt8) -> UInt8 {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
        }

        static func pair(_ first: UInt8, _ last: UInt8) -> Int { Int(lower(first)) << 8 | Int(lower(last)) }
    }

    /// Each total word's first word (up to a space or a colon).
    private static let firstWordsOfTotals = Set(HeaderSynonyms.totalWords.map { firstWord($0) })
    /// Each closing word's last word (after its last space).
    private static let lastWordsOfClosings = Set(HeaderSynonyms.totalSuffixes.map { lastWord($0) })
    private static let firstWordEnds = WordEnds(firstWordsOfTotals)
    private static let lastWordEnds = WordEnds(lastWordsOfClosings)

    private static func firstWord(_ text: String) -> Substring {
        text.prefix { $0 != " " && $0 != ":" }
    }

    private static func lastWord(_ text: String) -> Substring {
        text.lastIndex(of: " ").map { text[text.index(after: $0)...] } ?? text[...]
    }

    /// A total word and what follows it in a label that opens with one (`Total Ana`, `Total:`);
    /// made once, not for each cell that might be a label (a rep named `Sara` is asked on every row).
    private static let totalOpenings = HeaderSynonyms.totalWords.flatMap { [$0 + " ", $0 + ":"] }
    /// A total word closing a label, after a space (`Ana Lima Total`), or any total word in brackets
    /// at its end (`Ana Lima (total)`, `Ana Lima [Summe]`).
    private static let totalEndings = HeaderSynonyms.totalSuffixes.map { " " + $0 } + bracketedEndings
    private static let bracketedEndings = (HeaderSynonyms.totalWords + HeaderSynonyms.totalSuffixes).flatMap {
        ["(" + $0 + ")", "[" + $0 + "]"]
    }
}
