/* libxml2's own cost on a worksheet, with callbacks that do nothing but count cells: the floor
 * under trueup's parse thread, and a way to compare libxml2's ways of being driven without
 * building trueup (docs/performance.md, session 22).
 *   MODE: pull (xmlCreateIOParserCtxt, as trueup reads a sheet), push (xmlParseChunk in CHUNK
 *   bytes), sax1-pull (a SAX1 handler set: startElement/endElement, no namespaces).
 *   OPTIONS: extra xmlParserOption bits, added to trueup's XML_PARSE_NONET | XML_PARSE_NOCDATA.
 * build: cc -O2 $(pkg-config --cflags libxml-2.0) libxml2_sax_floor.c -o sax-floor $(pkg-config --libs libxml-2.0)
 * usage: valgrind --tool=callgrind sax-floor SHEET.xml MODE [OPTIONS [CHUNK]] */
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *data;
static size_t size, offset, chunk = 65536;
static long cells;

static int readBytes(void *context, char *buffer, int length) {
    size_t count = size - offset;
    (void)context;
    if (count > (size_t)length) count = (size_t)length;
    memcpy(buffer, data + offset, count);
    offset += count;
    return (int)count;
}

static void start2(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri, int namespaceCount,
                   const xmlChar **namespaces, int attributeCount, int defaulted, const xmlChar **attributes) {
    if (local[0] == 'c' && local[1] == 0) cells++;
}
static void end2(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri) {}
static void start1(void *user, const xmlChar *name, const xmlChar **attributes) {
    if (name[0] == 'c' && name[1] == 0) cells++;
}
static void end1(void *user, const xmlChar *name) {}
static void text(void *user, const xmlChar *characters, int length) {}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: %s SHEET.xml pull|push|sax1-pull [OPTIONS [CHUNK]]\n", argv[0]); return 2; }
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 2; }
    fseek(file, 0, SEEK_END);
    size = (size_t)ftell(file);
    rewind(file);
    data = malloc(size);
    if (fread(data, 1, size, file) != size) { perror(argv[1]); return 2; }
    fclose(file);
    const char *mode = argv[2];
    int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | (argc > 3 ? atoi(argv[3]) : 0);
    if (argc > 4) chunk = (size_t)atoi(argv[4]);

    xmlInitParser();
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    if (strstr(mode, "sax1")) {
        sax.initialized = 1;
        sax.startElement = start1;
        sax.endElement = end1;
    } else {
        sax.initialized = XML_SAX2_MAGIC;
        sax.startElementNs = start2;
        sax.endElementNs = end2;
    }
    sax.characters = text;
    xmlParserCtxtPtr context;
    int status;
    if (strcmp(mode, "push") == 0) {
        context = xmlCreatePushParserCtxt(&sax, NULL, data, 4, argv[1]);
        xmlCtxtUseOptions(context, options);
        for (offset = 4, status = 0; offset < size && status == 0; offset += chunk) {
            size_t count = size - offset < chunk ? size - offset : chunk;
            status = xmlParseChunk(context, data + offset, (int)count, 0);
        }
        if (status == 0) status = xmlParseChunk(context, NULL, 0, 1);
    } else {
        context = xmlCreateIOParserCtxt(&sax, NULL, readBytes, NULL, NULL, XML_CHAR_ENCODING_NONE);
        xmlCtxtUseOptions(context, options);
        status = xmlParseDocument(context);
    }
    int wellFormed = context->wellFormed;
    printf("%s: status %d, well-formed %d, %ld cells\n", mode, status, wellFormed, cells);
    xmlFreeParserCtxt(context);
    return status == 0 && wellFormed ? 0 : 1;
}
