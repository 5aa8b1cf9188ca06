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
            }
        }
        for word in HeaderSynonyms.totalSuffixes {
            for form in [word, word.uppercased(), word.capitalized] {
                #expect(TotalRow.label(of: .text("Ana Lima " + form)) == "Ana Lima " + form)
            }
        }
        for text in ["Ana Lima", "Sara", "D-1001", "Zoe", "Summer deal", "Totally new"] {
            #expect(TotalRow.label(of: .text(text)) == nil, "\(text)")
        }
    }
}
