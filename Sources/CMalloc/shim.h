#ifndef CMALLOC_SHIM_H
#define CMALLOC_SHIM_H
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

/// Sets glibc's `M_MMAP_THRESHOLD` with `mallopt`, which Swift's Glibc module does not import
/// (it leaves out `malloc.h`); returns 0 where there is no such setting (not glibc) or it failed.
static inline int CMalloc_setMapThreshold(int bytes) {
#ifdef M_MMAP_THRESHOLD
    return mallopt(M_MMAP_THRESHOLD, bytes);
#else
    (void)bytes;
    return 0;
#endif
}
#endif
