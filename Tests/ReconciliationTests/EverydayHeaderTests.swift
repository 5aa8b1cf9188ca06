import Foundation
import Ingest
import Testing

/// Everyday headers of Spanish, French, Italian, Portuguese, German and Dutch sheets, each in
/// place of one English header of a deals table: an invoice's or an order's number is the deal id
/// (`Nº factura`, `Numero ordine`, `N° de contrat`), `Asesor` or `Chargé d'affaires` the rep, a
/// German or Dutch compound the date, the amount or the commission (`Rechnungsdatum`,
/// `Auftragssumme`, `Provisionsbetrag`), `Incentivo` the commission.
@Suite struct EverydayHeaderTests {
    static let english = ["Deal ID", "Rep", "Close Date", "Amount", "Commission"]

    @Test(arguments: [
        (0, "Nº factura"), (0, "Numero ordine"), (0, "N° de contrat"), (0, "Ordernr."), (0, "Referentie"),
        (0, "Factura"), (1, "Asesor"), (1, "Responsable"), (1, "Chargé d'affaires"), (1, "Consulente"),
        (1, "Executivo de vendas"), (2, "Rechnungsdatum"), (2, "Buchungsdatum"), (2, "Verkaufsdatum"),
        (2, "Factuurdatum"), (3, "Rechnungsbetrag"), (3, "Auftragssumme"), (3, "Chiffre d'affaires"),
        (3, "Base imponible"), (3, "Total venta"), (3, "Factuurbedrag"), (4, "Provisionsbetrag"),
        (4, "Commissiebedrag"), (4, "Incentivo"),
    ])
    func anEverydayHeaderNamesItsField(column: Int, header: String) throws {
        var headers = Self.english
        headers[column] = header
        let table = try LooseHeaderTests.read(headers, ["D-1", "Ana Lima", "2026-07-03", "1000", "50.00"])
        let fields = ["deal_id", "rep", "date", "amount", "commission"]
        #expect(LooseHeaderTests.headers(table) == Dictionary(uniqueKeysWithValues: zip(fields, headers)))
        #expect(table.lines.first?.amount == 1000)
    }

    /// A share of the credit headed as CRM exports head it is the split, and a commission's
    /// percentage written out (`Commission Pct`, `Commission Percentage`) the rate.
    @Test(arguments: [
        ("Ownership %", "Rate"), ("Allocation %", "Rate"), ("Allocation", "Rate"), ("Split", "Commission Pct"),
        ("Split", "Commission Percentage"), ("Split", "Comm Pct"),
    ])
    func sharesAndRatesWrittenOutNameTheirFields(split: String, rate: String) throws {
        let header = ["Deal ID", "Rep", "Close Date", "Amount", split, rate, "Commission"]
        let table = try LooseHeaderTests.read(header, ["D-1", "Ana Lima", "2026-07-03", "1000", "50%", "5%", "25.00"])
        #expect(LooseHeaderTests.headers(table)["split"] == split)
        #expect(LooseHeaderTests.headers(table)["rate"] == rate)
        #expect(table.lines.first?.split == Decimal(string: "0.5"))
    }

    /// Beside the headers that name the rep, the date, the amount and the commission, everyday
    /// words for them are no second column for the field (no ambiguity to refuse).
    @Test func everydayWordsBesideTheFieldsOwnHeadersAreLeftAlone() throws {
        let table = try LooseHeaderTests.read(
            [
                "Auftragsnummer", "Verkäufer", "Responsable", "Abschlussdatum", "Rechnungsdatum", "Betrag",
                "Rechnungsbetrag", "Provision", "Provisionsbetrag",
            ],
            ["D-1", "Ana Lima", "Ben Okafor", "2026-07-03", "2026-07-09", "1000", "1190", "50.00", "50.00"])
        #expect(
            LooseHeaderTests.headers(table) == [
                "deal_id": "Auftragsnummer", "rep": "Verkäufer", "date": "Abschlussdatum", "amount": "Betrag",
                "commission": "Provision",
            ])
    }

    /// An invoice's date or amount is the date or the amount, not the deal id the invoice's name
    /// would make it (`Fecha factura`, `Importe factura` beside `Nº operación`).
    @Test func anInvoicesDateAndAmountAreNoDealID() throws {
        let table = try LooseHeaderTests.read(
            ["Nº operación", "Vendedor", "Fecha factura", "Importe factura", "Comisión"],
            ["D-1", "Ana Lima", "2026-07-03", "1000", "50.00"])
        #expect(LooseHeaderTests.headers(table)["date"] == "Fecha factura")
        #expect(LooseHeaderTests.headers(table)["amount"] == "Importe factura")
    }
}
