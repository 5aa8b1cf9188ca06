import Foundation

/// What every fuzz target shares: libFuzzer's driver and a scratch file for readers that take a path.
///
/// Each target's `main.swift` hands its one-input function to `FuzzDriver.run`, which calls
/// libFuzzer's `LLVMFuzzerRunDriver` with the command line (so `-max_total_time`, corpus folders
/// and every other libFuzzer flag work as usual). The readers under test open files by path, so
/// `scratchFile` writes each input to one file per process, in `/dev/shm` when it exists.
public enum FuzzDriver {
    public typealias OneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

    /// Runs libFuzzer over `body` and exits with its status.
    public static func run(_ body: OneInput) -> Never {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv, body))
    }

    /// The input as bytes (empty when libFuzzer passes none).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ count: Int) -> [UInt8] {
        guard let data, count > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: count))
    }

    /// Writes the input to this process's scratch file (named with `suffix`) and returns its path.
    public static func scratchFile(_ data: UnsafePointer<UInt8>?, _ count: Int, suffix: String) -> String {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = "\(folder)/trueup-fuzz-\(getpid())\(suffix)"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(descriptor >= 0, "cannot write the scratch file \(path)")
        var offset = 0
        while offset < count, let data {
            let written = write(descriptor, data + offset, count - offset)
            precondition(written > 0, "cannot write the scratch file \(path)")
            offset += written
        }
        close(descriptor)
        return path
    }
}

/// libFuzzer's entry point for programs that have their own `main` (LLVM 11 and later).
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ body: FuzzDriver.OneInput
) -> Int32
