import ArgumentParser
import Commission
import Foundation
import Ledger
import PlanFile
import Reports
import Spreadsheet

struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract:
            "Audit a ledger of closed periods: list them, show one as paid, verify its hash chain, or recover it after a crash.",
        subcommands: [LedgerShow.self, LedgerVerify.self, LedgerRecover.self],
        defaultSubcommand: LedgerShow.self)
}

struct LedgerShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "List the ledger's periods (status, totals, who, when), or one period's statement as paid.")

    @Argument(help: "The ledger file.")
    var ledger: String

    @Option(help: ArgumentHelp("Show this period's statement as paid.", valueName: "period"))
    var period: String?

    @Option(help: "Output format: text, json or csv.")
    var format: StatementFormat = .text

    @Option(
        help: ArgumentHelp("Also write the ledger as a workbook (Periods and Paid sheets).", valueName: "ledger.xlsx"))
    var out: String?

    func run() throws {
        let workbook = try WorkbookOutput(out, holding: "ledger")
        let file = try LedgerFile(path: ledger, access: .read)
        let statuses = try file.periodStatuses()
        try workbook?.write(inputs: [ledger]) { writer in
            let paid = try statuses.compactMap { try file.paidPeriod($0.period) }
            try LedgerListing.writeWorkbook(statuses, paid: paid, to: writer)
        }
        if let period {
            guard let paid = try file.paidPeriod(period) else {
                let known = statuses.map(\.period).joined(separator: ", ")
                throw UsageError(
                    "\(ledger): \(period) was never closed (closed periods: \(known.isEmpty ? "none" : known))")
            }
            let status = statuses.first { $0.period == period }
            switch format {
            case .json: print(LedgerListing.periodJSON(paid, status: status), terminator: "")
            case .csv: print(LedgerListing.periodCSV(paid), terminator: "")
            case .text: print(LedgerReportText.period(paid, status: status), terminator: "")
            }
            return
        }
        switch format {
        case .json: print(LedgerListing.periodsJSON(statuses, ledger: ledger), terminator: "")
        case .csv: print(LedgerListing.periodsCSV(statuses), terminator: "")
        case .text: print(LedgerReportText.periods(statuses, ledger: ledger), terminator: "")
        }
    }
}

struct LedgerVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-check the ledger's hash chain and each period's figures against the digests recorded with them.",
        discussion: """
            Re-checked: each entry's digest of its own fields and of the entry before it (the \
            chain); its rep totals and lines against its content digest; its counts and total \
            payable; the plan text it keeps against the plan's SHA-256. For a period closed from \
            the engine, its statement's arithmetic is recomputed from the lines kept: each rep's \
            earned is the sum of its lines (rounded by the kept plan's rule when it rounds per \
            period) and payable is earned + draw paid − recovered.

            Not re-checked: the lines themselves (rates, tiers, caps, clawbacks) and the deals, \
            roster and workbook files, which the ledger does not keep — only their SHA-256, shown \
            by `trueup ledger L --period P --format json`. A period closed from a hand-kept workbook keeps its \
            rep totals only: their sum is checked, nothing else can be.

            What the chain shows and what it cannot: an entry, rep total or line changed, added \
            or removed with SQL breaks a digest, and entries cut off the end leave a gap in the \
            numbering SQLite keeps. Someone with write access who recomputes the digests (the \
            algorithm is public) and the numbering can rewrite or cut the end of the ledger \
            unseen from inside the file: only a digest kept elsewhere tells that. Note the head \
            `verify` prints after each close (in the payroll run, a ticket, an email) and give it \
            back with --head: verify then checks that the entry is still in the chain.

            Exit status: 0 intact, 1 a row or entry does not match its digest or its figures do \
            not add up, 2 the ledger could not be read.
            """
    )

    @Argument(help: "The ledger file.")
    var ledger: String

    @Option(
        help: ArgumentHelp(
            "A head digest noted earlier (from verify): check that its entry is still in the chain.",
            valueName: "sha256"))
    var head: String?

    func run() throws {
        let file = try LedgerFile(path: ledger, access: .read)
        var result = try file.verify { text in
            try? PlanFile.parse(text, file: "plan").rounding
        }
        if let head {
            let noted = head.lowercased().trimmingCharacters(in: .whitespaces)
            if let entry = try file.entries().first(where: { $0.sha256 == noted }) {
                let later = result.entryCount - Int(entry.id!)
                print(
                    "\(ledger): the noted head is entry \(entry.id!) (\(entry.action.rawValue) \(entry.period)); \(later) entr\(later == 1 ? "y" : "ies") appended since"
                )
            } else {
                result.problems.append(
                    "the noted head \(noted) is no entry's digest: entries were cut off or rewritten since it was noted"
                )
            }
        }
        var checked =
            "\(result.statementsRechecked) statement\(result.statementsRechecked == 1 ? "" : "s") recomputed from the lines kept"
        if result.withoutRounding > 0 {
            checked += ", \(result.withoutRounding) without the plan's rounding (its text does not read)"
        }
        if result.totalsOnly > 0 { checked += ", \(result.totalsOnly) from workbooks (totals only)" }
        if result.isIntact {
            print(
                "\(ledger): intact: \(result.entryCount) entr\(result.entryCount == 1 ? "y" : "ies"), head \(result.head); \(checked)"
            )
            return
        }
        print("\(ledger): \(result.problems.count) problem\(result.problems.count == 1 ? "" : "s") found; \(checked)")
        for problem in result.problems { print("  " + problem) }
        throw ExitCode(1)
    }
}

