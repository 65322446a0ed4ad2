#ifndef CITEGRAPH_CGRAPHVIZ_SHIM_H
#define CITEGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/// Agdirected/Agundirected are C globals; getters keep Swift 6 concurrency checking quiet.
static inline Agdesc_t citegraph_agdirected(void) { return Agdirected; }
static inline Agdesc_t citegraph_agundirected(void) { return Agundirected; }
#endif
