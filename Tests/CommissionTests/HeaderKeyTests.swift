import Foundation
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

    /// A text holding more than ASCII is keyed as folding the whole text with Foundation and
    /// filtering its characters gives (the way it was keyed first): every synonym and loose name,
    /// and texts with footnote marks, combining marks, spaces of other kinds and the dropped signs.
    @Test func aFoldedTextsKeyIsWhatFoldingAndFilteringGive() {
        func folded(_ text: String) -> String {
            String(
                String(text.filter { !"†‡§¹²³⁴⁵⁶⁷⁸⁹⁰".contains($0) })
                    .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased().filter {
                        !$0.isWhitespace && !"_-.°º*".contains($0)
                    })
        }
        let names = Field.allCases.flatMap { [$0.rawValue] + $0.synonyms + (Field.looseNames[$0] ?? []) }
        let texts = [
            "Montant¹ (€)", "Prime†", "N°\u{A0}affaire", "Nº-Affaire", "Deal\u{2009}ID é", "Ʃumme", "STRAẞE", "İl",
            "-\u{301}Deal", ".\u{308}", "*\u{20DD}", "Comisión_Total", "Σύνολο", "Сумма сделки", "取引ID", "E\u{301}tat²",
            "\u{3000}Rep\u{3000}名", "ﬁn ﬂow", "Ⅻ", "𝐃𝐞𝐚𝐥",
        ]
        for text in names + texts where !text.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(headerKey(text) == folded(text), "\(text)")
        }
    }
}
