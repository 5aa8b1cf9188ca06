import Commission
import Foundation
import Primitives
import Spreadsheet

/// One cell of the hand-kept workbook that differs from what the plan says, with why and how much.
///
/// Held in 136 bytes, for the ~200,000 findings of ten million rows: the two figures each in a
/// word (`Decimal.packedStorage`, where a `Decimal?` takes 21 bytes), the causes as codes in one
/// word (an array of them is an allocation of its own), and the fields few findings have apart
/// in `rare` (`HeldApart`). Two findings are equal when their values are, however held.
public struct Finding: Sendable, Hashable {
    public var sheet: String
    /// The A1 address of the manual value.
    public var cell: CellAddress
    public var dealID: String?
    public var rep: String?
    public var period: Period?
    public var explanation: String
    /// A total that is wrong because of errors in the rows it adds up.
    public var isDerived: Bool
    /// The cell is an input of the calculation (an amount, a date the reader could not read, an
    /// amount the trusted source books otherwise), not a figure the plan pays: it is reported,
    /// never overwritten.
    public var isInput = false
    /// For a total: the wrong cells it adds up (findings themselves), found through its formula
    /// or, for a typed total, the wrong rows of its rep and period it was derived from. Its
    /// difference is counted in the headline only beyond theirs (see `headlineDifference`).
    public var precedents: [CellPlace] = []
    /// `manual`'s storage (`Decimal.packedStorage`), `noFigure` for none, `HeldApart.figureWord`
    /// when in `rare`.
    private var manualWord: UInt64
    /// `expected`'s storage, `HeldApart.figureWord` when in `rare`.
    private var expectedWord: UInt64
    /// The causes' codes (`CauseCodes`), `CauseCodes.heldApart` when they are in `rare`.
    private var causeCodes: CauseCodes
    /// What few findings have, and the values no word holds: nil for a finding with none.
    private var rare: HeldApart<RareFields>?

    /// A word no `packedStorage` is, nor `HeldApart.figureWord`: the cell holds no figure.
    private static let noFigure = UInt64.max - 1

    /// What the sheet holds (nil when the cell is empty or not a number).
    public var manual: Decimal? {
        get { manualWord == Self.noFigure ? nil : HeldApart<RareFields>.figure(manualWord) { rare!.fields.manual! } }
        set {
            guard let newValue else {
                manualWord = Self.noFigure
                rare.keepApart(nil as Decimal?, at: \.manual)
                return
            }
            manualWord = rare.word(holding: newValue, apartAt: \.manual)
        }
    }

    public var expected: Decimal {
        get { HeldApart<RareFields>.figure(expectedWord) { rare!.fields.expected! } }
        set { expectedWord = rare.word(holding: newValue, apartAt: \.expected) }
    }

    /// The main cause first (plan-format.md section 4's codes), then any others that add up.
    public var causes: [Cause] {
        get { causeCodes == .heldApart ? rare!.fields.causes! : causeCodes.causes }
        set {
            causeCodes = CauseCodes(newValue) ?? .heldApart
            rare.keepApart(causeCodes == .heldApart ? newValue : nil, at: \.causes)
        }
    }

    /// The cell's text when it is not a number (a number stored as text, "TBD").
    public var manualText: String? {
        get { rare?.fields.manualText }
        set { rare.keepApart(newValue, at: \.manualText) }
    }

    /// For a total whose ranges stop short (`sum_range`): its formula with those ranges over the
    /// rows they should cover. The corrected cell takes this formula, not a constant.
    public var repairedFormula: String? {
        get { rare?.fields.repairedFormula }
        set { rare.keepApart(newValue, at: \.repairedFormula) }
    }

    /// For a rate table's cell that holds a wrong rate: the cells (`Sheet|A1`) of the rows that
    /// look their rate up from it, which it spoils. Its difference is a rate, not money.
    public var lookedUpBy: [String] {
        get { rare?.fields.lookedUpBy ?? [] }
        set { rare.keepApart(newValue.isEmpty ? nil : newValue, at: \.lookedUpBy) }
    }

    /// For a `wrong_rep` row: what the reps the trusted source credits the deal to are owed for
    /// it, which the workbook pays no one. The one mistake is one finding: these shares are not
    /// `missing_line` findings of their own, and the headline and the reps' differences count
    /// them here (`headlineDifference`, `FindingsDocument`'s reps).
    public var owedElsewhere: [OwedShare] {
        get { rare?.fields.owedElsewhere ?? [] }
        set { rare.keepApart(newValue.isEmpty ? nil : newValue, at: \.owedElsewhere) }
    }

