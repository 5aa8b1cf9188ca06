import Commission
import Foundation
import Ingest
import Spreadsheet

/// The same person written several ways (`Ana Lima`, `ana lima `, `Lima, Ana`, `A. Lima`,
/// `Lima, A.`, `Ana L.`, `Ana`, `Lima`, `Ana Lima (R-101)`, `ana.lima@example.com`, `R-101`, an
/// alias, the initials `AL`) resolved to one rep of the roster (its id, name, e-mail or `aliases`); a part of a name
/// is taken only when exactly one roster name fits it. Each way that is not the roster's own id or name is reported; a name
/// that matches no one is a `wrong_rep` finding (the row earns nothing), never a new rep.
enum RepIdentity {
    struct Resolution {
        /// `'A. Lima' read as Ana Lima (R-101), 3 rows`.
        var notes: [String] = []
        /// Rows whose rep matches no one, taken out of the deals.
        var unknown: [(line: CreditLine, manual: ManualCells)] = []
    }

    static func resolve(_ deals: inout DealsTable, roster: [RosterEntry]) -> Resolution {
        guard !roster.isEmpty else { return Resolution() }
        // The roster's own ids and (unique) names, exactly as written there.
        var exact: Set<String> = Set(roster.map(\.id))
        var nameCounts: [String: Int] = [:]
        for rep in roster { if let name = rep.name { nameCounts[name, default: 0] += 1 } }
        exact.formUnion(nameCounts.filter { $0.value == 1 }.keys)
        var byFolded: [String: [RosterEntry]] = [:]
        for rep in roster {
            for key in keys(of: rep) { byFolded[key, default: []].append(rep) }
        }
        var memo: [String: RosterEntry?] = [:]
        func match(_ text: String) -> RosterEntry? {
            if let known = memo[text] { return known }
            let found =
                candidates(text).lazy.compactMap { key -> RosterEntry? in
                    let reps = Set(byFolded[key, default: []].map(\.id))
                    return reps.count == 1 ? byFolded[key]!.first : nil
                }.first ?? partialMatch(text, roster: roster) ?? idAndName(text, roster: roster)
                ?? byInitials(text, roster: roster)
            memo[text] = found
            return found
        }
        var resolution = Resolution()
        var counts: [String: (rep: RosterEntry, rows: Int)] = [:]
        // The rows of reps on no roster, taken out in place after: a few among millions.
        var unknown: [Int] = []
        for index in deals.lines.indices {
            let written = deals.lines[index].rep
            if exact.contains(written) { continue }
            if let rep = match(written) {
                deals.lines[index].rep = rep.id
                counts[written, default: (rep, 0)].rows += 1
            } else {
                resolution.unknown.append((deals.lines[index], deals.manual[index]))
                unknown.append(index)
            }
        }
        if !unknown.isEmpty {
            deals.lines.removeSubranges(RangeSet(unknown, within: deals.lines))
            deals.manual.leaveOut(unknown)
        }
        resolution.notes = counts.keys.sorted().map { written in
            let (rep, rows) = counts[written]!
            return "rep '\(written)' read as \(rep.name ?? rep.id) (\(rep.id)), \(rows) row\(rows == 1 ? "" : "s")"
        }
        return resolution
    }

    /// The one rep of `roster` that `text` names, as a deal row's rep is read (`resolve`): its id,
    /// name, alias or e-mail in any of `text`'s forms, or a part of its name that fits no one else
    /// (`Ana`, `Lima`, `A. Lima`). For a summary sheet's few rows.
    static func identify(_ text: String, roster: [RosterEntry]) -> RosterEntry? {
        for form in candidates(text) {
            let reps = roster.filter { keys(of: $0).contains(form) }
            if Set(reps.map(\.id)).count == 1 { return reps[0] }
        }
        return partialMatch(text, roster: roster) ?? idAndName(text, roster: roster) ?? byInitials(text, roster: roster)
    }

    /// Separators between a rep's id and name written in one cell (`E1042 - Tomás Herrera`,
    /// `E1042: Tomás Herrera`, `Tomás Herrera | E1042`).
    static let idNameSeparators = [" - ", " – ", " — ", ": ", " | ", " / "]

