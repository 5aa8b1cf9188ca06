import Foundation

/// The project's Python scripts (the generators of fixtures and layouts, the oracle), run from
/// tests.
public enum PythonScript {
    /// What they run with on top of this process's environment: their compiled modules cached in
    /// the scratch folder (`PYTHONPYCACHEPREFIX`), even where the machine asks Python to write none
    /// (`PYTHONDONTWRITEBYTECODE`). The layout generators load thousands of lines of their sibling
    /// scripts in every run, ~0.3 s of compiling each time without the cache.
    public static let environment: [String: String] = [
        "PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": Scratch.folder.appendingPathComponent("pycache").path,
    ]

    /// Runs `python3` with `arguments` (a script's path and its arguments, or `-c` and a program)
    /// and waits for it; its standard output goes to this process's unless `quiet`. Returns its
    /// exit status.
    @discardableResult
    public static func run(_ arguments: [String], quiet: Bool = false) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if quiet { process.standardOutput = FileHandle.nullDevice }
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
