import Foundation

/// Where the tests find their inputs, from this file's location (never the working directory).
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// The files in a corpus folder that have an `.expected.json` beside them, sorted.
    static func corpusFiles(_ folder: String) -> [String] {
        let directory = corpus.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".expected.json") }.sorted().map {
            directory.appendingPathComponent(String($0.dropLast(".expected.json".count))).path
        }
    }

    static func expected(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path + ".expected.json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }
}