    /// The input cell of the figure's own row that its formula reads wrong, and what it should
    /// hold: a rate typed by hand that is not the plan's, a summary row's misspelled rep name
    /// that its lookup reads. The corrected workbook writes it there and keeps the figure's
    /// formula where that is safe and gives the plan's figure exactly; else it types the figure.
    public var wrongInput: WrongInput? {
        get { rare?.fields.wrongInput }
        set { rare.keepApart(newValue, at: \.wrongInput) }
    }

    /// For a figure that takes back the wrong cells it reads (a clawback `=-(Deals!K7)` of a
    /// cancelled deal's overpaid commission): it is wrong through them, but it does not add them
    /// up, so the headline counts its whole difference, the money it takes back (net nothing
    /// once the cell's own difference is counted).
    public var reversesPrecedents: Bool {
        get { rare?.fields.reversesPrecedents ?? false }
        set { rare.keepApart(newValue ? true : nil, at: \.reversesPrecedents) }
    }

    public init(
        sheet: String, cell: CellAddress, dealID: String?, rep: String?, period: Period?, manual: Decimal?,
        manualText: String?, expected: Decimal, causes: [Cause], explanation: String, isDerived: Bool,
        repairedFormula: String? = nil
    ) {
        self.sheet = sheet
        self.cell = cell
        self.dealID = dealID
        self.rep = rep
        self.period = period
        self.explanation = explanation
        self.isDerived = isDerived
        (manualWord, expectedWord, causeCodes) = (Self.noFigure, 0, CauseCodes())
        self.manual = manual
        self.expected = expected
        self.causes = causes
        self.manualText = manualText
        self.repairedFormula = repairedFormula
    }

    public static func == (a: Finding, b: Finding) -> Bool {
        a.sheet == b.sheet && a.cell == b.cell && a.dealID == b.dealID && a.rep == b.rep && a.period == b.period
            && a.manual == b.manual && a.manualText == b.manualText && a.expected == b.expected
            && a.causes == b.causes && a.explanation == b.explanation && a.isDerived == b.isDerived
            && a.repairedFormula == b.repairedFormula && a.isInput == b.isInput && a.precedents == b.precedents
            && a.lookedUpBy == b.lookedUpBy && a.owedElsewhere == b.owedElsewhere && a.wrongInput == b.wrongInput
            && a.reversesPrecedents == b.reversesPrecedents
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(sheet)
        hasher.combine(cell)
        hasher.combine(dealID)
        hasher.combine(rep)
        hasher.combine(period)
        hasher.combine(manual)
        hasher.combine(manualText)
        hasher.combine(expected)
        hasher.combine(causes)
        hasher.combine(explanation)
        hasher.combine(isDerived)
        hasher.combine(repairedFormula)
        hasher.combine(isInput)
        hasher.combine(precedents)
        hasher.combine(lookedUpBy)
        hasher.combine(owedElsewhere)
        hasher.combine(wrongInput)
        hasher.combine(reversesPrecedents)
    }

    public var cause: Cause {
        (causeCodes == .heldApart ? rare!.fields.causes!.first : causeCodes.first) ?? .unexplained
    }
    /// manual − expected (an empty or unreadable cell counts as 0).
    public var difference: Decimal { (manual ?? 0) - expected }
    /// Whether `difference` is what the sheet pays wrong. Not for a cell whose value could not be
    /// read (`unreadable` without a number, "TBD", a formula saved without its value): what it
    /// pays is unknown, so it adds nothing to the headline or to a rep's difference, and is
    /// counted apart (`Reconciliation.unknownDifferences`). An empty cell pays nothing: known.
    public var hasKnownDifference: Bool { manual != nil || cause != .unreadable }
    /// Whether `difference` is what a deal row pays beyond the plan, in money known: what a
    /// rep-period's row difference adds up (a total's is its rows', counted there).
    public var isRowPayDifference: Bool { isPay && !isDerived && hasKnownDifference }
    /// Whether the finding needs a correction (everything but `rounding`).
    public var isError: Bool { cause != .rounding }
    /// Whether `difference` is money paid, not an input's (a deal amount, as for the
    /// `amount_mismatch` of an amount cell: `isInput`). A commission worked out on a wrong amount
    /// is money paid, whatever its cause. A clawback no row takes back is reported at its deal's
    /// input cell (`isInput`: never overwritten), and is money paid all the same; so is the
    /// figure of a row whose rep no one on the roster is (`wrong_rep`, kept: the roster may lack
    /// the rep).
    public var isPay: Bool { !isInput || cause == .clawbackMissed || cause == .wrongRep }
    /// A deal row's input cell (an amount, a date) whose cached value its formula does not give:
    /// no money paid, but the corrected copy caches what the formula gives.
    public var isStaleInput: Bool { isInput && cause == .staleValue }
}

