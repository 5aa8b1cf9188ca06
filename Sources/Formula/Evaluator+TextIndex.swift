/// A range's cells by their text in lower case: SUMIFS and COUNTIFS over the same criteria range
/// with a different plain-text criterion each (a summary row per rep) look rows up instead of
/// testing every cell again.
///
/// Safe to keep for the whole evaluation: formulas are evaluated after every formula cell they
/// read (or, evaluated in chunks, each reads only cached values, and no cell is written), so a
/// range's values are final when a formula first reads it.
struct TextIndexes {
    struct Key: Hashable {
        let sheet: Int
        let reference: Reference
    }

    private var uses: [Key: Int] = [:]
    private var indexes: [Key: [String: [Int]]] = [:]

    /// The positions (row-major) of `cells` whose text is `text` ignoring case, exactly the cells
    /// a wildcard-free `WildcardPattern` of `text` matches; nil when the range has not been read
    /// often enough to be worth indexing.
    mutating func positions(
        of text: String, in cells: ValueGrid, sheet: Int, reference: Reference
    ) throws(NotEvaluable) -> [Int]? {
        let key = Key(sheet: sheet, reference: reference)
        if let index = indexes[key] { return index[text] ?? [] }
        uses[key, default: 0] += 1
        // Indexing costs about one scan, so a large range is indexed on its first use.
        guard uses[key]! >= 2 || cells.count >= Self.indexedAtFirstUse else { return nil }
        let index = try Self.index(of: cells)
        indexes[key] = index
        return index[text] ?? []
    }

    /// The positions of `cells` by their text in lower case, each list in ascending order.
    private static func index(of cells: ValueGrid) throws(NotEvaluable) -> [String: [Int]] {
        var index: [String: [Int]] = [:]
        /// The texts whose positions came in more than one list, to be put in order again.
        var joined: Set<String> = []
        /// `value` in lower case; nil where `WildcardPattern` would not compare it as such (the
        /// text and its lower case not the same length).
        func key(_ value: String) -> String? {
            let folded = Self.folded(value)
            return value.utf8.allSatisfy({ $0 < 0x80 }) || folded.count == value.count ? folded : nil
        }
        let reader = CellReader(cells)
        guard let (column, offset) = cells.sheetColumn else {
            for position in 0..<cells.count {
                if case .text(let value) = try reader.at(position), let key = key(value) {
                    index[key, default: []].append(position)
                }
            }
            return index
        }
        // A sheet's column: its cells grouped by their word first, so that each distinct text
        // (a rep's name, met a million times) is made and folded once, not once a cell.
        var byWord: [UInt64: [Int]] = [:]
        for position in 0..<cells.count {
            let word = column.word(at: offset + position)
            if PackedValues.isText(word) {
                byWord[word, default: []].append(position)
            } else if word != PackedValues.blank, case .text(let value) = try reader.at(position), let key = key(value)
            {
                if index[key] != nil { joined.insert(key) }
                index[key, default: []].append(position)
            }
        }
        for (word, positions) in byWord {
            guard case .text(let value) = column.value(ofWord: word), let key = key(value) else { continue }
            // A text's first list is taken as it is (shared, not copied): a million positions are
            // not held twice.
            guard var known = index.removeValue(forKey: key) else {
                index[key] = positions
                continue
            }
            joined.insert(key)
            known.append(contentsOf: positions)
            index[key] = known
        }
        for text in joined { index[text]?.sort() }
        return index
    }

    /// A range of this many cells is indexed the first time a criterion reads it.
    static let indexedAtFirstUse = 4096

    /// `text` in lower case; ASCII text that has no capital letter is returned as it is, not copied.
    static func folded(_ text: String) -> String {
        var plain = true
        for byte in text.utf8 where byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) {
            plain = false
            break
        }
        return plain ? text : text.lowercased()
    }
}
