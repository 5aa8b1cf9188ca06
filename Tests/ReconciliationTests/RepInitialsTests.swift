import Commission
import Testing

@testable import Reconciliation

/// A rep written by initials (`BO`, `B.O.`, `M. B.`) is the one rep of the roster whose name's
/// words start with those letters; initials two reps share, lower-case letters, other text and
/// placeholders (`TBD`) are no one's.
@Suite struct RepInitialsTests {
    /// R1 to R6, in this order.
    static let roster = ["Maya Berg", "Ben Okafor", "Mia Brandt", "Ana Lima-Souza", "Tomás Álvarez", "Tom B. Dale"]
        .enumerated().map { RosterEntry(id: "R\($0.offset + 1)", name: $0.element) }

    @Test(arguments: [("BO", "R2"), ("B.O.", "R2"), ("B. O.", "R2"), (" BO ", "R2"), ("ALS", "R4"), ("TA", "R5")])
    func initialsNameTheOneRepWhoseNameTheyStart(written: String, id: String) {
        #expect(RepIdentity.identify(written, roster: Self.roster)?.id == id)
        #expect(RepIdentity.byInitials(written, roster: Self.roster)?.id == id)
    }

    /// `MB` is Maya Berg's and Mia Brandt's: no one's. `bo` is a word, `B O` two letters, `TBD` a
    /// placeholder (though Tom B. Dale's initials), `BOK` no rep's.
    @Test(arguments: ["MB", "M.B.", "bo", "B O", "TBD", "BOK", "B", "B.O.X.Y.Z"])
    func otherTextIsNoOnesInitials(written: String) {
        #expect(RepIdentity.byInitials(written, roster: Self.roster) == nil)
    }

    @Test func initialsAreReadAsTheyAreWritten() {
        #expect(RepIdentity.initials(of: "M.B.") == "mb")
        #expect(RepIdentity.initials(of: "M. B.") == "mb")
        #expect(RepIdentity.initials(of: "ÁL") == "al")
        #expect(RepIdentity.initials(of: "M..B") == nil)
        #expect(RepIdentity.initials(of: "Maya") == nil)
    }
}