struct LedgerRecover: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Roll back a change a close or reopen left unfinished (killed, or the machine stopped).",
        discussion: """
            The commands that only read a ledger (`ledger`, `ledger verify`, `--ledger`) open it \
            read-only, and refuse one a writer left mid-change: its rollback journal (LEDGER-journal) \
            or a write-ahead log (LEDGER-wal) is beside it. This rolls the change back, leaving the \
            ledger as its last finished close or reopen left it (the next close or reopen would do \
            the same first).
            """)

    @Argument(help: "The ledger file.")
    var ledger: String

    func run() throws {
        if try LedgerFile.recover(path: ledger) {
            print(
                "\(ledger): an unfinished change was rolled back; the ledger is as its last finished close or reopen left it"
            )
        } else {
            print("\(ledger): nothing to recover")
        }
    }
}

/// The ledger for people: its periods, or one period as paid.
enum LedgerReportText {
    static func periods(_ statuses: [PeriodStatus], ledger: String) -> String {
        guard !statuses.isEmpty else { return "\(ledger): no closed period yet\n" }
        let rows = statuses.map { status in
            [
                status.period, status.isClosed ? "closed" : "reopened", status.close.source?.rawValue ?? "",
                String(status.close.repCount), String(status.close.lineCount),
                LedgerMoney.decimal(status.close.totalPayable).groupedMoneyText, status.close.actor,
                status.close.recordedAt,
                Self.note(status),
            ]
        }
        return "\(ledger)\n\n"
            + TextTable(
                header: ["Period", "Status", "Source", "Reps", "Lines", "Payable", "By", "At", "Note"], rows: rows,
                rightAligned: [3, 4, 5]
            ).render()
    }

    /// The period's note: the reopen when it is open again, else the close's note and the reopen
    /// it was closed again after.
    static func note(_ status: PeriodStatus) -> String {
        if let reopen = status.reopen {
            return "reopened by \(reopen.actor) at \(reopen.recordedAt): \(reopen.note ?? "")"
        }
        let earlier = status.lastReopen.map {
            "closed again after a reopen by \($0.actor) at \($0.recordedAt): \($0.note ?? "")"
        }
        return [status.close.note, earlier].compactMap { $0 }.joined(separator: "; ")
    }

    static func period(_ paid: PaidPeriod, status: PeriodStatus?) -> String {
        let entry = paid.entry
        var out = "\(entry.period) \(status?.isClosed == false ? "reopened" : "closed") — \(entry.planName)"
        out += entry.currency.isEmpty ? "" : " (\(entry.currency))"
        out += "\nclosed by \(entry.actor) at \(entry.recordedAt) from the \(entry.source?.rawValue ?? "")"
        out += entry.note.map { "; note: \($0)" } ?? ""
        out += "\n\n"
        func money(_ text: String?) -> String { text.map { LedgerMoney.decimal($0).groupedMoneyText } ?? "—" }
        let rows = paid.totals.map { total in
            [
                total.rep, total.name ?? "", money(total.earned), money(total.drawPaid), money(total.recovered),
                money(total.payable), money(total.balance),
            ]
        }
        out += TextTable(
            header: ["Rep", "Name", "Earned", "Draw paid", "Recovered", "Payable", "Balance"], rows: rows,
            rightAligned: [2, 3, 4, 5, 6]
        ).render()
        out += "\nTotal paid: \(money(entry.totalPayable)) across \(entry.repCount) reps, \(entry.lineCount) lines\n"
        if !paid.lines.isEmpty {
            out += "\nLines:\n"
            for line in paid.lines {
                out += "  \(line.rep)  \(line.kind.padding(toLength: 10, withPad: " ", startingAt: 0))"
                out += "  \((line.dealID ?? "—").padding(toLength: 10, withPad: " ", startingAt: 0))"
                out += "  \(money(line.amount))  \(line.explanation)\n"
            }
        }
        return out
    }
}
