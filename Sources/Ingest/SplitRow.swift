import Foundation
import Spreadsheet

/// The columns of one more rep of a deal split between reps on one row (`Rep 2 | Rep 2 % |
/// Commission 2`, `Secondary Rep`, `Split Rep`, `Overlay Rep`): the row is a credit line for each
/// of its reps, the first one's columns the mapping's own (`SplitRow`).
public struct RepColumns: Sendable, Equatable {
    /// The column naming the rep, and its header.
    public var rep: Int
    public var repHeader: String
    /// The column of the rep's share, and its header; nil when the rep takes what the others'
    /// shares leave of the deal.
    public var split: Int?
    public var splitHeader: String?
    /// The column of the rep's commission, and its header; nil when the row's one commission is
    /// its reps' together (`ColumnMapping.commissionOfAllReps`).
    public var commission: Int?
    public var commissionHeader: String?
}

/// A deal split between reps on one row, a column per rep: `Rep 1 | Rep 1 % | Rep 2 | Rep 2 %`
/// (numbered, `Vendedor 2`, `Verkäufer 2`, `Rep2`), `Primary Rep | Secondary Rep | Split %`, `Rep |
/// Split Rep | Split %`, `Sales Rep | Overlay Rep`, each rep's commission in a column of its own
/// (`Commission 1 | Commission 2`, `Secondary Commission`) or the row's in one.
///
/// A header row naming a second rep is mapped with its first rep's headers as the plain fields
/// (`Rep 1` as `Rep`, `Rep 1 %` as `Split`) and the others' left out; the others are the mapping's
/// `otherReps`. A share not written for one rep is what the others' leave (`Split %` beside
/// `Primary Rep | Secondary Rep` is the primary's; the secondary has the rest), so at most one rep
/// may go without a share's column. Commission columns pair with the reps one each, or one column
/// holds the row's: any other combination is refused, naming the headers, never guessed.
enum SplitRow {
    /// What a header names of one of the reps.
    enum Kind {
        case rep, split, commission
    }

    /// A header naming which rep it is of (`Rep 2`, `Secondary Rep`, `Split Rep %`).
    struct Header {
        let column: Int
        let text: String
        let kind: Kind
        /// The rep's number (`Rep 2`, `2nd Rep`, `Secondary Rep`), nil for a word that only tells it
        /// is another rep (`Split Rep`, `Overlay Rep`): numbered after the others, in `word`'s order.
        let number: Int?
        let word: String?
    }

    /// Words numbering a rep, folded (`LooseHeaders.terms`).
    private static let numbers: [String: Int] = [
        "1st": 1, "first": 1, "primary": 1, "main": 1, "lead": 1, "erster": 1, "primer": 1, "primero": 1,
        "principal": 1, "premier": 1, "2nd": 2, "second": 2, "secondary": 2, "zweiter": 2, "segundo": 2,
        "secundario": 2, "3rd": 3, "third": 3, "tertiary": 3, "dritter": 3, "tercero": 3,
    ]

    /// Words telling a rep is another than the row's first, before a rep's word only (`Split %` is
    /// the split, `Rep Split` the rep's share; `Split Rep` another rep).
    private static let others: Set<String> = ["split", "overlay", "co", "other", "additional"]

    /// The texts that tell another rep without a number (`Secondary`, `Split Rep`, `Co-Rep`, `2nd`),
    /// lowercased, for `mayNameAnotherRep`.
    private static let anotherRepTexts: [[UInt8]] = [
        "second", "2nd", "split", "overlay", "other", "additional", "third", "3rd", "tertiary", "zweit", "segund",
        "secund", "dritt", "tercer", "co-", "co ",
    ].map { Array($0.utf8) }