    /// The rep a cell names by id and name together, in either order (`E1042 - Tomás Herrera`,
    /// `Tomás Herrera – E1042`, `E1042: Tomás Herrera`), as `Ana Lima (R-101)` is read: the one
    /// rep whose id one part is and whom the other part names too. Nil when the parts name two
    /// reps, or no part is an id.
    static func idAndName(_ text: String, roster: [RosterEntry]) -> RosterEntry? {
        for separator in idNameSeparators {
            guard let range = text.range(of: separator) else { continue }
            let parts = [String(text[..<range.lowerBound]), String(text[range.upperBound...])]
            for (id, name) in [(parts[0], parts[1]), (parts[1], parts[0])] {
                let idKey = fold(id)
                let byID = roster.filter { rep in
                    let key = fold(rep.id)
                    return idKey == key || idKey == key.filter { $0 != " " }
                }
                guard Set(byID.map(\.id)).count == 1, let named = identify(name, roster: roster),
                    named.id == byID[0].id
                else { continue }
                return named
            }
        }
        return nil
    }

    /// An `wrong_rep` finding at each unknown row's commission cell: it earns nothing.
    static func findings(_ resolution: Resolution, context: RowContext) -> [Finding] {
        resolution.unknown.compactMap { line, manual in
            guard let cell = manual.commission else { return nil }
            var finding = RowFindings.base(
                context, line: line, reference: nil, column: cell.column, cell: cell.value, expected: 0)
            finding.causes = [.wrongRep]
            finding.explanation =
                "rep '\(line.rep)' matches no one on the roster; the row earns nothing until the roster has the rep "
                + "or the row names one it has"
            // The figure may be right for a rep the roster lacks: reported, never set to 0.
            finding.isInput = true
            return finding
        }
    }

    /// The text in compared form: no accents, case, apostrophes, punctuation or extra spaces, and
    /// letters such as `ł` `ı` `ø` as written plainly (`FoldedWords.plainLetters`).
    static func fold(_ text: String) -> String {
        FoldedWords.plainLetters(FoldedWords.fold(text))
            .filter { $0 != "'" && $0 != "’" }
            .map { $0.isLetter || $0.isNumber ? $0 : " " }.reduce(into: "") { $0.append($1) }
            .split(separator: " ").joined(separator: " ")
    }

    /// The folded forms a rep of the roster is known by: its id, name, aliases and e-mail, and an
    /// id holding a digit written without its separators (`R101` for `R-101`).
    static func keys(of rep: RosterEntry) -> [String] {
        let names = rep.name.map { [$0] + (writtenOut($0).map { [$0] } ?? []) } ?? []
        var keys = ([rep.id] + names + rep.aliases + (rep.email.map { [$0] } ?? [])).map(fold)
        let id = fold(rep.id)
        if id.contains(where: \.isNumber), id.contains(" ") { keys.append(id.filter { $0 != " " }) }
        return keys
    }

    /// A name with its letters written out as their own languages spell them on a plain keyboard
    /// (`Jürgen` as `Juergen`, `Søren` as `Soeren`, `Åsa` as `Aasa`, `Đorđe` as `Djordje`); nil
    /// when it holds none of them. Beside the folded form (`Jurgen`), which `fold` gives.
    static func writtenOut(_ name: String) -> String? {
        let lowered = name.lowercased()
        guard lowered.contains(where: { spelledOut[$0] != nil }) else { return nil }
        return lowered.reduce(into: "") { text, letter in text += spelledOut[letter] ?? String(letter) }
    }

    private static let spelledOut: [Character: String] = [
        "ä": "ae", "ö": "oe", "ü": "ue", "ø": "oe", "å": "aa", "đ": "dj",
    ]

