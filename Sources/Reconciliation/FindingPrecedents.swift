import Commission
import Formula
import Foundation
import Spreadsheet

/// A cell of the workbook, by sheet name and address.
public struct CellPlace: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var sheet: String
    public var cell: CellAddress

    public init(sheet: String, cell: CellAddress) {
        self.sheet = sheet
        self.cell = cell
    }

    /// `Deals!L5`, the sheet's name quoted when it needs to be.
    public var description: String { "\(Location.quotedSheetName(sheet))!\(cell)" }

    public static func < (a: CellPlace, b: CellPlace) -> Bool { (a.sheet, a.cell) < (b.sheet, b.cell) }
}

/// Links each wrong total to the wrong cells it adds up (plan-format.md §7, "The headline").
///
/// A total with a formula is followed through its references, across sheets and through other
/// formulas, stopping at each cell that is itself a finding: those are its precedents. A total
/// that names a rep and a period keeps only the precedents of that rep and period (a SUMIFS
/// reads every rep's rows, but adds up only its own). A typed total derived from the rows has
/// the wrong rows of its rep and period as precedents.
enum FindingPrecedents {
    static func link(_ findings: inout [Finding], formulas: FormulaWorkbook?) {
        var firstAt: [CellPlace: Int] = [:]
        for (position, finding) in findings.enumerated() where finding.isError && finding.isPay {
            let place = CellPlace(sheet: finding.sheet, cell: finding.cell)
            if firstAt[place] == nil { firstAt[place] = position }
        }
        let index = firstAt
        guard index.count > 1 else { return }
        let owners = Owners(index, findings)
        var walk = formulas.map { formulas in
            // The wrong cells by sheet index (a sheet's name is compared as the findings write it).
            var accepted: [SheetCell] = []
            for (sheet, grid) in formulas.sheets.enumerated() {
                accepted += owners.cells(onSheet: grid.name).map { SheetCell(sheet, $0) }
            }
            return PrecedentWalk(formulas, accepting: accepted)
        }
        // The totals of no rep first: a rep's total asks what is beneath the cells of no rep it
        // reaches, which their own precedents say once linked.
        let wrong = findings.indices.filter { findings[$0].isError && findings[$0].isPay }
        let order = wrong.filter { findings[$0].rep == nil } + wrong.filter { findings[$0].rep != nil }
        var noRep: NoRepCells?
        for position in order {
            let total = findings[position]
            let place = CellPlace(sheet: total.sheet, cell: total.cell)
            var found: [CellPlace] = []
            if let formulas, let sheet = formulas.sheet(named: total.sheet),
                let reached = walk?.reachedCells(from: sheet, total.cell)
            {
                let readsOthers = reached.contains {
                    formulas.sheets[$0.sheet].name != total.sheet || $0.address != total.cell
                }
                // A total of a rep or period keeps the wrong cells of its own rep and period (and those
                // of no rep): looked up among those, not among every cell a SUMIFS reaches.
                if readsOthers && (total.rep != nil || total.period != nil) {
                    var candidates = owners.candidates(rep: total.rep, period: total.period)
                    if let rep = total.rep {
                        if noRep == nil { noRep = NoRepCells(owners.cellsOfNoRep, index: index, findings: findings) }
                        candidates += noRep?.cells(addedUpBy: rep) ?? []
                    }
                    found = candidates.filter { candidate in
                        candidate != place
                            && formulas.sheets.indices.contains {
                                formulas.sheets[$0].name == candidate.sheet
                                    && reached.contains(SheetCell($0, candidate.cell))
                            }
                    }
                    findings[position].precedents = found.sorted()
                    continue
                }
                found = reached.map { CellPlace(sheet: formulas.sheets[$0.sheet].name, cell: $0.address) }.filter {
                    $0 != place
                }
            }
            // A typed total row's precedents are the rows it stands for, set when it was found.
            if found.isEmpty && !total.precedents.isEmpty { continue }
            if found.isEmpty && total.isDerived {
                found = findings.filter {
                    $0.isError && $0.isPay && !$0.isDerived && $0.sheet != total.sheet
                }.map { CellPlace(sheet: $0.sheet, cell: $0.cell) }
                found = found.filter { index[$0] != nil }
            }
            // Beside the cells its formula reaches, the ones it was found to stand for (a deals
            // tab's total: the rows above it, its range short or not).
            let reachedPlaces = Set(found)
            let standsFor = total.precedents.filter { !reachedPlaces.contains($0) }
            findings[position].precedents = (found + standsFor).filter { candidate in
                guard total.rep != nil || total.period != nil, let other = index[candidate] else { return true }
                return owners.belongs(other, rep: total.rep, period: total.period)
            }.sorted()
        }
        linkMissingLines(&findings)
    }

