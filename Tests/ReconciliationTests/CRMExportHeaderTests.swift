import Foundation
import Ingest
import Testing

/// The column titles CRM and ERP exports write, read as the fields they hold: Salesforce's
/// `Opportunity Owner`, HubSpot's `Record ID` and `Deal owner`, SAP's `Sales Document`, `Net Value`
/// and `Material`, each in a file written here as the export writes it.
@Suite struct CRMExportHeaderTests {
    /// Field name → header, for a CSV of `header` and one deal row of `values`; the row is read.
    static func mapped(_ header: [String], _ values: [String]) throws -> [String: String] {
        let table = try LooseHeaderTests.read(header, values)
        #expect(table.lines.count == 1, "\(header): \(table.diagnostics)")
        return LooseHeaderTests.headers(table)
    }

    /// Each export's header row, over a deal row whose values fit the fields expected, maps so.
    static func expectMapped(_ exports: [([String], [String: String])]) throws {
        for (header, expected) in exports {
            let values = header.map { title -> String in
                switch expected.first(where: { $0.value == title })?.key {
                case "date": "2026-07-03"
                case "amount": "1000"
                case "rep": "Ana Lima"
                default: "X-\(title.count)"
                }
            }
            #expect(try mapped(header, values) == expected, "\(header)")
        }
    }

    @Test func salesforceOwnerTitles() throws {
        for owner in ["Opportunity Owner", "Opportunity Owner: Full Name", "Owner Full Name"] {
            let headers = try Self.mapped(
                ["Opportunity ID", "Opportunity Name", owner, "Close Date", "Amount", "Stage"],
                ["006A1", "Acme renewal", "Ana Lima", "2026-07-03", "1000", "Closed Won"])
            #expect(headers["rep"] == owner)
            #expect(headers["deal_id"] == "Opportunity ID")
            #expect(headers["status"] == "Stage")
        }
    }

