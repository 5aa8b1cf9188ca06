import ArgumentParser
import Commission
import Foundation
import Ledger
import PlanFile
import Reports
import Spreadsheet

/// `--ledger L` of calculate, reconcile and review: draw balances carried from the ledger's
/// closed periods, and each closed period's payable now against what was paid.
struct LedgerOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A ledger of closed periods: report each closed period's true-up against what was paid, carry draw balances from it, and pay closed periods by adjustment only in --payroll.",
            valueName: "ledger"))
    var ledger: String?

    /// The ledger read for `plan`; nil without `--ledger`.
    func open(plan: Plan) throws -> TrueUpCalculation? {
        guard let ledger else { return nil }
        return try TrueUpCalculation(ledger: LedgerFile(path: ledger, access: .read), plan: plan)
    }

    /// The true-ups of `statement`; `planPath` is the plan file, read to tell a changed plan.
    static func trueUp(_ calculation: TrueUpCalculation?, _ statement: Statement, planPath: String) throws -> TrueUp? {
        guard let calculation else { return nil }
        let planText = try? PlanFile.text(atPath: planPath)
        return try calculation.trueUp(statement, planText: planText)
    }
}

extension PayrollOptions {
    /// The payroll file; against a ledger, closed periods are paid by their adjustments only.
    func write(_ statement: Statement, trueUp: TrueUp?, inputs: [String]) throws {
        guard let trueUp else { return try write(statement, inputs: inputs) }
        guard let payroll else { return }
        if payroll.lowercased().hasSuffix(".xlsx") || payroll.lowercased().hasSuffix(".xls") {
            throw UsageError("--payroll \(payroll): the payroll file is CSV; give a name ending in .csv")
        }
        let lines = LedgerPayroll.lines(statement, trueUp: trueUp)
        let file = try AtomicOutputFile(path: payroll, inputs: inputs + [trueUp.ledger])
        LedgerPayroll.writeCSV(lines, currency: statement.currency, byteOrderMark: bom) { file.write($0) }
        try file.commit()
        let currency = statement.currency.isEmpty ? "" : " " + statement.currency
        let adjustments = lines.filter { $0.kind == .adjustment }.count
        for period in trueUp.reopenedPeriods {
            FileHandle.standardError.write(
                Data(
                    "trueup: \(period) is reopened in \(trueUp.ledger): paid by its adjustments against what its last close recorded as paid, not again in full; close it again once this payroll is paid\n"
                        .utf8))
        }
        FileHandle.standardError.write(
            Data(
                "trueup: wrote \(payroll): \(lines.count - adjustments) regular and \(adjustments) adjustment line\(adjustments == 1 ? "" : "s"), total \(LedgerPayroll.total(lines).groupedMoneyText)\(currency)\n"
                    .utf8))
    }
}

/// The true-ups as a section of a text report.
enum TrueUpText {
    static func render(_ trueUp: TrueUp?) -> String {
        guard let trueUp else { return "" }
        let periods = trueUp.closedPeriods.map(\.description).joined(separator: ", ")
        var out = "\nTrue-ups against the ledger \(trueUp.ledger)"
        let reopened = trueUp.reopenedPeriods.map(\.description).joined(separator: ", ")
        if trueUp.closedPeriods.isEmpty && trueUp.reopenedPeriods.isEmpty {
            out += " (no closed period in this run)"
        } else if trueUp.reopenedPeriods.isEmpty {
            out += " (closed: \(periods))"
        } else {
            out +=
                " (closed: \(periods.isEmpty ? "none" : periods); reopened, paid as their last close recorded: \(reopened))"
        }
        out += ":\n"
        guard !trueUp.adjustments.isEmpty else {
            return out + "  none: every closed period's payable still stands.\n"
        }
        let rows = trueUp.adjustments.map { adjustment in
            [
                adjustment.rep, adjustment.name ?? "", adjustment.period.description,
                adjustment.paid.groupedMoneyText, adjustment.due.groupedMoneyText,
                adjustment.difference.groupedMoneyText,
                adjustment.causes.map { reason in
                    reason.cause.rawValue
                        + (reason.dealIDs.isEmpty ? "" : " (" + reason.dealIDs.joined(separator: ", ") + ")")
                }.joined(separator: "; "),
            ]
        }
        out += TextTable(
            header: ["Rep", "Name", "Period", "Paid", "Due", "Difference", "Causes"], rows: rows,
            rightAligned: [3, 4, 5]
        ).render()
        let currency = trueUp.currency.isEmpty ? "" : " " + trueUp.currency
        out +=
            "Net adjustment: \(trueUp.netAdjustment.groupedMoneyText)\(currency) across \(trueUp.adjustments.count) rep-period\(trueUp.adjustments.count == 1 ? "" : "s")\n"
        return out
    }
}
