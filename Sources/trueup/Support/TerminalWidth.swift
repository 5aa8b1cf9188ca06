import Foundation

/// How wide the terminal standard output goes to is, so tables can fit it.
enum TerminalWidth {
    /// The columns of the terminal on standard output; nil when it is a file or a pipe (nothing
    /// wraps then), unless `COLUMNS` says otherwise.
    static var standardOutput: Int? {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return columns
        }
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
