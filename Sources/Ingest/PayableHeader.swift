/// A header of what a row pays out, named by the amount's words and `payable` (`Amount Payable`,
/// `Total Payable`, `Net Payable`): beside a column that is the deal's amount, and where no header
/// names the commission, it is the commission, what the sheet pays the rep. Where no other column
/// is the amount it stays the amount, as its first word says. `Due`, `Owed` and `Owing` are not
/// taken: in an invoice or CRM export `Amount Due` is what the customer still owes.
enum PayableHeader {
    /// Words that say the sheet pays the figure out.
    static let owingWords: Set<String> = ["payable"]
    /// Words for a figure that, beside a word for owing, name nothing else.
    static let figureWords: Set<String> = ["amount", "amt", "total", "sum", "net"]

    /// Whether `header` is `payable` with figure words only (`Amount Payable`, `Payable`).
    static func names(_ header: String) -> Bool {
        let words = LooseHeaders<String>.terms(header)
        return words.contains(where: owingWords.contains)
            && words.allSatisfy { owingWords.contains($0) || figureWords.contains($0) }
    }
}
