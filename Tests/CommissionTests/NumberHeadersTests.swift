import Testing

@testable import Ingest

/// `NumberHeaders.names` answers as joining each of the field's names to each number's word does
/// (`Affaire N°`, `# Deal`), for the deal id's names and for headers that are not such a join.
@Suite struct NumberHeadersTests {
    @Test func aHeaderNamesANumberExactlyWhenItIsANameJoinedToANumbersWord() {
        let own = Field.headerWords.wanted[.dealID] ?? []
        #expect(own.count > 10)
        let words = ["N°", "No", "Nr", "Nro", "Num", "Numero", "Number", "Nummer", "#"].map(headerKey)
        var keys = Array(NumberHeaders.keys) + ["", "n", "affairen", "nnaffaire", "dealidno", "nodealid", "commission"]
        for name in own.sorted().prefix(40) {
            for word in words { keys += [name + word, word + name, name + word + "x", "x" + word + name] }
            keys += [name, String(name.dropLast()) + "#", "Ñ" + name, name + "ño"]
        }
        for key in keys {
            let joined =
                NumberHeaders.keys.contains(key)
                || own.contains { name in NumberHeaders.keys.contains { key == name + $0 || key == $0 + name } }
            #expect(NumberHeaders.names(key, own: own) == joined, "\(key)")
        }
        #expect(NumberHeaders.names(headerKey("Affaire N°"), own: [headerKey("Affaire")]))
        #expect(NumberHeaders.names(headerKey("# Deal"), own: [headerKey("Deal")]))
        #expect(!NumberHeaders.names(headerKey("Affaire"), own: [headerKey("Affaire")]))
    }
}