    @Test func hubSpotTitles() throws {
        let headers = try Self.mapped(
            ["Record ID", "Deal Name", "Deal Stage", "Close Date", "Deal owner", "Amount", "Create Date"],
            ["9001", "Acme renewal", "Closed won", "2026-07-03", "Ana Lima", "1000", "2026-05-01"])
        #expect(
            headers == [
                "deal_id": "Record ID", "status": "Deal Stage", "date": "Close Date", "rep": "Deal owner",
                "amount": "Amount",
            ])
        // Without a record id, the deal is named by its id or its name.
        for deal in ["Deal ID", "Deal Name"] {
            let named = try Self.mapped(
                [deal, "Deal owner", "Close date", "Amount"], ["Acme renewal", "Ana Lima", "2026-07-03", "1000"])
            #expect(named["deal_id"] == deal)
            #expect(named["rep"] == "Deal owner")
            #expect(named["date"] == "Close date")
        }
    }

    @Test func sapTitles() throws {
        let headers = try Self.mapped(
            ["Sales Document", "Sales Employee", "Document Date", "Material", "Material Description", "Net Value"],
            ["4500001", "Ana Lima", "2026-07-03", "MAT-100", "Core Platform", "1000"])
        #expect(
            headers == [
                "deal_id": "Sales Document", "rep": "Sales Employee", "date": "Document Date",
                "product": "Material Description", "amount": "Net Value",
            ])
        let table = try LooseHeaderTests.read(
            ["Sales Document", "Sales Rep", "Date", "Material", "Net Value"],
            rows: [["4500001", "Ana Lima", "2026-07-03", "Core Platform", "1000"]])
        #expect(LooseHeaderTests.headers(table)["product"] == "Material")
        #expect(table.lines.first?.labels?.product == "Core Platform")
        // The German export's titles.
        let german = try Self.mapped(
            ["Verkaufsbeleg", "Verkäufer", "Belegdatum", "Materialkurztext", "Nettowert"],
            ["4500001", "Ana Lima", "2026-07-03", "Core Platform", "1000"])
        #expect(
            german == [
                "deal_id": "Verkaufsbeleg", "rep": "Verkäufer", "date": "Belegdatum", "product": "Materialkurztext",
                "amount": "Nettowert",
            ])
    }

    @Test func otherCRMsTitles() throws {
        // Pipedrive, Zoho, Dynamics 365, NetSuite.
        let exports: [([String], [String: String])] = [
            (
                ["Deal - ID", "Deal - Title", "Deal - Owner", "Deal - Won time", "Deal - Value"],
                ["deal_id": "Deal - ID", "rep": "Deal - Owner", "date": "Deal - Won time", "amount": "Deal - Value"]
            ),
            (
                ["Deal Name", "Deal Owner", "Closing Date", "Amount", "Stage"],
                [
                    "deal_id": "Deal Name", "rep": "Deal Owner", "date": "Closing Date", "amount": "Amount",
                    "status": "Stage",
                ]
            ),
            (
                [
                    "Topic", "Potential Customer", "Owner", "Est. Close Date", "Actual Close Date", "Est. Revenue",
                    "Status",
                ],
                [
                    "deal_id": "Topic", "rep": "Owner", "date": "Actual Close Date", "amount": "Est. Revenue",
                    "status": "Status",
                ]
            ),
            (
                ["Document Number", "Sales Rep", "Transaction Date", "Amount (Net)"],
                [
                    "deal_id": "Document Number", "rep": "Sales Rep", "date": "Transaction Date",
                    "amount": "Amount (Net)",
                ]
            ),
        ]
        try Self.expectMapped(exports)
        // Beside the estimate, a won deal's revenue is its actual one.
        let dynamics = try Self.mapped(
            ["Topic", "Owner", "Actual Close Date", "Est. Revenue", "Actual Revenue"],
            ["O-1", "Ana Lima", "2026-07-03", "900", "1000"])
        #expect(dynamics["amount"] == "Actual Revenue")
    }

    /// Dynamics 365's `Export to Excel` opens with its own `(Do Not Modify)` columns (the record's
    /// GUID, a checksum, the last edit's time): no field, so `Topic` is the deal and the close date
    /// is the actual one, not the edit's.
    @Test func dynamicsBookkeepingColumnsNameNoField() throws {
        try Self.expectMapped([
            (
                [
                    "(Do Not Modify) Opportunity", "(Do Not Modify) Row Checksum", "(Do Not Modify) Modified On",
                    "Topic", "Actual Close Date", "Owner", "Actual Revenue",
                ],
                ["deal_id": "Topic", "rep": "Owner", "date": "Actual Close Date", "amount": "Actual Revenue"]
            )
        ])
    }

    /// Odoo's import-compatible export heads its columns with technical names: beside a sales
    /// order's own (`date_order`, `amount_untaxed`), `name` is the order and `user_id` the
    /// salesperson; in another sheet `name` and `user_id` stay unread as either.
    @Test func odooTechnicalNames() throws {
        try Self.expectMapped([
            (
                ["name", "date_order", "user_id", "partner_id", "amount_untaxed"],
                ["deal_id": "name", "rep": "user_id", "date": "date_order", "amount": "amount_untaxed"]
            )
        ])
        #expect(throws: (any Error).self) {
            try LooseHeaderTests.read(
                ["name", "user_id", "Close Date", "Amount"], ["X-1", "Ana Lima", "2026-07-03", "1000"])
        }
    }

    /// Salesforce and HubSpot exports in Spanish, German and French name the owner by their word
    /// for it (`Propietario de la oportunidad`, `Opportunity-Inhaber`, `Propriétaire de la
    /// transaction`): the rep, not the deal the title also names.
    @Test func localizedCRMsTitles() throws {
        let exports: [([String], [String: String])] = [
            (
                ["Nombre de la oportunidad", "Propietario de la oportunidad", "Fecha de cierre", "Importe", "Etapa"],
                [
                    "deal_id": "Nombre de la oportunidad", "rep": "Propietario de la oportunidad",
                    "date": "Fecha de cierre", "amount": "Importe", "status": "Etapa",
                ]
            ),
            (
                ["Opportunity-Name", "Opportunity-Inhaber", "Schlusstermin", "Betrag"],
                [
                    "deal_id": "Opportunity-Name", "rep": "Opportunity-Inhaber", "date": "Schlusstermin",
                    "amount": "Betrag",
                ]
            ),
            (
                ["Datensatz-ID", "Deal-Name", "Deal-Inhaber", "Abschlussdatum", "Betrag"],
                ["deal_id": "Datensatz-ID", "rep": "Deal-Inhaber", "date": "Abschlussdatum", "amount": "Betrag"]
            ),
            (
                ["ID de registro", "Propietario del negocio", "Fecha de cierre", "Importe"],
                [
                    "deal_id": "ID de registro", "rep": "Propietario del negocio", "date": "Fecha de cierre",
                    "amount": "Importe",
                ]
            ),
            (
                ["Nom de la transaction", "Propriétaire de la transaction", "Date de fermeture", "Montant"],
                [
                    "deal_id": "Nom de la transaction", "rep": "Propriétaire de la transaction",
                    "date": "Date de fermeture", "amount": "Montant",
                ]
            ),
            (
                ["Nom de l'opportunité", "Propriétaire de l'opportunité", "Date de clôture", "Montant"],
                [
                    "deal_id": "Nom de l'opportunité", "rep": "Propriétaire de l'opportunité",
                    "date": "Date de clôture", "amount": "Montant",
                ]
            ),
        ]
        try Self.expectMapped(exports)
    }
}

/// A monday.com board's export: `Person` (the people column) is the rep and `Item ID` the deal
/// beside the item's `Name`; among other words `Person` is no rep (`Contact Person`), and beside a
/// deal id `Item ID` is none.
@Suite struct BoardExportHeaderTests {
    @Test func mondaysPeopleColumnAndItemID() throws {
        try CRMExportHeaderTests.expectMapped([
            (
                ["Name", "Item ID", "Person", "Close Date", "Deal Value", "Commission"],
                [
                    "deal_id": "Item ID", "rep": "Person", "date": "Close Date", "amount": "Deal Value",
                    "commission": "Commission",
                ]
            ),
            (
                ["Name", "Item ID", "People", "Date", "Amount"],
                ["deal_id": "Item ID", "rep": "People", "date": "Date", "amount": "Amount"]
            ),
            (
                ["Deal ID", "Contact Person", "Sales Rep", "Close Date", "Amount"],
                ["deal_id": "Deal ID", "rep": "Sales Rep", "date": "Close Date", "amount": "Amount"]
            ),
            (
                ["Deal ID", "Item ID", "Rep", "Close Date", "Amount"],
                ["deal_id": "Deal ID", "rep": "Rep", "date": "Close Date", "amount": "Amount"]
            ),
        ])
    }
}