    /// Whether `text` may name a rep beyond the row's first (`Rep 2`, `Rep2`, `Secondary Rep`, `Split
    /// Rep`): a lone digit from 2 to 9 after a space or a word of letters (not `Q3`), or a text
    /// telling another rep (`anotherRepTexts`). Asked of the texts of every row a header is looked
    /// for in, before any is read as a header (`header`): a scan of its bytes.
    static func mayNameAnotherRep(_ text: String) -> Bool {
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            guard bytes.count < 60 else { return false }
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        func isLetter(_ at: Int) -> Bool { at >= 0 && (bytes[at] >= 0x80 || bytes[at] >= 0x61 && bytes[at] <= 0x7A) }
        func isDigit(_ at: Int) -> Bool { at < bytes.count && bytes[at] >= 0x30 && bytes[at] <= 0x39 }
        guard bytes.indices.contains(where: isLetter) else { return false }
        for at in bytes.indices.dropFirst() where bytes[at] >= 0x32 && bytes[at] <= 0x39 && !isDigit(at + 1) {
            if bytes[at - 1] == 0x20 || bytes[at - 1] == 0x5F || isLetter(at - 1) && isLetter(at - 2) { return true }
        }
        // A plain loop over the bytes: asked of every text of every row searched, slices and
        // closures here took 8% of the test suite's processor time in its debug build.
        return bytes.withUnsafeBufferPointer { text in
            for word in anotherRepTexts where text.count >= word.count {
                for start in 0...(text.count - word.count) where text[start] == word[0] {
                    var at = 1
                    while at < word.count && text[start + at] == word[at] { at += 1 }
                    if at == word.count { return true }
                }
            }
            return false
        }
    }

    /// The header `text` of `column` as one of several reps' (`Rep 2`, `Rep 2 %`, `Secondary Rep`,
    /// `Commission 2`); nil for any other (`Rep`, `Split %`, `Q1 Commission`).
    static func header<Key: Hashable & Sendable & RawRepresentable>(
        _ text: String, column: Int, words: HeaderWords<Key>
    ) -> Header? where Key.RawValue == String {
        guard let (repKey, splitKey, commissionKey) = words.repSlots, text.utf8.count <= 60 else { return nil }
        var terms = LooseHeaders<String>.terms(text)
        guard terms.count > 1 || terms.first.map({ $0.last?.isNumber == true && $0.count > 1 }) == true else {
            return nil
        }
        func names(_ key: Key, _ part: ArraySlice<String>) -> Bool {
            guard !part.isEmpty else { return false }
            let folded = headerKey(part.joined(separator: " "))
            return words.wanted[key]?.contains(folded) == true || words.abbreviated[key]?.contains(folded) == true
        }
        func field(_ part: ArraySlice<String>) -> Kind? {
            if part == ["%"] || names(splitKey, part) || (part.last == "%" && names(splitKey, part.dropLast())) {
                return .split
            }
            if part == ["share"] || part == ["split"] { return .split }
            return names(commissionKey, part) ? .commission : nil
        }
        func kind(_ part: ArraySlice<String>) -> (kind: Kind, rep: Bool)? {
            if names(repKey, part) { return (.rep, true) }
            if let kind = field(part) { return (kind, false) }
            guard part.count > 1 else { return nil }
            for cut in part.indices.dropFirst() {
                let (before, after) = (part[..<cut], part[cut...])
                if names(repKey, before), let kind = field(after) { return (kind, true) }
                if names(repKey, after), let kind = field(before) { return (kind, true) }
            }
            return nil
        }
        // A number of its own (`Rep 2`), or at a word's end (`Rep2`, `Comm2`).
        for (index, term) in terms.enumerated() {
            guard let last = term.last, last.isNumber, let number = Int(String(last)), number >= 1 else { continue }
            let stem = String(term.dropLast())
            guard stem.isEmpty || stem.allSatisfy(\.isLetter) else { continue }
            var rest = terms
            if stem.isEmpty { rest.remove(at: index) } else { rest[index] = stem }
            guard let (kind, _) = kind(rest[...]) else { continue }
            return Header(column: column, text: text, kind: kind, number: number, word: nil)
        }
        for (index, term) in terms.enumerated() {
            let number = numbers[term]
            // A word telling another rep comes first (`Split Rep`; `Rep Split` is the rep's share).
            guard number != nil || (index == 0 && others.contains(term)) else { continue }
            terms.remove(at: index)
            guard let (kind, rep) = kind(terms[...]) else { return nil }
            // `Split %` and `Split Commission` name no rep; `Secondary Commission` does.
            if number == nil {
                guard rep else { return nil }
                return Header(column: column, text: text, kind: kind, number: nil, word: term)
            }
            return Header(column: column, text: text, kind: kind, number: number, word: nil)
        }
        // A rep's share or commission without a number (`Sales Rep Commission`, `Rep %`) is the
        // first rep's, once the row names another.
        if let (kind, rep) = kind(terms[...]), rep, kind != .rep {
            return Header(column: column, text: text, kind: kind, number: 1, word: nil)
        }
        return nil
    }

