import Spreadsheet

/// A deals table without a rep column whose `Name` column names its reps (`Name | Ana Lima`):
/// `Name` alone says nothing of whose name it is (a customer's, a product's), so the column is
/// the rep only when more than half the names under it are reps the roster or plan knows.
enum NameColumn {
    /// The headers of a column of names, in the languages `HeaderSynonyms` covers.
    static let headers: Set<String> = Set(
        [
            "Name", "Full Name", "Nombre", "Nom", "Nome", "Naam", "Imię i nazwisko", "Namn", "Navn", "Nimi",
            "Jméno", "İsim", "Ad Soyad",
        ].map(headerKey))

    /// `mapping` (a header naming every required field but the rep, and no rep) with its rep
    /// read from the one column so headed among `rows` (the table's first rows, the header among
    /// them), outside the fields found, whose texts under the header are more than half names of
    /// `knownReps`. Nil when there is none.
    static func mapping(_ mapping: ColumnMapping<Field>, rows: [Row], knownReps: KnownReps) -> ColumnMapping<Field>? {
        guard !knownReps.isEmpty, mapping.columns[.rep] == nil,
            let (column, text) = mapping.onlyHeader(in: rows, keyedAs: headers)
        else { return nil }
        let known = Set(knownReps.reps.map(\.key))
        var names = 0
        var reps = 0
        for row in rows where row.index > mapping.headerRow {
            guard case .text(let name)? = row.cell(at: column)?.value else { continue }
            let key = SheetRep.normalized(name)
            guard !key.isEmpty else { continue }
            names += 1
            if known.contains(key) { reps += 1 }
        }
        guard reps > 0, reps * 2 > names else { return nil }
        return mapping.adding(.rep, column: column, header: text)
    }
}
