import Commission
import Foundation
import Parallel
import Reconciliation
import Spreadsheet

/// What `trueup reconcile --format json` prints and `trueup correct --findings` reads back: the
/// findings (plan-format.md section 4), a summary, and what applying them later needs — the
/// workbook's SHA-256 (so a correction is never applied to another or an edited workbook), the
/// plan's calendar, every rep-period's figures and what a summary sheet paid.
///
/// One definition serves both directions, so what one command writes the other reads.
public struct FindingsDocument: Codable, Sendable {
    public var workbook: WorkbookIdentity
    public var findings: [FindingRecord]
    public var summary: Summary
    public var currency: String
    /// The plan's period length and the month its fiscal year starts, to read periods back.
    public var periodKind: String
    public var fiscalYearStart: Int
    public var reps: [RepFigures]
    public var sheetTotals: [SheetTotalRecord]
    /// What the run could not compare, which no finding says (plan-format.md §7, "Reported
    /// conditions": `{code, …, message}` as a statement's issues): a deals sheet whose commission
    /// column could not be chosen among columns naming it alike. Written only when there are some.
    @OmittedWhenDefault public var issues: [IssueRecord] = []

    enum CodingKeys: String, CodingKey {
        case workbook, findings, summary, currency
        case periodKind = "period_kind"
        case fiscalYearStart = "fiscal_year_start"
        case reps
        case sheetTotals = "sheet_totals"
        case issues
    }

    /// A condition of the run no finding states, in the shape of a statement's issues: its code,
    /// the sheet and the columns it concerns, and the sentence the text report says.
    public struct IssueRecord: Codable, Sendable, Hashable {
        /// `commission_unread`: no deal row's commission on `sheet` was compared, for `columns`
        /// could each be the commission column.
        public var code: String
        public var sheet: String
        public var columns: [String]
        public var message: String

        /// The code of a deals sheet whose commission column could not be read.
        public static let commissionUnread = "commission_unread"
    }

    /// The file a reconciliation read: its name and the SHA-256 of its bytes, in hex.
    public struct WorkbookIdentity: Codable, Sendable, Hashable {
        public var file: String
        public var sha256: String

        /// The identity of the file at `path`, under `name` (default: the file's name).
        public init(reading path: String, name: String? = nil) throws {
            file = name ?? (path as NSString).lastPathComponent
            sha256 = try FileDigest.sha256(of: path)
        }

        public init(file: String, sha256: String) {
            self.file = file
            self.sha256 = sha256
        }
    }

    public struct FindingRecord: Codable, Sendable, Hashable {
        public var sheet: String
        public var cell: String
        public var row: Int
        public var dealID: String?
        public var rep: String?
        public var period: String?
        /// The cell's value when it was read: a plain decimal, or its text when not a number.
        public var manual: String?
        public var manualIsText: Bool
        public var expected: MoneyText
        public var difference: MoneyText
        public var cause: Cause
        public var causes: [Cause]
        public var derived: Bool
        public var explanation: String
        /// A total's formula with its ranges repaired (`sum_range`), when it has one.
        public var formula: String?
        /// The cell is an input of the calculation (an amount or date that could not be read, an
        /// amount the trusted source books otherwise): reported, never overwritten.
        public var input = false
        /// For a total: the wrong cells it adds up, each a finding of the document (`[]` for a
        /// cell that is not a total; nil only in a document written before precedents existed).
        public var precedents: [CellRecord]? = []
        /// What the finding adds to `summary.net_overpayment`: its difference less its
        /// precedents' (null for a finding that is not a pay error, or whose difference is unknown:
        /// a cell that could not be read, counted in `summary.unknown_differences`).
        public var countedDifference: MoneyText? = nil
        /// For a `wrong_rep` row: what the reps the trusted source credits the deal to are owed
        /// for it (`Finding.owedElsewhere`); written only when there are some.
        @OmittedWhenDefault public var owedElsewhere: [OwedRecord] = []
        /// The input cell of the figure's row its formula reads wrong, and what it should hold
        /// (`Finding.wrongInput`); written only when there is one.
        @OmittedWhenDefault public var wrongInput: InputRecord? = nil

        enum CodingKeys: String, CodingKey {
            case sheet, cell, row
            case dealID = "deal_id"
            case rep, period, manual
            case manualIsText = "manual_is_text"
            case expected, difference, cause, causes, derived, explanation, formula, input, precedents
            case countedDifference = "counted_difference"
            case owedElsewhere = "owed_elsewhere"
            case wrongInput = "wrong_input"
        }
    }

    /// An input cell on a finding's sheet and what it should hold: a plain decimal, or a text.
    public struct InputRecord: Codable, Sendable, Hashable {
        public var cell: String
        public var value: String
        @OmittedWhenDefault public var valueIsText = false

