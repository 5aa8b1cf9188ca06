import ArgumentParser
import Correction
import Foundation
import Reports

struct Correct: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply reviewed findings to the workbook: write its corrected copy.",
        discussion: """
            Reads the findings `trueup reconcile WORKBOOK --format json` printed (remove any \
            finding you decline) and writes what `reconcile --out` writes, without reconciling \
            again: the workbook corrected and annotated, with Findings, Summary and Payroll sheets. \
            It holds only the findings, so a million-row workbook is corrected in constant memory.
            """)

    @Argument(help: "The workbook the findings are about (XLSX).")
    var workbook: String

    @Option(help: ArgumentHelp("The findings: the JSON of `trueup reconcile --format json`.", valueName: "file.json"))
    var findings: String

    @Option(help: ArgumentHelp("The corrected copy to write.", valueName: "corrected.xlsx"))
    var out: String

    func run() throws {
        try CorrectedOutput.check(workbook: workbook, out: out)
        guard let data = FileManager.default.contents(atPath: findings) else {
            throw UsageError("\(findings): cannot be read")
        }
        let document = try FindingsDocument(json: data, file: findings)
        let input = try CorrectionInput(document: document, file: findings)
        try CorrectedOutput.write(input, workbook: workbook, to: out, inputs: [workbook, findings])
    }
}