    /// The mapping of `row` when it names several reps' columns (`Rep 1 | Rep 2`, `Rep | Split
    /// Rep`): its first rep's headers read as the plain fields, the others' as `otherReps`; nil when
    /// it names one rep, or is no header. Throws when the reps' columns do not pair (two
    /// commissions' columns for three reps, two reps without a share's column).
    static func mapping<Key: Hashable & Sendable & RawRepresentable>(
        row: Row, words: HeaderWords<Key>, map: (Row) throws(MappingFailure) -> ColumnMapping<Key>?
    ) throws(MappingFailure) -> ColumnMapping<Key>? where Key.RawValue == String {
        guard let (repKey, splitKey, commissionKey) = words.repSlots else { return nil }
        // Most rows name no rep beyond the first: their texts are scanned, not read as headers.
        let texts = row.cells.compactMap { cell -> (column: Int, text: String)? in
            guard case .text(let text) = cell.value else { return nil }
            return (cell.column, text)
        }
        func read(_ text: (column: Int, text: String)) -> Header? {
            header(text.text.trimmingCharacters(in: .whitespaces), column: text.column, words: words)
        }
        let marked = texts.filter { mayNameAnotherRep($0.text) }.compactMap(read)
        guard marked.contains(where: { $0.kind == .rep }) else { return nil }
        // The first rep's share and commission may have no number (`Sales Rep Commission`).
        let found = texts.compactMap(read)
        // Each rep's number: its own, then the words' in their columns' order after the highest.
        var numberOf: [String: Int] = [:]
        var highest = found.compactMap(\.number).max() ?? 1
        for header in found where header.number == nil {
            guard let word = header.word, numberOf[word] == nil, header.kind == .rep else { continue }
            highest += 1
            numberOf[word] = highest
        }
        func number(_ header: Header) -> Int? { header.number ?? header.word.flatMap { numberOf[$0] } }
        let reps = found.filter { $0.kind == .rep }
        guard reps.contains(where: { (number($0) ?? 1) > 1 }) else { return nil }
        // The first rep's headers as the plain fields, the others' left out.
        var plain: [Cell] = []
        let firstRep: [Kind: String] = [
            .rep: repKey.rawValue, .split: splitKey.rawValue, .commission: commissionKey.rawValue,
        ]
        for cell in row.cells {
            guard let header = found.first(where: { $0.column == cell.column }) else {
                plain.append(cell)
                continue
            }
            guard number(header) == 1, let name = firstRep[header.kind] else { continue }
            plain.append(Cell(column: cell.column, value: .text(name)))
        }
        var mapping: ColumnMapping<Key>
        do throws(MappingFailure) {
            guard let mapped = try map(Row(index: row.index, cells: plain)) else { return nil }
            mapping = mapped
        } catch {
            throw error.naming(row)
        }
        for header in found where number(header) == 1 {
            let key = header.kind == .rep ? repKey : header.kind == .split ? splitKey : commissionKey
            if mapping.columns[key] == header.column { mapping.headers[key] = header.text }
        }
        func refuse(_ why: String, _ headers: [(column: Int, text: String)]) -> MappingFailure {
            let named = headers.sorted { $0.column < $1.column }.map {
                "'\($0.text)' (\(CellAddress.columnName($0.column))\(row.index))"
            }
            return MappingFailure(
                description: "row \(row.index): a deal split between reps on one row, but \(why): "
                    + named.joined(separator: ", ") + "; give each rep its own columns (Rep 2 | Rep 2 % | Commission 2)"
            )
        }
        let numbered = Dictionary(grouping: found.filter { number($0) != nil }, by: { number($0)! })
        let repNumbers = Set(reps.compactMap(number)).union([1])
        let all = found.map { (column: $0.column, text: $0.text) }
        // A rep's share or commission with no rep of its number (`Commission 3` beside two reps).
        if let stray = found.first(where: { number($0).map { !repNumbers.contains($0) } ?? true }) {
            throw refuse("'\(stray.text)' is of no rep the row names", all)
        }
        var others: [RepColumns] = []
        for slot in repNumbers.sorted() where slot > 1 {
            let headers = numbered[slot] ?? []
            func one(_ kind: Kind) throws(MappingFailure) -> Header? {
                let of = headers.filter { $0.kind == kind }
                if of.count > 1 {
                    throw refuse("several columns could be one rep's", of.map { ($0.column, $0.text) })
                }
                return of.first
            }
            guard let rep = try one(.rep) else { continue }
            let split = try one(.split)
            let commission = try one(.commission)
            others.append(
                RepColumns(
                    rep: rep.column, repHeader: rep.text, split: split?.column, splitHeader: split?.text,
                    commission: commission?.column, commissionHeader: commission?.text))
        }
        if mapping.columns[repKey] == nil { return nil }
        let repHeaders =
            [(column: mapping.columns[repKey]!, text: mapping.headers[repKey] ?? "")]
            + others.map { ($0.rep, $0.repHeader) }
        // One commission for each rep, or one for the row.
        let commissions = others.filter { $0.commission != nil }.count
        if commissions > 0 && (commissions < others.count || mapping.columns[commissionKey] == nil) {
            let columns = others.compactMap { other in other.commission.map { ($0, other.commissionHeader ?? "") } }
            let first = mapping.columns[commissionKey].map { [($0, mapping.headers[commissionKey] ?? "")] } ?? []
            throw refuse("its commission columns do not pair one with each rep", repHeaders + first + columns)
        }
        let withoutShare = (mapping.columns[splitKey] == nil ? 1 : 0) + others.filter { $0.split == nil }.count
        if withoutShare > 1 {
            throw refuse(
                "\(withoutShare) of its reps have no column of their share (at most one takes the rest)", repHeaders)
        }
        mapping.otherReps = others
        mapping.commissionOfAllReps = commissions == 0 && mapping.columns[commissionKey] != nil
        return mapping
    }
}

