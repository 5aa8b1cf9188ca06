import Commission
import Foundation

/// Proposes a plan from a hand-kept workbook: each clause from the sheet's own figures and
/// formulas, every candidate checked by running the real engine and counting rows reproduced.
public enum PlanInference {
    /// Infers the plan of `evidence`. `roster` gives quotas for attainment readings (without one,
    /// a Quota column in the sheet does).
    public static func infer(_ evidence: WorkbookEvidence, roster: [RosterEntry] = [], name: String? = nil)
        -> InferredPlan
    {
        var state = InferenceState(evidence: evidence, roster: roster)
        state.plan.name = name ?? "Inferred from \(URL(fileURLWithPath: evidence.file).lastPathComponent)"
        state.readEligibility()
        state.readClawback()
        state.setAsideOverrideGroups()
        state.setAsideSilentPeriods()
        state.fitTiers()
        state.fitOverrides()
        state.fitGate()
        state.fitDealCap()
        state.readLineFloor()
        state.fitBonuses()
        state.fitRounding()
        state.fitPeriodCap()
        state.fitSummaryMechanics()
        state.readCurrency()
        let fit = FitReport.measure(plan: state.plan, roster: roster, evidence: evidence)
        state.readSplits(fit: fit)
        let sheets = evidence.sheets.isEmpty ? evidence.sheet ?? "" : evidence.sheets.joined(separator: ", ")
        return InferredPlan(
            plan: state.plan, evidence: state.evidenceLines, notEstablished: state.notEstablished,
            ambiguities: state.ambiguities, fit: fit,
            source: "\(evidence.file)\(sheets.isEmpty ? "" : " › " + sheets), \(evidence.observations.count) rows"
                + (evidence.unread.isEmpty ? "" : " (\(evidence.unread.count) more not read)"),
            established: state.established, unread: evidence.unread)
    }
}

/// The inference's working state: the plan so far and what was found on the way.
struct InferenceState {
    let evidence: WorkbookEvidence
    let roster: [RosterEntry]
    let clues: WorkbookClues
    let quotas: QuotaBook
    var facts: RowFacts
    var plan: Plan
    var evidenceLines: [String: [String]] = [:]
    var notEstablished: [String] = []
    var ambiguities: [String] = []
    var established: Set<String> = []
    /// Rows set aside from the tier fit because their rate follows a product or type.
    var overrideGroups: [(when: LineCondition, label: String, rows: [Int])] = []
    /// Rows of rep-periods that pay nothing while others are paid (a gate), left out of the tier fit.
    var silentRows: [Int] = []
    var best: TierCandidate?
    /// The engine's figures per row for the plan as it stood when rounding was decided, rounded as decided.
    var rowFigures: RowFigures?
    var reproducedSoFar = 0

    init(evidence: WorkbookEvidence, roster: [RosterEntry]) {
        self.evidence = evidence
        self.roster = roster
        clues = WorkbookClues(evidence)
        quotas = QuotaBook(roster: roster)
        facts = RowFacts(evidence.observations)
        let table = TierTable(metric: .amount, basis: .perDeal, mode: .retroactive, bands: [.init(from: 0, rate: 0)])
        plan = Plan(name: "", currency: "", period: clues.period ?? .quarter, commission: CommissionRules(tiers: table))
    }

    mutating func note(_ clause: String, _ line: String) { evidenceLines[clause, default: []].append(line) }

    /// `rows 17, 88 and 203`, each row named as people find it (`WorkbookEvidence.rowLabel`).
    func rowList(_ rows: [Int], limit: Int = 6) -> String { evidence.rowList(rows, limit: limit) }

    var observations: [Observation] { evidence.observations }

    // MARK: Eligibility and clawbacks

