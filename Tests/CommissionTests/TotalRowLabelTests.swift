import Spreadsheet
import Testing

@testable import Ingest

/// Which cell texts mark a total row (`TotalRow.label`): every total word opening a label and
/// every closing word ending one, in any case, whatever letter it begins or ends with.
@Suite struct TotalRowLabelTests {
    @Test func everyTotalWordOpensALabelAndEveryClosingWordEndsOne() {
        for word in HeaderSynonyms.totalWords {
            for form in [word, word.uppercased(), word.capitalized] {
                #expect(TotalRow.label(of: .text(form)) == form)
                #expect(TotalRow.label(of: .text(form + " Ana Lima")) == form + " Ana Lima")
                for padded in ["  \(form)\t", "\(form):", "\(form): Ana Lima", " \(form) (12)"] {
                    #expect(TotalRow.label(of: .text(padded)) == padded, "\(padded.debugDescription)")
                }
            }
        }
        for word in HeaderSynonyms.totalSuffixes {
            for form in [word, word.uppercased(), word.capitalized] {
                #expect(TotalRow.label(of: .text("Ana Lima " + form)) == "Ana Lima " + form)
                #expect(TotalRow.label(of: .text("\tAna Lima " + form + "  ")) == "\tAna Lima " + form + "  ")
            }
        }
        for text in ["Ana Lima", "Sara", "D-1001", "Zoe", "Summer deal", "Totally new", "  OPP-0001234567890 ", "T"] {
            #expect(TotalRow.label(of: .text(text)) == nil, "\(text)")
        }
    }

    /// A count of the rows a total adds after its label, as a Salesforce report writes it (`Grand
    /// Totals (24 records)`), and the total words of Excel in more languages.
    @Test func aLabelWithACountOrInMoreLanguagesIsATotal() {
        for text in [
            "Grand Totals (24 records)", "Total (3)", "Razem (12)", "Totaal", "Eindtotaal", "Subtotaal Ana",
            "Razem", "Suma końcowa", "Totalt", "Summa", "I alt", "Yhteensä", "Celkem", "Toplam", "Genel Toplam",
            "Összesen", "Ukupno", "Итого", "合計", "Ana Lima Totaal", "Ana Lima I alt", "Ana Lima Celkem",
        ] {
            #expect(TotalRow.label(of: .text(text)) == text, "\(text)")
        }
        // Serbian in either script, Estonian and Slovenian (held-out rounds 25 and 26).
        for text in [
            "Укупно", "Укупно Маја Берг", "Маја Берг укупно", "Свега", "Svega", "Ukupno: Maja Berg", "Свеукупно",
            "Kokku", "Maya Berg kokku", "Skupaj", "Skupaj Maja Berg", "Maja Berg Skupaj",
        ] {
            #expect(TotalRow.label(of: .text(text)) == text, "\(text)")
        }
        #expect(HeaderSynonyms.grandTotalWords.contains("свеукупно"))
        for text in ["Ana Lima (3 records)", "D-1001 (2)", "Ana Suma", "Totalitarian (2)", "Kokkula", "Skupajski"] {
            #expect(TotalRow.label(of: .text(text)) == nil, "\(text)")
        }
    }

    /// A label padded with a tab or a no-break space (as pasted from another sheet) is trimmed
    /// like one padded with spaces: the quick check on its bytes lets it through.
    @Test func aLabelPaddedWithOtherWhitespaceIsStillATotal() {
        for text in [
            "\tSubtotal R-101", "\u{00A0}Total", "Ana Lima Total\u{00A0}", "Ana Lima Summe\t", "\u{3000}Total",
        ] {
            #expect(TotalRow.label(of: .text(text)) == text, "\(text.debugDescription)")
        }
    }
}
