#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

/// Swift 6 rejects libxml2's global `xmlFree` (a mutable global function pointer): call it here.
static inline void CLibXML2_xmlFree(void *pointer) {
    xmlFree(pointer);
}

/// An external-entity loader that always fails, so no document can make libxml2 read a file or URL.
static xmlParserInputPtr CLibXML2_refuseExternalEntity(const char *url, const char *id,
                                                       xmlParserCtxtPtr context) {
    (void)url; (void)id; (void)context;
    return NULL;
}

/// Installs `CLibXML2_refuseExternalEntity` process-wide and initialises the parser once.
static inline void CLibXML2_install(void) {
    xmlInitParser();
    xmlSetExternalEntityLoader(CLibXML2_refuseExternalEntity);
}
#endif
