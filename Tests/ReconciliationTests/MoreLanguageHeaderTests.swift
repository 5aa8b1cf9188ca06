import Foundation
import Testing

/// Deals headers in Polish, Swedish, Danish, Norwegian, Finnish, Czech and Turkish, each read as the field it names
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
        ["Kauppa-ID", "Myyjä", "Päivämäärä", "Summa", "Osuus", "Provisioprosentti", "Provisio"],
        ["Číslo obchodu", "Obchodník", "Datum", "Částka", "Podíl", "Sazba", "Provize"],
        ["Anlaşma No", "Satış Temsilcisi", "Tarih", "Tutar", "Paylaşım", "Oran", "Komisyon"],
    ])
    func nordicFinnishCzechAndTurkishHeaders(_ header: [String]) throws {
        let mapped = try CRMExportHeaderTests.mapped(
            header, ["D-1", "Ana Lima", "2026-07-03", "1000", "1", "0.05", "50"])
        let fields = ["deal_id", "rep", "date", "amount", "split", "rate", "commission"]
        #expect(mapped == Dictionary(uniqueKeysWithValues: zip(fields, header)))
    }

    /// `Amount Payable` beside the deal's amount is the commission; alone, the amount.
    @Test(arguments: [
        (["Deal ID", "Rep", "Close Date", "Deal Value", "Amount Payable"], "Deal Value", "Amount Payable"),
        (["Deal ID", "Rep", "Close Date", "Amount Payable", "Commission"], "Amount Payable", "Commission"),
    ])
    func amountPayableBesideTheAmountIsTheCommission(_ header: [String], amount: String, commission: String) throws {
        let mapped = try CRMExportHeaderTests.mapped(header, ["D-1", "Ana Lima", "2026-07-03", "1000", "50"])
        #expect(mapped["amount"] == amount)
        #expect(mapped["commission"] == commission)
    }

    /// `Booked` alone is the date; `Booked Amount` beside it stays the amount.
    @Test func bookedAloneIsTheDate() throws {
        let header = ["Deal ID", "Rep", "Booked", "Booked Amount", "Commission"]
        #expect(
            try CRMExportHeaderTests.mapped(header, ["D-1", "Ana Lima", "2026-07-03", "1000", "50"])
                == [
                    "deal_id": "Deal ID", "rep": "Rep", "date": "Booked", "amount": "Booked Amount",
                    "commission": "Commission",
                ])
    }
}
