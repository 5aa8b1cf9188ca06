import ArgumentParser
import Correction
import Foundation
import Spreadsheet

/// The corrected workbook as `reconcile --out` and `correct` write it.
enum CorrectedOutput {
    /// Refuses a workbook that cannot be corrected, or an output name that does not fit it,
    /// before any work is done.
    static func check(workbook: String, out: String) throws {
        let lowered = workbook.lowercased()
        guard let kind = [".xlsx", ".xlsm"].first(where: { lowered.hasSuffix($0) }) else {
            throw UsageError("--out: \(workbook) is not a workbook; only an .xlsx workbook can be corrected in place")
        }
        // The package keeps its content type: a macro workbook stays .xlsm, or Excel refuses it.
        guard out.lowercased().hasSuffix(kind) else {
            throw UsageError("--out \(out): the corrected copy of a \(kind) workbook must end in \(kind)")
        }
        if AtomicOutputFile.sameFile(out, workbook) {
            throw UsageError("\(out): is an input of this command; refusing to overwrite it")
        }
    }

    /// Writes `input` applied to `workbook` atomically (nothing is left behind when it is
    /// refused), then says on standard error what the corrected workbook holds.
    static func write(_ input: CorrectionInput, workbook: String, to out: String, inputs: [String]) throws {
        let stage = StageMeter("write corrected workbook")
        let file = try AtomicOutputFile(path: out, inputs: inputs)
        let outcome = try file.translatingErrors {
            try CorrectedWorkbook.write(source: workbook, input: input, to: file.handle)
        }
        try file.commit()
        stage.finish()
        let cells = "\(outcome.correctedCells) cell\(outcome.correctedCells == 1 ? "" : "s")"
        FileHandle.standardError.write(
            Data(
                ("trueup: wrote \(out): \(cells) corrected, \(outcome.recalculatedCells) dependent formulas recalculated, "
                    + (outcome.addedSheets.isEmpty
                        ? "" : "sheets \(outcome.addedSheets.joined(separator: ", ")) added, ")
                    + (outcome.replacedSheets.isEmpty
                        ? "" : "its earlier \(outcome.replacedSheets.joined(separator: ", ")) replaced, ")
                    + "\(outcome.partsCopied) parts copied unchanged\n").utf8))
        if outcome.notRecalculated > 0 {
            FileHandle.standardError.write(
                Data(
                    ("trueup: note: \(outcome.notRecalculated) formulas could not be recalculated; they keep their "
                        + "old cached value until Excel or LibreOffice recalculates the workbook on open\n").utf8))
        }
        for sheet in outcome.notesSkipped {
            FileHandle.standardError.write(
                Data(
                    ("trueup: note: sheet '\(sheet)' got no notes (its own drawing cannot take them); "
                        + "its corrections are highlighted and listed on the Findings sheet\n").utf8))
        }
    }
}
