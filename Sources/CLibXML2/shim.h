#ifndef RUNDSCHAU_CLIBXML2_SHIM_H
#define RUNDSCHAU_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED   /* else: 'UErrorCode' has different definitions ... '_FoundationICU' */
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/encoding.h>
#include <libxml/xmlerror.h>
#include <libxml/uri.h>

/// xmlFree is a global function pointer: not concurrency-safe to touch from Swift 6.
static inline void clibxml2_free(void *p) { xmlFree(p); }

/// The dotted libxml2 version this module was compiled against.
static inline const char *clibxml2_version(void) { return LIBXML_DOTTED_VERSION; }

#if defined(__GLIBC__)
/// glibc's vectorized `memrchr` (Swift's Glibc module does not export it), for the attribute prescan; not libxml2.
extern void *memrchr(const void *, int, size_t);
static inline const void *clibxml2_memrchr(const void *bytes, int byte, size_t count) {
    return memrchr(bytes, byte, count);
}
#endif

#endif
