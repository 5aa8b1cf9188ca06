import Foundation

/// The folder a test process makes its files in (`<temporary folder>/trueup-tests-<pid>`), removed
/// with everything in it when the process exits, so runs leave nothing behind. Tests name their
/// own files or folders inside it, unique within the run (a UUID where one test makes several).
public enum Scratch {
    /// Made on first use.
    public static let folder: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trueup-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Scratch.folder) }
        return folder
    }()
}
