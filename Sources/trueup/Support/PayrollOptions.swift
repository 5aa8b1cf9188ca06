import ArgumentParser
import Commission
import Foundation
import Reports
import Spreadsheet

/// `--payroll FILE` and `--bom`: the payroll hand-off any calculating command can write.
struct PayrollOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Also write the payroll file: one CSV line per rep and period.", valueName: "file.csv"))
    var payroll: String?

    @Flag(help: "Start the payroll CSV with a UTF-8 byte-order mark, for Excel.")
    var bom = false

    /// Refuses, before anything is read or written, a payroll file that is no CSV file.
    func validate() throws {
        if let payroll, payroll.lowercased().hasSuffix(".xlsx") || payroll.lowercased().hasSuffix(".xls") {
            throw ValidationError("--payroll \(payroll): the payroll file is CSV; give a name ending in .csv")
        }
    }

    /// Writes the payroll file atomically (never over one of `inputs`) and says on standard
    /// error what it wrote, with the total payroll must pay.
    func write(_ statement: Statement, inputs: [String]) throws {
        guard let payroll else { return }
        if payroll.lowercased().hasSuffix(".xlsx") || payroll.lowercased().hasSuffix(".xls") {
            throw UsageError("--payroll \(payroll): the payroll file is CSV; give a name ending in .csv")
        }
        let lines = PayrollExport.lines(statement)
        let file = try AtomicOutputFile(path: payroll, inputs: inputs)
        PayrollExport.writeCSV(lines, byteOrderMark: bom) { file.write($0) }
        try file.commit()
        let currency = statement.currency.isEmpty ? "" : " " + statement.currency
        FileHandle.standardError.write(
            Data(
                "trueup: wrote \(payroll): \(lines.count) payroll line\(lines.count == 1 ? "" : "s"), total \(PayrollExport.total(lines).groupedMoneyText)\(currency)\n"
                    .utf8))
    }
}