extension Finding {
    /// What few findings have, and the figures and causes no word of the finding holds.
    fileprivate struct RareFields: HeldApartFields {
        var manualText: String?
        var repairedFormula: String?
        var lookedUpBy: [String]?
        var owedElsewhere: [OwedShare]?
        var wrongInput: WrongInput?
        var reversesPrecedents: Bool?
        /// Set only when the finding's own word cannot hold it.
        var manual: Decimal?
        var expected: Decimal?
        var causes: [Cause]?
    }
}

/// An input cell a wrong figure's formula reads (`Finding.wrongInput`) and what it should hold.
public struct WrongInput: Sendable, Hashable {
    /// The cell, on the finding's sheet.
    public var cell: CellAddress
    /// A number (a rate, as the sheet writes its rates: `5` for 5% in whole percent) or a text
    /// (a rep's name).
    public var value: CellValue

    public init(cell: CellAddress, value: CellValue) {
        self.cell = cell
        self.value = value
    }
}

/// What a rep is owed in a period for a line the workbook credits to someone else.
public struct OwedShare: Sendable, Hashable {
    public var rep: String
    public var period: Period?
    public var amount: Decimal

    public init(rep: String, period: Period?, amount: Decimal) {
        self.rep = rep
        self.period = period
        self.amount = amount
    }
}

/// What reconciling a workbook found, ranked by money.
public struct Reconciliation: Sendable {
    public var findings: [Finding]
    public var statement: Statement
    /// What was mapped to what, for the report's first lines.
    public var mappingNotes: [String]
    /// What a summary sheet pays each rep in each period (its most final figure: payable, else
    /// earned, else commission) beside the engine's figure for it, by the rep's roster id.
    public var sheetTotals: [RepPeriod: SheetTotal] = [:]
    /// Deal rows left out of the statement because a value could not be read (each has an
    /// `unreadable` finding); a payroll from this statement would not pay them.
    public var skippedRows: [Int] = []
    /// Deal rows whose rep no one on the roster is (each has a `wrong_rep` finding), by sheet row
    /// with the rep they name; a payroll from this statement would not pay them.
    public var rowsOfUnknownReps: [(row: Int, rep: String)] = []
    /// The deals sheets whose commission column could not be read, two or more columns naming
    /// it alike (`ColumnMapping.tied`), each with those columns' headers: their rows' commissions
    /// were compared with nothing, and the headline says so rather than "no errors".
    public var commissionsUnread: [(sheet: String, headers: [String])] = []

    /// What the report says of a deals sheet of `commissionsUnread`, the text's and the JSON's alike.
    public static func commissionUnreadMessage(sheet: String, headers: [String]) -> String {
        "no deal row's commission on '\(sheet)' was compared: "
            + headers.map { "'\($0)'" }.joined(separator: " and ") + " could each be it"
    }
    /// The deal lines the engine calculated (names resolved to roster ids, copied rows left
    /// out), when the reconcile was asked to keep them; empty otherwise.
    public var lines: [CreditLine] = []

    public var errors: [Finding] { findings.filter(\.isError) }

    /// Σ (manual − expected) of the wrong figures, each counted once: a total counts only what
    /// its own difference adds to the wrong cells it adds up (plan-format.md §7, "The headline").
    /// Positive means the sheet overpays.
    public var netOverpayment: Decimal { netOverpayment(counting: headlineDifferences) }

    /// `netOverpayment` from `contributions`, the `headlineDifferences` a caller has at hand
    /// (working them out walks every finding's precedents).
    public func netOverpayment(counting contributions: [Int: Decimal]) -> Decimal {
        findings.indices.reduce(Decimal(0)) { $0 + (contributions[$1] ?? 0) }
    }

    /// The wrong pay figures whose difference is unknown (see `Finding.hasKnownDifference`): the
    /// headline leaves them out and says how many there are.
    public var unknownDifferences: Int {
        findings.count { $0.isError && $0.isPay && !$0.hasKnownDifference }
    }
}

/// One rep-period figure of a summary sheet, and the engine's for the same field.
public struct SheetTotal: Sendable, Hashable {
    public var manual: Decimal
    public var expected: Decimal

    public init(manual: Decimal, expected: Decimal) {
        self.manual = manual
        self.expected = expected
    }
}

extension Finding {
    /// Sorts `findings` the largest difference first (in size, either way), then by sheet and
    /// cell; findings alike in all three keep their order. Each difference is computed once, and
    /// compared on integers where it is small (`Decimal.order`): ten thousand findings are sorted
    /// with some 130,000 comparisons.
    static func sortByCost(_ findings: inout [Finding]) {
        let sizes = findings.map { $0.difference.magnitude }
        var order = Array(findings.indices)
        order.sort { a, b in
            switch Decimal.order(sizes[a], sizes[b]) {
            case .orderedDescending: true
            case .orderedAscending: false
            case .orderedSame: (findings[a].sheet, findings[a].cell) < (findings[b].sheet, findings[b].cell)
            }
        }
        findings = order.map { findings[$0] }
    }
}
