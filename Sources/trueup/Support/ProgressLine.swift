import Foundation

/// A progress line on standard error, shown only on a terminal and only once work has taken more
/// than a second; redrawn at most ten times a second and cleared when done.
final class ProgressLine {
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false
    private var lastLabel = ""
    private let enabled = isatty(STDERR_FILENO) == 1

    /// Shows `label` with the share done; a `total` of 0 shows the label alone (a stage whose
    /// length is not known). A new label is drawn at once, the same one at most ten times a second.
    func update(_ label: String, done: Int64, total: Int64) {
        guard enabled else { return }
        let now = Date()
        let isNew = label != lastLabel
        guard now.timeIntervalSince(start) > 1, isNew || now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastLabel = label
        lastDraw = now
        let percent = total > 0 ? " \(min(100, Int(done * 100 / total)))%" : "…"
        FileHandle.standardError.write(Data("\r\u{1B}[K\(label)\(percent)".utf8))
        drawn = true
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }
}
