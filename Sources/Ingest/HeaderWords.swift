import Commission
import Foundation
import Primitives
import Spreadsheet

/// The header keys (`headerKey`) each field goes by: its synonyms' and its own name's, made once
/// for every row a header search tries (a tab per rep tries its first sixty rows twice). A table
/// searched for often keeps its words in a `static let` (`Field.headerWords`).
public struct HeaderWords<Key: Hashable & Sendable & RawRepresentable>: Sendable where Key.RawValue == String {
    let keys: [Key]
    let wanted: [Key: Set<String>]
    /// `wanted` turned round: the fields each header key names, in `keys`' order. A row's
    /// headers are each looked up once, not once for every field.
    let fieldsNamed: [String: [Key]]
    /// The header keys of the field's abbreviations (`HeaderSynonyms.abbreviations`), asked only
    /// where no header names it in full.
    let abbreviated: [Key: Set<String>]
    /// The fields a header may name among other words, with their synonyms and `loose` names.
    let loose: LooseHeaders<Key>
    /// The rate, the commission and the amount, for a commission's header over a column of rates
    /// (`Comm` holding `0.05`, `5%`): the column is the rate (`ColumnMatcher.holdsRates`).
    var figures: (rate: Key, commission: Key, amount: Key)?
    /// The field whose figures may be written in several columns under different names, which
    /// add up (the bonus: `SPIFF` beside `Bonus`).
    var additive: Key?
    /// The field a row may write twice, by name and by id (the rep: `Rep` beside `Rep ID`, as a CRM
    /// export keeps both): the column naming it is read, the id's left alone.
    var writtenByNameAndID: Key?
    /// The header keys of the names the contract gives each field (`Field.contractSynonyms`):
    /// of several columns that could be a field, the one alone named so is it.
    var contract: [Key: Set<String>] = [:]
    /// The plan's currency code (`USD`), which chooses among a field's columns in several
    /// currencies the one naming it; nil when the plan names none.
    var currency: String?
    /// The values the plan's rules name, by field, in compared form (`String.normalizedKey`): a
    /// product a SPIFF pays on, a status it earns in. A field no header names is the one column,
    /// among those nothing else took, whose first rows hold such a value (`Prod.` over `Cloud`).
    var ruleValues: [Key: Set<String>] = [:]
    /// The field a number's header names (`N°`, `#`, `No.`, alone or beside the field's own names:
    /// `Affaire N°`) where no other header names it, over figures that do not count the rows
    /// (`NumberHeaders`): the deal id.
    var numbered: Key?
    /// The header keys of the names beside which `ID` or a number's word names `numbered`
    /// (`NumberHeaders.names`): its own names and those of the fields that are no thing
    /// with an identifier of their own (`Sales ID`, `Abschluss-ID`), not the rep's or the product's.
    /// Made once with the words: a mapping is looked for in many rows.
    var numberedBeside: Set<String> = []
    /// The split, the quota and the deal id, for the headers that may name a deal's shares or a
    /// rep's quota (`ShareHeaders`: `Quota %`): the split over shares, the quota over money.
    var shares: (split: Key, quota: Key, dealID: Key)?
    /// The rep, the split and the commission, for a header naming several reps' columns on one
    /// row (`Rep 1 | Rep 1 % | Rep 2 | Rep 2 %`; `SplitRow`).
    var repSlots: (rep: Key, split: Key, commission: Key)?

