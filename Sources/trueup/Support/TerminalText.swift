import Foundation

/// Text from input files made safe to show on a terminal: control characters (ESC, BEL, CR, …,
/// C1 controls and DEL) become visible escapes such as `\u{1B}`, so a header or a name cannot move
/// the cursor, ring the bell, rewrite the line or change the terminal's settings.
enum TerminalText {
    /// Prints a report laid out for people: `render` gets the terminal's width (nil when
    /// standard output is a file or a pipe), and what it returns is printed escaped, lines kept.
    ///
    /// Written as `StandardOutput` writes, after what `print` wrote before it: a reader that
    /// leaves early (`| head`) fails a write the run then reports, where stdio would drop it.
    static func printReport(_ render: (_ width: Int?) -> String) {
        fflush(nil)
        let out = StandardOutput()
        out.write(escaped(render(TerminalWidth.standardOutput), keepingLines: true))
        out.flush()
    }

    /// `text` with every control character escaped; `keepingLines` keeps `\n` and `\t`, for
    /// reports laid out in lines and columns.
    static func escaped(_ text: String, keepingLines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && !(keepingLines && isLayout($0)) }) else {
            return text
        }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if isControl(scalar) && !(keepingLines && isLayout(scalar)) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `message` cut in its middle past `limit` characters, saying how many were left out: a
    /// hostile file's 200 KB value quoted in an error is not printed whole.
    static func shortened(_ message: String, limit: Int = 4000) -> String {
        guard message.count > limit else { return message }
        let kept = limit / 2
        return String(message.prefix(kept)) + " … (\(message.count - 2 * kept) characters left out) … "
            + String(message.suffix(kept))
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func isLayout(_ scalar: Unicode.Scalar) -> Bool { scalar == "\n" || scalar == "\t" }
}

/// Standard output must reach its reader: a full disk or a closed pipe is an error (status 2,
/// one line), not a run that looks successful.
enum StandardOutputCheck {
    private static let failure = Failure()

    /// Called once before the run: a closed pipe becomes an error to report, not a silent death.
    /// A file-size limit (`ulimit -f`) likewise: the write fails with EFBIG and names its file.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
    }

    /// Records a failed write made outside stdio (`StandardOutput`).
    static func failed(errno code: Int32) { failure.record(code) }

    /// Flushes every stdio stream (what `print` wrote) and throws when any write to standard
    /// output failed. glibc keeps unwritten bytes after a failed write, so the flush fails again.
    static func finish() throws {
        if fflush(nil) != 0 { failure.record(errno) }
        guard let code = failure.code else { return }
        throw UsageError("standard output: write failed (\(String(cString: strerror(code)))); the output is incomplete")
    }

    private final class Failure: @unchecked Sendable {
        private let lock = NSLock()
        private var first: Int32?

        var code: Int32? { lock.withLock { first } }

        func record(_ code: Int32) { lock.withLock { if first == nil { first = code } } }
    }
}
