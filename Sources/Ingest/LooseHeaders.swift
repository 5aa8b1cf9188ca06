import Foundation

/// Headers that name a field among other words (`Booking Amount`, `Commission ($)`, `Sales Rep
/// Name`, `Invoice Date`, `Deal #`): the second look `ColumnMatcher` takes at a header row's
/// columns that no synonym names exactly, for the fields that allow it.
///
/// A column is taken for a field when one of the field's names stands in it as whole words, and
/// no other field's name (of every field, not only those that may be named so) stands in it as
/// well or better: the longest name wins (`Commission Rate` is the rate, not the commission),
/// and between names of equal length any name but the deal's (`subject`: `Deal Stage`, `Stato
/// contratto` are statuses), in a header of two words the commission's or the bonus's rather than
/// the amount's (`measure`: `Comisión Importe`, `Provision Betrag`, as a two-row header joins
/// them, are the commission; `Closed Amount` is still the amount), then the one that ends the
/// header (`Invoice Date` is a date). A
/// header with `%` takes only the names of a percentage field (`percentages`: `Reparto %` is the
/// split) and names with `%` (`Commission %` is the rate). A field two columns could be is left
/// unmatched, and a column whose best name is a field already found is left alone (`Order Date`
/// beside `Close Date` is no deal id): never a guess. A name marked whole-header-only (`Kwota`,
/// `Sats`, `Close`) names its field only as the header's every word, bar `%`, `#` and what
/// stands in brackets (`Kwota (PLN)`, `Sats %`): `Kwota prowizji` is no amount.
struct LooseHeaders<Key: Hashable & Sendable>: Sendable {
    /// Every field's names as words (`terms`), filed under their first word: a header is asked
    /// only about the names that start with one of its words.
    /// A name marked `whole` names its field only as the whole header.
    let namesByFirstWord: [String: [(key: Key, words: [String], whole: Bool)]]
    /// The fields a column may be taken for.
    let claimable: Set<Key>
    /// The field naming what every column is about (the deal: `Deal Stage`, `Stato contratto`,
    /// `Statut de l'affaire`), which loses a tie with any other field's name whatever the order.
    let subject: Key?
    /// The field naming what a figure measures (the amount), which in a header of two words loses
    /// a tie with the name of a field it is the amount of (`owners`): the other word says whose.
    let measure: Key?
    /// The fields an amount may be the amount of (commission, bonus).
    let owners: Set<Key>
    /// The fields that hold a percentage (split, rate): a header with `%` may take any of their
    /// names (`Reparto %`, `% Split`, `Tasa %`), and other fields' names only with `%` in them.
    let percentages: Set<Key>

    /// `wholeHeaderOnly`: the header keys (`headerKey`) of the names that name their field only as
    /// the whole header; `keying` gives a name's header key (`headerKey`, or what the caller
    /// already keyed).
    init(
        names: [Key: [String]], claimable: Set<Key>, subject: Key? = nil, measure: Key? = nil,
        owners: Set<Key> = [], percentages: Set<Key> = [], wholeHeaderOnly: Set<String> = [],
        keying: (String) -> String = headerKey
    ) {
        var index: [String: [(key: Key, words: [String], whole: Bool)]] = [:]
        for (key, texts) in names {
            for text in texts {
                let words = Self.terms(text)
                guard !words.isEmpty else { continue }
                index[words[0], default: []].append((key, words, wholeHeaderOnly.contains(keying(text))))
            }
        }
        namesByFirstWord = index
        self.claimable = claimable
        self.subject = subject
        self.measure = measure
        self.owners = owners
        self.percentages = percentages
    }

