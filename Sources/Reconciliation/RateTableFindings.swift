import Commission
import Formula
import Foundation
import Ingest
import Spreadsheet

/// Rates that come from a rate table: a row paid at a rate the plan does not give it, whose rate
/// cell looks its rate up (`VLOOKUP`, `XLOOKUP`, `INDEX`/`MATCH`, nested `IF`s, …), is traced to
/// the table cell it reads. When that cell holds another rate than the plan gives every row that
/// reads it, the table cell is the error: a finding of its own, naming the rows it spoils, which
/// stand right under it in the report.
enum RateTableFindings {
    /// How many correct rows with the table cell's rate are traced, at most, to make sure none of
    /// them reads the cell (a cell that serves correct rows is right; the wrong rows chose it wrongly).
    static let correctRowsChecked = 2_000

    /// The wrong table cells behind `findings`' rows; each row they spoil gets a line saying so.
    static func compute(_ context: RowContext, findings: inout [Finding], workbook: FormulaWorkbook?) -> [Finding] {
        guard let workbook else { return [] }
        var places: [CellPlace: Int] = [:]
        for (position, finding) in findings.enumerated()
        where finding.isError && !finding.isDerived && finding.dealID != nil {
            places[CellPlace(sheet: finding.sheet, cell: finding.cell)] = position
        }
        guard !places.isEmpty else { return [] }
        let findingAt = FindingsByRow(places, deals: context.deals)
        let sources = ValueSources(workbook)
        let parameters = parameterFindings(
            context, findings: &findings, findingAt: findingAt, workbook: workbook, sources: sources)
        /// The rate cell of a line, when it is a formula: the sheet's index and the cell.
        func rateCell(_ index: Int) -> (sheet: Int, address: CellAddress)? {
            let line = context.deals.lines[index]
            guard let column = context.deals.mapping(ofRow: line.row).columns[.rate] else { return nil }
            let (name, row) = context.place(line.row)
            guard let sheet = workbook.sheet(named: name) else { return nil }
            let address = CellAddress(row: row, column: column)
            return sources.formula(sheet: sheet, at: address) == nil ? nil : (sheet, address)
        }
        var suspects: [(index: Int, finding: Int, cell: (sheet: Int, address: CellAddress))] = []
        for index in context.deals.lines.indices {
            let row = context.deals.lines[index].row
            guard findingAt.holdsAny(row), let commission = context.deals.manual[index].commission,
                let finding = findingAt[row, commission.column],
                let cell = rateCell(index)
            else { continue }
            suspects.append((index, finding, cell))
        }
        guard !suspects.isEmpty else { return parameters }
        let engine = context.engine
        var groups: [String: (source: (sheet: Int, address: CellAddress), rows: [(finding: Int, rate: Decimal)])] = [:]
        var order: [String] = []
        for suspect in suspects {
            let line = context.deals.lines[suspect.index]
            guard let planRates = engine[line.row]?.line?.rates, planRates.count == 1,
                let manual = context.manualRate(suspect.index),
                manual != planRates[0],
                let source = sources.source(sheet: suspect.cell.sheet, at: suspect.cell.address),
                source.sheet != suspect.cell.sheet || source.address.row != suspect.cell.address.row
            else { continue }
            let key = "\(source.sheet)|\(source.address)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: (source, [])].rows.append((suspect.finding, planRates[0]))
        }
        let bandRates = context.plan.commission.tiers.bands.map(\.rate)
        var tableFindings: [Finding] = []
        for key in order {
            let group = groups[key]!
            guard
                case .number(let written) = workbook.sheets[group.source.sheet][
                    group.source.address.row,
                    group.source.address.column],
                // The table is written as the rate cells are (`5` for 5% in a whole-percent sheet).
                case let held = written * context.rateScale,
                let planRate = group.rows.first?.rate, group.rows.allSatisfy({ $0.rate == planRate }), held != planRate,
                !lineIsRight(group.source, held: held, planRate: planRate, context: context, workbook: workbook),
                !servesCorrectRows(
                    group.source, rate: held, context: context, sources: sources, rateCell: rateCell,
                    besides: Set(suspects.map(\.index)))
            else { continue }
            let sheetName = workbook.sheets[group.source.sheet].name
            tableFindings.append(
                spoiling(
                    (sheetName, group.source.address), written: written, scale: context.rateScale, held: held,
                    planRate: planRate, rows: group.rows.map(\.finding), findings: &findings,
                    words: ("the rate table holds", "look it up", "looked up from"), isBand: bandRates.contains(held)))
        }
        return parameters + tableFindings
    }

