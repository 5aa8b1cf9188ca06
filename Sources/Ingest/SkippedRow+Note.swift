import Foundation

extension SkippedRow {
    /// Whether a row the reader left out holds no deal and no figure: no amount, no commission,
    /// nothing it could not read, only fields left empty, and not both a deal and a rep (a section
    /// title, a note, a sign-off under the table; a deal id and rep without an amount is a deal
    /// never priced), or a row of free text alone (`note`, on a tab that gives every row its rep
    /// too), or a subtotal of another kind than a sum (`isSubtotalOfAnotherKind`), or a statistic
    /// of the column (`isStatistic`), or a balance carried beside the deals (`isCarriedBalance`).
    /// Such a row pays nothing: it is said, never a finding, and no run stops for it.
    public var isNote: Bool {
        note != nil
            || (dealID == nil || rep == nil) && amount == nil && cells.allSatisfy(\.text.isEmpty)
                && (commission.map { $0.value == .empty } ?? true)
            || isSubtotalOfAnotherKind || isStatistic || isCarriedBalance
    }

    /// Whether the row, without an amount and not both a deal and a rep, holds in its commission a
    /// statistic of a range of the column other than its sum (`=AVERAGE(L2:L46)`, `=MAX(…)`,
    /// `=COUNT(…)`, `=SUBTOTAL(1,…)`), as teams write under their deals whatever the label and
    /// wherever it stands (`Average`, `Maximum`, `Mean`, `# deals`): no deal, and no total either.
    public var isStatistic: Bool {
        guard amount == nil, dealID == nil || rep == nil,
            let formula = commission?.formula?.uppercased().filter({ !$0.isWhitespace }),
            let open = formula.firstIndex(of: "("), formula.contains(":")
        else { return false }
        let function = formula[..<open].replacingOccurrences(of: "_XLFN.", with: "")
        if function == "SUBTOTAL" || function == "AGGREGATE" {
            // Every function number but a sum's (9, 109).
            let number = formula[formula.index(after: open)...].prefix { $0.isNumber }
            return !number.isEmpty && number != "9" && number != "109"
        }
        return Self.statisticFunctions.contains(function)
    }

    /// Whether the row, without an amount and not both a deal and a rep, carries a balance from
    /// elsewhere or sums the year so far, as a tab per quarter or month keeps them beside its deals
    /// (`Brought forward` = the last tab's year to date, `B/F from Q1`, `Year to date` = that and
    /// the tab's total, `Carried forward`, `Opening balance`, `Übertrag`, `Saldo anterior`): no deal,
    /// and no total of the rows above it either.
    public var isCarriedBalance: Bool {
        guard amount == nil, dealID == nil || rep == nil else { return false }
        return [dealID, rep].contains { text in
            guard let label = text?.trimmedSpaces.lowercased() else { return false }
            return Self.carriedBalanceWords.contains { words in
                label.hasPrefix(words)
                    && label.dropFirst(words.count).first.map { !$0.isLetter && !$0.isNumber } ?? true
            }
        }
    }

    /// The labels of a balance carried or summed to date, lower-cased, in English and the other
    /// languages headers are read in.
    static let carriedBalanceWords: [String] = [
        "brought forward", "brought fwd", "b/f", "bal b/f", "bal. b/f", "balance b/f", "balance brought forward",
        "balance forward", "carried forward", "carried fwd", "c/f", "balance c/f", "balance carried forward",
        "opening balance", "closing balance", "year to date", "year-to-date", "ytd", "übertrag", "vortrag",
        "saldovortrag", "saldo anterior", "suma anterior", "acumulado", "à reporter", "report à nouveau", "riporto",
        "transporte",
    ]

    /// The functions of a statistic of a column, not its sum.
    static let statisticFunctions: Set<String> = [
        "AVERAGE", "AVERAGEA", "MAX", "MAXA", "MIN", "MINA", "COUNT", "COUNTA", "MEDIAN", "MODE", "MODE.SNGL",
        "STDEV", "STDEV.S", "STDEV.P", "VAR", "VAR.S", "VAR.P",
    ]

    /// Whether the row is a subtotal Excel's Subtotal command writes with another function than a
    /// sum (`Ana Lima Count`, `Grand Count`, `Ana Lima Anzahl`): no amount, and a label closing
    /// with that function's name.
    public var isSubtotalOfAnotherKind: Bool {
        guard amount == nil else { return false }
        return [rep, dealID].contains { text in
            guard let last = text?.split(separator: " ").last else { return false }
            return Self.subtotalFunctionWords.contains(last.lowercased())
        }
    }

    /// The names Excel's Subtotal command gives the count and the average, in six languages
    /// (`Max`, `Min` and `Media` are left out: they are also names).
    static let subtotalFunctionWords: Set<String> = [
        "count", "average", "anzahl", "mittelwert", "cuenta", "promedio", "nombre", "moyenne", "conteggio",
        "contagem", "média",
    ]
}
