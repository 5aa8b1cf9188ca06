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

    /// A rep written as a mail client writes an address, a name and the address in angle brackets,
    /// is the rep the name or the address is (a roster's `email`); a name no rep has beside an
    /// address no rep has is no one.
    @Test(arguments: [
        ("Maya Berg <mberg@example.com>", "R1"), ("\"Berg, Maya\" <mberg@example.com>", "R1"),
        ("Tom <talvarez@example.com>", "R2"), ("<talvarez@example.com>", "R2"),
        ("Omar Haddad <oh@other.example>", "R3"),
    ])
    func aNameWithItsAddressIsTheRep(written: String, id: String) {
        let roster = Self.roster.map { rep in
            var rep = rep
            rep.email = ["R1": "mberg@example.com", "R2": "talvarez@example.com"][rep.id]
            return rep
        }
        #expect(RepIdentity.identify(written, roster: roster)?.id == id)
        #expect(RepIdentity.identify("Ben Okafor <bokafor@example.com>", roster: roster) == nil)
    }
}
