import FuzzSupport
import ZIP

// The ZIP reader: directory parsing, local headers, inflating every entry under small limits.
// Any input may be refused with a `ZipError`; none may crash, hang or read out of bounds.
FuzzDriver.run { data, count in
    let path = FuzzDriver.scratchFile(data, count, suffix: ".zip")
    let limits = ZipLimits(maxEntryCount: 256, maxPartSize: 4 << 20, maxTotalSize: 16 << 20)
    guard let archive = try? ZipArchive(path: path, limits: limits) else { return 0 }
    for entry in archive.entries {
        _ = try? archive.read(entry) { _ in }
    }
    return 0
}
