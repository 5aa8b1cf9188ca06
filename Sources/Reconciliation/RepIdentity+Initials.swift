import Commission

extension RepIdentity {
    /// The one rep of `roster` whose initials `text` writes, as teams shorten a rep's name in a
    /// column or on a summary (`MB`, `M.B.`, `M. B.` for Maya Berg; `MJGL` for María José García
    /// López, `ALS` for Ana Lima-Souza): two to four capital letters as written, each maybe followed
    /// by a dot, and nothing else, the first letters of the roster name's words (split at spaces and
    /// hyphens, accents folded). Nil when no rep's initials are those, or more than one rep's are:
    /// two reps are never one, and a guess would pay the wrong rep.
    static func byInitials(_ text: String, roster: [RosterEntry]) -> RosterEntry? {
        guard let letters = initials(of: text) else { return nil }
        let reps = roster.filter { rep in
            guard let name = rep.name else { return false }
            return fold(name).split(whereSeparator: { $0 == " " || $0 == "-" }).map { String($0.prefix(1)) }
                .joined() == letters
        }
        return Set(reps.map(\.id)).count == 1 ? reps[0] : nil
    }

    /// `text` as initials, folded (`M.B.` as `mb`); nil unless it is two to four capital letters
    /// (an ASCII or accented capital), each maybe followed by a dot and a space, and no placeholder
    /// written where a rep is not known yet (`TBD`, `N.A.`).
    static func initials(of text: String) -> String? {
        var letters = ""
        var afterLetter = false
        for character in text.trimmingCharacters(in: .whitespaces) {
            if character.isUppercase, character.isLetter {
                letters.append(character)
                afterLetter = true
            } else if character == ".", afterLetter {
                afterLetter = false
            } else if character == " ", !afterLetter {
                continue
            } else {
                return nil
            }
        }
        guard (2...4).contains(letters.count), !placeholders.contains(letters) else { return nil }
        return fold(letters).filter { $0 != " " }
    }

    /// Capitals written where no rep is known yet, never a rep's initials.
    private static let placeholders: Set<String> = ["TBD", "TBA", "TBC", "NA", "NN", "XX"]
}
