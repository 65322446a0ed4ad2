#ifndef CITEGRAPH_CPREFETCH_SHIM_H
#define CITEGRAPH_CPREFETCH_SHIM_H

/// Asks the CPU to bring the cache line at `address` in ahead of a read (a hint: no fault,
/// no effect on results). Used where hash-table probes of one document's candidates would
/// otherwise wait for memory one after another.
static inline void citegraph_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
