import Spreadsheet

/// A figure headed as the company's own currency (`Amount in company currency`, as HubSpot exports
/// a deal's amount converted beside the deal's `Amount` in its `Currency`; `Amount (home currency)`,
/// `Amount in base currency`): the field the header names without those words. Whether the
/// company's currency is the plan's is not taken on the header's word: the table's own rows tell
/// it (`isPlans`), or the column is no choice of the plan's currency.
enum CompanyCurrency {
    /// The words after a field's name that say it is in the company's own currency, lower case.
    private static let phrases = [
        "in company currency", "(company currency)", "in home currency", "(home currency)", "in base currency",
        "(base currency)", "in reporting currency", "(reporting currency)", "in functional currency",
        "(functional currency)",
    ]

    /// `header` without the words naming the company's currency (`Amount` of `Amount in company
    /// currency`), or nil when it names none.
    static func bare(_ header: String) -> String? {
        guard header.utf8.count > 12, let last = header.utf8.last,
            last == UInt8(ascii: "y") || last == UInt8(ascii: "Y") || last == UInt8(ascii: ")")
        else { return nil }
        let lowered = header.lowercased()
        guard let phrase = phrases.first(where: { lowered.hasSuffix($0) }) else { return nil }
        let name = header.dropLast(phrase.count).trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }

    /// Whether the company's currency of `column` is the plan's `currency`, as the first `rows` show:
    /// on each row whose `currencyColumn` names the plan's currency, the figure is the one of `plain`
    /// (the same field in each row's own currency), and some row is; on some other row it differs.
    static func isPlans(
        _ column: Int, plain: Int, currencyColumn: Int, currency: String, rows: [Row]
    ) -> Bool {
        var same = false
        var converted = false
        for row in rows {
            guard case .text(let code)? = row.cell(at: currencyColumn)?.value,
                case .number(let figure)? = row.cell(at: column)?.value,
                case .number(let own)? = row.cell(at: plain)?.value
            else { continue }
            if code.trimmingCharacters(in: .whitespaces).uppercased() == currency {
                guard figure == own else { return false }
                same = true
            } else if figure != own {
                converted = true
            }
        }
        return same && converted
    }
}
