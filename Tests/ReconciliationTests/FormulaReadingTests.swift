import Foundation
import Ingest
import PlanFile
import Reconciliation
import TestSupport
import Testing
import ZIP

/// The reconciler reads a formula's evaluated value when the file has no cached value, and names
/// a cached value its formula does not give as `stale_value`.
@Suite struct FormulaReadingTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples")

    /// A copy of `source` whose worksheets' formula cells are rewritten by `edit` (applied to each
    /// worksheet part's XML text).
    /// `source` copied to `target`, each worksheet's XML through `edit` and the workbook part's
    /// through `editWorkbook`.
    static func copy(
        _ source: String, to target: String, editingWorkbook editWorkbook: (String) -> String = { $0 },
        editing edit: (String) -> String
    ) throws {
        let archive = try ZipArchive(path: source)
        _ = FileManager.default.createFile(atPath: target, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: target))
        defer { try? handle.close() }
        let writer = ZipWriter(handle: handle)
        for entry in archive.entries {
            var bytes = try archive.data(of: entry)
            if entry.name.hasPrefix("xl/worksheets/") && entry.name.hasSuffix(".xml") {
                bytes = Array(edit(String(decoding: bytes, as: UTF8.self)).utf8)
            } else if entry.name == "xl/workbook.xml" {
                bytes = Array(editWorkbook(String(decoding: bytes, as: UTF8.self)).utf8)
            }
            try writer.addPart(entry.name, bytes)
        }
        try writer.finish()
    }

    /// Removes every formula cell's cached value, as openpyxl and some exporters save them.
    static func strippingCachedValues(_ xml: String) -> String {
        xml.replacingOccurrences(
            of: #"(<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)<v>[^<]*</v>"#, with: "$1", options: .regularExpression)
    }

    static func key(_ finding: Finding) -> String {
        "\(finding.sheet)!\(finding.cell) \(finding.causes) manual \(finding.manual.map { "\($0)" } ?? finding.manualText ?? "-") expected \(finding.expected)"
    }

    @Test func everyScenarioWithoutCachedValuesReconcilesToTheSameFindings() throws {
        let scratch = Scratch.folder.appendingPathComponent("stripped-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try #require(!ScenarioReconciliationTests.cases.isEmpty)
        for name in ScenarioReconciliationTests.cases {
            let directory = ScenarioReconciliationTests.folder.appendingPathComponent(name)
            let original = try ScenarioReconciliationTests.reconcile(name).0
            let stripped = scratch.appendingPathComponent("\(name).xlsx").path
            try Self.copy(directory.appendingPathComponent("manual.xlsx").path, to: stripped) {
                Self.strippingCachedValues($0)
            }
            let plan = try PlanFile.load(path: directory.appendingPathComponent("plan.yaml").path)
            let arguments =
                (try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("case.json")))
                as! [String: Any])["calculate"] as! [String]
            let roster = zip(arguments, arguments.dropFirst()).first { $0.0 == "--roster" }?.1
            let entries =
                try roster.map { try RosterReader.read(TableFile.open(directory.appendingPathComponent($0).path)) }
                ?? []
            let again = try Reconciler.reconcile(workbook: stripped, plan: plan, roster: entries, pins: plan.columns)
            #expect(again.findings.map(Self.key) == original.findings.map(Self.key), "\(name)")
            #expect(again.mappingNotes.contains { $0.hasPrefix("formulas without a cached value: ") }, "\(name)")
            #expect(!original.mappingNotes.contains { $0.hasPrefix("formulas without a cached value") }, "\(name)")
        }
    }

    /// tester11: XlsxWriter caches 0 for every formula and asks for a recalculation on open. Each
    /// such 0 is read as what its formula gives, the workbook recalculated (a total over the rows
    /// as their sum): every scenario, so saved, reconciles to the findings its own file gives.
    @Test func everyScenarioCachingZeroForEveryFormulaReconcilesToTheSameFindings() throws {
        let scratch = Scratch.folder.appendingPathComponent("zeroed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try #require(!ScenarioReconciliationTests.cases.isEmpty)
        var compared = 0
        for name in ScenarioReconciliationTests.cases {
            let original = try ScenarioReconciliationTests.reconcile(name).0
            let directory = ScenarioReconciliationTests.folder.appendingPathComponent(name)
            // A stale cached value is one the recalculation replaces: not the same findings.
            guard !original.findings.contains(where: { $0.causes.contains(.staleValue) }) else { continue }
            let zeroed = scratch.appendingPathComponent("\(name).xlsx").path
            try Self.copy(
                directory.appendingPathComponent("manual.xlsx").path, to: zeroed,
                editingWorkbook: { xml in
                    let unasked = xml.replacingOccurrences(
                        of: #" fullCalcOnLoad="[^"]*""#, with: "", options: .regularExpression)
                    return unasked.contains("<calcPr")
                        ? unasked.replacingOccurrences(of: "<calcPr", with: #"<calcPr fullCalcOnLoad="1""#)
                        : unasked.replacingOccurrences(of: "</sheets>", with: #"</sheets><calcPr fullCalcOnLoad="1"/>"#)
                }
            ) {
                $0.replacingOccurrences(
                    of: #"(<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)<v>[^<]*</v>"#, with: "$1<v>0</v>",
                    options: .regularExpression)
            }
            let (_, plan, entries) = try ScenarioReconciliationTests.inputs(name)
            let again = try Reconciler.reconcile(workbook: zeroed, plan: plan, roster: entries, pins: plan.columns)
            #expect(again.findings.map(Self.key) == original.findings.map(Self.key), "\(name)")
            compared += 1
        }
        #expect(compared >= 5)
    }

    /// A commission formula saved without its value and calling a function trueup does not know
    /// is not a commission of 0.00: its value is unknown, an `unreadable` finding at the cell, and
    /// a summary total that adds such cells is unreadable too, not an arithmetic error.
    @Test func formulasNotEvaluableWithoutValuesAreUnreadableNotZero() throws {
        let name = try #require(ScenarioReconciliationTests.cases.first { $0 == "case-01" })
        let directory = ScenarioReconciliationTests.folder.appendingPathComponent(name)
        let target = Scratch.folder.appendingPathComponent("unknown-\(UUID()).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: target) }
        // Each `ROUND(…)` formula wrapped in a call of a function trueup does not evaluate.
        try Self.copy(directory.appendingPathComponent("manual.xlsx").path, to: target) {
            Self.strippingCachedValues($0).replacingOccurrences(
                of: #"<f>ROUND(DOWN|UP)?\("#, with: "<f>_xlfn.UNKNOWNFN(ROUND$1(", options: .regularExpression
            ).replacingOccurrences(
                of: #"(<f>_xlfn\.UNKNOWNFN\([^<]*)</f>"#, with: "$1)</f>", options: .regularExpression)
        }
        let plan = try PlanFile.load(path: directory.appendingPathComponent("plan.yaml").path)
        let result = try Reconciler.reconcile(workbook: target, plan: plan, roster: [], pins: plan.columns)
        let unreadable = result.findings.filter { $0.causes.first == .unreadable }
        // The deals rows (a summary total adding them is derived from them).
        let rows = unreadable.filter { !$0.isDerived }
        #expect(rows.count > 10)
        #expect(rows.allSatisfy { $0.manual == nil && $0.explanation.contains("saved without its value") })
        #expect(!result.findings.contains { $0.causes.contains(.arithmetic) && $0.manual == 0 })
        #expect(result.mappingNotes.contains { $0.contains("not evaluable") })
    }

    /// Stale cached values are found whether or not the workbook asks to be recalculated on open
    /// (openpyxl's files all do); there a cached 0, a writer's placeholder, is not called stale.
    /// A cached value within the plan's tolerance of its formula's pays the same: not stale.
    @Test(arguments: [false, true]) func plantedStaleValuesAreFoundAtEachCell(recalculatesOnLoad: Bool) throws {
        let source = Self.samples.appendingPathComponent("q3-commissions.xlsx").path
        let target = Scratch.folder.appendingPathComponent("stale-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: target) }
        var planted: [String] = []
        var zeroed: String?
        var nudged: String?
        let calculation = recalculatesOnLoad ? #"<calcPr calcId="124519" fullCalcOnLoad="1"/>"# : ""
        try Self.copy(
            source, to: target.path,
            editingWorkbook: { $0.replacingOccurrences(of: "</sheets>", with: "</sheets>" + calculation) }
        ) { xml in
            // The first three numeric formula cells of the first sheet with formulas get 1000 added;
            // the fourth caches 0, the fifth 0.004 more.
            guard planted.isEmpty else { return xml }
            let pattern = try! NSRegularExpression(
                pattern: #"<c r="([A-Z]+[0-9]+)"([^>]*)>(<f>[^<]*</f>)<v>([0-9.]+)</v>"#)
            var text = xml
            for (position, match) in pattern.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)).prefix(5)
                .enumerated().reversed()
            {
                let whole = Range(match.range, in: xml)!
                let cell = String(xml[Range(match.range(at: 1), in: xml)!])
                let cached = Decimal(string: String(xml[Range(match.range(at: 4), in: xml)!]))!
                let value = position == 3 ? 0 : position == 4 ? cached + Decimal(string: "0.004")! : cached + 1000
                let replacement =
                    "<c r=\"\(cell)\"\(xml[Range(match.range(at: 2), in: xml)!])>\(xml[Range(match.range(at: 3), in: xml)!])<v>\(value)</v>"
                text.replaceSubrange(Range(NSRange(whole, in: xml), in: text)!, with: replacement)
                if position == 3 { zeroed = cell } else if position == 4 { nudged = cell } else { planted.append(cell) }
            }
            return text
        }
        try #require(planted.count == 3)
        let zero = try #require(zeroed)
        let nudge = try #require(nudged)
        let plan = try PlanFile.load(path: Self.samples.appendingPathComponent("q3-plan.yaml").path)
        let roster = try RosterReader.read(TableFile.open(Self.samples.appendingPathComponent("roster.csv").path))
        let result = try Reconciler.reconcile(workbook: target.path, plan: plan, roster: roster)
        for cell in planted {
            let finding = result.findings.first { "\($0.cell)" == cell && $0.cause == .staleValue }
            #expect(finding != nil, "no stale_value at \(cell)")
            #expect(finding?.explanation.contains("is not what =") == true)
        }
        let zeroIsStale = result.findings.contains { "\($0.cell)" == zero && $0.causes.contains(.staleValue) }
        #expect(zeroIsStale == !recalculatesOnLoad)
        // Asked to recalculate, the 0 is a placeholder read as its formula gives: no finding.
        if recalculatesOnLoad { #expect(!result.findings.contains { "\($0.cell)" == zero }) }
        #expect(!result.findings.contains { "\($0.cell)" == nudge && $0.causes.contains(.staleValue) })
        let original = try Reconciler.reconcile(workbook: source, plan: plan, roster: roster)
        #expect(!original.findings.contains { $0.causes.contains(.staleValue) })
    }
}
