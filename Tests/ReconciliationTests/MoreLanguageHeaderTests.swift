import Foundation
import Testing

/// Deals headers in Polish, Swedish, Danish and Norwegian, each read as the field it names
/// (`HeaderSynonyms`).
@Suite struct MoreLanguageHeaderTests {
    @Test func polishHeaders() throws {
        let header = ["Nr transakcji", "Handlowiec", "Data zamknięcia", "Kwota", "Udział", "Stawka", "Prowizja"]
        #expect(
            try CRMExportHeaderTests.mapped(header, ["D-1", "Ana Lima", "2026-07-03", "1000", "1", "0.05", "50"])
                == [
                    "deal_id": "Nr transakcji", "rep": "Handlowiec", "date": "Data zamknięcia", "amount": "Kwota",
                    "split": "Udział", "rate": "Stawka", "commission": "Prowizja",
                ])
    }

    @Test(arguments: [
        ["Affärs-ID", "Säljare", "Stängningsdatum", "Belopp", "Andel", "Provisionssats", "Provision"],
        ["Aftalenummer", "Sælger", "Dato", "Beløb", "Andel", "Sats", "Provision"],
        ["Avtalenummer", "Selger", "Dato", "Beløp", "Andel", "Provisjonssats", "Provisjon"],
    ])
    func nordicHeaders(_ header: [String]) throws {
        let mapped = try CRMExportHeaderTests.mapped(
            header, ["D-1", "Ana Lima", "2026-07-03", "1000", "1", "0.05", "50"])
        let fields = ["deal_id", "rep", "date", "amount", "split", "rate", "commission"]
        #expect(mapped == Dictionary(uniqueKeysWithValues: zip(fields, header)))
    }
}
