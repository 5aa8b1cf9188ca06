/// Whether a name as written fits a roster name of two words or more, both given as their words
/// (lower-cased, accents folded): the whole name in any order (`LIMA Ana`, the French `NOM Prénom`),
/// an initial and the rest (`A. Lima`, `A Lima Souza`), the first name and the last name's initial
/// (`Ana L.`, `Ben O`), the last name and the first name's initial (`Lima A.`, `Martin C.`), or
/// the name with a second surname after it, or before it on the roster (`Ana Lima-Souza` for Ana
/// Lima, `Ana Lima` for Ana Lima Souza). A caller takes a fit only when exactly one rep fits.
public enum NameFit {
    public static func fits(_ written: [Substring], _ name: [Substring]) -> Bool {
        guard written.count >= 2, name.count >= 2, let first = name.first, let last = name.last else { return false }
        if written.elementsEqual(name) { return true }
        if written.count == name.count, written.sorted() == name.sorted() { return true }
        if written[0].count == 1 {
            return first.hasPrefix(written[0]) && written.dropFirst().elementsEqual(name.dropFirst())
        }
        if written.count == 2, written[1].count == 1 {
            return (written[0] == first && last.hasPrefix(written[1]))
                || (written[0] == last && first.hasPrefix(written[1]))
        }
        let (short, long) = written.count < name.count ? (written, name) : (name, written)
        return long.count == short.count + 1 && long.starts(with: short)
    }
}
