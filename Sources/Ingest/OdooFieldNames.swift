/// Odoo's `Import-Compatible Export`: each column headed by its field's technical name (`name |
/// date_order | user_id | partner_id | order_line/product_id | amount_untaxed | x_studio_…`). Where
/// a header row writes the names only a sales order's or an invoice's export writes (`date_order`,
/// `amount_untaxed`, `invoice_user_id`), its `name` is the record's reference (`S00042`, the deal)
/// and its `user_id` (an invoice's `invoice_user_id`) the salesperson, as Odoo labels them; any
/// other sheet's `Name` or `User ID` stays unread as either.
enum OdooFieldNames {
    /// The columns `headers` (trimmed texts) name by those conventions, as pins by field
    /// (`deal_id: name`, `rep: user_id`); empty for a row that is no Odoo export's.
    static func pins(_ headers: [String]) -> [String: String] {
        guard headers.contains(where: markers.contains) else { return [:] }
        var pins: [String: String] = [:]
        if headers.contains("name") { pins["deal_id"] = "name" }
        if let rep = ["user_id", "invoice_user_id"].first(where: headers.contains) { pins["rep"] = rep }
        return pins
    }

    /// Whether a header's text may be one of Odoo's technical names (holds an underscore): only such
    /// rows are looked at further.
    static func mayBeTechnical(_ header: String) -> Bool { header.utf8.contains(0x5F) }

    /// Technical names only a sales order's or an invoice's export writes.
    private static let markers: Set<String> = [
        "date_order", "amount_untaxed", "amount_untaxed_signed", "invoice_user_id", "order_line/product_id",
    ]
}