extension ColumnMapping where Key == Field {
    /// This mapping with the columns of its other rep numbered `rep` (1 for the row's second;
    /// `otherReps`) as the rep's, the split's and the commission's: the cells a finding on that
    /// rep's line names. Without a commission when the row's one is its reps' together.
    public func ofOtherRep(_ rep: Int) -> ColumnMapping<Field> {
        guard otherReps.indices.contains(rep - 1) else { return self }
        let other = otherReps[rep - 1]
        var mapping = self
        mapping.columns[.rep] = other.rep
        mapping.headers[.rep] = other.repHeader
        mapping.columns[.split] = other.split
        mapping.headers[.split] = other.splitHeader
        mapping.columns[.commission] = other.commission
        mapping.headers[.commission] = other.commissionHeader
        return mapping
    }
}

extension SplitRow {
    /// The shares of a row's reps (`ColumnMapping.otherReps`): the first rep's, and each other rep
    /// the row names with its number among them (1 for the second), or why a share cannot be read.
    struct Shares {
        /// The first rep's share; nil when none is written and the row names no other rep (the
        /// whole deal, as for any row).
        var first: Decimal?
        var others: [(number: Int, rep: String, split: Decimal)] = []
        /// The cells whose share is unreadable or missing: their column, text and why.
        var failures: [(column: Int, text: String, message: String)] = []
    }

