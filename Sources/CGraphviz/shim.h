#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/// `Agdirected` by value: Swift 6 refuses to read a mutable C global outside an actor.
static inline Agdesc_t CGraphvizDirected(void) { return Agdirected; }