    /// A header's words: what stands in brackets dropped (`Amount (USD)`), and a rate stated after
    /// `@` or `at` at its end (`withoutStatedRate`), lower-cased with accents folded, split at
    /// anything not a letter or digit, a footnote's superscript digit too (`Amount¹` over a line of
    /// notes is `amount`); `%` and `#` are words of their own.
    static func terms(_ text: String) -> [String] {
        let text = withoutStatedRate(text)
        var plain = ""
        var depth = 0
        for character in text {
            if character == "(" || character == "[" {
                depth += 1
            } else if character == ")" || character == "]" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                plain.append(character)
            }
        }
        if ColumnMatcher.trimmingWhitespace(plain).isEmpty { plain = text }
        let folded =
            plain.utf8.allSatisfy { $0 < 0x80 }
            ? plain.lowercased() : plain.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var terms: [String] = []
        var current = ""
        for character in folded {
            if character.isLetter || (character.isNumber && (character.isASCII || !isFootnoteMark(character))) {
                current.append(character)
                continue
            }
            if !current.isEmpty { terms.append(current) }
            current = ""
            if character == "%" || character == "#" { terms.append(String(character)) }
        }
        if !current.isEmpty { terms.append(current) }
        return terms
    }

    /// `text` without the rate it says its figures were worked out at, written at its end after
    /// `@` or `at` (`Commission @ 8%`, `Comm at 7.5 %`): what the figures are at, as a unit in
    /// brackets says what they are in, not a percentage the column holds. Unchanged otherwise.
    static func withoutStatedRate(_ text: String) -> String {
        guard text.hasSuffix("%") || text.hasSuffix("% ") else { return text }
        for marker in ["@", " at "] {
            guard let range = text.range(of: marker, options: [.backwards, .caseInsensitive]) else { continue }
            let rate = text[range.upperBound...].trimmingCharacters(in: .whitespaces).dropLast()
                .trimmingCharacters(in: .whitespaces)
            let head = text[..<range.lowerBound]
            guard !rate.isEmpty, rate.allSatisfy({ $0.isNumber || $0 == "." || $0 == "," }),
                head.contains(where: \.isLetter)
            else { continue }
            return String(head)
        }
        return text
    }

    /// The fields among `open` (claimable ones still unmatched) that the columns of `headers` not
    /// `taken` name loosely: field → column and the header's text; and the fields two columns or
    /// more name alike, left unmatched (`tied`: field → their headers' texts, in column order).
    /// `choose`: of a field's columns that tie, the one the table's rows show it is, or nil.
    func match(
        _ headers: [(column: Int, text: String)], open: Set<Key>, taken: Set<Int>,
        choose: (Key, [Int]) -> Int? = { _, _ in nil }
    ) -> (matched: [Key: (column: Int, text: String)], tied: [Key: [String]]) {
        var claims: [Key: [(column: Int, text: String, length: Int)]] = [:]
        for header in headers where !taken.contains(header.column) {
            let words = Self.terms(header.text)
            guard !words.isEmpty else { continue }
            var best: (length: Int, endsHeader: Bool) = (0, false)
            var chosen: [(key: Key, endsHeader: Bool)] = []
            for (key, found) in longest(in: words) {
                if found.length > best.length {
                    best = found
                    chosen = [(key, found.endsHeader)]
                } else if found.length == best.length {
                    chosen.append((key, found.endsHeader))
                }
            }
            if chosen.count > 1, let subject { chosen.removeAll { $0.key == subject } }
            if chosen.count > 1, words.count == 2, let measure, chosen.contains(where: { owners.contains($0.key) }) {
                chosen.removeAll { $0.key == measure }
            }
            if chosen.count > 1 { chosen = chosen.filter(\.endsHeader) }
            guard chosen.count == 1, open.contains(chosen[0].key) else { continue }
            claims[chosen[0].key, default: []].append((header.column, header.text, best.length))
        }
        var matched: [Key: (column: Int, text: String)] = [:]
        var tied: [Key: [String]] = [:]
        for (key, columns) in claims {
            let longest = columns.map(\.length).max() ?? 0
            var best = columns.filter { $0.length == longest }
            // Of a commission's columns, the one it says was paid is what the sheet pays
            // (`Commission Paid` beside `Calculated Commission`, the author's working).
            if best.count > 1, owners.contains(key) {
                let paid = best.filter { Self.terms($0.text).contains(where: HeaderSynonyms.paidWords.contains) }
                if paid.count == 1 { best = paid }
            }
            // Of a commission's columns, the one it says is their total is what the sheet pays
            // (`Total Commission` beside `Base Commission`, one of the parts it adds up).
            if best.count > 1, owners.contains(key) {
                let total = best.filter { Self.terms($0.text).contains(where: HeaderSynonyms.totalTerms.contains) }
                if total.count == 1 { best = total }
            }
            // Of a field's columns, the one `choose` picks on the rows' evidence (the amount the
            // commission's formulas read).
            if best.count > 1, let column = choose(key, best.map(\.column)) {
                best = best.filter { $0.column == column }
            }
            if best.count == 1 {
                matched[key] = (best[0].column, best[0].text)
            } else {
                tied[key] = best.sorted { $0.column < $1.column }.map(\.text)
            }
        }
        return (matched, tied)
    }

    /// Per field, the longest of its names standing in `words` as a run of whole words, and
    /// whether it ends them.
    private func longest(in words: [String]) -> [Key: (length: Int, endsHeader: Bool)] {
        let percent = words.contains("%")
        let bare = words.filter { $0 != "%" && $0 != "#" }
        var best: [Key: (length: Int, endsHeader: Bool)] = [:]
        for (start, word) in words.enumerated() {
            for name in namesByFirstWord[word] ?? []
            where start + name.words.count <= words.count
                && (!percent || percentages.contains(name.key) || name.words.contains("%"))
                && (!name.whole || bare == name.words)
            {
                let end = start + name.words.count
                guard words[start..<end].elementsEqual(name.words) else { continue }
                let found = (length: name.words.count, endsHeader: end == words.count)
                if let current = best[name.key],
                    current.length > found.length || (current.length == found.length && !found.endsHeader)
                {
                    continue
                }
                best[name.key] = found
            }
        }
        return best
    }
}
