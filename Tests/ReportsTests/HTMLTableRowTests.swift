import Testing

@testable import Reports

@Suite struct HTMLTableRowTests {
    @Test func aRowHasItsHeaderThenItsCellsWithTheirClasses() {
        #expect(
            HTMLText.tableRow(header: "Q1", ["3", .number("1,200.00"), .number("84%", standing: "on-track")])
                == "<tr><th scope=\"row\">Q1</th><td>3</td><td class=\"num\">1,200.00</td>"
                + "<td class=\"num on-track\">84%</td></tr>\n")
        #expect(HTMLText.tableRow(header: "Ann", []) == "<tr><th scope=\"row\">Ann</th></tr>\n")
    }
}