        enum CodingKeys: String, CodingKey {
            case cell, value
            case valueIsText = "value_is_text"
        }
    }

    /// What a rep is owed in a period for a deal the workbook credits to someone else.
    public struct OwedRecord: Codable, Sendable, Hashable {
        public var rep: String
        public var period: String?
        public var amount: MoneyText
    }

    /// A cell of the workbook: a finding's place.
    public struct CellRecord: Codable, Sendable, Hashable {
        public var sheet: String
        public var cell: String
    }

    /// The headline: each wrong figure counted once (plan-format.md §7, "The headline").
    public struct Summary: Codable, Sendable, Hashable {
        /// The wrong figures: every finding to correct but the totals wholly explained by the
        /// wrong cells they add up (those are `derived_totals`, reported with their precedents).
        public var errors: Int
        public var rounding: Int
        /// Totals wrong only because of the wrong cells they add up: not counted in `errors`
        /// (0 in a summary written before they existed).
        @DefaultWhenAbsent public var derivedTotals = 0
        /// Σ `counted_difference` of the findings: each wrong figure once, a total only for what it
        /// adds beyond the wrong cells it adds up. Positive means the sheet overpays.
        public var netOverpayment: MoneyText
        /// Wrong pay cells whose value could not be read ("TBD", a formula saved without its
        /// value): what they pay is unknown, so `net_overpayment` leaves them out. Written only
        /// when there are some; absent means 0.
        @DefaultWhenAbsent public var unknownDifferences = 0
        /// The `errors`, by main cause.
        public var byCause: [String: Int]

        enum CodingKeys: String, CodingKey {
            case errors, rounding
            case derivedTotals = "derived_totals"
            case netOverpayment = "net_overpayment"
            case unknownDifferences = "unknown_differences"
            case byCause = "by_cause"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(errors, forKey: .errors)
            try container.encode(rounding, forKey: .rounding)
            try container.encode(derivedTotals, forKey: .derivedTotals)
            try container.encode(netOverpayment, forKey: .netOverpayment)
            if unknownDifferences > 0 { try container.encode(unknownDifferences, forKey: .unknownDifferences) }
            // Causes in code order, so the same findings print the same text.
            var causes = container.nestedContainer(keyedBy: AnyKey.self, forKey: .byCause)
            for key in byCause.keys.sorted() { try causes.encode(byCause[key]!, forKey: AnyKey(key)) }
        }
    }

    /// One rep-period as the engine computed it, and the sum of the workbook's row-level pay
    /// errors in it (what declining all of them would leave the workbook paying beyond `payable`).
    public struct RepFigures: Codable, Sendable, Hashable {
        public var rep: String
        public var name: String?
        public var period: String
        public var earned: MoneyText
        public var payable: MoneyText
        public var difference: MoneyText
    }

    public struct SheetTotalRecord: Codable, Sendable, Hashable {
        public var rep: String
        public var period: String
        public var manual: MoneyText
        public var expected: MoneyText
    }
}

/// A coding key for keys that are data (causes in `by_cause`).
struct AnyKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension FindingsDocument {
    /// The document for a reconciliation of the workbook `identity` names.
    public init(_ reconciliation: Reconciliation, plan: Plan, workbook identity: WorkbookIdentity) {
        let errors = reconciliation.errors
        let figures = reconciliation.wrongFigures
        let counted = reconciliation.headlineDifferences
        let rowErrors = errors.filter(\.isRowPayDifference)
        var differences: [RepPeriod: Decimal] = [:]
        for finding in rowErrors {
            guard let rep = finding.rep, let period = finding.period else { continue }
            differences[RepPeriod(rep: rep, period: period), default: 0] += finding.difference
        }
        // A wrong rep's row: the reps the deal belongs to are owed what it pays no one of them.
        for finding in rowErrors {
            for share in finding.owedElsewhere {
                guard let period = share.period else { continue }
                differences[RepPeriod(rep: share.rep, period: period), default: 0] -= share.amount
            }
        }
        self.init(
            workbook: identity,
            findings: Self.records(of: reconciliation.findings, counted: counted),
            summary: Summary(
                errors: figures.count, rounding: reconciliation.findings.count - errors.count,
                derivedTotals: errors.count - figures.count,
                netOverpayment: reconciliation.netOverpayment(counting: counted).money,
                unknownDifferences: reconciliation.unknownDifferences,
                byCause: Dictionary(grouping: figures, by: \.cause.rawValue).mapValues(\.count)),
            currency: reconciliation.statement.currency, periodKind: plan.period.rawValue,
            fiscalYearStart: plan.fiscalYearStart,
            reps: reconciliation.statement.reps.map { total in
                RepFigures(
                    rep: total.rep, name: total.name, period: total.period.description, earned: total.earned.money,
                    payable: total.payable.money,
                    difference: (differences[RepPeriod(rep: total.rep, period: total.period)] ?? 0).money)
            },
            sheetTotals: reconciliation.sheetTotals.keys.sorted().map { key in
                SheetTotalRecord(
                    rep: key.rep, period: key.period.description, manual: reconciliation.sheetTotals[key]!.manual.money,
                    expected: reconciliation.sheetTotals[key]!.expected.money)
            },
            issues: reconciliation.commissionsUnread.map {
                IssueRecord(
                    code: IssueRecord.commissionUnread, sheet: $0.sheet, columns: $0.headers,
                    message: Reconciliation.commissionUnreadMessage(sheet: $0.sheet, headers: $0.headers))
            })
    }

