// Day arithmetic and decimal text are shared with the engine, which knows no file format, so
// they live in `Primitives`; every user of `Spreadsheet` keeps seeing them through this module.
@_exported import Primitives
