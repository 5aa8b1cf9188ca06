import Commission
import Testing

@testable import Reconciliation

/// A rep written without the letters folding keeps (`ı`, `ł`, `ø`, `æ`, `đ`) or in Turkish capitals
/// is the roster's rep, as a sheet typed on another keyboard or `=UPPER()` writes the name.
@Suite struct RepPlainLettersTests {
    static let roster = [
        RosterEntry(id: "R1", name: "Ayşe Yılmaz"), RosterEntry(id: "R2", name: "Łukasz Nowak"),
        RosterEntry(id: "R3", name: "Søren Ørsted"), RosterEntry(id: "R4", name: "Æsa Dæhlie"),
        RosterEntry(id: "R5", name: "Đorđe Đukić"), RosterEntry(id: "R6", name: "Jürgen Weiß"),
        RosterEntry(id: "R7", name: "Åsa Lund"),
    ]

    @Test(arguments: [
        ("AYŞE YILMAZ", "R1"), ("Ayse Yilmaz", "R1"), ("Lukasz Nowak", "R2"), ("ŁUKASZ NOWAK", "R2"),
        ("Soren Orsted", "R3"), ("SØREN ØRSTED", "R3"), ("Aesa Daehlie", "R4"), ("Dorde Dukic", "R5"),
        ("Jurgen Weiss", "R6"), ("Yılmaz, Ayşe", "R1"),
        // Written out as the name's own language spells it without the letter (tester9).
        ("Juergen Weiss", "R6"), ("JUERGEN WEISS", "R6"), ("Weiss, Juergen", "R6"), ("J. Weiss", "R6"),
        ("Soeren Oersted", "R3"), ("Djordje Djukic", "R5"), ("Aasa Lund", "R7"), ("Juergen W.", "R6"),
    ])
    func aNameWrittenPlainlyIsTheRep(written: String, id: String) {
        #expect(RepIdentity.identify(written, roster: Self.roster)?.id == id)
    }

    @Test func plainLettersKeepOtherTextAsItIs() {
        #expect(RepIdentity.fold("Ana Lima") == "ana lima")
        #expect(RepIdentity.fold("Łódź") == "lodz")
    }
}
