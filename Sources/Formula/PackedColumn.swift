/// One column of words from `PackedValues`, indexed from 0: four bytes a word while nearly every
/// word has a narrow form (`PackedValues.narrow`), the few that have none put aside in eight
/// (`PackedValues.spill`); eight bytes for all of them once a quarter would be put aside, unless
/// made with `widens: false`.
///
/// A million-row column of amounts, dates, rates or texts holds 4 MB instead of 8, and a column of
/// commissions whose few totals are too long for four bytes is not made wide by them. The words are
/// narrowed and widened by the `PackedValues` that made them, which each call takes: a column
/// read with another's values reads other values.
struct PackedColumn: Sendable {
    private var narrowWords: [UInt32] = []
    private var wideWords: [UInt64] = []
    /// Whether the words are eight bytes each.
    private(set) var isWide = false
    /// How many words were put aside (some may have been replaced since).
    private var spills = 0
    /// Whether a quarter put aside makes the column wide.
    private let widens: Bool

    /// A column with no words. With `widens: false`, every word that has no narrow form is put
    /// aside (twelve bytes for it instead of eight, while the others keep four), for a column
    /// whose first words may all be long (the totals of a summary sheet read before the deals).
    init(widens: Bool = true) {
        self.widens = widens
    }

    var count: Int { isWide ? wideWords.count : narrowWords.count }

    /// The word at `index` (below `count`).
    func word(at index: Int, values: PackedValues) -> UInt64 {
        isWide ? wideWords[index] : values.wide(narrowWords[index])
    }

    /// The value at `index` (not negative); blank at or past `count`.
    @inline(__always)
    func value(at index: Int, values: PackedValues) -> FormulaValue {
        if isWide { return index < wideWords.count ? values.value(wideWords[index]) : .blank }
        return index < narrowWords.count ? values.value(narrow: narrowWords[index]) : .blank
    }

    /// Whether some word is a blank's (`PackedValues.blank`, zero in either width).
    var containsBlank: Bool { isWide ? wideWords.contains(PackedValues.blank) : narrowWords.contains(0) }

    /// Puts `word` at `index`, blanks filling the words before it when it is past the end.
    mutating func set(_ word: UInt64, at index: Int, values: inout PackedValues) {
        if index >= count {
            // A column filled row by row takes each word at its end.
            if index > count { append(blanks: index - count) }
            append(word, values: &values, counting: index + 1)
            return
        }
        if !isWide, let narrow = narrow(word, values: &values, counting: narrowWords.count) {
            narrowWords[index] = narrow
            return
        }
        widen(values)
        wideWords[index] = word
    }

    mutating func append(_ word: UInt64, values: inout PackedValues) {
        append(word, values: &values, counting: narrowWords.count)
    }

    /// Adds `word` at the end, the column counted as `words` long when deciding whether it is put aside.
    private mutating func append(_ word: UInt64, values: inout PackedValues, counting words: Int) {
        if !isWide, let narrow = narrow(word, values: &values, counting: words) {
            narrowWords.append(narrow)
            return
        }
        widen(values)
        wideWords.append(word)
    }

    /// Rewrites every word in place: a narrow column's with `narrow`, a wide one's with `wide`.
    mutating func rewrite(narrow: (UInt32) -> UInt32, wide: (UInt64) -> UInt64) {
        if isWide {
            for index in wideWords.indices { wideWords[index] = wide(wideWords[index]) }
        } else {
            for index in narrowWords.indices { narrowWords[index] = narrow(narrowWords[index]) }
        }
    }

    /// Keeps the first `count` words.
    mutating func keepFirst(_ count: Int) {
        if isWide {
            wideWords.removeSubrange(count...)
        } else {
            narrowWords.removeSubrange(count...)
        }
    }

    /// `word`'s narrow form, or the word put aside while fewer than a quarter of `words` words
    /// are; nil when the column should be made wide instead.
    private mutating func narrow(_ word: UInt64, values: inout PackedValues, counting words: Int) -> UInt32? {
        if let narrow = values.narrow(word) { return narrow }
        guard !widens || spills < words / 4, let spilled = values.spill(word) else { return nil }
        spills += 1
        return spilled
    }

    private mutating func append(blanks: Int) {
        if isWide {
            wideWords.append(contentsOf: repeatElement(PackedValues.blank, count: blanks))
        } else {
            narrowWords.append(contentsOf: repeatElement(0, count: blanks))
        }
    }

    /// Makes every word eight bytes, from here on.
    private mutating func widen(_ values: PackedValues) {
        guard !isWide else { return }
        wideWords = narrowWords.map(values.wide)
        narrowWords = []
        isWide = true
    }
}