    /// The clawback rows of a clawback row's other reps (`Rep 2 | … | Commission 2`), `first` the
    /// row's first rep's: a row each, of the cell in the rep's own commission column (blank or no
    /// number: nothing taken back, 0), keyed apart from the first's (`DealsTable.otherRepKey`), a
    /// credit note's line too where the first's is (`ClawbackRow.isAlsoALine`);
    /// none where the row's one commission is its reps' together, which `first` then takes back
    /// for them all (`ClawbackRow.otherReps`).
    static func clawbacks(of row: Row, first: inout ClawbackRow, context: DealsReader.RowContext) -> [ClawbackRow] {
        var rows: [ClawbackRow] = []
        for (index, other) in context.otherReps.enumerated() {
            guard let rep = ValueReading.text(row.cell(at: other.rep)?.value ?? .empty) else { continue }
            guard let column = other.commission else {
                if context.commissionOfAllReps { first.otherReps.append(rep) }
                continue
            }
            let cell = row.cell(at: column) ?? Cell(column: column, value: .empty)
            var clawback = first
            clawback.row = DealsTable.otherRepKey(first.row, number: index + 1)
            clawback.rep = rep
            clawback.commission = cell
            clawback.amount =
                (try? ValueReading.money(cell.value, style: context.commissionStyle ?? .decimalPoint)) ?? 0
            rows.append(clawback)
        }
        return rows
    }

    /// The cells of `shares`' failures, for a row left unread (none without `shares`).
    static func unread(_ shares: Shares?, row: Int) -> [SkippedRow.Unread] {
        (shares?.failures ?? []).map {
            SkippedRow.Unread(cell: CellAddress(row: row, column: $0.column), text: $0.text)
        }
    }

    /// The shares of `row`'s reps, `first` the share written for its first rep (nil when its cell
    /// is blank or it has no column). A rep without a share written (its column blank, or none)
    /// takes what the others' leave of the deal (never less than nothing), when it is the only one;
    /// two such reps are a failure, never an even split guessed. A blank rep's cell is no rep, and a
    /// share written beside it no one's: the shares left then fall short of the whole (`split_total`).
    ///
    /// Each failure is also one of `failures`, at its cell of `place`. Apart from
    /// `DealsReader.read`, which reads every row.
    @inline(never)
    static func shares(
        of row: Row, first: Decimal?, context: DealsReader.RowContext, place: RowPlace,
        failures: inout [SpreadsheetError]
    ) -> Shares {
        let shares = shares(of: row, first: first, context: context)
        for failure in shares.failures {
            failures.append(SpreadsheetError(place.location(column: failure.column), failure.message))
        }
        return shares
    }

    private static func shares(of row: Row, first: Decimal?, context: DealsReader.RowContext) -> Shares {
        var shares = Shares(first: first)
        let firstColumn = context.columnByField[Field.split.ordinal] ?? context.columnByField[Field.rep.ordinal] ?? 1
        var unknown: [(number: Int, column: Int)] = first == nil ? [(0, firstColumn)] : []
        var written: Decimal = first ?? 0
        for (index, other) in context.otherReps.enumerated() {
            guard let rep = ValueReading.text(row.cell(at: other.rep)?.value ?? .empty) else { continue }
            let cell = other.split.flatMap { row.cell(at: $0) }?.value ?? .empty
            var share: Decimal?
            do throws(ValueReading.Failure) {
                share = try ValueReading.fraction(
                    cell, style: context.splitStyle, wholePercents: context.splitInWholePercents)
            } catch {
                shares.failures.append((other.split ?? other.rep, cell.plainText, error.message))
                continue
            }
            if let share {
                written += share
            } else {
                unknown.append((index + 1, other.split ?? other.rep))
            }
            shares.others.append((index + 1, rep, share ?? 0))
        }
        guard !shares.others.isEmpty, let missing = unknown.first else { return shares }
        guard unknown.count == 1 else {
            for place in unknown {
                shares.failures.append(
                    (
                        place.column, "",
                        "no split for this rep, and another of the row's reps has none either; the row is skipped"
                    ))
            }
            return shares
        }
        let rest = max(0, 1 - written)
        if missing.number == 0 {
            shares.first = rest
        } else if let at = shares.others.firstIndex(where: { $0.number == missing.number }) {
            shares.others[at].split = rest
        }
        return shares
    }
}