    /// The forms `text` may stand for: itself, `Last, First` turned round, an e-mail's local part,
    /// and a name with an id or a team in brackets after it (`Ana Lima (R-101)`, `Lima, Ana
    /// [EMEA]`) as the name (turned round too) and as what the brackets hold.
    static func candidates(_ text: String) -> [String] {
        if let plain = plainName(text) { return [fold(text)] + candidates(plain) }
        var forms = [fold(text)]
        if let at = text.firstIndex(of: "@") { forms.append(fold(String(text[..<at]))) }
        if let turned = turnedRound(text[...]) { forms.append(fold(turned)) }
        if let (name, inside) = bracketedAfter(text) {
            forms.append(fold(String(name)))
            forms.append(fold(String(inside)))
            if let turned = turnedRound(name) { forms.append(fold(turned)) }
        }
        return forms
    }

    /// `text` without what people write about a name rather than of it: a courtesy or academic
    /// title before it (`Dr. Maya Berg`, `Ms Priya Nair`, `Prof. Felix Moreau`), a nickname in
    /// quotes or brackets between its words (`Tomás "Tom" Álvarez`, `Aiko (Ai) Sato`) and a degree
    /// or generation after a comma (`Omar Haddad, MBA`, `Ben Okafor, Jr.`). Nil when it has none
    /// of them, or nothing of two words would be left.
    static func plainName(_ text: String) -> String? {
        var name = text.trimmingCharacters(in: .whitespaces)
        let written = name
        if let comma = name.lastIndex(of: ","),
            case let after = fold(String(name[name.index(after: comma)...])).split(separator: " "),
            !after.isEmpty,
            after.allSatisfy({ postNominals.contains(String($0)) }) || postNominals.contains(after.joined())
        {
            name = String(name[..<comma])
        }
        var words = name.split(separator: " ", omittingEmptySubsequences: true)
        if let quoted = words.dropFirst().dropLast().firstIndex(where: isNickname) {
            words.remove(at: quoted)
        }
        if words.count > 2, titles.contains(fold(String(words[0]))) { words.removeFirst() }
        let plain = words.joined(separator: " ")
        return plain != written.split(separator: " ").joined(separator: " ") && words.count >= 2 ? plain : nil
    }

    /// Whether a word of a name is a nickname written inside it: in quotes or brackets (`"Tom"`, `(Ai)`).
    private static func isNickname(_ word: Substring) -> Bool {
        guard word.count > 2, let first = word.first, let last = word.last else { return false }
        return nicknameMarks[first] == last
    }

    /// The marks a nickname stands between: quotes as keyboards and word processors write them, brackets.
    private static let nicknameMarks: [Character: Character] = ["\"": "\"", "“": "”", "(": ")", "„": "“"]

