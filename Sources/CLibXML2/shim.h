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

/// A generic error handler that prints nothing: libxml2 must never write to standard error
/// itself (its "encoding error" lines bypass the parser context). Errors are read back from the
/// context with xmlCtxtGetLastError instead.
static void CLibXML2_ignoreGenericError(void *context, const char *message, ...) {
    (void)context; (void)message;
}

/// A structured error handler that prints nothing, for the same reason.
static void CLibXML2_ignoreStructuredError(void *context, xmlErrorPtr error) {
    (void)context; (void)error;
}

/// Silences libxml2's own reporting on the calling thread (libxml2 keeps these handlers per
/// thread) and sets the default for threads that first touch libxml2 later.
static inline void CLibXML2_silenceThread(void) {
    xmlSetGenericErrorFunc(NULL, CLibXML2_ignoreGenericError);
    xmlSetStructuredErrorFunc(NULL, CLibXML2_ignoreStructuredError);
    xmlThrDefSetGenericErrorFunc(NULL, CLibXML2_ignoreGenericError);
    xmlThrDefSetStructuredErrorFunc(NULL, CLibXML2_ignoreStructuredError);
}

/// Installs `CLibXML2_refuseExternalEntity` process-wide and initialises the parser once.
static inline void CLibXML2_install(void) {
    xmlInitParser();
    xmlSetExternalEntityLoader(CLibXML2_refuseExternalEntity);
    CLibXML2_silenceThread();
}
#endif