    /// `loose`: the fields that may be named among other words (`LooseHeaders`), each with names
    /// it goes by only there (names too wide to be synonyms: `Order` for a deal id).
    /// `subject`: the field that loses a tie for a column (`LooseHeaders.subject`); `measure`: the
    /// one that loses a two-word tie to `owners` (`LooseHeaders.measure`); `percentages`: the
    /// fields a header with `%` may name (`LooseHeaders.percentages`); `wholeHeaderOnly`: the header
    /// keys of names that name their field only as the whole header (`Field.wholeHeaderOnly`),
    /// beside those of `HeaderSynonyms.wholeHeaderOnly`, which every table's headers keep.
    public init(
        keys: [Key], synonyms: (Key) -> [String], loose: [Key: [String]] = [:], subject: Key? = nil,
        measure: Key? = nil, owners: Set<Key> = [], percentages: Set<Key> = [], wholeHeaderOnly: Set<String> = []
    ) {
        self.keys = keys
        // Each name keyed once: the loose names below are mostly the same texts.
        var keyed: [String: String] = [:]
        for key in keys {
            for name in synonyms(key) + [key.rawValue] where keyed[name] == nil { keyed[name] = headerKey(name) }
        }
        wanted = Dictionary(
            uniqueKeysWithValues: keys.map { key in
                (key, Set((synonyms(key) + [key.rawValue]).map { keyed[$0]! }))
            })
        var fieldsNamed: [String: [Key]] = [:]
        for key in keys {
            for name in wanted[key] ?? [] { fieldsNamed[name, default: []].append(key) }
        }
        self.fieldsNamed = fieldsNamed
        abbreviated = Dictionary(
            uniqueKeysWithValues: keys.map { key in
                (key, Set(HeaderSynonyms.abbreviations[key.rawValue, default: []].map(headerKey)))
            })
        // Every field's names compete for a column, once some field may take one.
        self.loose = LooseHeaders(
            names: loose.isEmpty
                ? [:]
                : Dictionary(
                    uniqueKeysWithValues: keys.map { key in (key, synonyms(key) + [key.rawValue] + (loose[key] ?? [])) }
                ),
            claimable: Set(loose.keys), subject: subject, measure: measure, owners: owners, percentages: percentages,
            wholeHeaderOnly: wholeHeaderOnly.union(HeaderSynonyms.wholeHeaderOnly.map(headerKey)),
            keying: { keyed[$0] ?? headerKey($0) })
    }
}

extension Field {
    /// The deals' header words, made once.
    static let headerWords = {
        var words = HeaderWords(
            keys: Field.allCases, synonyms: \.synonyms, loose: Field.looseNames, subject: .dealID, measure: .amount,
            owners: [.commission, .bonus], percentages: [.split, .rate], wholeHeaderOnly: Field.wholeHeaderOnly)
        words.figures = (.rate, .commission, .amount)
        words.additive = .bonus
        words.writtenByNameAndID = .rep
        words.numbered = .dealID
        // A sale's, a closing's, a commission's number is the deal's (`Sales ID`, `Abschluss-ID`),
        // and a sale's or a sales order's (`Sale #`, `SO Number`), and a reference's (`Ref #`).
        let figures: [Field] = [.date, .amount, .commission, .bonus, .rate, .split, .quota, .cancelDate]
        let figureNames: [String] = figures.flatMap { field in field.synonyms + (Field.looseNames[field] ?? []) }
        words.numberedBeside = Set((figureNames + ["Sale", "SO", "Ref"]).map(headerKey))
            .union(words.wanted[.dealID] ?? [])
        words.shares = (.split, .quota, .dealID)
        words.repSlots = (.rep, .split, .commission)
        words.contract = Dictionary(
            uniqueKeysWithValues: Field.allCases.map { field in
                (field, Set((field.contractSynonyms + [field.rawValue]).map(headerKey)))
            })
        return words
    }()

    /// The deals' header words with the plan's `currency` (`USD`) choosing among a field's
    /// columns in several currencies; `headerWords` when it names none.
    static func headerWords(currency: String?) -> HeaderWords<Field> {
        guard let currency = currency?.trimmingCharacters(in: .whitespaces).uppercased(), !currency.isEmpty else {
            return headerWords
        }
        var words = headerWords
        words.currency = currency
        return words
    }

    /// The deals' header words with the plan's currency (`headerWords(currency:)`) and the values
    /// its rules name (`HeaderWords.ruleValues`: products, types and statuses).
    static func headerWords(plan: Plan?) -> HeaderWords<Field> {
        var words = headerWords(currency: plan?.currency)
        guard let plan else { return words }
        let named = plan.namedValues
        for (field, values) in [(Field.product, named.products), (.type, named.types), (.status, named.statuses)]
        where !values.isEmpty {
            words.ruleValues[field] = Set(values.map(\.normalizedKey))
        }
        return words
    }
}