    /// A rate kept in one cell that the commission formulas read (`=ROUND(D5*$H$1,2)`,
    /// `=D5*Rate`) on a sheet without a rate column, or that they look up as they go
    /// (`=ROUND(E5*VLOOKUP(D5,Rates!$A$2:$B$6,2,FALSE),2)`: `ValueSources.lookedUp`): when the
    /// rows reading it are paid at its rate (as a fraction, or in whole percent), a rate the plan
    /// gives none of them, and no correct row reads it, that cell is the error, found and told as
    /// a rate table's cell is. A looked-up cell whose table line is right as it stands
    /// (`lineIsRight`: the rows read the wrong column or band of a right table) is no error of its.
    private static func parameterFindings(
        _ context: RowContext, findings: inout [Finding], findingAt: FindingsByRow, workbook: FormulaWorkbook,
        sources: ValueSources
    ) -> [Finding] {
        typealias Parameter = (sheet: Int, address: CellAddress, value: Decimal, lookedUp: Bool)
        /// The parameter the commission formula of line `index` reads, or else looks up, on a sheet
        /// without a rate column.
        func parameter(_ index: Int) -> Parameter? {
            let line = context.deals.lines[index]
            guard context.deals.mapping(ofRow: line.row).columns[.rate] == nil,
                let commission = context.deals.manual[index].commission, commission.hasFormula
            else { return nil }
            let (name, row) = context.place(line.row)
            guard let sheet = workbook.sheet(named: name) else { return nil }
            let address = CellAddress(row: row, column: commission.column)
            if let read = sources.parameter(sheet: sheet, at: address) {
                return (read.sheet, read.address, read.value, false)
            }
            return sources.lookedUp(sheet: sheet, at: address).map { ($0.sheet, $0.address, $0.value, true) }
        }
        var groups: [String: (cell: Parameter, scale: Decimal, rows: [(finding: Int, rate: Decimal)])] = [:]
        var order: [String] = []
        var wrong = Set<Int>()
        for index in context.deals.lines.indices where findingAt.holdsAny(context.deals.lines[index].row) {
            let line = context.deals.lines[index]
            guard let commission = context.deals.manual[index].commission,
                let finding = findingAt[line.row, commission.column], let manual = findings[finding].manual,
                let planRates = context.engine[line.row]?.line?.rates, planRates.count == 1,
                let cell = parameter(index), Decimal.less(0, cell.value), !Decimal.less(100, cell.value)
            else { continue }
            // The rate as the formula uses it: the cell's number, or its hundredth.
            guard
                let scale = [Decimal(1), Decimal(string: "0.01")!].first(where: {
                    context.matchesComputed(manual, line.credit * cell.value * $0)
                }), cell.value * scale != planRates[0], !Decimal.less(1, cell.value * scale)
            else { continue }
            wrong.insert(index)
            let key = "\(cell.sheet)|\(cell.address)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: (cell, scale, [])].rows.append((finding, planRates[0]))
        }
        let bandRates = context.plan.commission.tiers.bands.map(\.rate)
        var result: [Finding] = []
        for key in order {
            let group = groups[key]!
            let held = group.cell.value * group.scale
            guard let planRate = group.rows.first?.rate, group.rows.allSatisfy({ $0.rate == planRate }),
                !group.cell.lookedUp
                    || !lineIsRight(
                        (group.cell.sheet, group.cell.address), held: held, planRate: planRate, context: context,
                        workbook: workbook)
            else {
                continue
            }
            // A cell that also serves a row paid right is right for it.
            var checked = 0
            var serves = false
            for index in context.deals.lines.indices where checked < correctRowsChecked && !wrong.contains(index) {
                guard let cell = parameter(index) else { continue }
                checked += 1
                if cell.sheet == group.cell.sheet && cell.address == group.cell.address {
                    serves = true
                    break
                }
            }
            guard !serves else { continue }
            let sheetName = workbook.sheets[group.cell.sheet].name
            result.append(
                spoiling(
                    (sheetName, group.cell.address), written: group.cell.value, scale: group.scale, held: held,
                    planRate: planRate, rows: group.rows.map(\.finding), findings: &findings,
                    words: ("the rate cell holds", "read it", "read from"), isBand: bandRates.contains(held)))
        }
        return result
    }

