import Foundation

/// Where the formula tests find their inputs, from this file's location.
enum FormulaPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// The corpus workbooks, the scenario workbooks and the samples, sorted within each group.
    static var conformanceWorkbooks: [String] {
        let corpus = shared.appendingPathComponent("corpus/xlsx")
        let scenarios = shared.appendingPathComponent("scenarios")
        let samples = packageRoot.appendingPathComponent("samples")
        let files = FileManager.default
        var paths = ((try? files.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { $0.hasSuffix(".xlsx") }
            .sorted().map { corpus.appendingPathComponent($0).path }
        paths += ((try? files.contentsOfDirectory(atPath: scenarios.path)) ?? []).sorted().map {
            scenarios.appendingPathComponent($0).appendingPathComponent("manual.xlsx").path
        }.filter { files.fileExists(atPath: $0) }
        paths += ((try? files.contentsOfDirectory(atPath: samples.path)) ?? []).filter { $0.hasSuffix(".xlsx") }
            .sorted().map { samples.appendingPathComponent($0).path }
        return paths
    }
}
