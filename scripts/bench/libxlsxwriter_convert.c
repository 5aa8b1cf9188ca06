/* The libxlsxwriter peer for scripts/bench-write: reads the benchmark CSV (RFC 4180: quoted fields
 * with commas, doubled quotes and newlines) and writes it as XLSX in constant-memory mode, the
 * numeric columns (3 to 7) as numbers and the rest as strings, the header as strings.
 * usage: libxlsxwriter_convert IN.csv OUT.xlsx */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static int read_field(FILE *in, char **buffer, size_t *capacity, int *end_of_record) {
    size_t length = 0;
    int c = fgetc(in), quoted = 0;
    if (c == EOF) return 0;
    if (c == '"') { quoted = 1; c = fgetc(in); }
    for (;;) {
        if (c == EOF) { *end_of_record = 1; break; }
        if (quoted) {
            if (c == '"') {
                int next = fgetc(in);
                if (next == '"') { c = '"'; }
                else { quoted = 0; c = next; continue; }
            }
        } else if (c == ',') { *end_of_record = 0; break; }
        else if (c == '\r') { c = fgetc(in); continue; }
        else if (c == '\n') { *end_of_record = 1; break; }
        if (length + 2 > *capacity) { *capacity *= 2; *buffer = realloc(*buffer, *capacity); }
        (*buffer)[length++] = (char)c;
        c = fgetc(in);
    }
    (*buffer)[length] = 0;
    return 1;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: %s IN.csv OUT.xlsx\n", argv[0]); return 2; }
    FILE *in = fopen(argv[1], "rb");
    if (!in) { perror(argv[1]); return 2; }
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
    lxw_workbook *workbook = workbook_new_opt(argv[2], &options);
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Deals");
    size_t capacity = 1024;
    char *field = malloc(capacity);
    lxw_row_t row = 0;
    lxw_col_t column = 0;
    int end = 0;
    while (read_field(in, &field, &capacity, &end)) {
        if (row > 0 && column >= 3 && column <= 7 && field[0])
            worksheet_write_number(sheet, row, column, strtod(field, NULL), NULL);
        else if (field[0])
            worksheet_write_string(sheet, row, column, field, NULL);
        if (end) { row++; column = 0; } else { column++; }
    }
    free(field);
    fclose(in);
    return workbook_close(workbook) == LXW_NO_ERROR ? 0 : 1;
}
