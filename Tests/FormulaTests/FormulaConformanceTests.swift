import Formula
import Foundation
import Recalculation
import Testing

/// Every formula of the shared corpus, the scenario workbooks and the samples, evaluated from the
/// cached values of the cells it reads, against the value Excel or LibreOffice cached for it.
@Suite struct FormulaConformanceTests {
    /// Disagreements that are understood, by `file › sheet!cell`, with the reason.
    static let expectedExceptions: [String: String] = {
        let floatingPoint = "Excel computes in binary floating point and keeps the rounding error; Decimal does not"
        let emptyInline = "the writer stored an empty inline string as the formula's cached value"
        var list = [
            "corpus/xlsx/excelize__CalcChain.xlsx › Sheet1!B1":
                "a stale cached value: C1:D1 are empty, and A1 with the same formula caches 0",
            "corpus/xlsx/poi__FormulaEvalTestData_Copy.xlsx › EverythingTests!F23": floatingPoint,
            "corpus/xlsx/poi__FormulaEvalTestData_Copy.xlsx › EverythingTests!D180": floatingPoint,
            "corpus/xlsx/poi__FormulaEvalTestData_Copy.xlsx › EverythingTests!D932": floatingPoint,
            "corpus/xlsx/poi__FormulaEvalTestData_Copy.xlsx › EverythingTests!J1328":
                "SUMPRODUCT over a one-cell range holding text: Excel gives #VALUE!, its documentation and we zero",
            "corpus/xlsx/poi__bug67784.xlsx › Sheet1!A7":
                "FLOOR with three arguments and an undefined name, written by a library: Excel would not save it",
        ]
        for column in "CDEFGHIJ" { list["corpus/xlsx/sheetjs__LONumbers.xlsx › Sheet1!\(column)38"] = emptyInline }
        return list
    }()

    struct Tally {
        var files = 0
        var unopened: [String] = []
        var formulas = 0
        var withoutCache = 0
        var compared = 0
        var agreed = 0
        var unsupported: [String: Int] = [:]
        var otherwiseNotEvaluable: [String: Int] = [:]
        var disagreements: [String] = []
        var unexpected: [String] = []
    }

    @Test func evaluatedValuesAgreeWithCachedValues() throws {
        let paths = FormulaPaths.conformanceWorkbooks
        try #require(paths.count > 50, "no corpus at \(FormulaPaths.shared.path)")
        var tally = Tally()
        for path in paths {
            tally.files += 1
            let name = path.replacingOccurrences(of: FormulaPaths.shared.path + "/", with: "")
                .replacingOccurrences(of: FormulaPaths.packageRoot.path + "/", with: "")
            let formulas: WorkbookFormulas
            do {
                formulas = try WorkbookFormulas(path: path)
            } catch {
                tally.unopened.append(name)
                continue
            }
            for result in formulas.evaluate(precedents: .cachedWhereAvailable) {
                tally.formulas += 1
                switch result.outcome {
                case .failure(let reason):
                    if let function = reason.function {
                        tally.unsupported[function, default: 0] += 1
                    } else {
                        tally.otherwiseNotEvaluable["\(reason.kindName)", default: 0] += 1
                    }
                case .success(let value):
                    guard result.cell.cached != .blank else {
                        tally.withoutCache += 1
                        continue
                    }
                    tally.compared += 1
                    if result.agreesWithCached == true {
                        tally.agreed += 1
                        continue
                    }
                    let key = "\(name) › \(result.sheet)!\(result.cell.address)"
                    let line =
                        "\(key): =\(result.cell.text) cached \(result.cell.cached.displayText), evaluated \(value.displayText)"
                    tally.disagreements.append(line)
                    if Self.expectedExceptions[key] == nil { tally.unexpected.append(line) }
                }
            }
        }
        let share = Double(tally.agreed) / Double(max(tally.compared, 1)) * 100
        print(
            "formulas: \(tally.files - tally.unopened.count)/\(tally.files) workbooks, \(tally.formulas) formulas; "
                + "\(tally.agreed)/\(tally.compared) evaluated agree with the cached value ("
                + String(format: "%.3f", share) + "%), \(tally.withoutCache) without a cached value")
        print(
            "not supported: "
                + tally.unsupported.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) ×\($0.value)" }
                .joined(separator: ", "))
        print(
            "otherwise not evaluable: "
                + tally.otherwiseNotEvaluable.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(
                    separator: ", "))
        if !tally.unopened.isEmpty { print("not opened: " + tally.unopened.joined(separator: ", ")) }
        for line in tally.disagreements { print("  disagrees: \(line)") }
        #expect(share >= 99.9)
        #expect(tally.unexpected.isEmpty, "\(tally.unexpected.count) disagreements not listed as expected")
    }
}

extension NotEvaluable {
    /// A short name for the kind of reason, for tallies.
    var kindName: String {
        switch kind {
        case .unsupportedFunction: "unsupported function"
        case .unresolved(let what): "unresolved " + (what.split(separator: " ").prefix(2).joined(separator: " "))
        case .circular: "circular"
        case .dependsOn: "reads a cell not evaluable"
        case .syntax: "syntax"
        }
    }
}
