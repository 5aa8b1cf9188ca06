import Foundation

/// A progress line on standard error, shown only on a terminal and only once work has taken more
/// than a second; redrawn at most ten times a second and cleared when done.
final class ProgressLine {
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false
    private let enabled = isatty(STDERR_FILENO) == 1

    func update(_ label: String, done: Int64, total: Int64) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        let percent = total > 0 ? min(100, Int(done * 100 / total)) : 0
        FileHandle.standardError.write(Data("\r\u{1B}[K\(label) \(percent)%".utf8))
        drawn = true
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }
}
