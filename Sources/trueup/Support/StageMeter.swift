import Foundation

/// Time and memory of one stage of a run, reported on standard error when `TRUEUP_STAGES` is
/// set (benchmarks use it to measure one stage of a command that does several).
///
/// Linux only for memory: the peak resident size is reset when the stage begins
/// (`/proc/self/clear_refs`) and read when it ends (`VmHWM`), so the figure is the stage's own
/// peak, including what earlier stages still hold.
struct StageMeter {
    static let enabled = ProcessInfo.processInfo.environment["TRUEUP_STAGES"] != nil

    let name: String
    private let start = Date()
    private let residentBefore: Int?

    init(_ name: String) {
        self.name = name
        guard Self.enabled else {
            residentBefore = nil
            return
        }
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        residentBefore = Self.status("VmRSS")
    }

    func finish() {
        guard Self.enabled else { return }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(start))
        let peak = Self.status("VmHWM").map { String($0 / 1024) } ?? "?"
        let before = residentBefore.map { String($0 / 1024) } ?? "?"
        FileHandle.standardError.write(
            Data("trueup: stage \(name): \(seconds) s, peak resident \(peak) MB (\(before) MB resident before)\n".utf8))
    }

    /// A `kB` figure of `/proc/self/status`.
    private static func status(_ key: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }

    /// `hear`, and, when `TRUEUP_STAGES` is set, a line on standard error as each new stage the
    /// progress names begins (`reading the workbook`, `explaining each row`), with the seconds
    /// since the first and the processor seconds the process has spent on all its threads: where
    /// the time of a long command goes, and how much of it keeps both cores busy.
    static func timingSteps(_ hear: @escaping (String, Int64, Int64) -> Void) -> (String, Int64, Int64) -> Void {
        guard enabled else { return hear }
        let start = Date()
        return atEachNewStep(hear) { stage in
            var used = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &used)
            let seconds = String(format: "%.2f", Date().timeIntervalSince(start))
            let processor = String(format: "%.2f", Double(used.tv_sec) + Double(used.tv_nsec) / 1e9)
            FileHandle.standardError.write(
                Data("trueup: step \(stage) begins at \(seconds) s (\(processor) s of processor time)\n".utf8))
        }
    }

    /// `hear`, with `begin` called first as each new step the progress names begins. The
    /// progress is heard on one thread at a time.
    static func atEachNewStep(
        _ hear: @escaping (String, Int64, Int64) -> Void, begin: @escaping (String) -> Void
    ) -> (String, Int64, Int64) -> Void {
        nonisolated(unsafe) var current: String?
        return { stage, done, total in
            if stage != current {
                current = stage
                begin(stage)
            }
            hear(stage, done, total)
        }
    }
}