    /// The finding at the cell (`place`: its sheet's name and address) holding `written`, the
    /// rate `held` (`written` times `scale`) where the plan's is `planRate`, for the rows of
    /// `rows` (positions in `findings`), each of which is told where its rate comes from.
    /// `words`: what the cell holds, what the rows do with it, where their rate is taken.
    private static func spoiling(
        _ place: (sheet: String, address: CellAddress), written: Decimal, scale: Decimal, held: Decimal,
        planRate: Decimal, rows: [Int], findings: inout [Finding], words: (holds: String, read: String, from: String),
        isBand: Bool
    ) -> Finding {
        let text = "\(Location.quotedSheetName(place.sheet))!\(place.address)"
        let named = rows.prefix(12).map { "\(Location.quotedSheetName(findings[$0].sheet))!\(findings[$0].cell)" }
        var finding = Finding(
            sheet: place.sheet, cell: place.address, dealID: nil, rep: nil, period: nil, manual: written,
            manualText: nil, expected: planRate / scale, causes: [isBand ? .wrongTier : .wrongRate],
            explanation:
                "\(words.holds) \(held.percentText), the plan's rate is \(planRate.percentText); "
                + "\(rows.count) row\(rows.count == 1 ? "" : "s") \(words.read): "
                + named.joined(separator: ", ") + (rows.count > named.count ? ", …" : ""),
            isDerived: false)
        finding.lookedUpBy = rows.map { "\(findings[$0].sheet)|\(findings[$0].cell)" }
        for row in rows {
            findings[row].explanation +=
                "; the rate is \(words.from) \(text) (\(held.percentText)), the plan's \(planRate.percentText)"
        }
        return finding
    }

    /// Whether the table's line through `cell` is right as it stands, so the rows reading it
    /// looked up the wrong part of a right table (an error of theirs, which a correction must not
    /// write into the table): the line holds the plan's rate for those rows (`planRate`, as the
    /// sheet writes it) in another cell (a wrong column index), or holds its own rate (`held`)
    /// beside the threshold the plan gives that rate (an approximate lookup over an unsorted
    /// table picking another band's line). The line is the cells either side of `cell` up to a
    /// blank one.
    static func lineIsRight(
        _ cell: (sheet: Int, address: CellAddress), held: Decimal, planRate: Decimal, context: RowContext,
        workbook: FormulaWorkbook
    ) -> Bool {
        let grid = workbook.sheets[cell.sheet]
        let row = cell.address.row
        var numbers: [Decimal] = []
        for step in [-1, 1] {
            var column = cell.address.column + step
            while column >= 1, column <= grid.maxColumn {
                if case .blank = grid[row, column] { break }
                if case .number(let value) = grid[row, column] { numbers.append(value) }
                column += step
            }
        }
        let tiers = context.plan.commission.tiers
        // A threshold as a sheet may write it: the plan's figure, or an attainment in percent.
        let thresholds = Set(
            tiers.bands.filter { $0.rate == held }.flatMap {
                tiers.metric == .attainment ? [$0.from, $0.from * 100] : [$0.from]
            })
        return numbers.contains { $0 * context.rateScale == planRate }
            || (!thresholds.isEmpty && numbers.contains { thresholds.contains($0) })
    }

    /// Whether a correct row whose rate is `rate` reads its rate from `source`: then the cell is
    /// right for it, and the wrong rows picked the wrong line of the table.
    private static func servesCorrectRows(
        _ source: (sheet: Int, address: CellAddress), rate: Decimal, context: RowContext, sources: ValueSources,
        rateCell: (Int) -> (sheet: Int, address: CellAddress)?, besides wrong: Set<Int>
    ) -> Bool {
        var checked = 0
        for index in context.deals.lines.indices where checked < correctRowsChecked && !wrong.contains(index) {
            guard context.manualRate(index) == rate,
                let cell = rateCell(index)
            else { continue }
            checked += 1
            guard let found = sources.source(sheet: cell.sheet, at: cell.address),
                found.sheet == source.sheet, found.address == source.address
            else { continue }
            return true
        }
        return false
    }

