/// Whether a name as written fits a roster name of two words or more, both given as their words
/// (lower-cased, accents folded, a hyphen's parts as words): the whole name in any order (`LIMA
/// Ana`, the French `NOM Prénom`), or some of its words in their order, each in full or by its
/// initial, with at least one in full, the words written after the rest as a surname first puts
/// them (`A. Lima`, `Ana L.`, `Lima A.`, `García López` and `J. García` for María José García
/// López, `van der Berg A.` and `Anna Berg` for Anna van der Berg, `de la Cruz J.`), or the name
/// with one more word after it (`Ana Lima-Souza` for Ana Lima) or a middle initial inside it (`Ana R.
/// Lima`, `Ben J Okafor`: a letter alone between the first word and the last). A caller takes a fit
/// only when exactly one rep fits: two reps are never one.
public enum NameFit {
    public static func fits(_ written: [Substring], _ name: [Substring]) -> Bool {
        guard written.count >= 2, name.count >= 2 else { return false }
        if written.elementsEqual(name) { return true }
        if written.count == name.count, written.sorted() == name.sorted() { return true }
        if written.count == name.count + 1, written.starts(with: name) { return true }
        if written.count == name.count + 1,
            written.indices.dropFirst().dropLast().contains(where: { middle in
                written[middle].count == 1 && (written[..<middle] + written[(middle + 1)...]).elementsEqual(name)
            })
        {
            return true
        }
        guard written.contains(where: { $0.count > 1 }) else { return false }
        // Each turn of the words (`van der Berg A.` read as `A. van der Berg`).
        return written.indices.contains { turn in
            isPart(Array(written[turn...] + written[..<turn]), of: name)
        }
    }

    /// Whether `words` stand in `name` in their order, each a word of it or that word's initial,
    /// and at least one in full.
    private static func isPart(_ words: [Substring], of name: [Substring]) -> Bool {
        var next = name.startIndex
        var inFull = false
        for word in words {
            guard
                let found = name[next...].firstIndex(where: { $0 == word || (word.count == 1 && $0.hasPrefix(word)) })
            else { return false }
            if name[found] == word, word.count > 1 { inFull = true }
            next = name.index(after: found)
        }
        return inFull
    }
}
