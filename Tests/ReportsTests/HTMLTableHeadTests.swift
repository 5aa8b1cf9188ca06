import Testing

@testable import Reports

@Suite struct HTMLTableHeadTests {
    @Test func aHeadMarksFiguresTitlesAndScopeAndOpensTheBody() {
        #expect(
            HTMLText.tableHead(["Rep", .number("Paid")])
                == "<thead><tr><th>Rep</th><th class=\"num\">Paid</th></tr></thead>\n<tbody>\n")
        #expect(
            HTMLText.tableHead(["Period", .number("YTD", title: "So far")], scoped: true)
                == "<thead><tr><th scope=\"col\">Period</th>"
                + "<th scope=\"col\" class=\"num\" title=\"So far\">YTD</th></tr></thead>\n<tbody>\n")
    }
}