    /// A line the workbook lacks (`missing_line`, at the trusted source's row) is in the totals
    /// of its rep and period (of every period, for a total of none), which no formula of the
    /// workbook reaches; so is a row the source credits to another rep (`wrong_rep`), in the
    /// totals of the rep it is owed to (`Finding.owedElsewhere`). A rep's total that adds up rows
    /// (one its wrong rows explain, or one that adds up some) adds it up too, so that the
    /// headline counts its money once.
    private static func linkMissingLines(_ findings: inout [Finding]) {
        var owed: [(rep: String, period: Period?, place: CellPlace)] = []
        for line in findings where line.isError && !line.isDerived {
            let place = CellPlace(sheet: line.sheet, cell: line.cell)
            if line.cause == .missingLine, let rep = line.rep { owed.append((rep.normalizedKey, line.period, place)) }
            for share in line.owedElsewhere { owed.append((share.rep.normalizedKey, share.period, place)) }
        }
        guard !owed.isEmpty else { return }
        for position in findings.indices {
            let total = findings[position]
            guard total.dealID == nil, total.isDerived || !total.precedents.isEmpty, total.isError, total.isPay,
                let rep = total.rep?.normalizedKey
            else { continue }
            let own = owed.filter { line in
                line.rep == rep && (total.period == nil || line.period == total.period)
            }.map(\.place)
            guard !own.isEmpty else { continue }
            findings[position].precedents = Set(total.precedents + own).sorted()
        }
    }

    /// The wrong cells of no rep that a rep's total may add up. A cell over wrong rows (a subtotal
    /// of a block, a grand total over subtotals) is one when every wrong row beneath it is of the
    /// total's rep (of any period: a rep's block may hold a row of another month). A SUMIFS of
    /// one rep reaches every subtotal in its column but adds none whose rep cell is blank: taking
    /// each would make every rep's total stand over every wrong subtotal (a million-row sheet's
    /// summary would list tens of thousands of cells for each rep). A cell of no rep over no
    /// wrong rows (a rate) is anyone's.
    ///
    /// Built once the totals of no rep are linked, whose precedents say what is beneath them.
    /// Each cell is filed under the one rep beneath it, so that a rep's total tries its own and
    /// not every subtotal of the sheet.
    struct NoRepCells {
        private var anyone: [CellPlace] = []
        private var byRep: [String: [CellPlace]] = [:]

        init(_ cells: [CellPlace], index: [CellPlace: Int], findings: [Finding]) {
            var beneath = RepsBeneath(index: index, findings: findings)
            for cell in cells {
                guard let position = index[cell] else { continue }
                switch beneath.reps(beneath: position) {
                case .none: anyone.append(cell)
                case .one(let rep): byRep[rep, default: []].append(cell)
                case .several: continue
                }
            }
        }

        /// The cells of no rep that a total of `rep` adds up when it reaches them.
        func cells(addedUpBy rep: String) -> [CellPlace] { anyone + (byRep[rep.normalizedKey] ?? []) }
    }

    /// The reps of the wrong rows beneath each finding of no rep: those its precedents have, and
    /// those beneath its precedents of no rep in turn. Findings that add up each other (a circular
    /// reference) are one part, found as Tarjan's algorithm finds them, and have the reps of all
    /// that any of them reaches; the walk keeps its own stack (a chain of running totals may be a
    /// million findings deep).
    struct RepsBeneath {
        enum Reps: Equatable {
            case none
            case one(String)
            case several

            func adding(_ other: Reps) -> Reps {
                switch (self, other) {
                case (.none, _): return other
                case (_, .none): return self
                case (.one(let a), .one(let b)) where a == b: return self
                default: return .several
                }
            }
        }

        private let index: [CellPlace: Int]
        private let findings: [Finding]
        /// By position: the reps beneath a finding whose part is finished.
        private var known: [Int: Reps] = [:]

        init(index: [CellPlace: Int], findings: [Finding]) {
            self.index = index
            self.findings = findings
        }

        private struct Frame {
            let position: Int
            let below: [Int]
            var next = 0
            var reps: Reps
            let visit: Int
            var low: Int
        }

