import Commission
import Testing

@testable import Reconciliation

/// A rep column written with a part of each name (`Ana`, `Lima, A.`, `Ana L.`, `Ana Lima (R1)`)
/// resolves to the one roster rep it fits; a part two reps share resolves to no one.
@Suite struct RepNamePartsTests {
    static let roster = [
        RosterEntry(id: "R1", name: "Ana Lima"), RosterEntry(id: "R2", name: "Ben Okafor"),
        RosterEntry(id: "R3", name: "Chloé Martin"), RosterEntry(id: "R4", name: "Ana Souza"),
    ]

    @Test(arguments: [
        ("Ben", "R2"), ("Okafor", "R2"), ("chloe", "R3"), ("Lima", "R1"), ("A. Lima", "R1"), ("Lima, A.", "R1"),
        ("Ana L.", "R1"), ("Ana S", "R4"), ("Ana Lima (R1)", "R1"), ("Ben Okafor (sales)", "R2"), ("B. Okafor", "R2"),
    ])
    func aPartOfOneNameIsThatRep(written: String, id: String) {
        #expect(RepIdentity.partialMatch(written, roster: Self.roster)?.id == id)
    }

    @Test(arguments: ["Ana", "A", "Bea", "Ana Okafor", "AL", "C. Lima", "Ana X."])
    func aPartOfNoNameOrOfTwoIsNoOne(written: String) {
        #expect(RepIdentity.partialMatch(written, roster: Self.roster) == nil)
    }

    /// A title says quota or target as a whole word only.
    @Test func aTitleSaysTargetAsAWord() {
        #expect(!SummaryCrossTab.saysTarget(["Metalworks GmbH - commissions by month", "Paid on signed quotes"]))
        for title in ["Quota by month", "Ziel 2026", "Quotas by quarter", "Objetivos 2026", "Cuota"] {
            #expect(SummaryCrossTab.saysTarget([title]), "\(title)")
        }
    }
}
