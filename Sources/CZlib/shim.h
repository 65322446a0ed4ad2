#ifndef CITEGRAPH_CZLIB_SHIM_H
#define CITEGRAPH_CZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 is a macro; this exposes it to Swift.
static inline int citegraph_inflateInit2(z_streamp strm, int windowBits) {
    return inflateInit2(strm, windowBits);
}
#endif