        mutating func reps(beneath root: Int) -> Reps {
            if let reps = known[root] { return reps }
            var stack: [Frame] = []
            var visits: [Int: Int] = [:]
            var unfinished: [Int] = []
            func push(_ position: Int, _ stack: inout [Frame]) {
                var reps = Reps.none
                var below: [Int] = []
                for precedent in findings[position].precedents {
                    guard let next = index[precedent], next != position else { continue }
                    if let rep = findings[next].rep?.normalizedKey {
                        reps = reps.adding(.one(rep))
                    } else {
                        below.append(next)
                    }
                }
                visits[position] = visits.count
                unfinished.append(position)
                let visit = visits.count - 1
                stack.append(Frame(position: position, below: below, reps: reps, visit: visit, low: visit))
            }
            push(root, &stack)
            while let top = stack.indices.last {
                if stack[top].next < stack[top].below.count {
                    let next = stack[top].below[stack[top].next]
                    stack[top].next += 1
                    if let reps = known[next] {
                        stack[top].reps = stack[top].reps.adding(reps)
                    } else if let visit = visits[next] {
                        // On the stack still, in the part being walked: its reps join the part's.
                        stack[top].low = min(stack[top].low, visit)
                    } else {
                        push(next, &stack)
                    }
                    continue
                }
                let done = stack.removeLast()
                if let parent = stack.indices.last {
                    stack[parent].reps = stack[parent].reps.adding(done.reps)
                }
                guard done.low == done.visit else {
                    // Inside a part whose first finding is below on the stack: it is that part's.
                    stack[stack.count - 1].low = min(stack[stack.count - 1].low, done.low)
                    continue
                }
                while let position = unfinished.popLast() {
                    known[position] = done.reps
                    if position == done.position { break }
                }
            }
            return known[root] ?? .none
        }
    }

    /// The wrong cells (each at its first finding) grouped by their finding's rep and period.
    private struct Owners {
        /// Each finding's rep in compared form, by position.
        private var repKeys: [Int: String] = [:]
        private var periods: [Int: Period?] = [:]
        /// By rep, then period.
        private var byOwner: [String: [Period?: [CellPlace]]] = [:]
        private var byRep: [String: [CellPlace]] = [:]
        private var withoutRep: [CellPlace] = []
        private var bySheet: [String: [CellAddress]] = [:]

        init(_ index: [CellPlace: Int], _ findings: [Finding]) {
            for (place, position) in index {
                bySheet[place.sheet, default: []].append(place.cell)
                periods[position] = findings[position].period
                guard let rep = findings[position].rep?.normalizedKey else {
                    withoutRep.append(place)
                    continue
                }
                repKeys[position] = rep
                byOwner[rep, default: [:]][findings[position].period, default: []].append(place)
                byRep[rep, default: []].append(place)
            }
        }

        func cells(onSheet name: String) -> [CellAddress] { bySheet[name] ?? [] }

        /// The cells of `rep` and `period`, or of the periods within it (a year's figure beside a
        /// quarterly plan); of every period, for a rep's total over all of them (a cross-tab's
        /// `Total` column); with no rep, those of no rep.
        func candidates(rep: String?, period: Period?) -> [CellPlace] {
            guard let rep else { return withoutRep }
            guard let period else { return byRep[rep.normalizedKey] ?? [] }
            return (byOwner[rep.normalizedKey] ?? [:]).filter { $0.key.map(period.contains) ?? false }
                .flatMap(\.value)
        }

        /// The wrong cells whose finding has no rep.
        var cellsOfNoRep: [CellPlace] { withoutRep }

        /// Whether the finding at `position` has no rep, or the rep given and the period given
        /// or one within it (any, when none is).
        func belongs(_ position: Int, rep: String?, period: Period?) -> Bool {
            guard let own = repKeys[position] else { return true }
            guard let period else { return own == rep?.normalizedKey }
            return own == rep?.normalizedKey && (periods[position] ?? nil).map(period.contains) == true
        }
    }
}

