import Foundation

/// Buffered writes to standard output for large results, flushed in 1 MiB blocks.
final class StandardOutput {
    private var buffer: [UInt8] = []
    /// Whether any byte has gone to standard output yet.
    private(set) var hasWritten = false

    init() { buffer.reserveCapacity(1 << 20) }

    deinit { flush() }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 {
                    StandardOutputCheck.failed(errno: errno)
                    break
                }
                offset += written
            }
        }
        hasWritten = true
        buffer.removeAll(keepingCapacity: true)
    }

    /// Drops what is buffered and not yet written (a result an error cut short).
    func discard() { buffer.removeAll(keepingCapacity: true) }
}
