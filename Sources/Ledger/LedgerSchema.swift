import GRDB

/// The ledger's tables, created and changed only through versioned migrations.
///
/// A migration, once released, never changes: a new schema is a new migration appended here,
/// and `version` goes up by one. A ledger whose `user_version` is above `version`, or that
/// records migrations this build does not know, was written by a newer trueup and is refused.
enum LedgerSchema {
    /// The schema version this build writes (SQLite's `user_version`).
    static let version = 1

    /// The SQLite `application_id` that marks a file as a trueup ledger ("TRUL").
    static let applicationID: Int32 = 0x5452_554C

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: entries, rep totals, lines") { db in
            try db.create(table: LedgerEntry.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("action", .text).notNull()
                t.column("period", .text).notNull().indexed()
                t.column("periodKind", .text).notNull()
                t.column("fiscalYearStart", .integer).notNull()
                t.column("source", .text)
                t.column("recordedAt", .text).notNull()
                t.column("actor", .text).notNull()
                t.column("note", .text)
                t.column("planName", .text).notNull()
                t.column("currency", .text).notNull()
                t.column("planText", .text)
                t.column("planSHA256", .text)
                t.column("dealsSHA256", .text)
                t.column("rosterSHA256", .text)
                t.column("workbookSHA256", .text)
                t.column("totalPayable", .text).notNull()
                t.column("lineCount", .integer).notNull()
                t.column("repCount", .integer).notNull()
                t.column("contentSHA256", .text).notNull()
                t.column("previousSHA256", .text).notNull()
                t.column("sha256", .text).notNull().unique()
            }
            try db.create(table: PaidTotal.databaseTableName) { t in
                t.column("entryID", .integer).notNull().references(LedgerEntry.databaseTableName, onDelete: .restrict)
                t.column("position", .integer).notNull()
                t.column("rep", .text).notNull()
                t.column("name", .text)
                t.column("team", .text)
                t.column("period", .text).notNull()
                for money in ["credit", "earned", "draw", "drawPaid", "recovered", "balance"] {
                    t.column(money, .text)
                }
                t.column("payable", .text).notNull()
                t.primaryKey(["entryID", "position"])
            }
            try db.create(table: PaidLine.databaseTableName) { t in
                t.column("entryID", .integer).notNull().references(LedgerEntry.databaseTableName, onDelete: .restrict)
                t.column("position", .integer).notNull()
                t.column("rep", .text).notNull()
                t.column("period", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("dealID", .text)
                t.column("row", .integer)
                t.column("credit", .text)
                t.column("amount", .text).notNull()
                t.column("bonus", .text)
                t.column("flags", .text).notNull()
                t.column("explanation", .text).notNull()
                t.primaryKey(["entryID", "position"])
            }
            try db.create(index: "lineByRep", on: PaidLine.databaseTableName, columns: ["entryID", "rep"])
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        return migrator
    }
}