    /// Statuses whose rows earn nothing while others earn: the plan's `eligible` list leaves them out.
    /// A commission cell left blank earns nothing (lost and open deals kept among the paid ones,
    /// their commission left empty), while a paid row of their status would still say otherwise.
    mutating func readEligibility() {
        var byStatus: [String: (name: String, rows: Int, zero: Int)] = [:]
        for observation in observations {
            guard let status = observation.line.status,
                let manual = observation.commission ?? (observation.commissionIsBlank ? 0 : nil),
                observation.line.credit != 0
            else { continue }
            let key = status.normalizedKey
            byStatus[key, default: (status, 0, 0)].rows += 1
            if manual == 0 { byStatus[key]!.zero += 1 }
        }
        guard byStatus.count > 1 else { return }
        // A status whose every row earns nothing is excluded even when it has one row (an `Open`
        // deal at 0 among paid `Won` ones); a status with paid rows needs 90% of them at nothing.
        let excluded = byStatus.filter {
            $0.value.zero == $0.value.rows || ($0.value.rows >= 2 && $0.value.zero * 10 >= $0.value.rows * 9)
        }
        let paying = byStatus.filter { excluded[$0.key] == nil }
        guard !excluded.isEmpty, !paying.isEmpty else { return }
        plan.eligibleStatuses = paying.sorted { ($0.value.rows, $1.key) > ($1.value.rows, $0.key) }.map(\.value.name)
        for index in observations.indices {
            if let status = observations[index].line.status, excluded[status.normalizedKey] != nil {
                facts.counted[index] = false
                facts.scored[index] = false
            }
        }
        established.insert("eligible")
        for (_, item) in excluded.sorted(by: { $0.key < $1.key }) {
            note("eligible", "\(item.zero) of \(item.rows) rows with status \(item.name) earn nothing")
            if item.rows == 1 {
                ambiguities.append(
                    "eligible: status \(item.name) has one row, which earns nothing; it is left out of the eligible statuses, but one row could be a wrong figure (a second row of that status would decide)"
                )
            }
        }
    }

    /// Rows a summary subtracts (in a formula, or as a typed clawback figure that is minus a
    /// cancelled row's commission), rows a clawback row takes back (on a tab of clawbacks or among
    /// the deals: `WorkbookEvidence.clawedBackRows`), or whose commission is negative, name the
    /// clawback statuses; the days from close to cancel bound the window.
    mutating func readClawback() {
        let typed = Set(
            (evidence.summariesOfYears + evidence.summariesOfShorterPeriods).flatMap(\.entries).compactMap(\.clawback)
                .filter { $0 < 0 }.map { -$0 })
        var clawed: [Observation] = observations.filter { observation in
            clues.subtractedRows.contains(observation.line.row)
                || (observation.line.cancelDate != nil && observation.commission.map(typed.contains) == true)
        }
        let bySummary = !clawed.isEmpty
        let taken = observations.filter {
            evidence.clawedBackRows.contains($0.line.row) && !clues.subtractedRows.contains($0.line.row)
        }
        clawed += taken.filter { row in !clawed.contains { $0.line.row == row.line.row } }
        let negative = observations.filter {
            ($0.commission ?? 0) < 0 && $0.line.cancelDate != nil && $0.line.amount > 0
        }
        clawed += negative
        let statuses = Set(clawed.compactMap { $0.line.status?.normalizedKey })
        guard !clawed.isEmpty, !statuses.isEmpty else {
            notEstablished.append(
                "clawback: no summary subtracts a deal row, no clawback row takes one back and no line is negative")
            return
        }
        let names = statuses.compactMap { key in clawed.first { $0.line.status?.normalizedKey == key }?.line.status }
            .sorted()
        let days = clawed.compactMap { o in o.line.cancelDate.map { o.line.date.days(to: $0) } }
        let clawedRows = Set(clawed.map(\.line.row))
        let kept = observations.filter {
            $0.line.status.map { statuses.contains($0.normalizedKey) } ?? false && !clawedRows.contains($0.line.row)
        }.compactMap { o in o.line.cancelDate.map { o.line.date.days(to: $0) } }
        let longest = days.max() ?? 0
        let shortestKept = kept.filter { $0 > longest }.min()
        let usual = [30, 45, 60, 90, 120, 180, 365]
        let window = usual.first { $0 >= longest && $0 < (shortestKept ?? Int.max) } ?? longest
        plan.clawback = Clawback(statuses: names, windowDays: window)
        established.insert("clawback")
        for index in observations.indices where (observations[index].commission ?? 0) < 0 {
            facts.scored[index] = false
        }
        let how =
            bySummary
            ? "are subtracted by the summary"
            : !taken.isEmpty ? "are taken back by clawback rows" : "are negative"
        note(
            "clawback",
            "\(clawed.count) rows with status \(names.joined(separator: ", ")) \(how) (\(rowList(clawed.map(\.line.row).sorted())))"
        )
        if let shortestKept {
            note(
                "clawback",
                "cancelled \(longest) days or less after the close is clawed back, \(shortestKept) days is not: a window of \(longest) to \(shortestKept - 1) days (\(window) written)"
            )
            if shortestKept - 1 > longest {
                ambiguities.append(
                    "clawback window: any window of \(longest) to \(shortestKept - 1) days fits; a line cancelled in between would decide (\(window) days written, a usual length in that range)"
                )
            }
        } else {
            note(
                "clawback", "the latest clawed-back cancellation is \(longest) days after the close; none later is kept"
            )
            ambiguities.append(
                "clawback window: any window of \(longest) days or more fits; a line cancelled more than \(longest) days after its close would decide (\(window) days written)"
            )
        }
    }
}
