import Testing

@testable import Ingest

/// `headerKey(of:is:)` answers as comparing `headerKey` of the text does, for ASCII texts (byte
/// by byte) and others (folded).
@Suite struct HeaderKeyTests {
    @Test func aTextHasAKeyExactlyWhenItsKeyIsThatKey() {
        let texts = [
            "Deal ID", "deal_id", "DEAL-ID", "Deal.I.D.", "Deal\tID ", "Deal IDs", "Deal I", "D00000017", "",
            "Déal ID", "DEAL ÏD", "N° affaire", "Nº Affaire", "naffaire", "Comisión", "comision", "Straße",
            // Texts told apart by their first bytes, and those whose brackets or other bytes leave it to the key.
            "dEAL iD", "Amount (2)", "Amount(2)", "Amount [1]", "Amount (x)", "2nd Rep", "\u{0B}Deal ID", "E\u{301}tat",
            "\u{C9}tat", "etat", "1", "Deal ID¹", "_deal id", "*Deal ID", "Deal ID extra", "Dea", "Deal I(D)",
            // ASCII bytes the folding of a text with other characters reads otherwise.
            "Deal\u{0B}ID¹", "Deal\u{0C}ID é", "A<\u{338}B",
        ]
        for text in texts {
            for key in texts.map(headerKey) + ["dealid", "deal", "naffaire", ""] {
                #expect(headerKey(of: text, is: key) == (headerKey(text) == key), "\(text) against \(key)")
            }
        }
        #expect(headerKey(of: "Deal.I.D.", is: "dealid"))
        #expect(headerKey(of: "Déal ID", is: "dealid"))
        #expect(!headerKey(of: "D00000017", is: "dealid"))
    }
}
