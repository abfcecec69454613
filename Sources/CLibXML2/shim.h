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

/// The last `byte` in `bytes[0..<count]`, or NULL: glibc's vectorized `memrchr` where there is one (Swift's Glibc
/// module does not export it), a plain loop elsewhere. Used by the attribute prescan, not by libxml2.
#if defined(__GLIBC__)
extern void *memrchr(const void *, int, size_t);
#endif
static inline const void *clibxml2_last_byte(const void *bytes, unsigned char byte, size_t count) {
#if defined(__GLIBC__)
    return memrchr(bytes, byte, count);
#else
    const unsigned char *p = (const unsigned char *)bytes + count;
    while (p > (const unsigned char *)bytes) { if (*--p == byte) return p; }
    return 0;
#endif
}

#endif
