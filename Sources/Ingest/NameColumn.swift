import Commission
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

    /// The headers of a column of e-mail addresses (`Email Address`, where a Google or Microsoft
    /// Form's responses sheet records who sent each row; `E-mail`, `Correo electrónico`,
    /// `E-Mail-Adresse`, `Adresse e-mail`, `Courriel`…).
    static let emailHeaders: Set<String> = Set(
        [
            "Email", "Email Address", "E-mail Address", "Email Addr", "Mail", "Correo", "Correo electrónico",
            "E-Mail-Adresse", "Adresse e-mail", "Adresse électronique", "Courriel", "Endereço de e-mail",
            "Indirizzo email", "E-mailadres",
        ].map(headerKey))

    /// `mapping` (a header naming every required field but the rep, and no rep) with its rep
    /// read from the one column so headed among `rows` (the table's first rows, the header among
    /// them), outside the fields found, whose texts under the header are more than half names of
    /// `knownReps`; else from the one column headed as an e-mail address whose texts are more than
    /// half addresses of `knownReps` (a roster's `email`), or whose part before the `@` is a known
    /// rep's name (`ana.lima@example.com`). Nil when there is none.
    static func mapping(_ mapping: ColumnMapping<Field>, rows: [Row], knownReps: KnownReps) -> ColumnMapping<Field>? {
        guard !knownReps.isEmpty, mapping.columns[.rep] == nil else { return nil }
        let names = Set(knownReps.reps.map(\.key))
        func reads(
            keyedAs headers: Set<String>, known: Set<String>, forms: (String) -> [String]
        ) -> ColumnMapping<Field>? {
            guard let (column, text) = mapping.onlyHeader(in: rows, keyedAs: headers) else { return nil }
            var written = 0
            var reps = 0
            for row in rows where row.index > mapping.headerRow {
                guard case .text(let name)? = row.cell(at: column)?.value else { continue }
                let keys = forms(name).map(SheetRep.normalized).filter { !$0.isEmpty }
                guard !keys.isEmpty else { continue }
                written += 1
                if keys.contains(where: known.contains) { reps += 1 }
            }
            guard reps > 0, reps * 2 > written else { return nil }
            return mapping.adding(.rep, column: column, header: text)
        }
        return reads(keyedAs: headers, known: names) { [$0] }
            ?? reads(keyedAs: emailHeaders, known: names.union(knownReps.addresses)) { address in
                guard let at = address.firstIndex(of: "@") else { return [] }
                return [address, String(address[..<at])]
            }
    }
}

extension RosterEntry {
    /// The ways a deals sheet may name the rep outside a rep column (a tab's name, a title, a
    /// column of names or of e-mail addresses): its id, name, aliases and e-mail.
    public var knownForms: [String] { [id] + (name.map { [$0] } ?? []) + aliases + (email.map { [$0] } ?? []) }
}
