import Foundation

/// A file written atomically: bytes go to a temporary file beside the destination, which is
/// renamed into place by `commit()`. Without a commit (an error, a crash) the destination is
/// untouched and the temporary file is removed; SIGINT, SIGTERM, SIGHUP and crashes remove it too
/// (`TemporaryFiles`).
///
/// A file that replaces another keeps the other's permissions (a 0600 payroll stays 0600); a new
/// file gets 0666 less the umask, as any file the user creates. A write that fails (a full disk,
/// a file-size limit) is reported by `commit()` or `translatingErrors` naming the destination.
public final class AtomicOutputFile {
    public let path: String
    /// Where the bytes go until `commit()`; writers that need a `FileHandle` use `handle`.
    public let temporaryPath: String
    private let stream: UnsafeMutablePointer<FILE>
    private var committed = false
    /// The first `errno` of a failed `write`, reported by `commit()`.
    private var writeFailure: Int32?
    private let cleanupSlot: Int?

    /// Refuses a folder, a device, pipe or socket (renaming over `/dev/null` would replace the
    /// device with a file), and any path that is one of `inputs` (the same file, by device and
    /// inode). A symbolic link is replaced by the file, its target left as it is.
    public init(path: String, inputs: [String]) throws(SpreadsheetError) {
        self.path = path
        var status = stat()
        if lstat(path, &status) == 0 {
            let kind = status.st_mode & S_IFMT
            if kind != S_IFREG && kind != S_IFLNK && kind != S_IFDIR {
                throw SpreadsheetError(
                    Location(file: path),
                    "is not a regular file (a device, pipe or socket); give a file name for the output")
            }
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue {
                throw SpreadsheetError(Location(file: path), "is a folder; give a file name for the output")
            }
            if inputs.contains(where: { Self.sameFile($0, path) }) {
                throw SpreadsheetError(Location(file: path), "is an input of this command; refusing to overwrite it")
            }
        }
        let url = URL(fileURLWithPath: path)
        let prefix = url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".trueup-"
        // The name is registered for removal before the file exists, so that a signal between
        // creating it and registering it cannot leave it behind (mkstemp creates before it names).
        var attempt: (descriptor: Int32, path: String, slot: Int?)?
        for _ in 0..<64 {
            let candidate = prefix + Self.randomSuffix()
            let slot = TemporaryFiles.register(candidate)
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor >= 0 {
                attempt = (descriptor, candidate, slot)
                break
            }
            let failure = errno
            TemporaryFiles.unregister(slot)
            if failure != EEXIST {
                throw SpreadsheetError(
                    Location(file: path), "cannot write here (\(String(cString: strerror(failure))))")
            }
        }
        guard let (descriptor, temporary, slot) = attempt else {
            throw SpreadsheetError(Location(file: path), "cannot write here (no free temporary name)")
        }
        temporaryPath = temporary
        cleanupSlot = slot
        guard let opened = fdopen(descriptor, "wb") else {
            close(descriptor)
            unlink(temporaryPath)
            TemporaryFiles.unregister(cleanupSlot)
            throw SpreadsheetError(Location(file: path), "cannot write here")
        }
        setvbuf(opened, nil, _IOFBF, 1 << 20)
        stream = opened
    }

    /// Six letters and digits for a temporary file's name.
    private static func randomSuffix() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String((0..<6).map { _ in alphabet.randomElement()! })
    }

    deinit {
        if !committed {
            fclose(stream)
            unlink(temporaryPath)
        }
        TemporaryFiles.unregister(cleanupSlot)
    }

    /// A handle on the temporary file for writers that seek (the ZIP writer patches headers).
    /// Use either `handle` or `write`, not both.
    public lazy var handle: FileHandle = FileHandle(fileDescriptor: fileno(stream), closeOnDealloc: false)

    public func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { record(fwrite($0.baseAddress, 1, $0.count, stream), of: $0.count) }
    }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { record(fwrite($0.baseAddress, 1, $0.count, stream), of: $0.count) }
    }

    private func record(_ written: Int, of count: Int) {
        if written < count && writeFailure == nil { writeFailure = errno }
    }

    /// Runs `body`, which writes through `handle`, turning a failed write (Foundation's
    /// `NSCocoaErrorDomain` errors) into one `SpreadsheetError` naming the destination.
    public func translatingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SpreadsheetError {
            throw error
        } catch let error as NSError where error.domain == NSCocoaErrorDomain || error.domain == NSPOSIXErrorDomain {
            let underlying = (error.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap {
                $0.domain == NSPOSIXErrorDomain ? Int32($0.code) : nil
            }
            let code = error.domain == NSPOSIXErrorDomain ? Int32(error.code) : underlying
            throw SpreadsheetError(
                Location(file: path), "write failed (\(Self.reason(code ?? EIO, cocoa: error.code)))")
        }
    }

    /// Foundation's write errors carry a Cocoa code without the POSIX one at times.
    private static func reason(_ code: Int32, cocoa: Int) -> String {
        if cocoa == NSFileWriteOutOfSpaceError { return String(cString: strerror(ENOSPC)) }
        return String(cString: strerror(code))
    }

    /// Flushes, syncs and renames the file into place, with the permissions described above.
    public func commit() throws(SpreadsheetError) {
        if let writeFailure {
            throw SpreadsheetError(Location(file: path), "write failed (\(String(cString: strerror(writeFailure))))")
        }
        guard fflush(stream) == 0, ferror(stream) == 0, fsync(fileno(stream)) == 0 else {
            throw SpreadsheetError(Location(file: path), "write failed (\(String(cString: strerror(errno))))")
        }
        fchmod(fileno(stream), Self.mode(replacing: path))
        fclose(stream)
        committed = true
        guard rename(temporaryPath, path) == 0 else {
            unlink(temporaryPath)
            throw SpreadsheetError(
                Location(file: path), "cannot rename into place (\(String(cString: strerror(errno))))")
        }
    }

    /// The permissions of the file at `path` when there is one, else 0666 less the umask.
    static func mode(replacing path: String) -> mode_t {
        var existing = stat()
        if stat(path, &existing) == 0 { return existing.st_mode & 0o7777 }
        let mask = umask(0o022)
        umask(mask)
        return 0o666 & ~mask
    }

    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat()
        var second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
}
