import Foundation
import Testing

/// Every refusal is exactly one line on standard error that names the file, with status 2, and no
/// library (libxml2, Yams, Foundation) writes to standard error on its own: the hostile workbooks
/// of `shared/corpus/reject` and a set of broken plans, run as a user runs them.
@Suite struct RefusalLineTests {
    static let rejects: [String] = {
        let folder = CommandLineTests.corpus.appendingPathComponent("reject")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0).path }
    }()

    /// Broken plans by name: the text, and where the one line must point (`:line:column:`, or
    /// nil when the problem has no place in the text).
    static let brokenPlans: [(name: String, text: String, place: String?)] = [
        ("duplicate-key.yaml", "plan: P\nplan: Q\n", ":2:1: duplicate key 'plan'"),
        ("unknown-key.yaml", "plan: P\ncomission: {}\n", ":2:1:"),
        ("tab-indented.yaml", "plan: P\ncommission:\n\ttiers: {}\n", ":3:"),
        ("unclosed-flow.yaml", "plan: P\nreps: [ { id: R-1, name: A\n", ":"),
        ("wrong-type.yaml", "plan: [1, 2]\n", ":1:"),
        ("not-a-mapping.yaml", "- just\n- a list\n", ":1:1:"),
        ("empty.yaml", "", nil),
        ("nul-bytes.yaml", "plan: P\u{0}\u{0}\ncurrency: USD\n", nil),
        (
            "escape-codes.yaml", "plan: P\n\u{1B}[31mcurrency\u{7}: USD\n",
            ":2:1: not valid YAML: control characters are not allowed (U+001B)"
        ),
        ("anchors.yaml", "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n", ":"),
    ]

    /// Expects the one-line shape of a refusal of `file`.
    static func expectOneLine(
        _ result: CommandLineTests.Result, file: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let name = (file as NSString).lastPathComponent
        #expect(result.status == 2, "\(name): status \(result.status)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasSuffix("\n"), "\(name): \(result.stderr)", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 1, "\(name): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("trueup: error: "), "\(name): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(file), "\(name): \(result.stderr)", sourceLocation: sourceLocation)
        let controls = result.stderr.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" }
        #expect(controls.isEmpty, "\(name): \(result.stderr.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test func theRejectCorpusIsThere() {
        #expect(Self.rejects.count >= 30)
    }

    @Test(arguments: rejects)
    func aRejectedWorkbookIsOneLine(_ path: String) throws {
        Self.expectOneLine(try CommandLineTests.run(["inspect", path]), file: path)
        let plan = CommandLineTests.packageRoot.appendingPathComponent("samples/plan.yaml").path
        Self.expectOneLine(try CommandLineTests.run(["reconcile", path, "--plan", plan]), file: path)
        Self.expectOneLine(try CommandLineTests.run(["calculate", "--plan", plan, "--deals", path]), file: path)
    }

    @Test func aBrokenPlanIsOneLineAtItsPlace() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for plan in Self.brokenPlans {
            let path = folder.appendingPathComponent(plan.name).path
            try Data(plan.text.utf8).write(to: URL(fileURLWithPath: path))
            let result = try CommandLineTests.run(["plan", "check", path])
            Self.expectOneLine(result, file: path)
            if let place = plan.place {
                #expect(result.stderr.contains(path + place), "\(plan.name): \(result.stderr)")
            }
        }
    }
}
