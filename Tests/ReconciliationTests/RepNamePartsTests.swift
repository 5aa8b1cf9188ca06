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
        ("LIMA Ana", "R1"), ("MARTIN Chloé", "R3"), ("Martin C.", "R3"), ("Lima A", "R1"), ("okafor ben", "R2"),
        ("Chloe Martin-Dubois", "R3"), ("SOUZA Ana", "R4"), ("Lima, Ana [EMEA]", "R1"), ("Ben Okafor [North]", "R2"),
        ("Okafor, Ben (AE)", "R2"),
    ])
    func aPartOfOneNameIsThatRep(written: String, id: String) {
        #expect(RepIdentity.partialMatch(written, roster: Self.roster)?.id == id)
    }

    @Test(arguments: ["Ana", "A", "Bea", "Ana Okafor", "AL", "C. Lima", "Ana X."])
    func aPartOfNoNameOrOfTwoIsNoOne(written: String) {
        #expect(RepIdentity.partialMatch(written, roster: Self.roster) == nil)
    }

    /// A name turned round, or with a second surname, is one rep only where one fits: two reps are
    /// never one.
    @Test func aTurnedOrLongerNameTwoRepsFitIsNoOne() {
        let roster = [
            RosterEntry(id: "R1", name: "Ana Lima"), RosterEntry(id: "R2", name: "Lima Ana"),
            RosterEntry(id: "R3", name: "Chloé Martin"), RosterEntry(id: "R4", name: "Martin Cole"),
            RosterEntry(id: "R5", name: "Dario Rossi"), RosterEntry(id: "R6", name: "Dario Rossi Bruni"),
        ]
        for written in ["Lima Ana", "Martin C."] {
            #expect(RepIdentity.partialMatch(written, roster: roster) == nil, "\(written)")
        }
        #expect(RepIdentity.partialMatch("Cole Martin", roster: roster)?.id == "R4")
        #expect(RepIdentity.identify("Dario Rossi", roster: roster)?.id == "R5")
        #expect(RepIdentity.identify("ROSSI BRUNI Dario", roster: roster)?.id == "R6")
    }

    /// An id written without its separator (`R101` for `R-101`) is that rep.
    @Test func anIdWithoutItsSeparatorIsThatRep() {
        let roster = [RosterEntry(id: "R-101", name: "Ana Lima"), RosterEntry(id: "R-102", name: "Ben Okafor")]
        #expect(RepIdentity.identify("R101", roster: roster)?.id == "R-101")
        #expect(RepIdentity.identify("r 102", roster: roster)?.id == "R-102")
        #expect(RepIdentity.identify("R103", roster: roster) == nil)
    }

    /// A title says quota or target as a whole word only.
    @Test func aTitleSaysTargetAsAWord() {
        #expect(!SummaryCrossTab.saysTarget(["Metalworks GmbH - commissions by month", "Paid on signed quotes"]))
        for title in ["Quota by month", "Ziel 2026", "Quotas by quarter", "Objetivos 2026", "Cuota"] {
            #expect(SummaryCrossTab.saysTarget([title]), "\(title)")
        }
    }
}