    /// The findings' records, in order: on all cores when there are many (a wrong total of a
    /// million-row sheet names a few hundred precedents, each a text), but not so many that the
    /// pieces and their join, held at once, weigh on memory (a ten-million-row sheet's).
    static func records(of findings: [Finding], counted: [Int: Decimal]) -> [FindingRecord] {
        let chunks = renderedApartCounts.contains(findings.count) ? chunkCount(items: findings.count, minimum: 0) : 1
        return Array(
            inParallel(chunks: chunks) { chunk in
                chunkRange(chunk, of: chunks, total: findings.count).map {
                    FindingRecord(findings[$0], counted: counted[$0])
                }
            }.joined())
    }

    /// Reads the document `trueup reconcile --format json` printed; a finding may have been
    /// removed from it (a reviewer declining a correction). Errors name the file and what is wrong.
    public init(json data: Data, file: String) throws {
        do {
            self = try JSONDecoder().decode(FindingsDocument.self, from: data)
        } catch let error as DecodingError {
            throw SpreadsheetError(
                Location(file: file), "not the JSON of `trueup reconcile --format json`: \(error.reason)")
        } catch {
            throw SpreadsheetError(Location(file: file), "not JSON: \(error.localizedDescription)")
        }
    }

    /// The period `label` names in the plan's calendar the periods are written in: one of the
    /// plan's, or a year (a yearly summary's figure beside a plan of quarters or months).
    public func period(_ label: String, file: String, what: String) throws -> Period {
        guard let kind = PeriodKind(rawValue: periodKind),
            let period = Period(label: label, kind: kind, fiscalYearStart: fiscalYearStart)
                ?? Period(label: label, kind: .year, fiscalYearStart: fiscalYearStart)
        else { throw SpreadsheetError(Location(file: file), "\(what): '\(label)' is not a \(periodKind) period") }
        return period
    }

    /// Functions that reach outside the workbook (a link, a web request, a DLL, a real-time or
    /// cube server), which no formula trueup repairs calls: written live into a workbook they
    /// would act when it is opened.
    static let outsideFunctions: Set<String> = [
        "HYPERLINK", "WEBSERVICE", "FILTERXML", "CALL", "REGISTER", "REGISTER.ID", "EXEC", "RTD", "DDE",
        "CUBEMEMBER", "CUBEVALUE", "CUBESET", "CUBESETCOUNT", "CUBERANKEDMEMBER", "CUBEMEMBERPROPERTY", "CUBEKPIMEMBER",
        "IMAGE", "STOCKHISTORY", "INFO",
    ]

    /// How `formula`, a finding's formula in a document, reaches outside the workbook, nil when it
    /// does not: the cell takes it as a live formula, so a document edited by hand must not give a
    /// workbook a call outside it (`HYPERLINK`, `WEBSERVICE`, a DDE link `cmd|' /C calc'!A0`, another
    /// file), nor a text written as a formula's (`=` first).
    static func outsideReach(of formula: String) -> String? {
        if formula.hasPrefix("=") { return "it starts with '='" }
        if formula.count > 8192 { return "it is \(formula.count) characters long" }
        // What stands outside quoted text.
        var outsideQuotes = ""
        var quoted = false
        for character in formula {
            if character == "\"" { quoted.toggle() } else if !quoted { outsideQuotes.append(character) }
        }
        if outsideQuotes.contains("|") { return "it holds a '|', a link to another program" }
        // `[Book.xlsx]Sheet1!A1` or `'[1]Sheet1'!A1`; a table's `Deals[Amount]` names no sheet.
        if outsideQuotes.range(of: #"\[[^\[\]]*\][^\[\]!(),]*!"#, options: .regularExpression) != nil {
            return "it reads another workbook"
        }
        var name = ""
        for character in outsideQuotes {
            if character.isLetter || character.isNumber || character == "_" || character == "." {
                name.append(character)
                continue
            }
            // `_xlfn.WEBSERVICE` is `WEBSERVICE`.
            let function = name.uppercased().split(separator: ".").last.map(String.init) ?? ""
            if character == "(",
                Self.outsideFunctions.contains(function) || Self.outsideFunctions.contains(name.uppercased())
            {
                return "it calls \(name)"
            }
            name = ""
        }
        return nil
    }