    /// Puts each rate table finding right before the first row it spoils, and the rows it spoils
    /// (in the order they had) right after it.
    static func group(_ findings: inout [Finding]) {
        var tableOf: [String: Int] = [:]
        for (position, finding) in findings.enumerated() {
            for cell in finding.lookedUpBy { tableOf[cell] = position }
        }
        guard !tableOf.isEmpty else { return }
        var placed = Set<Int>()
        var result: [Finding] = []
        result.reserveCapacity(findings.count)
        for (position, finding) in findings.enumerated() where !placed.contains(position) {
            if let table = tableOf["\(finding.sheet)|\(finding.cell)"], !placed.contains(table) {
                placed.insert(table)
                result.append(findings[table])
                let spoiled = Set(findings[table].lookedUpBy)
                for (other, row) in findings.enumerated()
                where !placed.contains(other) && spoiled.contains("\(row.sheet)|\(row.cell)") {
                    placed.insert(other)
                    result.append(row)
                }
                continue
            }
            if finding.lookedUpBy.isEmpty {
                placed.insert(position)
                result.append(finding)
            }
        }
        findings = result
    }
}

/// The positions of findings at cells of the deals' rows, found from a line's row
/// (`DealsTable.rowKey`) and a column as `CellPlace(sheet: context.place(row).sheet, cell: …)`
/// finds them, without making and hashing the sheet's name for each of a million rows; most rows
/// hold none, and are told so from a bit.
struct FindingsByRow {
    /// Per sheet ordinal of the deals, and last for the rows of no ordinal of theirs (named
    /// after a CSV's file), the findings on the sheet of that name, by cell.
    private let onSheet: [[CellAddress: Int]]
    /// Per entry of `onSheet`, a bit per sheet row up to its last finding's: set for a row with one.
    private let marked: [[UInt64]]

    /// `positions`: findings' positions by place.
    init(_ positions: [CellPlace: Int], deals: DealsTable) {
        // Each finding filed once under every entry of its sheet's name (a tab per rep is
        // hundreds of sheets, each of which would pass over every finding).
        var entriesNamed: [String: [Int]] = [:]
        for ordinal in 0...deals.sheets.count {
            entriesNamed[deals.sheetName(ofRow: DealsTable.rowKey(sheet: ordinal, row: 0)), default: []].append(ordinal)
        }
        var onSheet = [[CellAddress: Int]](repeating: [:], count: deals.sheets.count + 1)
        for (place, position) in positions {
            for entry in entriesNamed[place.sheet] ?? [] { onSheet[entry][place.cell] = position }
        }
        self.onSheet = onSheet
        marked = onSheet.map { found in
            var bits = [UInt64](repeating: 0, count: (found.keys.map(\.row).max() ?? -1) / 64 + 1)
            for cell in found.keys where cell.row >= 0 { bits[cell.row >> 6] |= 1 << UInt64(cell.row & 63) }
            return bits
        }
    }

    /// The entry of `onSheet` for a line's `row`.
    private func sheet(of row: Int) -> Int {
        let ordinal = DealsTable.sheetOrdinal(row)
        return ordinal >= 0 && ordinal < onSheet.count - 1 ? ordinal : onSheet.count - 1
    }

    /// Whether some finding stands on the line's `row` (`DealsTable.rowKey`).
    func holdsAny(_ row: Int) -> Bool {
        let (bits, own) = (marked[sheet(of: row)], DealsTable.sheetRow(row))
        return own >> 6 < bits.count && bits[own >> 6] & 1 << UInt64(own & 63) != 0
    }

    /// The position of the finding at `column` of the line's `row`, nil when there is none.
    subscript(row: Int, column: Int) -> Int? {
        onSheet[sheet(of: row)][CellAddress(row: DealsTable.sheetRow(row), column: column)]
    }
}
