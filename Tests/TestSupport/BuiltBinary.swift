import Foundation

/// The `trueup` binary beside the running test bundle (the build folder `swift test` used),
/// else `.build/debug/trueup` under `packageRoot`.
public enum BuiltBinary {
    public static func trueup(packageRoot: URL) -> String {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("trueup").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/trueup").path
    }
}
