#if canImport(Glibc)
    import Glibc
#endif

/// How large blocks of memory are taken from the system: so that a large array's memory goes back
/// when it is freed.
enum LargeAllocations {
    /// The size from which glibc maps a block from the system on its own: 256 KiB.
    static let threshold: Int32 = 256 * 1024

    /// glibc's `M_MMAP_THRESHOLD`, the `mallopt` parameter (malloc.h).
    private static let mapThresholdParameter: Int32 = -3
    /// The free memory a heap keeps at its top rather than give back to the system: 1 MiB.
    static let keptAtTop: Int32 = 1 << 20
    /// glibc's `M_TRIM_THRESHOLD` (malloc.h).
    private static let trimThresholdParameter: Int32 = -1

    /// Makes glibc map each block of `threshold` bytes or more on its own and unmap it when freed
    /// (`mallopt(M_MMAP_THRESHOLD)`); elsewhere does nothing.
    ///
    /// glibc otherwise raises that threshold to the size of the largest mapped block freed (up to
    /// 32 MiB), and from then on takes blocks below it from its heap, where a freed block stays
    /// resident until the blocks above it are freed too: the batches, tables and results a
    /// million-row reconciliation frees on its way held ~70 MB more resident at its peak. Each
    /// mapped block is fresh pages, though: a command that allocates and frees many such blocks
    /// pays in page faults (`calculate` at 1M lines: ~1 s more system time, for 85 MB less).
    ///
    /// Setting the threshold also fixes glibc's trim threshold, which it would raise beside it,
    /// at its least (128 KiB): each heap then gives back its top's free pages whenever they pass
    /// 128 KiB, and faults them in again at the next block it takes there: a million-row
    /// reconciliation took ~270,000 page faults, ~0.8 s of system time. So the trim threshold is
    /// set too, to `keptAtTop`: at most that much free memory stays resident per heap (a few
    /// heaps, one per thread that allocates), and the steps' `malloc_trim` (`trimmingAtEachStep`)
    /// still gives back all of it. With the pipelined read's chunks under the threshold
    /// (`ZipArchive.inflatedChunkSize`): ~170,000 faults, ~0.55 s. (4 MiB kept: ~130,000 and
    /// ~0.4 s, for up to 4 MiB a heap.)
    /// Call once, before anything is allocated in earnest.
    ///
    /// `mallopt` is looked up at run time: Swift's Glibc module leaves out malloc.h, and a C
    /// module of our own for one call is not worth its build.
    static func mapEachFromTheSystem() {
        #if canImport(Glibc)
            guard let symbol = dlsym(nil, "mallopt") else { return }
            let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
            _ = mallopt(mapThresholdParameter, threshold)
            _ = mallopt(trimThresholdParameter, keptAtTop)
        #endif
    }

    /// `hear`, the heaps' free pages given back to the system (`malloc_trim`) as each new step
    /// the progress names begins: the small blocks a step frees (findings, texts, tables' nodes)
    /// otherwise stay resident in the heap of the thread that took them, by tens of MB at ten
    /// million rows, and where they stay varies from run to run.
    static func trimmingAtEachStep(
        _ hear: @escaping (String, Int64, Int64) -> Void
    ) -> (String, Int64, Int64) -> Void {
        #if canImport(Glibc)
            guard let symbol = dlsym(nil, "malloc_trim") else { return hear }
            let trim = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
            return StageMeter.atEachNewStep(hear) { _ in _ = trim(0) }
        #else
            return hear
        #endif
    }
}