    /// The findings as the reconciler's values.
    public func domainFindings(file: String) throws -> [Finding] {
        try findings.enumerated().map { index, record in
            let what = "finding \(index + 1)"
            guard let cell = CellAddress(record.cell) else {
                throw SpreadsheetError(Location(file: file), "\(what): '\(record.cell)' is not a cell")
            }
            let manual: Decimal? =
                record.manualIsText
                ? nil : record.manual.flatMap { if case .value(let n) = Decimal.parse($0) { n } else { nil } }
            if let formula = record.formula, let reason = Self.outsideReach(of: formula) {
                throw SpreadsheetError(
                    Location(file: file),
                    "\(what): its formula is none trueup writes (\(reason)): "
                        + "written live, it would act when the workbook opens")
            }
            var finding = Finding(
                sheet: record.sheet, cell: cell, dealID: record.dealID, rep: record.rep,
                period: try record.period.map { try period($0, file: file, what: what) }, manual: manual,
                manualText: record.manualIsText ? record.manual : nil, expected: record.expected.value,
                causes: record.causes.isEmpty ? [record.cause] : record.causes, explanation: record.explanation,
                isDerived: record.derived, repairedFormula: record.formula)
            // A document written before an amount cell's `amount_mismatch` was marked an input
            // says so by counting it nowhere: it is the amount cell's, not money paid.
            finding.isInput = record.input || (record.cause == .amountMismatch && record.countedDifference == nil)
            finding.owedElsewhere = try record.owedElsewhere.map { owed in
                OwedShare(
                    rep: owed.rep, period: try owed.period.map { try period($0, file: file, what: what) },
                    amount: owed.amount.value)
            }
            finding.precedents = try (record.precedents ?? []).map { place in
                guard let cell = CellAddress(place.cell) else {
                    throw SpreadsheetError(Location(file: file), "\(what): precedent '\(place.cell)' is not a cell")
                }
                return CellPlace(sheet: place.sheet, cell: cell)
            }
            finding.wrongInput = try record.wrongInput.map { input in
                var value: CellValue?
                if input.valueIsText {
                    value = .text(input.value)
                } else if case .value(let number) = Decimal.parse(input.value) {
                    value = .number(number)
                }
                guard let cell = CellAddress(input.cell), let value else {
                    throw SpreadsheetError(
                        Location(file: file),
                        "\(what): wrong input '\(input.cell)' = '\(input.value)' is not a cell's value")
                }
                return WrongInput(cell: cell, value: value)
            }
            return finding
        }
    }
}

extension FindingsDocument.FindingRecord {
    init(_ finding: Finding, counted: Decimal?) {
        self.init(
            sheet: finding.sheet, cell: finding.cell.description, row: finding.cell.row, dealID: finding.dealID,
            rep: finding.rep, period: finding.period?.description,
            manual: finding.manualText ?? finding.manual?.moneyText, manualIsText: finding.manualText != nil,
            expected: finding.expected.money, difference: finding.difference.money, cause: finding.cause,
            causes: finding.causes, derived: finding.isDerived, explanation: finding.explanation,
            formula: finding.repairedFormula, input: finding.isInput,
            precedents: finding.precedents.map { .init(sheet: $0.sheet, cell: $0.cell.description) },
            countedDifference: counted?.money,
            owedElsewhere: finding.owedElsewhere.map {
                .init(rep: $0.rep, period: $0.period?.description, amount: $0.amount.money)
            },
            wrongInput: finding.wrongInput.flatMap { input in
                switch input.value {
                case .number(let number): .init(cell: input.cell.description, value: number.plainText)
                case .text(let text): .init(cell: input.cell.description, value: text, valueIsText: true)
                default: nil
                }
            })
    }
}

extension DecodingError {
    /// What is wrong and where, in one line.
    var reason: String {
        func path(_ context: Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "" : " at \(keys.hasPrefix(".") ? String(keys.dropFirst()) : keys)"
        }
        switch self {
        case .keyNotFound(let key, let context): return "'\(key.stringValue)' is missing\(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return context.debugDescription + path(context)
        @unknown default: return "unreadable"
        }
    }
}

extension FindingsDocument.FindingRecord: RenderedApart {}
