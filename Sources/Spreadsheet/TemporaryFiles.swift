import Foundation

/// The temporary files of unfinished outputs, removed when SIGINT, SIGTERM or SIGHUP stops the
/// process, and when it crashes (SIGSEGV, SIGBUS, SIGILL, SIGTRAP — Swift's traps —, SIGABRT,
/// SIGFPE). The signal is then delivered again with the action it had before (its default, or the
/// Swift runtime's crash reporter), so the exit status says what stopped it. A signal that was
/// ignored when the process started (`nohup`) stays ignored.
///
/// The handler may only call async-signal-safe functions, so the paths live in a fixed table of C
/// strings that it walks with `unlink`; registering takes a lock, the handler does not.
enum TemporaryFiles {
    static let capacity = 64
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        table.initialize(repeating: nil, count: capacity)
        return table
    }()
    private static let lock = NSLock()
    private static let stopping = [SIGINT, SIGTERM, SIGHUP]
    private static let crashing = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]
    /// Each handled signal's action before ours, indexed by signal number; written once, before
    /// any handler is installed, and only read by the handler.
    nonisolated(unsafe) private static let previous: UnsafeMutablePointer<sigaction> = {
        let table = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        table.initialize(repeating: sigaction(), count: 65)
        return table
    }()
    private static let installOnce: Void = {
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in stopping + crashing {
            // A signal the user chose to ignore (`nohup`) stays ignored.
            var current = sigaction()
            sigaction(signal, nil, &current)
            let handler = unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self)
            if handler == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            // A stop is delivered again with its default action; a crash with the action it had,
            // which may be the Swift runtime's crash reporter.
            previous[Int(signal)] = stopping.contains(signal) ? sigaction() : current
            sigaddset(&unblock, signal)
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                for index in 0..<TemporaryFiles.capacity {
                    if let path = TemporaryFiles.slots[index] { unlink(path) }
                }
                // The signal is blocked while this runs: raised again, it arrives on return with
                // the restored action (and a fault re-executed faults again the same way).
                sigaction(received, &TemporaryFiles.previous[Int(received)], nil)
                raise(received)
            }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
        // A mask inherited from the parent would hold the signal back until the output is done.
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }()

    /// Records `path` for removal on a signal; nil when the table is full (the file is then
    /// still removed on errors, only not on signals).
    static func register(_ path: String) -> Int? {
        installOnce
        lock.lock()
        defer { lock.unlock() }
        guard let free = (0..<capacity).first(where: { slots[$0] == nil }) else { return nil }
        slots[free] = strdup(path)
        return free
    }

    /// Forgets the path in `slot` (the file was renamed into place or removed).
    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        lock.lock()
        defer { lock.unlock() }
        let path = slots[slot]
        slots[slot] = nil
        free(path)
    }
}