    /// Titles written before a name, folded (`Dr.` as `dr`).
    private static let titles: Set<String> = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "herr", "frau", "mme", "mlle", "sr", "sra",
        "srta",
    ]

    /// Degrees, certifications and generations written after a name and a comma, folded.
    private static let postNominals: Set<String> = [
        "mba", "cpa", "phd", "md", "jd", "cfa", "pmp", "esq", "jr", "sr", "ii", "iii", "iv", "msc", "bsc", "ma", "ba",
    ]

    /// `Last, First` as `First Last`; nil for a name without a comma.
    private static func turnedRound(_ name: Substring) -> String? {
        let parts = name.split(separator: ",", maxSplits: 1)
        return parts.count == 2 ? parts[1] + " " + parts[0] : nil
    }

    /// `text` as a name and what stands in brackets after it, round, square or angle (`Ana Lima
    /// (R-101)`, `Lima, Ana [EMEA]`, and an address as a mail client writes it: `Ana Lima
    /// <ana.lima@example.com>`, `"Lima, Ana" <alima@example.com>`); nil when it does not end in
    /// brackets after something.
    private static func bracketedAfter(_ text: String) -> (name: Substring, inside: Substring)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let opening: [Character: Character] = [")": "(", "]": "[", ">": "<"]
        guard let close = trimmed.last, let mark = opening[close], let open = trimmed.lastIndex(of: mark),
            open > trimmed.startIndex
        else { return nil }
        return (trimmed[..<open], trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
    }

    /// The one roster name that a part of it fits, in any of `text`'s forms (`candidates`): the
    /// first or the last name alone (`Ana`, `Lima`), or a form of the whole name `NameFit` takes
    /// (`A. Lima`, `Lima, A.`, `Ana L.`, `Martin C.`, `LIMA Ana`, `Ana Lima-Souza`, `Ana Lima
    /// (R-101)`). Nil when no name or more than one fits: two reps are never one.
    static func partialMatch(_ text: String, roster: [RosterEntry]) -> RosterEntry? {
        let names = nameWords(roster)
        for form in candidates(text) {
            let found = partlyNamed(form, names: names)
            if Set(found.map(\.id)).count == 1 { return found[0] }
        }
        return nil
    }

    /// The roster's names of two words or more, as their words, folded (written out too).
    private static func nameWords(_ roster: [RosterEntry]) -> [(RosterEntry, [Substring])] {
        roster.flatMap { rep in
            let spellings = rep.name.map { [$0] + (writtenOut($0).map { [$0] } ?? []) } ?? []
            return spellings.map { (rep, fold($0).split(separator: " ")) }
        }.filter { $0.1.count >= 2 }
    }

    /// The reps among `names` (`nameWords`) a part of whose name `form` (folded) fits.
    private static func partlyNamed(_ form: String, names: [(RosterEntry, [Substring])]) -> [RosterEntry] {
        let words = form.split(separator: " ")
        guard (1...4).contains(words.count) else { return [] }
        return names.filter { _, name in
            if words.count == 1 { return words[0].count > 1 && (words[0] == name.first || words[0] == name.last) }
            return NameFit.fits(words, name)
        }.map(\.0)
    }

    /// Every rep of `roster` that `text` may stand for: those a part of it fits in any of its
    /// forms (`partialMatch`'s reading), and those it is one slip of the keyboard off
    /// (`misspelled`'s), each once. More than one where `text` names no one alone (`Ben` for Ben
    /// Okafor and Ben Silva).
    static func near(_ text: String, roster: [RosterEntry]) -> [RosterEntry] {
        let names = nameWords(roster)
        let found = candidates(text).flatMap { partlyNamed($0, names: names) } + misspellingsNear(text, roster: roster)
        var seen: Set<String> = []
        return found.filter { seen.insert($0.id).inserted }
    }

    /// The one rep of `roster` whose name (or alias) `text` writes with one slip of the keyboard,
    /// in any of its forms (`candidates`): a letter left out, added or changed, or two letters
    /// swapped (`Ana Lina` for Ana Lima, `Ben Okafr`, `Lmia, Ana`), over a name of five letters or
    /// more. Nil when no rep or more than one is so near: two reps are never one. For a summary's
    /// rows, which are compared and never paid; a deal row naming no one stays `wrong_rep`.
    static func misspelled(_ text: String, roster: [RosterEntry]) -> RosterEntry? {
        let near = misspellingsNear(text, roster: roster)
        return Set(near.map(\.id)).count == 1 ? near[0] : nil
    }

    /// The reps of `roster` whose name or alias `text` writes with one slip (`misspelled`).
    private static func misspellingsNear(_ text: String, roster: [RosterEntry]) -> [RosterEntry] {
        let forms = candidates(text)
        return roster.filter { rep in
            let names = (rep.name.map { [$0] + (writtenOut($0).map { [$0] } ?? []) } ?? []) + rep.aliases
            return names.map(fold).contains { name in
                name.count >= 5 && forms.contains { oneEditApart($0, name) }
            }
        }
    }

    /// Whether `a` and `b` differ by exactly one edit: a character left out, added or changed, or
    /// two characters next to each other swapped.
    static func oneEditApart(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a), Array(b))
        guard x != y, abs(x.count - y.count) <= 1 else { return false }
        var same = 0
        while same < min(x.count, y.count), x[same] == y[same] { same += 1 }
        guard x.count == y.count else {
            let (long, short) = x.count > y.count ? (x, y) : (y, x)
            return long[(same + 1)...] == short[same...]
        }
        if x[(same + 1)...] == y[(same + 1)...] { return true }
        return same + 1 < x.count && x[same] == y[same + 1] && x[same + 1] == y[same]
            && x[(same + 2)...] == y[(same + 2)...]
    }
}
