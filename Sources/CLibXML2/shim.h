#ifndef CITEGRAPH_CLIBXML2_SHIM_H
#define CITEGRAPH_CLIBXML2_SHIM_H
// libxml2's headers pull in the system ICU, which clashes with Foundation's bundled ICU.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

static inline void citegraph_xmlFree(void *p) { xmlFree(p); }
#endif
