import Commission
import Testing

@testable import Reconciliation

/// A rep written with what people write about a name rather than of it (a title before it, a
/// nickname in quotes or brackets inside it, a degree after a comma) is the roster's rep; the
/// words left must still name one rep alone, and a surname first (`Haddad, Omar`) is no degree.
@Suite struct RepTitlesTests {
    static let roster = [
        RosterEntry(id: "R1", name: "Maya Berg"), RosterEntry(id: "R2", name: "Tomás Álvarez"),
        RosterEntry(id: "R3", name: "Omar Haddad"), RosterEntry(id: "R4", name: "Aiko Sato"),
    ]

    @Test(arguments: [
        ("Dr. Maya Berg", "R1"), ("Ms Maya Berg", "R1"), ("PROF. MAYA BERG", "R1"), ("Tomás \"Tom\" Álvarez", "R2"),
        ("Tomás “Tom” Álvarez", "R2"), ("Aiko (Ai) Sato", "R4"), ("Omar Haddad, MBA", "R3"),
        ("Omar Haddad, Ph.D.", "R3"),
        ("Mr. Omar \"O.J.\" Haddad, CPA", "R3"), ("Haddad, Omar", "R3"),
    ])
    func aTitledOrNicknamedNameIsTheRep(written: String, id: String) {
        #expect(RepIdentity.identify(written, roster: Self.roster)?.id == id)
    }

    @Test(arguments: ["Mr. Ben Okafor", "Aiko (Ai) Berg", "Dr. Sato", "Prof. Maya"])
    func whatIsLeftMustNameOneRepInFull(written: String) {
        #expect(RepIdentity.identify(written, roster: Self.roster) == nil)
    }

    @Test func theNameAloneIsWhatIsLeft() {
        #expect(RepIdentity.plainName("Dr. Maya Berg") == "Maya Berg")
        #expect(RepIdentity.plainName("Tomás \"Tom\" Álvarez") == "Tomás Álvarez")
        #expect(RepIdentity.plainName("Omar Haddad, MBA") == "Omar Haddad")
        #expect(RepIdentity.plainName("Haddad, Omar") == nil)
        #expect(RepIdentity.plainName("Dr. Berg") == nil)
        #expect(RepIdentity.plainName("Maya Berg") == nil)
    }
}
