import Spreadsheet
import Testing

@testable import Ingest

/// A tab per rep named as people name their tabs: by first name, last name or initial and last
/// name (`SheetRep.named(by:_:file:)`), and refused, naming the tab, when that fits two reps.
@Suite struct RepTabNameTests {
    private static let reps = KnownReps([
        "R-101", "Ana Lima", "R-102", "Ben Okafor", "R-103", "Ana Souza", "R-104", "Julio Perez",
    ])

    @Test(arguments: [
        ("Ana Lima", "Ana Lima"), ("Lima, Ana", "Ana Lima"), ("R-102", "R-102"), ("Ben", "Ben Okafor"),
        ("OKAFOR", "Ben Okafor"), ("Lima", "Ana Lima"), ("A. Lima", "Ana Lima"), ("B Okafor", "Ben Okafor"),
        ("a. souza", "Ana Souza"), ("Ben - Q3 2026", "Ben Okafor"), ("Q3 Ben", "Ben Okafor"),
        ("Ben (Q3)", "Ben Okafor"),
        ("Comm - Ben", "Ben Okafor"), ("Okafor Jul-Sep", "Ben Okafor"), ("Ana Lima Q3", "Ana Lima"),
        ("Lima 2026-07", "Ana Lima"), ("Ben Provisionen", "Ben Okafor"), ("Julio", "Julio Perez"),
        ("Julio Q3", "Julio Perez"), ("OKAFOR Ben", "Ben Okafor"), ("Ben O (left Aug)", "Ben Okafor"),
        ("Okafor B.", "Ben Okafor"), ("R102 copy", "R-102"), ("LIMA Ana - Q3", "Ana Lima"),
        ("Perez Julio v2", "Julio Perez"),
    ])
    func aTabNamingOneRepIsThatRepsTab(tab: String, rep: String) throws {
        #expect(try SheetRep.named(by: tab, Self.reps, file: "Q3.xlsx") == rep)
    }

    /// Hyphenated surnames and ids read as a rep cell reads them (`RepIdentity`): a hyphen joins
    /// two surnames, an id's separators are no part of it. A tab may name one surname of two.
    @Test(arguments: [
        ("LIMA-SOUZA Ana", "Ana Lima-Souza"), ("Ana Lima Souza", "Ana Lima-Souza"), ("R105", "R 105"),
        ("Lima-Souza", "Ana Lima-Souza"), ("Lima", "Ana Lima-Souza"), ("Souza Q3", "Ana Lima-Souza"),
        ("Pérez", "Julio Pérez García"), ("GARCIA", "Julio Pérez García"),
    ])
    func hyphenatedNamesAndIdsWrittenOtherwiseAreTheirRepsTabs(tab: String, rep: String) throws {
        let reps = KnownReps(["R 105", "Ana Lima-Souza", "R-106", "Ben Okafor", "Julio Pérez García"])
        #expect(try SheetRep.named(by: tab, reps, file: "Q3.xlsx") == rep)
    }

    @Test(arguments: [
        "Deals", "Summary", "Jul 2026", "Q3", "C. Lima", "Ana Okafor Lima", "Bea", "Q3 2026 Deals", "Comm - Q3",
        "Bea - Q3", "Benjamin Okafor", "R105 copy", "Lima B",
    ])
    func aTabNamingNoRepIsNoOnes(tab: String) throws {
        #expect(try SheetRep.named(by: tab, Self.reps, file: "Q3.xlsx") == nil)
    }

    /// An initial two reps share beside a first name is refused as a first name is: `Ana L`
    /// with Ana Lima and Ana Lopes on the roster is no one's tab until it says whose.
    @Test func aNameInitialTwoRepsShareIsRefused() throws {
        let reps = KnownReps(["Ana Lima", "Ana Lopes"])
        #expect(throws: (any Error).self) { try SheetRep.named(by: "Ana L (old)", reps, file: "Q3.xlsx") }
        #expect(try SheetRep.named(by: "LOPES Ana", reps, file: "Q3.xlsx") == "Ana Lopes")
    }

    @Test func aFirstNameTwoRepsShareIsRefusedNamingTheTab() {
        #expect {
            try SheetRep.named(by: "Ana", Self.reps, file: "Q3.xlsx")
        } throws: { error in
            "\(error)".contains("'Ana'") && "\(error)".contains("Ana Lima, Ana Souza")
        }
    }
}
