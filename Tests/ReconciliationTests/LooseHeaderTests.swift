import Foundation
import Ingest
import Testing
import XLSX

/// Headers that name a field among other words are read as that field when nothing else claims
/// the column; a column two fields could be, or one whose best name is a field already found, is
/// left alone.
@Suite struct LooseHeaderTests {
    /// The deals table of a CSV file with `header` and one deal row of `values`.
    static func read(_ header: [String], _ values: [String]) throws -> DealsTable {
        try read(header, rows: [values])
    }

    /// The deals table of a CSV file with `header` and the deal `rows`.
    static func read(_ header: [String], rows: [[String]]) throws -> DealsTable {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("deals.csv")
        try ([header] + rows).map { $0.joined(separator: ",") + "\n" }.joined()
            .write(to: path, atomically: true, encoding: .utf8)
        return try DealsReader.read(TableFile.open(path.path))
    }

    /// Field name → header, as the table was mapped.
    static func headers(_ table: DealsTable) -> [String: String] {
        Dictionary(uniqueKeysWithValues: table.mapping.headers.map { ($0.key.rawValue, $0.value) })
    }

    @Test func headersThatNameAFieldAmongOtherWordsAreRead() throws {
        let table = try Self.read(
            [
                "Deal #", "Sales Rep Name", "Invoice Date", "Booking Amount (USD)", "Split (%)", "Comm. Rate %",
                "Commission ($)",
            ],
            ["D-1", "Ana Lima", "2026-07-03", "1000", "50%", "5%", "25.00"])
        #expect(
            Self.headers(table) == [
                "deal_id": "Deal #", "rep": "Sales Rep Name", "date": "Invoice Date", "amount": "Booking Amount (USD)",
                "split": "Split (%)", "rate": "Comm. Rate %", "commission": "Commission ($)",
            ])
        #expect(table.lines.count == 1 && table.lines[0].amount == 1000)
        let other = try Self.read(
            ["Invoice #", "Employee", "Close Date", "Net Sales", "Commission %", "Comm. Amount"],
            ["I-1", "Ana Lima", "2026-07-03", "1000", "5%", "50.00"])
        #expect(
            Self.headers(other) == [
                "deal_id": "Invoice #", "rep": "Employee", "date": "Close Date", "amount": "Net Sales",
                "rate": "Commission %", "commission": "Comm. Amount",
            ])
    }

    @Test func aColumnAnotherFieldNamesBetterIsLeftAlone() throws {
        // `Order Date` is a date and `Deal Stage` a status, so neither is the deal id.
        let table = try Self.read(
            ["Opportunity Name", "Rep", "Close Date", "Order Date", "Deal Stage", "Amount"],
            ["Acme renewal", "Ana Lima", "2026-07-03", "2026-06-30", "Won", "1000"])
        #expect(Self.headers(table)["deal_id"] == "Opportunity Name")
        #expect(Self.headers(table)["date"] == "Close Date")
        #expect(!Self.headers(table).values.contains("Order Date"))
        #expect(Self.headers(table)["status"] == "Deal Stage")
        // Two columns that could each be the amount: neither is, and the error says the amount is missing.
        #expect {
            _ = try Self.read(
                ["Deal ID", "Rep", "Date", "Net Sales", "Gross Sales"],
                ["D-1", "Ana Lima", "2026-07-03", "900", "1000"])
        } throws: { error in
            "\(error)".contains("missing amount")
        }
    }

    /// The optional columns under the names hand-kept sheets give them, in the six languages:
    /// each header row holds the required columns, then one product, type, status and cancel date.
    static let optionalHeaders: [[String]] = [
        ["Product Name", "Business Type", "Deal Stage", "Cancelled On"],
        ["Product Family", "Deal type (New/Renewal)", "Opportunity Stage", "Churn Date"],
        ["Product (SKU)", "Opportunity Type", "Stage Name", "Date Cancelled"],
        ["Produktname", "Auftragstyp", "Deal Status", "Storniert am"],
        ["Línea de producto", "Tipo de operación", "Estado del acuerdo", "Fecha cancelación"],
        ["Item", "Type de contrat", "Statut de l'affaire", "Date de résiliation"],
        ["Nome prodotto", "Tipologia", "Stato contratto", "Data annullamento"],
        ["Line of Business", "Vertragsart", "Estágio", "Refunded On"],
    ]

    @Test(arguments: optionalHeaders)
    func optionalColumnsAreReadUnderTheirCommonNames(_ optional: [String]) throws {
        let table = try Self.read(
            ["Deal ID", "Sales Rep", "Close Date", "Amount"] + optional,
            ["D-1", "Ana Lima", "2026-07-03", "1000", "Services", "Renewal", "Cancelled", "2026-08-01"])
        let headers = Self.headers(table)
        #expect(headers["product"] == optional[0])
        #expect(headers["type"] == optional[1])
        #expect(headers["status"] == optional[2])
        #expect(headers["cancel_date"] == optional[3])
        #expect(headers["date"] == "Close Date")
        #expect(table.lines.first?.product == "Services" && table.lines.first?.status == "Cancelled")
    }

    /// The required columns as German compounds and abbreviations name them, and a few other
    /// languages' everyday variants: deal id, rep, date and amount.
    static let requiredHeaders: [[String]] = [
        ["Auftrags-Nr.", "Vertriebler", "Vertragsdatum", "Nettobetrag"],
        ["Vertrags-Nr.", "Verkäuferin", "Datum Abschluss", "Gesamtbetrag"],
        ["Vertragsnummer", "Außendienstmitarbeiter", "Auftragsdatum", "Nettoumsatz"],
        ["Abschluss-Nr.", "Kundenbetreuer", "Abschluss", "Auftragsvolumen"],
        ["Nº de pedido", "Vendedora", "Fecha de venta", "Importe neto"],
        ["Référence", "Commerciale", "Date de vente", "Montant net"],
        ["Opp #", "AE", "Close Dt", "Amt"],
        ["Deal", "Vend.", "F. cierre", "Importe"],
    ]

    @Test(arguments: requiredHeaders)
    func requiredColumnsAreReadUnderCompoundsAndAbbreviations(_ required: [String]) throws {
        let table = try Self.read(required + ["Commission"], ["D-1", "Ana Lima", "2026-07-03", "1000", "50.00"])
        #expect(
            Self.headers(table) == [
                "deal_id": required[0], "rep": required[1], "date": required[2], "amount": required[3],
                "commission": "Commission",
            ])
        #expect(table.lines.first?.amount == 1000 && table.lines.first?.dealID == "D-1")
    }

    /// A commission kept in parts beside their total (`Base Commission`, `Accelerator`, `Total
    /// Commission`, whichever comes first): the total is what the sheet pays, the part naming the
    /// commission no rival to it. Two parts and no total leave the commission unread.
    @Test(arguments: [
        (["Base Commission", "Accelerator", "Total Commission"], 2),
        (["Commission Total", "Base Commission", "Kicker"], 0),
        (["Base Comm", "Accel. Comm", "Comm Total"], 2), (["Provision Basis", "Provision gesamt", "Beschleuniger"], 1),
    ])
    func ofACommissionsPartsAndTheirTotalTheTotalIsRead(_ parts: [String], total: Int) throws {
        let table = try Self.read(
            ["Deal ID", "Sales Rep", "Close Date", "Amount", "Rate"] + parts,
            ["D-1", "Ana Lima", "2026-07-03", "10000", "0.06", "400.00", "200.00", "600.00"])
        #expect(Self.headers(table)["commission"] == parts[total])
        let untotalled = try Self.read(
            ["Deal ID", "Sales Rep", "Close Date", "Amount", "Rate", "Base Commission", "Accelerator Commission"],
            ["D-1", "Ana Lima", "2026-07-03", "10000", "0.06", "400.00", "200.00"])
        #expect(Self.headers(untotalled)["commission"] == nil)
    }

    @Test(arguments: ["SPIFF ($)", "Bonus/SPIFF", "Spiff Amount", "Bonus (USD)", "Bonus Paid"])
    func bonusColumnsAreReadUnderTheirCommonNames(_ bonus: String) throws {
        let table = try Self.read(
            ["Deal ID", "Sales Rep", "Close Date", "Amount", "Commission", bonus],
            ["D-1", "Ana Lima", "2026-07-03", "1000", "50.00", "250"])
        #expect(Self.headers(table)["bonus"] == bonus)
        #expect(Self.headers(table)["amount"] == "Amount" && Self.headers(table)["commission"] == "Commission")
    }

    /// Columns about the bonus, an amount's kind beside the deal's, and a reference beside an
    /// order number are no bonus, amount or second deal id; `Closed Amount` is the amount.
    @Test func wordsBesideOtherFieldsDoNotTakeTheirColumns() throws {
        let table = try Self.read(
            [
                "Order Number", "Customer Ref", "Sales Rep", "Close Date", "Closed Amount", "Commission",
                "Bonus Eligible",
            ],
            ["O-1", "C-9", "Ana Lima", "2026-07-03", "1000", "50.00", "Yes"])
        let headers = Self.headers(table)
        #expect(headers["deal_id"] == "Order Number" && headers["amount"] == "Closed Amount")
        #expect(headers["bonus"] == nil && headers["date"] == "Close Date")
    }

    /// The amount net of tax beside the tax and the gross amount (`Net Deal Value`, `VAT`, `Gross
    /// Deal Value`), each of which could be the amount: the one the commission's formulas read is;
    /// with typed commissions, neither (`aColumnAnotherFieldNamesBetterIsLeftAlone`).
    @Test(arguments: [("ROUND(D3*G3,2)", "Net Deal Value", 1000), ("ROUND(F3*G3,2)", "Gross Deal Value", 1200)])
    func theAmountIsTheColumnTheCommissionReads(_ formula: String, _ amount: String, _ value: Int) throws {
        let header = ["Deal ID", "Sales Rep", "Close Date", "Net Deal Value", "VAT", "Gross Deal Value", "Rate"]
        let table = try TwoRowHeaderTests.read(
            [nil], header + ["Commission"], merged: [],
            rows: [
                [
                    .text("D-1"), .text("Ana Lima"), .text("2026-07-06"), .number(1000),
                    CauseTests.formula("200", "ROUND(D3*20%,2)"), CauseTests.formula("1200", "D3+E3"), .number(0.05),
                    CauseTests.formula(String(value / 20), formula),
                ]
            ])
        #expect(Self.headers(table)["amount"] == amount)
        #expect(table.lines.first?.amount == Decimal(value))
    }

    /// Typed commissions tell the amount they are priced on (the net one, times the row's rate) from
    /// the gross one beside it.
    @Test func typedCommissionsTellTheAmountTheyArePricedOn() throws {
        func row(_ id: String, _ amount: Int, _ rate: String, _ commission: Int) -> [WriteCell] {
            [
                .text(id), .text("Ana Lima"), .text("2026-07-03"), .number(Decimal(amount)),
                .number(Decimal(amount / 5)), .number(Decimal(amount * 6 / 5)), .number(Decimal(string: rate)!),
                .number(Decimal(commission)),
            ]
        }
        let table = try TwoRowHeaderTests.read(
            [nil],
            ["Deal ID", "Sales Rep", "Close Date", "Net Deal Value", "VAT", "Gross Deal Value", "Rate", "Commission"],
            merged: [], rows: [row("D-1", 1000, "0.05", 50), row("D-2", 3000, "0.08", 240)])
        #expect(Self.headers(table)["amount"] == "Net Deal Value")
    }

    /// Headers in English and French, a slash between (`Bonus / Prime`, as Canadian teams write
    /// them): each the field both its names name, the bonus too, which is read under its exact names
    /// only; two names of two fields (`Amount/Commission`) name neither.
    @Test func headersInTwoLanguagesNameTheFieldBothNamesName() throws {
        let header = [
            "Deal ID / N° affaire", "Sales Rep / Représentant", "Close Date / Date de clôture", "Amount / Montant",
            "Rate / Taux", "Commission / Commission", "Bonus / Prime", "Amount/Commission",
        ]
        let table = try Self.read(
            header, ["D-1", "Ana Lima", "2026-07-03", "1000", "5%", "50.00", "100", "1050"])
        #expect(
            Self.headers(table) == [
                "deal_id": header[0], "rep": header[1], "date": header[2], "amount": header[3], "rate": header[4],
                "commission": header[5], "bonus": header[6],
            ])
    }

    /// Split and rate headers that give their unit as a `%` word, before or after, in the six languages.
    static let percentHeaders: [(split: String, rate: String)] = [
        ("Reparto %", "Tasa %"), ("Anteil %", "% Comisión"), ("Share %", "Commission %"), ("% Split", "Rate %"),
        ("Ripartizione %", "% Provvigione"), ("Quote-part %", "Taux %"), ("% Participação", "% Comissão"),
    ]

    @Test(arguments: percentHeaders)
    func percentHeadersNameTheSplitAndTheRate(_ names: (split: String, rate: String)) throws {
        let table = try Self.read(
            ["Deal ID", "Sales Rep", "Close Date", "Amount", names.split, names.rate, "Commission"],
            ["D-1", "Ana Lima", "2026-07-03", "1000", "60%", "5%", "30.00"])
        #expect(Self.headers(table)["split"] == names.split)
        #expect(Self.headers(table)["rate"] == names.rate)
        #expect(Self.headers(table)["commission"] == "Commission")
        #expect(table.lines.first?.split == Decimal(string: "0.6"))
    }

    /// A Dutch sheet's headers: `Percentage` alone is the rate, `Commissie` the commission.
    @Test func dutchHeadersAreRead() throws {
        let header = ["Dealnummer", "Verkoper", "Sluitingsdatum", "Bedrag", "Aandeel", "Percentage", "Commissie"]
        let table = try Self.read(header, ["D-1", "Ana Lima", "2026-07-03", "1000", "100%", "5%", "50.00"])
        #expect(
            Self.headers(table) == [
                "deal_id": "Dealnummer", "rep": "Verkoper", "date": "Sluitingsdatum", "amount": "Bedrag",
                "split": "Aandeel", "rate": "Percentage", "commission": "Commissie",
            ])
        #expect(table.lines.first?.amount == 1000)
    }

    /// `Percentage` names the rate only alone: beside other words it takes no column from the
    /// split, and names no field of its own.
    @Test func percentageAmongOtherWordsIsNoRate() throws {
        let table = try Self.read(
            ["Deal ID", "Rep", "Close Date", "Amount", "Split Percentage", "Discount Percentage", "Commission"],
            ["D-1", "Ana Lima", "2026-07-03", "1000", "50%", "10%", "25.00"])
        #expect(Self.headers(table)["split"] == "Split Percentage")
        #expect(Self.headers(table)["rate"] == nil)
    }

    /// Words for pay too wide to be synonyms (`Comp`, `Comms`, `Incentive`), and a commission that
    /// says it holds the SPIFF, are the commission where no header names it; `Sold By`, and CRM
    /// and ERP exports' `Assigned To` and `Consultant`, are the rep, `Sales Order` the deal id and
    /// `Order Total` the amount.
    static let payHeaders: [[String]] = [
        ["Sales Order", "Assigned To", "Close Date", "Order Total", "Rate", "Commission"],
        ["Deal ID", "Consultant", "Close Date", "Amount", "Rate", "Commission"],
        ["Order No", "Account Manager", "Closed On", "Deal Size", "Comp Rate", "Comp $"],
        ["Deal ID", "Sold By", "Close Date", "Amount", "Rate", "Comms"],
        ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Incentive"],
        ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission incl. SPIFF"],
        ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Comm + Bonus"],
    ]

    @Test(arguments: payHeaders)
    func payWordsNameTheCommission(_ header: [String]) throws {
        let table = try Self.read(header, ["D-1", "Ana Lima", "2026-07-03", "1000", "5%", "50.00"])
        #expect(
            Self.headers(table) == [
                "deal_id": header[0], "rep": header[1], "date": header[2], "amount": header[3], "rate": header[4],
                "commission": header[5],
            ])
    }

    /// Beside a column the synonyms name the commission, a wide pay word is left alone: no
    /// ambiguity, and no bonus taken for it.
    @Test func aWidePayWordBesideTheCommissionIsLeftAlone() throws {
        let table = try Self.read(
            ["Deal ID", "Rep", "Close Date", "Amount", "Commission", "Incentive"],
            ["D-1", "Ana Lima", "2026-07-03", "1000", "50.00", "10.00"])
        #expect(Self.headers(table)["commission"] == "Commission")
        #expect(!Self.headers(table).values.contains("Incentive"))
    }

    /// A rep written by name and by id (`Rep` beside `Rep ID`, as a CRM export keeps them) is read
    /// by name; two names the contract gives the rep stay ambiguous.
    @Test func theRepIsReadByNameBesideItsID() throws {
        let table = try Self.read(
            ["Deal ID", "Rep", "Close Date", "Rep ID", "Amount", "Commission"],
            ["D-1", "Ana Lima", "2026-07-03", "R-101", "1000", "50.00"])
        #expect(Self.headers(table)["rep"] == "Rep")
        #expect(table.lines.first?.rep == "Ana Lima")
        #expect {
            _ = try Self.read(
                ["Deal ID", "Rep", "Close Date", "Sales Rep", "Amount", "Commission"],
                ["D-1", "Ana Lima", "2026-07-03", "Ana Lima", "1000", "50.00"])
        } throws: { error in
            "\(error)".contains("several columns could be 'rep'")
        }
    }

    /// Of two columns that could be a field, the one a synonym of plan-format.md §7 names is it
    /// when the other is named only by a synonym trueup adds (`Rep` beside `Rep Name`, `Amount`
    /// beside `Value`): a sheet the contract maps is never refused for trueup's extra words.
    @Test func theContractsSynonymWinsOverAnExtraOne() throws {
        let table = try Self.read(
            ["Deal ID", "Rep", "Rep Name", "Close Date", "Amount", "Value"],
            ["D-1", "R1", "Ana Lima", "2026-01-10", "1000", "999"])
        #expect(Self.headers(table)["rep"] == "Rep")
        #expect(Self.headers(table)["amount"] == "Amount")
        #expect(table.lines.first?.rep == "R1")
        // Every field: an extra synonym, then the contract's name for the same field.
        let sheets: [(field: String, contract: String, header: [String], values: [String])] = [
            (
                "deal_id", "Deal ID", ["Deal Number", "Deal ID", "Rep", "Close Date", "Amount"],
                ["N-9", "D-1", "R1", "2026-01-10", "1000"]
            ),
            (
                "rep", "Owner", ["Deal ID", "Seller", "Owner", "Close Date", "Amount"],
                ["D-1", "Bo Chen", "R1", "2026-01-10", "1000"]
            ),
            (
                "date", "Close Date", ["Deal ID", "Rep", "Closed", "Close Date", "Amount"],
                ["D-1", "R1", "Y", "2026-01-10", "1000"]
            ),
            (
                "date", "Close Date", ["Deal ID", "Rep", "Won Date", "Close Date", "Amount"],
                ["D-1", "R1", "2026-01-11", "2026-01-10", "1000"]
            ),
            (
                "amount", "Amount", ["Deal ID", "Rep", "Close Date", "Bookings", "Amount"],
                ["D-1", "R1", "2026-01-10", "7", "1000"]
            ),
            (
                "status", "Status", ["Deal ID", "Rep", "Close Date", "Amount", "Deal Status", "Status"],
                ["D-1", "R1", "2026-01-10", "1000", "Open", "Won"]
            ),
        ]
        for sheet in sheets {
            let mapped = try Self.read(sheet.header, sheet.values)
            #expect(Self.headers(mapped)[sheet.field] == sheet.contract, "\(sheet.header)")
        }
    }

    /// A lookup table beside the deals, an empty column between (`Product | Rate` right of a deals
    /// table with its own `Product` and `Rate`): the deals are read from their own columns, and the
    /// lookup table's rows below theirs are no rows.
    @Test func aLookupTableBesideTheDealsIsNotRead() throws {
        let header = ["Deal ID", "Rep", "Close Date", "Amount", "Product", "Rate", "Commission", "", "Product", "Rate"]
        let table = try Self.read(
            header,
            rows: [
                ["D-1", "Ana Lima", "2026-07-03", "1000", "Core", "0.05", "50.00", "", "Core", "0.05"],
                ["D-2", "Ana Lima", "2026-07-04", "2000", "Analytics", "0.08", "160.00", "", "Analytics", "0.08"],
                ["", "", "", "", "", "", "", "", "Services", "0.03"],
            ])
        #expect(table.mapping.columns[.product] == 5 && table.mapping.columns[.rate] == 6)
        #expect(table.mapping.columnSpan == 1...7)
        #expect(table.lines.map(\.dealID) == ["D-1", "D-2"])
        #expect(table.lines.map(\.product) == ["Core", "Analytics"])
        #expect(table.skipped.isEmpty)
        // The deals' row of units under the header holds no deal, though the lookup table's first
        // row stands beside it: only the deals' own columns are read (`Row.clipped(to:)`).
        let units = try Self.read(
            header,
            rows: [
                ["", "", "date", "USD", "", "%", "USD", "", "Core", "0.05"],
                ["D-1", "Ana Lima", "2026-07-03", "1000", "Core", "0.05", "50.00", "", "Analytics", "0.08"],
            ])
        #expect(units.lines.map(\.dealID) == ["D-1"])
        #expect(units.skipped.isEmpty)
        #expect(units.rowsRead == 1)
        // Two tables of deals beside each other, read as one table, are refused naming them.
        #expect {
            _ = try Self.read(
                ["Deal ID", "Rep", "Close Date", "Amount", "", "Deal ID", "Rep", "Close Date", "Amount"],
                rows: [["D-1", "Ana Lima", "2026-07-03", "1000", "", "D-2", "Ana Lima", "2026-08-03", "900"]])
        } throws: { error in
            "\(error)".contains("2 tables of deals side by side (columns A–D, F–I)")
        }
    }

    /// An amount in thousands (`Amount ($k)`) is read as the money it stands for.
    @Test func anAmountInThousandsIsScaled() throws {
        let table = try Self.read(
            ["Deal ID", "AE", "Close Date", "Amount ($k)", "Rate", "Commission ($)"],
            ["D-1", "Ana Lima", "2026-07-03", "14.2", "0.06", "852.00"])
        #expect(table.lines.first?.amount == 14200)
        #expect(table.mapping.amountScale == 1000)
    }

    /// Thousands as English, Spanish, German and French headers say them, each header the amount;
    /// a plain amount's header, or one with a year, is in units.
    @Test(arguments: [
        ("Amount ($000)", 14200), ("Revenue (in thousands)", 14200), ("ACV (k)", 14200), ("Importe (miles)", 14200),
        ("Umsatz (Tsd. €)", 14200), ("Umsatz TEUR", 14200), ("Montant (en milliers d'euros)", 14200),
        ("Amount", Decimal(string: "14.2")!), ("Deal Amount 2026", Decimal(string: "14.2")!),
    ])
    func thousandsAreReadInTheLanguagesOfTheHeaders(header: String, amount: Decimal) throws {
        let table = try Self.read(
            ["Deal ID", "Rep", "Close Date", header, "Commission"], ["D-1", "Ana Lima", "2026-07-03", "14.2", "710.00"])
        #expect(Self.headers(table)["amount"] == header)
        #expect(table.lines.first?.amount == amount)
    }

    /// A per-period quota under the period's name (`Quarterly Quota`) is the quota.
    @Test func aQuotaNamedByItsPeriodIsTheQuota() throws {
        let table = try Self.read(
            ["Deal ID", "Rep", "Close Date", "Amount", "Quarterly Quota", "Commission"],
            ["D-1", "Ana Lima", "2026-07-03", "1000", "60000", "50.00"])
        #expect(Self.headers(table)["quota"] == "Quarterly Quota")
        #expect(table.lines.first?.quota == 60000)
    }

    /// A rate stated after `@` or `at` at a header's end says what the figures were worked out at:
    /// `Commission @ 8%` is the commission, not a percentage column.
    @Test(arguments: ["Commission @ 5%", "Comm at 7.5 %", "COMMISSION AT 6%"])
    func aCommissionHeaderStatingItsRateIsTheCommission(_ header: String) throws {
        let table = try Self.read(
            ["Deal ID", "Rep", "Close Date", "Amount", header], ["D-1", "Ana Lima", "2026-07-03", "1000", "50.00"])
        #expect(Self.headers(table)["commission"] == header)
        #expect(Self.headers(table)["rate"] == nil)
    }
}