extension Reconciliation {
    /// What each wrong figure adds to the headline, by its index in `findings`: its difference,
    /// less what the wrong cells it adds up already count (its precedents, their precedents in
    /// turn), so that a total and the rows inside it are counted once. A total wholly explained by
    /// its rows adds nothing (or the cents its own rounding adds), and so does a Summary figure
    /// whose SUMIFS reaches both a tab's rows and the tab's Total over them. Findings that are not
    /// pay errors, or whose difference is unknown (`Finding.hasKnownDifference`), are absent.
    public var headlineDifferences: [Int: Decimal] {
        // A rate table's cell (`lookedUpBy`) differs by a rate, not money: the rows that look it
        // up carry the money, and it is no precedent to take from theirs. An unreadable cell is
        // none either: a total over it counts what it pays beyond the plan itself.
        let money = findings.indices.filter {
            findings[$0].isError && findings[$0].isPay && findings[$0].lookedUpBy.isEmpty
                && findings[$0].hasKnownDifference
        }
        var at: [CellPlace: Int] = [:]
        for position in money {
            let place = CellPlace(sheet: findings[position].sheet, cell: findings[position].cell)
            if at[place] == nil { at[place] = position }
        }
        var result: [Int: Decimal] = [:]
        // The wrong cells beneath a finding: its precedents, theirs in turn.
        func cellsBeneath(_ position: Int) -> Set<Int> {
            var beneath: Set<Int> = []
            var pending = findings[position].precedents.compactMap { at[$0] }
            while let next = pending.popLast() {
                guard next != position, beneath.insert(next).inserted else { continue }
                pending += findings[next].precedents.compactMap { at[$0] }
            }
            return beneath
        }
        // Whether the finding at `position` is of the rep and period `owner` names (one of no rep
        // is anyone's).
        func belongs(_ position: Int, to owner: Finding) -> Bool {
            guard let rep = findings[position].rep else { return true }
            guard let period = owner.period else { return rep.normalizedKey == owner.rep?.normalizedKey }
            return rep.normalizedKey == owner.rep?.normalizedKey
                && findings[position].period.map(period.contains) == true
        }
        // Totals of no rep over several reps' cells (a tab's grand total), by position.
        var spansReps: [Int: Bool] = [:]
        func isOverSeveralReps(_ position: Int) -> Bool {
            if let known = spansReps[position] { return known }
            let reps = Set(cellsBeneath(position).compactMap { findings[$0].rep?.normalizedKey })
            spansReps[position] = reps.count > 1
            return reps.count > 1
        }
        var onTheWay: Set<Int> = []
        // A total's part is its difference less the parts of every wrong cell beneath it: the
        // parts of a total and of all beneath it add up to the total's difference, so a total
        // over a Total row and that row's cells takes each away once. Computed beneath first; a
        // cell met again on the way down (a circular reference) is left out of the cells beneath.
        // A rep's total takes away only its own rep's cells: a SUMIFS by rep reaches a tab's
        // grand total (no rep, over every rep's rows) through its range, but does not add it.
        // The cells a finding adds up itself: its precedents, but of a rep's figure only those of
        // its rep and period, and no grand total over other reps' cells.
        func addedUp(_ position: Int) -> [Int] {
            let finding = findings[position]
            return finding.precedents.compactMap { at[$0] }.filter { next in
                guard finding.rep != nil else { return true }
                return belongs(next, to: finding) && !(findings[next].rep == nil && isOverSeveralReps(next))
            }
        }
        // Numbers stored as text that some total adds up: SUM and SUMIFS skip them, so what they
        // cost is what the totals over them leave out, the plan's figure for the cell.
        var skipped: Set<Int> = []
        for position in money where !findings[position].precedents.isEmpty {
            for next in addedUp(position) where SummaryFindings.isText(findings[next]) { skipped.insert(next) }
        }
        func part(_ position: Int) -> Decimal {
            if let known = result[position] { return known }
            onTheWay.insert(position)
            defer { onTheWay.remove(position) }
            let finding = findings[position]
            var beneath: Set<Int> = []
            var pending = addedUp(position)
            while let next = pending.popLast() {
                guard next != position, !onTheWay.contains(next), beneath.insert(next).inserted else { continue }
                pending += addedUp(next)
            }
            let owed = finding.owedElsewhere.reduce(Decimal(0)) { $0 + $1.amount }
            let own = skipped.contains(position) ? -finding.expected : finding.difference - owed
            let counted = finding.reversesPrecedents ? own : beneath.reduce(own) { $0 - part($1) }
            result[position] = counted
            return counted
        }
        for position in money where result[position] == nil { _ = part(position) }
        // Totals that add up the same wrong cells (a tab's Total row and the Summary's figure over
        // the same rows) are one wrong figure: what they add beyond those cells is counted once,
        // by the one that names a rep and period (the figure the workbook pays), else the first.
        // (A row owed to another rep, linked to that rep's totals, is no cell they add up.)
        var parallel: [Set<Int>: [Int]] = [:]
        for position in money where !findings[position].reversesPrecedents {
            let total = findings[position]
            let wrongCells = Set(
                total.precedents.compactMap { at[$0] }.filter { total.rep == nil || belongs($0, to: total) })
            if !wrongCells.isEmpty { parallel[wrongCells, default: []].append(position) }
        }
        for positions in parallel.values where positions.count > 1 {
            let kept = positions.first { findings[$0].rep != nil && findings[$0].period != nil } ?? positions[0]
            for position in positions where position != kept { result[position] = 0 }
        }
        return result
    }

    /// The wrong figures, each once: every error but the totals wholly explained by the wrong
    /// cells they add up, which the report shows with those cells.
    public var wrongFigures: [Finding] { findings.filter { $0.isError && !($0.isDerived && !$0.precedents.isEmpty) } }
}
