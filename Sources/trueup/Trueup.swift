import ArgumentParser
import Foundation
import Ledger
import Spreadsheet

@main
struct Trueup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trueup",
        abstract: "Catch and correct sales-commission errors in the spreadsheets reps are paid from.",
        discussion: """
            Exit status: 0 success, 1 findings to correct, 2 the run could not be done \
            (bad input, unreadable file, wrong arguments).
            """,
        version: "trueup 0.1.0",
        subcommands: [
            Reconcile.self, Correct.self, Calculate.self, ReviewCommand.self, ForecastCommand.self, PlanCommand.self,
            Inspect.self,
            Convert.self,
            Serve.self, Close.self, Reopen.self, LedgerCommand.self,
        ])

    /// Runs the command; every failure becomes one line on standard error and exit status 2.
    static func main() {
        StandardOutputCheck.prepare()
        do {
            var command = try parseAsRoot()
            try command.run()
            try StandardOutputCheck.finish()
        } catch let error as SpreadsheetError {
            Diagnostics.fail(error.description)
        } catch let error as UsageError {
            Diagnostics.fail(error.description)
        } catch let error as LedgerError {
            Diagnostics.fail(error.description)
        } catch {
            if exitCode(for: error) == .success || error is ExitCode {
                do { try StandardOutputCheck.finish() } catch { Diagnostics.fail("\(error)") }
                exit(withError: error)
            }
            let message = TerminalText.shortened(
                fullMessage(for: error).trimmingCharacters(in: .whitespacesAndNewlines))
            FileHandle.standardError.write(
                Data(("trueup: " + TerminalText.escaped(message, keepingLines: true) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// A problem with how the command was asked for (paths, options), reported like bad input.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

enum Diagnostics {
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(
            Data("trueup: error: \(TerminalText.escaped(TerminalText.shortened(message)))\n".utf8))
        Foundation.exit(2)
    }
}
